"""The SQLite store: one file, WAL, foreign keys, forward migrations, FTS5.

Every public method is one short transaction, committed before it returns, so a
crash loses at most the call in flight. The UI, CLI and exporter use only these
named methods; nothing outside this module writes SQL.
"""

from __future__ import annotations

import json
import os
import re
import socket
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from . import strings as S
from .errors import NotFound, StoreError, describe_validation_error, os_reason
from .model import (
    KINDS,
    MARK_END,
    MARK_START,
    THEME_KEY,
    THEMES,
    AgendaItem,
    ChecklistItem,
    Dialogue,
    DialogueSummary,
    FollowUp,
    FollowUpStatus,
    GoalChain,
    GoalDetails,
    GoalStep,
    Note,
    Participant,
    SearchHit,
    Status,
    StatusChange,
    clean_text,
)

APPLICATION_ID = 0x44544549  # "DTEI": marks a file as ours in the SQLite header
APP_NAME = "dialog-tui"
ENV_DB = "DIALOG_TUI_DB"

_NOTE_COLUMNS = "n.id, n.uid, n.text, n.kind, n.level, n.tags, n.internal"
_GOAL_COLUMNS = "g.indicator, g.baseline, g.target, g.due, g.theme, g.ancestor"


def default_db_path() -> Path:
    """``--db`` wins, then ``DIALOG_TUI_DB``, then the user's data folder."""
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "dialogues.db"


# --- Schema ------------------------------------------------------------------

FINAL_ABORT = "dialog-tui: the dialogue is final"
"""The message of the triggers that keep a final dialogue read-only."""

# The search filter tokens of the note being updated (``notes``): school (hex of
# its lower-cased name, so any name is one token), year, each tag, the goal's
# theme, and ``internal``. Kept in step by triggers; see ``Store.search``.
# Migration 3 is built from _META, _reindex and _final_guards: once shipped,
# changing them means a new migration that drops and recreates the triggers.
_META = """coalesce((SELECT 's' || hex(lower(d.school)) || ' y' || substr(d.held_on, 1, 4)
        FROM agenda_items a JOIN dialogues d ON d.id = a.dialogue_id
        WHERE a.id = notes.agenda_item_id), '')
    || coalesce((SELECT ' ' || group_concat('t' || replace(value, '-', ''), ' ')
        FROM json_each(notes.tags)), '')
    || coalesce((SELECT ' t' || replace(theme, '-', '') FROM goals
        WHERE note_id = notes.id), '')
    || CASE WHEN notes.internal THEN ' internal' ELSE '' END"""


_NOTES_OF_NEW_DIALOGUE = (
    "agenda_item_id IN (SELECT id FROM agenda_items WHERE dialogue_id = new.id)"
)


def _reindex(where: str, *, drop: bool = True) -> str:
    """SQL re-indexing the notes ``where`` selects: out of the index (``drop``),
    fresh filter tokens, back in."""
    out = (
        f"""INSERT INTO notes_search(notes_search, rowid, text, meta)
            SELECT 'delete', id, text, meta FROM notes WHERE {where};"""
        if drop
        else ""
    )
    return f"""{out}
        UPDATE notes SET meta = {_META} WHERE {where};
        INSERT INTO notes_search(rowid, text, meta) SELECT id, text, meta FROM notes
        WHERE {where};"""


# How to find the status of the dialogue a row belongs to, by table; ``{row}``
# is ``new`` or ``old``.
_DIALOGUE_STATUS = {
    "participants": "SELECT status FROM dialogues WHERE id = {row}.dialogue_id",
    "agenda_items": "SELECT status FROM dialogues WHERE id = {row}.dialogue_id",
    "checklist": "SELECT status FROM dialogues WHERE id = {row}.dialogue_id",
    "followups": "SELECT status FROM dialogues WHERE id = {row}.dialogue_id",
    "notes": """SELECT d.status FROM agenda_items a JOIN dialogues d ON d.id = a.dialogue_id
        WHERE a.id = {row}.agenda_item_id""",
    "goals": """SELECT d.status FROM notes n JOIN agenda_items a ON a.id = n.agenda_item_id
        JOIN dialogues d ON d.id = a.dialogue_id WHERE n.id = {row}.note_id""",
}
# Header columns a final dialogue may still change: its status (reopening),
# the bin (deleted_at) and the bookkeeping of when it last changed.
_HEADER_COLUMNS = (
    "uid", "school", "municipality", "held_on", "starts_at", "ends_at", "location",
    "case_number", "case_handler", "memo_date", "agenda_file", "previous", "created_at",
)  # fmt: skip


def _final_guards() -> list[str]:
    """Triggers refusing every write to a final dialogue, whatever the code path."""
    abort = f"SELECT RAISE(ABORT, '{FINAL_ABORT}');"
    sql = []
    for table, status in _DIALOGUE_STATUS.items():
        new, old = status.format(row="new"), status.format(row="old")
        sql += [
            f"""CREATE TRIGGER {table}_final_bi BEFORE INSERT ON {table}
                WHEN ({new}) = 'final' BEGIN {abort} END""",
            f"""CREATE TRIGGER {table}_final_bu BEFORE UPDATE ON {table}
                WHEN ({old}) = 'final' OR ({new}) = 'final' BEGIN {abort} END""",
            f"""CREATE TRIGGER {table}_final_bd BEFORE DELETE ON {table}
                WHEN ({old}) = 'final' BEGIN {abort} END""",
        ]
    sql.append(_final_header_guard(_HEADER_COLUMNS))
    return sql


def _final_header_guard(columns: Sequence[str]) -> str:
    """The trigger refusing a change to a final dialogue's header ``columns``."""
    abort = f"SELECT RAISE(ABORT, '{FINAL_ABORT}');"
    changed = " OR ".join(f"new.{c} IS NOT old.{c}" for c in columns)
    return f"""CREATE TRIGGER dialogues_final_bu BEFORE UPDATE ON dialogues
            WHEN old.status = 'final' AND ({changed}) BEGIN {abort} END"""


# Each migration takes the schema from version i to i+1. Never edit one that
# has shipped; append a new one.

