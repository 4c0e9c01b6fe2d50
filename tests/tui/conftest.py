from __future__ import annotations

from datetime import date

import pytest

from dialog_tui.agenda import load_agenda
from dialog_tui.model import Dialogue, Participant
from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp


def no_blink(app: DialogApp) -> None:
    """Blinking cursors make snapshots flaky."""
    for widget in app.screen.query("Input, TextArea"):
        widget.cursor_blink = False


@pytest.fixture
def make_dialogue():
    def make(store: Store, school="Skovskolen", held_on=date(2025, 3, 10), **extra) -> int:
        agenda = load_agenda("standard")
        return store.create_dialogue(
            Dialogue(
                school=school,
                held_on=held_on,
                case_number="17.01.00-G01-1-25",
                case_handler="OKW",
                agenda=agenda.agenda_items(),
                checklist=agenda.checklist_items(),
                participants=[
                    Participant(name="Anna Jensen", role="skoleleder", organisation=school),
                    Participant(name="Bo Holm", role="AMR", organisation=school),
                ],
                **extra,
            )
        )

    return make


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


async def settle(pilot) -> None:
    """Until every worker thread (export, overview, search, goal history) is done and
    its result is on the screen."""
    await pilot.app.workers.wait_for_complete()


async def follow_up_from_list(pilot, app, when: str) -> None:
    """Ctrl+O on the selected dialogue, the date typed over the suggested one."""
    from textual.widgets import Input

    await pilot.press("ctrl+o")
    await pilot.pause()
    app.screen.query_one(Input).value = ""
    await type_text(pilot, when)
    await pilot.press("enter")
    await pilot.pause()


async def toggle_clock(pilot) -> None:
    """F8 in the agenda list starts, pauses and resumes the meeting clock."""
    from dialog_tui.tui.widgets.agenda_panel import AgendaPanel
    from dialog_tui.tui.widgets.note_list import NoteList

    screen = pilot.app.screen
    screen.query_one(AgendaPanel).focus()
    await pilot.press("f8")
    await pilot.pause()
    screen.query_one(NoteList).editor.focus()
    await pilot.pause()


@pytest.fixture(autouse=True)
def quarter_to_eleven(monkeypatch):
    """The status bar's "kl." is the wall clock: the same in every snapshot."""
    from datetime import datetime

    from dialog_tui.tui import session

    monkeypatch.setattr(session, "local_now", lambda: datetime(2025, 3, 10, 10, 42).astimezone())
