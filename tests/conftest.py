from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest

from dialog_tui.store import Store

EXAMPLE = {
    "format": "dialog-tui/1",
    "school": "Eksempelskolen",
    "municipality": "Eksempel Kommune",
    "held_on": "2025-04-04",
    "starts_at": "09:00",
    "ends_at": "12:00",
    "location": "Skolens mødelokale",
    "case_number": "17.01.00-G01-7-25",
    "case_handler": "ABC",
    "memo_date": "2025-04-08",
    "participants": [
        {
            "name": "Anna Jensen",
            "role": "skoleleder",
            "organisation": "Eksempelskolen",
            "present": True,
            "agenda_items": [1, 2],
        }
    ],
    "agenda": [
        {
            "title": "Udvalgte punkter fra skoleplanen",
            "planned_minutes": 30,
            "notes": [
                {
                    "text": "Fraværet er faldet tre år i træk.",
                    "kind": "bullet",
                    "level": 0,
                    "tags": ["observation", "tilstedevaerelse"],
                    "internal": False,
                },
                {
                    "text": "Læsning løftes i 4. årgang.",
                    "kind": "bullet",
                    "level": 1,
                    "tags": ["goal"],
                    "goal": {
                        "indicator": "Andel sikre læsere, 4. årgang",
                        "baseline": "62 %",
                        "target": "75 %",
                        "due": "2026-06-30",
                        "theme": "faglige-resultater",
                    },
                },
            ],
        }
    ],
}


@pytest.fixture
def example() -> dict:
    """The exchange example from the foundation issue, as a fresh dict."""
    return json.loads(json.dumps(EXAMPLE))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "dialogues.db"


@pytest.fixture
def store(db_path: Path):
    with Store.open(db_path) as s:
        yield s


@pytest.fixture
def no_hang():
    """A read that blocks (a FIFO opened the ordinary way) fails the test in 10 s
    instead of hanging the suite."""

    def timeout(*_):
        raise TimeoutError("hung")

    old = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@pytest.fixture(autouse=True)
def _own_config_folder(tmp_path_factory, monkeypatch):
    """The app's config folder (keymap, remembered export folder) is the test's own:
    never the user's, never shared between tests."""
    from dialog_tui.tui import settings

    folder = tmp_path_factory.mktemp("config") / "dialog-tui"
    monkeypatch.setattr(settings, "config_dir", lambda: folder)
    return folder
