"""Edit locks: who has a dialogue open for editing, so two instances never
overwrite each other's notes silently.

A lock row names its holder (host, pid, the process's start time) and is
refreshed by a heartbeat. A lock is dead when, on this host, its process is gone
or its pid now belongs to a process started at another time (the pid was
reused); from another host, when its heartbeat is ``LOCK_STALE_SECONDS`` old
(UTC on both sides). A dead lock is taken over. The instance that loses its lock
finds out: the heartbeat says so, and its next write on the dialogue raises
``LockLost`` instead of writing.
"""

from __future__ import annotations

import os
import socket
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from .. import strings as S
from ..errors import LockLost
from .connection import StoreBase
from .rows import local, now

LOCK_STALE_SECONDS = 300
"""A lock from another host counts as left behind after this long without a heartbeat."""

_HOST = socket.gethostname()
_LOCK_COLUMNS = "token, host, pid, started, acquired_at, heartbeat_at"


def process_started(pid: int) -> float | None:
    """When process ``pid`` started (seconds since the epoch); None when there is
    no such process. Portable (psutil), and never signals the process."""
    import psutil

    try:
        return psutil.Process(pid).create_time()
    except psutil.NoSuchProcess:
        return None
    except psutil.Error:  # access denied, zombie: it is there
        return -1.0


@dataclass(frozen=True)
class EditLock:
    """An instance that has a dialogue open for editing."""

    host: str
    pid: int
    acquired_at: str
    """When it took the lock: ISO 8601 in local time."""
    started: float | None = None
    """When its process started, as psutil says (None for locks of older versions)."""

    @property
    def since(self) -> str:
        """``acquired_at`` as people read it: 04.12.2026 21:05."""
        return datetime.fromisoformat(self.acquired_at).strftime("%d.%m.%Y %H:%M")

    def alive(self, heartbeat: datetime, now: datetime) -> bool:
        """``heartbeat`` and ``now`` are aware (UTC) datetimes."""
        if self.host == _HOST:
            started = process_started(self.pid)
            if started is None:
                return False
            if self.started is None or started < 0:
                return True
            return abs(started - self.started) < 1.0  # else the pid was reused
        return (now - heartbeat).total_seconds() < LOCK_STALE_SECONDS


def _holder(row: tuple) -> EditLock:
    acquired = local(row[4])
    assert acquired is not None
    return EditLock(host=row[1], pid=row[2], started=row[3], acquired_at=acquired.isoformat())


class Locks(StoreBase):
    def acquire_edit_lock(self, dialogue_id: int) -> EditLock | None:
        """Take the dialogue for editing; returns the other holder if it is taken.

        A lock left by a crashed process is taken over (see the module)."""
        stamp = now()
        started = process_started(os.getpid())
        with self._tx() as c:
            holder = self._other_editor(c, dialogue_id)
            if holder is not None:
                return holder
            c.execute(
                f"""INSERT INTO edit_locks (dialogue_id, {_LOCK_COLUMNS})
                   VALUES (?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(dialogue_id) DO UPDATE SET token=excluded.token,
                   host=excluded.host, pid=excluded.pid, started=excluded.started,
                   acquired_at=excluded.acquired_at, heartbeat_at=excluded.heartbeat_at""",
                (dialogue_id, self.token, _HOST, os.getpid(), started, stamp, stamp),
            )
            self._locked.add(dialogue_id)
        return None

    def _other_editor(self, c: sqlite3.Connection, dialogue_id: int) -> EditLock | None:
        """The live lock another instance holds on the dialogue, if any."""
        row = c.execute(
            f"SELECT {_LOCK_COLUMNS} FROM edit_locks WHERE dialogue_id = ?", (dialogue_id,)
        ).fetchone()
        if row and row[0] != self.token:
            holder = _holder(row)
            heartbeat = datetime.fromisoformat(row[5]).astimezone(UTC)
            if holder.alive(heartbeat, datetime.now(UTC)):
                return holder
        return None

    def heartbeat_edit_lock(self, dialogue_id: int) -> bool:
        """Refresh this instance's lock; False when it no longer holds it (taken
        over as stale, or cleared with ``dialog-tui unlock``)."""
        with self._tx() as c:
            cur = c.execute(
                "UPDATE edit_locks SET heartbeat_at = ? WHERE dialogue_id = ? AND token = ?",
                (now(), dialogue_id, self.token),
            )
            return cur.rowcount == 1

    def release_edit_lock(self, dialogue_id: int) -> None:
        with self._tx() as c:
            c.execute(
                "DELETE FROM edit_locks WHERE dialogue_id = ? AND token = ?",
                (dialogue_id, self.token),
            )
            self._locked.discard(dialogue_id)

    def edit_lock(self, dialogue_id: int) -> EditLock | None:
        """Whoever holds the dialogue's lock, alive or not (for ``dialog-tui unlock``)."""
        with self._read() as c:
            self._header(dialogue_id)
            row = c.execute(
                f"SELECT {_LOCK_COLUMNS} FROM edit_locks WHERE dialogue_id = ?", (dialogue_id,)
            ).fetchone()
        return _holder(row) if row else None

    def clear_edit_lock(self, dialogue_id: int) -> EditLock | None:
        """Remove the dialogue's lock, whoever holds it; returns whose it was. The
        holder, if still running, finds out at its next heartbeat or write."""
        with self._tx() as c:
            holder = self.edit_lock(dialogue_id)
            c.execute("DELETE FROM edit_locks WHERE dialogue_id = ?", (dialogue_id,))
        return holder

    def _check_lock(self, c: sqlite3.Connection, dialogue_id: int) -> None:
        """Refuse a write on a dialogue this instance took for editing and has
        lost since: one indexed SELECT, only for dialogues it locked."""
        if dialogue_id not in self._locked:
            return
        row = c.execute(
            f"SELECT {_LOCK_COLUMNS} FROM edit_locks WHERE dialogue_id = ?", (dialogue_id,)
        ).fetchone()
        if row is None:
            raise LockLost(S.LOCK_CLEARED)
        if row[0] != self.token:
            holder = _holder(row)
            raise LockLost(
                S.LOCK_TAKEN_OVER.format(pid=holder.pid, host=holder.host, since=holder.since)
            )

    def _check_note_lock(self, c: sqlite3.Connection, note_id: int) -> None:
        if not self._locked:
            return
        row = c.execute(
            """SELECT a.dialogue_id FROM notes n JOIN agenda_items a ON a.id = n.agenda_item_id
               WHERE n.id = ?""",
            (note_id,),
        ).fetchone()
        if row is not None:
            self._check_lock(c, row[0])
