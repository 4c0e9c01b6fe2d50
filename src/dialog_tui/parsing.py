"""Parsing what people type fast: Danish dates and times, participant lines."""

from __future__ import annotations

import re
from datetime import date, time

from .gate import validated
from .model import Participant

_DMY = re.compile(r"^\s*(\d{1,2})\s*[./-]\s*(\d{1,2})\s*(?:[./ -]\s*(\d{2}|\d{4}))?\s*$")


def parse_date(text: str, *, today: date | None = None) -> date:
    """``2025-04-04``, ``4.4.2025``, ``4/4 2025``, ``4/4-25`` or ``4.4`` (this year)."""
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    m = _DMY.match(text)
    if not m:
        raise ValueError(text)
    day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
    if year is None:
        y = (today or date.today()).year
    else:
        y = int(year) + (2000 if len(year) == 2 else 0)
    return date(y, month, day)


def parse_time(text: str) -> time:
    """``9``, ``9.30``, ``09:30``, ``kl. 9``."""
    text = text.strip().lower().removeprefix("kl.").strip()
    m = re.fullmatch(r"(\d{1,2})(?:[:.](\d{2}))?", text)
    if not m:
        raise ValueError(text)
    return time(int(m.group(1)), int(m.group(2) or 0))


def parse_participant(line: str) -> Participant:
    """``Anna Jensen, skoleleder, Eksempelskolen`` → a participant."""
    parts = [p.strip() for p in line.split(",")]
    name = parts[0]
    role = parts[1] if len(parts) > 1 else ""
    organisation = ", ".join(parts[2:]) if len(parts) > 2 else ""
    return validated(Participant, {"name": name, "role": role, "organisation": organisation})


def parse_participants(text: str) -> list[Participant]:
    return [parse_participant(line) for line in text.splitlines() if line.strip()]


def parse_point_numbers(text: str) -> list[int]:
    """``2, 3`` → [2, 3]; empty → [] (all points)."""
    return sorted({int(x) for x in re.split(r"[,\s]+", text.strip()) if x})
