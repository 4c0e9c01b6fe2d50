"""The notes controller without Textual: every write, its undo, and the one place a
store error becomes a message (the typed text is kept)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dialog_tui import strings as S
from dialog_tui.model import GoalDetails
from dialog_tui.tui.notes import NOTHING, NotesController, theme_from

from .conftest import DISK_FULL


def texts(notes: NotesController) -> list[str]:
    """The point's notes in the database, checked against what the controller holds."""
    stored = notes.store.notes(notes.item_id)
    assert stored == notes.notes
    return [n.text for n in stored]


def typed(notes: NotesController, *lines: str) -> None:
    """Type ``lines`` as notes, Enter between them."""
    for i, line in enumerate(lines):
        if i:
            assert notes.add().saved
        assert notes.save_text(line).saved


def test_a_point_is_never_empty_and_loading_writes_nothing_else(notes, store):
    assert texts(notes) == [""]
    change = notes.load(notes.item_id)
    assert change.rows and not change.saved
    assert texts(notes) == [""]


def test_text_and_add(notes):
    typed(notes, "en", "to")
    assert texts(notes) == ["en", "to"] and notes.current == 1
    assert notes.save_text("to") == NOTHING  # unchanged: no write
    notes.select(0)
    change = notes.add()
    assert change.added and change.note.text == "" and notes.current == 1
    assert texts(notes) == ["en", "", "to"]


def test_add_keeps_kind_and_level(notes):
    notes.toggle_kind()
    notes.indent(1)
    notes.add()
    assert (notes.note.kind, notes.note.level) == ("paragraph", 1)


@pytest.mark.parametrize(
    ("write", "field", "after"),
    [
        (lambda n: n.toggle_tag("goal"), "tags", ["goal"]),
        (lambda n: n.toggle_internal(), "internal", True),
        (lambda n: n.indent(1), "level", 1),
        (lambda n: n.toggle_kind(), "kind", "paragraph"),
    ],
)
def test_each_field_write_and_its_undo(notes, write, field, after):
    typed(notes, "Fraværet falder")
    before = getattr(notes.note, field)
    change = write(notes)
    assert change.saved and getattr(notes.store.get_note(notes.note.id), field) == after
    assert change.tags == (field in ("tags", "internal"))
    undo = notes.undo()
    assert undo.notice == S.UNDONE.format(what=S.UNDO_WHAT[field])
    assert getattr(notes.store.get_note(notes.note.id), field) == before
    assert texts(notes) == ["Fraværet falder"]


def test_tag_toggles_off(notes):
    notes.toggle_tag("attention")
    notes.toggle_tag("attention")
    assert notes.note.tags == []


def test_indent_stays_within_its_levels(notes):
    assert notes.indent(-1) == NOTHING
    for _ in range(7):
        notes.indent(1)
    assert notes.note.level == 5 and len(notes.undo_stack) == 5


def test_goal_details_for_the_note_they_were_asked_for(notes):
    typed(notes, "Læsning løftes", "Næste note")
    asked_for = notes.notes[0]
    goal = GoalDetails(indicator="Sikre læsere", baseline="62 %", target="75 %",
                       due=date(2026, 6, 30))  # fmt: skip
    change = notes.set_goal(goal, asked_for)
    assert change.tags and change.note.id == asked_for.id
    stored = notes.store.get_note(asked_for.id)
    assert stored.goal == goal and stored.tags == ["goal"]
    assert notes.note.text == "Næste note"  # the cursor stayed where it was
    notes.undo()
    stored = notes.store.get_note(asked_for.id)
    assert stored.goal is None and stored.tags == []


def test_goal_details_for_a_note_deleted_meanwhile_say_so(notes, reports):
    typed(notes, "en", "to")
    gone = notes.note
    notes.delete()
    assert notes.set_goal(GoalDetails(target="5 %"), gone) == NOTHING
    assert len(reports) == 1 and reports[0].startswith("Kunne ikke gemme")


def test_delete_and_undo_puts_it_back_in_its_place(notes):
    typed(notes, "en", "to", "tre")
    notes.select(1)
    notes.toggle_tag("goal")
    change = notes.delete()
    assert change.rows and change.tags
    assert texts(notes) == ["en", "tre"] and notes.note.text == "en"
    notes.undo()
    assert texts(notes) == ["en", "to", "tre"]
    assert notes.note.text == "to" and notes.note.tags == ["goal"]


