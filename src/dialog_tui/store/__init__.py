"""The SQLite store: one file, WAL, foreign keys, frozen forward migrations, FTS5.

Every public method is one short transaction, committed before it returns, so a
crash loses at most the call in flight. The UI, CLI and exporter use only these
named methods; nothing outside this package writes SQL.

``Store`` is the facade: one room per aggregate (dialogues, points, notes,
participants, follow-ups and goals, status, search, edit locks, backup, the
school's key figures), each a
mixin over the connection in ``connection.py``.
"""

from __future__ import annotations

from ..errors import LockLost, NotFound, StoreError
from .backup import Backup
from .connection import APP_NAME, APPLICATION_ID, ENV_DB, FINAL_ABORT, default_db_path
from .dialogues import Dialogues
from .figures import Figures, LoadResult
from .followups import FollowUps
from .health import Health
from .locks import LOCK_STALE_SECONDS, EditLock, Locks
from .migrate import SCHEMA_VERSION
from .notes import Notes
from .participants import Participants
from .points import Points
from .search import Search, fts_query
from .status import StatusChanges


class Store(
    Locks,
    StatusChanges,
    FollowUps,
    Notes,
    Points,
    Participants,
    Dialogues,
    Search,
    Backup,
    Health,
    Figures,
):
    """The named API over one dialog-tui database file."""


__all__ = [
    "APPLICATION_ID",
    "APP_NAME",
    "ENV_DB",
    "FINAL_ABORT",
    "LOCK_STALE_SECONDS",
    "SCHEMA_VERSION",
    "EditLock",
    "LoadResult",
    "LockLost",
    "NotFound",
    "Store",
    "StoreError",
    "default_db_path",
    "fts_query",
]
