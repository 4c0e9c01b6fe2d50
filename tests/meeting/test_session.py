"""The meeting session without Textual: the lock, why it is read-only, the clocks."""

from __future__ import annotations

import sqlite3

from dialog_tui import strings as S
from dialog_tui.errors import LockLost
from dialog_tui.store import Store
from dialog_tui.tui.agenda_edits import title_minutes
from dialog_tui.tui.notes import NotesController
from dialog_tui.tui.session import MeetingSession, ReadOnly

from .conftest import DISK_FULL, NOW


def test_open_takes_the_lock_and_close_lets_it_go(db_path, session, dialogue_id):
    assert not session.read_only and session.refusal is None
    with Store.open(db_path) as other:
        assert other.acquire_edit_lock(dialogue_id) is not None  # ours
        session.close()
        assert other.acquire_edit_lock(dialogue_id) is None


def test_held_elsewhere_opens_read_only_and_says_by_whom(db_path, store, dialogue_id):
    with Store.open(db_path) as other:
        assert other.acquire_edit_lock(dialogue_id) is None
        session = MeetingSession(store, dialogue_id)
        session.open()
        assert session.reason is ReadOnly.HELD_ELSEWHERE
        assert session.refusal == S.READ_ONLY_LOCKED
        assert session.label == S.MEETING_LOCKED_SHORT
        assert "åben til redigering et andet sted" in session.opening_notice()
        session.close()  # not ours: the other instance keeps it
        assert store.acquire_edit_lock(dialogue_id) is not None


def test_held_elsewhere_turns_editable_once_the_holder_is_gone(db_path, store, dialogue_id):
    """Reopened while the old window is still closing: read-only first, then the
    lock is retaken as soon as the other instance lets go (no restart needed)."""
    with Store.open(db_path) as other:
        assert other.acquire_edit_lock(dialogue_id) is None
        session = MeetingSession(store, dialogue_id)
        session.open()
        assert session.read_only and not session.retake_lock()
        assert session.reason is ReadOnly.HELD_ELSEWHERE
        other.release_edit_lock(dialogue_id)
        assert session.retake_lock()
        assert not session.read_only and session.label is None
        assert other.acquire_edit_lock(dialogue_id) is not None  # ours now
        assert not session.retake_lock()  # nothing to retake
    session.close()


def test_a_lost_or_final_meeting_is_not_retaken(session, store, dialogue_id, db_path):
    with Store.open(db_path) as other:
        other.clear_edit_lock(dialogue_id)
        assert other.acquire_edit_lock(dialogue_id) is None
        session.heartbeat()
        assert session.reason is ReadOnly.LOCK_LOST
        other.release_edit_lock(dialogue_id)
        assert not session.retake_lock()  # taken over once: the user decides, not a timer
        assert session.reason is ReadOnly.LOCK_LOST


def test_final_opens_read_only_without_a_lock(store, dialogue_id):
    store.mark_held(dialogue_id)
    store.finalize(dialogue_id)
    session = MeetingSession(store, dialogue_id)
    session.open()
    assert session.reason is ReadOnly.FINAL
    assert session.opening_notice() == S.FINAL_OPENED


def test_heartbeat_keeps_the_lock(session):
    assert session.heartbeat() is True
    assert session.heartbeat() is True
    assert not session.read_only


def test_heartbeat_reporting_the_lock_lost_turns_read_only_with_a_message(session, flaky, reports):
    flaky.heartbeat_edit_lock = lambda dialogue_id: False  # the store package's answer
    assert session.heartbeat() is False
    assert session.reason is ReadOnly.LOCK_LOST
    assert reports == [S.LOCK_LOST]
    assert session.label == S.MEETING_LOCK_LOST_SHORT
    assert session.heartbeat() is False
    assert reports == [S.LOCK_LOST]  # said once


def test_a_lock_taken_over_by_another_instance_is_noticed_at_the_heartbeat(
    db_path, session, dialogue_id, reports
):
    """Today's store: another instance took the lock (the stale-lock rule); the
    heartbeat finds out and the session stops writing."""
    with Store.open(db_path) as other:
        conn = sqlite3.connect(db_path)
        with conn:
            conn.execute("UPDATE edit_locks SET token = ?", (other.token,))
        conn.close()
        assert session.heartbeat() is False
        assert session.read_only and reports == [S.LOCK_LOST]
        session.close()
        assert other.acquire_edit_lock(dialogue_id) is None  # still the other's


