"""Year over year: follow-up dialogues, carried-on goals and their lineage,
statuses, search with filters, the read-only final state and its reopening.
Three years of dialogues for two schools (tests/yearly_data.py)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from yearly_data import (
    ABSENCE,
    AFTER_SCHOOL,
    DATA_MEETINGS,
    ENG,
    INTERNAL,
    PUPILS,
    READING,
    SKOV,
    TRANSITION,
    WELLBEING,
    build_three_years,
)

from dialog_tui.agenda import load_agenda
from dialog_tui.errors import AgendaError, FollowUpError, NotFound, StoreError
from dialog_tui.model import MARK_END, MARK_START, GoalDetails, Participant
from dialog_tui.store import Store
from dialog_tui.yearly import start_followup


@pytest.fixture
def years(store):
    return build_three_years(store)


# --- Follow-up creation ------------------------------------------------------


def test_followup_copies_school_agenda_and_participants(store, years):
    old = store.get_dialogue(years.dialogue(SKOV, 2023))
    new = store.get_dialogue(start_followup(store, old.id, date(2024, 3, 12)))
    assert (new.school, new.municipality, new.location, new.case_handler) == (
        SKOV, "Eksempel Kommune", "Skovskolens mødelokale", "ABC",
    )  # fmt: skip
    assert new.held_on == date(2024, 3, 12)
    assert new.previous == old.uid
    assert new.agenda_file == "standard"
    assert new.case_number == "" and new.memo_date is None
    standard = load_agenda("standard")
    assert [(i.title, i.planned_minutes, i.prompts) for i in new.agenda] == [
        (i.title, i.minutes, i.prompts) for i in standard.items
    ]
    assert [c.text for c in new.checklist] == standard.checklist
    assert not any(c.done for c in new.checklist)
    # Everyone from last year, present and for every point, as a starting point.
    assert [(p.name, p.role, p.organisation, p.present, p.agenda_items)
            for p in new.participants] == [
        ("Anna Jensen", "skoleleder", SKOV, True, []),
        ("Bo Hansen", "skolechef", "Forvaltningen", True, []),
        ("Carla Berg", "forælder", "", True, []),
    ]  # fmt: skip


def test_followup_list_holds_goals_attention_and_agreements_not_internal(store, years):
    old = store.get_dialogue(years.dialogue(SKOV, 2023))
    fresh = store.get_dialogue(start_followup(store, old.id, date(2024, 9, 1)))
    assert [(f.kind, f.text, f.status, f.reached, f.carried_to) for f in fresh.followups] == [
        ("goal", READING, None, "", None),
        ("attention", ABSENCE, None, "", None),
        ("goal", WELLBEING, None, "", None),
        ("agreement", DATA_MEETINGS, None, "", None),
    ]
    assert INTERNAL not in [f.text for f in fresh.followups]
    by_text = {note.text: note for _, _, note in old.notes()}
    reading = fresh.followups[0]
    assert reading.source_uid == by_text[READING].uid
    assert reading.goal == GoalDetails(
        indicator="Andel sikre læsere, 4. årgang", baseline="62 %", target="75 %",
        due=date(2024, 6, 30), theme="faglige-resultater",
    )  # fmt: skip
    assert fresh.followups[1].goal is None
    # No notes yet: the new dialogue's own notes start empty.
    assert fresh.notes() == []


def test_followup_falls_back_to_the_previous_agenda_when_the_file_is_gone(store):
    dialogue_id = store.create_dialogue(
        _dialogue("Bakkeskolen", agenda_file="/nowhere/slettet.toml")
    )
    store.add_agenda_item(dialogue_id, "Ekstra punkt", 15, prompts=["Hvad mere?"])
    new = store.get_dialogue(start_followup(store, dialogue_id, date(2025, 3, 1)))
    old = store.get_dialogue(dialogue_id)
    assert [(i.title, i.planned_minutes, i.prompts) for i in new.agenda] == [
        (i.title, i.planned_minutes, i.prompts) for i in old.agenda
    ]
    assert new.agenda[-1].title == "Ekstra punkt"
    assert new.agenda_file == "/nowhere/slettet.toml"


def test_followup_bad_input_is_a_clear_error_and_creates_nothing(store, years, tmp_path):
    before = len(store.list_dialogues())
    with pytest.raises(NotFound, match="dialog 99 findes ikke"):
        start_followup(store, 99, date(2026, 1, 1))
    with pytest.raises(FollowUpError, match=r"efter .* \(holdt 11.3.2025\)"):
        start_followup(store, years.dialogue(SKOV, 2025), date(2025, 3, 11))
    broken = tmp_path / "broken.toml"
    broken.write_text("items = [", encoding="utf-8")
    dialogue_id = store.create_dialogue(_dialogue("Bakkeskolen", agenda_file=str(broken)))
    with pytest.raises(AgendaError, match="ugyldig TOML"):
        start_followup(store, dialogue_id, date(2026, 1, 1))
    assert len(store.list_dialogues()) == before + 1


def _dialogue(school: str, **fields):
    from dialog_tui.model import Dialogue

    agenda = load_agenda("standard")
    return Dialogue(
        school=school,
        held_on=date(2024, 3, 1),
        agenda=agenda.agenda_items(),
        participants=[Participant(name="Anna Jensen")],
        **fields,
    )


# --- Statuses and the checklist ------------------------------------------------


def test_statuses_across_the_years(store, years):
    assert [(d.school, d.held_on.year, d.status) for d in store.list_dialogues()] == [
        (ENG, 2025, "draft"),
        (SKOV, 2025, "held"),
        (ENG, 2024, "final"),
        (SKOV, 2024, "final"),
        (ENG, 2023, "final"),
        (SKOV, 2023, "final"),
    ]
    history = store.get_dialogue(years.dialogue(SKOV, 2023)).history
    assert [(h.from_status, h.to_status, h.reason) for h in history] == [
        ("draft", "held", ""),
        ("held", "final", ""),
    ]


def test_mark_held_returns_the_unticked_checklist(store, years):
    dialogue_id = years.dialogue(ENG, 2025)
    checks = store.get_dialogue(dialogue_id).checklist
    store.set_checklist_done(checks[0].id, True)
    store.set_checklist_done(checks[2].id, True)
    store.set_checklist_done(checks[2].id, False)
    unticked = store.mark_held(dialogue_id)
    assert [c.text for c in unticked] == [c.text for c in checks[1:]]
    assert store.get_dialogue(dialogue_id).status == "held"
    assert store.unticked_checklist(dialogue_id) == unticked
    assert store.unticked_checklist(years.dialogue(SKOV, 2024)) == []
    with pytest.raises(NotFound, match="tjeklistepunkt 999 findes ikke"):
        store.set_checklist_done(999, True)


def test_dialogues_held_in_a_year_leave_out_drafts_and_the_bin(store, years):
    assert [(d.school, d.status) for d in store.dialogues_held_in(2025)] == [(SKOV, "held")]
    held = store.dialogues_held_in(2024)
    assert [d.school for d in held] == [ENG, SKOV]
    assert [n.text for _, _, n in held[1].notes()] == [READING, AFTER_SCHOOL]
    assert held[1].followups[0].status == "videreført"
    store.delete_dialogue(years.dialogue(ENG, 2024))
    assert [d.school for d in store.dialogues_held_in(2024)] == [SKOV]
    assert store.dialogues_held_in(2030) == []


# --- Carried-on goals and their lineage --------------------------------------


def test_carry_on_makes_a_linked_goal_once(store, years):
    old = store.get_dialogue(years.dialogue(SKOV, 2023))
    new_id = start_followup(store, old.id, date(2024, 10, 1))
    reading = store.followups(new_id)[0]
    note = store.carry_on(reading.id)
    again = store.carry_on(reading.id)
    assert again.id == note.id
    d = store.get_dialogue(new_id)
    ((number, _, goal),) = d.notes()
    # Under the point with the source's title (point 1), with the goal details.
    assert (number, goal.text, goal.tags) == (1, READING, ["goal", "faglige-resultater"])
    source_uid = next(n.uid for _, _, n in old.notes() if n.text == READING)
    assert goal.goal.ancestor == source_uid
    assert (goal.goal.indicator, goal.goal.baseline, goal.goal.target) == (
        "Andel sikre læsere, 4. årgang", "62 %", "75 %",
    )  # fmt: skip
    (f,) = [f for f in d.followups if f.text == READING]
    assert (f.status, f.carried_to) == ("videreført", goal.uid)


def test_carry_on_into_a_chosen_point_and_bad_ids(store, years):
    new_id = start_followup(store, years.dialogue(SKOV, 2023), date(2024, 10, 1))
    absence = store.followups(new_id)[1]
    point4 = store.agenda_items(new_id)[3]
    note = store.carry_on(absence.id, point4.id)
    assert store.note_location(note.id)[1] == point4.id
    assert note.tags == ["goal", "tilstedevaerelse"]
    assert note.goal == GoalDetails(ancestor=absence.source_uid)
    other_point = store.agenda_items(years.dialogue(ENG, 2025))[0]
    wellbeing = store.followups(new_id)[2]
    with pytest.raises(NotFound, match=f"dagsordenspunkt {other_point.id} findes ikke"):
        store.carry_on(wellbeing.id, other_point.id)
    with pytest.raises(NotFound, match="opfølgningspunkt 999 findes ikke"):
        store.carry_on(999)
    assert store.followups(new_id)[2].status is None


def test_goal_history_follows_each_goal_across_three_years(store, years):
    chains = store.goal_history("skovskolen")
    assert [
        [(s.held_on.year, s.status, s.note.text) for s in chain.steps] for chain in chains
    ] == [
        [(2023, "final", READING), (2024, "final", READING), (2025, "held", READING)],
        [(2023, "final", WELLBEING)],
        [(2024, "final", AFTER_SCHOOL)],
    ]
    reading = chains[0]
    assert reading.school == SKOV
    assert [s.dialogue_id for s in reading.steps] == [
        years.dialogue(SKOV, y) for y in (2023, 2024, 2025)
    ]
    assert [s.note.id for s in reading.steps] == [
        years.note(SKOV, y, READING) for y in (2023, 2024, 2025)
    ]
    assert [(s.followup.status, s.followup.reached, s.followup.comment)
            if s.followup else None for s in reading.steps] == [
        ("videreført", "68 %", "Godt på vej; målet fastholdes."),
        ("videreført", "72 %", ""),
        None,
    ]  # fmt: skip
    # Each step's ancestor is the step before.
    assert [s.note.goal.ancestor for s in reading.steps[1:]] == [
        s.note.uid for s in reading.steps[:-1]
    ]
    assert reading.steps[0].note.goal.baseline == "62 %"
    assert (chains[1].steps[0].followup.status, chains[1].steps[0].followup.reached) == (
        "opfyldt", "3,9",
    )  # fmt: skip
    eng = store.goal_history(ENG)
    assert [[(s.held_on.year, s.followup.status if s.followup else None) for s in c.steps]
            for c in eng] == [
        [(2023, "videreført"), (2024, "ikke opfyldt")],
        [(2025, None)],
    ]  # fmt: skip
    assert store.goal_history("Ingen skole") == []


def test_a_goal_carried_on_twice_gives_two_chains_sharing_their_start(store, years):
    # A second dialogue started from 2023 by mistake, carrying the goal on too.
    extra = start_followup(store, years.dialogue(ENG, 2023), date(2024, 9, 1))
    store.carry_on(store.followups(extra)[0].id)
    chains = store.goal_history(ENG)
    assert [[s.dialogue_id for s in c.steps] for c in chains] == [
        [years.dialogue(ENG, 2023), years.dialogue(ENG, 2024)],
        [years.dialogue(ENG, 2023), extra],
        [years.dialogue(ENG, 2025)],
    ]
    # The start's follow-up is the one from the first dialogue after it.
    assert chains[0].steps[0].followup.reached == "69 %"


def test_goal_history_leaves_out_internal_goals_and_the_bin(store, years):
    item = store.agenda_items(years.dialogue(SKOV, 2025))[0]
    store.add_note(item.id, "Internt mål", tags=["goal"], internal=True)
    assert "Internt mål" not in [c.steps[0].note.text for c in store.goal_history(SKOV)]
    store.delete_dialogue(years.dialogue(SKOV, 2025))
    assert [len(c.steps) for c in store.goal_history(SKOV)] == [2, 1, 1]


# --- Search ------------------------------------------------------------------


def _found(hits):
    return [(h.school, h.held_on.year, h.item_number, h.text) for h in hits]


def test_search_a_word_marks_it_and_says_where(store, years):
    hits = store.search("læsning")
    assert _found(hits) == [
        (SKOV, 2025, 1, READING),
        (SKOV, 2024, 1, READING),
        (SKOV, 2023, 1, READING),
    ]
    hit = hits[2]
    assert hit.dialogue_id == years.dialogue(SKOV, 2023)
    assert hit.note_id == years.note(SKOV, 2023, READING)
    assert hit.item_title == "Udvalgte punkter fra skoleplanen"
    assert hit.snippet == f"{MARK_START}Læsning{MARK_END} løftes i 4. årgang"
    assert hit.tags == ["goal", "faglige-resultater"]


def test_search_phrase_prefix_and_words_anded(store, years):
    assert _found(store.search('"elever er uddannelsesparate"')) == [
        (ENG, 2024, 2, TRANSITION),
        (ENG, 2023, 2, TRANSITION),
    ]
    assert store.search('"uddannelsesparate elever"') == []
    hits = store.search("datakonf*")
    assert _found(hits) == [(SKOV, 2023, 5, DATA_MEETINGS)]
    assert MARK_START + "datakonference" + MARK_END in hits[0].snippet
    assert _found(store.search("flere sfo")) == [(SKOV, 2024, 3, AFTER_SCHOOL)]
    assert store.search("flere pension") == []


def test_search_as_you_type_matches_word_beginnings(store, years):
    """The app's search box: every word is a prefix, "datakonf" finds "datakonference"."""
    assert store.search("datakonf") == []
    hits = store.search("datakonf kvart", prefixes=True)
    assert _found(hits) == [(SKOV, 2023, 5, DATA_MEETINGS)]
    assert MARK_START + "datakonference" + MARK_END in hits[0].snippet
    assert _found(store.search('"elever er uddannelsesparate"', prefixes=True)) == [
        (ENG, 2024, 2, TRANSITION),
        (ENG, 2023, 2, TRANSITION),
    ]


