"""Which theme a goal belongs to in a document: shared by the memo and the council
overview. (How a goal and its follow-up read is ``dialog_tui.text``.)"""

from __future__ import annotations

from ..model import Note


def note_theme(note: Note) -> str | None:
    """The development plan's theme a note belongs to: its goal's, else its first tag's."""
    if note.goal and note.goal.theme:
        return note.goal.theme
    return note.themes[0] if note.themes else None
