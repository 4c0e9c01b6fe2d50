"""The agenda list as a typist meets it (issue 14's review): a stray Esc never
eats typing, its commands sit on keys nobody types as text, a reset asks first,
its minutes keep step with the status bar and fit at 80x24."""

from __future__ import annotations

from dialog_tui import strings as S
from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp
from dialog_tui.tui.widgets.agenda_panel import AgendaPanel
from dialog_tui.tui.widgets.note_list import NoteList

from .conftest import type_text
from .test_burst import meeting
from .test_caret import screen_lines
from .test_meeting_ux import Clock, agenda_minutes, status_bar


async def stray_escape(pilot) -> None:
    """Esc on its own (not the start of Alt+key): the app's clock moves on."""
    app = pilot.app
    clock = Clock()
    app.clock = clock
    await pilot.press("escape")
    await pilot.pause()
    clock.seconds += 5


def note_texts(db_path, dialogue_id) -> list[str]:
    with Store.open(db_path) as store:
        items = store.agenda_items(dialogue_id)
        return [n.text for item in items for n in store.notes(item.id) if n.text]


async def test_typing_after_a_stray_escape_lands_in_the_note(db_path, make_dialogue):
    for size in ((80, 24), (120, 40)):
        async with meeting(db_path, make_dialogue, size=size) as (app, pilot, dialogue_id):
            await type_text(pilot, "Lærerne: ")
            await stray_escape(pilot)
            assert isinstance(app.focused, AgendaPanel)
            before = [i.id for i in app.screen.items]
            running = app.screen.session.timers.running
            await type_text(pilot, "personalet oplever Søren 0 s p n o")
            await pilot.press("backspace")
            await pilot.pause()
            assert app.screen.current == 0
            assert [i.id for i in app.screen.items] == before  # no point moved
            assert app.screen.session.timers.running == running  # the clock untouched
            assert app.screen is not None and not app.screen.is_modal
            assert app.focused is app.screen.query_one(NoteList).editor
            assert app.screen.query_one(NoteList).editor.text == (
                "Lærerne: personalet oplever Søren 0 s p n "
            )
            assert "Lærerne: personalet oplever Søren 0 s p n " in note_texts(db_path, dialogue_id)
            await stray_escape(pilot)
            await pilot.press("home", "X")
            await pilot.pause()
            assert app.screen.query_one(NoteList).editor.text.startswith("XLærerne")


async def test_agenda_list_commands_on_keys_nobody_types(db_path, make_dialogue):
    async with meeting(db_path, make_dialogue, size=(80, 24)) as (app, pilot, _):
        panel = app.screen.query_one(AgendaPanel)
        panel.focus()
        first = app.screen.items[0].id
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert app.screen.items[1].id == first
        await pilot.press("shift+up")
        await pilot.pause()
        assert app.screen.items[0].id == first
        assert "Møde 0:00 ⏸" in status_bar(app)
        await pilot.press("f8")  # the meeting clock
        await pilot.pause()
        assert "⏸" not in status_bar(app)
        await pilot.press("ctrl+f")  # status (where the terminal keeps F10)
        await pilot.pause()
        assert type(app.screen).__name__ == "StatusScreen"


async def test_agenda_minutes_keep_step_with_the_status_bar(db_path, make_dialogue):
    async with meeting(db_path, make_dialogue) as (app, pilot, _):
        clock = Clock()
        app.screen.session.timers.clock = clock
        app.screen.session.timers.since = clock()
        app.screen.query_one(AgendaPanel).focus()
        await pilot.press("f8")
        await pilot.pause()
        clock.seconds += 30
        await pilot.press("ctrl+d")  # point 2 from meeting time 0:30
        await pilot.pause()
        clock.seconds += 30  # the meeting's minute turns: point 2 has 0:30
        app.screen.tick()
        clock.seconds += 30  # point 2's minute turns, the meeting's does not
        app.screen.tick()
        planned = app.screen.items[1].planned_minutes
        assert f"Punkt 2: 1/{planned} min" in status_bar(app)
        assert agenda_minutes(app, 1) == f"1/{planned} min"