def test_search_filters_by_school_year_kind_and_theme(store, years):
    assert {h.school for h in store.search("flere", school="engskolen")} == {ENG}
    assert _found(store.search("flere", school=SKOV)) == [(SKOV, 2024, 3, AFTER_SCHOOL)]
    assert _found(store.search("læsning", year=2024)) == [(SKOV, 2024, 1, READING)]
    assert _found(store.search("skolen", kind="agreement")) == [(SKOV, 2023, 5, DATA_MEETINGS)]
    assert _found(store.search("", kind="attention", school=SKOV)) == [
        (SKOV, 2023, 2, ABSENCE),
        (SKOV, 2023, 5, INTERNAL),
    ]
    assert _found(store.search("", theme="trivsel")) == [(SKOV, 2023, 3, WELLBEING)]
    assert _found(store.search("elever", theme="skolefritid", year=2024, school=SKOV,
                               kind="goal")) == [(SKOV, 2024, 3, AFTER_SCHOOL)]  # fmt: skip
    assert store.search("elever", theme="skolefritid", year=2025) == []
    assert store.search("", school="Ingen skole") == []
    assert store.search("") == []
    # A school's name or its beginning ("skov"); a whole name never widens to others.
    assert {h.school for h in store.search("flere", school="skov")} == {SKOV}
    assert {h.school for h in store.search("", school="skolen")} == set()