def test_deleting_the_last_note_leaves_a_blank_one(notes):
    typed(notes, "eneste")
    notes.delete()
    assert texts(notes) == [""]
    assert notes.delete_empty() == NOTHING  # the only note stays
    notes.undo()
    assert texts(notes) == ["eneste", ""]


def test_move_and_undo(notes):
    typed(notes, "en", "to", "tre")
    assert notes.move(1) == NOTHING  # already last
    change = notes.move(-2)
    assert change.rows and notes.current == 0
    assert texts(notes) == ["tre", "en", "to"]
    notes.undo()
    assert texts(notes) == ["en", "to", "tre"] and notes.note.text == "tre"


def test_move_to_another_point_and_undo(notes, session):
    typed(notes, "en", "to")
    other = session.items[2].id
    change = notes.move_to_point(other)
    assert change.rows and change.tags
    assert texts(notes) == ["en"]
    assert [n.text for n in notes.store.notes(other)] == ["to"]
    assert notes.move_to_point(notes.item_id) == NOTHING  # to its own point
    notes.undo()
    assert texts(notes) == ["en", "to"] and notes.note.text == "to"
    assert notes.store.notes(other) == []


def test_undo_goes_back_step_by_step_then_says_nothing_is_left(notes):
    typed(notes, "en")
    notes.toggle_tag("goal")
    notes.indent(1)
    notes.undo()
    assert notes.note.level == 0 and notes.note.tags == ["goal"]
    notes.undo()
    assert notes.note.tags == []
    assert notes.undo().notice == S.NOTHING_TO_UNDO


def test_typing_is_not_on_the_structural_undo_stack(notes):
    typed(notes, "en")
    assert notes.last_change == "text" and notes.undo_stack == []
    notes.toggle_tag("goal")
    assert notes.last_change == "structure"


@pytest.mark.parametrize(
    ("method", "write"),
    [
        ("update_note", lambda n: n.toggle_tag("goal")),
        ("update_note", lambda n: n.toggle_internal()),
        ("update_note", lambda n: n.indent(1)),
        ("update_note", lambda n: n.toggle_kind()),
        ("add_note", lambda n: n.add()),
        ("delete_note", lambda n: n.delete()),
        ("move_note", lambda n: n.move(-1)),
        ("move_note", lambda n: n.move_to_point(n.session.items[1].id)),
    ],
)
def test_a_store_error_is_one_message_and_changes_nothing(notes, flaky, reports, method, write):
    typed(notes, "en", "to")
    before = [replace(n) for n in notes.notes]
    flaky.fail[method] = DISK_FULL
    assert write(notes) == NOTHING
    assert reports == [S.SAVE_FAILED.format(message=DISK_FULL)]
    assert notes.notes == before
    assert texts(notes) == ["en", "to"]
    assert len(notes.undo_stack) == 0


def test_text_not_saved_is_written_whole_by_the_next_key(notes, flaky, reports):
    typed(notes, "Elevrådet")
    flaky.fail["set_note_text"] = DISK_FULL
    assert not notes.save_text("Elevrådet ønsker").saved
    assert notes.note.text == "Elevrådet ønsker"  # held as typed
    assert notes.store.get_note(notes.note.id).text == "Elevrådet"  # the database
    del flaky.fail["set_note_text"]
    assert notes.save_text("Elevrådet ønsker mere").saved
    assert texts(notes) == ["Elevrådet ønsker mere"]
    assert len(reports) == 1


def test_while_text_is_held_structural_changes_are_refused_and_say_why(notes, flaky, reports):
    typed(notes, "en", "to")
    flaky.fail["set_note_text"] = DISK_FULL
    notes.save_text("to og tre")
    for write in (notes.add, notes.delete, lambda: notes.move(-1),
                  lambda: notes.toggle_tag("goal"), lambda: notes.indent(1)):  # fmt: skip
        assert write().notice == S.UNSAVED_REFUSED
    assert [n.text for n in notes.store.notes(notes.item_id)] == ["en", "to"]
    del flaky.fail["set_note_text"]
    assert notes.add().saved  # the held text first, then the new note
    assert [n.text for n in notes.store.notes(notes.item_id)] == ["en", "to og tre", ""]
    assert reports == [S.SAVE_FAILED.format(message=DISK_FULL)]


