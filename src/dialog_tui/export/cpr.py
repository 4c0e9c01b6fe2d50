"""Find CPR numbers (Danish personal ids, ``DDMMYY-XXXX``) in what an export prints.

A memo is filed on a public case and can be read through *aktindsigt*, so it must
never carry a CPR number. One check (:func:`refuse_cpr`) runs over everything a
document prints: the dialogue's text, every placeholder value and the template's
own text, each with the place it is named by.

Text is normalised first (Unicode NFKC, so fullwidth digits are digits; format
characters such as zero-width spaces, soft hyphens and direction overrides
dropped; every dash and minus sign made ``-``; runs of space made one), and
spaces, dots, slashes or dashes may stand between the date's parts. Only numbers
whose first six digits are a real date, in the century the seventh digit gives,
count (``310299-1234`` does not). Modulus 11 only adds confidence: numbers
issued since 2007 need not satisfy it, so it never rules a number out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from .. import strings as S
from ..errors import ExportError
from ..model import Dialogue

_SEP = r"[ ./-]?"
_CANDIDATE = re.compile(
    rf"(?<![0-9])(?<![0-9][./-])([0-9]{{2}}){_SEP}([0-9]{{2}}){_SEP}([0-9]{{2}})"
    rf" ?[./-]? ?([0-9]{{4}})(?![0-9])(?![./-][0-9])"
)
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d\u02d7"
_SPACE = re.compile(r"\s+")
_CONTEXT = 30
_WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


@dataclass(frozen=True)
class Printed:
    """A text an export prints and where it is, for the CPR check."""

    place: str
    text: str
    point: int | None = None
    note_uid: str | None = None


@dataclass(frozen=True)
class CprHit:
    """One CPR number: where it is (agenda point number, or ``None`` outside the points)."""

    point: int | None
    place: str
    number: str
    context: str
    note_uid: str | None = None
    checksum: bool = False
    """The number also passes modulus 11 (more certainly a CPR number)."""


@dataclass(frozen=True)
class Match:
    number: str
    context: str
    checksum: bool


class CprFound(ExportError):
    """The export would print a CPR number; ``hits`` says where."""

    def __init__(self, hits: list[CprHit]) -> None:
        super().__init__(S.CPR_FOUND.format(places=describe_places(hits)))
        self.hits = hits


_LATIN_1 = re.compile(r"[\x00-\xff]*")
_LATIN_1_DIGIT = re.compile(r"[0-9\xb2\xb3\xb9]")  # the Latin-1 characters isdigit() accepts
_AS_IS = re.compile(r"[\x00-\xac\xae-\xff]*")
"""Text :func:`normalise` leaves as it is but for spaces: Latin-1 has no format
character but the soft hyphen, no combining mark, no dash but ``-`` and no digit
but ASCII's (after NFKC). Danish prose is such text, so a memo's notes are checked
without a look at each character."""


def normalise(text: str) -> str:
    """Text as a reader sees it: NFKC, no format or combining characters, any
    Unicode digit as ASCII, every dash ``-``, whitespace runs one space."""
    text = unicodedata.normalize("NFKC", text)
    if _AS_IS.fullmatch(text):
        return _SPACE.sub(" ", text)
    return _SPACE.sub(" ", "".join(_each_character(text)))


def _each_character(text: str) -> Iterator[str]:
    for c in text:
        category = unicodedata.category(c)
        if category in ("Cf", "Mn", "Me"):
            continue
        if category == "Nd":
            c = str(unicodedata.decimal(c))
        elif category == "Pd" or c in _DASHES:
            c = "-"
        yield c


def _has_digit(text: str) -> bool:
    if _LATIN_1.fullmatch(text):
        return _LATIN_1_DIGIT.search(text) is not None
    return any(c.isdigit() for c in text)


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


def modulus_11(digits: str) -> bool:
    return sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=True)) % 11 == 0


def find_in_text(text: str) -> Iterator[Match]:
    """Each CPR number in ``text`` (normalised), with the text around it."""
    if not _has_digit(text):
        return
    text = normalise(text)
    for m in _CANDIDATE.finditer(text):
        if is_cpr(*m.groups()):
            start, end = max(0, m.start() - _CONTEXT), min(len(text), m.end() + _CONTEXT)
            prefix = "…" if start else ""
            suffix = "…" if end < len(text) else ""
            context = f"{prefix}{text[start:end].strip()}{suffix}"
            yield Match(m.group(0), context, modulus_11("".join(m.groups())))


def find_hits(printed: Iterable[Printed]) -> list[CprHit]:
    return [
        CprHit(p.point, p.place, m.number, m.context, p.note_uid, m.checksum)
        for p in printed
        for m in find_in_text(p.text)
    ]


def dialogue_texts(dialogue: Dialogue) -> Iterator[Printed]:
    """The dialogue's text a memo prints (internal notes excluded); the header
    fields are printed through the placeholder values (:func:`field_texts`)."""
    for person in dialogue.participants:
        text = f"{person.name} {person.role} {person.organisation}"
        yield Printed(S.CPR_PLACE_PARTICIPANTS, text)
    for followup in dialogue.followups:
        details = followup.goal
        parts = [followup.text, followup.reached, followup.comment]
        if details:
            parts += [details.indicator, details.baseline, details.target]
        yield Printed(S.CPR_PLACE_FOLLOWUPS, "\n".join(parts))
    for number, item in enumerate(dialogue.agenda, start=1):
        place = S.CPR_PLACE_POINT.format(number=number)
        yield Printed(place, item.title, number)
        for note in item.notes:
            if note.internal:
                continue
            parts = [note.text]
            if note.goal:
                parts += [note.goal.indicator, note.goal.baseline, note.goal.target]
            yield Printed(place, "\n".join(parts), number, note.uid)


def field_texts(context: Mapping[str, str]) -> Iterator[Printed]:
    """Every placeholder value (whether or not this template prints it)."""
    for name, value in context.items():
        yield Printed(S.CPR_PLACE_FIELD.format(name=name), value)


def refuse_cpr(printed: Iterable[Printed], template_lines: Iterable[str] = ()) -> None:
    """The one CPR gate of every export: raise :class:`CprFound` naming each place.
    The template's (rendered) text counts as ``skabelonen`` unless the number is a
    placeholder value already named."""
    hits = find_hits(printed)
    seen = {_digits(h.number) for h in hits}
    for m in find_in_text("\n".join(template_lines)):
        if _digits(m.number) not in seen:
            hits.append(CprHit(None, S.CPR_PLACE_TEMPLATE, m.number, m.context, None, m.checksum))
    if hits:
        raise CprFound(hits)


def _digits(number: str) -> str:
    return "".join(c for c in number if c.isdigit())


def describe_places(hits: list[CprHit]) -> str:
    """``punkt 2 og 4`` / ``deltagerlisten og punkt 3``: where the hits are, once each."""
    from ..text import join

    points = sorted({h.point for h in hits if h.point is not None})
    places = list(dict.fromkeys(h.place for h in hits if h.point is None))
    if points:
        places.append(S.CPR_PLACE_POINTS.format(numbers=join([str(n) for n in points])))
    return join(places)
