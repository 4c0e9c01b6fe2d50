"""Danish formatting for documents: dates and lists as a Danish reader writes them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

LOCALE = "da_DK"


@lru_cache(maxsize=1024)
def long_date(value: date) -> str:
    """``10. marts 2025`` (cached: an overview repeats the same due dates)."""
    from babel.dates import format_date

    return format_date(value, "d. MMMM y", locale=LOCALE)


def join(items: Sequence[str]) -> str:
    """``a, b og c``."""
    from babel.lists import format_list

    return format_list(list(items), locale=LOCALE) if items else ""


_DANISH_LAST = str.maketrans({"æ": "{", "ø": "|", "å": "}", "ä": "{", "ö": "|"})
"""Æ, Ø, Å come after Z in Danish; ``{|}`` follow ``z`` in code point order."""


def sort_key(text: str) -> str:
    """Sort as a Danish reader expects: ``Vestskolen`` before ``Ørstedskolen``."""
    return text.casefold().translate(_DANISH_LAST)
