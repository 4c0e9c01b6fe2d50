"""The council's overview (*samlet oversigt til byrådet og børne- og
skoleudvalget*): every school's goals from the dialogues held in one year.

One Word document on the same template as the memo: the date top right, a title,
a line saying which dialogues it covers, then per school (in Danish alphabetical
order) its dialogue's date and each goal with indicator, baseline → target, due
date, theme and, for a goal carried on from last year, how last year's goal went, and,
for a goal tied to a key figure, its latest value (a confidential one says so
instead, and its baseline too); last a table counting goals by theme across
schools. Internal notes never appear.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from .. import strings as S
from ..errors import ExportError
from ..figures_model import Series, actual_text, mask_confidential, series_for
from ..model import Dialogue, FollowUp, FollowUpStatus, Note, Status
from ..text import goal_line, long_date, outcome, sort_key
from ..themes import ThemeSet, current_themes
from .cpr import Printed, field_texts, refuse_cpr
from .document import Writer, add_page_furniture, save_document, set_properties, top_right_block
from .goals import note_theme
from .opening import open_document

if TYPE_CHECKING:
    from docx.document import Document


def overview_title(year: int) -> str:
    return S.OVERVIEW_TITLE.format(year=year)


def default_file_name(year: int) -> str:
    """``Skolernes mål 2025.docx``."""
    return S.OVERVIEW_FILE_NAME.format(year=year)


@dataclass
class Goal:
    """One goal as the overview prints it."""

    note: Note
    theme: str | None
    last_year: FollowUp | None = None
    figure: Series | None = None


@dataclass
class SchoolDialogue:
    dialogue: Dialogue
    goals: list[Goal] = field(default_factory=list)

    @property
    def not_carried(self) -> list[FollowUp]:
        """Last year's goals that were not carried on: the council hears how they went."""
        return [
            f
            for f in self.dialogue.followups
            if f.kind == "goal" and f.carried_to is None and f.status != FollowUpStatus.carried_on
        ]


def most_dialogues(dialogues: Sequence[Dialogue]) -> str:
    """The municipality most of ``dialogues`` belong to: the overview's default."""
    from collections import Counter

    counts = Counter(d.municipality for d in dialogues)
    return counts.most_common(1)[0][0] if counts else ""


def of_municipality(dialogues: Sequence[Dialogue], municipality: str, year: int) -> list[Dialogue]:
    """The dialogues of one municipality (its name in any case); none is an error
    naming the municipalities there are."""
    wanted = municipality.strip().casefold()
    found = [d for d in dialogues if d.municipality.strip().casefold() == wanted]
    if not found:
        known = ", ".join(sorted({d.municipality or "-" for d in dialogues}, key=sort_key))
        raise ExportError(
            S.OVERVIEW_NO_MUNICIPALITY.format(municipality=municipality, year=year, known=known)
        )
    return found


def goals_of(dialogue: Dialogue) -> list[Goal]:
    """The dialogue's goals in agenda order (internal and empty notes left out),
    each with the follow-up that carried it on from last year, if any."""
    carried = {f.carried_to: f for f in dialogue.followups if f.carried_to}
    return [
        Goal(note, note_theme(note), carried.get(note.uid))
        for _, _, note in dialogue.notes()
        if "goal" in note.tags and not note.internal and note.text.strip()
    ]


def by_school(
    dialogues: Sequence[Dialogue], figures: Mapping[str, list[Series]] | None = None
) -> list[tuple[str, list[SchoolDialogue]]]:
    """Schools in Danish alphabetical order, each with its dialogues by date (a
    name written in other case is the same school); ``figures``: key figures by
    school, tied to the goals that name them (confidential ones masked)."""
    ordered = sorted(dialogues, key=lambda d: (sort_key(d.school), d.held_on))
    groups = [list(group) for _, group in groupby(ordered, key=lambda d: sort_key(d.school))]
    return [(group[0].school, [_entry(d, figures) for d in group]) for group in groups]


def _entry(dialogue: Dialogue, figures: Mapping[str, list[Series]] | None) -> SchoolDialogue:
    series = (figures or {}).get(dialogue.school, [])
    entry = SchoolDialogue(dialogue, goals_of(mask_confidential(dialogue, series)))
    for goal in entry.goals:
        goal.figure = series_for(goal.note.goal, series)
    return entry


