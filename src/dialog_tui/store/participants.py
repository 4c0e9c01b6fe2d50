"""Participants of a dialogue, and which points they attended.

The model says which points by number (as a memo or an exchange file reads
them); the database holds the points' ids, so attendance stays with its point
when points move. Numbers and ids are translated in the transaction that reads
or writes them. A number that names no point is dropped (the memo has always
ignored it); so is the id of a deleted point."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from typing import Any

from .. import strings as S
from ..errors import NotFound
from ..model import Participant
from .connection import StoreBase
from .rows import point_ids, revised, validated


class Participants(StoreBase):
    def _insert_participant(
        self, c: sqlite3.Connection, dialogue_id: int, pos: int, p: Participant
    ) -> int:
        points = point_ids(c, dialogue_id)
        cur = c.execute(
            """INSERT INTO participants (dialogue_id, position, name, role,
               organisation, present, agenda_items) VALUES (?,?,?,?,?,?,?)""",
            (dialogue_id, pos, p.name, p.role, p.organisation, int(p.present),
             _ids(p.agenda_items, points)),
        )  # fmt: skip
        assert cur.lastrowid is not None
        return cur.lastrowid

    def participants(self, dialogue_id: int) -> list[Participant]:
        with self._read() as c:
            points = point_ids(c, dialogue_id)
            return [
                _participant(r, points)
                for r in self._query(
                    "SELECT * FROM participants WHERE dialogue_id = ? ORDER BY position",
                    (dialogue_id,),
                )
            ]

    def add_participant(self, dialogue_id: int, participant: Participant) -> Participant:
        participant = validated(Participant, participant)  # as typed: checked and cleaned
        with self._tx() as c:
            self._header(dialogue_id)
            pos = c.execute(
                "SELECT coalesce(max(position) + 1, 0) FROM participants WHERE dialogue_id = ?",
                (dialogue_id,),
            ).fetchone()[0]
            pid = self._insert_participant(c, dialogue_id, pos, participant)
            self._touch(dialogue_id)
        return replace(participant, id=pid)

    def update_participant(self, participant_id: int, **fields: Any) -> Participant:
        """Change name, role, organisation, ``present`` or ``agenda_items``."""
        with self._tx() as c:
            row = self._one("SELECT * FROM participants WHERE id = ?", (participant_id,))
            if row is None:
                raise NotFound(S.PARTICIPANT_NOT_FOUND.format(id=participant_id))
            points = point_ids(c, row["dialogue_id"])
            p = revised(_participant(row, points), **fields)
            c.execute(
                """UPDATE participants SET name=?, role=?, organisation=?, present=?,
                   agenda_items=? WHERE id=?""",
                (p.name, p.role, p.organisation, int(p.present),
                 _ids(p.agenda_items, points), participant_id),
            )  # fmt: skip
            self._touch(row["dialogue_id"])
        return p

    def delete_participant(self, participant_id: int) -> None:
        with self._tx() as c:
            row = c.execute(
                "SELECT dialogue_id FROM participants WHERE id = ?", (participant_id,)
            ).fetchone()
            if row is None:
                raise NotFound(S.PARTICIPANT_NOT_FOUND.format(id=participant_id))
            c.execute("DELETE FROM participants WHERE id = ?", (participant_id,))
            self._touch(row[0])


def _participant(r: dict[str, Any], points: list[int]) -> Participant:
    """A row as the model has it: attended points by their current numbers."""
    number = {item_id: n for n, item_id in enumerate(points, start=1)}
    return Participant(
        id=r["id"],
        name=r["name"],
        role=r["role"],
        organisation=r["organisation"],
        present=bool(r["present"]),
        agenda_items=sorted({number[i] for i in json.loads(r["agenda_items"]) if i in number}),
    )


def _ids(numbers: list[int], points: list[int]) -> str:
    """The column value: the ids of the points ``numbers`` name, as JSON."""
    return json.dumps([points[n - 1] for n in numbers if n <= len(points)])