def test_search_limit_internal_notes_and_the_bin(store, years):
    assert len(store.search("læsning", limit=2)) == 2
    (hit,) = store.search("pension", school=ENG)
    assert hit.tags == ["attention", "internal"]
    store.delete_dialogue(years.dialogue(SKOV, 2024))
    assert [h.held_on.year for h in store.search("læsning")] == [2025, 2023]


def test_search_follows_edits_of_text_tags_and_header(store, years):
    note_id = years.note(ENG, 2025, PUPILS)
    store.set_note_text(note_id, "Elevrådet inddrages i skemaet")
    assert store.search("tilrettelæggelse") == []
    assert [h.note_id for h in store.search("elevrådet", kind="goal")] == [note_id]
    store.set_tags(note_id, ["agreement"])
    assert store.search("elevrådet", kind="goal") == []
    assert [h.note_id for h in store.search("elevrådet", kind="agreement")] == [note_id]
    store.set_goal(note_id, GoalDetails(theme="inklusion"))
    assert [h.note_id for h in store.search("", theme="inklusion")] == [note_id]
    store.update_dialogue(years.dialogue(ENG, 2025), school="Engskolen Nord",
                          held_on=date(2026, 1, 9))  # fmt: skip
    assert store.search("elevrådet", school=ENG) == []
    assert [h.note_id for h in store.search("elevrådet", school="engskolen nord",
                                            year=2026)] == [note_id]  # fmt: skip


