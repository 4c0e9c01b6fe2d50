"""Two instances on one dialogue: the second is told and cannot overwrite."""

from __future__ import annotations

import subprocess
import sys

from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp
from dialog_tui.tui.widgets.note_list import NoteList

from .conftest import type_text


def test_lock_is_exclusive_and_released(db_path, make_dialogue):
    first, second = Store.open(db_path), Store.open(db_path)
    dialogue_id = make_dialogue(first)
    assert first.acquire_edit_lock(dialogue_id) is None
    assert first.acquire_edit_lock(dialogue_id) is None  # re-entrant for its holder
    holder = second.acquire_edit_lock(dialogue_id)
    assert holder is not None and holder.pid > 0
    first.release_edit_lock(dialogue_id)
    assert second.acquire_edit_lock(dialogue_id) is None
    first.close()
    second.close()


def test_a_lock_left_by_a_killed_process_is_taken_over(db_path, make_dialogue):
    with Store.open(db_path) as store:
        dialogue_id = make_dialogue(store)
    code = (
        "import sys; from dialog_tui.store import Store;"
        f"s = Store.open({str(db_path)!r}); assert s.acquire_edit_lock({dialogue_id}) is None"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)  # exits holding it
    with Store.open(db_path) as store:
        assert store.acquire_edit_lock(dialogue_id) is None


def held_elsewhere(db_path, make_dialogue) -> tuple[Store, Store, int, DialogApp]:
    """A dialogue whose lock a first instance holds, and a second app opening it."""
    first = Store.open(db_path)
    dialogue_id = make_dialogue(first)
    assert first.acquire_edit_lock(dialogue_id) is None
    second = Store.open(db_path)
    return first, second, dialogue_id, DialogApp(second, open_id=dialogue_id)


async def test_second_app_opens_read_only_and_says_why(db_path, make_dialogue):
    first, second, dialogue_id, app = held_elsewhere(db_path, make_dialogue)
    note = first.add_note(first.agenda_items(dialogue_id)[0].id, "Skrevet i første vindue")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.read_only
        assert "kun læsning" in str(screen.query_one("#status").render())
        assert any("åben til redigering et andet sted" in n.message for n in app._notifications)
        await type_text(pilot, "overskriv")
        await pilot.press("enter", "f3")
        assert screen.query_one(NoteList).note.text == "Skrevet i første vindue"
    assert [n.text for n in first.notes(first.agenda_items(dialogue_id)[0].id)] == [
        "Skrevet i første vindue"
    ]
    assert first.get_note(note.id).tags == []
    first.close()
    second.close()


async def test_read_only_until_the_other_window_closes_then_editable(db_path, make_dialogue):
    """Reopened while the old window was still exiting: the meeting turns editable
    once it is gone, with what it left, without quitting and reopening."""
    first, second, dialogue_id, app = held_elsewhere(db_path, make_dialogue)
    item_id = first.agenda_items(dialogue_id)[0].id
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        await screen.retake_lock()
        assert screen.read_only  # still held
        first.add_note(item_id, "Skrevet lige før lukning")
        first.release_edit_lock(dialogue_id)
        await screen.retake_lock()
        await pilot.pause()
        assert not screen.read_only
        assert "kun læsning" not in str(screen.query_one("#status").render())
        assert any("kan redigeres her nu" in n.message for n in app._notifications)
        painted = "\n".join(s.text for s in screen._compositor.render_strips())
        assert "Skrevet lige før lukning" in painted
        await pilot.press("end", "enter")
        await type_text(pilot, "Nu her")
    assert [n.text for n in first.notes(item_id)][-1] == "Nu her"
    first.close()
    second.close()