def test_a_failed_undo_stays_on_the_stack(notes, flaky, reports):
    typed(notes, "en", "to")
    notes.delete()
    flaky.fail["insert_note"] = DISK_FULL
    assert notes.undo() == NOTHING and len(notes.undo_stack) == 1
    del flaky.fail["insert_note"]
    notes.undo()
    assert texts(notes) == ["en", "to"]
    assert len(reports) == 1


def test_read_only_refuses_every_write(db_path, store, dialogue_id):
    from dialog_tui.store import Store
    from dialog_tui.tui.session import MeetingSession

    note = store.add_note(store.agenda_items(dialogue_id)[0].id, "Skrevet andetsteds")
    with Store.open(db_path) as other:
        other.acquire_edit_lock(dialogue_id)
        session = MeetingSession(store, dialogue_id)
        session.open()
        notes = NotesController(store, session)
        notes.load(session.item.id)
        assert notes.toggle_tag("goal").refused
        assert notes.undo().refused
        assert notes.set_goal(GoalDetails(target="5 %"), note).refused
        for write in (notes.add, notes.delete, lambda: notes.move(1),
                      lambda: notes.save_text("overskriv")):  # fmt: skip
            assert write() == NOTHING
    assert store.get_note(note.id).text == "Skrevet andetsteds"
    assert [n.text for n in store.notes(session.item.id)] == ["Skrevet andetsteds"]


def test_theme_by_its_danish_name_or_beginning():
    assert theme_from("Forældresamarbejde") == "foraeldresamarbejde"
    assert theme_from("forældre") == "foraeldresamarbejde"
    assert theme_from("") is None
    assert theme_from("zzz") is None


def test_a_busy_database_is_tried_at_most_once_a_second_by_keys(
    notes, flaky, clock, reports, monkeypatch
):
    from dialog_tui.errors import DatabaseBusy

    typed(notes, "en")
    tries = []
    real = type(flaky).__getattr__

    def counting(self, name):
        if name == "set_note_text":
            tries.append(clock())
        return real(self, name)

    monkeypatch.setattr(type(flaky), "__getattr__", counting)
    flaky.fail["set_note_text"] = DatabaseBusy("database is locked")
    for text in ("en ", "en t", "en to"):  # typed within the same second
        assert not notes.save_text(text).saved
    assert len(tries) == 1  # one wait for the lock, not one per key
    assert reports == [S.SAVE_FAILED.format(message=S.DB_WAITING)]
    del flaky.fail["set_note_text"]
    clock.seconds += 1
    assert notes.save_text("en to!").saved
    assert texts(notes) == ["en to!"]


# --- Long notes and pasted lines (issue 14) ------------------------------------


def test_a_note_over_the_cap_is_refused_and_nothing_changes(notes):
    from dialog_tui.model import MAX_NOTE_CHARS

    full = "a" * MAX_NOTE_CHARS
    assert notes.save_text(full).saved
    change = notes.save_text(full + "b")
    assert not change.saved and change.notice and "20.000" in change.notice
    assert texts(notes) == [full]
    assert notes.save_text(full[:-1]).saved  # shrinking is always allowed


def test_a_paste_of_several_lines_becomes_notes_and_undoes_as_one(notes):
    typed(notes, "før", "abc")
    notes.add()
    notes.indent(1)
    notes.select(1)
    change = notes.paste(["abcX", "Y", "Zdef"])
    assert change.saved and change.rows
    assert texts(notes) == ["før", "abcX", "Y", "Zdef", ""]
    assert notes.current == 3 and [n.level for n in notes.notes] == [0, 0, 0, 0, 1]
    notes.undo()
    assert texts(notes) == ["før", "abc", ""]
    assert notes.note.text == "abc"


def test_a_paste_with_a_line_over_the_cap_changes_nothing(notes):
    from dialog_tui.model import MAX_NOTE_CHARS

    typed(notes, "abc")
    assert notes.paste(["abc", "x" * (MAX_NOTE_CHARS + 1)]).notice
    assert texts(notes) == ["abc"]


def test_a_failed_paste_shows_what_is_saved(notes, flaky, reports):
    typed(notes, "abc")
    flaky.fail["add_note"] = DISK_FULL
    change = notes.paste(["abc1", "2"])
    assert change.rows and not change.saved
    assert texts(notes) == ["abc1"] and reports
