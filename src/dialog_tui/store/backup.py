"""Backup and restore through SQLite's online backup."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .. import strings as S
from ..errors import StoreError, os_reason
from .connection import StoreBase


class Backup(StoreBase):
    def backup_to(self, path: Path) -> None:
        """A consistent copy through SQLite's online backup, even while others
        write; written beside ``path`` and renamed into place, owner-only."""
        path = Path(path)
        tmp = path.with_name(f".{path.name}.tmp")
        try:
            tmp.unlink(missing_ok=True)
            fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
            os.close(fd)
            dest = sqlite3.connect(tmp)
            try:
                with self._mutex:
                    self.conn.backup(dest)
            finally:
                dest.close()
            os.replace(tmp, path)
        except (OSError, sqlite3.Error) as e:
            tmp.unlink(missing_ok=True)
            reason = os_reason(e) if isinstance(e, OSError) else e
            raise StoreError(S.OUTPUT_UNWRITABLE.format(path=path, reason=reason)) from None

    def restore_from(self, path: Path) -> Path:
        """Replace this database's content with a checked backup; the current
        content is kept as ``<db>.bak`` first. Returns the .bak path."""
        path = Path(path)
        if not path.is_file():
            raise StoreError(S.DB_CANNOT_OPEN.format(path=path, reason=S.FILE_MISSING))
        try:
            source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        except sqlite3.Error as e:
            raise StoreError(S.DB_CANNOT_OPEN.format(path=path, reason=e)) from None
        try:
            self._check_ours(source, path, exists=True)
            if not source.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise StoreError(S.DB_NOT_OURS.format(path=path))
            try:
                result = source.execute("PRAGMA integrity_check").fetchone()[0]
            except sqlite3.DatabaseError as e:  # past the header: damaged, not foreign
                result = str(e)
            if result != "ok":
                raise StoreError(S.BACKUP_DAMAGED.format(path=path, result=result))
            self._refuse_if_open_elsewhere()
            bak = self.path.with_name(self.path.name + ".bak")
            self.backup_to(bak)
            try:
                with self._mutex:
                    source.backup(self.conn)
            except sqlite3.Error as e:
                raise StoreError(S.DB_CANNOT_WRITE.format(path=self.path, reason=e)) from None
        except sqlite3.DatabaseError:
            raise StoreError(S.DB_NOT_SQLITE.format(path=path)) from None
        finally:
            source.close()
        self._migrate()
        return bak

    def _refuse_if_open_elsewhere(self) -> None:
        """A restore under a meeting typing elsewhere would pull its notes away:
        refused while any dialogue is held by a live editor (a damaged file, whose
        locks cannot be read, is what restore is for: it goes ahead)."""
        with self._mutex:
            try:
                ids = [r[0] for r in self.conn.execute("SELECT dialogue_id FROM edit_locks")]
                holders = [(i, self._other_editor(self.conn, i)) for i in ids]  # type: ignore[attr-defined]
            except sqlite3.DatabaseError:
                return
        for dialogue_id, holder in holders:
            if holder is not None:
                raise StoreError(
                    S.RESTORE_OPEN_ELSEWHERE.format(
                        id=dialogue_id, pid=holder.pid, host=holder.host, since=holder.since
                    )
                )
