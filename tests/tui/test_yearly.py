"""Year over year in the app: checklist, status, follow-up, search, goal history."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp
from dialog_tui.tui.screens.checklist import ChecklistScreen
from dialog_tui.tui.screens.meeting import MeetingScreen
from dialog_tui.tui.widgets.side_panel import SidePanel


def screen_text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def options_text(app, selector: str = OptionList) -> list[str]:
    options = app.screen.query_one(selector)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def done_flags(store: Store, dialogue_id: int) -> list[bool]:
    return [c.done for c in store.get_dialogue(dialogue_id).checklist]


async def test_checklist_ticks_by_key_and_saves_at_once(db_path, make_dialogue):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    total = len(store.get_dialogue(dialogue_id).checklist)
    assert total >= 5
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        side = app.screen.query_one(SidePanel)
        assert f"Tjekliste 0/{total}" in str(side.query_one("#progress", Static).render())
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        await pilot.press("space")
        assert done_flags(store, dialogue_id)[0] is True
        await pilot.press("down", "down", "enter")
        assert done_flags(store, dialogue_id)[:3] == [True, False, True]
        assert options_text(app)[2].startswith("[x] ")
        assert options_text(app)[1].startswith("[ ] ")
        await pilot.press("space")  # untick
        assert done_flags(store, dialogue_id)[:3] == [True, False, False]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert f"Tjekliste 1/{total}" in str(side.query_one("#progress", Static).render())
    store.close()


def notices(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_final_dialogue_checklist_shows_but_refuses(db_path, make_dialogue):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    store.set_status(dialogue_id, "final")
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert any("endelig og vises kun til læsning" in m for m in notices(app))
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        assert len(options_text(app)) == len(done_flags(store, dialogue_id))
        await pilot.press("space")
        await pilot.pause()
        assert not any(done_flags(store, dialogue_id))
        assert any("endelig og kan ikke ændres" in m for m in notices(app))
    store.close()