def printed_texts(schools: Sequence[tuple[str, list[SchoolDialogue]]]) -> Iterator[Printed]:
    """What the overview prints of each school (its name, its goals, how last
    year's went and their key figures), for the CPR check; other notes do not count."""
    for school, held in schools:
        place = S.CPR_PLACE_SCHOOL.format(school=school)
        parts = [school]
        for entry in held:
            for goal in entry.goals:
                note, last = goal.note, goal.last_year
                parts.append(note.text)
                if note.goal:
                    parts += [note.goal.indicator, note.goal.baseline, note.goal.target]
                if last:
                    parts += [last.reached, last.comment]
                    if last.goal:
                        parts.append(last.goal.target)
                if goal.figure:
                    parts.append(actual_text(goal.figure))
            for followup in entry.not_carried:
                parts += [followup.text, followup.reached, followup.comment]
        yield Printed(place, "\n".join(parts))


def _counted(forms: tuple[str, str], count: int) -> str:
    return forms[0 if count == 1 else 1].format(count=count)


def _common(values: Sequence[str]) -> str:
    """The value every dialogue shares (municipality, case handler), else empty."""
    distinct = set(values)
    return distinct.pop() if len(distinct) == 1 else ""


def placeholder_context(
    dialogues: Sequence[Dialogue],
    year: int,
    *,
    case_number: str = "",
    today: date | None = None,
) -> dict[str, str]:
    """Values for a template's ``{{ dato }}``, ``{{ titel }}``, ``{{ aar }}`` …;
    ``{{ sagsnr }}`` is the council case's number when given, ``{{ skole }}`` empty."""
    return {
        "dato": long_date(today or date.today()),
        "titel": overview_title(year),
        "aar": str(year),
        "kommune": _common([d.municipality for d in dialogues]),
        "sagsbehandler": _common([d.case_handler for d in dialogues]),
        "sagsnr": case_number.strip(),
        "skole": "",
    }


def build_overview(
    dialogues: list[Dialogue],
    year: int,
    *,
    template: Path | None = None,
    case_number: str = "",
    today: date | None = None,
    figures: Mapping[str, list[Series]] | None = None,
    allow_cpr: bool = False,
) -> Document:
    """The overview of ``dialogues`` (those held in ``year``); none is an error.
    ``case_number`` is the council case's, for the block top right and the
    template's ``{{ sagsnr }}``; ``figures``: each school's key figures. Unless
    ``allow_cpr``, :class:`~.cpr.CprFound` when anything it would print holds a
    CPR number."""
    if not dialogues:
        raise ExportError(S.OVERVIEW_NONE_HELD.format(year=year))
    context = placeholder_context(dialogues, year, case_number=case_number, today=today)
    opened = open_document(template, context)
    schools = by_school(dialogues, figures)
    themes = current_themes()
    if not allow_cpr:
        refuse_cpr([*printed_texts(schools), *field_texts(context)], opened.printed)
    document = opened.document
    w = Writer(document)
    title = context["titel"]
    top_right_block(w, context, skip=opened.placeholders)
    w.paragraph(title, "title")
    w.paragraph(S.OVERVIEW_SUBJECT, bold=True)
    w.paragraph(_intro(dialogues, len(schools)))
    for school, held in schools:
        # Kept with what follows: a school's name never ends a page alone.
        w.paragraph(school, "heading", keep_with_next=True)
        for entry in held:
            _dialogue(w, entry, themes)
    _theme_table(w, schools, themes)
    add_page_furniture(document, S.OVERVIEW_RUNNING_HEADER.format(title=title))
    set_properties(
        document,
        title=title,
        subject=S.OVERVIEW_SUBJECT,
        author=context["sagsbehandler"],
        keywords=" ".join(filter(None, (context["sagsnr"], str(year)))),
    )
    return document


def export_overview(
    dialogues: list[Dialogue],
    year: int,
    output: Path,
    *,
    template: Path | None = None,
    case_number: str = "",
    today: date | None = None,
    figures: Mapping[str, list[Series]] | None = None,
    allow_cpr: bool = False,
) -> Path:
    """Build the overview and write it atomically to ``output``."""
    document = build_overview(
        dialogues,
        year,
        template=template,
        case_number=case_number,
        today=today,
        figures=figures,
        allow_cpr=allow_cpr,
    )
    return save_document(document, output)