@pytest.mark.parametrize(
    "query", ['"', "*", "NEAR(", 'NEAR("a" "b")', "AND OR NOT", "læs\"ning*", "(", "^", ":",
              "text : læsning", "meta : s", "-", "''", "\x00", "{text}"],
)  # fmt: skip
def test_search_hostile_input_never_raises(store, years, query):
    hits = store.search(query)
    assert all(isinstance(h.text, str) for h in hits)


def test_search_bad_filters_are_danish_errors(store):
    with pytest.raises(StoreError, match="ukendt slags: mål"):
        store.search("x", kind="mål")
    # The store takes any theme key (themes.toml names them; the CLI and the app
    # resolve labels against it); what cannot be a key is refused.
    with pytest.raises(StoreError, match="ukendt tema: Sport og leg"):
        store.search("x", theme="Sport og leg")
    with pytest.raises(StoreError, match="mindst 1"):
        store.search("x", limit=0)


@pytest.mark.parametrize("year", [-5, 0, 999, 10000, 2**70])
def test_a_year_outside_four_digits_is_a_danish_error(store, years, year):
    message = f"ugyldigt år: {year} \\(skriv et år med fire cifre"
    with pytest.raises(StoreError, match=message):
        store.search("læsning", year=year)
    with pytest.raises(StoreError, match=message):
        store.list_dialogues(year=year)
    with pytest.raises(StoreError, match=message):
        store.dialogues_held_in(year)