_MIGRATIONS: list[list[str]] = [
    [
        """CREATE TABLE dialogues (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            school TEXT NOT NULL,
            municipality TEXT NOT NULL DEFAULT '',
            held_on TEXT NOT NULL,
            starts_at TEXT,
            ends_at TEXT,
            location TEXT NOT NULL DEFAULT '',
            case_number TEXT NOT NULL DEFAULT '',
            case_handler TEXT NOT NULL DEFAULT '',
            memo_date TEXT,
            status TEXT NOT NULL DEFAULT 'draft',
            agenda_file TEXT NOT NULL DEFAULT 'standard',
            previous TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        )""",
        "CREATE INDEX dialogues_held_on ON dialogues(held_on DESC, id DESC)",
        "CREATE INDEX dialogues_school ON dialogues(school, held_on)",
        """CREATE TABLE participants (
            id INTEGER PRIMARY KEY,
            dialogue_id INTEGER NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT '',
            organisation TEXT NOT NULL DEFAULT '',
            present INTEGER NOT NULL DEFAULT 1,
            agenda_items TEXT NOT NULL DEFAULT '[]'
        )""",
        "CREATE INDEX participants_dialogue ON participants(dialogue_id, position)",
        """CREATE TABLE agenda_items (
            id INTEGER PRIMARY KEY,
            dialogue_id INTEGER NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            planned_minutes INTEGER,
            prompts TEXT NOT NULL DEFAULT '[]',
            started_at TEXT,
            ended_at TEXT,
            elapsed_seconds INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX agenda_items_dialogue ON agenda_items(dialogue_id, position)",
        """CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            agenda_item_id INTEGER NOT NULL
                REFERENCES agenda_items(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT 'bullet',
            level INTEGER NOT NULL DEFAULT 0,
            tags TEXT NOT NULL DEFAULT '[]',
            internal INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX notes_item ON notes(agenda_item_id, position)",
        "CREATE INDEX notes_updated ON notes(updated_at)",
        """CREATE TABLE goals (
            note_id INTEGER PRIMARY KEY REFERENCES notes(id) ON DELETE CASCADE,
            indicator TEXT NOT NULL DEFAULT '',
            baseline TEXT NOT NULL DEFAULT '',
            target TEXT NOT NULL DEFAULT '',
            due TEXT,
            theme TEXT,
            ancestor TEXT
        )""",
        "CREATE INDEX goals_ancestor ON goals(ancestor)",
        """CREATE TABLE checklist (
            id INTEGER PRIMARY KEY,
            dialogue_id INTEGER NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            done INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX checklist_dialogue ON checklist(dialogue_id, position)",
        """CREATE TABLE followups (
            id INTEGER PRIMARY KEY,
            dialogue_id INTEGER NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            source_uid TEXT,
            kind TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            goal TEXT,
            status TEXT,
            reached TEXT NOT NULL DEFAULT '',
            comment TEXT NOT NULL DEFAULT '',
            carried_to TEXT
        )""",
        "CREATE INDEX followups_dialogue ON followups(dialogue_id, position)",
        "CREATE INDEX followups_source ON followups(source_uid)",
        """CREATE TABLE status_changes (
            id INTEGER PRIMARY KEY,
            dialogue_id INTEGER NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            from_status TEXT NOT NULL,
            to_status TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX status_changes_dialogue ON status_changes(dialogue_id, id)",
        # Full-text index over note text, kept in step by triggers.
        """CREATE VIRTUAL TABLE notes_fts USING fts5(
            text, content='notes', content_rowid='id', tokenize='unicode61'
        )""",
        """CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
            INSERT INTO notes_fts(rowid, text) VALUES (new.id, new.text);
        END""",
        """CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
            INSERT INTO notes_fts(notes_fts, rowid, text) VALUES('delete', old.id, old.text);
        END""",
        """CREATE TRIGGER notes_au AFTER UPDATE OF text ON notes BEGIN
            INSERT INTO notes_fts(notes_fts, rowid, text) VALUES('delete', old.id, old.text);
            INSERT INTO notes_fts(rowid, text) VALUES (new.id, new.text);
        END""",
    ],
    [
        # Who has a dialogue open for editing, so two instances never
        # overwrite each other's notes silently.
        """CREATE TABLE edit_locks (
            dialogue_id INTEGER PRIMARY KEY REFERENCES dialogues(id) ON DELETE CASCADE,
            token TEXT NOT NULL,
            host TEXT NOT NULL,
            pid INTEGER NOT NULL,
            acquired_at TEXT NOT NULL,
            heartbeat_at TEXT NOT NULL
        )""",
    ],
    [
        # Search with filters: each note carries its filter values as tokens
        # (school, year, kinds and themes, internal) in an indexed column, so a
        # filtered query is one FTS5 intersection, not a scan of every match.
        "ALTER TABLE notes ADD COLUMN meta TEXT NOT NULL DEFAULT ''",
        "DROP TRIGGER notes_ai",
        "DROP TRIGGER notes_ad",
        "DROP TRIGGER notes_au",
        "DROP TABLE notes_fts",
        f"UPDATE notes SET meta = {_META}",
        """CREATE VIRTUAL TABLE notes_search USING fts5(
            text, meta, content='notes', content_rowid='id',
            tokenize='unicode61', prefix='2 3'
        )""",
        "INSERT INTO notes_search(notes_search) VALUES ('rebuild')",
        # Triggers keep notes_search in step. Only they write notes.meta, and a
        # meta-only update fires no trigger, so each trigger below owns the
        # whole re-indexing of its note (or notes) in a fixed order.
        f"""CREATE TRIGGER notes_search_ai AFTER INSERT ON notes BEGIN
            {_reindex("id = new.id", drop=False)}
        END""",
        """CREATE TRIGGER notes_search_ad AFTER DELETE ON notes BEGIN
            INSERT INTO notes_search(notes_search, rowid, text, meta)
            VALUES ('delete', old.id, old.text, old.meta);
        END""",
        f"""CREATE TRIGGER notes_search_au AFTER UPDATE OF text, tags, internal,
            agenda_item_id ON notes BEGIN
            INSERT INTO notes_search(notes_search, rowid, text, meta)
            VALUES ('delete', old.id, old.text, old.meta);
            {_reindex("id = new.id", drop=False)}
        END""",
        f"""CREATE TRIGGER goals_search_ai AFTER INSERT ON goals BEGIN
            {_reindex("id = new.note_id")}
        END""",
        f"""CREATE TRIGGER goals_search_au AFTER UPDATE OF theme ON goals BEGIN
            {_reindex("id = new.note_id")}
        END""",
        f"""CREATE TRIGGER goals_search_ad AFTER DELETE ON goals BEGIN
            {_reindex("id = old.note_id")}
        END""",
        f"""CREATE TRIGGER dialogues_search_au AFTER UPDATE OF school, held_on
            ON dialogues BEGIN
            {_reindex(_NOTES_OF_NEW_DIALOGUE)}
        END""",
        # A final dialogue is read-only in SQL itself, whatever the code path.
        *_final_guards(),
    ],
    [
        # Å is a Danish letter, not an accented a: "far" must not find "får".
        # Same index without folding diacritics (case still folds, Å/å and
        # Æ/æ too); the triggers of migration 3 write to it by name.
        "DROP TABLE notes_search",
        """CREATE VIRTUAL TABLE notes_search USING fts5(
            text, meta, content='notes', content_rowid='id',
            tokenize='unicode61 remove_diacritics 0', prefix='2 3'
        )""",
        "INSERT INTO notes_search(notes_search) VALUES ('rebuild')",
    ],
    [
        # Schema 5 (casehandler branch): the KLE subject number (and facet) of the
        # case, kept apart from the case number: a follow-up inherits it before
        # it has a case number of its own, and not every case number is KLE-shaped.
        "ALTER TABLE dialogues ADD COLUMN kle TEXT NOT NULL DEFAULT ''",
        "DROP TRIGGER dialogues_final_bu",
        _final_header_guard((*_HEADER_COLUMNS, "kle")),
    ],
]

SCHEMA_VERSION = len(_MIGRATIONS)
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


class _Rows:
    """Query results as dicts by column name. (This was sqlite-utils' ``Database``;
    importing sqlite-utils alone cost about 0.1 s of every start.)"""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def query(self, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        cursor = self.conn.execute(sql, params)
        keys = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))


def _now() -> str:
    return datetime.now().isoformat(timespec="microseconds")


def _check_year(year: int | None) -> None:
    """Refuse a year outside 1000–9999: it would not fit the dates' four digits
    (and a huge one not even SQLite's integers)."""
    if year is not None and not 1000 <= year <= 9999:
        raise StoreError(S.BAD_YEAR.format(year=year))


def _iso(value: date | datetime | Any | None) -> str | None:
    return value.isoformat() if value is not None else None


class Store:
    """The named API over one dialog-tui database file."""

    def __init__(self, path: Path | str, conn: sqlite3.Connection) -> None:
        self.token = uuid.uuid4().hex  # identifies this instance's edit locks
        self.path = Path(path)
        self.conn = conn
        self.db = _Rows(conn)

    # --- Opening -------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str | None = None, *, create: bool = True) -> Store:
        """Open (and create or migrate) a database; refuse, untouched, what is not ours."""
        path = Path(path) if path is not None else default_db_path()
        if path.is_dir():
            raise StoreError(S.DB_IS_DIRECTORY.format(path=path))
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
            store._migrate()
        except BaseException:
            conn.close()
            raise
        return store

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
        if version > SCHEMA_VERSION:
            raise StoreError(S.DB_TOO_NEW.format(path=path, found=version, known=SCHEMA_VERSION))

    def _configure(self) -> None:
        try:
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 5000")
            if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                self.conn.execute("PRAGMA journal_mode = WAL")
            # In WAL mode, NORMAL still survives a crash of the process (kill -9);
            # only a power cut can cost the last commits.
            self.conn.execute("PRAGMA synchronous = NORMAL")
            # Deleted and overwritten text is zeroed, so it does not linger in the file.
            self.conn.execute("PRAGMA secure_delete = ON")
            # The search index triggers rely on a trigger never firing itself.
            self.conn.execute("PRAGMA recursive_triggers = OFF")
        except sqlite3.Error as e:
            raise StoreError(S.DB_CANNOT_WRITE.format(path=self.path, reason=e)) from None

    def _migrate(self) -> None:
        version = self.schema_version()
        if version >= SCHEMA_VERSION:
            return
        with self._tx():
            for step in _MIGRATIONS[version:]:
                for sql in step:
                    self.conn.execute(sql)
            self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction; BEGIN IMMEDIATE so writers never deadlock."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise StoreError(S.DB_CANNOT_WRITE.format(path=self.path, reason=e)) from None
        try:
            yield self.conn
        except sqlite3.IntegrityError as e:
            self.conn.execute("ROLLBACK")
            if str(e) == FINAL_ABORT:
                raise StoreError(S.DIALOGUE_IS_FINAL) from None
            raise StoreError(S.INVALID_VALUE.format(reason=e)) from None
        except sqlite3.Error as e:
            self.conn.execute("ROLLBACK")
            raise StoreError(S.DB_CANNOT_WRITE.format(path=self.path, reason=e)) from None
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as e:
                self.conn.execute("ROLLBACK")
                raise StoreError(S.DB_CANNOT_WRITE.format(path=self.path, reason=e)) from None

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        return next(self.db.query(sql, params), None)

    def _touch(self, dialogue_id: int) -> None:
        self.conn.execute(
            "UPDATE dialogues SET updated_at = ? WHERE id = ?", (_now(), dialogue_id)
        )

    # --- Edit locks ----------------------------------------------------------

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
                (_now(), dialogue_id, self.token),
            )

    def release_edit_lock(self, dialogue_id: int) -> None:
        with self._tx() as c:
            c.execute(
                "DELETE FROM edit_locks WHERE dialogue_id = ? AND token = ?",
                (dialogue_id, self.token),
            )

    # --- Backup --------------------------------------------------------------

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
            result = source.execute("PRAGMA integrity_check").fetchone()[0]
            if result != "ok":
                raise StoreError(S.BACKUP_DAMAGED.format(path=path, result=result))
            bak = self.path.with_name(self.path.name + ".bak")
            self.backup_to(bak)
            try:
                source.backup(self.conn)
            except sqlite3.Error as e:
                raise StoreError(S.DB_CANNOT_WRITE.format(path=self.path, reason=e)) from None
        except sqlite3.DatabaseError:
            raise StoreError(S.DB_NOT_SQLITE.format(path=path)) from None
        finally:
            source.close()
        self._migrate()
        return bak

    # --- Dialogues -----------------------------------------------------------

    def create_dialogue(self, dialogue: Dialogue) -> int:
        """Insert a whole dialogue (as from the form or a JSON file); return its id."""
        with self._tx() as c:
            return self._insert_dialogue(c, dialogue)

    def _insert_dialogue(self, c: sqlite3.Connection, d: Dialogue) -> int:
        now = _now()
        uid = d.uid
        if c.execute("SELECT 1 FROM dialogues WHERE uid = ?", (uid,)).fetchone():
            uid = type(d).model_fields["uid"].default_factory()  # a copy: new identity
        cur = c.execute(
            """INSERT INTO dialogues (uid, school, municipality, held_on, starts_at,
                ends_at, location, case_number, case_handler, memo_date, status,
                agenda_file, previous, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                uid, d.school, d.municipality, d.held_on.isoformat(),
                _iso(d.starts_at), _iso(d.ends_at), d.location, d.case_number,
                d.case_handler, _iso(d.memo_date),
                # A final dialogue becomes final after its content is in (the
                # read-only triggers would refuse it otherwise).
                Status.held.value if d.status == Status.final else d.status.value,
                d.agenda_file,
                d.previous, now, now,
            ),
        )  # fmt: skip
        dialogue_id = cur.lastrowid
        if d.kle:  # schema 5
            c.execute("UPDATE dialogues SET kle = ? WHERE id = ?", (d.kle, dialogue_id))
        for pos, p in enumerate(d.participants):
            self._insert_participant(c, dialogue_id, pos, p)
        for pos, item in enumerate(d.agenda):
            item_id = self._insert_agenda_item(c, dialogue_id, pos, item)
            for npos, note in enumerate(item.notes):
                self._insert_note(c, item_id, npos, note, fresh_uid=True)
        for pos, check in enumerate(d.checklist):
            c.execute(
                "INSERT INTO checklist (dialogue_id, position, text, done) VALUES (?,?,?,?)",
                (dialogue_id, pos, check.text, int(check.done)),
            )
        for pos, f in enumerate(d.followups):
            self._insert_followup(c, dialogue_id, pos, f)
        for change in d.history:
            c.execute(
                """INSERT INTO status_changes (dialogue_id, at, from_status, to_status,
                   reason) VALUES (?,?,?,?,?)""",
                (dialogue_id, change.at.isoformat(), change.from_status.value,
                 change.to_status.value, change.reason),
            )  # fmt: skip
        if d.status == Status.final:
            c.execute("UPDATE dialogues SET status = 'final' WHERE id = ?", (dialogue_id,))
        return dialogue_id

    def get_dialogue(self, dialogue_id: int) -> Dialogue:
        """The whole dialogue with every point, note, goal and follow-up, ids filled."""
        row = self._one("SELECT * FROM dialogues WHERE id = ?", (dialogue_id,))
        if row is None:
            raise NotFound(S.DIALOGUE_NOT_FOUND.format(id=dialogue_id))
        notes_by_item: dict[int, list[Note]] = {}
        for n in self.db.query(
            f"""SELECT n.agenda_item_id, {_NOTE_COLUMNS}, g.note_id AS goal_id,
                {_GOAL_COLUMNS}
                FROM notes n JOIN agenda_items a ON a.id = n.agenda_item_id
                LEFT JOIN goals g ON g.note_id = n.id
                WHERE a.dialogue_id = ? ORDER BY n.agenda_item_id, n.position""",
            (dialogue_id,),
        ):
            notes_by_item.setdefault(n["agenda_item_id"], []).append(_note(n))
        agenda = [
            _agenda_item(a, notes_by_item.get(a["id"], []))
            for a in self.db.query(
                "SELECT * FROM agenda_items WHERE dialogue_id = ? ORDER BY position",
                (dialogue_id,),
            )
        ]
        return Dialogue(
            id=row["id"],
            uid=row["uid"],
            school=row["school"],
            municipality=row["municipality"],
            held_on=row["held_on"],
            starts_at=row["starts_at"],
            ends_at=row["ends_at"],
            location=row["location"],
            case_number=row["case_number"],
            case_handler=row["case_handler"],
            memo_date=row["memo_date"],
            kle=row.get("kle", ""),
            status=row["status"],
            agenda_file=row["agenda_file"],
            previous=row["previous"],
            participants=self.participants(dialogue_id),
            agenda=agenda,
            checklist=self._checklist(dialogue_id),
            followups=self.followups(dialogue_id),
            history=[
                StatusChange(
                    at=r["at"],
                    from_status=r["from_status"],
                    to_status=r["to_status"],
                    reason=r["reason"],
                )
                for r in self.db.query(
                    "SELECT * FROM status_changes WHERE dialogue_id = ? ORDER BY id",
                    (dialogue_id,),
                )
            ],
        )

    def list_dialogues(
        self,
        *,
        school: str | None = None,
        year: int | None = None,
        deleted: bool = False,
        limit: int | None = None,
    ) -> list[DialogueSummary]:
        """Dialogues newest first; ``deleted=True`` lists the recoverable bin instead;
        ``limit`` only the newest (a first screenful without building every row)."""
        _check_year(year)
        where = ["deleted_at IS NOT NULL" if deleted else "deleted_at IS NULL"]
        params: list[Any] = []
        names = self._school_names(school)
        if names is not None:
            if not names:
                return []
            where.append(f"school IN ({','.join('?' * len(names))})")
            params += names
        if year is not None:
            where.append("held_on >= ? AND held_on < ?")
            params += [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
        rows = self.conn.execute(
            f"""SELECT id, school, held_on, status, case_number, municipality,
                case_handler, deleted_at IS NOT NULL
                FROM dialogues WHERE {" AND ".join(where)}
                ORDER BY held_on DESC, id DESC LIMIT ?""",
            [*params, -1 if limit is None else limit],
        ).fetchall()
        return [
            DialogueSummary.model_construct(
                id=r[0],
                school=r[1],
                held_on=date.fromisoformat(r[2]),
                status=Status(r[3]),
                case_number=r[4],
                municipality=r[5],
                case_handler=r[6],
                deleted=bool(r[7]),
            )
            for r in rows
        ]

    _DIALOGUE_FIELDS = frozenset(
        {
            "school", "municipality", "held_on", "starts_at", "ends_at", "location",
            "case_number", "case_handler", "memo_date", "agenda_file", "kle",
        }
    )  # fmt: skip

    def update_dialogue(self, dialogue_id: int, **fields: Any) -> Dialogue:
        """Change header fields (school, dates, case number, …), validated by the model."""
        unknown = set(fields) - self._DIALOGUE_FIELDS
        if unknown:
            raise ValueError(f"not dialogue header fields: {sorted(unknown)}")
        current = self._header(dialogue_id)
        merged = _validated(Dialogue, {**current.model_dump(), **fields})
        values = {k: getattr(merged, k) for k in fields}
        with self._tx() as c:
            sets = ", ".join(f"{k} = ?" for k in values)
            c.execute(
                f"UPDATE dialogues SET {sets}, updated_at = ? WHERE id = ?",
                [_iso(v) if hasattr(v, "isoformat") else v for v in values.values()]
                + [_now(), dialogue_id],
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
        names = [n for (n,) in self.conn.execute("SELECT DISTINCT school FROM dialogues")]
        exact = [n for n in names if n.strip().casefold() == wanted]
        if exact or not prefix:
            return exact
        return [n for n in names if n.strip().casefold().startswith(wanted)]

    def _header(self, dialogue_id: int) -> Dialogue:
        row = self._one("SELECT * FROM dialogues WHERE id = ?", (dialogue_id,))
        if row is None:
            raise NotFound(S.DIALOGUE_NOT_FOUND.format(id=dialogue_id))
        fields = {k: row[k] for k in Dialogue.model_fields if k in row}
        return Dialogue(**fields)

    def set_status(self, dialogue_id: int, status: Status | str, reason: str = "") -> None:
        """Move draft → held → final (or back, e.g. reopening); every change is recorded.

        Refused while another instance has the dialogue open for editing."""
        status = Status(status)
        current = self._header(dialogue_id).status
        if current == status:
            return
        reason = clean_text(reason).strip()
        if current == Status.final and not reason:
            raise StoreError(S.REOPEN_NEEDS_REASON)
        with self._tx() as c:
            # The facilitator typing elsewhere would lose every keystroke to the
            # read-only triggers once the dialogue is final.
            holder = self._other_editor(c, dialogue_id, datetime.now())
            if holder is not None:
                since = datetime.fromisoformat(holder.acquired_at).strftime("%d.%m.%Y %H:%M")
                raise StoreError(
                    S.DIALOGUE_OPEN_ELSEWHERE.format(pid=holder.pid, host=holder.host,
                                                     since=since)
                )  # fmt: skip
            c.execute(
                "UPDATE dialogues SET status = ?, updated_at = ? WHERE id = ?",
                (status.value, _now(), dialogue_id),
            )
            c.execute(
                """INSERT INTO status_changes (dialogue_id, at, from_status, to_status,
                   reason) VALUES (?,?,?,?,?)""",
                (dialogue_id, _now(), current.value, status.value, reason),
            )

    def delete_dialogue(self, dialogue_id: int) -> None:
        """Move to the bin: hidden from the list, recoverable with ``restore_dialogue``."""
        self._set_deleted(dialogue_id, _now())

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
        return [
            date.fromisoformat(r[0])
            for r in self.conn.execute(
                """SELECT d.held_on FROM dialogues d JOIN dialogues p ON d.previous = p.uid
                   WHERE p.id = ? AND d.deleted_at IS NULL ORDER BY d.held_on""",
                (dialogue_id,),
            )
        ]

    def last_edited_note(self, dialogue_id: int) -> Note | None:
        """The note to put the cursor on when a dialogue is reopened."""
        row = self._one(
            """SELECT n.id FROM notes n JOIN agenda_items a ON a.id = n.agenda_item_id
               WHERE a.dialogue_id = ? ORDER BY n.updated_at DESC, n.id DESC LIMIT 1""",
            (dialogue_id,),
        )
        return self.get_note(row["id"]) if row else None

    # --- Participants --------------------------------------------------------

    def _insert_participant(
        self, c: sqlite3.Connection, dialogue_id: int, pos: int, p: Participant
    ) -> int:
        return c.execute(
            """INSERT INTO participants (dialogue_id, position, name, role,
               organisation, present, agenda_items) VALUES (?,?,?,?,?,?,?)""",
            (dialogue_id, pos, p.name, p.role, p.organisation, int(p.present),
             json.dumps(p.agenda_items)),
        ).lastrowid  # fmt: skip

    def participants(self, dialogue_id: int) -> list[Participant]:
        return [
            Participant(
                id=r["id"],
                name=r["name"],
                role=r["role"],
                organisation=r["organisation"],
                present=bool(r["present"]),
                agenda_items=json.loads(r["agenda_items"]),
            )
            for r in self.db.query(
                "SELECT * FROM participants WHERE dialogue_id = ? ORDER BY position",
                (dialogue_id,),
            )
        ]

    def add_participant(self, dialogue_id: int, participant: Participant) -> Participant:
        self._header(dialogue_id)
        with self._tx() as c:
            pos = c.execute(
                "SELECT coalesce(max(position) + 1, 0) FROM participants WHERE dialogue_id = ?",
                (dialogue_id,),
            ).fetchone()[0]
            pid = self._insert_participant(c, dialogue_id, pos, participant)
            self._touch(dialogue_id)
        return participant.model_copy(update={"id": pid})

    def update_participant(self, participant_id: int, **fields: Any) -> Participant:
        """Change name, role, organisation, ``present`` or ``agenda_items``."""
        row = self._one("SELECT * FROM participants WHERE id = ?", (participant_id,))
        if row is None:
            raise NotFound(S.PARTICIPANT_NOT_FOUND.format(id=participant_id))
        current = {
            "name": row["name"],
            "role": row["role"],
            "organisation": row["organisation"],
            "present": bool(row["present"]),
            "agenda_items": json.loads(row["agenda_items"]),
        }
        p = _validated(Participant, {**current, **fields})
        with self._tx() as c:
            c.execute(
                """UPDATE participants SET name=?, role=?, organisation=?, present=?,
                   agenda_items=? WHERE id=?""",
                (p.name, p.role, p.organisation, int(p.present),
                 json.dumps(p.agenda_items), participant_id),
            )  # fmt: skip
            self._touch(row["dialogue_id"])
        return p.model_copy(update={"id": participant_id})

    def delete_participant(self, participant_id: int) -> None:
        with self._tx() as c:
            row = c.execute(
                "SELECT dialogue_id FROM participants WHERE id = ?", (participant_id,)
            ).fetchone()
            if row is None:
                raise NotFound(S.PARTICIPANT_NOT_FOUND.format(id=participant_id))
            c.execute("DELETE FROM participants WHERE id = ?", (participant_id,))
            self._touch(row[0])

    # --- Agenda points -------------------------------------------------------

    def _insert_agenda_item(
        self, c: sqlite3.Connection, dialogue_id: int, pos: int, item: AgendaItem
    ) -> int:
        return c.execute(
            """INSERT INTO agenda_items (dialogue_id, position, title, planned_minutes,
               prompts, started_at, ended_at, elapsed_seconds) VALUES (?,?,?,?,?,?,?,?)""",
            (dialogue_id, pos, item.title, item.planned_minutes,
             json.dumps(item.prompts, ensure_ascii=False), _iso(item.started_at),
             _iso(item.ended_at), item.elapsed_seconds),
        ).lastrowid  # fmt: skip

    def agenda_items(self, dialogue_id: int) -> list[AgendaItem]:
        """The agenda points in order, without their notes (cheap, for the sidebar)."""
        return [
            _agenda_item(a, [])
            for a in self.db.query(
                "SELECT * FROM agenda_items WHERE dialogue_id = ? ORDER BY position",
                (dialogue_id,),
            )
        ]

    def _item_row(self, item_id: int) -> dict[str, Any]:
        row = self._one("SELECT * FROM agenda_items WHERE id = ?", (item_id,))
        if row is None:
            raise NotFound(S.AGENDA_ITEM_NOT_FOUND.format(id=item_id))
        return row

    def get_agenda_item(self, item_id: int) -> AgendaItem:
        return _agenda_item(self._item_row(item_id), self.notes(item_id))

    def add_agenda_item(
        self,
        dialogue_id: int,
        title: str,
        planned_minutes: int | None = None,
        *,
        position: int | None = None,
        prompts: Sequence[str] = (),
    ) -> AgendaItem:
        """Add a point at ``position`` (0-based; default last), renumbering the rest."""
        item = _validated(
            AgendaItem,
            {"title": title, "planned_minutes": planned_minutes, "prompts": list(prompts)},
        )
        self._header(dialogue_id)
        with self._tx() as c:
            count = c.execute(
                "SELECT count(*) FROM agenda_items WHERE dialogue_id = ?", (dialogue_id,)
            ).fetchone()[0]
            pos = count if position is None else max(0, min(position, count))
            c.execute(
                """UPDATE agenda_items SET position = position + 1
                   WHERE dialogue_id = ? AND position >= ?""",
                (dialogue_id, pos),
            )
            item_id = self._insert_agenda_item(c, dialogue_id, pos, item)
            self._touch(dialogue_id)
        return item.model_copy(update={"id": item_id})

    def update_agenda_item(self, item_id: int, **fields: Any) -> AgendaItem:
        """Rename, replan or record timing (title, planned_minutes, prompts,
        started_at, ended_at, elapsed_seconds)."""
        row = self._item_row(item_id)
        current = _agenda_item(row, []).model_dump(exclude={"notes", "id"})
        item = _validated(AgendaItem, {**current, **fields})
        with self._tx() as c:
            c.execute(
                """UPDATE agenda_items SET title=?, planned_minutes=?, prompts=?,
                   started_at=?, ended_at=?, elapsed_seconds=? WHERE id=?""",
                (item.title, item.planned_minutes,
                 json.dumps(item.prompts, ensure_ascii=False), _iso(item.started_at),
                 _iso(item.ended_at), item.elapsed_seconds, item_id),
            )  # fmt: skip
            self._touch(row["dialogue_id"])
        return item.model_copy(update={"id": item_id})

    def move_agenda_item(self, item_id: int, position: int) -> None:
        """Move a point to ``position`` (0-based) in its agenda."""
        row = self._item_row(item_id)
        with self._tx() as c:
            ids = [
                r[0]
                for r in c.execute(
                    "SELECT id FROM agenda_items WHERE dialogue_id = ? ORDER BY position",
                    (row["dialogue_id"],),
                )
            ]
            ids.remove(item_id)
            ids.insert(max(0, min(position, len(ids))), item_id)
            self._renumber(c, "agenda_items", ids)
            self._touch(row["dialogue_id"])

    def delete_agenda_item(self, item_id: int) -> None:
        """Delete a point and its notes."""
        row = self._item_row(item_id)
        with self._tx() as c:
            c.execute("DELETE FROM agenda_items WHERE id = ?", (item_id,))
            ids = [
                r[0]
                for r in c.execute(
                    "SELECT id FROM agenda_items WHERE dialogue_id = ? ORDER BY position",
                    (row["dialogue_id"],),
                )
            ]
            self._renumber(c, "agenda_items", ids)
            self._touch(row["dialogue_id"])

    @staticmethod
    def _renumber(c: sqlite3.Connection, table: str, ids: list[int]) -> None:
        c.executemany(
            f"UPDATE {table} SET position = ? WHERE id = ?",
            [(pos, id_) for pos, id_ in enumerate(ids)],
        )

    # --- Notes ---------------------------------------------------------------

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
            uid = type(note).model_fields["uid"].default_factory()
        note_id = c.execute(
            """INSERT INTO notes (uid, agenda_item_id, position, text, kind, level,
               tags, internal, updated_at) VALUES (?,?,?,?,?,?,?,?,?)""",
            (uid, item_id, pos, note.text, note.kind, note.level,
             json.dumps(note.tags), int(note.internal), _now()),
        ).lastrowid  # fmt: skip
        if note.goal is not None:
            self._write_goal(c, note_id, note.goal)
        return note_id

    @staticmethod
    def _write_goal(c: sqlite3.Connection, note_id: int, g: GoalDetails) -> None:
        c.execute(
            """INSERT INTO goals (note_id, indicator, baseline, target, due, theme,
               ancestor) VALUES (?,?,?,?,?,?,?)
               ON CONFLICT(note_id) DO UPDATE SET indicator=excluded.indicator,
               baseline=excluded.baseline, target=excluded.target, due=excluded.due,
               theme=excluded.theme, ancestor=excluded.ancestor""",
            (note_id, g.indicator, g.baseline, g.target, _iso(g.due), g.theme,
             g.ancestor),
        )  # fmt: skip

    def notes(self, item_id: int) -> list[Note]:
        """The notes of one agenda point, in order."""
        return [
            _note(r)
            for r in self.db.query(
                f"""SELECT {_NOTE_COLUMNS}, g.note_id AS goal_id, {_GOAL_COLUMNS}
                    FROM notes n LEFT JOIN goals g ON g.note_id = n.id
                    WHERE n.agenda_item_id = ? ORDER BY n.position""",
                (item_id,),
            )
        ]

    def get_note(self, note_id: int) -> Note:
        row = self._one(
            f"""SELECT {_NOTE_COLUMNS}, g.note_id AS goal_id, {_GOAL_COLUMNS}
                FROM notes n LEFT JOIN goals g ON g.note_id = n.id WHERE n.id = ?""",
            (note_id,),
        )
        if row is None:
            raise NotFound(S.NOTE_NOT_FOUND.format(id=note_id))
        return _note(row)

    def note_location(self, note_id: int) -> tuple[int, int, int]:
        """(dialogue id, agenda point id, position) of a note."""
        row = self.conn.execute(
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
        note = _validated(
            Note,
            {"text": text, "kind": kind, "level": level, "tags": list(tags),
             "internal": internal},
        )  # fmt: skip
        return self.insert_note(item_id, note, position=position)

    def insert_note(self, item_id: int, note: Note, *, position: int | None = None) -> Note:
        """Insert a whole note (e.g. to undo its deletion), keeping its uid."""
        row = self._item_row(item_id)
        with self._tx() as c:
            count = c.execute(
                "SELECT count(*) FROM notes WHERE agenda_item_id = ?", (item_id,)
            ).fetchone()[0]
            pos = count if position is None else max(0, min(position, count))
            c.execute(
                """UPDATE notes SET position = position + 1
                   WHERE agenda_item_id = ? AND position >= ?""",
                (item_id, pos),
            )
            note_id = self._insert_note(c, item_id, pos, note)
            self._touch(row["dialogue_id"])
        return note.model_copy(update={"id": note_id})

    def set_note_text(self, note_id: int, text: str) -> None:
        """The keystroke path: one UPDATE (plus its FTS trigger), committed at once."""
        with self._tx() as c:
            cur = c.execute(
                "UPDATE notes SET text = ?, updated_at = ? WHERE id = ?",
                (clean_text(text), _now(), note_id),
            )
            if cur.rowcount == 0:
                raise NotFound(S.NOTE_NOT_FOUND.format(id=note_id))

    def update_note(self, note_id: int, **fields: Any) -> Note:
        """Change any of text, kind, level, tags, internal, goal (validated)."""
        current = self.get_note(note_id)
        note = _validated(Note, {**current.model_dump(), **fields}).model_copy(
            update={"id": note_id}
        )
        with self._tx() as c:
            c.execute(
                """UPDATE notes SET text=?, kind=?, level=?, tags=?, internal=?,
                   updated_at=? WHERE id=?""",
                (note.text, note.kind, note.level, json.dumps(note.tags),
                 int(note.internal), _now(), note_id),
            )  # fmt: skip
            if "goal" in fields:
                if note.goal is None:
                    c.execute("DELETE FROM goals WHERE note_id = ?", (note_id,))
                else:
                    self._write_goal(c, note_id, note.goal)
        return note

    def set_tags(self, note_id: int, tags: Sequence[str]) -> Note:
        return self.update_note(note_id, tags=list(tags))

    def toggle_tag(self, note_id: int, tag: str) -> Note:
        """Add a tag, or remove it when the note has it already."""
        tags = self.get_note(note_id).tags
        return self.set_tags(note_id, [t for t in tags if t != tag] if tag in tags
                             else [*tags, tag])  # fmt: skip

    def set_goal(self, note_id: int, goal: GoalDetails | None) -> Note:
        return self.update_note(note_id, goal=goal)

    def move_note(self, note_id: int, position: int, *, item_id: int | None = None) -> None:
        """Move a note to ``position`` (0-based) in its point, or in another point."""
        dialogue_id, old_item, _ = self.note_location(note_id)
        target = old_item if item_id is None else item_id
        target_row = self._item_row(target)
        if target_row["dialogue_id"] != dialogue_id:
            raise NotFound(S.AGENDA_ITEM_NOT_FOUND.format(id=target))
        with self._tx() as c:
            ids = self._note_ids(c, target)
            if note_id in ids:
                ids.remove(note_id)
            ids.insert(max(0, min(position, len(ids))), note_id)
            c.execute(
                "UPDATE notes SET agenda_item_id = ?, updated_at = ? WHERE id = ?",
                (target, _now(), note_id),
            )
            self._renumber(c, "notes", ids)
            if target != old_item:
                self._renumber(c, "notes", self._note_ids(c, old_item))
            self._touch(dialogue_id)

    @staticmethod
    def _note_ids(c: sqlite3.Connection, item_id: int) -> list[int]:
        return [
            r[0]
            for r in c.execute(
                "SELECT id FROM notes WHERE agenda_item_id = ? ORDER BY position",
                (item_id,),
            )
        ]

    def delete_note(self, note_id: int) -> Note:
        """Delete a note; returns it (with position kept by the caller) for undo."""
        note = self.get_note(note_id)
        dialogue_id, item_id, _ = self.note_location(note_id)
        with self._tx() as c:
            c.execute("DELETE FROM notes WHERE id = ?", (note_id,))
            self._renumber(c, "notes", self._note_ids(c, item_id))
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
            (r["number"], _note(r))
            for r in self.db.query(
                f"""SELECT a.position + 1 AS number, {_NOTE_COLUMNS},
                    g.note_id AS goal_id, {_GOAL_COLUMNS}
                    FROM notes n JOIN agenda_items a ON a.id = n.agenda_item_id
                    LEFT JOIN goals g ON g.note_id = n.id
                    WHERE a.dialogue_id = ? AND EXISTS (
                        SELECT 1 FROM json_each(n.tags) WHERE value IN ({marks}))
                    ORDER BY a.position, n.position""",
                (dialogue_id, *kinds),
            )
        ]

    # --- Checklist and follow-ups --------------------------------------------

    def set_checklist_done(self, check_id: int, done: bool) -> None:
        with self._tx() as c:
            cur = c.execute("UPDATE checklist SET done = ? WHERE id = ?", (int(done), check_id))
            if cur.rowcount == 0:
                raise NotFound(S.CHECK_NOT_FOUND.format(id=check_id))

    def _insert_followup(
        self, c: sqlite3.Connection, dialogue_id: int, pos: int, f: FollowUp
    ) -> int:
        return c.execute(
            """INSERT INTO followups (dialogue_id, position, source_uid, kind, text, goal,
               status, reached, comment, carried_to) VALUES (?,?,?,?,?,?,?,?,?,?)""",
            (dialogue_id, pos, f.source_uid, f.kind, f.text,
             f.goal.model_dump_json() if f.goal else None,
             f.status.value if f.status else None, f.reached, f.comment, f.carried_to),
        ).lastrowid  # fmt: skip

    def followups(self, dialogue_id: int) -> list[FollowUp]:
        return [
            _followup(r)
            for r in self.db.query(
                "SELECT * FROM followups WHERE dialogue_id = ? ORDER BY position",
                (dialogue_id,),
            )
        ]

    def update_followup(self, followup_id: int, **fields: Any) -> FollowUp:
        """Record status, value reached, comment or the goal that carries it on."""
        current, dialogue_id = self._get_followup(followup_id)
        f = _validated(FollowUp, {**current.model_dump(), **fields})
        with self._tx() as c:
            c.execute(
                """UPDATE followups SET status=?, reached=?, comment=?, carried_to=?
                   WHERE id=?""",
                (f.status.value if f.status else None, f.reached, f.comment,
                 f.carried_to, followup_id),
            )  # fmt: skip
            self._touch(dialogue_id)
        return f.model_copy(update={"id": followup_id})

    def carry_on(self, followup_id: int, item_id: int | None = None) -> Note:
        """Carry last year's point on as a goal of this dialogue, linked to its ancestor.

        The new goal goes under ``item_id``, by default the point with the same
        title as the source note's point, else the first point. Calling it again
        returns the goal made the first time."""
        f, dialogue_id = self._get_followup(followup_id)
        if f.carried_to:
            row = self._one("SELECT id FROM notes WHERE uid = ?", (f.carried_to,))
            if row is not None:
                return self.get_note(row["id"])
        items = self.agenda_items(dialogue_id)
        source = self._one(
            """SELECT a.title, n.tags FROM notes n
               JOIN agenda_items a ON a.id = n.agenda_item_id WHERE n.uid = ?""",
            (f.source_uid,),
        )
        if item_id is None:
            title = source["title"] if source else None
            target = next((i for i in items if i.title == title), items[0] if items else None)
            if target is None:
                raise StoreError(S.CARRY_ON_NO_POINT)
            item_id = target.id
        elif item_id not in {i.id for i in items}:
            raise NotFound(S.AGENDA_ITEM_NOT_FOUND.format(id=item_id))
        themes = [t for t in json.loads(source["tags"]) if t not in KINDS] if source else []
        goal = (f.goal or GoalDetails()).model_copy(update={"ancestor": f.source_uid})
        if goal.theme and goal.theme not in themes:
            themes.append(goal.theme)
        note = Note(text=f.text, tags=["goal", *themes], goal=goal)
        with self._tx() as c:
            pos = c.execute(
                "SELECT count(*) FROM notes WHERE agenda_item_id = ?", (item_id,)
            ).fetchone()[0]
            note_id = self._insert_note(c, item_id, pos, note)
            c.execute(
                "UPDATE followups SET status = ?, carried_to = ? WHERE id = ?",
                (FollowUpStatus.carried_on.value, note.uid, followup_id),
            )
            self._touch(dialogue_id)
        return note.model_copy(update={"id": note_id})

    def _get_followup(self, followup_id: int) -> tuple[FollowUp, int]:
        """A follow-up and the id of the dialogue it belongs to."""
        row = self._one("SELECT dialogue_id FROM followups WHERE id = ?", (followup_id,))
        if row is None:
            raise NotFound(S.FOLLOWUP_NOT_FOUND.format(id=followup_id))
        f = next(f for f in self.followups(row["dialogue_id"]) if f.id == followup_id)
        return f, row["dialogue_id"]

    def unticked_checklist(self, dialogue_id: int) -> list[ChecklistItem]:
        """The statutory points not yet ticked, in order."""
        self._header(dialogue_id)
        return [c for c in self._checklist(dialogue_id) if not c.done]

    def _checklist(self, dialogue_id: int) -> list[ChecklistItem]:
        return [
            ChecklistItem(id=r["id"], text=r["text"], done=bool(r["done"]))
            for r in self.db.query(
                "SELECT * FROM checklist WHERE dialogue_id = ? ORDER BY position",
                (dialogue_id,),
            )
        ]

    # --- Goals across years --------------------------------------------------

    def goal_history(self, school: str) -> list[GoalChain]:
        """Every goal of a school across its dialogues, each followed from year to
        year (through the goal's ancestor, or a follow-up carried on to it).

        Internal notes and binned dialogues are left out; a goal carried on
        twice from the same ancestor gives two chains sharing their start."""
        names = self._school_names(school)
        if not names:
            return []
        schools = ",".join("?" * len(names))
        # CROSS JOIN: SQLite starts from the school's dialogues, never from every note.
        rows = list(
            self.db.query(
                f"""SELECT d.id AS dialogue_id, d.school, d.held_on, d.status,
                    {_NOTE_COLUMNS}, g.note_id AS goal_id, {_GOAL_COLUMNS}
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
        )
        if not rows:
            return []
        uids = [r["uid"] for r in rows]
        marks = ",".join("?" * len(uids))
        followups: dict[str, tuple[FollowUp, str]] = {}  # source uid -> first follow-up
        for r in self.db.query(
            f"""SELECT f.*, d.held_on FROM followups f JOIN dialogues d ON d.id = f.dialogue_id
                WHERE f.source_uid IN ({marks}) AND d.deleted_at IS NULL
                ORDER BY d.held_on DESC, d.id DESC""",
            uids,
        ):
            followups[r["source_uid"]] = (_followup(r), r["held_on"])
        steps: dict[str, GoalStep] = {}
        for r in rows:
            f = followups.get(r["uid"])
            steps[r["uid"]] = GoalStep(
                dialogue_id=r["dialogue_id"],
                held_on=r["held_on"],
                status=r["status"],
                note=_note(r),
                followup=f[0] if f and f[1] > r["held_on"] else None,
            )
        carried_from = {
            f.carried_to: source for source, (f, _) in followups.items() if f.carried_to
        }
        children: dict[str, list[str]] = {}
        roots = []
        for uid, step in steps.items():
            parent = (step.note.goal.ancestor if step.note.goal else None) or carried_from.get(uid)
            if parent in steps and parent != uid:
                children.setdefault(parent, []).append(uid)
            else:
                roots.append(uid)
        names = {r["uid"]: r["school"] for r in rows}
        chains = []
        for root in roots:
            for path in _paths(root, children):
                chains.append(
                    GoalChain(school=names[path[-1]], steps=[steps[uid] for uid in path])
                )
        return chains

    # --- Status ----------------------------------------------------------------

    def mark_held(self, dialogue_id: int) -> list[ChecklistItem]:
        """Draft → held; returns the statutory points left unticked, to warn about."""
        if self._header(dialogue_id).status == Status.final:
            raise StoreError(S.DIALOGUE_IS_FINAL)
        self.set_status(dialogue_id, Status.held)
        return self.unticked_checklist(dialogue_id)

    def finalize(self, dialogue_id: int) -> None:
        """Held (or draft) → final: from now on read-only until reopened."""
        self.set_status(dialogue_id, Status.final)

    def reopen(self, dialogue_id: int, reason: str) -> None:
        """Final → held for edits; the reason is recorded with the time."""
        status = self._header(dialogue_id).status
        if status != Status.final:
            raise StoreError(S.REOPEN_NOT_FINAL.format(status=S.STATUS[status]))
        self.set_status(dialogue_id, Status.held, reason)

    def dialogues_held_in(self, year: int) -> list[Dialogue]:
        """Whole dialogues held (or final) in ``year``, by school then date; the bin
        is left out. What the council's overview is built from."""
        _check_year(year)
        ids = [
            r[0]
            for r in self.conn.execute(
                """SELECT id FROM dialogues WHERE deleted_at IS NULL
                   AND status IN ('held', 'final') AND held_on >= ? AND held_on < ?
                   ORDER BY school COLLATE NOCASE, held_on, id""",
                (f"{year:04d}-01-01", f"{year + 1:04d}-01-01"),
            )
        ]
        return [self.get_dialogue(i) for i in ids]

    # --- Search --------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        school: str | None = None,
        year: int | None = None,
        kind: str | None = None,
        theme: str | None = None,
        limit: int = 100,
        prefixes: bool = False,
    ) -> list[SearchHit]:
        """Notes matching ``query`` (words ANDed, ``"phrases"``, ``prefix*``) and every
        filter given, newest first: at most ``limit``, the most recently written
        matches, shown by date and agenda order. An empty query with a filter lists
        everything the filters select. Internal notes are found (tagged
        ``internal``); binned dialogues are not. ``prefixes``: every word matches
        the beginning of a word (search as you type: "læs" finds "Læsning")."""
        if kind is not None and kind not in KINDS:
            raise StoreError(S.SEARCH_BAD_KIND.format(kind=kind, known=", ".join(KINDS)))
        # Any theme key (themes.toml says which there are); what is not one is refused.
        if theme is not None and not re.match(THEME_KEY, theme):
            raise StoreError(S.SEARCH_BAD_THEME.format(theme=theme, known=", ".join(THEMES)))
        if limit < 1:
            raise StoreError(S.SEARCH_BAD_LIMIT)
        _check_year(year)
        filters = []
        names = self._school_names(school, prefix=True)
        if names is not None:
            if not names:
                return []
            # Each stored name's token, made by SQLite as _META makes it.
            tokens = [
                self.conn.execute("SELECT 's' || hex(lower(?))", (name,)).fetchone()[0]
                for name in names
            ]
            filters.append("(" + " OR ".join(tokens) + ")")
        if year is not None:
            filters.append(f"y{year}")
        filters += ["t" + tag.replace("-", "") for tag in (kind, theme) if tag]
        words = fts_query(query, prefixes=prefixes)
        parts = ([f"text : ({words})"] if words else []) + (
            [f"meta : ({' AND '.join(filters)})"] if filters else []
        )
        if not parts:
            return []
        rows = self.db.query(
            """SELECT d.id AS dialogue_id, d.school, d.held_on, a.position AS item_pos,
               a.title AS item_title, n.id AS note_id, n.position, n.text, n.tags,
               n.internal, snippet(notes_search, 0, ?, ?, '…', 16) AS snippet
               FROM notes_search JOIN notes n ON n.id = notes_search.rowid
               JOIN agenda_items a ON a.id = n.agenda_item_id
               JOIN dialogues d ON d.id = a.dialogue_id
               WHERE notes_search MATCH ? AND d.deleted_at IS NULL
               ORDER BY notes_search.rowid DESC LIMIT ?""",
            (MARK_START, MARK_END, " AND ".join(parts), limit),
        )
        try:
            found = list(rows)
        except sqlite3.OperationalError as e:  # fts_query keeps this from happening
            raise StoreError(S.INVALID_VALUE.format(reason=e)) from None
        found.sort(key=lambda r: (r["held_on"], r["dialogue_id"], -r["item_pos"], -r["position"]),
                   reverse=True)  # fmt: skip
        return [
            SearchHit(
                dialogue_id=r["dialogue_id"],
                school=r["school"],
                held_on=r["held_on"],
                item_number=r["item_pos"] + 1,
                item_title=r["item_title"],
                note_id=r["note_id"],
                text=r["text"],
                snippet=r["snippet"],
                tags=json.loads(r["tags"]) + (["internal"] if r["internal"] else []),
            )
            for r in found
        ]


