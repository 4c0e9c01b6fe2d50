"""Dialogues: the header row, loading a whole dialogue in and reading it out,
the list, the bin."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from .. import strings as S
from ..errors import NotFound
from ..model import Dialogue, DialogueSummary, Note, Status, new_uid
from . import rows
from .connection import StoreBase
from .rows import NOTE_SELECT, check_year, iso, now, validated

_HEADER_FIELDS = frozenset(
    {
        "school", "municipality", "held_on", "starts_at", "ends_at", "location",
        "case_number", "case_handler", "memo_date", "agenda_file", "kle",
    }
)  # fmt: skip


class Dialogues(StoreBase):
    def create_dialogue(self, dialogue: Dialogue) -> int:
        """Insert a whole dialogue (as from the form or a JSON file); return its id."""
        dialogue = validated(Dialogue, dialogue)  # checked and cleaned, however built
        with self._tx() as c:
            return self._insert_dialogue(c, dialogue)

    def _insert_dialogue(self, c: sqlite3.Connection, d: Dialogue) -> int:
        stamp = now()
        uid = d.uid
        if c.execute("SELECT 1 FROM dialogues WHERE uid = ?", (uid,)).fetchone():
            uid = new_uid()  # a copy: new identity
        cur = c.execute(
            """INSERT INTO dialogues (uid, school, municipality, held_on, starts_at,
                ends_at, location, case_number, case_handler, memo_date, status,
                agenda_file, previous, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                uid, d.school, d.municipality, d.held_on.isoformat(),
                iso(d.starts_at), iso(d.ends_at), d.location, d.case_number,
                d.case_handler, iso(d.memo_date),
                # A final dialogue becomes final after its content is in (the
                # read-only triggers would refuse it otherwise).
                "held" if d.status == "final" else d.status.value,
                d.agenda_file, d.previous, stamp, stamp,
            ),
        )  # fmt: skip
        dialogue_id = cur.lastrowid
        assert dialogue_id is not None
        if d.kle:  # schema 8; apart, so that older schemas' tests can still insert
            c.execute("UPDATE dialogues SET kle = ? WHERE id = ?", (d.kle, dialogue_id))
        for pos, item in enumerate(d.agenda):
            item_id = self._insert_agenda_item(c, dialogue_id, pos, item)
            for npos, note in enumerate(item.notes):
                self._insert_note(c, item_id, npos, note, fresh_uid=True)
        for pos, p in enumerate(d.participants):  # after the points they attended
            self._insert_participant(c, dialogue_id, pos, p)
        self.db.table("checklist").insert_all(
            {"dialogue_id": dialogue_id, "position": pos, "text": check.text,
             "done": int(check.done)}
            for pos, check in enumerate(d.checklist)
        )  # fmt: skip
        for pos, f in enumerate(d.followups):
            self._insert_followup(c, dialogue_id, pos, f)
        self.db.table("status_changes").insert_all(
            {"dialogue_id": dialogue_id, "at": iso(change.at),
             "from_status": change.from_status.value, "to_status": change.to_status.value,
             "reason": change.reason}
            for change in d.history
        )  # fmt: skip
        if d.status == "final":
            c.execute("UPDATE dialogues SET status = 'final' WHERE id = ?", (dialogue_id,))
        return dialogue_id

    def get_dialogue(self, dialogue_id: int) -> Dialogue:
        """The whole dialogue with every point, note, goal and follow-up, ids filled,
        read in one transaction (one snapshot, whoever writes meanwhile)."""
        with self._read():
            row = self._one("SELECT * FROM dialogues WHERE id = ?", (dialogue_id,))
            if row is None:
                raise NotFound(S.DIALOGUE_NOT_FOUND.format(id=dialogue_id))
            notes_by_item: dict[int, list[Note]] = {}
            for n in self._query(
                f"""SELECT n.agenda_item_id, {NOTE_SELECT}
                    FROM notes n JOIN agenda_items a ON a.id = n.agenda_item_id
                    LEFT JOIN goals g ON g.note_id = n.id
                    WHERE a.dialogue_id = ? ORDER BY n.agenda_item_id, n.position""",
                (dialogue_id,),
            ):
                notes_by_item.setdefault(n["agenda_item_id"], []).append(rows.note(n))
            agenda = [
                rows.agenda_item(a, notes_by_item.get(a["id"], []))
                for a in self._query(
                    "SELECT * FROM agenda_items WHERE dialogue_id = ? ORDER BY position",
                    (dialogue_id,),
                )
            ]
            history = [
                rows.status_change(r)
                for r in self._query(
                    "SELECT * FROM status_changes WHERE dialogue_id = ? ORDER BY id",
                    (dialogue_id,),
                )
            ]
            return rows.dialogue(
                row,
                participants=self.participants(dialogue_id),
                agenda=agenda,
                checklist=self._checklist(dialogue_id),
                followups=self.followups(dialogue_id),
                history=history,
            )

    def check_dialogue(self, dialogue_id: int) -> None:
        """NotFound unless the dialogue exists (one indexed lookup)."""
        if self._one("SELECT 1 AS found FROM dialogues WHERE id = ?", (dialogue_id,)) is None:
            raise NotFound(S.DIALOGUE_NOT_FOUND.format(id=dialogue_id))

    def list_dialogues(
        self,
        *,
        school: str | None = None,
        year: int | None = None,
        deleted: bool = False,
        limit: int | None = None,
        after: tuple[date, int] | None = None,
    ) -> list[DialogueSummary]:
        """Dialogues newest first; ``deleted=True`` lists the recoverable bin instead;
        ``limit`` only the newest (a first screenful without building every row).
        ``after`` is the (held_on, id) of the last row of the page before: the next
        page starts just after it (keyset paging, on the ``dialogues_held_on`` index,
        so a page costs the same at the end of the list as at its start)."""
        check_year(year)
        where = ["deleted_at IS NOT NULL" if deleted else "deleted_at IS NULL"]
        params: list[Any] = []
        if after is not None:
            where.append("(held_on, id) < (?, ?)")
            params += [after[0].isoformat(), after[1]]
        with self._read() as c:
            names = self._school_names(school)
            if names is not None:
                if not names:
                    return []
                where.append(f"school IN ({','.join('?' * len(names))})")
                params += names
            if year is not None:
                where.append("held_on >= ? AND held_on < ?")
                params += [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
            found = c.execute(
                f"""SELECT id, school, held_on, status, case_number, municipality,
                    case_handler, deleted_at IS NOT NULL
                    FROM dialogues WHERE {" AND ".join(where)}
                    ORDER BY held_on DESC, id DESC LIMIT ?""",
                [*params, -1 if limit is None else limit],
            ).fetchall()
        return [
            DialogueSummary(
                id=r[0], school=r[1], held_on=date.fromisoformat(r[2]), status=Status(r[3]),
                case_number=r[4], municipality=r[5], case_handler=r[6], deleted=bool(r[7]),
            )
            for r in found
        ]  # fmt: skip

    def update_dialogue(self, dialogue_id: int, **fields: Any) -> Dialogue:
        """Change header fields (school, dates, case number, …), validated by the model."""
        unknown = set(fields) - _HEADER_FIELDS
        if unknown:
            raise ValueError(f"not dialogue header fields: {sorted(unknown)}")
        with self._tx() as c:
            current = self._header(dialogue_id)
            merged = rows.revised(current, **fields)
            values = {k: getattr(merged, k) for k in fields}
            self._check_lock(c, dialogue_id)
            sets = ", ".join(f"{k} = ?" for k in values)
            c.execute(
                f"UPDATE dialogues SET {sets}, updated_at = ? WHERE id = ?",
                [iso(v) if hasattr(v, "isoformat") else v for v in values.values()]
                + [now(), dialogue_id],
            )  # fmt: skip
        return merged

    def _school_names(self, school: str | None, *, prefix: bool = False) -> list[str] | None:
        """The stored school names equal to ``school`` in any case (with ``prefix``,
        when none is: the names it begins, »skov« → Skovskolen); ``None`` when no
        school is given (blank). Compared with ``str.casefold`` here, as SQLite's
        ``lower()`` and ``NOCASE`` fold ASCII only (»ærøskolen« ≠ »Ærøskolen«)."""
        wanted = (school or "").strip().casefold()
        if not wanted:
            return None
        with self._read() as c:
            names = [n for (n,) in c.execute("SELECT DISTINCT school FROM dialogues")]
        exact = [n for n in names if n.strip().casefold() == wanted]
        if exact or not prefix:
            return exact
        return [n for n in names if n.strip().casefold().startswith(wanted)]

    def _header(self, dialogue_id: int) -> Dialogue:
        row = self._one("SELECT * FROM dialogues WHERE id = ?", (dialogue_id,))
        if row is None:
            raise NotFound(S.DIALOGUE_NOT_FOUND.format(id=dialogue_id))
        return rows.dialogue(row)

    def delete_dialogue(self, dialogue_id: int) -> None:
        """Move to the bin: hidden from the list, recoverable with ``restore_dialogue``."""
        self._set_deleted(dialogue_id, now())

    def restore_dialogue(self, dialogue_id: int) -> None:
        self._set_deleted(dialogue_id, None)

    def _set_deleted(self, dialogue_id: int, at: str | None) -> None:
        with self._tx() as c:
            cur = c.execute("UPDATE dialogues SET deleted_at = ? WHERE id = ?", (at, dialogue_id))
            if cur.rowcount == 0:
                raise NotFound(S.DIALOGUE_NOT_FOUND.format(id=dialogue_id))

    def purge_dialogue(self, dialogue_id: int) -> None:
        """Delete for good, with every note: nothing of it lingers in the file."""
        with self._tx() as c:
            cur = c.execute("DELETE FROM dialogues WHERE id = ?", (dialogue_id,))
            if cur.rowcount == 0:
                raise NotFound(S.DIALOGUE_NOT_FOUND.format(id=dialogue_id))

    def followed_up_by(self, dialogue_id: int) -> list[date]:
        """The dates of the dialogues (not in the bin) that already follow this one up."""
        with self._read() as c:
            found = c.execute(
                """SELECT d.held_on FROM dialogues d JOIN dialogues p ON d.previous = p.uid
                   WHERE p.id = ? AND d.deleted_at IS NULL ORDER BY d.held_on""",
                (dialogue_id,),
            ).fetchall()
        return [date.fromisoformat(r[0]) for r in found]

    def last_edited_note(self, dialogue_id: int) -> Note | None:
        """The note to put the cursor on when a dialogue is reopened."""
        row = self._one(
            f"""SELECT {NOTE_SELECT} FROM notes n JOIN agenda_items a ON a.id = n.agenda_item_id
               LEFT JOIN goals g ON g.note_id = n.id
               WHERE a.dialogue_id = ? ORDER BY n.updated_at DESC, n.id DESC LIMIT 1""",
            (dialogue_id,),
        )
        return rows.note(row) if row else None

    def dialogues_held_in(self, year: int) -> list[Dialogue]:
        """Whole dialogues held (or final) in ``year``, by school then date; the bin
        is left out. What the council's overview is built from."""
        check_year(year)
        with self._read() as c:
            ids = [
                r[0]
                for r in c.execute(
                    """SELECT id FROM dialogues WHERE deleted_at IS NULL
                       AND status IN ('held', 'final') AND held_on >= ? AND held_on < ?
                       ORDER BY school COLLATE NOCASE, held_on, id""",
                    (f"{year:04d}-01-01", f"{year + 1:04d}-01-01"),
                )
            ]
            return [self.get_dialogue(i) for i in ids]
