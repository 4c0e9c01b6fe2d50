"""Plain Danish text, one copy for CLI, TUI and Word."""

from __future__ import annotations

from datetime import date, datetime

from dialog_tui.model import FollowUp, FollowUpStatus, GoalDetails
from dialog_tui.text import (
    clock,
    goal_change,
    goal_line,
    join,
    long_date,
    outcome,
    reached,
    short_date,
    sort_key,
    timestamp,
)


def test_dates_and_times():
    assert short_date(date(2025, 4, 4)) == "4.4.2025"
    assert long_date(date(2025, 3, 10)) == "10. marts 2025"
    assert timestamp(datetime(2025, 4, 4, 9, 5)) == "04.04.2025 09:05"
    assert clock(datetime(2025, 4, 4, 9, 5, 7)) == "09:05"
    assert clock(datetime(2025, 4, 4, 9, 5, 7), seconds=True) == "09:05:07"


def test_lists_and_sorting():
    assert join(["a", "b", "c"]) == "a, b og c"
    assert join([]) == ""
    assert sorted(["Ørstedskolen", "Vestskolen", "Åskolen"], key=sort_key) == [
        "Vestskolen", "Ørstedskolen", "Åskolen"
    ]  # fmt: skip


def test_goal_line_and_change():
    goal = GoalDetails(indicator="Andel under 2", baseline="10 %", target="5 %",
                       due=date(2026, 6, 30))  # fmt: skip
    assert goal_line(goal) == "Andel under 2: 10 % → 5 %, senest 30. juni 2026"
    assert goal_change(GoalDetails(target="5 %")) == "? → 5 %"
    assert goal_change(GoalDetails(indicator="Trivsel")) == ""
    assert goal_line(None) == ""


def test_outcome_and_reached():
    goal = GoalDetails(target="75 %")
    followup = FollowUp(kind="goal", text="Læsning", status=FollowUpStatus.partly_met,
                        reached="68 %", goal=goal)  # fmt: skip
    assert outcome(followup) == "delvist opfyldt, nået 68 % (mål: 75 %)"
    assert reached(followup) == "nået 68 %"
    assert outcome(FollowUp(kind="goal", text="Læsning")) == "ikke vurderet"