# --- The read-only final state and its recorded reopening --------------------


def _dump(db_path) -> list:
    conn = sqlite3.connect(db_path)
    try:
        return [
            (table, conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall())
            for table in ("dialogues", "participants", "agenda_items", "notes", "goals",
                          "checklist", "followups", "status_changes")
        ]  # fmt: skip
    finally:
        conn.close()


def test_every_write_to_a_final_dialogue_is_refused(store, years, db_path):
    dialogue_id = years.dialogue(SKOV, 2024)
    d = store.get_dialogue(dialogue_id)
    item = d.agenda[0]
    note = item.notes[0]
    f = d.followups[1]
    before = _dump(db_path)
    writes = {
        "note text": lambda: store.set_note_text(note.id, "Ændret"),
        "note tags": lambda: store.toggle_tag(note.id, "trivsel"),
        "goal": lambda: store.set_goal(note.id, None),
        "new note": lambda: store.add_note(item.id, "Ny"),
        "move note": lambda: store.move_note(note.id, 0, item_id=d.agenda[1].id),
        "delete note": lambda: store.delete_note(note.id),
        "new point": lambda: store.add_agenda_item(dialogue_id, "Nyt punkt"),
        "rename point": lambda: store.update_agenda_item(item.id, title="Omdøbt"),
        "move point": lambda: store.move_agenda_item(item.id, 2),
        "delete point": lambda: store.delete_agenda_item(item.id),
        "participant": lambda: store.add_participant(dialogue_id, Participant(name="Ny")),
        "edit participant": lambda: store.update_participant(d.participants[0].id,
                                                             present=False),
        "remove participant": lambda: store.delete_participant(d.participants[0].id),
        "checklist": lambda: store.set_checklist_done(d.checklist[0].id, False),
        "follow-up": lambda: store.update_followup(f.id, comment="Ændret"),
        "carry on": lambda: store.carry_on(f.id),
        "header": lambda: store.update_dialogue(dialogue_id, location="Rådhuset"),
        "held": lambda: store.mark_held(dialogue_id),
        "status without reason": lambda: store.set_status(dialogue_id, "draft"),
    }  # fmt: skip
    for what, write in writes.items():
        with pytest.raises(StoreError, match="endelig") as e:
            write()
        assert "\n" not in str(e.value), what
    assert _dump(db_path) == before
    # Not even SQL outside the store gets past the triggers.
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError, match="final"):
        conn.execute("UPDATE notes SET text = 'x' WHERE id = ?", (note.id,))
    conn.close()
    assert _dump(db_path) == before


def test_reopening_is_recorded_with_time_and_reason(store, years):
    dialogue_id = years.dialogue(SKOV, 2024)
    note_id = years.note(SKOV, 2024, READING)
    with pytest.raises(StoreError, match="begrundelse"):
        store.reopen(dialogue_id, "   ")
    with pytest.raises(StoreError, match="ikke endelig \\(afholdt\\)"):
        store.reopen(years.dialogue(SKOV, 2025), "Rettelse")
    store.reopen(dialogue_id, "  Forkert målværdi  ")
    store.set_note_text(note_id, "Læsning løftes i 4. og 5. årgang")
    store.finalize(dialogue_id)
    d = store.get_dialogue(dialogue_id)
    assert d.status == "final"
    assert [(h.from_status, h.to_status, h.reason) for h in d.history] == [
        ("draft", "held", ""),
        ("held", "final", ""),
        ("final", "held", "Forkert målværdi"),
        ("held", "final", ""),
    ]
    reopened = d.history[2].at
    assert d.history[1].at < reopened <= d.history[3].at
    assert store.get_note(note_id).text == "Læsning løftes i 4. og 5. årgang"
    with pytest.raises(StoreError, match="endelig"):
        store.set_note_text(note_id, "igen")


