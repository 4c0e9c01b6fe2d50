"""Backup while another connection writes; restore checks before it replaces."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from click.testing import CliRunner

from dialog_tui.cli import main
from dialog_tui.errors import StoreError
from dialog_tui.model import Dialogue
from dialog_tui.store import SCHEMA_VERSION, Store


def make(store: Store, school: str) -> int:
    return store.create_dialogue(Dialogue(school=school, held_on="2025-03-10", agenda=[
        {"title": "Punkt", "notes": [{"text": f"Note om {school}"}]}]))  # fmt: skip


def test_backup_is_consistent_while_another_connection_writes(tmp_path):
    db = tmp_path / "live.db"
    with Store.open(db) as store:
        make(store, "Før")
    stop = threading.Event()

    def writer():
        with Store.open(db) as other:
            item = other.agenda_items(1)[0]
            while not stop.is_set():
                other.add_note(item.id, "skrives samtidig")

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        result = CliRunner().invoke(
            main, ["--db", str(db), "backup", "-o", str(tmp_path / "b.db")]
        )
    finally:
        stop.set()
        thread.join()
    assert result.exit_code == 0, result.output
    copy = sqlite3.connect(tmp_path / "b.db")
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT school FROM dialogues").fetchall() == [("Før",)]
    assert (tmp_path / "b.db").stat().st_mode & 0o077 == 0


def test_restore_replaces_and_keeps_the_previous_as_bak(tmp_path):
    with Store.open(tmp_path / "backup.db") as store:
        make(store, "Fra kopien")
    db = tmp_path / "live.db"
    with Store.open(db) as store:
        make(store, "Nuværende")
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(db), "restore", str(tmp_path / "backup.db")])
    assert result.exit_code == 1 and "--yes" in result.stderr
    result = runner.invoke(
        main, ["--db", str(db), "restore", str(tmp_path / "backup.db"), "--yes"]
    )
    assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        assert [d.school for d in store.list_dialogues()] == ["Fra kopien"]
        assert store.search("kopien")  # the full-text index came along
    with Store.open(tmp_path / "live.db.bak") as bak:
        assert [d.school for d in bak.list_dialogues()] == ["Nuværende"]


@pytest.mark.parametrize("kind", ["text", "foreign", "newer", "empty"])
def test_restore_refuses_what_is_not_a_good_backup(tmp_path, kind):
    bad = tmp_path / "bad.db"
    if kind == "text":
        bad.write_text("ikke en database")
    elif kind == "foreign":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE x (y)")
        conn.commit()
        conn.close()
    elif kind == "newer":
        Store.open(bad).close()
        conn = sqlite3.connect(bad)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.close()
    else:
        bad.write_bytes(b"")
    db = tmp_path / "live.db"
    with Store.open(db) as store:
        make(store, "Bliver")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = db.read_bytes()
    with Store.open(db) as store, pytest.raises(StoreError):
        store.restore_from(bad)
    assert db.read_bytes() == before
    assert not (tmp_path / "live.db.bak").exists()
