"""How a goal and its follow-up read in a document: shared by the memo and the
council overview, so both print a goal's numbers and last year's outcome alike."""

from __future__ import annotations

from .. import strings as S
from ..model import FollowUp, GoalDetails, Note
from .danish import long_date


def goal_line(goal: GoalDetails, *, question_marks: bool = True) -> str:
    """``Andel under 2: 10 % → 5 %, senest 30. juni 2026`` (empty when nothing is set).
    A missing baseline or target reads ``?``, or with ``question_marks=False`` is
    left out (``mål: 5 %``)."""
    parts = []
    change = ""
    if (goal.baseline and goal.target) or (question_marks and (goal.baseline or goal.target)):
        change = S.MEMO_GOAL_CHANGE.format(
            baseline=goal.baseline or "?", target=goal.target or "?"
        )
    elif goal.target:
        change = S.MEMO_GOAL_TARGET_ONLY.format(target=goal.target)
    elif goal.baseline:
        change = S.MEMO_GOAL_BASELINE_ONLY.format(baseline=goal.baseline)
    if goal.indicator:
        parts.append(f"{goal.indicator}: {change}" if change else goal.indicator)
    elif change:
        parts.append(change)
    if goal.due:
        parts.append(S.MEMO_GOAL_DUE.format(date=long_date(goal.due)))
    return ", ".join(parts)


def note_theme(note: Note) -> str | None:
    """The development plan's theme a note belongs to: its goal's, else its first tag's."""
    if note.goal and note.goal.theme:
        return note.goal.theme
    return note.themes[0] if note.themes else None


def outcome(followup: FollowUp) -> str:
    """``delvist opfyldt, nået 68 % (mål: 75 %)``; ``ikke vurderet`` without a status."""
    status = (
        S.FOLLOWUP_STATUS_TEXT[followup.status.value]
        if followup.status
        else S.FOLLOWUP_NOT_ASSESSED
    )
    if not followup.reached:
        return status
    text = S.FOLLOWUP_OUTCOME_REACHED.format(status=status, reached=followup.reached)
    if followup.goal and followup.goal.target:
        text += S.FOLLOWUP_OUTCOME_TARGET.format(target=followup.goal.target)
    return text
