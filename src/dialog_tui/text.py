"""Plain Danish text for the command line, the TUI and Word: dates, lists, goal lines
and follow-up outcomes as a Danish reader writes them, one copy of each. No markup,
no Textual, no Word: callers style the strings they get."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache

from . import strings as S
from .model import FollowUp, GoalDetails

LOCALE = "da_DK"


# --- Dates and times ---------------------------------------------------------


def short_date(value: date) -> str:
    """``4.4.2025``: a date on screen and in a one-line message."""
    return f"{value.day}.{value.month}.{value.year}"


@lru_cache(maxsize=1024)
def long_date(value: date) -> str:
    """``10. marts 2025``: a date in a document (cached: an overview repeats the
    same due dates)."""
    from babel.dates import format_date

    return format_date(value, "d. MMMM y", locale=LOCALE)


def timestamp(value: datetime) -> str:
    """``04.04.2025 14:05``: when something happened."""
    return f"{value:%d.%m.%Y %H:%M}"


def clock(value: datetime, *, seconds: bool = False) -> str:
    """``14:05`` (or ``14:05:09``): a time of day."""
    return f"{value:%H:%M:%S}" if seconds else f"{value:%H:%M}"


# --- Lists and sorting ---------------------------------------------------------


def join(items: Sequence[str]) -> str:
    """``a, b og c``."""
    from babel.lists import format_list

    return format_list(list(items), locale=LOCALE) if items else ""


_DANISH_LAST = str.maketrans({"æ": "{", "ø": "|", "å": "}", "ä": "{", "ö": "|"})
"""Æ, Ø, Å come after Z in Danish; ``{|}`` follow ``z`` in code point order."""


def sort_key(text: str) -> str:
    """Sort as a Danish reader expects: ``Vestskolen`` before ``Ørstedskolen``."""
    return text.casefold().translate(_DANISH_LAST)


# --- Goals and their follow-up ---------------------------------------------------


def goal_change(goal: GoalDetails | None, *, question_marks: bool = True) -> str:
    """``10 % → 5 %`` (``? → 5 %`` without a baseline), or '' when neither is set.
    With ``question_marks=False`` a missing value is left out: ``mål 5 %``,
    ``udgangspunkt 10 %`` (a memo style's choice, memo.toml)."""
    if goal is None or not (goal.baseline or goal.target):
        return ""
    if not question_marks and not (goal.baseline and goal.target):
        if goal.target:
            return S.MEMO_GOAL_TARGET_ONLY.format(target=goal.target)
        return S.MEMO_GOAL_BASELINE_ONLY.format(baseline=goal.baseline)
    return S.MEMO_GOAL_CHANGE.format(baseline=goal.baseline or "?", target=goal.target or "?")


def goal_line(goal: GoalDetails | None, *, question_marks: bool = True) -> str:
    """``Andel under 2: 10 % → 5 %, senest 30. juni 2026`` ('' when nothing is set)."""
    if goal is None:
        return ""
    parts = []
    change = goal_change(goal, question_marks=question_marks)
    if goal.indicator:
        parts.append(f"{goal.indicator}: {change}" if change else goal.indicator)
    elif change:
        parts.append(change)
    if goal.due:
        parts.append(S.MEMO_GOAL_DUE.format(date=long_date(goal.due)))
    return ", ".join(parts)


def reached(followup: FollowUp) -> str:
    """``nået 68 %``, or '' when no value was reached."""
    return S.FOLLOWUP_REACHED_SHORT.format(reached=followup.reached) if followup.reached else ""


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
