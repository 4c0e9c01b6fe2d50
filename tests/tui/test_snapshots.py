"""The three main screens at 80x24 and 120x40. Update with --snapshot-update and look."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dialog_tui import yearly
from dialog_tui.model import GoalDetails
from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp

from .conftest import no_blink, settle

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
    await settle(pilot)  # worker threads (search, goal history) have drawn their results
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


# --- Year over year ----------------------------------------------------------


@pytest.fixture
def yearly_store(filled_store):
    """Skovskolen 2025 followed up in 2026: one item met, one carried on, one open."""
    store, dialogue_id = filled_store
    new_id = yearly.start_followup(store, dialogue_id, date(2026, 3, 9))
    goal, attention = store.followups(new_id)
    store.update_followup(goal.id, status="delvist opfyldt", reached="70 %", comment="Tæt på")
    store.carry_on(goal.id)
    store.update_followup(attention.id, status="opfyldt")
    checklist = store.get_dialogue(new_id).checklist
    for item in checklist[:4]:
        store.set_checklist_done(item.id, True)
    yield store, new_id


def keys(*pressed: str, wait_for_search: bool = False):
    async def run_before(pilot) -> None:
        await pilot.pause()
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()
        if wait_for_search:
            while pilot.app.screen.timer is not None:
                await pilot.pause(0.05)
        await _settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_followups(snap_compare, yearly_store, size):
    store, new_id = yearly_store
    app = DialogApp(store, open_id=new_id)
    assert snap_compare(app, terminal_size=size, run_before=keys("ctrl+o"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_checklist(snap_compare, yearly_store, size):
    store, new_id = yearly_store
    app = DialogApp(store, open_id=new_id)
    assert snap_compare(app, terminal_size=size, run_before=keys("ctrl+k"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_status_unticked(snap_compare, yearly_store, size):
    store, new_id = yearly_store
    app = DialogApp(store, open_id=new_id)
    assert snap_compare(app, terminal_size=size, run_before=keys("f10", "a"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_search(snap_compare, yearly_store, size):
    store, _ = yearly_store
    typed = keys("ctrl+f", "l", "æ", "s", "asterisk", wait_for_search=True)
    assert snap_compare(DialogApp(store), terminal_size=size, run_before=typed)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_goal_history(snap_compare, yearly_store, size):
    store, _ = yearly_store
    # The list's newest row is the 2026 follow-up of Skovskolen.
    assert snap_compare(DialogApp(store), terminal_size=size, run_before=keys("ctrl+g"))


def test_meeting_in_16_colours(snap_compare, filled_store, monkeypatch):
    """TERM=xterm: the terminal's own colours; the note being typed stands out."""
    store, dialogue_id = filled_store
    monkeypatch.setattr(DialogApp, "few_colours", lambda self: True)
    app = DialogApp(store, open_id=dialogue_id)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settle)


async def _goal_details(pilot) -> None:
    await _settle(pilot)
    await pilot.press("f9")
    await _settle(pilot)


def test_goal_details_modal_at_80x24(snap_compare, filled_store):
    store, dialogue_id = filled_store
    app = DialogApp(store, open_id=dialogue_id)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_goal_details)


MODAL_KEYS = {
    "participants": ["ctrl+t"],
    "status": ["f10"],
    "new_point": ["ctrl+n"],
    "speaker": ["ctrl+j"],
    "help": ["f1"],
    "delete_point": ["escape", "down", "delete"],
}


@pytest.mark.parametrize("modal", MODAL_KEYS)
def test_modal_at_80x24(snap_compare, filled_store, modal):
    """Every modal of the meeting fits 80x24: its title and keys in view. (Export:
    its paths are the machine's; tests/tui/test_meeting_ux.py checks it fits.)"""
    store, dialogue_id = filled_store

    async def open_it(pilot) -> None:
        await _settle(pilot)
        for key in MODAL_KEYS[modal]:
            await pilot.press(key)
            await pilot.pause(0.1)  # Esc: until it is known to be only Esc
        await _settle(pilot)

    app = DialogApp(store, open_id=dialogue_id)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_it)


@pytest.fixture
def fixed_paths(monkeypatch, tmp_path):
    """The export and overview screens suggest files in the user's home folder and
    read the config folder: the same in every snapshot, on every machine."""
    from dialog_tui.export import style
    from dialog_tui.tui import settings
    from dialog_tui.tui.screens import export, overview

    home = Path("/home/rektor")
    monkeypatch.setattr(export, "in_home", lambda name: home / name)
    monkeypatch.setattr(overview, "in_home", lambda name: home / name)
    monkeypatch.setattr(settings, "config_dir", lambda: tmp_path / "config")
    monkeypatch.setattr(export, "user_template", lambda: None)
    monkeypatch.setattr(style, "config_dir", lambda: home / ".config" / "dialog-tui")


MORE_MODAL_KEYS = {  # (from the list or the meeting, keys)
    "rename_point": (True, ["ctrl+r"]),
    "move_note": (True, ["ctrl+f"]),
    "header": (True, ["f12"]),
    "export": (True, ["ctrl+e"]),
    "overview": (False, ["ctrl+y"]),
    "confirm_to_bin": (False, ["ctrl+d"]),
}  # (Ctrl+O on the list: the same prompt, but with today's date in it)


@pytest.mark.parametrize("modal", MORE_MODAL_KEYS)
def test_more_modals_at_80x24(snap_compare, filled_store, fixed_paths, modal):
    """Title and keys in view at 80x24; the fields scroll between them."""
    store, dialogue_id = filled_store
    in_meeting, pressed = MORE_MODAL_KEYS[modal]
    app = DialogApp(store, open_id=dialogue_id if in_meeting else None)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys(*pressed))


def test_speaker_completion_at_80x24(snap_compare, filled_store):
    """``@b`` in a note: the matching participants under the caret, the keys below."""
    store, dialogue_id = filled_store
    app = DialogApp(store, open_id=dialogue_id)

    async def typed(pilot) -> None:
        await keys("enter", "O", "m", "space", "@", "b")(pilot)
        pilot.app.screen.saved_at = ""  # "saved at" is the wall clock
        pilot.app.screen.tick()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=typed)