def test_a_write_finding_the_lock_lost_turns_read_only_and_writes_nothing_more(
    session, flaky, reports
):
    notes = NotesController(flaky, session)
    notes.load(session.item.id)
    flaky.fail["set_note_text"] = LockLost("overtaget")
    assert not notes.save_text("Skrevet efter overtagelsen").saved
    assert session.reason is ReadOnly.LOCK_LOST
    assert reports == [S.LOCK_LOST]
    del flaky.fail["set_note_text"]
    assert notes.toggle_tag("goal").refused
    assert not notes.save_text("igen").saved
    assert flaky.notes(session.item.id)[0].text == ""


def test_a_lock_taken_over_for_real_turns_read_only_at_the_next_write(
    db_path, store, session, dialogue_id, reports
):
    """No fakes: another instance takes the lock over (as the stale-lock rule or
    `dialog-tui unlock` would); the first instance's next keystroke is refused by
    the store, the meeting turns read-only, and the other instance's text stands."""
    notes = NotesController(store, session)
    notes.load(session.item.id)
    assert notes.save_text("Før").saved
    with Store.open(db_path) as other:
        other.clear_edit_lock(dialogue_id)
        assert other.acquire_edit_lock(dialogue_id) is None
        note_id = other.notes(session.item.id)[0].id
        other.set_note_text(note_id, "Den andens tekst")
        assert not notes.save_text("Efter overtagelsen").saved
        assert session.reason is ReadOnly.LOCK_LOST and reports == [S.LOCK_LOST]
        assert other.get_note(note_id).text == "Den andens tekst"


def test_time_on_a_point_with_a_fake_clock(session, clock, store):
    first = session.item
    session.toggle_clock()
    clock.seconds += 125
    assert session.current_used() == 125
    point = session.point_clock()
    assert (point.number, point.used_seconds, point.meeting_seconds) == (1, 125, 125)
    session.go_to(1)  # leaving point 1 folds its time into the database
    saved = store.get_agenda_item(first.id)
    assert saved.elapsed_seconds == 125
    assert saved.started_at == NOW and saved.ended_at == NOW
    clock.seconds += 30
    assert session.point_clock().used_seconds == 30
    assert session.point_clock().meeting_seconds == 155
    assert session.used_by_point()[first.id] == 125
    session.go_to(0)
    clock.seconds += 5
    assert session.current_used() == 130  # back on point 1: its minutes go on


def test_over_time_when_the_planned_minutes_are_used(session, clock):
    session.toggle_clock()
    planned = session.item.planned_minutes
    assert planned
    clock.seconds += planned * 60
    assert not session.point_clock().over
    clock.seconds += 1
    assert session.point_clock().over


def test_time_not_written_says_so_once_and_is_kept_for_the_next_try(
    session, clock, flaky, reports
):
    session.toggle_clock()
    flaky.fail["update_agenda_item"] = DISK_FULL
    clock.seconds += 60
    session.save_time()
    assert reports == [S.SAVE_FAILED.format(message=DISK_FULL)]
    del flaky.fail["update_agenda_item"]
    clock.seconds += 60
    session.save_time()
    assert flaky.get_agenda_item(session.item.id).elapsed_seconds == 120


def test_read_only_writes_no_time(db_path, store, dialogue_id, clock):
    with Store.open(db_path) as other:
        other.acquire_edit_lock(dialogue_id)
        session = MeetingSession(store, dialogue_id, clock=clock)
        session.open()
        session.toggle_clock()
        clock.seconds += 90
        session.go_to(1)
        assert store.get_agenda_item(session.items[0].id).elapsed_seconds == 0


def test_status_final_then_reopened(session, store, dialogue_id):
    store.mark_held(dialogue_id)
    store.finalize(dialogue_id)
    assert session.status_changed() and session.reason is ReadOnly.FINAL
    assert not session.status_changed()
    store.reopen(dialogue_id, "rettelse")
    assert session.status_changed() and not session.read_only


