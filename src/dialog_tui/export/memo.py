"""The memo (*notat*): a dialogue as the Word document filed on the case.

Layout as in a real municipal memo: the date / case number / case handler block
top right, the title, who took part, the agenda as a numbered list, one section
``1) <title>`` per point with its paragraphs and bullets, then (when the dialogue
follows up a previous one) how last year's goals, attention points and agreements
went, and optionally a summary of goals, attention points and agreements by theme
and a table of the key figures the goals use. Internal notes never appear, tags
never print, and a confidential key figure (national tests) never prints: the memo
is filed where the public may read it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from docx.shared import Pt, Twips

from .. import strings as S
from ..figures_model import Series, goal_series, mask_confidential, memo_table
from ..model import Dialogue, FollowUp, Note, Participant
from ..text import goal_line, join, long_date, outcome
from ..themes import ThemeSet, current_themes
from .cpr import Printed, dialogue_texts, field_texts, refuse_cpr
from .document import Writer, add_page_furniture, save_document, set_properties, top_right_block
from .goals import note_theme
from .opening import open_document
from .style import DEFAULT, MemoStyle, date_line, use_bullet

if TYPE_CHECKING:
    from docx.document import Document

SUMMARY_KINDS = ("goal", "attention", "agreement")


def memo_title(dialogue: Dialogue) -> str:
    return S.MEMO_TITLE.format(school=dialogue.school, date=long_date(dialogue.held_on))


def memo_date(dialogue: Dialogue, today: date | None = None) -> date:
    """The writing date: the one set on the dialogue, else today."""
    return dialogue.memo_date or today or date.today()


def default_file_name(dialogue: Dialogue) -> str:
    """``Referat Herstedøster Skole 10. marts 2025.docx``, safe as a file name."""
    name = S.MEMO_FILE_NAME.format(school=dialogue.school, date=long_date(dialogue.held_on))
    return "".join("-" if c in '/\\:*?"<>|' else c for c in name)


def placeholder_context(dialogue: Dialogue, today: date | None = None) -> dict[str, str]:
    """Values for a template's ``{{ dato }}``, ``{{ sagsnr }}`` … placeholders."""
    return {
        "dato": long_date(memo_date(dialogue, today)),
        "sagsnr": dialogue.case_number,
        "sagsbehandler": dialogue.case_handler,
        "titel": memo_title(dialogue),
        "skole": dialogue.school,
        "aar": str(dialogue.held_on.year),
        "kommune": dialogue.municipality,
    }


def build_memo(
    dialogue: Dialogue,
    *,
    template: Path | None = None,
    summary: bool | None = None,
    today: date | None = None,
    figures: list[Series] | None = None,
    figures_table: bool = False,
    allow_cpr: bool = False,
    style: MemoStyle = DEFAULT,
    themes: ThemeSet | None = None,
) -> Document:
    """The memo in ``style`` (``summary`` None: as the style says). ``figures``:
    the school's key figures (goals tied to a confidential one print it as such);
    ``figures_table``: add a table of those the goals use. Unless ``allow_cpr``,
    :class:`~.cpr.CprFound` when anything the memo would print (text, placeholder
    values, the template's text) holds a CPR number."""
    dialogue = mask_confidential(dialogue, figures or [])
    context = placeholder_context(dialogue, today)
    opened = open_document(template, context)
    series = goal_series(dialogue, figures) if figures_table and figures else []
    if not allow_cpr:
        printed = [*dialogue_texts(dialogue), *field_texts(context)]
        table = memo_table(series)[0]
        printed += [Printed(S.CPR_PLACE_FIGURES, " ".join(row)) for row in table]
        refuse_cpr(printed, opened.printed)
    document = opened.document
    w = Writer(document)
    w.bullet_char = style.bullet
    use_bullet(document, style.bullet, [w.styles[r] for r in _BULLET_ROLES if w.styles[r]])
    title = context["titel"]
    top_right_block(w, context, skip=opened.placeholders)
    w.paragraph(title, "title")
    if line := date_line(dialogue, style.date_line):
        w.paragraph(line)
    if style.participants == "grouped":
        _participants(w, dialogue)
    elif style.participants == "list":
        _participant_list(w, dialogue)
    if style.agenda_list:
        w.paragraph(S.MEMO_OPENING)
        for number, item in enumerate(dialogue.agenda, start=1):
            w.numbered(item.title, number)
    joining = _joining(dialogue)
    for number, item in enumerate(dialogue.agenda, start=1):
        partial = joining.get(number, [])
        printed = [n for n in item.notes if not n.internal and n.text.strip()]
        if not (style.empty_points or printed or partial):
            continue
        heading = S.MEMO_SECTION.format(number=number, title=item.title)
        w.paragraph(heading if style.numbered_headings else item.title, "heading",
                    keep_with_next=True)  # fmt: skip
        for line in partial:
            w.paragraph(line)
        _notes(w, printed)
    if dialogue.followups:
        _followups(w, dialogue.followups, style)
    if style.summary if summary is None else summary:
        _summary(w, dialogue, style, themes or current_themes())
    if series:
        _figures(w, series)
    add_page_furniture(document, S.MEMO_RUNNING_HEADER.format(title=title))
    set_properties(
        document,
        title=title,
        subject=S.MEMO_SUBJECT.format(school=dialogue.school, year=dialogue.held_on.year),
        author=dialogue.case_handler,
        keywords=dialogue.case_number,
    )
    return document


