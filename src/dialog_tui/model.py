"""The domain model: a school development dialogue and everything written in it.

Pure pydantic, no I/O. The same classes are the exchange format (one dialogue as
one JSON file, ``format: "dialog-tui/1"``); database ids are carried for the UI
but never dumped.
"""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime, time
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_serializer,
    field_validator,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema

from .cleaning import clean_line, clean_text

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
Theme = Annotated[str, StringConstraints(pattern=THEME_KEY)]
Tag = Kind | Theme
NoteKind = Literal["paragraph", "bullet"]
MAX_LEVEL = 5
MAX_NOTE_CHARS = 20_000
"""A note longer than this is refused where it is typed, pasted or saved: longer
text belongs in several notes (and a 100,000-character note made typing crawl)."""

MAX_INT = 2**63 - 1
"""SQLite's largest integer: every whole number in the model fits in a column."""

DbId = SkipJsonSchema[Annotated[int, Field(le=MAX_INT)] | None]
"""A row id in the local database: filled by the store, never exported."""


def _cleaned(clean: Any) -> BeforeValidator:
    return BeforeValidator(lambda v: clean(v) if isinstance(v, str) else v)


Line = Annotated[str, _cleaned(clean_line)]
"""Every one-line text field (a name, a title, a case number): control and escape
characters dropped, tabs and line breaks made spaces (see ``cleaning``). Each str
field of the model is a Line or a MultiLine; ``tests/test_hostile_text.py`` fails for
one that is neither."""
MultiLine = Annotated[str, _cleaned(clean_text)]
"""Text that may span lines (a note): as Line, but ``\\n`` and ``\\t`` are kept."""


def _marks_kept(v: Any) -> Any:
    if not isinstance(v, str):
        return v
    parts = (p.split(MARK_END) for p in v.split(MARK_START))
    return MARK_START.join(MARK_END.join(map(clean_line, p)) for p in parts)


def _naive_time(v: time) -> time:
    """A meeting time is a wall-clock time: a zone given with it is dropped, so
    one time with a zone and one without still compare."""
    return v.replace(tzinfo=None)


def _aware(v: datetime) -> datetime:
    """Moments are aware, in local time (a naive one is local time, as the store
    reads it), so any two compare; one that local time cannot hold is refused."""
    try:
        return v.astimezone()
    except (OverflowError, ValueError):
        raise ValueError("moment out of range") from None


ClockTime = Annotated[time, AfterValidator(_naive_time)]
Moment = Annotated[datetime, AfterValidator(_aware)]

# Lengths where the outside world has a limit: Word's core properties hold 255
# characters, and the memo's title (``Referat fra skoleudviklingssamtale på
# {school} {date}``), subject and keywords carry these fields.
MAX_SCHOOL = 150
MAX_MUNICIPALITY = 100
MAX_CASE_NUMBER = 60
MAX_LINE = 1000
"""Any other one-line field: a name or a title, not a page."""
ListLine = Annotated[Line, Field(max_length=MAX_LINE)]
"""One entry of a list of lines (prompts, tags)."""


def new_uid() -> str:
    return uuid.uuid4().hex


class Status(StrEnum):
    draft = "draft"
    held = "held"
    final = "final"


class FollowUpStatus(StrEnum):
    met = "opfyldt"
    partly_met = "delvist opfyldt"
    not_met = "ikke opfyldt"
    carried_on = "videreført"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, defer_build=True)


class GoalDetails(_Model):
    """What makes a goal followable next year: measure, start value, target, horizon."""

    indicator: Line = Field(default="", max_length=MAX_LINE)
    baseline: Line = Field(default="", max_length=MAX_LINE)
    target: Line = Field(default="", max_length=MAX_LINE)
    due: date | None = None
    theme: Theme | None = None
    ancestor: Line | None = Field(
        default=None, description="uid of the goal note this one carries on from"
    )


class Note(_Model):
    """One paragraph or bullet under an agenda point."""

    id: DbId = Field(default=None, exclude=True)
    uid: Line = Field(default_factory=new_uid)
    text: MultiLine = ""
    kind: NoteKind = "bullet"
    level: int = Field(default=0, ge=0, le=MAX_LEVEL)
    tags: list[Tag] = Field(default_factory=list)
    internal: bool = False
    goal: GoalDetails | None = None

    @field_validator("tags")
    @classmethod
    def _unique_tags(cls, v: list[str]) -> list[str]:
        return list(dict.fromkeys(v))

    @property
    def kinds(self) -> list[str]:
        return [t for t in self.tags if t in KINDS]

    @property
    def themes(self) -> list[str]:
        return [t for t in self.tags if t not in KINDS]


class AgendaItem(_Model):
    """One agenda point; its number is its position in the agenda (1-based)."""

    id: DbId = Field(default=None, exclude=True)
    title: Line = Field(min_length=1, max_length=MAX_LINE)
    planned_minutes: int | None = Field(default=None, ge=0, le=24 * 60)
    prompts: list[ListLine] = Field(default_factory=list)
    started_at: Moment | None = None
    ended_at: Moment | None = None
    elapsed_seconds: int = Field(default=0, ge=0, le=MAX_INT)
    notes: list[Note] = Field(default_factory=list)

    @field_validator("title")
    @classmethod
    def _clean_title(cls, v: str) -> str:
        v = v.strip()
        if not v:
            raise ValueError("title must not be empty")
        return v


