"""Rows to models and values to columns: the conversions every aggregate shares.

Rows are read back into the model's plain dataclasses with explicit conversions,
not validated: they were validated on their way in, and validating them again
(pydantic's import, its schema builds, its plugin loader) was a third of opening a
meeting. Whatever comes from outside (JSON, agenda files, forms) still goes through
``validated``."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import fields
from datetime import UTC, date, datetime, time
from typing import Any, TypeVar

from .. import gate
from .. import strings as S
from ..errors import StoreError, describe_validation_error
from ..model import (
    AgendaItem,
    ChecklistItem,
    Dialogue,
    FollowUp,
    FollowUpStatus,
    GoalDetails,
    Note,
    Status,
    StatusChange,
)

T = TypeVar("T")

NOTE_COLUMNS = "n.id, n.uid, n.text, n.kind, n.level, n.tags, n.internal"
GOAL_COLUMNS = "g.indicator, g.baseline, g.target, g.due, g.theme, g.ancestor"
NOTE_SELECT = f"{NOTE_COLUMNS}, g.note_id AS goal_id, {GOAL_COLUMNS}"
"""A note with its goal details; join ``goals g`` on ``g.note_id = n.id``."""


def now() -> str:
    """The time of a change as stored: ISO 8601 in UTC (``…+00:00``)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def iso(value: date | datetime | Any | None) -> str | None:
    """A column value; a datetime is stored in UTC (a naive one is local time)."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    return value.isoformat() if value is not None else None


def local(value: str | None) -> datetime | None:
    """A stored timestamp as shown: aware, in this machine's local time. (A naive
    value, which only a database written before migration 6 could hold, is local.)"""
    if value is None:
        return None
    return datetime.fromisoformat(value).astimezone()


def check_year(year: int | None) -> None:
    """Refuse a year outside 1000–9999: it would not fit the dates' four digits
    (and a huge one not even SQLite's integers)."""
    if year is not None and not 1000 <= year <= 9999:
        raise StoreError(S.BAD_YEAR.format(year=year))


def validated(model: type[T], data: dict[str, Any]) -> T:
    """Validate through the gate; a bad value becomes a clear StoreError."""
    try:
        return gate.validated(model, data)
    except gate.invalid() as e:
        field, reason = describe_validation_error(e)
        raise StoreError(S.INVALID_VALUE.format(reason=f"{field}: {reason}")) from None


def revised(obj: T, **fields: Any) -> T:
    """A validated copy of ``obj`` (as read from its row) with ``fields`` changed."""
    return validated(type(obj), {**gate.fields_of(obj), **fields})


def day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def goal_details(r: dict[str, Any]) -> GoalDetails:
    return GoalDetails(
        indicator=r.get("indicator", ""),
        baseline=r.get("baseline", ""),
        target=r.get("target", ""),
        due=day(r.get("due")),
        theme=r.get("theme"),
        ancestor=r.get("ancestor"),
    )


def note(r: dict[str, Any]) -> Note:
    goal = goal_details(r) if r.get("goal_id") is not None else None
    return Note(
        id=r["id"],
        uid=r["uid"],
        text=r["text"],
        kind=r["kind"],
        level=r["level"],
        tags=json.loads(r["tags"]),
        internal=bool(r["internal"]),
        goal=goal,
    )


def followup(r: dict[str, Any]) -> FollowUp:
    return FollowUp(
        id=r["id"],
        source_uid=r["source_uid"],
        kind=r["kind"],
        text=r["text"],
        goal=goal_details(json.loads(r["goal"])) if r["goal"] else None,
        status=FollowUpStatus(r["status"]) if r["status"] is not None else None,
        reached=r["reached"],
        comment=r["comment"],
        carried_to=r["carried_to"],
    )


def agenda_item(a: dict[str, Any], notes: list[Note]) -> AgendaItem:
    return AgendaItem(
        id=a["id"],
        title=a["title"],
        planned_minutes=a["planned_minutes"],
        prompts=json.loads(a["prompts"]),
        started_at=local(a["started_at"]),
        ended_at=local(a["ended_at"]),
        elapsed_seconds=a["elapsed_seconds"],
        notes=notes,
    )


def checklist_item(r: dict[str, Any]) -> ChecklistItem:
    return ChecklistItem(id=r["id"], text=r["text"], done=bool(r["done"]))


def status_change(r: dict[str, Any]) -> StatusChange:
    return StatusChange(
        at=local(r["at"]),
        from_status=Status(r["from_status"]),
        to_status=Status(r["to_status"]),
        reason=r["reason"],
    )


_DIALOGUE_FIELDS = [f.name for f in fields(Dialogue)]


def dialogue(r: dict[str, Any], **parts: Any) -> Dialogue:
    """A ``dialogues`` row (and ``parts``: participants, agenda, …) as the model:
    its text columns as they are (a column added later comes along), the dates,
    times and status converted."""
    plain = {k: r[k] for k in _DIALOGUE_FIELDS if k in r}
    return Dialogue(
        **{
            **plain,
            "held_on": date.fromisoformat(r["held_on"]),
            "starts_at": time.fromisoformat(r["starts_at"]) if r["starts_at"] else None,
            "ends_at": time.fromisoformat(r["ends_at"]) if r["ends_at"] else None,
            "memo_date": day(r["memo_date"]),
            "status": Status(r["status"]),
        },
        **parts,
    )


def renumber(c: sqlite3.Connection, table: str, ids: list[int]) -> None:
    """Positions 0, 1, 2, … in the order of ``ids``."""
    c.executemany(
        f"UPDATE {table} SET position = ? WHERE id = ?",
        [(pos, id_) for pos, id_ in enumerate(ids)],
    )


def make_room(
    c: sqlite3.Connection, table: str, parent: str, parent_id: int, position: int | None
) -> int:
    """Where a new row of ``table`` under ``parent_id`` goes: ``position`` (0-based,
    clamped; default last), the rows from there on moved down one."""
    count = c.execute(f"SELECT count(*) FROM {table} WHERE {parent} = ?", (parent_id,))
    last = count.fetchone()[0]
    pos = last if position is None else max(0, min(position, last))
    c.execute(
        f"UPDATE {table} SET position = position + 1 WHERE {parent} = ? AND position >= ?",
        (parent_id, pos),
    )
    return pos


def point_ids(c: sqlite3.Connection, dialogue_id: int) -> list[int]:
    """The ids of a dialogue's agenda points, in agenda order."""
    return [
        r[0]
        for r in c.execute(
            "SELECT id FROM agenda_items WHERE dialogue_id = ? ORDER BY position",
            (dialogue_id,),
        )
    ]
