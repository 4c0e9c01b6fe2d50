"""One note as a line in the list: indent, bullet, coloured tag markers, text."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ... import strings as S
from ...model import Note

TAG_STYLES = {
    "observation": "bold white on dark_cyan",
    "goal": "bold white on dark_green",
    "attention": "bold black on yellow",
    "agreement": "bold white on magenta",
}


def note_prefix(note: Note) -> Text:
    """Indent, bullet and markers, shared by the rows and the editor's gutter."""
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


def render_note(note: Note) -> Text:
    text = note_prefix(note)
    text.append(note.text)
    return text


class NoteRow(Static):
    def __init__(self, note: Note) -> None:
        super().__init__(render_note(note), classes="note-row")
        self.note = note

    def show(self, note: Note) -> None:
        self.note = note
        self.update(render_note(note))