# --- Blocks ------------------------------------------------------------------


def _intro(dialogues: Sequence[Dialogue], schools: int) -> str:
    dates = sorted(d.held_on for d in dialogues)
    if dates[0] == dates[-1]:
        period = S.OVERVIEW_PERIOD_ONE.format(date=long_date(dates[0]))
    else:
        period = S.OVERVIEW_PERIOD.format(first=long_date(dates[0]), last=long_date(dates[-1]))
    return S.OVERVIEW_INTRO.format(
        dialogues=_counted(S.OVERVIEW_DIALOGUES, len(dialogues)),
        schools=_counted(S.OVERVIEW_SCHOOLS, schools),
        period=period,
    )


def _dialogue(w: Writer, entry: SchoolDialogue, themes: ThemeSet) -> None:
    line = S.OVERVIEW_DIALOGUE.format(date=long_date(entry.dialogue.held_on))
    if entry.dialogue.status != Status.final:
        line = S.OVERVIEW_NOT_FINAL.format(line=line)
    w.paragraph(line, keep_with_next=True)
    if not entry.goals:
        w.paragraph(S.OVERVIEW_NO_GOALS, keep_with_next=bool(entry.not_carried))
    for goal in entry.goals:
        w.bullet(goal.note.text)
        if goal.note.goal and (line := goal_line(goal.note.goal)):
            w.bullet(line, 1)
        if goal.figure and goal.figure.confidential:
            w.bullet(S.OVERVIEW_CONFIDENTIAL, 1)
        elif goal.figure:
            w.bullet(S.FIGURES_LATEST.format(value=actual_text(goal.figure)), 1)
        if goal.theme:
            w.bullet(S.OVERVIEW_THEME.format(theme=themes.label(goal.theme)), 1)
        if goal.last_year:
            comment = goal.last_year.comment
            template = S.OVERVIEW_LAST_YEAR_COMMENT if comment else S.OVERVIEW_LAST_YEAR
            w.bullet(template.format(outcome=outcome(goal.last_year), comment=comment), 1)
    if entry.not_carried:
        w.paragraph(S.OVERVIEW_NOT_CARRIED, keep_with_next=True)
        for followup in entry.not_carried:
            w.bullet(S.OVERVIEW_NOT_CARRIED_GOAL.format(text=followup.text,
                                                        outcome=outcome(followup)))  # fmt: skip
            if followup.comment:
                w.bullet(followup.comment, 1)


def theme_counts(
    schools: Sequence[tuple[str, list[SchoolDialogue]]],
    themes: ThemeSet | None = None,
) -> list[tuple[str | None, int, int]]:
    """(theme, goals, schools with at least one) for every theme of the plan, in
    the plan's order, then goals without a theme when there are any."""
    goals: dict[str | None, int] = {}
    with_theme: dict[str | None, set[str]] = {}
    for school, held in schools:
        for entry in held:
            for goal in entry.goals:
                goals[goal.theme] = goals.get(goal.theme, 0) + 1
                with_theme.setdefault(goal.theme, set()).add(school)
    plan = (themes or current_themes()).keys
    order: list[str | None] = [*plan, *sorted(t for t in goals if t and t not in plan)]
    if None in goals:
        order.append(None)
    return [(t, goals.get(t, 0), len(with_theme.get(t, ()))) for t in order]


def _theme_table(
    w: Writer, schools: Sequence[tuple[str, list[SchoolDialogue]]], themes: ThemeSet
) -> None:
    counts = theme_counts(schools, themes)
    w.paragraph(S.OVERVIEW_THEMES_HEADING, "heading", keep_with_next=True)
    w.paragraph(S.OVERVIEW_THEMES_INTRO, keep_with_next=True)
    total_goals = sum(goals for _, goals, _ in counts)
    total_schools = sum(1 for _, held in schools if any(e.goals for e in held))
    rows = [
        list(S.OVERVIEW_TABLE_HEADER),
        *(
            [themes.label(t) if t else S.OVERVIEW_NO_THEME, str(goals), str(n)]
            for t, goals, n in counts
        ),
        [S.OVERVIEW_TABLE_TOTAL, str(total_goals), str(total_schools)],
    ]
    w.table(rows, widths=(3, 1, 1), bold_rows=(0, len(rows) - 1), right_columns=(1, 2))
