"""Key bindings with ids: every binding is ``Binding(..., id="<scope>.<action>")``, so a
keymap (``App.set_keymap``) can rebind it by name. The id is made from the action, so
it stays what the code calls the action."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from textual.binding import Binding

_STEPS = {"-1": "prev", "1": "next"}
ESCAPE_FOLLOW_SECONDS = 0.1
"""A key this soon after Esc is the rest of one key a terminal sent as Esc + key."""


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


def all_bindings() -> dict[str, Binding]:
    """Every binding of dialog-tui's screens and widgets, by id."""
    import importlib
    import pkgutil

    from .. import tui

    found: dict[str, Binding] = {}
    for info in pkgutil.walk_packages(tui.__path__, "dialog_tui.tui."):
        module = importlib.import_module(info.name)
        for cls in vars(module).values():
            if isinstance(cls, type) and cls.__module__ == info.name:
                for binding in cls.__dict__.get("BINDINGS", []):
                    if isinstance(binding, Binding) and binding.id:
                        found.setdefault(binding.id, binding)
    return found


_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


def _key_names() -> frozenset[str]:
    import string

    from textual.keys import Keys, _character_to_key

    names = {key.value.rsplit("+", 1)[-1] for key in Keys}
    names |= {_character_to_key(c) for c in string.punctuation}
    return frozenset(names | {"space"})


def valid_key(key: str) -> bool:
    """``ctrl+j``, ``f9``, ``alt+up``, ``x``: a key Textual can name."""
    *modifiers, name = key.strip().lower().split("+")
    if not name or not set(modifiers) <= _MODIFIERS:
        return False
    return (len(name) == 1 and name.isprintable()) or name in _key_names()


def parse_keymap(data: object, known: set[str]) -> tuple[dict[str, str], list[str]]:
    """A keymap file's table read as hostile input: the entries that may be used,
    and one short Danish phrase per entry left out."""
    from .. import strings as S

    if not isinstance(data, dict):
        return {}, [S.KEYMAP_NOT_TABLE]
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in data.items():
        if binding_id not in known:
            problems.append(S.KEYMAP_UNKNOWN_ID.format(id=binding_id))
        elif not isinstance(keys, str) or not all(valid_key(k) for k in keys.split(",")):
            problems.append(S.KEYMAP_BAD_KEY.format(id=binding_id, keys=keys))
        else:
            keymap[binding_id] = ",".join(k.strip().lower() for k in keys.split(","))
    return keymap, problems