class Participant(_Model):
    id: DbId = Field(default=None, exclude=True)
    name: Line = Field(min_length=1, max_length=MAX_LINE)
    role: Line = Field(default="", max_length=MAX_LINE)
    organisation: Line = Field(default="", max_length=MAX_LINE)
    present: bool = True
    agenda_items: list[Annotated[int, Field(le=MAX_INT)]] = Field(
        default_factory=list,
        description=(
            "numbers (1-based) of the agenda points attended, as the points stand in "
            "this dialogue's agenda; empty means all. The database keeps attendance "
            "by point, so it follows a point that moves; a number naming no point is "
            "ignored"
        ),
    )

    @field_validator("agenda_items")
    @classmethod
    def _positive(cls, v: list[int]) -> list[int]:
        if any(n < 1 for n in v):
            raise ValueError("agenda point numbers start at 1")
        return sorted(set(v))


class ChecklistItem(_Model):
    """A statutory point the dialogue must cover (Folkeskoleloven § 40 a)."""

    id: DbId = Field(default=None, exclude=True)
    text: Line = Field(min_length=1, max_length=MAX_LINE)
    done: bool = False


class FollowUp(_Model):
    """Last year's goal, attention point or agreement, followed up this year."""

    id: DbId = Field(default=None, exclude=True)
    source_uid: Line | None = Field(
        default=None, description="uid of the note in the previous dialogue"
    )
    kind: Kind = "goal"
    text: MultiLine = ""
    goal: GoalDetails | None = None
    status: FollowUpStatus | None = None
    reached: Line = Field(
        default="", max_length=MAX_LINE, description="value reached, for measurable goals"
    )
    comment: Line = Field(default="", max_length=MAX_LINE)
    carried_to: Line | None = Field(
        default=None, description="uid of the new goal note that carries this one on"
    )


class StatusChange(_Model):
    """A recorded change of status, e.g. a final dialogue reopened for edits."""

    at: Moment
    from_status: Status
    to_status: Status
    reason: Line = Field(default="", max_length=MAX_LINE)


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


class Dialogue(_Model):
    """One school's annual development dialogue with the administration."""

    id: DbId = Field(default=None, exclude=True)
    format: Literal["dialog-tui/1"] = FORMAT
    uid: Line = Field(default_factory=new_uid)
    school: Line = Field(min_length=1, max_length=MAX_SCHOOL)
    municipality: Line = Field(default="", max_length=MAX_MUNICIPALITY)
    held_on: date
    starts_at: ClockTime | None = None
    ends_at: ClockTime | None = None
    location: Line = Field(default="", max_length=MAX_LINE)
    case_number: Line = Field(default="", max_length=MAX_CASE_NUMBER)
    case_handler: Line = Field(default="", description="initials, 2-4 letters")
    memo_date: date | None = None
    kle: Line = Field(
        default="",
        max_length=MAX_CASE_NUMBER,
        description="KLE subject number, optionally with facet (17.01.00-G01); "
        "empty: read from the case number",
    )
    status: Status = Status.draft
    agenda_file: Line = Field(
        default="standard", max_length=MAX_LINE, description="agenda the dialogue started from"
    )
    previous: Line | None = Field(
        default=None, description="uid of the dialogue this one follows up"
    )
    participants: list[Participant] = Field(default_factory=list)
    agenda: list[AgendaItem] = Field(default_factory=list)
    checklist: list[ChecklistItem] = Field(default_factory=list)
    followups: list[FollowUp] = Field(default_factory=list)
    history: list[StatusChange] = Field(default_factory=list)

    @field_validator("school")
    @classmethod
    def _school(cls, v: str) -> str:
        v = v.strip()
        if not v:
            raise ValueError("school must not be empty")
        return v

    @field_validator("case_handler")
    @classmethod
    def _initials(cls, v: str) -> str:
        v = v.strip().upper()
        if v and not _INITIALS.match(v):
            raise ValueError("case handler initials are 2-4 letters")
        return v

    @field_validator("case_number", "kle")
    @classmethod
    def _case_number(cls, v: str) -> str:
        return v.strip()

    @property
    def kle_number(self) -> str:
        """The KLE subject number: the one set, else the case number's."""
        return kle_parts(self.kle)[0] or kle_parts(self.case_number)[0]

    @property
    def facet(self) -> str:
        """The KLE action facet (``G01``): the one set, else the case number's."""
        return kle_parts(self.kle)[1] or kle_parts(self.case_number)[1]

    @field_serializer("starts_at", "ends_at")
    def _hh_mm(self, v: time | None) -> str | None:
        """Meeting times as people write them: ``09:00``."""
        if v is None:
            return None
        return v.strftime("%H:%M") if not (v.second or v.microsecond) else v.isoformat()

    @model_validator(mode="after")
    def _times_in_order(self) -> Dialogue:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValueError("the meeting must end after it starts")
        return self

    def notes(self) -> list[tuple[int, AgendaItem, Note]]:
        """Every note with its agenda point number, in agenda order."""
        return [
            (number, item, note)
            for number, item in enumerate(self.agenda, start=1)
            for note in item.notes
        ]


class DialogueSummary(_Model):
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
Snippet = Annotated[str, BeforeValidator(_marks_kept)]
"""A Line that keeps its MARK_START/MARK_END hit marks."""


class SearchHit(_Model):
    """One note found by search, with where it stands and the hit marked."""

    dialogue_id: int
    school: Line
    held_on: date
    item_number: int = Field(ge=1, description="1-based agenda point number")
    item_title: Line
    note_id: int
    text: MultiLine
    snippet: Snippet = Field(description="excerpt with each hit in MARK_START/MARK_END")
    tags: list[Line] = Field(default_factory=list)


class GoalStep(_Model):
    """One goal as written in one year's dialogue, and how the next year followed it up."""

    dialogue_id: int
    held_on: date
    status: Status
    note: Note
    followup: FollowUp | None = None


class GoalChain(_Model):
    """A goal followed across years, oldest step first."""

    school: Line
    steps: list[GoalStep]