_BULLET_ROLES = ("bullet", "bullet2", "bullet3", "bullet4", "bullet5")


def export_memo(
    dialogue: Dialogue,
    path: Path,
    *,
    template: Path | None = None,
    summary: bool | None = None,
    today: date | None = None,
    figures: list[Series] | None = None,
    figures_table: bool = False,
    allow_cpr: bool = False,
    style: MemoStyle = DEFAULT,
) -> Path:
    """Build the memo and write it atomically to ``path``; reads nothing but
    ``dialogue``, ``figures``, the template and the themes, writes nothing but ``path``."""
    document = build_memo(
        dialogue,
        template=template,
        summary=summary,
        today=today,
        figures=figures,
        figures_table=figures_table,
        allow_cpr=allow_cpr,
        style=style,
    )
    return save_document(document, path)


# --- Blocks ------------------------------------------------------------------


def _person(p: Participant, points: int) -> str:
    details = [p.role] if p.role else []
    runs = _runs(p, points)
    if len(runs) == 1 and runs[0][1] == points and runs[0][0] < points:
        details.append(S.MEMO_ATTENDED_FROM.format(point=runs[0][0]))
    elif runs:
        details.append(S.MEMO_ATTENDED_POINTS.format(points=_stretches(runs)))
    return f"{p.name} ({', '.join(details)})" if details else p.name


def _is_school(p: Participant, dialogue: Dialogue) -> bool:
    return not p.organisation or p.organisation.casefold() == dialogue.school.casefold()


def _is_administration(p: Participant, dialogue: Dialogue) -> bool:
    org = p.organisation.casefold()
    return "forvaltning" in org or (
        bool(dialogue.municipality) and org == dialogue.municipality.casefold()
    )


def _participants(w: Writer, dialogue: Dialogue) -> None:
    """``Deltagere:``: the school's people, then the administration, then each
    other organisation (a partner school), then who sent apologies."""
    if not dialogue.participants:
        return
    points = len(dialogue.agenda)
    present = [p for p in dialogue.participants if p.present]
    school = [p for p in present if _is_school(p, dialogue)]
    administration = [p for p in present if _is_administration(p, dialogue)]
    others: dict[str, list[Participant]] = {}
    for p in present:
        if p not in school and p not in administration:
            others.setdefault(p.organisation, []).append(p)
    absent = [p for p in dialogue.participants if not p.present]

    def people(group: Iterable[Participant]) -> str:
        return join([_person(p, points) for p in group])

    lines = [S.MEMO_PARTICIPANTS]
    if school:
        lines.append(people(school))
    if administration:
        lines.append(S.MEMO_FROM.format(organisation=S.MEMO_ADMINISTRATION,
                                        people=people(administration)))  # fmt: skip
    for organisation, group in others.items():
        lines.append(S.MEMO_FROM.format(organisation=organisation, people=people(group)))
    if absent:
        lines.append(S.MEMO_ABSENT.format(people=people(absent)))
    for i, line in enumerate(lines):
        paragraph = w.paragraph(line, bold=i == 0)
        if i < len(lines) - 1:
            paragraph.paragraph_format.space_after = Pt(3)
            paragraph.paragraph_format.keep_with_next = True


def _participant_list(w: Writer, dialogue: Dialogue) -> None:
    """``Deltagere:`` and one bullet per person present: ``Name (role, organisation)``."""
    present = [p for p in dialogue.participants if p.present]
    if not present:
        return
    w.paragraph(S.MEMO_PARTICIPANTS, bold=True, keep_with_next=True)
    points = len(dialogue.agenda)
    for p in present:
        shown = replace(p, role=", ".join(filter(None, (p.role, p.organisation))))
        w.bullet(_person(shown, points))


def _runs(p: Participant, points: int) -> list[tuple[int, int]]:
    """The stretches of consecutive points someone attended, when not the whole
    meeting (first and last point number of each)."""
    attended = sorted({n for n in p.agenda_items if 1 <= n <= points})
    if not p.present or not attended or len(attended) == points:
        return []
    runs: list[tuple[int, int]] = []
    for n in attended:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def _stretches(runs: list[tuple[int, int]]) -> str:
    """``1 og 2``, ``1-3 og 5``: a stretch of three or more points as a range."""
    parts: list[str] = []
    for first, last in runs:
        if last - first >= 2:
            parts.append(f"{first}-{last}")
        else:
            parts.extend(str(n) for n in range(first, last + 1))
    return join(parts)