def test_a_final_dialogue_can_be_binned_restored_purged_and_loaded(store, years):
    dialogue_id = years.dialogue(ENG, 2023)
    store.delete_dialogue(dialogue_id)
    store.restore_dialogue(dialogue_id)
    copy = store.get_dialogue(dialogue_id)
    copy_id = store.create_dialogue(copy)
    assert store.get_dialogue(copy_id).status == "final"
    assert [n.text for _, _, n in store.get_dialogue(copy_id).notes()] == [TRANSITION, INTERNAL]
    store.purge_dialogue(dialogue_id)
    with pytest.raises(NotFound):
        store.get_dialogue(dialogue_id)
    assert [h.dialogue_id for h in store.search("pension", school=ENG)] == [copy_id]


def test_the_data_survives_reopening_the_file(db_path, years):
    with Store.open(db_path) as again:
        assert len(again.goal_history(SKOV)[0].steps) == 3


def test_status_cannot_change_while_another_instance_edits(store, years, db_path):
    draft, held, final = (years.dialogue(ENG, 2025), years.dialogue(SKOV, 2025),
                          years.dialogue(ENG, 2024))  # fmt: skip
    with Store.open(db_path) as other:
        for dialogue_id in (draft, held, final):
            assert other.acquire_edit_lock(dialogue_id) is None
        for change in (lambda: store.finalize(held), lambda: store.mark_held(draft),
                       lambda: store.reopen(final, "Rettelse")):  # fmt: skip
            with pytest.raises(StoreError, match="åben til redigering i en anden proces"):
                change()
        assert [store.get_dialogue(i).status for i in (draft, held, final)] == [
            "draft",
            "held",
            "final",
        ]
        # The instance holding the lock (the app's own status screen) may.
        other.finalize(held)
        assert store.get_dialogue(held).status == "final"
        other.release_edit_lock(final)
    store.reopen(final, "Rettelse")
    assert store.get_dialogue(final).status == "held"


def test_school_filters_fold_danish_letters_too(store):
    from dialog_tui.model import GoalDetails as Goal

    ids = {}
    for school, year in (("Ærøskolen", 2024), ("ÆRØSKOLEN", 2025), ("Åbyskolen", 2024)):
        ids[school, year] = store.create_dialogue(
            replace(_dialogue(school), held_on=date(year, 3, 1))
        )
        item = store.agenda_items(ids[school, year])[0]
        note = store.add_note(item.id, f"Læsning på {school}", tags=["goal"])
        store.set_goal(note.id, Goal(indicator="Andel sikre læsere"))
    for typed in ("ærøskolen", "ÆRØSKOLEN", " Ærøskolen "):
        assert [(d.school, d.held_on.year) for d in store.list_dialogues(school=typed)] == [
            ("ÆRØSKOLEN", 2025),
            ("Ærøskolen", 2024),
        ]
        assert [h.school for h in store.search("læsning", school=typed)] == [
            "ÆRØSKOLEN",
            "Ærøskolen",
        ]
        assert [h.school for h in store.search("", school=typed, year=2024)] == ["Ærøskolen"]
        assert [c.steps[0].held_on.year for c in store.goal_history(typed)] == [2024, 2025]
    assert [h.school for h in store.search("", school="ÅBYSKOLEN")] == ["Åbyskolen"]
    assert [d.school for d in store.list_dialogues(school="åbyskolen")] == ["Åbyskolen"]
    # Search takes the beginning of a name too, Danish letters folded; the list does not.
    assert {h.school.casefold() for h in store.search("læsning", school="ærøskole")} == {
        "ærøskolen"
    }
    assert store.list_dialogues(school="Ærøskole") == []
    assert store.list_dialogues(school="Øskolen") == []
    assert store.goal_history("Øskolen") == []
    # A blank school is no filter.
    assert len(store.list_dialogues(school=" ")) == 3
    assert len(store.search("læsning", school=" ")) == 3
