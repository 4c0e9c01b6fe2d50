"""Goals across years: where a carried-on goal lands, and goal chains."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import KINDS, AgendaItem, FollowUp, GoalChain, GoalDetails, GoalStep, Note


def carry_on_point(items: Sequence[AgendaItem], source_title: str | None) -> AgendaItem | None:
    """The point a carried-on goal goes under: the one titled as the source
    note's point last year, else the first; None when there is no point."""
    return next((i for i in items if i.title == source_title), items[0] if items else None)


def carried_goal(followup: FollowUp, source_tags: Sequence[str]) -> Note:
    """The new goal note carrying ``followup`` on: its text and goal details,
    linked to last year's note as its ancestor, tagged goal plus the themes of
    the source note and of the goal."""
    themes = [t for t in source_tags if t not in KINDS]  # any theme of the plan's
    goal = replace(followup.goal or GoalDetails(), ancestor=followup.source_uid)
    if goal.theme and goal.theme not in themes:
        themes.append(goal.theme)
    return Note(text=followup.text, tags=["goal", *themes], goal=goal)


def goal_chains(
    steps: Sequence[GoalStep], schools: dict[str, str], carried_from: dict[str, str]
) -> list[GoalChain]:
    """Follow each goal from year to year.

    ``steps``: every goal note of a school, oldest first; ``schools``: note uid →
    the school name written on its dialogue; ``carried_from``: uid of a goal made
    by carrying a follow-up on → uid of the follow-up's source note. A goal's
    parent is its ancestor, else the note it was carried on from; a goal carried
    on twice from the same ancestor gives two chains sharing their start."""
    by_uid = {s.note.uid: s for s in steps}
    children: dict[str, list[str]] = {}
    roots = []
    for uid, step in by_uid.items():
        parent = (step.note.goal.ancestor if step.note.goal else None) or carried_from.get(uid)
        if parent in by_uid and parent != uid:
            children.setdefault(parent, []).append(uid)
        else:
            roots.append(uid)
    return [
        GoalChain(school=schools[path[-1]], steps=[by_uid[uid] for uid in path])
        for root in roots
        for path in _paths(root, children)
    ]


def _paths(root: str, children: dict[str, list[str]]) -> list[list[str]]:
    """Every path from ``root`` down to a goal that was not carried on further."""
    below = children.get(root, [])
    if not below:
        return [[root]]
    return [[root, *path] for child in below for path in _paths(child, children)]
