"""Three years of dialogues for two schools, built the way users build them:
through the store API and ``yearly.start_followup``. Shared by the year-over-year
tests (store, CLI, TUI, overview export).

Skovskolen (2023 → 2024 → 2025): the reading goal is carried on twice (a chain of
three), the well-being goal is met in 2024, a new after-school goal is set in
2024 and met in 2025. Engskolen (2023 → 2024 → 2025): the transition goal is
carried on in 2024 and not met in 2025, where a new goal is set. 2023 and
2024 are final; 2025 is held (Skovskolen, one checklist point ticked) or a
draft (Engskolen). Each 2023 dialogue also has an internal note, which must
never be followed up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dialog_tui.agenda import load_agenda
from dialog_tui.model import Dialogue, GoalDetails, Participant
from dialog_tui.store import Store
from dialog_tui.yearly import start_followup

SKOV = "Skovskolen"
ENG = "Engskolen"
READING = "Læsning løftes i 4. årgang"
WELLBEING = "Trivslen på mellemtrinnet øges"
AFTER_SCHOOL = "Flere elever bruger SFO og klub"
TRANSITION = "Flere elever er uddannelsesparate i 8. klasse"
ABSENCE = "Fraværet i udskolingen stiger"
DATA_MEETINGS = "Skolen holder datakonference hvert kvartal"
INTERNAL = "Lederen overvejer at gå på pension"
PUPILS = "Eleverne inddrages i undervisningens tilrettelæggelse"


@dataclass
class ThreeYears:
    """Ids of the dialogues by school and year, and of notes by text."""

    dialogues: dict[str, dict[int, int]] = field(default_factory=dict)
    notes: dict[tuple[str, int, str], int] = field(default_factory=dict)

    def dialogue(self, school: str, year: int) -> int:
        return self.dialogues[school][year]

    def note(self, school: str, year: int, text: str) -> int:
        return self.notes[(school, year, text)]


def _note(store, data, school, year, point, text, tags, *, goal=None, internal=False):
    item = store.agenda_items(data.dialogue(school, year))[point - 1]
    note = store.add_note(item.id, text, tags=tags, internal=internal)
    if goal is not None:
        store.set_goal(note.id, goal)
    data.notes[(school, year, text)] = note.id


def _first(store, school: str, held_on: date) -> int:
    agenda = load_agenda("standard")
    return store.create_dialogue(
        Dialogue(
            school=school,
            municipality="Eksempel Kommune",
            held_on=held_on,
            location=f"{school}s mødelokale",
            case_number="17.01.00-G01-7-23",
            case_handler="ABC",
            agenda=agenda.agenda_items(),
            checklist=agenda.checklist_items(),
            participants=[
                Participant(name="Anna Jensen", role="skoleleder", organisation=school),
                Participant(
                    name="Bo Hansen",
                    role="skolechef",
                    organisation="Forvaltningen",
                    agenda_items=[1, 2],
                ),
                Participant(name="Carla Berg", role="forælder", present=False),
            ],
        )
    )


def _goal(store, data, school, year, point, text, theme, indicator, change, due):
    """A measurable goal: ``change`` is (baseline, target)."""
    baseline, target = change
    details = GoalDetails(
        indicator=indicator, baseline=baseline, target=target, due=due, theme=theme
    )
    _note(store, data, school, year, point, text, ["goal", theme], goal=details)


def _followed(store, data, school, year, text, *, carry_on=False, **fields) -> None:
    """Record how the dialogue of ``year`` follows up last year's item ``text``."""
    dialogue_id = data.dialogue(school, year)
    (f,) = [f for f in store.followups(dialogue_id) if f.text == text]
    if carry_on:
        data.notes[(school, year, text)] = store.carry_on(f.id).id
    if fields:
        store.update_followup(f.id, **fields)


