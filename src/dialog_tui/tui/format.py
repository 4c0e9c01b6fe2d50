"""Small text helpers shared by the year-over-year screens (dates, goals, statuses)."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from .. import strings as S
from ..model import FollowUp, GoalDetails

FOLLOWUP_STYLES = {
    "opfyldt": "bold green",
    "delvist opfyldt": "bold yellow",
    "ikke opfyldt": "bold red",
    "videreført": "bold cyan",
}


def day(d: date) -> str:
    """4.4.2025, as Danish readers write it."""
    return f"{d.day}.{d.month}.{d.year}"


def goal_line(goal: GoalDetails | None) -> str:
    """``62 % → 75 % · indikator: … · frist 30.6.2026``, or '' without details."""
    if goal is None:
        return ""
    parts = []
    if goal.baseline or goal.target:
        parts.append(S.MEMO_GOAL_CHANGE.format(baseline=goal.baseline, target=goal.target))
    if goal.indicator:
        parts.append(S.FOLLOWUP_INDICATOR.format(indicator=goal.indicator))
    if goal.due:
        parts.append(S.FOLLOWUP_DUE.format(date=day(goal.due)))
    return " · ".join(parts)


def followup_status(followup: FollowUp) -> Text:
    """The status as a coloured word; 'ikke vurderet' dimmed when none is given yet."""
    if followup.status is None:
        return Text(S.FOLLOWUP_NO_STATUS, style="dim")
    label = S.FOLLOWUP_STATUS_LABELS[followup.status.value]
    return Text(label, style=FOLLOWUP_STYLES[followup.status.value])


def followup_result(followup: FollowUp) -> str:
    """``nået 70 % · comment``: what was said about it, or ''."""
    parts = []
    if followup.reached:
        parts.append(S.FOLLOWUP_REACHED_SHORT.format(reached=followup.reached))
    if followup.comment:
        parts.append(followup.comment)
    return " · ".join(parts)
