"""The meeting clock after reopening (issue 14): running when the app closed, it
runs again, with the minutes saved and without the time the app was closed."""

from __future__ import annotations

from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp
from dialog_tui.tui.screens.meeting import MeetingScreen

from .conftest import toggle_clock


def status_bar(app) -> str:
    return str(app.screen.query_one("#status").render())


async def test_a_running_clock_runs_again_after_reopening(db_path, make_dialogue):
    with Store.open(db_path) as store:
        dialogue_id = make_dialogue(store)
    now = [1000.0]

    store = Store.open(db_path)
    app = DialogApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(MeetingScreen(dialogue_id, clock=lambda: now[0]))
        await pilot.pause()
        await toggle_clock(pilot)  # F8 in the agenda list: the meeting starts
        now[0] += 7 * 60
        app.screen.tick()
        assert "Møde 0:07" in status_bar(app) and "⏸" not in status_bar(app)
        await pilot.press("ctrl+q")  # closed while it runs
        await pilot.pause()
    store.close()

    now[0] += 3 * 3600  # three hours closed: not counted
    store = Store.open(db_path)
    app = DialogApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(MeetingScreen(dialogue_id, clock=lambda: now[0]))
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any("kører videre" in line for line in said)
        assert "Møde 0:07 ▶ fortsat" in status_bar(app)
        now[0] += 2 * 60
        app.screen.tick()
        assert "Møde 0:09" in status_bar(app) and "⏸" not in status_bar(app)
        await toggle_clock(pilot)  # paused, then closed
        assert "Møde 0:09 ⏸ Esc F8" in status_bar(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
    store.close()

    store = Store.open(db_path)
    app = DialogApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(MeetingScreen(dialogue_id, clock=lambda: now[0]))
        await pilot.pause()
        assert "Møde 0:09 ⏸ Esc F8" in status_bar(app)
        assert not any("kører videre" in n.message for n in app._notifications)
    store.close()
