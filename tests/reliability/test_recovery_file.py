"""The recovery file: beside the database, else in the data folder; owner-only;
never overwriting another."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime

import pytest

from dialog_tui import recovery
from dialog_tui.errors import StoreError
from dialog_tui.recovery import HeldText, write_recovery

HELD = [HeldText(7, "Elevrådet ønsker 😊", datetime(2025, 3, 10, 9, 30, tzinfo=UTC))]


def test_beside_the_database(tmp_path):
    path = write_recovery(tmp_path / "d.db", 3, HELD)
    assert path.parent == tmp_path and stat.S_IMODE(path.stat().st_mode) == 0o600
    data = json.loads(path.read_text())
    assert data["dialogue_id"] == 3 and data["database"] == str(tmp_path / "d.db")
    assert data["notes"] == [
        {"note_id": 7, "text": "Elevrådet ønsker 😊", "typed_at": "2025-03-10T09:30:00+00:00"}
    ]
    assert write_recovery(tmp_path / "d.db", 3, HELD) != path  # a second one beside it


def test_in_the_data_folder_when_the_database_folder_cannot_be_written(tmp_path, monkeypatch):
    blocked = tmp_path / "en fil"
    blocked.write_text("")  # a file where the database's folder should be
    monkeypatch.setattr(recovery, "_data_folder", lambda: tmp_path / "data")
    path = write_recovery(blocked / "d.db", 3, HELD)
    assert path.parent == tmp_path / "data"
    assert json.loads(path.read_text())["notes"][0]["text"] == HELD[0].text


def test_nowhere_to_write_is_one_error(tmp_path, monkeypatch):
    blocked = tmp_path / "en fil"
    blocked.write_text("")
    monkeypatch.setattr(recovery, "_data_folder", lambda: blocked / "data")
    with pytest.raises(StoreError):
        write_recovery(blocked / "d.db", 3, HELD)
