"""The facilitator always sees what they type: after every key, note action and
point change, at 80x24 and 120x40, the caret is inside the notes panel's visible
region. And the notes drawn as lines wrap exactly as the editor does, so nothing
moves on the screen when the cursor moves from note to note."""

from __future__ import annotations

import pytest

from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp
from dialog_tui.tui.widgets.note_list import NoteList

from .conftest import type_text

SIZES = [(80, 24), (120, 40)]
LONG = "Eleverne læser mere i udskolingen, og læsebåndet virker efter hensigten. "


def screen_lines(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def caret_in_view(notes: NoteList) -> bool:
    x, y = notes.editor.cursor_screen_offset
    return notes.scrollable_content_region.contains(x, y)


@pytest.fixture
def long_point(db_path, make_dialogue):
    """A dialogue whose first point has 40 notes (the last one indented); the
    meeting opens on that last note, at the bottom of the point."""
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    first, second = store.agenda_items(dialogue_id)[:2]
    store.add_note(second.id, "Det andet punkt")
    for i in range(40):
        store.add_note(first.id, f"Note {i + 1}. " + LONG * (i % 3), level=2 if i == 39 else 0)
    yield store, dialogue_id
    store.close()


async def _agenda(pilot) -> None:
    """Enter point 1 from the agenda list (coming from point 2)."""
    await pilot.app.screen.go_to(1)
    await pilot.pause()
    for key in ("escape", "up", "enter"):
        await pilot.press(key)


async def _keys(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)


async def _to_note(pilot, key: str, number: int) -> None:
    """Up or Down (line by line through wrapped notes) until note ``number``."""
    editor = pilot.app.screen.query_one(NoteList).editor
    for _ in range(200):
        if editor.text.startswith(f"Note {number}. "):
            return
        await pilot.press(key)
    raise AssertionError(f"note {number} not reached")


async def _undo(pilot) -> None:
    await _to_note(pilot, "up", 10)
    await pilot.press("f8")
    await _to_note(pilot, "down", 20)
    await pilot.press("ctrl+z")


ACTIONS = {
    "typing": lambda pilot: type_text(pilot, "og vi skriver videre " * 12),
    "end": lambda pilot: _keys(pilot, *["up"] * 3, "end"),
    "enter": lambda pilot: _keys(pilot, "enter", "n", "y"),
    "shift+tab": lambda pilot: _keys(pilot, "shift+tab"),
    "ctrl+b": lambda pilot: _keys(pilot, "ctrl+b"),
    "f7": lambda pilot: _keys(pilot, "f7"),
    "up to the first note": lambda pilot: _to_note(pilot, "up", 1),
    "down again": lambda pilot: _keys(pilot, *["up"] * 39, *["down"] * 39),
    "agenda list": _agenda,
    "undo": _undo,
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("action", ACTIONS)
async def test_the_caret_stays_in_view(long_point, size, action):
    store, dialogue_id = long_point
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        notes = app.screen.query_one(NoteList)
        assert caret_in_view(notes)
        await ACTIONS[action](pilot)
        await pilot.pause()
        assert notes.editor.has_focus
        assert caret_in_view(notes), (notes.editor.cursor_screen_offset, notes.region)
        if action == "up to the first note":
            assert notes.editor.text == "Note 1. "
        if action == "undo":
            assert notes.editor.text.startswith("Note 10. ")  # the deleted note, back


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_typing_past_the_bottom_shows_every_line_typed(long_point, size):
    """Each key: the line being typed is on the screen with what was typed last."""
    store, dialogue_id = long_point
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        notes = app.screen.query_one(NoteList)
        for word in [f"ord{i:02d}" for i in range(40)]:
            await type_text(pilot, word + " ")
            await pilot.pause()
            assert caret_in_view(notes)
            assert any(word in line for line in screen_lines(app)), word


async def test_moving_the_cursor_moves_nothing_on_the_screen(db_path, make_dialogue):
    """A note looks the same in the editor as drawn (wrapping, hanging indent), so
    moving from note to note changes no character on the screen."""
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    item = store.agenda_items(dialogue_id)[0]
    store.add_note(item.id, LONG * 2, tags=["goal"])
    store.add_note(item.id, LONG * 3, level=1, internal=True)
    store.add_note(item.id, LONG, kind="paragraph")
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = []
        for key in ("up", "up", "down"):
            shown.append(screen_lines(app)[1:-3])  # the columns, without the bars
            await pilot.press(key)
            await pilot.pause()
        shown.append(screen_lines(app)[1:-3])
        assert all(lines == shown[0] for lines in shown)
        assert sum("MÅL" in line for line in shown[0]) == 1
    store.close()
