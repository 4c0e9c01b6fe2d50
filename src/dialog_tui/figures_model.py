"""The school's key figures (*nøgletal*): one value per school, indicator, school
year and optional comparison, and the plain rules over them (no I/O).

A suppressed or missing cell is ``None``, never 0. Results of the national tests
are confidential under the Folkeskole Act: a series is confidential when its file
says so or when its name says it is a national test, and public material (the
memo, the council's overview) never prints its values.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Annotated, Any, ClassVar

from . import strings as S
from .cleaning import Rule
from .model import FORBID, Dialogue, FollowUpStatus, GoalDetails, Line, clean_text

MAX_TEXT = 200
"""The longest school, indicator, unit, source or comparison name accepted."""

_YEAR = re.compile(r"^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$")
_NATIONAL_TEST = re.compile(r"national\w*\s+test", re.IGNORECASE)
# A number as people write it: 10,2 · 1.234,5 · 7.1 · -3 · 12 % (the unit is dropped).
_DANISH = re.compile(r"^[-+−]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")
_POINT = re.compile(r"^[-+−]?(\d+(\.\d+)?|\.\d+)$")
_FIRST_NUMBER = re.compile(r"[-−]?\d+(?:\.\d{3})*(?:,\d+)?(?:\.\d+)?")
_BASELINE_YEAR = re.compile(r"\b(\d{4}/\d{2})\b")

SUPPRESSED = frozenset({"", ".", "..", "...", "-", "–", "—", "*", "**", "x", "na", "n/a"})
"""How the statistics and spreadsheets write a suppressed or missing value."""

COMPARISONS = {"kommune": "kommune", "kommunen": "kommune", "land": "land", "landet": "land"}


def school_year(value: str | int) -> str:
    """``2023/24`` from ``2023/24``, ``2023/2024`` or ``2023-24``; ValueError otherwise."""
    m = _YEAR.match(str(value).strip())
    if not m:
        raise ValueError(S.FIGURES_BAD_YEAR.format(value=value))
    first, second = int(m[1]), int(m[2][-2:])
    if (first + 1) % 100 != second:
        raise ValueError(S.FIGURES_BAD_YEAR.format(value=value))
    return f"{first}/{second:02d}"


def key(text: str) -> str:
    """How names are matched: case and spacing do not count."""
    return " ".join(text.split()).casefold()


def parse_number(text: str) -> float | None:
    """A value as written in a file: ``10,2``, ``1.234,5``, ``7.1``, ``12 %``;
    suppressed markers (blank, ``..``, ``-``, ``*``) are None. ValueError otherwise."""
    value = text.replace("\u00a0", " ").strip().rstrip("%").strip().replace(" ", "")
    if value.casefold() in SUPPRESSED:
        return None
    if "," in value and _DANISH.match(value):
        return float(value.replace(".", "").replace(",", ".").replace("−", "-"))
    if _POINT.match(value):
        return float(value.replace("−", "-"))
    raise ValueError(S.FIGURES_BAD_NUMBER.format(value=text.strip()))


def first_number(text: str) -> float | None:
    """The first number in a goal's baseline or target (``10,2 % (2023/24)`` → 10.2)."""
    m = _FIRST_NUMBER.search(text)
    if not m:
        return None
    try:
        return parse_number(m[0])
    except ValueError:
        return None


def decimals(value: float) -> int:
    """How many decimals (at most two) a value needs: 7.0 → 0, 7.25 → 2."""
    return len(f"{value:.2f}".rstrip("0").partition(".")[2])


def number(value: float, places: int | None = None) -> str:
    """``1.234,5``; ``places`` decimals, else as many as it needs (at most two)."""
    places = decimals(value) if places is None else places
    text = f"{abs(value):,.{places}f}"
    text = text.replace(",", "§").replace(".", ",").replace("§", ".")
    return f"-{text}" if value < 0 and text != "0" else text


SHORT_UNIT = 4
"""A unit this short follows the number (``10,2 %``); a longer one the indicator's name."""


def with_unit(value: float, unit: str, places: int | None = None) -> str:
    return (
        f"{number(value, places)} {unit}".strip()
        if len(unit) <= SHORT_UNIT
        else number(value, places)
    )


def _one_line(v: str) -> str:
    return " ".join(clean_text(v).split())


def _comparison(v: str) -> str:
    return COMPARISONS.get(v.casefold(), v)


def _value(v: object) -> object:
    if isinstance(v, str):
        return parse_number(v)
    if isinstance(v, bool):
        raise ValueError(S.FIGURES_BAD_NUMBER.format(value=v))
    return v


def _finite(v: float | None) -> float | None:
    if v is not None and (v != v or v in (float("inf"), float("-inf"))):
        raise ValueError(S.FIGURES_BAD_NUMBER.format(value=v))
    return v


