"""What `open` and `export` load: rows from our own database were validated on
their way in, so reading them back never imports pydantic (its import and schema
builds were a third of the time to the first frame). pydantic stays the gate for
what comes from outside."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from dialog_tui.exchange import dialogue_from_json
from dialog_tui.store import Store

OPEN = """
import asyncio, sys
from dialog_tui.cli import main  # the command line's own imports
from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp

async def run():
    with Store.open(sys.argv[1]) as store:
        app = DialogApp(store, open_id=int(sys.argv[2]))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert type(app.screen).__name__ == "MeetingScreen", app.screen

asyncio.run(run())
print("pydantic" in sys.modules)
"""

EXPORT = """
import sys
from dialog_tui.cli import main
main(["--db", sys.argv[1], "export", sys.argv[2], "-o", sys.argv[3]], standalone_mode=False)
print("pydantic" in sys.modules)
"""


def _dialogue_in(db: Path, example: dict) -> int:
    with Store.open(db) as store:
        return store.create_dialogue(dialogue_from_json(json.dumps(example)))


def _pydantic_imported(code: str, *args: str) -> bool:
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1] == "True"


def test_opening_a_meeting_imports_no_pydantic(tmp_path: Path, example: dict) -> None:
    db = tmp_path / "d.db"
    dialogue_id = _dialogue_in(db, example)
    assert not _pydantic_imported(OPEN, str(db), str(dialogue_id))


def test_opening_a_new_dialogue_imports_no_pydantic(tmp_path: Path, example: dict) -> None:
    """A dialogue just made: its first point has no notes, so opening it writes a
    blank one to type in."""
    for item in example["agenda"]:
        item["notes"] = []
    db = tmp_path / "d.db"
    dialogue_id = _dialogue_in(db, example)
    assert not _pydantic_imported(OPEN, str(db), str(dialogue_id))
    with Store.open(db) as store:  # the blank note was written
        first = store.get_dialogue(dialogue_id).agenda[0]
        assert [n.text for n in first.notes] == [""]


def test_exporting_a_memo_imports_no_pydantic(tmp_path: Path, example: dict) -> None:
    db = tmp_path / "d.db"
    dialogue_id = _dialogue_in(db, example)
    out = tmp_path / "memo.docx"
    assert not _pydantic_imported(EXPORT, str(db), str(dialogue_id), str(out))
    assert out.stat().st_size > 0
