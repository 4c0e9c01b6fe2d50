"""Full disks and busy databases in the meeting (issue 13): the keys stay on screen
and in memory, a banner says why they are not saved, and every one of them is in
the database once it takes writes again, or in a recovery file after quitting."""

from __future__ import annotations

import json
import sqlite3
import stat
from contextlib import asynccontextmanager
from datetime import date

from dialog_tui import strings as S
from dialog_tui.model import AgendaItem, Dialogue
from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp
from dialog_tui.tui.widgets.note_list import NoteList


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


def new(store: Store) -> int:
    return store.create_dialogue(
        Dialogue(
            school="Egeskolen",
            held_on=date(2025, 3, 10),
            agenda=[AgendaItem(title="Punkt 1"), AgendaItem(title="Punkt 2")],
        )
    )


@asynccontextmanager
async def meeting(db_path):
    """The app open on a new two-point dialogue: (app, pilot, store, dialogue id)."""
    store = Store.open(db_path)
    dialogue_id = new(store)
    app = DialogApp(store, open_id=dialogue_id)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            yield app, pilot, store, dialogue_id
    finally:
        store.close()


def banner(app) -> str:
    widget = app.screen.query_one("#banner")
    return str(widget.render()) if widget.display else ""


def texts(db_path, dialogue_id: int) -> list[str]:
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute(
            "SELECT n.text FROM notes n JOIN agenda_items a ON a.id = n.agenda_item_id"
            " WHERE a.dialogue_id = ? ORDER BY a.position, n.position",
            (dialogue_id,),
        )
        return [r[0] for r in rows]
    finally:
        conn.close()


def fill_disk(store: Store) -> None:
    """No room left: the file cannot grow, and every write to a note needs room
    (on a full disk even a key's row, rewritten in place, has no room in the WAL;
    a page limit alone misses it since a key no longer grows the search index)."""
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    store.conn.execute("CREATE TEMP TABLE IF NOT EXISTS room (filler BLOB)")
    for event in ("INSERT", "UPDATE", "DELETE"):
        store.conn.execute(
            f"""CREATE TEMP TRIGGER IF NOT EXISTS needs_room_{event.lower()} AFTER {event}
                ON main.notes BEGIN INSERT INTO room VALUES (zeroblob(100000)); END"""
        )
    temp_pages = store.conn.execute("PRAGMA temp.page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA temp.max_page_count = {temp_pages}")


def free_disk(store: Store) -> None:
    store.conn.execute("PRAGMA max_page_count = 1073741823")
    for event in ("insert", "update", "delete"):
        store.conn.execute(f"DROP TRIGGER IF EXISTS temp.needs_room_{event}")


async def type_until_unsaved(pilot, app, word: str, limit: int = 400) -> str:
    """Type ``word`` and more until the banner shows; everything typed."""
    typed = ""
    for i in range(limit):
        chunk = f"{word}{i} "
        await type_text(pilot, chunk)
        typed += chunk
        if banner(app):
            return typed
    raise AssertionError("the disk never filled")


async def test_full_disk_keeps_every_key_and_saves_them_when_space_returns(db_path):
    async with meeting(db_path) as (app, pilot, store, dialogue_id):
        await type_text(pilot, "Gemt før ")
        fill_disk(store)
        typed = "Gemt før " + await type_until_unsaved(pilot, app, "fuld")
        await type_text(pilot, "efter")
        typed += "efter"
        assert banner(app).startswith("Ikke gemt: kan ikke skrive i databasen")
        assert "full" in banner(app)
        notes = app.screen.query_one(NoteList)
        assert notes.editor.text == typed  # on screen
        # Enter, F8 and Ctrl+Up are refused while text is held, and say why.
        for key in ("enter", "f8", "ctrl+up"):
            await pilot.press(key)
        await pilot.pause()
        assert any(n.message == S.UNSAVED_REFUSED for n in app._notifications)
        assert texts(db_path, dialogue_id)[0] != typed  # not yet in the database

        free_disk(store)
        await type_text(pilot, " igen")
        typed += " igen"
        await pilot.pause()
        assert banner(app) == ""
        await pilot.press("enter")
        await type_text(pilot, "Ny note")
        await pilot.pause()
    assert texts(db_path, dialogue_id) == [typed, "Ny note"]


async def test_the_retry_timer_saves_held_text_without_another_key(db_path):
    async with meeting(db_path) as (app, pilot, store, dialogue_id):
        fill_disk(store)
        typed = await type_until_unsaved(pilot, app, "ord")
        free_disk(store)
        app.screen.retry_unsaved()  # what the 2-second timer calls
        await pilot.pause()
        assert banner(app) == ""
        assert texts(db_path, dialogue_id)[0] == typed


async def test_text_held_in_another_point_is_kept_on_the_way_back(db_path):
    async with meeting(db_path) as (app, pilot, store, dialogue_id):
        fill_disk(store)
        typed = await type_until_unsaved(pilot, app, "første")
        await pilot.press("alt+down")
        await pilot.pause()
        await pilot.press("alt+up")
        await pilot.pause()
        assert app.screen.query_one(NoteList).editor.text == typed
        free_disk(store)
        await pilot.press("end")
        await type_text(pilot, "!")
        await pilot.pause()
    assert texts(db_path, dialogue_id)[0] == typed + "!"


