"""Is the file whole, and what can still be read when it is not (issue 13):
SQLite's integrity and foreign-key checks, and each dialogue read on its own so
one damaged page costs only the dialogues stored on it; and writing the database
again where it was, when the file was deleted or replaced behind the app's back."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from .. import strings as S
from ..errors import DatabaseDamaged, DialogError, StoreError
from ..model import Dialogue
from .connection import StoreBase, file_identity


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

    def recreate(self) -> Path | None:
        """The file at ``path`` was deleted, moved or replaced while open: write this
        connection's database (still readable through the open file, unsaved text
        aside) to ``path`` again and go on there. A file that replaced it is kept
        beside it; returns where, or None."""
        with self._mutex:
            tmp = self.path.with_name(f".{self.path.name}.ny")
            try:
                tmp.unlink(missing_ok=True)
                os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
                dest = sqlite3.connect(tmp)
                try:
                    self.conn.backup(dest)
                finally:
                    dest.close()
                self.conn.close()
                aside = None
                if self.path.exists():
                    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
                    aside = self.path.with_name(f"{self.path.name}.erstattet-{stamp}")
                    os.replace(self.path, aside)
                # The journal files left at the path belong to the file that is gone.
                for suffix in ("-wal", "-shm", "-journal"):
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
                os.replace(tmp, self.path)
                self.conn = sqlite3.connect(
                    self.path, isolation_level=None, check_same_thread=False, timeout=5.0
                )
            except (OSError, sqlite3.Error) as e:
                tmp.unlink(missing_ok=True)
                reason = getattr(e, "strerror", None) or e
                raise StoreError(
                    S.OUTPUT_UNWRITABLE.format(path=self.path, reason=reason)
                ) from None
            self.__dict__.pop("db", None)  # sqlite-utils over the closed connection
            self.identity = file_identity(self.path)
            self._configure()
            self._on_network_drive()
            if self.busy_timeout_ms is not None:
                self.set_busy_timeout(self.busy_timeout_ms)
            return aside
