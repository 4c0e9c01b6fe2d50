"""Agenda points: adding, renaming, timing, moving, deleting."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from .. import strings as S
from ..errors import NotFound
from ..model import AgendaItem
from . import rows
from .connection import StoreBase
from .rows import iso, make_room, point_ids, renumber, validated


class Points(StoreBase):
    def _insert_agenda_item(
        self, c: sqlite3.Connection, dialogue_id: int, pos: int, item: AgendaItem
    ) -> int:
        cur = c.execute(
            """INSERT INTO agenda_items (dialogue_id, position, title, planned_minutes,
               prompts, started_at, ended_at, elapsed_seconds) VALUES (?,?,?,?,?,?,?,?)""",
            (dialogue_id, pos, item.title, item.planned_minutes,
             json.dumps(item.prompts, ensure_ascii=False), iso(item.started_at),
             iso(item.ended_at), item.elapsed_seconds),
        )  # fmt: skip
        assert cur.lastrowid is not None
        return cur.lastrowid

    def agenda_items(self, dialogue_id: int) -> list[AgendaItem]:
        """The agenda points in order, without their notes (cheap, for the sidebar)."""
        with self._read():
            return [
                rows.agenda_item(a, [])
                for a in self._query(
                    "SELECT * FROM agenda_items WHERE dialogue_id = ? ORDER BY position",
                    (dialogue_id,),
                )
            ]

    def _item_row(self, item_id: int) -> dict[str, Any]:
        row = self._one("SELECT * FROM agenda_items WHERE id = ?", (item_id,))
        if row is None:
            raise NotFound(S.AGENDA_ITEM_NOT_FOUND.format(id=item_id))
        return row

    def get_agenda_item(self, item_id: int) -> AgendaItem:
        with self._read():
            return rows.agenda_item(self._item_row(item_id), self.notes(item_id))

    def add_agenda_item(
        self,
        dialogue_id: int,
        title: str,
        planned_minutes: int | None = None,
        *,
        position: int | None = None,
        prompts: Sequence[str] = (),
    ) -> AgendaItem:
        """Add a point at ``position`` (0-based; default last), renumbering the rest."""
        item = validated(
            AgendaItem,
            {"title": title, "planned_minutes": planned_minutes, "prompts": list(prompts)},
        )
        with self._tx() as c:
            self._header(dialogue_id)
            pos = make_room(c, "agenda_items", "dialogue_id", dialogue_id, position)
            item_id = self._insert_agenda_item(c, dialogue_id, pos, item)
            self._touch(dialogue_id)
        return replace(item, id=item_id)

    def update_agenda_item(self, item_id: int, **fields: Any) -> AgendaItem:
        """Rename, replan or record timing (title, planned_minutes, prompts,
        started_at, ended_at, elapsed_seconds)."""
        with self._tx() as c:
            row = self._item_row(item_id)
            item = rows.revised(rows.agenda_item(row, []), **fields)
            c.execute(
                """UPDATE agenda_items SET title=?, planned_minutes=?, prompts=?,
                   started_at=?, ended_at=?, elapsed_seconds=? WHERE id=?""",
                (item.title, item.planned_minutes,
                 json.dumps(item.prompts, ensure_ascii=False), iso(item.started_at),
                 iso(item.ended_at), item.elapsed_seconds, item_id),
            )  # fmt: skip
            self._touch(row["dialogue_id"])
        return item

    def move_agenda_item(self, item_id: int, position: int) -> None:
        """Move a point to ``position`` (0-based) in its agenda."""
        with self._tx() as c:
            dialogue_id = self._item_row(item_id)["dialogue_id"]
            ids = point_ids(c, dialogue_id)
            ids.remove(item_id)
            ids.insert(max(0, min(position, len(ids))), item_id)
            renumber(c, "agenda_items", ids)
            self._touch(dialogue_id)

    def delete_agenda_item(self, item_id: int) -> None:
        """Delete a point and its notes."""
        with self._tx() as c:
            dialogue_id = self._item_row(item_id)["dialogue_id"]
            c.execute("DELETE FROM agenda_items WHERE id = ?", (item_id,))
            renumber(c, "agenda_items", point_ids(c, dialogue_id))
            self._touch(dialogue_id)