def test_agenda_edits(session, store, dialogue_id):
    session.go_to(1)
    assert session.items[1].prompts  # the standard agenda's point 2 has prompts
    assert session.add_point("Trivsel, 20")  # right after the current point
    assert session.current == 2 and session.item.title == "Trivsel"
    assert session.item.planned_minutes == 20
    assert store.agenda_items(dialogue_id)[2].prompts == []  # a new point has none
    prompts = session.items[1].prompts
    session.rename_point(1, "Faglighed")  # a renamed point keeps its own
    assert store.agenda_items(dialogue_id)[1].prompts == prompts
    session.rename_point(0, "Skoleplanen")
    assert store.agenda_items(dialogue_id)[0].title == "Skoleplanen"
    assert session.move_point(0, 1) == 1
    assert [i.title for i in store.agenda_items(dialogue_id)][1] == "Skoleplanen"
    assert session.move_point(0, -1) is None


def test_agenda_edit_failing_says_so(session, flaky, reports):
    flaky.fail["add_agenda_item"] = DISK_FULL
    assert not session.add_point("Trivsel")
    assert reports == [S.SAVE_FAILED.format(message=DISK_FULL)]


def test_title_and_minutes():
    assert title_minutes(" Trivsel , 20 ") == ("Trivsel", 20)
    assert title_minutes("Læsning, især 4. klasse") == ("Læsning, især 4. klasse", None)
    assert title_minutes("20") == ("20", None)


def test_setup_time_does_not_count_pause_resume_and_reopen(
    session, clock, store, dialogue_id, flaky
):
    """The meeting clock starts with the meeting, not with the app; a pause stops
    both clocks; reopening keeps the time (the sum of the points' time)."""
    clock.seconds += 600  # setting up the agenda and the participants
    assert session.point_clock().meeting_seconds == 0
    assert session.point_clock().used_seconds == 0
    assert not session.point_clock().running
    session.go_to(1)  # moving about while setting up counts nothing either
    session.go_to(0)
    assert session.used_by_point() == {i.id: 0 for i in session.items}

    assert session.toggle_clock()  # the meeting starts
    clock.seconds += 120
    session.go_to(1)
    clock.seconds += 60
    assert session.point_clock().meeting_seconds == 180
    assert not session.toggle_clock()  # a break: written at once
    assert store.get_agenda_item(session.item.id).elapsed_seconds == 60
    clock.seconds += 900
    assert session.point_clock().meeting_seconds == 180
    assert session.point_clock().used_seconds == 60
    assert session.toggle_clock()  # resumed
    clock.seconds += 30
    assert (session.point_clock().meeting_seconds, session.current_used()) == (210, 90)
    session.close()

    reopened = MeetingSession(flaky, dialogue_id, clock=clock, now=session.now)
    reopened.open()
    clock.seconds += 300  # opened again, not started yet
    assert reopened.point_clock().meeting_seconds == 210
    assert not reopened.point_clock().running
    reopened.go_to(1)
    assert reopened.current_used() == 90
    reopened.toggle_clock()
    clock.seconds += 10
    assert reopened.point_clock().meeting_seconds == 220


def test_a_points_time_can_be_reset(session, clock, store):
    session.toggle_clock()
    clock.seconds += 200
    session.go_to(1)
    first = session.items[0]
    session.reset_point(0)
    assert store.get_agenda_item(first.id).elapsed_seconds == 0
    clock.seconds += 20
    session.reset_point(1)  # the current point starts again from 0:00
    clock.seconds += 5
    assert session.current_used() == 5
    assert session.point_clock().meeting_seconds == 5


def test_against_the_planned_end(store, flaky, dialogue_id, clock):
    """Planned end 10:00, now 9:30: the points' planned minutes from here on decide
    whether the meeting is heading past it."""
    from datetime import time

    store.update_dialogue(dialogue_id, starts_at=time(9, 0), ends_at=time(10, 0))
    session = MeetingSession(flaky, dialogue_id, clock=clock, now=lambda: NOW)
    session.open()
    planned = sum(i.planned_minutes or 0 for i in session.items)
    assert session.point_clock().behind_minutes == planned - 30
    session.toggle_clock()
    clock.seconds += 60 * (session.item.planned_minutes or 0) + 600  # 10 min over on point 1
    assert session.point_clock().behind_minutes == planned - 30 - (
        session.item.planned_minutes or 0
    )
