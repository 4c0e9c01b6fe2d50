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
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_serializer,
    field_validator,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema

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

DbId = SkipJsonSchema[int | None]
"""A row id in the local database: filled by the store, never exported."""


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


# Characters that are not text: C0/C1 controls except tab and newline.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """Drop control characters (pasted from elsewhere) that no document can hold."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


class GoalDetails(_Model):
    """What makes a goal followable next year: measure, start value, target, horizon."""

    indicator: str = ""
    baseline: str = ""
    target: str = ""
    due: date | None = None
    theme: Theme | None = None
    ancestor: str | None = Field(
        default=None, description="uid of the goal note this one carries on from"
    )


class Note(_Model):
    """One paragraph or bullet under an agenda point."""

    id: DbId = Field(default=None, exclude=True)
    uid: str = Field(default_factory=new_uid)
    text: str = ""
    kind: NoteKind = "bullet"
    level: int = Field(default=0, ge=0, le=MAX_LEVEL)
    tags: list[Tag] = Field(default_factory=list)
    internal: bool = False
    goal: GoalDetails | None = None

    @field_validator("text")
    @classmethod
    def _clean(cls, v: str) -> str:
        return clean_text(v)

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
    title: str = Field(min_length=1)
    planned_minutes: int | None = Field(default=None, ge=0, le=24 * 60)
    prompts: list[str] = Field(default_factory=list)
    started_at: datetime | None = None
    ended_at: datetime | None = None
    elapsed_seconds: int = Field(default=0, ge=0)
    notes: list[Note] = Field(default_factory=list)

    @field_validator("title")
    @classmethod
    def _clean_title(cls, v: str) -> str:
        v = clean_text(v).strip()
        if not v:
            raise ValueError("title must not be empty")
        return v


class Participant(_Model):
    id: DbId = Field(default=None, exclude=True)
    name: str = Field(min_length=1)
    role: str = ""
    organisation: str = ""
    present: bool = True
    agenda_items: list[int] = Field(
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
    text: str = Field(min_length=1)
    done: bool = False


class FollowUp(_Model):
    """Last year's goal, attention point or agreement, followed up this year."""

    id: DbId = Field(default=None, exclude=True)
    source_uid: str | None = Field(
        default=None, description="uid of the note in the previous dialogue"
    )
    kind: Kind = "goal"
    text: str = ""
    goal: GoalDetails | None = None
    status: FollowUpStatus | None = None
    reached: str = Field(default="", description="value reached, for measurable goals")
    comment: str = ""
    carried_to: str | None = Field(
        default=None, description="uid of the new goal note that carries this one on"
    )


class StatusChange(_Model):
    """A recorded change of status, e.g. a final dialogue reopened for edits."""

    at: datetime
    from_status: Status
    to_status: Status
    reason: str = ""


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
    uid: str = Field(default_factory=new_uid)
    school: str = Field(min_length=1)
    municipality: str = ""
    held_on: date
    starts_at: time | None = None
    ends_at: time | None = None
    location: str = ""
    case_number: str = ""
    case_handler: str = Field(default="", description="initials, 2-4 letters")
    memo_date: date | None = None
    kle: str = Field(
        default="",
        description="KLE subject number, optionally with facet (17.01.00-G01); "
        "empty: read from the case number",
    )
    status: Status = Status.draft
    agenda_file: str = Field(default="standard", description="agenda the dialogue started from")
    previous: str | None = Field(
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
        v = clean_text(v).strip()
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
        return clean_text(v).strip()

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
    school: str
    held_on: date
    status: Status
    case_number: str = ""
    municipality: str = ""
    case_handler: str = ""
    deleted: bool = False


# --- Year over year ----------------------------------------------------------

MARK_START = "\x02"
"""Starts a search hit inside ``SearchHit.snippet`` (the UI highlights, the CLI brackets)."""
MARK_END = "\x03"
"""Ends a search hit inside ``SearchHit.snippet``."""


class SearchHit(_Model):
    """One note found by search, with where it stands and the hit marked."""

    dialogue_id: int
    school: str
    held_on: date
    item_number: int = Field(ge=1, description="1-based agenda point number")
    item_title: str
    note_id: int
    text: str
    snippet: str = Field(description="excerpt with each hit in MARK_START/MARK_END")
    tags: list[str] = Field(default_factory=list)


class GoalStep(_Model):
    """One goal as written in one year's dialogue, and how the next year followed it up."""

    dialogue_id: int
    held_on: date
    status: Status
    note: Note
    followup: FollowUp | None = None


class GoalChain(_Model):
    """A goal followed across years, oldest step first."""

    school: str
    steps: list[GoalStep]
