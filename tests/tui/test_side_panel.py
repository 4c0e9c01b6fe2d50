"""The side panel's "Markeret indtil nu": long goals wrap inside the panel (a
hanging indent), and the panel scrolls by key while the caret stays in the note
being typed (Ctrl+Y pages before it hides; Alt+PgDn/PgUp)."""

from __future__ import annotations

import pytest

from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp
from dialog_tui.tui.widgets.note_list import NoteList
from dialog_tui.tui.widgets.side_panel import SidePanel

from .conftest import type_text

LONG_GOAL = (
    "Alle elever i udskolingen læser dagligt i mindst tyve minutter, og læsebåndet "
    "evalueres med elevrådet hvert halve år"
)


@pytest.fixture
def many_goals(db_path, make_dialogue):
    """A dialogue with 30 long goals in its first point, the last a plain note."""
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    item = store.agenda_items(dialogue_id)[0]
    for i in range(30):
        store.add_note(item.id, f"Mål {i + 1}: {LONG_GOAL}", tags=["goal"])
    store.add_note(item.id, "Her skrives")
    yield store, dialogue_id
    store.close()


def panel_lines(app) -> list[str]:
    """The side panel's lines as on the screen, border included."""
    side = app.screen.query_one(SidePanel)
    lines = [strip.text for strip in app.screen._compositor.render_strips()]
    return [
        line[side.region.x : side.region.right]
        for line in lines[side.region.y : side.region.bottom]
    ]


def caret_in_view(app) -> bool:
    notes = app.screen.query_one(NoteList)
    x, y = notes.editor.cursor_screen_offset
    return notes.editor.has_focus and notes.scrollable_content_region.contains(x, y)


async def test_a_long_goal_wraps_inside_the_panel(many_goals):
    store, dialogue_id = many_goals
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lines = panel_lines(app)
        assert all(line.endswith("│") for line in lines[1:-1])  # nothing over the border
        inner = [line.strip("│").strip() for line in lines]
        start = next(i for i, line in enumerate(inner) if line.startswith("MÅL  1."))
        end = next(i for i in range(start + 1, len(inner)) if inner[i].startswith("MÅL"))
        assert " ".join(inner[start:end]) == f"MÅL  1. Mål 1: {LONG_GOAL}"  # whole, in order
        body = [line.strip("│")[1:] for line in lines[start + 1 : end]]  # inside padding
        indents = {len(line) - len(line.lstrip()) for line in body}
        assert len(indents) == 1 and indents.pop() >= 2  # hanging, not under the marker


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_ctrl_y_pages_through_the_panel_then_hides_it(many_goals, size):
    store, dialogue_id = many_goals
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        side = app.screen.query_one(SidePanel)
        if size == (80, 24):  # hidden at 80 columns until asked for
            assert not side.display
            await pilot.press("ctrl+y")
            await pilot.pause()
        assert side.display
        assert not any("Mål 30:" in line for line in panel_lines(app))
        seen = False
        for _ in range(60):  # each press a page on; the one after the end hides it
            seen = seen or any("Mål 30:" in line for line in panel_lines(app))
            await pilot.press("ctrl+y")
            await pilot.pause()
            assert caret_in_view(app)
            if not side.display:
                break
        assert seen and not side.display
        await pilot.press("ctrl+y")  # and comes back from the top
        await pilot.pause()
        assert side.display and side.scroll_y == 0
        await type_text(pilot, " videre")
        await pilot.pause()
        assert caret_in_view(app)
        item = store.agenda_items(dialogue_id)[0]
        assert store.notes(item.id)[-1].text == "Her skrives videre"


async def test_alt_page_keys_scroll_the_panel_and_typing_goes_on(many_goals):
    store, dialogue_id = many_goals
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        side = app.screen.query_one(SidePanel)
        first = panel_lines(app)
        await pilot.press("alt+pagedown")
        await pilot.pause()
        assert side.scroll_y > 0 and panel_lines(app) != first
        assert caret_in_view(app)
        await pilot.press("alt+pageup")
        await pilot.pause()
        assert side.scroll_y == 0 and panel_lines(app) == first
        await type_text(pilot, "!")
        await pilot.pause()
        item = store.agenda_items(dialogue_id)[0]
        assert store.notes(item.id)[-1].text == "Her skrives!"
