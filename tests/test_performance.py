"""What the performance work promises besides speed: durability of every commit,
checkpoints kept off the write path, and reads of our own rows that equal the
validated models."""

from __future__ import annotations

from dialog_tui.gate import dumped, validated
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
    store.create_dialogue(validated(Dialogue, example))
    assert store.path.read_bytes() == before  # in the WAL only

    store.checkpoint()

    assert store.path.read_bytes() != before


def test_a_dialogue_read_without_validation_equals_the_validated_one(
    store: Store, example: dict
) -> None:
    example["agenda"][0]["notes"].append(
        {"text": "Mål", "tags": ["goal"], "goal": {"indicator": "x", "due": "2026-06-01"}}
    )
    example["kle"] = "17.01.00-G01"  # every header column, the later ones too
    original = validated(Dialogue, example)
    read = store.get_dialogue(store.create_dialogue(original))
    # (attendance of a point the agenda lacks is dropped on the way in)
    assert dumped(read, exclude={"participants"}) == dumped(original, exclude={"participants"})
    revalidated = validated(Dialogue, dumped(read))
    assert dumped(read) == dumped(revalidated)
