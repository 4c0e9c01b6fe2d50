"""What counts as text: the one definition of the characters that are not.

Text comes from people typing, pasting, JSON and agenda files, and goes to
terminals, Word and PDF. Characters a terminal or a document reads as an order
rather than as text are dropped at the model boundary (:func:`clean_text`,
:func:`clean_line`) and made visible wherever anything else is printed
(:func:`visible`):

- C0 and C1 control characters and DEL, except ``\\n`` and ``\\t`` in text that
  may span lines. Line breaks (``\\r\\n``, ``\\r``, U+2028, U+2029) become ``\\n``
  there and a space in one-line fields, so words never run together.
- Whole escape sequences, not only their ESC: CSI (``ESC [ … m``, U+009B), OSC
  (``ESC ] 52 ; c ; … BEL``: clipboard, window title, links), DCS, SOS, PM, APC
  and ``ESC`` + intermediates + final; so nothing like ``]52;c;…`` is left behind.
- Format characters (Unicode Cf): bidi overrides, embeddings and isolates (which
  reorder what is shown, "Trojan Source"), zero-width spaces, soft hyphens, BOMs,
  invisible tags. Kept: ZWNJ and ZWJ, which join emoji (👩‍🏫) and letters, and the
  tag characters inside an emoji flag sequence (🏴 + tags + cancel tag).
- Lone surrogates (which cannot be stored as UTF-8) and Unicode noncharacters.

Ordinary text is untouched: æøå, every script, emoji, no-break spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

_ESC_SEQUENCE = re.compile(
    r"""
      (?:\x1b\[|\x9b) [\x30-\x3f]* [\x20-\x2f]* [\x40-\x7e]?    # CSI
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])                   # OSC DCS SOS PM APC
      [^\x00-\x1f\x7f-\x9f]* (?:\x07|\x1b\\|\x9c)?              #   body, terminator
    | \x1b [\x20-\x2f]+ [\x30-\x7e]?                            # nF: ESC ( B …
    """,
    re.VERBOSE,
)
_EMOJI_TAG_SEQUENCE = re.compile("\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f")
_LINE_BREAK = re.compile("\r\n|[\r\u2028\u2029]")
_JOINERS = frozenset("\u200c\u200d")


def _is_noncharacter(ch: str) -> bool:
    cp = ord(ch)
    return 0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFE) == 0xFFFE


def unsafe(ch: str, keep: str = "") -> bool:
    """True for a character that is not text (see the module docstring)."""
    if ch in keep or ch in _JOINERS:
        return False
    category = unicodedata.category(ch)
    return category in ("Cc", "Cf", "Cs") or _is_noncharacter(ch)


def _drop(text: str, keep: str) -> str:
    kept = _EMOJI_TAG_SEQUENCE.findall(text)
    parts = _EMOJI_TAG_SEQUENCE.split(text)
    out = ["".join(ch for ch in part if not unsafe(ch, keep)) for part in parts]
    return "".join(p + (kept[i] if i < len(kept) else "") for i, p in enumerate(out))


def clean_text(text: str) -> str:
    """Text that may span lines (a note): keeps ``\\n`` and ``\\t``."""
    if text.isprintable():
        return text
    text = _LINE_BREAK.sub("\n", _ESC_SEQUENCE.sub("", text))
    return _drop(text, "\n\t")


def clean_line(text: str) -> str:
    """One line (a name, a title): tabs and line breaks become spaces."""
    if text.isprintable():
        return text
    text = _LINE_BREAK.sub("\n", _ESC_SEQUENCE.sub("", text))
    return _drop(text.replace("\n", " ").replace("\t", " "), "")


def visible(text: str, keep: str = "\n\t") -> str:
    """For a terminal: each character that is not text written as ``\\x1b``,
    ``\\u202e`` …, so a hostile path or name is shown, never obeyed."""
    if text.isprintable():
        return text
    return "".join(_escaped(ch) if unsafe(ch, keep) else ch for ch in text)


def _escaped(ch: str) -> str:
    cp = ord(ch)
    return f"\\x{cp:02x}" if cp < 0x100 else f"\\u{cp:04x}" if cp < 0x10000 else f"\\U{cp:08x}"


class Rule:
    """A field's rule at the gate, written in the model's (string) annotations:
    ``Annotated[str, Rule(before=clean_line, max_length=60)]``. The model's classes
    are plain dataclasses, so reading our own rows builds them without pydantic;
    pydantic reads these rules only when something from outside is validated
    (``dialog_tui.gate``), through its ``__get_pydantic_core_schema__`` hook.

    ``before`` runs on a str before the type is checked (cleaning; on any value with
    ``any_value``), ``after`` on the checked value; ``constraints`` are the core
    schema's (``max_length``, ``ge``, ``pattern``, …) for the type annotated;
    ``serialize`` writes the value in JSON;
    ``hidden`` keeps the field out of the published JSON Schema."""

    __slots__ = ("after", "any_value", "before", "constraints", "hidden", "serialize")

    def __init__(
        self,
        *,
        before: Callable[[Any], object] | None = None,
        any_value: bool = False,
        after: Callable[[Any], Any] | None = None,
        serialize: Callable[[Any], Any] | None = None,
        hidden: bool = False,
        **constraints: object,
    ) -> None:
        self.before, self.after, self.serialize = before, after, serialize
        self.hidden, self.constraints, self.any_value = hidden, constraints, any_value

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema as cs

        schema = handler(source)
        schema.update(self.constraints)
        if self.after is not None:
            schema = cs.no_info_after_validator_function(self.after, schema)
        if self.before is not None:
            before, any_value = self.before, self.any_value
            schema = cs.no_info_before_validator_function(
                lambda v: before(v) if any_value or isinstance(v, str) else v, schema
            )
        if self.serialize is not None:
            schema["serialization"] = cs.plain_serializer_function_ser_schema(
                self.serialize, when_used="json-unless-none"
            )
        return schema

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> Any:
        if self.hidden:
            from pydantic_core import PydanticOmit

            raise PydanticOmit
        return handler(schema)
