"""The facilitator's flow, by keys only, checked in the database."""

from __future__ import annotations

import sqlite3

from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp
from dialog_tui.tui.screens.goal_details import GoalDetailsScreen
from dialog_tui.tui.screens.meeting import MeetingScreen
from dialog_tui.tui.widgets.note_list import NoteList

from .conftest import toggle_clock, type_text


async def test_whole_meeting_by_keys(db_path):
    store = Store.open(db_path)
    app = DialogApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        # New dialogue through the form.
        await pilot.press("ctrl+n")
        await type_text(pilot, "Skovskolen")
        await pilot.press("tab")
        await type_text(pilot, "Eksempel Kommune")
        await pilot.press("tab")
        await type_text(pilot, "10.3.2025")
        await pilot.press("tab")
        await type_text(pilot, "9")
        await pilot.press("tab")
        await type_text(pilot, "12")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        notes = app.screen.query_one(NoteList)
        await toggle_clock(pilot)  # P in the agenda list

        # Five points: a bullet, an indented bullet, and a paragraph each.
        for number in range(1, 6):
            await type_text(pilot, f"Punkt {number} observation")
            await pilot.press("f2")
            await pilot.press("enter")
            await pilot.press("tab")
            await type_text(pilot, f"Detalje {number}")
            await pilot.press("enter")
            await pilot.press("shift+tab")
            await pilot.press("ctrl+b")
            await type_text(pilot, f"Afsnit {number}")
            if number < 5:
                await pilot.press("alt+down")
                await pilot.pause()

        # Tag kinds on point 5's paragraph: goal with details, then an agreement note.
        await pilot.press("f3", "f9")
        await pilot.pause()
        assert isinstance(app.screen, GoalDetailsScreen)
        await type_text(pilot, "Andel under 2")
        await pilot.press("tab")
        await type_text(pilot, "10 %")
        await pilot.press("tab")
        await type_text(pilot, "5 %")
        await pilot.press("tab")
        await type_text(pilot, "30.6.2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await type_text(pilot, "Forvaltningen sender data")
        await pilot.press("f5")
        await pilot.press("enter")
        await type_text(pilot, "Økonomien skal tættere på")
        await pilot.press("f4")
        await pilot.press("f7")

        # Participants: Bo Holm is absent.
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("down")
        await pilot.press("space")
        await pilot.press("escape")
        await pilot.pause()

        # A sixth point, added during the meeting.
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "Elevråd, 10")
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "Elevrådet deltog")
        assert notes.item_id == store.agenda_items(1)[5].id
        await pilot.press("ctrl+q")

    store.close()
    store = Store.open(db_path)
    d = store.get_dialogue(1)
    assert d.school == "Skovskolen" and str(d.starts_at) == "09:00:00"
    assert [i.title for i in d.agenda][5] == "Elevråd"
    assert d.agenda[5].planned_minutes == 10
    for number, item in enumerate(d.agenda[:4], start=1):
        assert [(n.text, n.level, n.kind, n.tags) for n in item.notes] == [
            (f"Punkt {number} observation", 0, "bullet", ["observation"]),
            (f"Detalje {number}", 1, "bullet", []),
            (f"Afsnit {number}", 0, "paragraph", []),
        ]
        assert item.elapsed_seconds >= 0 and item.started_at is not None
    fifth = d.agenda[4].notes
    assert [(n.text, n.tags) for n in fifth] == [
        ("Punkt 5 observation", ["observation"]),
        ("Detalje 5", []),
        ("Afsnit 5", ["goal"]),
        ("Forvaltningen sender data", ["agreement"]),
        ("Økonomien skal tættere på", ["attention"]),
    ]
    goal = fifth[2].goal
    assert (goal.indicator, goal.baseline, goal.target, str(goal.due)) == (
        "Andel under 2",
        "10 %",
        "5 %",
        "2026-06-30",
    )
    assert fifth[4].internal and not fifth[3].internal
    assert [n.text for n in d.agenda[5].notes] == ["Elevrådet deltog"]
    assert d.participants == []  # the form had none
    store.close()