def _close(store: Store, dialogue_id: int) -> None:
    for check in store.get_dialogue(dialogue_id).checklist:
        store.set_checklist_done(check.id, True)
    store.mark_held(dialogue_id)
    store.finalize(dialogue_id)


def _next_year(store, data, year: int, *dates: date) -> None:
    for school, held_on in zip((SKOV, ENG), dates, strict=True):
        data.dialogues[school][year] = start_followup(
            store, data.dialogue(school, year - 1), held_on
        )


def build_three_years(store: Store) -> ThreeYears:
    data = ThreeYears()
    for school, held_on in ((SKOV, date(2023, 3, 14)), (ENG, date(2023, 4, 18))):
        data.dialogues[school] = {2023: _first(store, school, held_on)}
    _goal(
        store,
        data,
        SKOV,
        2023,
        1,
        READING,
        "faglige-resultater",
        "Andel sikre læsere, 4. årgang",
        ("62 %", "75 %"),
        date(2024, 6, 30),
    )
    _note(store, data, SKOV, 2023, 2, ABSENCE, ["attention", "tilstedevaerelse"])
    _note(store, data, SKOV, 2023, 2, "Data bruges i årgangsteams.", ["observation"])
    _goal(
        store,
        data,
        SKOV,
        2023,
        3,
        WELLBEING,
        "trivsel",
        "Social trivsel, 4.-6. klasse",
        ("3,7", "3,9"),
        date(2024, 6, 30),
    )
    _note(store, data, SKOV, 2023, 5, DATA_MEETINGS, ["agreement"])
    _note(store, data, SKOV, 2023, 5, INTERNAL, ["attention"], internal=True)
    _goal(
        store,
        data,
        ENG,
        2023,
        2,
        TRANSITION,
        "ungdomsuddannelse",
        "Andel uddannelsesparate, 8. klasse",
        ("71 %", "80 %"),
        date(2024, 12, 31),
    )
    _note(store, data, ENG, 2023, 5, INTERNAL, ["attention"], internal=True)
    for school in (SKOV, ENG):
        _close(store, data.dialogue(school, 2023))

    _next_year(store, data, 2024, date(2024, 3, 12), date(2024, 4, 16))
    _followed(
        store,
        data,
        SKOV,
        2024,
        READING,
        carry_on=True,
        reached="68 %",
        comment="Godt på vej; målet fastholdes.",
    )
    _followed(store, data, SKOV, 2024, WELLBEING, status="opfyldt", reached="3,9")
    _followed(
        store, data, SKOV, 2024, ABSENCE, status="delvist opfyldt", comment="Faldet i 9. klasse."
    )
    _followed(store, data, SKOV, 2024, DATA_MEETINGS, status="opfyldt")
    _goal(
        store,
        data,
        SKOV,
        2024,
        3,
        AFTER_SCHOOL,
        "skolefritid",
        "Andel elever i SFO/klub",
        ("55 %", "65 %"),
        date(2025, 6, 30),
    )
    _followed(
        store,
        data,
        ENG,
        2024,
        TRANSITION,
        carry_on=True,
        reached="69 %",
        comment="Nye tiltag i 7. klasse.",
    )
    for school in (SKOV, ENG):
        _close(store, data.dialogue(school, 2024))

    _next_year(store, data, 2025, date(2025, 3, 11), date(2025, 4, 15))
    _followed(store, data, SKOV, 2025, READING, carry_on=True, reached="72 %")
    _followed(store, data, SKOV, 2025, AFTER_SCHOOL, status="opfyldt", reached="66 %")
    _followed(store, data, ENG, 2025, TRANSITION, status="ikke opfyldt", reached="70 %")
    _note(store, data, ENG, 2025, 4, PUPILS, ["goal", "elevinddragelse"])
    skov25 = data.dialogue(SKOV, 2025)
    store.set_checklist_done(store.get_dialogue(skov25).checklist[0].id, True)
    store.mark_held(skov25)
    return data
