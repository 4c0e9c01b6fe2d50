"""Notes drawn as lines wrap exactly as the note editor (Textual's TextArea) wraps
them, the fast path included, so nothing moves when the cursor reaches a note."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest
from textual._wrap import compute_wrap_offsets

from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp
from dialog_tui.tui.widgets.note_list import NoteList
from dialog_tui.tui.widgets.note_row import TAB_SIZE, wrap_text

WORDS = ["læsning", "trivsel", "i", "skolen", "5.", "årgang", "elevernes", "—", "ok,",
         "udskolingsforløbsevalueringsrapporten", "学校", "a\tb", "  ", "x" * 30]  # fmt: skip


def general(text: str, width: int) -> list[str]:
    pieces = []
    for line in text.split("\n"):
        offsets = compute_wrap_offsets(line, width, tab_size=TAB_SIZE)
        pieces += [line[a:b] for a, b in pairwise([0, *offsets, len(line)])] or [""]
    return pieces


@pytest.mark.parametrize("seed", range(20))
def test_wrapping_matches_the_editor(seed):
    rng = random.Random(seed)
    for _ in range(50):
        words = rng.choices(WORDS, k=rng.randint(0, 40))
        text = "".join(w + rng.choice([" ", " ", "  ", "\n", ""]) for w in words)
        width = rng.randint(1, 80)
        assert wrap_text(text, width) == general(text, width), (text, width)


# --- A long point: only the notes near the editor are wrapped at once --------

LONG = "Eleverne læser mere i udskolingen, og læsebåndet virker efter hensigten. "


@pytest.fixture
def big_point(db_path, make_dialogue):
    """A point of 300 notes of one to four lines; the meeting opens on the last."""
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    item = store.agenda_items(dialogue_id)[0]
    for i in range(300):
        store.add_note(item.id, f"Note {i + 1}. " + LONG * (i % 4))
    yield store, dialogue_id
    store.close()


def notes_panel(app) -> list[str]:
    """The notes panel's lines as on the screen."""
    notes = app.screen.query_one(NoteList)
    region = notes.scrollable_content_region
    lines = [strip.text for strip in app.screen._compositor.render_strips()]
    return [line[region.x : region.right].rstrip() for line in lines[region.y : region.bottom]]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_opening_a_long_point_wraps_only_the_notes_near_the_editor(big_point, size):
    store, dialogue_id = big_point
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        notes = app.screen.query_one(NoteList)
        assert "Note 300. " in notes.editor.text
        assert len(notes.above.wrapper._cache) < 100  # of 299 notes above the editor
        assert any(line.startswith("• Note 299. ") for line in notes_panel(app))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_scrolling_up_a_long_point_shows_its_first_notes_whole(big_point, size):
    """Estimated notes are wrapped when scrolled to: the first notes read as they
    were written, every line of them; a key brings the caret back into view."""
    store, dialogue_id = big_point
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        notes = app.screen.query_one(NoteList)
        notes.scroll_home(animate=False, immediate=True)  # the scrollbar dragged up
        await pilot.pause()
        shown = notes_panel(app)
        expected = notes.above.plain_lines()[: len(shown)]
        assert shown == expected  # every line where exact wrapping puts it
        assert shown[0] == "• Note 1."
        assert shown[1].startswith("• Note 2. Eleverne læser")
        await pilot.press("x")
        await pilot.pause()
        x, y = notes.editor.cursor_screen_offset
        assert notes.scrollable_content_region.contains(x, y)
        assert store.notes(store.agenda_items(dialogue_id)[0].id)[-1].text.endswith("x")
