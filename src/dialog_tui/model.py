"""The domain model: a school development dialogue and everything written in it.

Plain dataclasses, no I/O. Reading our own database builds them directly (its rows
were validated on their way in); whatever comes from outside goes through
``gate.validated``, where pydantic checks each field by the rules written in the
annotations (``cleaning.Rule``), which stay strings until then. The same classes
are the exchange format (one dialogue as one JSON file, ``format:
"dialog-tui/1"``); database ids are carried for the UI but never dumped.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal

from .cleaning import Rule, clean_line, clean_text

FORMAT = "dialog-tui/1"

KINDS: tuple[str, ...] = ("observation", "goal", "attention", "agreement")
"""Tag kinds: what a note is, as the facilitator marks it."""

THEMES: tuple[str, ...] = (
    "trivsel",
    "faglige-resultater",
    "tilstedevaerelse",
    "ungdomsuddannelse",
    "elevinddragelse",
    "foraeldresamarbejde",
    "inklusion",
    "skolefritid",
    "medarbejdere",
)
"""Themes of the municipal development plan."""

THEME_KEY = r"^[a-z0-9][a-z0-9-]{0,39}$"
"""A theme's key: the default nine above, or one of a municipality's plan
(``themes.toml``); the files, not the model, say which keys a user may choose."""

Kind = Literal["observation", "goal", "attention", "agreement"]
Theme = Annotated[str, Rule(pattern=THEME_KEY)]
Tag = Kind | Theme
NoteKind = Literal["paragraph", "bullet"]
MAX_LEVEL = 5
MAX_NOTE_CHARS = 20_000
"""A note longer than this is refused where it is typed, pasted or saved: longer
text belongs in several notes (and a 100,000-character note made typing crawl)."""

MAX_INT = 2**63 - 1
"""SQLite's largest integer: every whole number in the model fits in a column."""

DbInt = Annotated[int, Rule(le=MAX_INT)]
DbId = Annotated[DbInt | None, Rule(hidden=True)]
"""A row id in the local database: filled by the store, never exported."""

Line = Annotated[str, Rule(before=clean_line)]
"""Every one-line text field (a name, a title, a case number): control and escape
characters dropped, tabs and line breaks made spaces (see ``cleaning``). Each str
field of the model is a Line or a MultiLine (or carries their ``Rule``);
``tests/test_hostile_text.py`` fails for one that is neither."""
MultiLine = Annotated[str, Rule(before=clean_text)]
"""Text that may span lines (a note): as Line, but ``\\n`` and ``\\t`` are kept."""


def _marks_kept(v: str) -> str:
    parts = (p.split(MARK_END) for p in v.split(MARK_START))
    return MARK_START.join(MARK_END.join(map(clean_line, p)) for p in parts)


def _naive_time(v: time) -> time:
    """A meeting time is a wall-clock time: a zone given with it is dropped, so
    one time with a zone and one without still compare."""
    return v.replace(tzinfo=None)


def _hh_mm(v: time) -> str:
    """Meeting times as people write them: ``09:00``."""
    return v.strftime("%H:%M") if not (v.second or v.microsecond) else v.isoformat()


def _aware(v: datetime) -> datetime:
    """Moments are aware, in local time (a naive one is local time, as the store
    reads it), so any two compare; one that local time cannot hold is refused."""
    try:
        return v.astimezone()
    except (OverflowError, ValueError):
        raise ValueError("moment out of range") from None


ClockTime = Annotated[time, Rule(after=_naive_time, serialize=_hh_mm)]
Moment = Annotated[datetime, Rule(after=_aware)]

# Lengths where the outside world has a limit: Word's core properties hold 255
# characters, and the memo's title (``Referat fra skoleudviklingssamtale på
# {school} {date}``), subject and keywords carry these fields.
MAX_SCHOOL = 150
MAX_MUNICIPALITY = 100
MAX_CASE_NUMBER = 60
MAX_LINE = 1000
"""Any other one-line field: a name or a title, not a page."""
ListLine = Annotated[str, Rule(before=clean_line, max_length=MAX_LINE)]
"""One entry of a list of lines (prompts, tags)."""


def new_uid() -> str:
    return uuid.uuid4().hex


def _field(default: Any = None, *, factory: Any = None, **rules: Any) -> Any:
    """A dataclass field; ``rules`` (``max_length``, ``ge``, ``exclude``,
    ``description``, …) are read by the gate as pydantic's ``Field`` arguments."""
    if factory is not None:
        return field(default_factory=factory, metadata=rules)
    return field(default=default, metadata=rules)


def _required(**rules: Any) -> Any:
    return field(metadata=rules)


def _db_id() -> Any:
    return field(default=None, metadata={"exclude": True})