def fts_query(text: str, *, prefixes: bool = False) -> str:
    """Turn what a user types into a safe FTS5 query: words ANDed, ``"phrases"``
    kept, a trailing ``*`` (or every word, with ``prefixes``) as prefix; FTS
    syntax characters never raise."""
    parts: list[str] = []
    for i, chunk in enumerate(text.split('"')):
        if i % 2:  # inside quotes: a phrase
            words = chunk.split()
            if words:
                parts.append('"' + " ".join(words) + '"')
            continue
        for word in chunk.split():
            prefix = prefixes or word.endswith("*")
            word = "".join(ch for ch in word if ch.isalnum() or ch in "-_")
            word = word.replace("-", " ").strip()
            if word:
                parts.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(parts)


# --- Row → model -----------------------------------------------------------


def _note(r: dict[str, Any]) -> Note:
    goal = None
    if r.get("goal_id") is not None:
        goal = GoalDetails(
            indicator=r["indicator"],
            baseline=r["baseline"],
            target=r["target"],
            due=r["due"],
            theme=r["theme"],
            ancestor=r["ancestor"],
        )
    return Note.model_construct(
        id=r["id"],
        uid=r["uid"],
        text=r["text"],
        kind=r["kind"],
        level=r["level"],
        tags=json.loads(r["tags"]),
        internal=bool(r["internal"]),
        goal=goal,
    )