_school_year = school_year  # the annotation below names it beside the field of that name
FigureText = Annotated[str, Rule(before=_one_line, max_length=MAX_TEXT)]
Name = Annotated[str, Rule(before=_one_line, min_length=1, max_length=MAX_TEXT)]


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyFigure:
    """One value of one series: the gate (``gate.validated``) for everything a file
    brings in; read back from the database as it was stored."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID

    school: Name
    indicator: Name
    school_year: Annotated[str, Rule(before=_school_year, any_value=True)]
    comparison: Annotated[str, Rule(before=_one_line, after=_comparison, max_length=MAX_TEXT)] = ""
    value: Annotated[float | None, Rule(before=_value, any_value=True, after=_finite)] = None
    unit: FigureText = ""
    source: FigureText = ""
    retrieved: date | None = None
    confidential: bool = False

    def __post_init__(self) -> None:
        if _NATIONAL_TEST.search(self.indicator) and not self.confidential:
            object.__setattr__(self, "confidential", True)


@dataclass(slots=True, kw_only=True)
class Series:
    """One indicator of one school by school year (oldest first), with the
    comparisons (municipality, country) filed beside it."""

    school: Line
    indicator: Line
    unit: Line = ""
    source: Line = ""
    retrieved: date | None = None
    confidential: bool = False
    values: list[tuple[Line, float | None]] = field(default_factory=list)
    comparisons: dict[Line, list[tuple[Line, float | None]]] = field(default_factory=dict)

    @property
    def latest(self) -> tuple[str, float] | None:
        """The newest year with a value (suppressed years are skipped)."""
        return next(((y, v) for y, v in reversed(self.values) if v is not None), None)

    def value_in(self, year: str, comparison: str = "") -> float | None:
        values = self.comparisons.get(comparison, []) if comparison else self.values
        return dict(values).get(year)

    @property
    def change(self) -> float | None:
        """Latest value minus the one the school year before (None when either is missing)."""
        latest = self.latest
        if latest is None:
            return None
        year, value = latest
        start = int(year[:4]) - 1
        before = self.value_in(f"{start}/{(start + 1) % 100:02d}")
        return None if before is None else value - before

    @property
    def places(self) -> int:
        """Decimals every value of the series is written with (7,0 beside 7,3)."""
        values = [v for _, v in self.values] + [v for c in self.comparisons.values() for _, v in c]
        return max((decimals(v) for v in values if v is not None), default=0)

    def label(self, value: float) -> str:
        return with_unit(value, self.unit, self.places)

    def described(self) -> str:
        """``10,2 % (2023/24, Uddannelsesstatistik)``: the baseline a goal takes."""
        latest = self.latest
        if latest is None:
            return ""
        year, value = latest
        where = f"{year}, {self.source}" if self.source else year
        return f"{self.label(value)} ({where})"


def build_series(figures: list[KeyFigure], confidential: set[str] | None = None) -> list[Series]:
    """Figures of one school grouped into series, by indicator name; ``confidential``:
    indicator keys marked confidential anywhere (the flag belongs to the indicator)."""
    by_indicator: dict[str, Series] = {}
    for f in sorted(figures, key=lambda f: (key(f.indicator), f.school_year)):
        s = by_indicator.setdefault(
            key(f.indicator), Series(school=f.school, indicator=f.indicator)
        )
        s.confidential = (
            s.confidential or f.confidential or key(f.indicator) in (confidential or set())
        )
        if f.comparison:
            s.comparisons.setdefault(f.comparison, []).append((f.school_year, f.value))
            continue
        s.values.append((f.school_year, f.value))
        s.unit, s.source = f.unit or s.unit, f.source or s.source
        s.retrieved = f.retrieved or s.retrieved
    return list(by_indicator.values())


def series_for(goal: GoalDetails | None, series: list[Series]) -> Series | None:
    """The series a goal's indicator names (case and spacing do not count)."""
    if goal is None or not goal.indicator.strip():
        return None
    wanted = key(goal.indicator)
    return next((s for s in series if key(s.indicator) == wanted), None)


# --- Next year: the actual value and a proposed status -----------------------


def propose_status(baseline: float, target: float, actual: float) -> FollowUpStatus | None:
    """Met when the actual value reached the target, partly met when it moved
    towards it, not met otherwise; the direction of improvement is baseline → target.
    None when baseline and target are equal (no direction to judge by)."""
    if target == baseline:
        return None
    progress = (actual - baseline) / (target - baseline)
    if progress >= 1:
        return FollowUpStatus.met
    return FollowUpStatus.partly_met if progress > 0 else FollowUpStatus.not_met


