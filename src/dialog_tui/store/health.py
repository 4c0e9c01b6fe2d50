"""Is the file whole, and what can still be read when it is not (issue 13):
SQLite's integrity and foreign-key checks, and each dialogue read on its own so
one damaged page costs only the dialogues stored on it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from .. import strings as S
from ..errors import DatabaseDamaged, DialogError
from ..model import Dialogue
from .connection import StoreBase


class Health(StoreBase):
    def check(self) -> list[str]:
        """What SQLite finds wrong (its own words, foreign keys in Danish); [] when whole."""
        problems: list[str] = []
        with self._mutex:
            try:
                rows = self.conn.execute("PRAGMA integrity_check").fetchall()
                problems += [r[0] for r in rows if r[0] != "ok"]
                for table, rowid, parent, _ in self.conn.execute("PRAGMA foreign_key_check"):
                    problems.append(
                        S.CHECK_FOREIGN_KEY.format(table=table, row=rowid, parent=parent)
                    )
            except sqlite3.DatabaseError as e:
                problems.append(str(e))
        return problems

    def rescue(self) -> Iterator[tuple[int, Dialogue | None, str | None]]:
        """Every dialogue id found, with the dialogue or why it cannot be read."""
        for dialogue_id in self._dialogue_ids():
            try:
                yield dialogue_id, self.get_dialogue(dialogue_id), None  # type: ignore[attr-defined]
            except DatabaseDamaged:
                yield dialogue_id, None, S.RESCUE_DAMAGED_PAGE
            except (DialogError, sqlite3.Error) as e:
                yield dialogue_id, None, str(e)

    def _dialogue_ids(self) -> list[int]:
        """The dialogues' ids, or (their table damaged) those the points name."""
        ids: set[int] = set()
        for sql in ("SELECT id FROM dialogues", "SELECT DISTINCT dialogue_id FROM agenda_items"):
            with self._mutex:
                try:
                    ids.update(r[0] for r in self.conn.execute(sql))
                except sqlite3.DatabaseError:
                    continue
        return sorted(ids)
