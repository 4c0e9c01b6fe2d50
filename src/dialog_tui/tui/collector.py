"""The cyclic garbage collector kept out of the way while many long-lived objects
are made at once (no Textual here: the notes controller uses it too)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while many long-lived objects are made at
    once (rows, cells, keys: a few a row, none of them garbage): the collections
    their allocations set off scan everything they made so far, two thirds of the
    time at 100,000 rows (and they hold the lock every thread needs). Back as it
    was after, even if the app had it off."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