async def test_quitting_with_held_text_writes_a_recovery_file_and_says_where(db_path):
    async with meeting(db_path) as (app, pilot, store, dialogue_id):
        fill_disk(store)
        typed = await type_until_unsaved(pilot, app, "tabt")
        note_id = app.screen.query_one(NoteList).note.id
        await pilot.press("ctrl+q")
        await pilot.pause()
    [line] = app.exit_lines
    files = list(db_path.parent.glob("*ikke-gemt*.json"))
    assert len(files) == 1 and str(files[0]) in line
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    data = json.loads(files[0].read_text())
    assert data["dialogue_id"] == dialogue_id
    assert [(n["note_id"], n["text"]) for n in data["notes"]] == [(note_id, typed)]


async def test_busy_database_says_it_waits_and_saves_every_key_in_order(db_path):
    async with meeting(db_path) as (app, pilot, _store, dialogue_id):
        other = sqlite3.connect(db_path, isolation_level=None)
        await type_text(pilot, "Før ")
        other.execute("BEGIN IMMEDIATE")  # a backup tool, the sqlite3 shell …
        await type_text(pilot, "under låsen")
        await pilot.pause()
        assert "venter på databasen" in banner(app)
        for key in ("f8", "ctrl+up", "alt+down", "alt+up"):  # no freeze, no crash
            await pilot.press(key)
        await pilot.pause()
        assert app.is_running
        assert app.screen.query_one(NoteList).editor.text == "Før under låsen"
        other.execute("ROLLBACK")
        app.screen.retry_unsaved()
        await pilot.pause()
        assert banner(app) == ""
        assert texts(db_path, dialogue_id)[0] == "Før under låsen"
        await pilot.press("end")
        await type_text(pilot, ".")
        await pilot.pause()
    other.close()
    assert texts(db_path, dialogue_id)[0] == "Før under låsen."


def test_restore_is_refused_while_a_dialogue_is_open_elsewhere(db_path, tmp_path):
    import os

    from click.testing import CliRunner

    from dialog_tui.cli import main

    backup = tmp_path / "kopi.db"
    with Store.open(db_path) as store:
        dialogue_id = new(store)
        store.backup_to(backup)
    editing = Store.open(db_path)  # the app, typing in dialogue 1
    assert editing.acquire_edit_lock(dialogue_id) is None
    editing.add_note(editing.agenda_items(dialogue_id)[0].id, "Ny")
    result = CliRunner().invoke(main, ["--db", str(db_path), "restore", "--yes", str(backup)])
    assert result.exit_code == 1
    assert f"dialog {dialogue_id} er åben" in result.stderr and str(os.getpid()) in result.stderr
    assert not db_path.with_name(db_path.name + ".bak").exists()
    assert texts(db_path, dialogue_id) == ["Ny"]
    editing.release_edit_lock(dialogue_id)
    result = CliRunner().invoke(main, ["--db", str(db_path), "restore", "--yes", str(backup)])
    assert result.exit_code == 0, result.stderr
    editing.close()


def test_load_on_a_full_disk_is_one_danish_line(db_path, example, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from dialog_tui.cli import main

    Store.open(db_path).close()
    configure = Store._configure

    def full(self) -> None:
        configure(self)
        fill_disk(self)

    monkeypatch.setattr(Store, "_configure", full)
    source = tmp_path / "d.json"
    big = {"title": "T", "notes": [{"text": "x" * 40_000}]}  # a title is at most 1000
    source.write_text(json.dumps(example | {"agenda": [big]}))
    result = CliRunner().invoke(main, ["--db", str(db_path), "load", str(source)])
    assert result.exit_code == 1
    assert result.stderr.startswith("dialog-tui: kan ikke skrive i databasen")
    assert "full" in result.stderr and result.stderr.count("\n") == 1
    monkeypatch.undo()
    with Store.open(db_path) as store:
        assert store.list_dialogues() == []


async def test_a_deleted_database_is_noticed_and_written_again_where_it_was(db_path):
    async with meeting(db_path) as (app, pilot, _store, dialogue_id):
        await type_text(pilot, "Før ")
        await pilot.pause()
        for suffix in ("", "-wal", "-shm"):  # a cleanup script
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        await type_text(pilot, "efter")
        await pilot.pause()
        assert "findes ikke længere" in banner(app) and "Ctrl+S" in banner(app)
        assert not db_path.exists()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert banner(app) == ""
        await type_text(pilot, "!")
        await pilot.pause()
        assert texts(db_path, dialogue_id)[0] == "Før efter!"
    assert texts(db_path, dialogue_id)[0] == "Før efter!"


async def test_a_replaced_database_is_noticed_and_kept_aside(db_path, tmp_path):
    older = tmp_path / "ældre.db"
    async with meeting(db_path) as (app, pilot, store, _dialogue_id):
        store.backup_to(older)
        await type_text(pilot, "Ny tekst")
        await pilot.pause()
        older.replace(db_path)  # a sync client puts back an older copy
        await type_text(pilot, " her")
        await pilot.pause()
        assert "erstattet" in banner(app)
        await pilot.press("ctrl+q")  # the other choice: a recovery file
        await pilot.pause()
    [line] = app.exit_lines
    [recovery] = db_path.parent.glob("*ikke-gemt*.json")
    assert str(recovery) in line
    assert [n["text"] for n in json.loads(recovery.read_text())["notes"]] == ["Ny tekst her"]
