"""What the facilitator sees of the note being typed (issue 14, a reviewer's tmux
trial): the caret's lines of a long last note are on the screen as soon as a
point is entered or a dialogue opened; a tag's marker rewraps the note at once;
Up/Down walk the wrapped lines of a note before leaving it."""

from __future__ import annotations

import pytest

from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp
from dialog_tui.tui.widgets.note_list import NoteList
from dialog_tui.tui.widgets.note_row import wrap_text

from .conftest import type_text
from .test_caret import SIZES, caret_in_view, screen_lines

ENDING = "forvaltningen melder tilbage om pladser og datoer til alle skoleledere i kommunen."
LONG_NOTE = (
    "Skolen har i år arbejdet med læsebånd i alle årgange, og lærerne oplever at "
    "eleverne læser mere og med større udholdenhed end sidste år. " * 6 + ENDING
)
"""About 16 lines in the notes panel at 80x24, ending on the reviewer's words."""


@pytest.fixture
def long_last_note(db_path, make_dialogue):
    """Point 3 ends on a long note (the one last edited, so the meeting opens on
    it); points 2 and 4 have a short tagged note each (a wider gutter, so the
    editor's width changes on entering point 3)."""
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    items = store.agenda_items(dialogue_id)
    store.add_note(items[1].id, "Punkt to", tags=["goal"], internal=True)
    store.add_note(items[3].id, "Punkt fire", tags=["agreement", "attention"])
    for i in range(4):
        store.add_note(items[2].id, f"Kort note {i + 1}")
    store.add_note(items[2].id, LONG_NOTE)
    yield store, dialogue_id
    store.close()


async def _from_point(pilot, index: int, *keys: str) -> None:
    await pilot.pause()
    await pilot.app.screen.go_to(index)
    await pilot.pause()
    for key in keys:
        await pilot.press(key)


ENTER_POINT_3 = {
    "opened": lambda pilot: pilot.pause(),
    "ctrl+l enter": lambda pilot: _from_point(pilot, 2, "ctrl+l", "enter"),
    "agenda list": lambda pilot: _from_point(pilot, 1, "escape", "down", "enter"),
    "ctrl+d": lambda pilot: _from_point(pilot, 1, "ctrl+d"),
    "ctrl+u": lambda pilot: _from_point(pilot, 3, "ctrl+u"),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("action", ENTER_POINT_3)
async def test_a_long_last_note_shows_its_caret_line_on_entering(long_last_note, size, action):
    """Right after entering, before any other key."""
    store, dialogue_id = long_last_note
    async with DialogApp(store, open_id=dialogue_id).run_test(size=size) as pilot:
        await ENTER_POINT_3[action](pilot)
        await pilot.pause()
        notes = pilot.app.screen.query_one(NoteList)
        assert notes.editor.has_focus and notes.editor.text == LONG_NOTE
        assert caret_in_view(notes), (notes.editor.cursor_screen_offset, notes.region)
        shown = "\n".join(screen_lines(pilot.app))
        assert "kommunen." in shown, shown


TAGGED = {
    "f7": "Husk at spørge til sygefraværet i SFO næste gang.",
    "f2": "Trivselsmålingen viser et fald i 9. klasse i år igen.",
    "f4": "Opmærksomhed på overgangen fra indskoling til mellemtrinnet.",
}
"""The reviewer's lines: each fits beside a bare bullet at 80x24, not beside the
marker the key adds."""


@pytest.mark.parametrize("key", TAGGED)
async def test_a_tag_rewraps_the_note_at_once(db_path, make_dialogue, key):
    """Tagging right after typing: the screen shows the note wrapped beside its
    new marker (as it is drawn when the cursor is elsewhere), not the old wrap."""
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    store.add_note(store.agenda_items(dialogue_id)[0].id, "Første note")
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("end", "enter")
        await type_text(pilot, TAGGED[key])
        await pilot.press(key)
        await pilot.pause()
        tagged = screen_lines(app)[1:-3]  # the columns, without the bars
        await pilot.press("up")  # the tagged note is drawn as lines now
        await pilot.pause()
        assert tagged == screen_lines(app)[1:-3]
        words = TAGGED[key].split()
        # Each word whole on one line: the wrap is the marker's, not a cut.
        assert all(any(f" {w}" in line for line in tagged) for w in words), tagged
    assert store.notes(store.agenda_items(dialogue_id)[0].id)[1].text == TAGGED[key]
    store.close()


WRAPPED = (
    "Ledelsen følger op på handleplanen for inklusion sammen med PPR, og "
    "teamene får sparring hver anden uge frem til sommerferien."
)
"""Three lines beside a bullet at 80x24 (53 cells)."""


@pytest.fixture
def dialogue(db_path, make_dialogue):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    yield store, dialogue_id
    store.close()


async def _walk(dialogue, start: int, *keys: str) -> tuple[list[str], int]:
    """Point 1 gets a short note, a note of three wrapped lines, a short note; the
    keys are pressed from the end of note ``start`` at 80x24. The notes' texts as
    saved, and the width the editor wraps at."""
    store, dialogue_id = dialogue
    item = store.agenda_items(dialogue_id)[0]
    notes = [store.add_note(item.id, text) for text in ("Før", WRAPPED, "Efter")]
    async with DialogApp(store, open_id=dialogue_id).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.app.screen.go_to(0, notes[start].id)
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        width = pilot.app.screen.query_one(NoteList).editor.wrap_width
    return [note.text for note in store.notes(item.id)], width


async def test_down_walks_the_wrapped_lines_of_a_note(dialogue):
    # Line 2 of the wrapped note: from the start of the note above, Down twice.
    texts, width = await _walk(dialogue, 0, "home", "down", "down", "Q")
    line_one = wrap_text(WRAPPED, width)[0]
    assert texts == ["Før", line_one + "Q" + WRAPPED[len(line_one) :], "Efter"]


async def test_up_walks_the_wrapped_lines_keeping_the_column(dialogue):
    # From the end of line 3 up to line 1, then down and up again at column 3.
    keys = ("up", "up", "home", "right", "right", "right", "down", "up", "Q")
    texts, _ = await _walk(dialogue, 1, *keys)
    assert texts == ["Før", WRAPPED[:3] + "Q" + WRAPPED[3:], "Efter"]


async def test_up_and_down_leave_the_note_from_its_first_and_last_line(dialogue):
    # Down leaves at once; back in (at the end), three Ups reach line 1.
    keys = ("down", "1", "up", "up", "up", "2", "up", "3")
    (before, marked, after), width = await _walk(dialogue, 1, *keys)
    assert (before, after) == ("Før3", "1Efter")
    assert marked.replace("2", "") == WRAPPED
    assert marked.index("2") < len(wrap_text(WRAPPED, width)[0]), marked  # on line 1
