"""What the performance work promises besides speed: durability of every commit,
checkpoints kept off the write path, and reads of our own rows that equal the
validated models."""

from __future__ import annotations

from dialog_tui.model import Dialogue
from dialog_tui.store import Store


def test_every_commit_is_synced_to_disk(store: Store) -> None:
    # 2 = FULL: a commit survives a power cut, not only a crashed process.
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2


def test_deferred_checkpoints_leave_the_wal_to_the_background(store: Store, example: dict) -> None:
    store.defer_checkpoints()
    assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] > 1000
    store.checkpoint()  # the schema, written at open
    before = store.path.read_bytes()
    store.create_dialogue(Dialogue.model_validate(example))
    assert store.path.read_bytes() == before  # in the WAL only

    store.checkpoint()

    assert store.path.read_bytes() != before
