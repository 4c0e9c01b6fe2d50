"""Slow work off the event loop (export, the council overview, search, goal history).

Each worker thread reads through a connection of its own on the same database file,
so no connection or cursor is shared with the event loop's writes; results go back
to the screen with ``App.call_from_thread``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..store import Store


@contextmanager
def own_store(store: Store) -> Iterator[Store]:
    """The database ``store`` is on, opened again for one worker thread."""
    with Store.open(store.path, create=False) as reader:
        yield reader
