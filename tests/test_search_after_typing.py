"""A keystroke writes the note alone; the search index catches up later (migration
10, issue 16). Whatever happens between a key and the catching up, search finds
what was typed and the index stays whole."""

from __future__ import annotations

import random
from datetime import date

from test_store import new_dialogue, search_index_is_consistent

from dialog_tui.model import GoalDetails
from dialog_tui.store import Store


def index_rows(store: Store) -> int:
    """Rows of the FTS5 index's own tables: any reindexing writes to them."""
    return (
        sum(
            store.conn.execute(f"SELECT count(*) FROM notes_search_{t}").fetchone()[0]
            for t in ("data", "docsize")
        )
        + store.conn.execute("SELECT sum(length(block)) FROM notes_search_data").fetchone()[0]
    )


def stale(store: Store) -> list[int]:
    return [r[0] for r in store.conn.execute("SELECT note_id FROM search_stale")]


def test_keys_leave_the_index_alone_and_search_still_finds_the_text(store):
    item = store.agenda_items(new_dialogue(store))[0]
    note = store.add_note(item.id, "Elevfraværet")
    before = index_rows(store)
    text = "Elevfraværet"
    for ch in " falder i udskolingen":
        text += ch
        store.set_note_text(note.id, text)
    assert index_rows(store) == before  # nothing but the row was written
    assert stale(store) == [note.id]  # recorded once, at the first key
    assert [h.note_id for h in store.search("udskolingen")] == [note.id]
    assert store.search("Elevfraværet")[0].text == "Elevfraværet falder i udskolingen"
    assert stale(store) == []
    assert search_index_is_consistent(store)


def test_every_edit_after_typing_keeps_the_index_whole(store):
    """Each edit that reindexes at once meets a note typed into just before."""
    first = new_dialogue(store, "Skovskolen", date(2024, 3, 1))
    one, two = store.agenda_items(first)[:2]
    a = store.add_note(one.id, "Læsning", tags=["goal"])
    b = store.add_note(one.id, "Fravær")
    edits = [
        lambda: store.toggle_tag(a.id, "agreement"),
        lambda: store.update_note(a.id, internal=True),
        lambda: store.set_goal(a.id, GoalDetails(theme="trivsel")),
        lambda: store.set_goal(a.id, GoalDetails(theme="inklusion")),
        lambda: store.set_goal(a.id, None),
        lambda: store.move_note(a.id, 0, item_id=two.id),
        lambda: store.move_note(a.id, 0),  # the same point: the row is not reindexed
        lambda: store.update_note(a.id, text="Tekst og mærker", tags=["attention"]),
        lambda: store.update_dialogue(first, school="Skovskolen Syd", held_on=date(2023, 5, 1)),
        lambda: store.delete_note(b.id),
    ]
    for i, edit in enumerate(edits):
        store.set_note_text(a.id, f"Læsning løftes trin{i}")
        store.set_note_text(b.id, f"Fravær falder trin{i}")
        edit()
        store.index_typed()
        assert search_index_is_consistent(store), i
        assert stale(store) == []
    assert [h.note_id for h in store.search("trin9", school="skovskolen syd")] == [a.id]
    assert store.search("trin8") == []


def test_random_typing_and_edits_keep_search_in_step(store):
    rng = random.Random(16)
    items = store.agenda_items(new_dialogue(store))
    notes = [store.add_note(items[i % 3].id, f"start{i}").id for i in range(6)]
    texts = {n: f"start{i}" for i, n in enumerate(notes)}
    for step in range(200):
        note = rng.choice(notes)
        roll = rng.random()
        if roll < 0.6:
            texts[note] = f"ord{step} " + texts[note].split()[-1]
            store.set_note_text(note, texts[note])
        elif roll < 0.75:
            store.toggle_tag(note, rng.choice(["goal", "attention"]))
        elif roll < 0.85:
            store.move_note(note, 0, item_id=rng.choice(items[:3]).id)
        elif roll < 0.9:
            store.set_goal(note, rng.choice([None, GoalDetails(theme="trivsel")]))
        else:
            store.index_typed()
    for note, text in texts.items():
        assert [h.note_id for h in store.search(text.split()[0])] == [note]
    assert search_index_is_consistent(store)


def test_typing_cut_off_by_a_crash_is_found_after_reopening(db_path):
    """The process dies after the key's commit, before the index caught up: the
    next open (any command) indexes it."""
    with Store.open(db_path) as store:
        note = store.add_note(store.agenda_items(new_dialogue(store))[0].id, "Før")
        store.set_note_text(note.id, "Før nedbruddet skrevet")
        # No index_typed, no search: the process is gone here.
    with Store.open(db_path) as store:
        assert stale(store) == []
        assert search_index_is_consistent(store)
        assert [h.note_id for h in store.search("nedbruddet")] == [note.id]
