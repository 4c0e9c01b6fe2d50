"""Keys typed faster than the app handles them still land where they were typed.

A fast typist (or a slow laptop) puts many keys in the queue at once. Structure
keys (Enter, Tab, Up/Down, tags, point changes) must act at their place in the
sequence, not after the keys typed behind them."""

from __future__ import annotations

from contextlib import asynccontextmanager

from textual import events

from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp
from dialog_tui.tui.widgets.note_list import NoteList


def burst(app: DialogApp, keys: list[str]) -> None:
    """Queue every key at once, as a terminal delivers a fast burst."""
    for key in keys:
        character = " " if key == "space" else key if len(key) == 1 else None
        app.post_message(events.Key(key, character))


def chars(text: str) -> list[str]:
    return ["space" if c == " " else c for c in text]


@asynccontextmanager
async def meeting(db_path, make_dialogue, size=(120, 40)):
    """The meeting screen of a fresh standard dialogue: (app, pilot, dialogue id)."""
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        yield app, pilot, dialogue_id


def rows(db_path, dialogue_id: int) -> list[tuple]:
    with Store.open(db_path) as store:
        dialogue = store.get_dialogue(dialogue_id)
        return [
            (number, note.level, note.text, tuple(note.tags))
            for number, _, note in dialogue.notes()
            if note.text
        ]


async def test_enter_and_tab_in_a_burst(db_path, make_dialogue):
    async with meeting(db_path, make_dialogue) as (app, pilot, dialogue_id):
        burst(
            app,
            [*chars("første"), "enter", *chars("anden"), "enter", "tab",
             *chars("tredje"), "f4", "enter", "shift+tab", *chars("fjerde")],
        )  # fmt: skip
        await pilot.pause(0.5)
        notes = app.screen.query_one(NoteList)
        assert [n.text for n in notes.notes] == ["første", "anden", "tredje", "fjerde"]
    assert rows(db_path, dialogue_id) == [
        (1, 0, "første", ()),
        (1, 0, "anden", ()),
        (1, 1, "tredje", ("attention",)),
        (1, 0, "fjerde", ()),
    ]


async def test_point_change_and_navigation_in_a_burst(db_path, make_dialogue):
    async with meeting(db_path, make_dialogue) as (app, pilot, dialogue_id):
        burst(
            app,
            [*chars("en"), "enter", *chars("to"), "up", *chars("!"), "f2",
             "ctrl+pagedown", *chars("tre"), "f4", "ctrl+pageup", "down", *chars("?")],
        )  # fmt: skip
        await pilot.pause(0.5)
    assert rows(db_path, dialogue_id) == [
        (1, 0, "en!", ("observation",)),
        (1, 0, "to?", ()),
        (2, 0, "tre", ("attention",)),
    ]


async def test_corrections_in_a_burst(db_path, make_dialogue):
    """Backspace and cursor keys are the editor's own bindings: in a burst they act
    between the characters around them, not after them."""
    async with meeting(db_path, make_dialogue) as (app, pilot, dialogue_id):
        burst(app, [*chars("abx"), "backspace", "c", "left", "left", "Z", "end", "!"])
        await pilot.pause(0.5)
        assert app.screen.query_one(NoteList).editor.text == "aZbc!"
    assert rows(db_path, dialogue_id) == [(1, 0, "aZbc!", ())]


async def test_rows_show_what_was_typed(db_path, make_dialogue):
    """A note typed into and then left shows its new text in the list."""
    async with meeting(db_path, make_dialogue) as (app, pilot, _):
        burst(app, [*chars("først"), "enter", *chars("så"), "up", "end", *chars(" mere")])
        await pilot.pause(0.5)
        notes = app.screen.query_one(NoteList)
        assert notes.above.plain_lines() == []
        assert notes.below.plain_lines() == ["• så"]
        assert notes.editor.text == "først mere"


async def test_tab_between_form_fields_in_a_burst(db_path):
    """Tab moves on at its place in the burst: what follows lands in the next field."""
    from textual.widgets import Input

    app = DialogApp(Store.open(db_path), new=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        burst(app, [*chars("Skovskolen"), "tab", *chars("Kommune"), "tab", *chars("1.4.2025"),
                    "shift+tab", "end", "backspace", "e"])  # fmt: skip
        await pilot.pause(0.5)
        values = {i.id: i.value for i in app.screen.query(Input)}
        assert (values["school"], values["municipality"], values["held_on"]) == (
            "Skovskolen",
            "Kommune",
            "1.4.2025",
        )


async def test_goal_details_go_to_the_note_they_were_asked_for(db_path, make_dialogue):
    """F3 tags, F9 asks for the goal's details; keys typed before the dialog opened moved the
    cursor on. The details still belong to the note F9 was pressed on."""
    from dialog_tui.tui.screens.goal_details import GoalDetailsScreen

    async with meeting(db_path, make_dialogue) as (app, pilot, dialogue_id):
        burst(app, [*chars("Trivsel øges"), "f3", "f9", "enter", *chars("Næste note")])
        await pilot.pause(0.5)
        assert isinstance(app.screen, GoalDetailsScreen)
        burst(app, [*chars("Trivselsmåling"), "tab", *chars("3,7"), "tab", *chars("4,0")])
        await pilot.pause(0.3)
        await pilot.press("ctrl+s")
        await pilot.pause(0.3)
    with Store.open(db_path) as store:
        notes = {n.text: n for _, _, n in store.get_dialogue(dialogue_id).notes()}
    goal = notes["Trivsel øges"]
    assert goal.tags == ["goal"]
    assert (goal.goal.indicator, goal.goal.baseline, goal.goal.target) == (
        "Trivselsmåling",
        "3,7",
        "4,0",
    )
    assert notes["Næste note"].tags == [] and notes["Næste note"].goal is None