model = dataclass(slots=True, kw_only=True)
"""The model's classes: plain, keyword-only dataclasses; ``__pydantic_config__``
is how the gate reads them (unknown keys are refused)."""
FORBID: dict[str, Any] = {"extra": "forbid", "revalidate_instances": "always"}


class Status(StrEnum):
    draft = "draft"
    held = "held"
    final = "final"


class FollowUpStatus(StrEnum):
    met = "opfyldt"
    partly_met = "delvist opfyldt"
    not_met = "ikke opfyldt"
    carried_on = "videreført"


@model
class GoalDetails:
    """What makes a goal followable next year: measure, start value, target, horizon."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID

    indicator: Line = _field("", max_length=MAX_LINE)
    baseline: Line = _field("", max_length=MAX_LINE)
    target: Line = _field("", max_length=MAX_LINE)
    due: date | None = None
    theme: Theme | None = None
    ancestor: Line | None = _field(description="uid of the goal note this one carries on from")


def _unique_tags(v: list[str]) -> list[str]:
    return list(dict.fromkeys(v))


@model
class Note:
    """One paragraph or bullet under an agenda point."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID

    id: DbId = _db_id()
    uid: Line = _field(factory=new_uid)
    text: MultiLine = ""
    kind: NoteKind = "bullet"
    level: int = _field(0, ge=0, le=MAX_LEVEL)
    tags: Annotated[list[Tag], Rule(after=_unique_tags)] = _field(factory=list)
    internal: bool = False
    goal: GoalDetails | None = None

    @property
    def kinds(self) -> list[str]:
        return [t for t in self.tags if t in KINDS]

    @property
    def themes(self) -> list[str]:
        return [t for t in self.tags if t not in KINDS]


def _not_blank(what: str) -> Any:
    def check(v: str) -> str:
        v = v.strip()
        if not v:
            raise ValueError(f"{what} must not be empty")
        return v

    return check


_title = _not_blank("title")


@model
class AgendaItem:
    """One agenda point; its number is its position in the agenda (1-based)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID

    id: DbId = _db_id()
    title: Annotated[str, Rule(before=clean_line, after=_title, min_length=1, max_length=MAX_LINE)]
    planned_minutes: int | None = _field(ge=0, le=24 * 60)
    prompts: list[ListLine] = _field(factory=list)
    started_at: Moment | None = None
    ended_at: Moment | None = None
    elapsed_seconds: int = _field(0, ge=0, le=MAX_INT)
    notes: list[Note] = _field(factory=list)


def _positive(v: list[int]) -> list[int]:
    if any(n < 1 for n in v):
        raise ValueError("agenda point numbers start at 1")
    return sorted(set(v))


@model
class Participant:
    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID

    id: DbId = _db_id()
    name: Line = _required(min_length=1, max_length=MAX_LINE)
    role: Line = _field("", max_length=MAX_LINE)
    organisation: Line = _field("", max_length=MAX_LINE)
    present: bool = True
    agenda_items: Annotated[list[DbInt], Rule(after=_positive)] = _field(
        factory=list,
        description=(
            "numbers (1-based) of the agenda points attended, as the points stand in "
            "this dialogue's agenda; empty means all. The database keeps attendance "
            "by point, so it follows a point that moves; a number naming no point is "
            "ignored"
        ),
    )


@model
class ChecklistItem:
    """A statutory point the dialogue must cover (Folkeskoleloven § 40 a)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID

    id: DbId = _db_id()
    text: Line = _required(min_length=1, max_length=MAX_LINE)
    done: bool = False


@model
class FollowUp:
    """Last year's goal, attention point or agreement, followed up this year."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID

    id: DbId = _db_id()
    source_uid: Line | None = _field(description="uid of the note in the previous dialogue")
    kind: Kind = "goal"
    text: MultiLine = ""
    goal: GoalDetails | None = None
    status: FollowUpStatus | None = None
    reached: Line = _field(
        "", max_length=MAX_LINE, description="value reached, for measurable goals"
    )
    comment: Line = _field("", max_length=MAX_LINE)
    carried_to: Line | None = _field(
        description="uid of the new goal note that carries this one on"
    )


@model
class StatusChange:
    """A recorded change of status, e.g. a final dialogue reopened for edits."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID

    at: Moment
    from_status: Status
    to_status: Status
    reason: Line = _field("", max_length=MAX_LINE)


_INITIALS = re.compile(r"^[A-ZÆØÅ]{2,4}$")
# KLE: group.main.sub, optional facet, then serial and two-digit year.
_CASE_NUMBER = re.compile(r"^\d{2}\.\d{2}\.\d{2}(-[A-Z]\d{2})?-\d+-\d{2}$")


_KLE = re.compile(r"^(\d{2}\.\d{2}\.\d{2})(?:-([A-Z]\d{2}))?")