def _joining(dialogue: Dialogue) -> dict[int, list[str]]:
    """Per point number, the lines saying who joined the meeting there, once at
    the first point of each stretch (people with the same stretch in one line)."""
    points = len(dialogue.agenda)
    said: dict[int, dict[str, list[str]]] = {}
    for p in dialogue.participants:
        for first, last in _runs(p, points):
            if first == last:
                line = S.MEMO_ATTENDED_THIS_POINT
            elif last == points:
                line = S.MEMO_ATTENDED_FROM_HERE
            else:
                line = S.MEMO_ATTENDED_STRETCH.replace("{points}", _stretches([(first, last)]))
            name = f"{p.name} ({p.role})" if p.role else p.name
            said.setdefault(first, {}).setdefault(line, []).append(name)
    return {
        n: [line.format(people=join(names)) for line, names in lines.items()]
        for n, lines in said.items()
    }


def _notes(w: Writer, notes: Iterable[Note]) -> None:
    for note in notes:
        if note.internal or not note.text.strip():
            continue
        if note.kind == "bullet":
            w.bullet(note.text.rstrip(), note.level)
        else:
            paragraph = w.paragraph(note.text.rstrip())
            if note.level:
                paragraph.paragraph_format.left_indent = Twips(360 * note.level)


def _followups(w: Writer, followups: list[FollowUp], style: MemoStyle) -> None:
    """``Opfølgning på sidste års mål``: each of last year's goals, attention points
    and agreements with its numbers, how it went and the comment."""
    w.paragraph(S.FOLLOWUPS_TITLE, "heading")
    for f in followups:
        label = S.MEMO_SUMMARY_KINDS.get(f.kind, S.KIND_LABELS[f.kind])
        w.bullet(f"{label}: {f.text}" if f.text else label)
        if f.goal and (line := goal_line(f.goal, question_marks=style.question_marks)):
            w.bullet(line, 1)
        w.bullet(S.MEMO_FOLLOWUP_STATUS.format(outcome=outcome(f)), 1)
        if f.comment:
            w.bullet(S.MEMO_FOLLOWUP_COMMENT.format(comment=f.comment), 1)


def _summary(w: Writer, dialogue: Dialogue, style: MemoStyle, themes: ThemeSet) -> None:
    """Goals, attention points and agreements, grouped by the plan's themes."""
    by_theme: dict[str | None, list[tuple[str, Note]]] = {}
    for _, _, note in dialogue.notes():
        if note.internal or not note.text.strip():
            continue
        for kind in SUMMARY_KINDS:
            if kind in note.kinds:
                by_theme.setdefault(note_theme(note), []).append((kind, note))
                break
    if not by_theme:
        return
    w.paragraph(S.MEMO_SUMMARY, "heading", keep_with_next=True)
    names = sorted({p.name for p in dialogue.participants if p.name}, key=len, reverse=True)
    # The plan's themes in its order, then themes no longer in it, then none.
    order = [*themes.keys, *sorted(t for t in by_theme if t and t not in themes.keys), None]
    for theme in order:
        entries = by_theme.get(theme)
        if not entries:
            continue
        label = themes.label(theme) if theme else S.MEMO_SUMMARY_NO_THEME
        w.paragraph(label, "subheading", keep_with_next=True)
        entries.sort(key=lambda e: SUMMARY_KINDS.index(e[0]))
        for kind, note in entries:
            w.bullet(_summary_line(S.MEMO_SUMMARY_KINDS[kind], note.text.rstrip(), names))
            if (
                kind == "goal"
                and note.goal
                and (line := goal_line(note.goal, question_marks=style.question_marks))
            ):
                w.bullet(line, 1)


def _summary_line(label: str, text: str, names: list[str]) -> str:
    """``Mål: …``; a note that opens with who said it ("Mette Holm: …", as the
    meeting's speaker key writes it) as ``Mål (Mette Holm): …``, not two colons."""
    for name in names:
        if text.startswith(f"{name}:"):
            return f"{label} ({name}): {text[len(name) + 1 :].lstrip()}"
    return f"{label}: {text}"


def _figures(w: Writer, series: list[Series]) -> None:
    """``Nøgletal``: the goals' indicators over the last school years; confidential
    ones are left out, and the memo says so."""
    rows, left_out = memo_table(series)
    if not rows and not left_out:
        return
    w.paragraph(S.KEY_FIGURES_HEADING, "heading")
    if rows:
        years = len(rows[0]) - 2
        w.table(rows, widths=(3, *[1] * years, 2), right_columns=range(1, years + 1))
    if left_out:
        w.paragraph(S.MEMO_FIGURES_LEFT_OUT)
