"""Damaged pages (issue 13): every command says so in one line and points to
``check`` and ``rescue``; ``rescue`` saves every dialogue that can still be read."""

from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
from datetime import date

import pytest
from click.testing import CliRunner

from dialog_tui.cli import main
from dialog_tui.exchange import dialogue_from_json
from dialog_tui.model import AgendaItem, Dialogue, Note
from dialog_tui.store import Store

DAMAGED = "er beskadiget"


def build(db_path, count: int = 12) -> None:
    with Store.open(db_path) as store:
        for i in range(count):
            note = Note(text=f"Skole {i}: " + "trivsel og læsning " * 150)
            store.create_dialogue(
                Dialogue(
                    school=f"Skole {i}",
                    held_on=date(2025, 3, 10),
                    agenda=[AgendaItem(title="Punkt", notes=[note])],
                )
            )
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def damage(db_path, table: str) -> None:
    """Overwrite one leaf page of ``table`` with garbage, as a failing disk would."""
    conn = sqlite3.connect(db_path)
    [page] = conn.execute(
        "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno"
        " LIMIT 1 OFFSET 1",
        (table,),
    ).fetchone() or pytest.fail(f"{table} has only one leaf page")
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(db_path, "r+b") as f:
        f.seek((page - 1) * size + 8)
        f.write(b"\xa5" * (size - 8))


def run(db_path, *args):
    return CliRunner().invoke(main, ["--db", str(db_path), *args])


def test_check_says_whole_or_damaged(db_path):
    build(db_path)
    whole = run(db_path, "check")
    assert whole.exit_code == 0 and "i orden" in whole.stdout
    damage(db_path, "notes")
    result = run(db_path, "check")
    assert result.exit_code == 1
    assert DAMAGED in result.stderr and "rescue" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("table", ["notes", "notes_search_data"])
def test_commands_meeting_damage_say_so_in_one_line(db_path, tmp_path, table):
    build(db_path)
    damage(db_path, table)
    met = 0
    for args in (["search", "trivsel"], *(["dump", str(i)] for i in range(1, 13)), ["list"]):
        result = run(db_path, *args)
        if result.exit_code == 0:
            continue  # this command did not meet the damaged page
        met += 1
        assert result.stderr.count("\n") == 1, (args, result.stderr)
        assert DAMAGED in result.stderr and "dialog-tui check" in result.stderr
        assert "rescue" in result.stderr
    assert met  # the damage was met, and said


def test_rescue_writes_every_readable_dialogue_and_lists_the_rest(db_path, tmp_path):
    build(db_path)
    damage(db_path, "notes")
    out = tmp_path / "reddet"
    result = run(db_path, "rescue", "-o", str(out))
    assert result.exit_code == 1  # something was lost, and it says which
    lost = [line for line in result.stderr.splitlines() if line.startswith("Kunne ikke")]
    saved = sorted(out.glob("dialog-*.json"))
    assert lost and saved and len(lost) + len(saved) == 12
    for path in saved:
        dialogue = dialogue_from_json(path.read_text(), path)
        assert dialogue.agenda[0].notes[0].text.startswith(dialogue.school)
        assert json.loads(path.read_text())["format"] == "dialog-tui/1"


def test_backup_refuses_a_damaged_source_and_restore_says_damaged(db_path, tmp_path):
    build(db_path)
    good = tmp_path / "god.db"
    shutil.copy(db_path, good)
    damage(db_path, "notes")
    result = run(db_path, "backup", "-o", str(tmp_path / "kopi.db"))
    assert result.exit_code == 1 and DAMAGED in result.stderr
    assert not (tmp_path / "kopi.db").exists()

    restored = run(good, "restore", "--yes", str(db_path))
    assert restored.exit_code == 1
    assert DAMAGED in restored.stderr and "ikke en SQLite" not in restored.stderr
    with sqlite3.connect(good) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


async def test_the_app_meeting_damage_closes_with_one_line_not_a_crash(db_path):
    from dialog_tui.tui.app import DialogApp

    build(db_path)
    damage(db_path, "notes")
    store = Store.open(db_path)
    lost = [i for i, dialogue, _ in store.rescue() if dialogue is None]
    app = DialogApp(store, open_id=lost[0])
    await asyncio.wait_for(app.run_async(headless=True, size=(80, 24)), timeout=60)
    store.close()
    assert app.return_code == 1
    [line] = app.exit_lines
    assert DAMAGED in line and "dialog-tui check" in line
