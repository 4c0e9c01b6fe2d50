"""Edit locks: who has a dialogue open for editing, so two instances never
overwrite each other's notes silently."""

from __future__ import annotations

import os
import socket
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from .connection import StoreBase

LOCK_STALE_SECONDS = 300
"""A lock from another host counts as left behind after this long without a heartbeat."""

_HOST = socket.gethostname()


@dataclass(frozen=True)
class EditLock:
    """Another instance that has a dialogue open for editing."""

    host: str
    pid: int
    acquired_at: str

    def alive(self, heartbeat: datetime, now: datetime) -> bool:
        if self.host == _HOST:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                return False
            except PermissionError:
                return True
            return True
        return (now - heartbeat).total_seconds() < LOCK_STALE_SECONDS


class Locks(StoreBase):
    def acquire_edit_lock(self, dialogue_id: int) -> EditLock | None:
        """Take the dialogue for editing; returns the other holder if it is taken.

        A lock left by a crashed process (its pid gone on this host, or no
        heartbeat from another host for ``LOCK_STALE_SECONDS``) is taken over."""
        now = datetime.now()
        with self._tx() as c:
            holder = self._other_editor(c, dialogue_id, now)
            if holder is not None:
                return holder
            c.execute(
                """INSERT INTO edit_locks VALUES (?, ?, ?, ?, ?, ?)
                   ON CONFLICT(dialogue_id) DO UPDATE SET token=excluded.token,
                   host=excluded.host, pid=excluded.pid, acquired_at=excluded.acquired_at,
                   heartbeat_at=excluded.heartbeat_at""",
                (dialogue_id, self.token, _HOST, os.getpid(), now.isoformat(), now.isoformat()),
            )
        return None

    def _other_editor(
        self, c: sqlite3.Connection, dialogue_id: int, now: datetime
    ) -> EditLock | None:
        """The live lock another instance holds on the dialogue, if any."""
        row = c.execute(
            "SELECT token, host, pid, acquired_at, heartbeat_at FROM edit_locks "
            "WHERE dialogue_id = ?",
            (dialogue_id,),
        ).fetchone()
        if row and row[0] != self.token:
            holder = EditLock(host=row[1], pid=row[2], acquired_at=row[3])
            if holder.alive(datetime.fromisoformat(row[4]), now):
                return holder
        return None

    def heartbeat_edit_lock(self, dialogue_id: int) -> None:
        with self._tx() as c:
            c.execute(
                "UPDATE edit_locks SET heartbeat_at = ? WHERE dialogue_id = ? AND token = ?",
                (datetime.now().isoformat(), dialogue_id, self.token),
            )

    def release_edit_lock(self, dialogue_id: int) -> None:
        with self._tx() as c:
            c.execute(
                "DELETE FROM edit_locks WHERE dialogue_id = ? AND token = ?",
                (dialogue_id, self.token),
            )
