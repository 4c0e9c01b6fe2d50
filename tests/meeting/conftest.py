"""A real store on a temporary database, with writes that fail on demand, for the
meeting's session and notes controller (no Textual)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from dialog_tui.agenda import load_agenda
from dialog_tui.errors import StoreError
from dialog_tui.model import Dialogue
from dialog_tui.store import Store
from dialog_tui.tui.notes import NotesController
from dialog_tui.tui.session import MeetingSession


class Flaky:
    """A store whose named methods raise the error set in ``fail`` (else the real one)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.fail: dict[str, Exception] = {}

    def __getattr__(self, name: str):
        if name in self.fail:

            def broken(*args, **kwargs):
                raise self.fail[name]

            return broken
        return getattr(self._store, name)


class FakeClock:
    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


DISK_FULL = StoreError("disken er fuld")
NOW = datetime(2025, 3, 10, 9, 30).astimezone()  # the store returns aware local times


@pytest.fixture
def dialogue_id(store: Store) -> int:
    agenda = load_agenda("standard")
    return store.create_dialogue(
        Dialogue(school="Skovskolen", held_on=date(2025, 3, 10), agenda=agenda.agenda_items())
    )


@pytest.fixture
def flaky(store: Store) -> Flaky:
    return Flaky(store)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def reports() -> list[str]:
    return []


@pytest.fixture
def session(flaky: Flaky, dialogue_id: int, clock: FakeClock, reports: list[str]):
    session = MeetingSession(flaky, dialogue_id, clock=clock, now=lambda: NOW)
    session.report = reports.append
    session.on_read_only = reports.append
    session.open()
    return session


@pytest.fixture
def notes(flaky: Flaky, session: MeetingSession) -> NotesController:
    controller = NotesController(flaky, session)
    controller.load(session.item.id)
    return controller
