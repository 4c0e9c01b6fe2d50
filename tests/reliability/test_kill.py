"""Kill the real app with SIGKILL while it is being typed into; nothing shown is lost."""

from __future__ import annotations

import random
import sqlite3
from datetime import date

from dialog_tui.agenda import load_agenda
from dialog_tui.model import Dialogue, Note
from dialog_tui.store import Store

from .ptyapp import PtyApp

KILLS = 50
ALPHABET = "abcdefghijklmnopqrstuvwxyz"
START = "Noter: "


def note_texts(db) -> list[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [r[0] for r in conn.execute("SELECT text FROM notes ORDER BY id")]
    finally:
        conn.close()


def test_sigkill_while_typing_loses_nothing_that_was_on_screen(tmp_path):
    db = tmp_path / "kill.db"
    with Store.open(db) as store:
        agenda = load_agenda("standard")
        items = agenda.agenda_items()
        # A start text, so the end of the note is recognisable on screen from the first key.
        items[0].notes = [Note(text=START)]
        store.create_dialogue(
            Dialogue(school="Kilskolen", held_on=date(2025, 3, 10), agenda=items)
        )
    rng = random.Random(20251122)
    typed = START  # everything ever sent to the one note being written
    for kill in range(KILLS):
        app = PtyApp("--db", str(db), "open", "1")
        try:
            app.wait_for(b"Kilskolen")
            app.settle()
            shown = typed  # keystrokes whose repaint we saw: they were on screen
            for _ in range(rng.randint(1, 6)):
                ch = rng.choice(ALPHABET)
                app.send(ch)
                typed += ch
                if rng.random() < 0.25:
                    break  # kill with this keystroke in flight
                # Seen means the note's end with this key painted, not any repaint.
                if not app.wait_for_text(typed[-4:]):
                    break
                shown = typed
        finally:
            app.kill()
        (text,) = note_texts(db)  # one note, written across every restart
        assert text.startswith(shown), f"kill {kill}: lost typing: {text!r} < {shown!r}"
        assert typed.startswith(text), f"kill {kill}: garbage: {text!r} vs {typed!r}"
        typed = text  # the keystroke in flight may be lost, nothing more


def test_sigkill_right_after_a_key_is_found_by_search_after_reopening(tmp_path):
    """The keys commit the note, not the search index (issue 16): a process killed
    before the index caught up leaves text that the next open makes searchable."""
    db = tmp_path / "kill.db"
    with Store.open(db) as store:
        items = load_agenda("standard").agenda_items()
        items[0].notes = [Note(text=START)]
        store.create_dialogue(
            Dialogue(school="Kilskolen", held_on=date(2025, 3, 10), agenda=items)
        )
    app = PtyApp("--db", str(db), "open", "1")
    try:
        app.wait_for(b"Kilskolen")
        app.settle()
        app.send("zebrafinke")
        assert app.wait_for_text("finke")
    finally:
        app.kill()  # at once: the app's idle indexing (2 s) has not run
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT count(*) FROM search_stale").fetchone()[0] == 1
    finally:
        conn.close()
    assert note_texts(db) == [START + "zebrafinke"]
    with Store.open(db) as store:
        assert [h.text for h in store.search("zebrafinke")] == [START + "zebrafinke"]
        store.conn.execute(
            "INSERT INTO notes_search(notes_search, rank) VALUES ('integrity-check', 1)"
        )
