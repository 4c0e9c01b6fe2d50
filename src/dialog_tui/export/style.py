"""A municipality's memo style: ``memo.toml`` in the config folder.

Every option defaults to the layout the memo has always had, so no file means
no change. Shipped examples: ``docs/memo-styles/`` (documented in
``docs/export.md``). The file is hostile input like every other: one Danish line
naming the file and the field when it is wrong.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from .. import strings as S
from ..cleaning import Rule
from ..config import config_dir, read_toml
from ..errors import SettingsError
from ..model import FORBID, Dialogue, clean_text
from ..text import LOCALE, long_date

if TYPE_CHECKING:
    from docx.document import Document

FILE_NAME = "memo.toml"


def _one_line(v: str) -> str:
    return " ".join(clean_text(v).split())


def _bullet(v: str) -> str:
    if len(v) != 1 or unicodedata.category(v)[0] in "CZ":
        raise ValueError(S.STYLE_BAD_BULLET)
    return v


StyleLine = Annotated[str, Rule(after=_one_line)]


@dataclass(frozen=True, slots=True, kw_only=True)
class MemoStyle:
    """How the memo is laid out (the template decides fonts and letterhead); a plain
    dataclass, checked at the gate when ``memo.toml`` is read."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID

    name: StyleLine = field(
        default="", metadata={"description": "shown on the export screen", "max_length": 80}
    )
    agenda_list: bool = field(
        default=True, metadata={"description": "the opening list of agenda points"}
    )
    numbered_headings: bool = field(
        default=True, metadata={"description": "'1) <title>' headings"}
    )
    bullet: Annotated[str, Rule(after=_bullet)] = field(
        default="•", metadata={"description": "the bullet character"}
    )
    date_line: Literal["none", "short", "long"] = field(
        default="none",
        metadata={
            "description": "under the title: 'fredag d. 4/4 2025 kl. 9-12' (short) or "
            "'fredag d. 4. april 2025 kl. 9-12' (long)"
        },
    )
    participants: Literal["grouped", "list", "none"] = field(
        default="grouped",
        metadata={
            "description": "grouped by where people come from, one bullet per person, or left out"
        },
    )
    summary: bool = field(
        default=True, metadata={"description": "summary by theme, unless asked otherwise"}
    )
    empty_points: bool = field(
        default=True, metadata={"description": "print points that have no notes"}
    )
    question_marks: bool = field(
        default=True,
        metadata={"description": "'? → 5 %' for a goal without baseline (false: 'mål 5 %')"},
    )
    access: StyleLine = field(
        default="",
        metadata={
            "description": "access classification written into the filed document's properties",
            "max_length": 80,
        },
    )


DEFAULT = MemoStyle()


@dataclass(frozen=True)
class LoadedStyle:
    style: MemoStyle
    path: Path | None
    """The file it came from; None: no memo.toml, the default layout."""

    def describe(self) -> str:
        if self.path is None:
            return S.EXPORT_STYLE_DEFAULT.format(folder=config_dir())
        return f"{self.style.name} ({self.path})" if self.style.name else str(self.path)


def user_file() -> Path:
    return config_dir() / FILE_NAME


def load_style(path: Path | None = None) -> LoadedStyle:
    """The style of ``path`` (default: the config folder's ``memo.toml``, or the
    default layout when there is none); a bad file is a ``SettingsError``."""
    if path is None:
        path = user_file()
        if not path.exists():
            return LoadedStyle(DEFAULT, None)
    return LoadedStyle(read_toml(path, MemoStyle, SettingsError), path)


# --- What the options print ----------------------------------------------------


def _clock(value: time) -> str:
    """``9``, ``9.30``: times as a Danish memo writes them."""
    return str(value.hour) if not value.minute else f"{value.hour}.{value.minute:02d}"


def date_line(dialogue: Dialogue, form: str) -> str:
    """``fredag d. 4/4 2025 kl. 9-12`` (short) or ``fredag d. 4. april 2025 kl. 9-12``
    (long); the time is left out when not set, and ``""`` for form ``none``."""
    if form == "none":
        return ""
    held: date = dialogue.held_on
    weekday = _weekday(held)
    if form == "short":
        text = S.MEMO_DATE_LINE_SHORT.format(
            weekday=weekday, day=held.day, month=held.month, year=held.year
        )
    else:
        text = S.MEMO_DATE_LINE_LONG.format(weekday=weekday, date=long_date(held))
    start, end = dialogue.starts_at, dialogue.ends_at
    if start and end:
        text += S.MEMO_TIME_RANGE.format(start=_clock(start), end=_clock(end))
    elif start:
        text += S.MEMO_TIME_FROM.format(start=_clock(start))
    return text


def _weekday(value: date) -> str:
    from babel.dates import format_date

    return format_date(value, "EEEE", locale=LOCALE)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def use_bullet(document: Document, bullet: str, style_ids: list[str]) -> None:
    """Make the bullet list styles (by id) print ``bullet``: every level of the
    numbering definitions their paragraphs use, in a plain font (Word's default
    bullet is a Symbol-font glyph that would show as a square in another font)."""
    if bullet == DEFAULT.bullet:
        return
    styles = document.styles.element
    num_ids = set()
    for style in styles.iter(_W + "style"):
        if style.get(_W + "styleId") in style_ids:
            num_id = style.find(f"{_W}pPr/{_W}numPr/{_W}numId")
            if num_id is not None:
                num_ids.add(num_id.get(_W + "val"))
    if not num_ids:
        return
    numbering = document.part.numbering_part.element
    abstract_ids = {
        num.find(_W + "abstractNumId").get(_W + "val")
        for num in numbering.iter(_W + "num")
        if num.get(_W + "numId") in num_ids and num.find(_W + "abstractNumId") is not None
    }
    for abstract in numbering.iter(_W + "abstractNum"):
        if abstract.get(_W + "abstractNumId") not in abstract_ids:
            continue
        for level in abstract.iter(_W + "lvl"):
            fmt = level.find(_W + "numFmt")
            if fmt is not None and fmt.get(_W + "val") != "bullet":
                continue
            text = level.find(_W + "lvlText")
            if text is not None:
                text.set(_W + "val", bullet)
            fonts = level.find(f"{_W}rPr/{_W}rFonts")
            if fonts is not None:
                for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
                    if fonts.get(_W + attr) is not None:
                        fonts.set(_W + attr, "Courier New" if bullet == "o" else "Arial")
