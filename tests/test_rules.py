"""Domain rules without a database: status transitions, carried-on goals, goal chains."""

from __future__ import annotations

from datetime import date

import pytest

from dialog_tui.model import AgendaItem, FollowUp, GoalDetails, GoalStep, Note, Status
from dialog_tui.rules.goals import carried_goal, carry_on_point, goal_chains
from dialog_tui.rules.status import (
    STATUS_TRANSITIONS,
    StatusRefused,
    action_for,
    status_actions,
    transition,
)


def test_the_transition_table_is_draft_held_final_and_reopen():
    assert status_actions(Status.draft) == ("held", "final")
    assert status_actions(Status.held) == ("final",)
    assert status_actions(Status.final) == ("reopen",)
    assert transition(Status.draft, "held") == (Status.held, "")
    assert transition(Status.held, "final") == (Status.final, "")
    assert transition(Status.final, "reopen", "  Forkert\x07 mål ") == (Status.held, "Forkert mål")
    assert set(STATUS_TRANSITIONS) == set(Status)


def test_what_the_table_does_not_allow_is_refused_in_danish():
    with pytest.raises(StatusRefused, match="begrundelse"):
        transition(Status.final, "reopen", "   ")
    with pytest.raises(StatusRefused, match="ikke endelig \\(afholdt\\)"):
        transition(Status.held, "reopen", "Rettelse")
    with pytest.raises(StatusRefused, match="endelig"):
        transition(Status.final, "held")
    with pytest.raises(StatusRefused, match="»afholdt«"):
        transition(Status.held, action_for(Status.held, Status.draft))


def test_asking_for_the_status_a_dialogue_has_changes_nothing():
    assert transition(Status.held, "held") is None
    assert transition(Status.final, "final") is None


def test_a_carried_goal_lands_under_the_point_with_last_years_title():
    items = [AgendaItem(id=1, title="Skoleplanen"), AgendaItem(id=2, title="Data")]
    assert carry_on_point(items, "Data").id == 2
    assert carry_on_point(items, "Omdøbt siden").id == 1
    assert carry_on_point([], "Data") is None


def test_a_carried_goal_keeps_text_details_themes_and_its_ancestor():
    goal = GoalDetails(indicator="Social trivsel", target="3,9", theme="trivsel")
    f = FollowUp(source_uid="abc", text="Trivslen skal op.", goal=goal)
    note = carried_goal(f, ["goal", "medarbejdere", "attention"])
    assert note.text == "Trivslen skal op."
    assert note.tags == ["goal", "medarbejdere", "trivsel"]
    assert note.goal.ancestor == "abc" and note.goal.indicator == "Social trivsel"
    assert carried_goal(FollowUp(source_uid="x", text="t"), []).goal.ancestor == "x"


def _step(uid: str, year: int, ancestor: str | None = None) -> GoalStep:
    goal = GoalDetails(ancestor=ancestor) if ancestor else None
    return GoalStep(dialogue_id=year, held_on=date(year, 3, 1), status="held",
                    note=Note(uid=uid, text=uid, tags=["goal"], goal=goal))  # fmt: skip


def test_goal_chains_follow_ancestors_and_carried_follow_ups():
    steps = [_step("a", 2023), _step("b", 2024, ancestor="a"), _step("c", 2025),
             _step("d", 2024, ancestor="a"), _step("e", 2025)]  # fmt: skip
    schools = {s.note.uid: "Skovskolen" for s in steps}
    chains = goal_chains(steps, schools, carried_from={"c": "b"})
    assert [[s.note.uid for s in c.steps] for c in chains] == [
        ["a", "b", "c"],
        ["a", "d"],
        ["e"],
    ]
    assert {c.school for c in chains} == {"Skovskolen"}


def test_a_goal_that_names_itself_as_ancestor_is_a_chain_of_one():
    assert [len(c.steps) for c in goal_chains([_step("a", 2024, "a")], {"a": "S"}, {})] == [1]
