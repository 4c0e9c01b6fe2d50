"""What the filters of ``list``, ``goals`` and ``search`` take: a school by the
beginning of its name (any case, Danish letters too) and a theme by its key or
Danish label; a school no dialogue has is said, not answered with "nothing"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import strings as S
from ..errors import DialogError

if TYPE_CHECKING:
    from ..store import Store


def schools(store: Store, typed: str | None) -> list[str] | None:
    """The stored school names ``typed`` means: the one it names (any case), else
    those it begins; None for no filter; an error when no school matches."""
    wanted = (typed or "").strip().casefold()
    if not wanted:
        return None
    names = sorted({row.school for row in store.list_dialogues()})
    found = [n for n in names if n.casefold() == wanted] or [
        n for n in names if n.casefold().startswith(wanted)
    ]
    if not found:
        raise DialogError(S.CLI_NO_SCHOOL.format(school=typed.strip()))
    return found


def one_school(store: Store, typed: str) -> str:
    """The one school ``typed`` means; several beginning so is an error naming them."""
    found = schools(store, typed) or []
    if len(found) > 1:
        raise DialogError(S.CLI_SCHOOLS_AMBIGUOUS.format(school=typed.strip(),
                                                        schools=", ".join(found)))  # fmt: skip
    return found[0]


def theme(typed: str | None) -> str | None:
    """A theme's key from its key or Danish label (``tilstedeværelse``,
    ``"Faglige resultater"``), in the themes of ``themes.toml``."""
    if typed is None:
        return None
    from ..themes import load_themes

    return load_themes().resolve(typed)
