"""Opening a database file: refusing what is not ours, the pragmas, migrating,
and the one transaction helper every write (and every multi-statement read) goes
through.

One ``sqlite3`` connection per ``Store``, shared by the event loop and worker
threads (``check_same_thread=False``); a re-entrant lock keeps one thread at a
time inside a transaction or a read.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from .. import strings as S
from ..errors import DatabaseBusy, DatabaseDamaged, DatabaseGone, StoreError, os_reason
from ..files import require_regular_file
from . import migrate
from .rows import now

if TYPE_CHECKING:
    from sqlite_utils import Database

APPLICATION_ID = 0x44544549  # "DTEI": marks a file as ours in the SQLite header
APP_NAME = "dialog-tui"
ENV_DB = "DIALOG_TUI_DB"
DEFERRED_CHECKPOINT_PAGES = 20_000
"""The app's cap on the WAL (~80 MB) before a write checkpoints after all."""

UI_BUSY_TIMEOUT_MS = 200
"""How long a write from the app waits for another process's write lock before the
keys are kept in memory and retried (the CLI waits 5 s)."""

DAMAGE_SIGNS = ("malformed", "vtable constructor failed", "not a database")

FINAL_ABORT = "dialog-tui: the dialogue is final"
"""The message of the triggers that keep a final dialogue read-only (migration 3)."""


def default_db_path() -> Path:
    """``--db`` wins, then ``DIALOG_TUI_DB``, then the user's data folder."""
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "dialogues.db"


