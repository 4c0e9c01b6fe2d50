"""The meeting as the facilitator lives it (issue 14): the clock key, a point's
time reset, points inserted and deleted where the facilitator is, the agenda
list's cursor, attribution."""

from __future__ import annotations

from dialog_tui.store import Store
from dialog_tui.tui.screens.confirm import ConfirmScreen
from dialog_tui.tui.screens.prompt import PromptScreen
from dialog_tui.tui.widgets.agenda_panel import AgendaPanel
from dialog_tui.tui.widgets.note_list import NoteList

from .conftest import toggle_clock, type_text
from .test_burst import meeting


class Clock:
    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


def status_bar(app) -> str:
    return str(app.screen.query_one("#status").render())


async def test_clock_key_starts_pauses_and_resumes(db_path, make_dialogue):
    async with meeting(db_path, make_dialogue) as (app, pilot, _):
        clock = Clock()
        app.screen.session.timers.clock = clock
        app.screen.session.timers.since = clock()
        clock.seconds += 300  # setting up
        app.screen.tick()
        assert "Møde 0:00 ⏸ Esc P" in status_bar(app)
        assert "kl. " in status_bar(app)
        await toggle_clock(pilot)  # P in the agenda list
        await pilot.pause()
        clock.seconds += 125
        app.screen.tick()
        assert "Møde 0:02" in status_bar(app) and "⏸" not in status_bar(app)
        await toggle_clock(pilot)  # P in the agenda list
        await pilot.pause()
        clock.seconds += 600
        app.screen.tick()
        assert "Møde 0:02 ⏸ Esc P" in status_bar(app)


async def test_zero_in_the_agenda_list_resets_a_points_time(db_path, make_dialogue):
    async with meeting(db_path, make_dialogue) as (app, pilot, dialogue_id):
        clock = Clock()
        app.screen.session.timers.clock = clock
        await toggle_clock(pilot)  # P in the agenda list
        await pilot.pause()
        clock.seconds += 240
        await pilot.press("ctrl+d")  # point 1's four minutes are written
        await pilot.pause()
        with Store.open(db_path) as store:
            first = store.agenda_items(dialogue_id)[0]
        assert first.elapsed_seconds == 240
        app.screen.query_one(AgendaPanel).focus()
        app.screen.query_one(AgendaPanel).highlighted = 0
        await pilot.press("0")
        await pilot.pause()
        with Store.open(db_path) as store:
            assert store.agenda_items(dialogue_id)[0].elapsed_seconds == 0


async def test_ctrl_n_inserts_after_the_current_point(db_path, make_dialogue):
    async with meeting(db_path, make_dialogue) as (app, pilot, dialogue_id):
        await pilot.press("ctrl+d")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "Trivsel, 10")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.current == 2
        with Store.open(db_path) as store:
            items = store.agenda_items(dialogue_id)
        assert (items[2].title, items[2].planned_minutes, items[2].prompts) == ("Trivsel", 10, [])
        assert str(app.screen.query_one("#prompts").render()) == "–"


async def test_deleting_a_point_with_notes_moves_them(db_path, make_dialogue):
    async with meeting(db_path, make_dialogue) as (app, pilot, dialogue_id):
        await pilot.press("ctrl+d")
        await pilot.pause()
        await type_text(pilot, "flyt mig")
        with Store.open(db_path) as store:
            before = store.agenda_items(dialogue_id)
        app.screen.query_one(AgendaPanel).focus()
        app.screen.query_one(AgendaPanel).highlighted = 1
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        await type_text(pilot, "1")
        await pilot.press("enter")
        await pilot.pause()
        with Store.open(db_path) as store:
            after = store.agenda_items(dialogue_id)
            assert [i.id for i in after] == [before[0].id] + [i.id for i in before[2:]]
            assert "flyt mig" in [n.text for n in store.notes(before[0].id)]
        assert app.screen.current == 1  # the point after the deleted one
        assert app.screen.item.id == before[2].id


async def test_deleting_an_empty_point_asks_and_no_keeps_it(db_path, make_dialogue):
    async with meeting(db_path, make_dialogue) as (app, pilot, dialogue_id):
        with Store.open(db_path) as store:
            count = len(store.agenda_items(dialogue_id))
        app.screen.query_one(AgendaPanel).focus()
        app.screen.query_one(AgendaPanel).highlighted = 2
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        with Store.open(db_path) as store:
            assert len(store.agenda_items(dialogue_id)) == count - 1


