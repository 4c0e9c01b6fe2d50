"""The checklist, last year's follow-ups, carrying a goal on, and goals across years."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date
from typing import Any

from .. import gate
from .. import strings as S
from ..errors import NotFound, StoreError
from ..model import ChecklistItem, FollowUp, FollowUpStatus, GoalChain, GoalStep, Note, Status
from ..rules.goals import carried_goal, carry_on_point, goal_chains
from . import rows
from .connection import StoreBase
from .rows import NOTE_SELECT


class FollowUps(StoreBase):
    def set_checklist_done(self, check_id: int, done: bool) -> None:
        with self._tx() as c:
            row = c.execute("SELECT dialogue_id FROM checklist WHERE id = ?", (check_id,))
            found = row.fetchone()
            if found is None:
                raise NotFound(S.CHECK_NOT_FOUND.format(id=check_id))
            self._check_lock(c, found[0])
            c.execute("UPDATE checklist SET done = ? WHERE id = ?", (int(done), check_id))

    def unticked_checklist(self, dialogue_id: int) -> list[ChecklistItem]:
        """The statutory points not yet ticked, in order."""
        with self._read():
            self._header(dialogue_id)
            return [c for c in self._checklist(dialogue_id) if not c.done]

    def _checklist(self, dialogue_id: int) -> list[ChecklistItem]:
        return [
            rows.checklist_item(r)
            for r in self._query(
                "SELECT * FROM checklist WHERE dialogue_id = ? ORDER BY position",
                (dialogue_id,),
            )
        ]

    def _insert_followup(
        self, c: sqlite3.Connection, dialogue_id: int, pos: int, f: FollowUp
    ) -> int:
        cur = c.execute(
            """INSERT INTO followups (dialogue_id, position, source_uid, kind, text, goal,
               status, reached, comment, carried_to) VALUES (?,?,?,?,?,?,?,?,?,?)""",
            (dialogue_id, pos, f.source_uid, f.kind, f.text,
             gate.dumped_json(f.goal) if f.goal else None,
             f.status.value if f.status else None, f.reached, f.comment, f.carried_to),
        )  # fmt: skip
        assert cur.lastrowid is not None
        return cur.lastrowid

    def followups(self, dialogue_id: int) -> list[FollowUp]:
        return [
            rows.followup(r)
            for r in self._query(
                "SELECT * FROM followups WHERE dialogue_id = ? ORDER BY position",
                (dialogue_id,),
            )
        ]

    def _get_followup(self, followup_id: int) -> tuple[FollowUp, int]:
        """A follow-up and the id of the dialogue it belongs to."""
        row = self._one("SELECT * FROM followups WHERE id = ?", (followup_id,))
        if row is None:
            raise NotFound(S.FOLLOWUP_NOT_FOUND.format(id=followup_id))
        return rows.followup(row), row["dialogue_id"]

    def update_followup(self, followup_id: int, **fields: Any) -> FollowUp:
        """Record status, value reached, comment or the goal that carries it on."""
        with self._tx() as c:
            current, dialogue_id = self._get_followup(followup_id)
            f = rows.revised(current, **fields)
            c.execute(
                """UPDATE followups SET status=?, reached=?, comment=?, carried_to=?
                   WHERE id=?""",
                (f.status.value if f.status else None, f.reached, f.comment,
                 f.carried_to, followup_id),
            )  # fmt: skip
            self._touch(dialogue_id)
        return f

    def carry_on(self, followup_id: int, item_id: int | None = None) -> Note:
        """Carry last year's point on as a goal of this dialogue, linked to its ancestor.

        The new goal goes under ``item_id``, by default the point with the same
        title as the source note's point, else the first point. Calling it again
        (from this or any other process) returns the goal made the first time:
        the check and the insert are one transaction."""
        with self._tx() as c:
            f, dialogue_id = self._get_followup(followup_id)
            if f.carried_to:
                row = c.execute("SELECT id FROM notes WHERE uid = ?", (f.carried_to,))
                found = row.fetchone()
                if found is not None:
                    return self.get_note(found[0])
            items = self.agenda_items(dialogue_id)
            source = self._one(
                """SELECT a.title, n.tags FROM notes n
                   JOIN agenda_items a ON a.id = n.agenda_item_id WHERE n.uid = ?""",
                (f.source_uid,),
            )
            if item_id is None:
                target = carry_on_point(items, source["title"] if source else None)
                if target is None:
                    raise StoreError(S.CARRY_ON_NO_POINT)
                item_id = target.id
            elif item_id not in {i.id for i in items}:
                raise NotFound(S.AGENDA_ITEM_NOT_FOUND.format(id=item_id))
            assert item_id is not None
            note = carried_goal(f, json.loads(source["tags"]) if source else [])
            pos = c.execute(
                "SELECT count(*) FROM notes WHERE agenda_item_id = ?", (item_id,)
            ).fetchone()[0]
            note_id = self._insert_note(c, item_id, pos, note)
            c.execute(
                "UPDATE followups SET status = ?, carried_to = ? WHERE id = ?",
                (FollowUpStatus.carried_on.value, note.uid, followup_id),
            )
            self._touch(dialogue_id)
        return replace(note, id=note_id)

    def goal_history(self, school: str) -> list[GoalChain]:
        """Every goal of a school across its dialogues, each followed from year to
        year (through the goal's ancestor, or a follow-up carried on to it).

        Internal notes and binned dialogues are left out; a goal carried on
        twice from the same ancestor gives two chains sharing their start."""
        with self._read():
            names = self._school_names(school)
            if not names:
                return []
            found = self._goal_rows(names)
            if not found:
                return []
            followups = self._first_followups([r["uid"] for r in found])
        steps = []
        for r in found:
            f = followups.get(r["uid"])
            steps.append(
                GoalStep(
                    dialogue_id=r["dialogue_id"],
                    held_on=date.fromisoformat(r["held_on"]),
                    status=Status(r["status"]),
                    note=rows.note(r),
                    followup=f[0] if f and f[1] > r["held_on"] else None,
                )
            )
        carried_from = {
            f.carried_to: source for source, (f, _) in followups.items() if f.carried_to
        }
        schools = {r["uid"]: r["school"] for r in found}
        return goal_chains(steps, schools, carried_from)

    def _goal_rows(self, names: list[str]) -> list[dict[str, Any]]:
        """Every goal note (not internal) of the schools ``names``, oldest first."""
        schools = ",".join("?" * len(names))
        # CROSS JOIN: SQLite starts from the school's dialogues, never from every note.
        return self._query(
            f"""SELECT d.id AS dialogue_id, d.school, d.held_on, d.status, {NOTE_SELECT}
                FROM dialogues d CROSS JOIN agenda_items a ON a.dialogue_id = d.id
                CROSS JOIN notes n ON n.agenda_item_id = a.id
                LEFT JOIN goals g ON g.note_id = n.id
                WHERE d.school IN ({schools})
                AND d.deleted_at IS NULL
                AND NOT n.internal
                AND EXISTS (SELECT 1 FROM json_each(n.tags) WHERE value = 'goal')
                ORDER BY d.held_on, d.id, a.position, n.position""",
            names,
        )

    def _first_followups(self, uids: list[str]) -> dict[str, tuple[FollowUp, str]]:
        """Source uid → its first follow-up (not in the bin) and that dialogue's date."""
        marks = ",".join("?" * len(uids))
        followups: dict[str, tuple[FollowUp, str]] = {}
        for r in self._query(
            f"""SELECT f.*, d.held_on FROM followups f JOIN dialogues d ON d.id = f.dialogue_id
                WHERE f.source_uid IN ({marks}) AND d.deleted_at IS NULL
                ORDER BY d.held_on DESC, d.id DESC""",
            uids,
        ):
            followups[r["source_uid"]] = (rows.followup(r), r["held_on"])
        return followups
