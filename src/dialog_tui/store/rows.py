"""Rows to models and values to columns: the conversions every aggregate shares."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from typing import Any

from .. import strings as S
from ..errors import StoreError, describe_validation_error
from ..model import AgendaItem, FollowUp, GoalDetails, Note

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


def validated(model: type, data: dict[str, Any]) -> Any:
    """Validate through the model; a bad value becomes a clear StoreError."""
    from pydantic import ValidationError

    try:
        return model.model_validate(data)
    except ValidationError as e:
        field, reason = describe_validation_error(e)
        raise StoreError(S.INVALID_VALUE.format(reason=f"{field}: {reason}")) from None


def note(r: dict[str, Any]) -> Note:
    goal = None
    if r.get("goal_id") is not None:
        goal = GoalDetails(
            indicator=r["indicator"],
            baseline=r["baseline"],
            target=r["target"],
            due=r["due"],
            theme=r["theme"],
            ancestor=r["ancestor"],
        )
    return Note.model_construct(
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
        goal=GoalDetails.model_validate_json(r["goal"]) if r["goal"] else None,
        status=r["status"],
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
