"""Notes drawn as lines: indent, bullet, coloured tag markers, text with a hanging
indent, wrapped exactly as the note editor wraps it (so moving the cursor onto a
note does not move a single character on the screen).

``NoteLines`` draws a run of notes with Textual's line API: each note is wrapped
once per width and cached, and only the lines on the screen are turned into
strips. A point of 3,000 notes costs two widgets, not 3,000."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, pairwise

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual._wrap import compute_wrap_offsets  # the editor's own wrapping (Textual pinned)
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from ... import strings as S
from ...model import Note

TAG_STYLES = {
    "observation": "bold white on dark_cyan",
    "goal": "bold white on dark_green",
    "attention": "bold black on yellow",
    "agreement": "bold white on magenta",
}
TAB_SIZE = 4
"""The note editor's (TextArea's) indent width, which its wrapping uses."""


def note_prefix(note: Note) -> Text:
    """Indent, bullet and markers, shared by the drawn notes and the editor's gutter."""
    text = Text("  " * note.level)
    text.append("• " if note.kind == "bullet" else "¶ ", style="dim")
    for tag in note.kinds:
        text.append(f" {S.TAG_MARKERS[tag]} ", style=TAG_STYLES[tag])
        text.append(" ")
    for theme in note.themes:
        text.append(f"#{theme} ", style="italic cyan")
    if note.internal:
        text.append(f" {S.INTERNAL_MARKER} ", style="bold white on red")
        text.append(" ")
    return text


