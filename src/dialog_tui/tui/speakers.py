"""Who said what: the names a note's attribution is picked from, which of them a
typed beginning means, and where an ``@`` starts one. For Ctrl+J and for ``@``
completion in the note editor alike. No Textual here."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from .. import strings as S

_PREFIX = re.compile(r"[^\W\d_]+(?:[ .'\-][^\W\d_]*)*", re.UNICODE)
"""What may follow ``@``: letters, with the spaces, dots, hyphens and apostrophes
of a name ("@lasse r", "@anne-m")."""


class Attendee(Protocol):
    name: str
    present: bool
    agenda_items: Sequence[int]


def ordered_names(participants: Iterable[Attendee], number: int) -> list[str]:
    """Every participant's name, those present at point ``number`` (1-based) first."""
    participants = list(participants)

    def here(p: Attendee) -> bool:
        return p.present and (not p.agenda_items or number in p.agenda_items)

    names = [p.name for p in participants if here(p)]
    names += [p.name for p in participants if not here(p)]
    return list(dict.fromkeys(names))


def matching(names: Sequence[str], typed: str) -> list[str]:
    """The names ``typed`` is the beginning of (of the name, or of one of its
    words: "reich" is Lasse Reichstein), whole-name beginnings first."""
    typed = " ".join(typed.casefold().split())
    if not typed:
        return []
    whole = [n for n in names if n.casefold().startswith(typed)]
    words = [
        n
        for n in names
        if n not in whole and any(w.startswith(typed) for w in re.split(r"[ \-]", n.casefold()))
    ]
    return whole + words


def attribution(name: str) -> str:
    """``Lasse Reichstein: ``, as written before what the speaker said."""
    return S.SPEAKER_PREFIX.format(name=name)


def at_sign(line: str, column: int) -> int | None:
    """The column of the ``@`` whose name beginning ends at ``column`` in ``line``,
    if there is one: at the start of the line or after a space or bracket (an
    e-mail address's ``@`` follows a letter), followed by at least one letter."""
    start = line.rfind("@", 0, column)
    if start < 0 or (start > 0 and not (line[start - 1].isspace() or line[start - 1] in "([")):
        return None
    typed = line[start + 1 : column]
    return start if typed and _PREFIX.fullmatch(typed) else None
