"""Key bindings with ids: every binding is ``Binding(..., id="<scope>.<action>")``, so a
keymap (``App.set_keymap``) can rebind it by name. The id is made from the action, so
it stays what the code calls the action."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from textual.binding import Binding

_STEPS = {"-1": "prev", "1": "next"}


def binding_id(scope: str, action: str) -> str:
    """``meeting`` + ``tag('goal')`` → ``meeting.tag-goal``; ``point(-1)`` →
    ``meeting.point-prev``; ``cursor(-10)`` → ``list.cursor-back-10``."""
    name, _, args = action.partition("(")
    parts = [name.rsplit(".", 1)[-1].replace("_", "-")]
    arg = args.rstrip(")").strip().strip("'\"")
    if arg:
        arg = _STEPS.get(arg) or re.sub(r"^-", "back-", arg)
        arg = arg.translate(str.maketrans({"æ": "ae", "ø": "o", "å": "aa"}))
        parts.append(re.sub(r"[^a-z0-9]+", "-", arg.casefold()).strip("-"))
    return f"{scope}.{'-'.join(parts)}"


def with_ids(scope: str, bindings: Iterable[Binding]) -> list[Binding]:
    """The bindings, each with its id (one it was given is kept)."""
    return [
        b if b.id else dataclasses.replace(b, id=binding_id(scope, b.action)) for b in bindings
    ]
