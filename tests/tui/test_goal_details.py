"""Goal details (F9) as the facilitator meets it: F3 only tags, the form shows
every label at 80x24, and a bad answer puts the cursor where it must be fixed."""

from __future__ import annotations

from datetime import date

import pytest

from dialog_tui import strings as S
from dialog_tui.model import GoalDetails
from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp
from dialog_tui.tui.screens.goal_details import GoalDetailsScreen

from .conftest import settle, type_text


@pytest.fixture
def store_with_goal(db_path, make_dialogue):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store, "Skovskolen", date(2025, 3, 10))
    item_id = store.agenda_items(dialogue_id)[0].id
    note = store.add_note(item_id, "Læsning løftes i 4. årgang. " * 6, tags=["goal"])
    store.set_goal(note.id, GoalDetails(indicator="Sikre læsere", baseline="62 %"))
    store.set_note_text(note.id, note.text)  # the last edited: where the meeting opens
    yield store, dialogue_id, item_id
    store.close()


def painted(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_every_label_title_and_keys_are_in_view(store_with_goal, size):
    store, dialogue_id, _ = store_with_goal
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f9")
        await settle(pilot)
        assert isinstance(app.screen, GoalDetailsScreen)
        shown = painted(app)
        for line in (S.KEY_GOAL_DETAILS, S.GOAL_INDICATOR, S.GOAL_BASELINE, S.GOAL_KEYS):
            assert line in shown


async def test_f3_tags_and_typing_goes_on_in_the_note(store_with_goal):
    """F3 in the middle of typing: the note is a goal, nothing typed lands in a form."""
    store, dialogue_id, item_id = store_with_goal
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("end", "enter")
        await type_text(pilot, "Flere elever")
        await pilot.press("f3")
        await type_text(pilot, " i ungdomsuddannelse")
        await settle(pilot)
        assert not isinstance(app.screen, GoalDetailsScreen)
        assert any(n.message == S.GOAL_F9_HINT for n in app._notifications)
    last = store.notes(item_id)[-1]
    assert (last.text, last.tags, last.goal) == (
        "Flere elever i ungdomsuddannelse",
        ["goal"],
        None,
    )


async def test_a_bad_date_puts_the_cursor_in_the_date_field(store_with_goal):
    store, dialogue_id, _ = store_with_goal
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f9")
        await settle(pilot)
        app.screen.query_one("#due").focus()
        await type_text(pilot, "juni 2027")
        await pilot.press("tab")  # on to the theme field, then save from there
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GoalDetailsScreen)
        assert S.FORM_BAD_DATE in painted(app)
        assert app.focused is app.screen.query_one("#due")
