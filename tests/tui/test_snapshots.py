"""The three main screens at 80x24 and 120x40. Update with --snapshot-update and look."""

from __future__ import annotations

from datetime import date

import pytest

from dialog_tui.model import GoalDetails
from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp

from .conftest import no_blink

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def filled_store(db_path, make_dialogue):
    store = Store.open(db_path)
    make_dialogue(store, "Engskolen", date(2024, 4, 2))
    dialogue_id = make_dialogue(store, "Skovskolen", date(2025, 3, 10))
    items = store.agenda_items(dialogue_id)
    store.add_note(
        items[0].id, "Skolelederen gennemgik skoleplanen for 2024-25.", kind="paragraph"
    )
    store.add_note(items[0].id, "Psykologisk tryghed er et fælles udgangspunkt.")
    note = store.add_note(items[0].id, "Læsning løftes i 4. årgang.", level=1, tags=["goal"])
    store.set_goal(note.id, GoalDetails(indicator="Sikre læsere", baseline="62 %", target="75 %"))
    store.add_note(items[0].id, "Fraværet er faldet tre år i træk.", tags=["observation"])
    store.add_note(items[0].id, "Økonomisk støtte tættere på.", tags=["attention", "trivsel"])
    store.set_note_text(note.id, "Læsning løftes i 4. årgang.")
    yield store, dialogue_id
    store.close()


async def _settle(pilot) -> None:
    await pilot.pause()
    no_blink(pilot.app)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_dialogue_list(snap_compare, filled_store, size):
    store, _ = filled_store
    assert snap_compare(DialogApp(store), terminal_size=size, run_before=_settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_new_dialogue_form(snap_compare, filled_store, size):
    store, _ = filled_store
    assert snap_compare(DialogApp(store, new=True), terminal_size=size, run_before=_settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_meeting(snap_compare, filled_store, size):
    store, dialogue_id = filled_store
    app = DialogApp(store, open_id=dialogue_id)
    assert snap_compare(app, terminal_size=size, run_before=_settle)