def _followup(r: dict[str, Any]) -> FollowUp:
    return FollowUp(
        id=r["id"],
        source_uid=r["source_uid"],
        kind=r["kind"],
        text=r["text"],
        goal=GoalDetails.model_validate_json(r["goal"]) if r["goal"] else None,
        status=r["status"],
        reached=r["reached"],
        comment=r["comment"],
        carried_to=r["carried_to"],
    )


def _paths(root: str, children: dict[str, list[str]]) -> list[list[str]]:
    """Every path from ``root`` down to a goal that was not carried on further."""
    below = children.get(root, [])
    if not below:
        return [[root]]
    return [[root, *path] for child in below for path in _paths(child, children)]


def _agenda_item(a: dict[str, Any], notes: list[Note]) -> AgendaItem:
    return AgendaItem(
        id=a["id"],
        title=a["title"],
        planned_minutes=a["planned_minutes"],
        prompts=json.loads(a["prompts"]),
        started_at=a["started_at"],
        ended_at=a["ended_at"],
        elapsed_seconds=a["elapsed_seconds"],
        notes=notes,
    )


def _validated(model: type, data: dict[str, Any]) -> Any:
    """Validate through the model; a bad value becomes a clear StoreError."""
    from pydantic import ValidationError

    try:
        return model.model_validate(data)
    except ValidationError as e:
        field, reason = describe_validation_error(e)
        raise StoreError(S.INVALID_VALUE.format(reason=f"{field}: {reason}")) from None


__all__ = ["SCHEMA_VERSION", "Store", "default_db_path", "fts_query"]
