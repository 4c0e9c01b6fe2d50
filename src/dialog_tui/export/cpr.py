"""Find CPR numbers (Danish personal ids, ``DDMMYY-XXXX``) in what a memo would print.

A memo is filed on a public case and can be read through *aktindsigt*, so it must
never carry a CPR number. Only numbers whose first six digits are a real date
(with the century the seventh digit gives) count, so ``310299-1234`` does not.
Modulus 11 is not checked: numbers issued since 2007 need not satisfy it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .. import strings as S
from ..model import Dialogue

# Six digits, an optional hyphen/dash/space, four digits; not part of a longer number.
_CANDIDATE = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2})[-‐‑–\s]?(\d{4})(?![\d])")
_CONTEXT = 30


@dataclass(frozen=True)
class CprHit:
    """One CPR number: where it is (agenda point number, or ``None`` outside the points)."""

    point: int | None
    place: str
    number: str
    context: str
    note_uid: str | None = None


def _century(yy: int, seventh: int) -> int:
    """The birth century from the seventh digit, as the CPR office assigns it."""
    if seventh <= 3:
        return 1900
    if seventh in (4, 9):
        return 2000 if yy <= 36 else 1900
    return 2000 if yy <= 57 else 1800


def is_cpr(dd: str, mm: str, yy: str, serial: str) -> bool:
    year = _century(int(yy), int(serial[0])) + int(yy)
    try:
        date(year, int(mm), int(dd))
    except ValueError:
        return False
    return True


def find_in_text(text: str) -> Iterator[tuple[str, str]]:
    """(number, surrounding text) for each CPR number in ``text``."""
    for m in _CANDIDATE.finditer(text):
        if is_cpr(*m.groups()):
            start, end = max(0, m.start() - _CONTEXT), min(len(text), m.end() + _CONTEXT)
            context = " ".join(text[start:end].split())
            prefix = "…" if start else ""
            suffix = "…" if end < len(text) else ""
            yield m.group(0), f"{prefix}{context}{suffix}"


def find_cpr(dialogue: Dialogue) -> list[CprHit]:
    """Every CPR number in the text the memo would print (internal notes excluded)."""
    hits: list[CprHit] = []

    def scan(point: int | None, place: str, text: str, uid: str | None = None) -> None:
        for number, context in find_in_text(text):
            hits.append(CprHit(point, place, number, context, uid))

    for text in (dialogue.school, dialogue.case_number, dialogue.location):
        scan(None, S.CPR_PLACE_HEADER, text)
    for person in dialogue.participants:
        scan(None, S.CPR_PLACE_PARTICIPANTS, f"{person.name} {person.role} {person.organisation}")
    for followup in dialogue.followups:
        details = followup.goal
        parts = [followup.text, followup.reached, followup.comment]
        if details:
            parts += [details.indicator, details.baseline, details.target]
        scan(None, S.CPR_PLACE_FOLLOWUPS, "\n".join(parts))
    for number, item in enumerate(dialogue.agenda, start=1):
        place = S.CPR_PLACE_POINT.format(number=number)
        scan(number, place, item.title)
        for note in item.notes:
            if note.internal:
                continue
            parts = [note.text]
            if note.goal:
                parts += [note.goal.indicator, note.goal.baseline, note.goal.target]
            scan(number, place, "\n".join(parts), note.uid)
    return hits


def describe_places(hits: list[CprHit]) -> str:
    """``punkt 2 og 4`` / ``deltagerlisten og punkt 3``: where the hits are, once each."""
    from ..text import join

    points = sorted({h.point for h in hits if h.point is not None})
    places = list(dict.fromkeys(h.place for h in hits if h.point is None))
    if points:
        places.append(S.CPR_PLACE_POINTS.format(numbers=join([str(n) for n in points])))
    return join(places)
