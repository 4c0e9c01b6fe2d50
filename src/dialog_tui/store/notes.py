"""Notes under agenda points, with their tags and goal details. ``set_note_text``
is the keystroke path: one UPDATE, raw SQL, the search index updated later."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from .. import strings as S
from ..errors import NotFound
from ..model import GoalDetails, Note, clean_text, new_uid
from . import rows
from .connection import StoreBase
from .rows import (
    GOAL_COLUMNS,
    NOTE_COLUMNS,
    NOTE_SELECT,
    goal_details,
    iso,
    make_room,
    now,
    renumber,
    validated,
)


class Notes(StoreBase):
    def _insert_note(
        self,
        c: sqlite3.Connection,
        item_id: int,
        pos: int,
        note: Note,
        *,
        fresh_uid: bool = False,
    ) -> int:
        uid = note.uid
        if fresh_uid and c.execute("SELECT 1 FROM notes WHERE uid = ?", (uid,)).fetchone():
            uid = new_uid()
        note_id = c.execute(
            """INSERT INTO notes (uid, agenda_item_id, position, text, kind, level,
               tags, internal, updated_at) VALUES (?,?,?,?,?,?,?,?,?)""",
            (uid, item_id, pos, note.text, note.kind, note.level,
             json.dumps(note.tags), int(note.internal), now()),
        ).lastrowid  # fmt: skip
        assert note_id is not None
        if note.goal is not None:
            _write_goal(c, note_id, note.goal)
        return note_id

    def notes(self, item_id: int) -> list[Note]:
        """The notes of one agenda point, in order. Opening a point of 3,000 notes
        spends its time here, so this is the lean read: plain tuples (no dict per
        row), tags parsed only where a note has any, goal details built only where
        a note has them."""
        with self._read() as c:
            found = c.execute(
                f"""SELECT {NOTE_COLUMNS}, g.note_id, {GOAL_COLUMNS} FROM notes n
                    LEFT JOIN goals g ON g.note_id = n.id
                    WHERE n.agenda_item_id = ? ORDER BY n.position""",
                (item_id,),
            ).fetchall()
        return [_lean_note(r) for r in found]

    def get_note(self, note_id: int) -> Note:
        row = self._one(
            f"""SELECT {NOTE_SELECT} FROM notes n LEFT JOIN goals g ON g.note_id = n.id
                WHERE n.id = ?""",
            (note_id,),
        )
        if row is None:
            raise NotFound(S.NOTE_NOT_FOUND.format(id=note_id))
        return rows.note(row)

    def note_location(self, note_id: int) -> tuple[int, int, int]:
        """(dialogue id, agenda point id, position) of a note."""
        with self._read() as c:
            row = c.execute(
                """SELECT a.dialogue_id, n.agenda_item_id, n.position FROM notes n
                   JOIN agenda_items a ON a.id = n.agenda_item_id WHERE n.id = ?""",
                (note_id,),
            ).fetchone()
        if row is None:
            raise NotFound(S.NOTE_NOT_FOUND.format(id=note_id))
        return row[0], row[1], row[2]

    def add_note(
        self,
        item_id: int,
        text: str = "",
        *,
        kind: str = "bullet",
        level: int = 0,
        position: int | None = None,
        tags: Sequence[str] = (),
        internal: bool = False,
    ) -> Note:
        """Insert a note at ``position`` (0-based; default last) under an agenda point."""
        fields = {"text": text, "kind": kind, "level": level, "tags": list(tags),
                  "internal": internal}  # fmt: skip
        # A blank note (what opening an empty point writes) is valid as built: no
        # gate, so opening a meeting never imports pydantic.
        note = Note()
        if any(getattr(note, k) != v for k, v in fields.items()):
            note = validated(Note, fields)
        return self._insert_checked(item_id, note, position)

    def insert_note(self, item_id: int, note: Note, *, position: int | None = None) -> Note:
        """Insert a whole note (e.g. to undo its deletion), keeping its uid."""
        return self._insert_checked(item_id, validated(Note, note), position)

    def _insert_checked(self, item_id: int, note: Note, position: int | None) -> Note:
        with self._tx() as c:
            row = self._item_row(item_id)
            pos = make_room(c, "notes", "agenda_item_id", item_id, position)
            note_id = self._insert_note(c, item_id, pos, note)
            self._touch(row["dialogue_id"])
        return replace(note, id=note_id)

    def set_note_text(self, note_id: int, text: str) -> None:
        """The keystroke path: one UPDATE, committed at once. The search index is
        left for ``index_typed`` (migration 10: the first key into a note records
        what the index holds for it); the row is all a key writes."""
        with self._tx() as c:
            self._check_note_lock(c, note_id)
            cur = c.execute(
                "UPDATE notes SET text = ?, updated_at = ? WHERE id = ?",
                (clean_text(text), now(), note_id),
            )
            if cur.rowcount == 0:
                raise NotFound(S.NOTE_NOT_FOUND.format(id=note_id))

    def update_note(self, note_id: int, **fields: Any) -> Note:
        """Change any of text, kind, level, tags, internal, goal (validated)."""
        with self._tx() as c:
            current = self.get_note(note_id)
            note = rows.revised(current, **fields)
            self._check_note_lock(c, note_id)
            c.execute(
                """UPDATE notes SET text=?, kind=?, level=?, tags=?, internal=?,
                   updated_at=? WHERE id=?""",
                (note.text, note.kind, note.level, json.dumps(note.tags),
                 int(note.internal), now(), note_id),
            )  # fmt: skip
            if "goal" in fields:
                if note.goal is None:
                    c.execute("DELETE FROM goals WHERE note_id = ?", (note_id,))
                else:
                    _write_goal(c, note_id, note.goal)
        return note

    def set_tags(self, note_id: int, tags: Sequence[str]) -> Note:
        return self.update_note(note_id, tags=list(tags))

    def toggle_tag(self, note_id: int, tag: str) -> Note:
        """Add a tag, or remove it when the note has it already."""
        with self._tx():
            tags = self.get_note(note_id).tags
            return self.set_tags(note_id, [t for t in tags if t != tag] if tag in tags
                                 else [*tags, tag])  # fmt: skip

    def set_goal(self, note_id: int, goal: GoalDetails | None) -> Note:
        return self.update_note(note_id, goal=goal)

    def move_note(self, note_id: int, position: int, *, item_id: int | None = None) -> None:
        """Move a note to ``position`` (0-based) in its point, or in another point."""
        with self._tx() as c:
            dialogue_id, old_item, _ = self.note_location(note_id)
            target = old_item if item_id is None else item_id
            if self._item_row(target)["dialogue_id"] != dialogue_id:
                raise NotFound(S.AGENDA_ITEM_NOT_FOUND.format(id=target))
            ids = _note_ids(c, target)
            if note_id in ids:
                ids.remove(note_id)
            ids.insert(max(0, min(position, len(ids))), note_id)
            c.execute(
                "UPDATE notes SET agenda_item_id = ?, updated_at = ? WHERE id = ?",
                (target, now(), note_id),
            )
            renumber(c, "notes", ids)
            if target != old_item:
                renumber(c, "notes", _note_ids(c, old_item))
            self._touch(dialogue_id)

    def delete_note(self, note_id: int) -> Note:
        """Delete a note; returns it (with position kept by the caller) for undo."""
        with self._tx() as c:
            note = self.get_note(note_id)
            dialogue_id, item_id, _ = self.note_location(note_id)
            c.execute("DELETE FROM notes WHERE id = ?", (note_id,))
            renumber(c, "notes", _note_ids(c, item_id))
            self._touch(dialogue_id)
        return note

    def tagged_notes(
        self, dialogue_id: int, kinds: Sequence[str] = ("goal", "attention", "agreement")
    ) -> list[tuple[int, Note]]:
        """(agenda point number, note) for every note tagged with one of ``kinds``."""
        if not kinds:
            return []
        marks = ",".join("?" * len(kinds))
        return [
            (r["number"], rows.note(r))
            for r in self._query(
                f"""SELECT a.position + 1 AS number, {NOTE_SELECT}
                    FROM notes n JOIN agenda_items a ON a.id = n.agenda_item_id
                    LEFT JOIN goals g ON g.note_id = n.id
                    WHERE a.dialogue_id = ? AND EXISTS (
                        SELECT 1 FROM json_each(n.tags) WHERE value IN ({marks}))
                    ORDER BY a.position, n.position""",
                (dialogue_id, *kinds),
            )
        ]


_GOAL_FIELDS = GOAL_COLUMNS.replace("g.", "").split(", ")


def _lean_note(r: tuple) -> Note:
    """A row of ``notes`` (``NOTE_COLUMNS``, the goal's id, ``GOAL_COLUMNS``) as
    the model, unvalidated like every row read back (see ``rows``)."""
    note_id, uid, text, kind, level, tags, internal, goal_id, *goal = r
    return Note(
        id=note_id,
        uid=uid,
        text=text,
        kind=kind,
        level=level,
        tags=[] if tags == "[]" else json.loads(tags),
        internal=bool(internal),
        goal=None if goal_id is None else goal_details(dict(zip(_GOAL_FIELDS, goal, strict=True))),
    )


def _write_goal(c: sqlite3.Connection, note_id: int, g: GoalDetails) -> None:
    c.execute(
        """INSERT INTO goals (note_id, indicator, baseline, target, due, theme,
           ancestor) VALUES (?,?,?,?,?,?,?)
           ON CONFLICT(note_id) DO UPDATE SET indicator=excluded.indicator,
           baseline=excluded.baseline, target=excluded.target, due=excluded.due,
           theme=excluded.theme, ancestor=excluded.ancestor""",
        (note_id, g.indicator, g.baseline, g.target, iso(g.due), g.theme, g.ancestor),
    )


def _note_ids(c: sqlite3.Connection, item_id: int) -> list[int]:
    return [
        r[0]
        for r in c.execute(
            "SELECT id FROM notes WHERE agenda_item_id = ? ORDER BY position", (item_id,)
        )
    ]