async def test_participant_absent_and_only_some_points(db_path, make_dialogue):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("space")  # Anna: absent
        await pilot.press("down")
        await pilot.press("p")  # Bo: only under point 2 and 3
        await pilot.pause()
        await type_text(pilot, "2,3")
        await pilot.press("enter")
        await pilot.pause()
        people = app.screen.query_one("#people")
        shown = [str(people.get_option_at_index(i).prompt) for i in range(2)]
        assert shown == [
            "Anna Jensen (skoleleder) – Skovskolen  [afbud]",
            "Bo Holm (AMR) – Skovskolen  [kun punkt 2, 3]",
        ]
        painted = app.export_screenshot().replace("&#160;", " ")
        assert "[afbud]" in painted and "[kun punkt 2, 3]" in painted  # not eaten as markup
        await pilot.press("escape")
    anna, bo = store.participants(dialogue_id)
    assert (anna.present, bo.present, bo.agenda_items) == (False, True, [2, 3])
    store.close()


async def test_every_keystroke_is_committed_before_the_next(db_path, make_dialogue):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    other = sqlite3.connect(db_path)
    app = DialogApp(store, open_id=dialogue_id)
    typed = "Trivsel er høj i 4b"
    async with app.run_test() as pilot:
        await pilot.pause()
        note_id = app.screen.query_one(NoteList).note.id
        for i, ch in enumerate(typed, start=1):
            await pilot.press("space" if ch == " " else ch)
            (text,) = other.execute("SELECT text FROM notes WHERE id = ?", (note_id,)).fetchone()
            assert text == typed[:i]
    other.close()
    store.close()


async def test_reopening_shows_the_last_edited_note_and_loading_does_not_write(
    db_path, make_dialogue
):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    items = store.agenda_items(dialogue_id)
    store.add_note(items[0].id, "Første")
    last = store.add_note(items[2].id, "Sidst skrevet")
    store.set_note_text(last.id, "Sidst skrevet her")
    before = list(store.conn.execute("SELECT id, text, updated_at FROM notes ORDER BY id"))
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.current == 2
        notes = screen.query_one(NoteList)
        assert notes.note.id == last.id
        assert notes.editor.text == "Sidst skrevet her"
        assert not notes.editor.history.undo_stack  # loading is not an edit
        after = list(store.conn.execute("SELECT id, text, updated_at FROM notes ORDER BY id"))
        assert after == before
    store.close()


async def test_structural_undo_restores_a_deleted_note(db_path, make_dialogue):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    item = store.agenda_items(dialogue_id)[0]
    store.add_note(item.id, "Et")
    store.add_note(item.id, "To", level=1)
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("f8")  # delete "To"
        await pilot.pause()
        assert [n.text for n in store.notes(item.id)] == ["Et"]
        await pilot.press("ctrl+up")  # nothing above: no change
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [(n.text, n.level) for n in store.notes(item.id)] == [("Et", 0), ("To", 1)]
        await pilot.press("tab")
        await pilot.press("ctrl+z")
        assert store.notes(item.id)[1].level == 1
    store.close()


async def test_note_moves_to_another_point(db_path, make_dialogue):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    first, second = store.agenda_items(dialogue_id)[:2]
    store.add_note(first.id, "Hører til punkt 2")
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        await type_text(pilot, "2")
        await pilot.press("enter")
        await pilot.pause()
    assert [n.text for n in store.notes(second.id)] == ["Hører til punkt 2"]
    assert [n.text for n in store.notes(first.id)] == [""]  # a fresh line to type on
    store.close()


async def test_over_time_is_shown(db_path, make_dialogue):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    now = [1000.0]
    app = DialogApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(MeetingScreen(dialogue_id, clock=lambda: now[0]))
        await pilot.pause()
        await toggle_clock(pilot)  # P in the agenda list
        await pilot.pause()
        now[0] += 31 * 60  # point 1 is planned for 30 minutes
        app.screen.tick()
        await pilot.pause()
        status = str(app.screen.query_one("#status").render())
        assert "Punkt 1: 31/30 min" in status and "OVER TID" in status
    store.close()


async def test_back_from_a_directly_opened_meeting_shows_the_list(db_path, make_dialogue):
    from dialog_tui.tui.screens.dialogues import DialoguesScreen

    store = Store.open(db_path)
    app = DialogApp(store, open_id=make_dialogue(store))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, DialoguesScreen)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, DialoguesScreen)
    store.close()


async def test_theme_by_its_danish_name_or_beginning(db_path, make_dialogue):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await type_text(pilot, "Forældremøder flyttes")
        for typed in ("forældre", "Faglige resultater", "xyz"):
            await pilot.press("f6")
            await pilot.pause()
            await type_text(pilot, typed)
            await pilot.press("enter")
            await pilot.pause()
        assert any("xyz" in n.message for n in app._notifications)
        note = app.screen.query_one(NoteList).note
    assert store.get_note(note.id).tags == ["foraeldresamarbejde", "faglige-resultater"]
    store.close()