async def test_agenda_list_keeps_its_cursor_after_the_participants(db_path, make_dialogue):
    async with meeting(db_path, make_dialogue) as (app, pilot, _):
        panel = app.screen.query_one(AgendaPanel)
        panel.focus()
        await pilot.press("down", "down", "down")
        await pilot.pause()
        assert panel.highlighted == 3
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause(0.2)
        assert app.screen.query_one(AgendaPanel).highlighted == 3
        assert app.focused is app.screen.query_one(AgendaPanel)
        assert app.screen.query_one(NoteList) is not None


async def test_ctrl_j_writes_who_said_it_at_the_caret_in_typing_order(db_path, make_dialogue):
    async with meeting(db_path, make_dialogue) as (app, pilot, dialogue_id):
        await type_text(pilot, "Om trivsel. ")
        await pilot.press("ctrl+j")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        await type_text(pilot, "bo")  # the beginning of the name is enough
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "Det går godt")
        await pilot.pause()
        assert app.screen.query_one(NoteList).note.text == "Om trivsel. Bo Holm: Det går godt"
        with Store.open(db_path) as store:
            item = store.agenda_items(dialogue_id)[0]
            assert [n.text for n in store.notes(item.id)] == ["Om trivsel. Bo Holm: Det går godt"]


async def test_f_in_participants_joins_from_the_current_point(db_path, make_dialogue):
    async with meeting(db_path, make_dialogue) as (_app, pilot, dialogue_id):
        await pilot.press("ctrl+d", "ctrl+d")  # point 3
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("down", "f")
        await pilot.pause()
        with Store.open(db_path) as store:
            people = store.participants(dialogue_id)
            count = len(store.agenda_items(dialogue_id))
        assert people[1].name == "Bo Holm"
        assert people[1].agenda_items == list(range(3, count + 1))
        assert people[0].agenda_items == []


async def test_export_path_is_selected_and_the_folder_and_template_remembered(
    db_path, make_dialogue, tmp_path
):
    from dialog_tui.tui.screens.export import ExportScreen
    from dialog_tui.tui.settings import remember

    folder = tmp_path / "referater"
    folder.mkdir()
    async with meeting(db_path, make_dialogue) as (app, pilot, _):
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await type_text(pilot, str(folder / "a.docx"))  # typing replaces the suggestion
        assert app.screen.query_one("#output").value == str(folder / "a.docx")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (folder / "a.docx").is_file()
        await pilot.press("ctrl+e")
        await pilot.pause()
        output = app.screen.query_one("#output").value
        assert output.startswith(str(folder) + "/") and output.endswith(".docx")
    remember({"export_template": str(tmp_path / "gone.docx")})  # a template since removed
    async with meeting(db_path, make_dialogue) as (app, pilot, _):
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert app.screen.query_one("#template").value == ""


async def test_goal_details_enter_on_the_theme_saves(db_path, make_dialogue):
    from dialog_tui.tui.screens.goal_details import GoalDetailsScreen

    async with meeting(db_path, make_dialogue, size=(80, 24)) as (app, pilot, _):
        await type_text(pilot, "Flere læser")
        await pilot.press("f3", "f9")
        await pilot.pause()
        assert isinstance(app.screen, GoalDetailsScreen)
        for _ in range(4):
            await pilot.press("tab")
        await pilot.pause()
        assert app.focused.id == "theme"
        # Title and keys in view at 80x24, with the theme field focused.
        title, keys = app.screen.query_one(".title"), app.screen.query_one(".muted")
        assert title.region.y >= 0 and keys.region.bottom <= 24
        assert app.screen.query_one(".fields").region.contains_region(app.focused.region)
        await type_text(pilot, "fagl")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, GoalDetailsScreen)
        note = app.screen.query_one(NoteList).note
        assert note.goal is not None and note.goal.theme == "faglige-resultater"


async def test_ctrl_y_shows_the_side_panel_at_80_columns(db_path, make_dialogue):
    async with meeting(db_path, make_dialogue, size=(80, 24)) as (app, pilot, _):
        side = app.screen.query_one("#side")
        assert not side.display
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert side.display and side.region.width > 0
        notes = app.screen.query_one(NoteList)
        assert notes.region.width >= 25  # room left to type
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert not side.display


async def test_export_form_fits_80x24(db_path, make_dialogue):
    from dialog_tui.tui.screens.export import ExportScreen

    async with meeting(db_path, make_dialogue, size=(80, 24)) as (app, pilot, _):
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        form = app.screen.query_one("#form")
        assert form.region.y >= 0 and form.region.bottom <= 24
        assert form.region.contains_region(app.focused.region)
        for _ in range(8):  # Tab reaches every field and button, each in view
            await pilot.press("tab")
            await pilot.pause()
            assert form.region.contains_region(app.focused.region), app.focused