def gutter_width(prefix: Text, width: int) -> int:
    """Cells for the prefix: all of it, but at most half the width (a note with
    every marker still has room for its text); the text hangs below it."""
    return max(2, min(prefix.cell_len, width // 2))


def text_width(prefix_width: int, width: int) -> int:
    """The width a note's text wraps at: what the editor has beside the gutter,
    less the cell it keeps for the cursor at a line's end."""
    return max(1, width - prefix_width - 1)


_CHUNK = re.compile(r"\S+\s*|\s+")
"""A word and the spaces after it, as the editor's wrapping splits a line."""


def _plain_offsets(line: str, width: int) -> list[int] | None:
    """``compute_wrap_offsets`` for the common line (no tabs, every character one
    cell, no word wider than the line) at a fraction of the cost, which is what
    opening a point of 3,000 notes spends its time on; None for any other line."""
    if "\t" in line or cell_len(line) != len(line):
        return None
    offsets: list[int] = []
    used = 0
    for match in _CHUNK.finditer(line):
        start, end = match.span()
        size = end - start
        if width - used >= size:
            used += size
        elif size > width:
            return None  # a word folded over lines: the general case
        else:
            offsets.append(start)
            used = size
    return offsets


def wrap_text(text: str, width: int) -> list[str]:
    """The text's lines as the editor shows them: each line break kept, each line
    wrapped at ``width`` cells (word by word, long words folded)."""
    pieces: list[str] = []
    for line in text.split("\n"):
        offsets = _plain_offsets(line, width)
        if offsets is None:
            offsets = compute_wrap_offsets(line, width, tab_size=TAB_SIZE)
        pieces += [line[a:b] for a, b in pairwise([0, *offsets, len(line)])] or [""]
    return pieces


def _shown(piece: str) -> Text:
    """A wrapped piece of text as drawn: a tab as the editor shows it (spaces to
    the next tab stop), never a raw control character on the screen."""
    text = Text(piece)
    if "\t" in piece:
        text.expand_tabs(TAB_SIZE)
    return text


class WrappedNote:
    """One note's lines at one width; strips are made only when first drawn."""

    __slots__ = ("pieces", "prefix", "prefix_width", "strips")

    def __init__(self, text: str, prefix: Text, width: int) -> None:
        self.prefix = prefix
        self.prefix_width = gutter_width(prefix, width)
        self.pieces = wrap_text(text, text_width(self.prefix_width, width))
        self.strips: list[Strip] | None = None

    def lines(self, console: Console, width: int) -> list[Strip]:
        if self.strips is None:
            prefix = self.prefix.copy()
            prefix.truncate(self.prefix_width, pad=True)
            indent = " " * self.prefix_width
            self.strips = [
                Strip(Text.assemble(prefix if i == 0 else indent, _shown(piece)).render(console))
                .crop(0, width)
                .extend_cell_length(width)
                for i, piece in enumerate(self.pieces)
            ]
        return self.strips


class NoteWrapper:
    """Every note wrapped once per width, shared by the views of one note list."""

    def __init__(self) -> None:
        self._width = 0
        self._cache: dict[tuple, WrappedNote] = {}
        self._prefixes: dict[tuple, Text] = {}
        """The few prefixes (level, kind, markers) a point's notes share."""

    def get(self, note: Note, width: int) -> WrappedNote:
        if width != self._width:
            self._cache.clear()
            self._width = width
        looks = (note.level, note.kind, tuple(note.tags), note.internal)
        key = (note.text, looks)
        wrapped = self._cache.get(key)
        if wrapped is None:
            if len(self._cache) > 20_000:  # edited notes leave old versions behind
                self._cache.clear()
            prefix = self._prefixes.get(looks)
            if prefix is None:
                prefix = self._prefixes[looks] = note_prefix(note)
            wrapped = self._cache[key] = WrappedNote(note.text, prefix, width)
        return wrapped


class WrappedBlocks(Widget):
    """Blocks of wrapped lines one under another (notes, tagged items), drawn with
    Textual's line API: only the lines on the screen are turned into strips."""

    DEFAULT_CSS = "WrappedBlocks { height: auto; }"

    def _line_starts(self, width: int) -> list[int]:
        """The first line of each block, and the total, at ``width``."""
        raise NotImplementedError

    def _block(self, index: int, width: int) -> WrappedNote:
        raise NotImplementedError

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._line_starts(width)[-1]

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        starts = self._line_starts(width)
        index = bisect_right(starts, y) - 1
        if not 0 <= index < len(starts) - 1:
            return Strip.blank(width, self.rich_style)
        line = y - starts[index]
        lines = self._block(index, width).lines(self.app.console, width)
        if line >= len(lines):  # an estimated height, taller than the block
            return Strip.blank(width, self.rich_style)
        return lines[line].apply_style(self.rich_style)

    def plain_lines(self) -> list[str]:
        """The lines as drawn, without styles (what the tests read)."""
        total = self._line_starts(self.size.width)[-1]
        return [self.render_line(y).text.rstrip() for y in range(total)]


class NoteLines(WrappedBlocks):
    """A run of notes drawn line by line (the notes above or below the editor).

    Its cost does not grow with the notes: at a width, only the notes nearest the
    editor (``near_end``: the last ones, above it; else the first ones) are wrapped
    at once, enough for ``REACH`` screens; every other note counts as the average
    height of those until ``settle`` wraps it (the note list calls it when the
    wheel scrolls there). Drawing never changes a height, so what the note list
    laid out and scrolled to is what is drawn."""

    REACH = 2
    """Screens of lines wrapped exactly on each side of the editor."""

    def __init__(self, wrapper: NoteWrapper, *, near_end: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.wrapper = wrapper
        self.near_end = near_end
        self.notes: list[Note] = []
        self._heights: list[int] = []
        self._exact: list[bool] = []
        self._starts: list[int] = [0]
        self._width = -1

    def show(self, notes: list[Note]) -> None:
        self.notes = notes
        self._width = -1
        self.display = bool(notes)
        self.refresh(layout=True)

    def _line_starts(self, width: int) -> list[int]:
        """The first line of each note, and the total, at ``width``."""
        if width != self._width:
            self._width = width
            self._measure(width)
        return self._starts

    def _measure(self, width: int) -> None:
        """Wrap the notes nearest the editor until they fill ``REACH`` screens;
        the rest are estimated."""
        count = len(self.notes)
        order = range(count - 1, -1, -1) if self.near_end else range(count)
        reach = self.REACH * max(self.app.size.height, 1)
        known: dict[int, int] = {}
        lines = 0
        for index in order:
            if lines >= reach:
                break
            known[index] = len(self.wrapper.get(self.notes[index], width).pieces)
            lines += known[index]
        guess = max(1, round(lines / len(known))) if known else 1
        self._heights = [guess] * count
        self._exact = [False] * count
        for index, height in known.items():
            self._heights[index] = height
            self._exact[index] = True
        self._starts = [0, *accumulate(self._heights)]

    def settle(self, top: int, bottom: int) -> int:
        """Wrap the estimated notes on lines ``top`` to ``bottom`` (and the lines
        they add); returns how many lines were added above ``top`` (the note list
        scrolls by as many, so what was on the screen stays there)."""
        width = self.size.width
        starts = self._line_starts(width)
        index = max(0, bisect_right(starts, top) - 1)
        above = changed = 0
        while index < len(self.notes) and self._starts[index] < bottom:
            if not self._exact[index]:
                self._exact[index] = True
                height = len(self.wrapper.get(self.notes[index], width).pieces)
                if height != self._heights[index]:
                    if self._starts[index] < top:
                        above += height - self._heights[index]
                    bottom += height - self._heights[index]
                    self._heights[index] = height
                    changed += 1
                    self._starts = [0, *accumulate(self._heights)]
            index += 1
        if changed:
            self.refresh(layout=True)
        return above

    def _block(self, index: int, width: int) -> WrappedNote:
        return self.wrapper.get(self.notes[index], width)

    def plain_lines(self) -> list[str]:
        """Every note wrapped, its lines as drawn (what the tests read)."""
        self.settle(0, len(self.notes) * 1000)
        return super().plain_lines()