def sqlite_error(path: Path, e: sqlite3.Error) -> StoreError:
    """One Danish line for an SQLite error: busy, damaged, or a failed write."""
    text = str(e)
    if isinstance(e, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
        return DatabaseBusy(S.DB_CANNOT_WRITE.format(path=path, reason=e))
    if isinstance(e, sqlite3.DatabaseError) and any(w in text for w in DAMAGE_SIGNS):
        return DatabaseDamaged(S.DB_DAMAGED_USE_CHECK.format(path=path, reason=e))
    return StoreError(S.DB_CANNOT_WRITE.format(path=path, reason=e))


def file_identity(path: Path, *, missing_ok: bool = True) -> tuple[int, int] | None:
    """(st_dev, st_ino) of ``path``; None when it cannot be told (or is missing)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if missing_ok:
            return None
        raise
    except OSError:
        return None
    return st.st_dev, st.st_ino


def as_store_error(path: Path, e: BaseException) -> StoreError | None:
    """``sqlite_error`` for an SQLite error; None for anything else (for callers
    outside the store, which do not import sqlite3)."""
    return sqlite_error(path, e) if isinstance(e, sqlite3.Error) else None


class StoreBase:
    """The connection and its policy; the aggregates' mixins build on it."""

    def __init__(self, path: Path | str, conn: sqlite3.Connection) -> None:
        self.token = uuid.uuid4().hex  # identifies this instance's edit locks
        self.path = Path(path)
        self.conn = conn
        self._mutex = threading.RLock()
        self._locked: set[int] = set()  # dialogues this instance took for editing
        self.identity = file_identity(self.path)
        """(st_dev, st_ino) of the file opened: each write checks the path still is it."""
        self.network = False
        self.busy_timeout_ms: int | None = None  # set by the app: short
        """On a network drive: rollback journal, the file held exclusively."""

    @cached_property
    def db(self) -> Database:
        """sqlite-utils over the same connection: ``db.query`` rows as dicts,
        ``insert_all`` and ``rows_where``. Imported on first use, off the start path."""
        from sqlite_utils import Database

        # recursive_triggers stays off: the search index triggers rely on it.
        return Database(self.conn, execute_plugins=False, recursive_triggers=False)

    # --- Opening -------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str | None = None, *, create: bool = True) -> Self:
        """Open (and create or migrate) a database; refuse, untouched, what is not ours."""
        path = Path(path) if path is not None else default_db_path()
        if path.is_dir():
            raise StoreError(S.DB_IS_DIRECTORY.format(path=path))
        if path.exists():  # a FIFO would hang the open, /dev/zero fail inside SQLite
            require_regular_file(path, StoreError)
        exists = path.exists() and path.stat().st_size > 0
        if not exists:
            if not create:
                raise StoreError(S.DB_CANNOT_OPEN.format(path=path, reason=S.FILE_MISSING))
            try:
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
                os.close(fd)
            except OSError as e:
                raise StoreError(S.DB_CANNOT_OPEN.format(path=path, reason=os_reason(e))) from None
        try:
            conn = sqlite3.connect(
                path, isolation_level=None, check_same_thread=False, timeout=5.0
            )
        except sqlite3.Error as e:
            raise StoreError(S.DB_CANNOT_OPEN.format(path=path, reason=e)) from None
        try:
            cls._check_ours(conn, path, exists)
            store = cls(path, conn)
            store._configure()
            store._on_network_drive()
            store._migrate()
            store._opened()
        except BaseException:
            conn.close()
            raise
        return store

    def _opened(self) -> None:
        """After the schema is current: what a process that stopped (a crash, a
        power cut) may have left to finish. The search mixin overrides it."""

    @staticmethod
    def _check_ours(conn: sqlite3.Connection, path: Path, exists: bool) -> None:
        """Read the header only: nothing is written before the file is known to be ours."""
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.DatabaseError as e:
            if any(w in str(e) for w in ("locked", "busy", "unable to open", "readonly")):
                raise StoreError(S.DB_CANNOT_OPEN.format(path=path, reason=e)) from None
            with open(path, "rb") as f:
                damaged = f.read(16) == b"SQLite format 3\x00"
            message = S.DB_DAMAGED if damaged else S.DB_NOT_SQLITE
            raise StoreError(message.format(path=path)) from None
        if not exists or (tables == 0 and app_id == 0 and version == 0):
            return
        if app_id != APPLICATION_ID:
            raise StoreError(S.DB_NOT_OURS.format(path=path))
        if version > migrate.SCHEMA_VERSION:
            raise StoreError(
                S.DB_TOO_NEW.format(path=path, found=version, known=migrate.SCHEMA_VERSION)
            )

    def _configure(self) -> None:
        try:
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 5000")
            if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                self.conn.execute("PRAGMA journal_mode = WAL")
            # Every commit is on the disk before it returns: a power cut (the laptop's
            # battery in a meeting) costs nothing committed. NORMAL would lose the last ones.
            self.conn.execute("PRAGMA synchronous = FULL")
            # Deleted and overwritten text is zeroed, so it does not linger in the file.
            self.conn.execute("PRAGMA secure_delete = ON")
            # The search index triggers rely on a trigger never firing itself.
            self.conn.execute("PRAGMA recursive_triggers = OFF")
        except sqlite3.Error as e:
            raise StoreError(S.DB_CANNOT_WRITE.format(path=self.path, reason=e)) from None

    def _migrate(self) -> None:
        if self.schema_version() >= migrate.SCHEMA_VERSION:
            return
        with self._tx() as c:
            migrate.apply(c, APPLICATION_ID)

    def schema_version(self) -> int:
        with self._mutex:
            return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        with self._mutex:
            self.conn.close()

    # --- Checkpoints ---------------------------------------------------------

    def defer_checkpoints(self) -> None:
        """For the app: no write copies the WAL back into the file (the automatic
        checkpoint stalls the one keystroke that trips it); ``checkpoint`` does it
        from a timer instead. A cap stays for a WAL that no checkpoint could empty."""
        with self._mutex:
            self.conn.execute(f"PRAGMA wal_autocheckpoint = {DEFERRED_CHECKPOINT_PAGES}")

    def checkpoint(self) -> None:
        """Copy the WAL back into the database file without waiting for anyone
        (PASSIVE), through a connection of its own: a thread may call it while the
        event loop writes. Quiet when busy or failing: the next one catches up."""
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=0)
            try:
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            finally:
                conn.close()
        except sqlite3.Error:
            pass

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- Transactions --------------------------------------------------------

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction; BEGIN IMMEDIATE so writers never deadlock
        and a read-modify-write inside it sees no other writer in between."""
        with self._mutex:
            if self.conn.in_transaction:  # nested: part of the enclosing one
                yield self.conn
                return
            self.check_file()
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as e:
                raise self.write_error(e) from None
            try:
                yield self.conn
            except sqlite3.IntegrityError as e:
                self._rollback()
                if str(e) == FINAL_ABORT:
                    raise StoreError(S.DIALOGUE_IS_FINAL) from None
                raise StoreError(S.INVALID_VALUE.format(reason=e)) from None
            except sqlite3.Error as e:
                self._rollback()
                raise self.write_error(e) from None
            except BaseException:
                self._rollback()
                raise
            else:
                try:
                    self.conn.execute("COMMIT")
                except sqlite3.Error as e:
                    # A failed COMMIT may have rolled back already.
                    self._rollback()
                    raise self.write_error(e) from None

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    # --- Faults (issue 13) -----------------------------------------------------

    def _on_network_drive(self) -> None:
        """WAL needs every process on one host: on a network drive, a rollback
        journal and the file held by this process alone while it is open."""
        from .filesystem import is_network

        if not is_network(self.path):
            return
        self.network = True
        try:
            self.conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            self.conn.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.Error as e:
            raise StoreError(S.DB_CANNOT_OPEN.format(path=self.path, reason=e)) from None

    def check_file(self) -> None:
        """The file at ``path`` is still the one open here: a deleted, moved or
        replaced database is noticed at the next write (a stat, ~2 µs)."""
        if self.identity is None:
            return
        try:
            now_there = file_identity(self.path, missing_ok=False)
        except FileNotFoundError:
            raise DatabaseGone(S.DB_VANISHED.format(path=self.path)) from None
        if now_there is not None and now_there != self.identity:
            raise DatabaseGone(S.DB_REPLACED.format(path=self.path))

    def set_busy_timeout(self, milliseconds: int) -> None:
        """How long a write waits for another process's lock (the app: short)."""
        self.busy_timeout_ms = int(milliseconds)
        with self._mutex:
            self.conn.execute(f"PRAGMA busy_timeout = {self.busy_timeout_ms}")

    def write_error(self, e: sqlite3.Error) -> StoreError:
        """The Danish error for a failed write: busy, damaged, or anything else."""
        return sqlite_error(self.path, e)

    def damage_error(self, e: sqlite3.Error) -> DatabaseDamaged | None:
        """A ``DatabaseDamaged`` pointing to check and rescue, if ``e`` is damage."""
        error = sqlite_error(self.path, e)
        return error if isinstance(error, DatabaseDamaged) else None

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """Several SELECTs that must see one snapshot: one read transaction
        (inside a write transaction, that one)."""
        with self._mutex:
            if self.conn.in_transaction:
                yield self.conn
                return
            try:
                self.conn.execute("BEGIN DEFERRED")
            except sqlite3.Error as e:
                raise StoreError(S.DB_CANNOT_OPEN.format(path=self.path, reason=e)) from None
            try:
                yield self.conn
            except sqlite3.DatabaseError as e:
                raise (self.damage_error(e) or e) from None
            finally:
                self._rollback()  # nothing was written: ending it is all that is left

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows as dicts, read whole under the lock (plain sqlite3: the read path,
        at open and export, does not import sqlite-utils)."""
        with self._mutex:
            try:
                cur = self.conn.execute(sql, params)
                names = [d[0] for d in cur.description]
                return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
            except sqlite3.DatabaseError as e:
                raise (self.damage_error(e) or e) from None

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        rows = self._query(sql, params)
        return rows[0] if rows else None

    def _touch(self, dialogue_id: int) -> None:
        """Every write on a dialogue ends here: it still holds its edit lock (if it
        took one), and the dialogue records when it last changed."""
        self._check_lock(self.conn, dialogue_id)
        self.conn.execute("UPDATE dialogues SET updated_at = ? WHERE id = ?", (now(), dialogue_id))

    def _check_lock(self, c: sqlite3.Connection, dialogue_id: int) -> None:
        """Overridden by the edit locks: this instance still holds its lock."""

    def _check_note_lock(self, c: sqlite3.Connection, note_id: int) -> None:
        """Overridden by the edit locks: the note's dialogue is still ours."""