def case_number_looks_valid(case_number: str) -> bool:
    """True when a case number has the KLE shape (17.01.00-G01-1-25). Never blocks."""
    return not case_number or bool(_CASE_NUMBER.match(case_number.strip()))


def kle_looks_valid(kle: str) -> bool:
    """True when a KLE number reads ``17.01.00`` or ``17.01.00-G01``. Never blocks."""
    m = _KLE.match(kle.strip())
    return not kle.strip() or bool(m and m.end() == len(kle.strip()))


def kle_parts(text: str) -> tuple[str, str]:
    """(subject number, facet) at the start of a KLE number or case number:
    ``17.01.00-G01-1-25`` → (``17.01.00``, ``G01``); ("", "") when it has neither."""
    m = _KLE.match(text.strip())
    return (m.group(1), m.group(2) or "") if m else ("", "")


_school = _not_blank("school")


def _initials(v: str) -> str:
    v = v.strip().upper()
    if v and not _INITIALS.match(v):
        raise ValueError("case handler initials are 2-4 letters")
    return v


CaseNumber = Annotated[str, Rule(before=clean_line, after=str.strip)]


@model
class Dialogue:
    """One school's annual development dialogue with the administration."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID

    id: DbId = _db_id()
    format: Literal["dialog-tui/1"] = FORMAT
    uid: Line = _field(factory=new_uid)
    school: Annotated[
        str, Rule(before=clean_line, after=_school, min_length=1, max_length=MAX_SCHOOL)
    ]
    municipality: Line = _field("", max_length=MAX_MUNICIPALITY)
    held_on: date
    starts_at: ClockTime | None = None
    ends_at: ClockTime | None = None
    location: Line = _field("", max_length=MAX_LINE)
    case_number: CaseNumber = _field("", max_length=MAX_CASE_NUMBER)
    case_handler: Annotated[str, Rule(before=clean_line, after=_initials)] = _field(
        "", description="initials, 2-4 letters"
    )
    memo_date: date | None = None
    kle: CaseNumber = _field(
        "",
        max_length=MAX_CASE_NUMBER,
        description="KLE subject number, optionally with facet (17.01.00-G01); "
        "empty: read from the case number",
    )
    status: Status = Status.draft
    agenda_file: Line = _field(
        "standard", max_length=MAX_LINE, description="agenda the dialogue started from"
    )
    previous: Line | None = _field(description="uid of the dialogue this one follows up")
    participants: list[Participant] = _field(factory=list)
    agenda: list[AgendaItem] = _field(factory=list)
    checklist: list[ChecklistItem] = _field(factory=list)
    followups: list[FollowUp] = _field(factory=list)
    history: list[StatusChange] = _field(factory=list)

    def __post_init__(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValueError("the meeting must end after it starts")

    @property
    def kle_number(self) -> str:
        """The KLE subject number: the one set, else the case number's."""
        return kle_parts(self.kle)[0] or kle_parts(self.case_number)[0]

    @property
    def facet(self) -> str:
        """The KLE action facet (``G01``): the one set, else the case number's."""
        return kle_parts(self.kle)[1] or kle_parts(self.case_number)[1]

    def notes(self) -> list[tuple[int, AgendaItem, Note]]:
        """Every note with its agenda point number, in agenda order."""
        return [
            (number, item, note)
            for number, item in enumerate(self.agenda, start=1)
            for note in item.notes
        ]


@model
class DialogueSummary:
    """One row of the dialogue list: what you need to pick a dialogue."""

    id: int
    school: Line
    held_on: date
    status: Status
    case_number: Line = ""
    municipality: Line = ""
    case_handler: Line = ""
    deleted: bool = False


# --- Year over year ----------------------------------------------------------

MARK_START = "\x02"
"""Starts a search hit inside ``SearchHit.snippet`` (the UI highlights, the CLI brackets)."""
MARK_END = "\x03"
"""Ends a search hit inside ``SearchHit.snippet``."""
Snippet = Annotated[str, Rule(before=_marks_kept)]
"""A Line that keeps its MARK_START/MARK_END hit marks."""


@model
class SearchHit:
    """One note found by search, with where it stands and the hit marked."""

    dialogue_id: int
    school: Line
    held_on: date
    item_number: int = _required(ge=1, description="1-based agenda point number")
    item_title: Line
    note_id: int
    text: MultiLine
    snippet: Snippet = _required(description="excerpt with each hit in MARK_START/MARK_END")
    tags: list[Line] = _field(factory=list)


@model
class GoalStep:
    """One goal as written in one year's dialogue, and how the next year followed it up."""

    dialogue_id: int
    held_on: date
    status: Status
    note: Note
    followup: FollowUp | None = None


@model
class GoalChain:
    """A goal followed across years, oldest step first."""

    school: Line
    steps: list[GoalStep]