async def test_every_points_minutes_show_when_the_list_scrolls_at_80x24(db_path, make_dialogue):
    with Store.open(db_path) as store:
        dialogue_id = make_dialogue(store)
        store.add_agenda_item(dialogue_id, "Ekstra punkt", 10, position=1)
    app = DialogApp(Store.open(db_path), open_id=dialogue_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(AgendaPanel)
        items = app.screen.items
        assert len(items) == 6 and panel.max_scroll_y > 0  # the list scrolls
        x0 = panel.content_region.x
        width = panel.content_region.width
        shown = ""
        for index in range(len(items)):
            panel.highlighted = index
            await pilot.pause()
            top, bottom = panel.content_region.y, panel.content_region.bottom
            lines = [line[x0 : x0 + width] for line in screen_lines(app)[top:bottom]]
            shown += "\n".join(lines) + "\n"
        for item in items:
            assert f"0/{item.planned_minutes} min" in shown
        text = " ".join(shown.split())
        assert "4. Tanker om behov for ændret praksis 0/30 min" in text


async def test_moving_a_note_shows_the_points_lands_at_level_0_and_keeps_the_cursor(
    db_path, make_dialogue
):
    async with meeting(db_path, make_dialogue, size=(80, 24)) as (app, pilot, dialogue_id):
        await type_text(pilot, "a")
        await pilot.press("enter", "tab")
        await type_text(pilot, "b")
        await pilot.press("enter")
        await type_text(pilot, "c")
        await pilot.press("enter", "shift+tab")
        await type_text(pilot, "d")
        await pilot.press("up", "up")
        await pilot.pause()
        notes = app.screen.query_one(NoteList)
        assert notes.editor.text == "b"
        titles = [item.title for item in app.screen.items]
        await pilot.press("ctrl+f")
        await pilot.pause()
        shown = "\n".join(screen_lines(app))
        assert "3. Tanker om behov for ændret praksis" in shown  # the numbers to type
        assert "5. " + titles[4][:20] in shown
        await type_text(pilot, "3")
        await pilot.press("enter")
        await pilot.pause()
        assert notes.editor.text == "c"  # where the moved note was
        with Store.open(db_path) as store:
            items = store.agenda_items(dialogue_id)
            first = [(n.text, n.level) for n in store.notes(items[0].id)]
            third = [(n.text, n.level) for n in store.notes(items[2].id) if n.text]
        assert first == [("a", 0), ("c", 1), ("d", 0)]
        assert third == [("b", 0)]
        await pilot.press("ctrl+z")  # undo: back in place, at its level
        await pilot.pause()
        with Store.open(db_path) as store:
            first = [(n.text, n.level) for n in store.notes(items[0].id)]
        assert first == [("a", 0), ("b", 1), ("c", 1), ("d", 0)]


async def test_leaving_the_meeting_leaves_its_clock_running(db_path, make_dialogue):
    async with meeting(db_path, make_dialogue) as (app, pilot, dialogue_id):
        clock = Clock()
        app.left_running.clock = clock
        app.screen.query_one(AgendaPanel).focus()
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("ctrl+l")  # back to the list to look something up
        await pilot.pause()
        clock.seconds += 180
        await pilot.press("enter")  # and back into the meeting
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingScreen"
        assert "⏸" not in status_bar(app)  # it runs on
        assert "Møde 0:03" in status_bar(app)
        said = [n.message for n in app._notifications]
        # One account of the time away: counted, not "the time closed is not counted".
        assert S.MEETING_CLOCK_RAN_ON.format(minutes=3) in said
        assert S.MEETING_CLOCK_RESUMED not in said
        assert "fortsat" not in status_bar(app)
        with Store.open(db_path) as store:
            assert store.agenda_items(dialogue_id)[0].elapsed_seconds >= 180


async def test_status_bar_shows_the_checklist_saved_and_the_planned_end(db_path, make_dialogue):
    from datetime import time

    for size, plan in (
        ((120, 40), "slut 12:30 · 108 min tilbage"),
        ((80, 24), "108 min til slut"),
    ):
        with Store.open(db_path) as store:
            dialogue_id = make_dialogue(store, starts_at=time(10, 0))  # 150 planned minutes
        app = DialogApp(Store.open(db_path), open_id=dialogue_id)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            bar = status_bar(app)
            assert "Tjekliste 0/6" in bar and "Gemt" in bar and plan in bar
            assert len(bar) <= size[0]
    with Store.open(db_path) as store:
        dialogue_id = make_dialogue(store, starts_at=time(9, 0), ends_at=time(10, 30))
    app = DialogApp(Store.open(db_path), open_id=dialogue_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "slut 10:30 · +12 min over" in status_bar(app)


async def test_status_bar_follows_the_checklist_opened_from_the_status_dialog(
    db_path, make_dialogue
):
    async with meeting(db_path, make_dialogue, size=(80, 24)) as (app, pilot, _):
        meeting_screen = app.screen
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("a")  # held: the unticked points first
        await pilot.pause()
        await pilot.press("t")  # to the checklist, over the status dialog
        await pilot.pause()
        assert type(app.screen).__name__ == "ChecklistScreen"
        await pilot.press("space")
        await pilot.pause()
        meeting_screen.tick()
        bar = str(meeting_screen.query_one("#status").render())
        assert "Tjekliste 1/6" in bar


async def test_status_bar_fits_80_columns_with_a_planned_end(db_path, make_dialogue):
    from datetime import time

    with Store.open(db_path) as store:
        dialogue_id = make_dialogue(store, starts_at=time(9, 0), ends_at=time(11, 0))
    app = DialogApp(Store.open(db_path), open_id=dialogue_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = status_bar(app)
        assert "18 min til slut" in bar and "✓ Gemt" in bar and len(bar) <= 80