def new_actual(goal: GoalDetails | None, series: list[Series]) -> tuple[Series, str, float] | None:
    """(series, year, value) of the newest value of the goal's indicator, when it is
    newer than the year its baseline names (``7,2 % (2023/24, …)``)."""
    s = series_for(goal, series)
    latest = s.latest if s else None
    if goal is None or s is None or latest is None:
        return None
    baseline_year = _BASELINE_YEAR.search(goal.baseline)
    if baseline_year and baseline_year[1] >= latest[0]:
        return None
    return s, *latest


def proposal(goal: GoalDetails | None, series: list[Series]) -> FollowUpStatus | None:
    """The status the numbers suggest for last year's goal, or None when they cannot
    tell (no series, no value newer than the baseline, no numbers to compare)."""
    found = new_actual(goal, series)
    if goal is None or found is None:
        return None
    baseline, target = first_number(goal.baseline), first_number(goal.target)
    if baseline is None or target is None:
        return None
    return propose_status(baseline, target, found[2])


# --- Public documents ----------------------------------------------------------


def mask_confidential(dialogue: Dialogue, series: list[Series]) -> Dialogue:
    """A copy of ``dialogue`` for public material: the baseline and value reached
    of every goal tied to a confidential series, or whose indicator names the
    national tests, say that they are confidential."""
    secret = {key(s.indicator) for s in series if s.confidential}

    def is_secret(goal: GoalDetails | None) -> bool:
        return goal is not None and (
            key(goal.indicator) in secret or bool(_NATIONAL_TEST.search(goal.indicator))
        )

    def masked(goal: GoalDetails) -> GoalDetails:
        if not goal.baseline:
            return goal
        return replace(goal, baseline=S.FIGURES_CONFIDENTIAL)

    goals = [n for _, _, n in dialogue.notes() if is_secret(n.goal)]
    if not goals and not any(is_secret(f.goal) for f in dialogue.followups):
        return dialogue
    masked_copy = copy.deepcopy(dialogue)
    for _, _, note in masked_copy.notes():
        if is_secret(note.goal):
            note.goal = masked(note.goal)
    for f in masked_copy.followups:
        if is_secret(f.goal):
            f.goal = masked(f.goal)
            f.reached = S.FIGURES_CONFIDENTIAL if f.reached else ""
    return masked_copy


def goal_series(dialogue: Dialogue, series: list[Series]) -> list[Series]:
    """The series the dialogue's goals (and last year's, followed up) are tied to."""
    goals = [n.goal for _, _, n in dialogue.notes() if "goal" in n.tags and not n.internal]
    goals += [f.goal for f in dialogue.followups]
    found = {id(s): s for g in goals if (s := series_for(g, series)) is not None}
    return list(found.values())


def actual_text(s: Series) -> str:
    """``8,1 % (2024/25)``, or that the value is confidential, or that there is none."""
    if s.confidential:
        return S.FIGURES_CONFIDENTIAL
    latest = s.latest
    return f"{s.label(latest[1])} ({latest[0]})" if latest else S.FIGURES_NO_VALUE


MEMO_YEARS = 3
"""How many school years the memo's key-figures table shows."""


def memo_table(series: list[Series]) -> tuple[list[list[str]], int]:
    """The memo's key-figures table (header row first: indicator, the last school
    years, source) and how many confidential series were left out."""
    shown = [s for s in series if not s.confidential]
    years = sorted({y for s in shown for y, _ in s.values})[-MEMO_YEARS:]
    rows = [[S.KEY_FIGURES_HEADING, *years, S.FIGURES_TABLE_SOURCE]]
    for s in shown:
        values = dict(s.values)
        cells = [s.label(v) if (v := values.get(y)) is not None else "–" for y in years]
        rows.append([s.indicator, *cells, s.source])
    return (rows if shown else []), len(series) - len(shown)


def latest_line(s: Series) -> str:
    """``7,4 (2023/24) · +0,3 siden 2022/23 · kommune 7,2 · land 7,3``: what the
    meeting's panel and ``figures show`` say of a series (confidential or not)."""
    latest = s.latest
    if latest is None:
        return S.FIGURES_NO_VALUE
    year, value = latest
    parts = [f"{s.label(value)} ({year})"]
    change = s.change
    if change is not None:
        start = int(year[:4]) - 1
        sign = "+" if change > 0 else ("±" if change == 0 else "")
        before = f"{start}/{(start + 1) % 100:02d}"
        change_text = number(change, s.places)
        parts.append(S.FIGURES_CHANGE.format(sign=sign, change=change_text, year=before))
    for name in sorted(s.comparisons):
        other = s.value_in(year, name)
        if other is not None:
            parts.append(S.FIGURES_COMPARISON.format(name=name, value=s.label(other)))
    return " · ".join(parts)


def values_line(s: Series) -> str:
    """``2021/22 7,1 · 2022/23 udeladt · 2023/24 7,4``."""
    return " · ".join(
        f"{y} {number(v, s.places) if v is not None else S.FIGURES_SUPPRESSED}"
        for y, v in s.values
    )
