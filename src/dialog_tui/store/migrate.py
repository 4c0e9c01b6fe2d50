"""Forward migrations: ``migrations/NNNN_name.sql``, applied in order.

File ``NNNN`` takes the schema from version NNNN-1 to NNNN (``PRAGMA
user_version``). A shipped file is frozen: it is never edited, since databases
on users' disks were made by it; a change is a new file.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from importlib import resources

MIGRATIONS = "migrations"


@cache
def migrations() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(file name, statements) of every migration, in order."""
    folder = resources.files(__package__).joinpath(MIGRATIONS)
    files = sorted(f for f in folder.iterdir() if f.name.endswith(".sql"))
    found = []
    for number, f in enumerate(files, start=1):
        if not f.name.startswith(f"{number:04d}_"):
            raise RuntimeError(f"migration {number} missing before {f.name}")
        found.append((f.name, tuple(statements(f.read_text(encoding="utf-8")))))
    return tuple(found)


def statements(script: str) -> list[str]:
    """Split a script into statements as written (``sqlite_master`` keeps the
    text of each CREATE), comment lines between statements left out."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        if not buf and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.rstrip().removesuffix(";"))
            buf = ""
    if buf.strip():
        raise RuntimeError(f"unterminated statement: {buf[:60]!r}")
    return out


SCHEMA_VERSION = len(migrations())


def apply(c: sqlite3.Connection, application_id: int, upto: int | None = None) -> None:
    """Bring the schema from its version to ``upto`` (default: the newest),
    inside the caller's transaction."""
    upto = SCHEMA_VERSION if upto is None else upto
    version = c.execute("PRAGMA user_version").fetchone()[0]
    for _, step in migrations()[version:upto]:
        for sql in step:
            c.execute(sql)
    c.execute(f"PRAGMA application_id = {application_id}")
    c.execute(f"PRAGMA user_version = {upto}")
