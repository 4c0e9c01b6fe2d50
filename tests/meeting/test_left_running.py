"""A meeting left with its clock running (Ctrl+L, a search result) goes on: the
time away counts for the point that was current, until the app quits."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from dialog_tui.agenda import load_agenda
from dialog_tui.model import Dialogue
from dialog_tui.store import Store
from dialog_tui.tui.left_running import LeftRunning
from dialog_tui.tui.session import MeetingSession


class Clock:
    def __init__(self) -> None:
        self.seconds = 500.0

    def __call__(self) -> float:
        return self.seconds


def test_nothing_recorded_nothing_to_resume():
    assert LeftRunning(Clock()).come_back(1) is None


def test_away_time_is_handed_back_once():
    clock = Clock()
    left = LeftRunning(clock)
    left.leave(1, 7)
    clock.seconds += 95
    assert left.come_back(2) is None
    assert left.come_back(1) == (7, 95)
    assert left.come_back(1) is None


def test_the_session_counts_the_time_away_and_runs_on(tmp_path):
    store = Store.open(tmp_path / "db.sqlite")
    agenda = load_agenda("standard")
    dialogue_id = store.create_dialogue(
        Dialogue(school="Skovskolen", held_on=date(2025, 3, 10), agenda=agenda.agenda_items())
    )
    clock = Clock()
    session = MeetingSession(store, dialogue_id, clock=clock)
    session.open()
    session.toggle_clock()
    clock.seconds += 60
    session.close()  # Ctrl+L: 1 minute on point 1 written
    first = session.items[0].id
    again = MeetingSession(store, dialogue_id, clock=clock)
    again.open()
    again.come_back(first, 120)  # two minutes looking elsewhere
    assert again.timers.running
    assert again.timers.seconds(first) == 180
    assert store.agenda_items(dialogue_id)[0].elapsed_seconds == 180
    clock.seconds += 30
    assert again.point_clock().meeting_seconds == 210


MORNING = datetime(2025, 3, 10, 8, 30).astimezone()


def make(tmp_path, **header):
    store = Store.open(tmp_path / "db.sqlite")
    agenda = load_agenda("standard")
    dialogue_id = store.create_dialogue(
        Dialogue(
            school="Skovskolen", held_on=date(2025, 3, 10), agenda=agenda.agenda_items(), **header
        )
    )
    return store, dialogue_id


def test_planned_end_from_the_header_end_time(tmp_path):
    from datetime import time

    store, dialogue_id = make(tmp_path, starts_at=time(9, 0), ends_at=time(11, 0))
    session = MeetingSession(store, dialogue_id, clock=Clock(), now=lambda: MORNING)
    session.open()
    assert session.planned_end_at() == datetime(2025, 3, 10, 11, 0)


def test_planned_end_from_the_start_time_and_the_points_minutes(tmp_path):
    from datetime import time

    store, dialogue_id = make(tmp_path, starts_at=time(9, 0))
    session = MeetingSession(store, dialogue_id, clock=Clock(), now=lambda: MORNING)
    session.open()
    planned = sum(i.planned_minutes or 0 for i in session.items)
    assert session.planned_end_at() == datetime(2025, 3, 10, 9, 0) + timedelta(minutes=planned)


def test_planned_end_from_when_the_clock_first_ran(tmp_path):
    store, dialogue_id = make(tmp_path)
    now = datetime(2025, 3, 10, 10, 5).astimezone()
    session = MeetingSession(store, dialogue_id, clock=Clock(), now=lambda: now)
    session.open()
    assert session.planned_end_at() is None  # not started, no times in the header
    session.toggle_clock()
    planned = sum(i.planned_minutes or 0 for i in session.items)
    assert session.planned_end_at() == datetime(2025, 3, 10, 10, 5) + timedelta(minutes=planned)


def test_no_planned_end_on_another_day(tmp_path):
    from datetime import time

    store, dialogue_id = make(tmp_path, starts_at=time(9, 0), ends_at=time(11, 0))
    later = datetime(2025, 3, 11, 9, 0).astimezone()
    session = MeetingSession(store, dialogue_id, clock=Clock(), now=lambda: later)
    session.open()
    assert session.planned_end_at() is None
