"""Locked, full and hostile: a clear Danish line, and nothing lost."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest
from click.testing import CliRunner
from docx import Document

from dialog_tui.cli import main
from dialog_tui.errors import StoreError
from dialog_tui.export.memo import export_memo
from dialog_tui.model import AgendaItem, Dialogue
from dialog_tui.store import Store


def new(store: Store) -> int:
    return store.create_dialogue(
        Dialogue(school="Egeskolen", held_on=date(2025, 3, 10), agenda=[AgendaItem(title="Punkt")])
    )


def test_a_database_locked_by_another_writer_is_one_line(db_path, example, tmp_path, monkeypatch):
    with Store.open(db_path) as store:
        new(store)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # holds the write lock
    monkeypatch.setattr("dialog_tui.store.Store._configure", _short_timeout)
    try:
        (tmp_path / "d.json").write_text(json.dumps(example))
        result = CliRunner().invoke(main, ["--db", str(db_path), "load", str(tmp_path / "d.json")])
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.exit_code == 1
    assert result.stderr.startswith("dialog-tui: kan ikke skrive i databasen")
    assert "locked" in result.stderr and result.stderr.count("\n") == 1
    with Store.open(db_path) as store:
        assert len(store.list_dialogues()) == 1


def _short_timeout(self):
    """The real busy timeout is 5 s; the test needs no such patience."""
    self.conn.execute("PRAGMA foreign_keys = ON")
    self.conn.execute("PRAGMA busy_timeout = 100")


def test_disk_full_keeps_what_was_committed(store):
    dialogue_id = new(store)
    item = store.agenda_items(dialogue_id)[0]
    kept = store.add_note(item.id, "Allerede gemt")
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full now
    with pytest.raises(StoreError, match=r"kan ikke skrive i databasen.*full"):
        store.add_note(item.id, "x" * 200_000)
    with pytest.raises(StoreError):
        store.set_note_text(kept.id, "y" * 200_000)
    assert [n.text for n in store.notes(item.id)] == ["Allerede gemt"]


async def test_disk_full_while_typing_says_so_and_keeps_the_text_on_screen(db_path):
    from dialog_tui.tui.app import DialogApp
    from dialog_tui.tui.widgets.note_list import NoteList

    store = Store.open(db_path)
    dialogue_id = new(store)
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test() as pilot:
        await pilot.pause()
        notes = app.screen.query_one(NoteList)
        notes.editor.insert("Vigtig note")
        await pilot.pause()
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")
        notes.editor.insert(" " + "z" * 15_000)  # under the note cap, over the disk
        await pilot.pause()
        assert notes.editor.text.endswith("z" * 10)  # still on screen
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Kunne ikke gemme: kan ikke skrive") for m in messages)
    assert store.get_note(notes.note.id).text == "Vigtig note"
    store.close()


def test_huge_emoji_and_right_to_left_notes_survive_store_json_and_memo(store, tmp_path):
    dialogue_id = new(store)
    item = store.agenda_items(dialogue_id)[0]
    texts = [
        "lang " * 20_000,  # 100,000 characters
        "Trivslen er høj 😊👩‍🏫🇩🇰",
        "مرحبا بالمدرسة — שלום",
        "kontrol\x00tegn\x1b[31m væk",
    ]
    for text in texts:
        store.add_note(item.id, text)
    back = [n.text for n in store.notes(item.id)]
    assert back[:3] == texts[:3]
    assert back[3] == "kontroltegn[31m væk"
    result = CliRunner().invoke(main, ["--db", str(store.path), "dump", str(dialogue_id)])
    assert [n["text"] for n in json.loads(result.stdout)["agenda"][0]["notes"]] == back
    out = tmp_path / "memo.docx"
    export_memo(store.get_dialogue(dialogue_id), out)
    body = [p.text for p in Document(str(out)).paragraphs]
    for text in back:
        assert any(text.strip() in p for p in body)


def test_purged_text_does_not_linger_in_the_file(store):
    dialogue_id = new(store)
    item = store.agenda_items(dialogue_id)[0]
    secret = "Hemmelig-oplysning-9f3a"
    note = store.add_note(item.id, secret)
    store.set_note_text(note.id, secret + " rettet")
    store.delete_note(note.id)
    store.purge_dialogue(dialogue_id)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = store.path.read_bytes()
    wal = store.path.with_name(store.path.name + "-wal")
    raw += wal.read_bytes() if wal.exists() else b""
    assert secret.encode() not in raw


def test_export_to_a_missing_folder_is_one_line(db_path, tmp_path):
    with Store.open(db_path) as store:
        new(store)
    out = tmp_path / "findes-ikke" / "memo.docx"
    result = CliRunner().invoke(main, ["--db", str(db_path), "export", "1", "-o", str(out)])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "findes-ikke" in result.stderr and "Traceback" not in result.stderr
    assert not out.parent.exists()


def test_a_database_cut_in_half_is_called_damaged_and_left_alone(db_path):
    with Store.open(db_path) as store:
        for _ in range(20):
            store.add_note(store.agenda_items(new(store))[0].id, "tekst " * 200)
    size = db_path.stat().st_size
    with open(db_path, "r+b") as f:
        f.truncate(size // 2)
    before = db_path.read_bytes()
    result = CliRunner().invoke(main, ["--db", str(db_path), "list"])
    assert result.exit_code == 1
    assert "er beskadiget" in result.stderr and "dialog-tui restore" in result.stderr
    assert db_path.read_bytes() == before
