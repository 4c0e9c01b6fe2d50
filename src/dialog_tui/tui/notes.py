"""The notes of the current agenda point and every write to them, with the undo stack.

No Textual here: ``NoteList`` draws what this holds and calls it for each key; each
call returns a ``Change`` saying what to redraw. Every write reaches the store at
once, through the session's one error funnel (``MeetingSession.write``). Text whose
write failed (full disk, busy or vanished database) is held in ``unsaved`` and shown
as typed; it is written, oldest first, before anything else and on the screen's
retry timer. While any is held, structural actions are refused with a line saying
why (they could not be written either, and must not overtake the text).
Structural changes (delete, move, tags, goal, indent, kind, internal) are recorded
so Ctrl+Z can undo them; typing is the editor's own undo.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from .. import strings as S
from ..errors import DialogError
from ..model import MAX_NOTE_CHARS, GoalDetails, Note
from ..store import Store
from .collector import collector_paused
from .session import MeetingSession
from .unsaved import UnsavedText

MAX_LEVEL = 5
SEARCH_IDLE_SECONDS = 2.0
"""How long typing pauses before what was typed is put in the search index."""


@dataclass
class UndoStep:
    what: str
    undo: Callable[[], int | None]
    """Restores the store and returns the note id to put the cursor on."""


@dataclass(frozen=True)
class Change:
    """What a call changed, for the note list to redraw."""

    saved: bool = False
    """A write reached the database (the status bar's "saved")."""
    tags: bool = False
    """Tags, goal details or internal changed (the side panel)."""
    rows: bool = False
    """Notes were added, deleted, moved or reloaded: redraw every row."""
    note: Note | None = None
    """One note changed in place (or, with ``added``, a new one): redraw its row."""
    added: bool = False
    refused: bool = False
    """An edit was tried on a read-only dialogue."""
    notice: str | None = None
    """A line to show (what was undone)."""


NOTHING = Change()
TOO_LONG = Change(notice=S.NOTE_TOO_LONG.format(max=f"{MAX_NOTE_CHARS:,}".replace(",", ".")))


def too_long(text: str, before: str = "") -> bool:
    """Over the cap, and longer than it was (an older, longer note may still shrink)."""
    return len(text) > MAX_NOTE_CHARS and len(text) > len(before)


def toggled(tags: list[str], tag: str) -> list[str]:
    return [t for t in tags if t != tag] if tag in tags else [*tags, tag]


def theme_from(value: str) -> str | None:
    """The theme a typed name stands for: its Danish label or key, or the one label
    or key it begins ("forældre" → forældresamarbejde), among the plan's themes
    (themes.toml); None when none or several fit."""
    from ..errors import DialogError
    from ..themes import current_themes

    try:
        return current_themes().resolve(value)
    except DialogError:
        return None


class NotesController(UnsavedText):
    """The current point's notes, the cursor among them, and the undo stack."""

    def __init__(self, store: Store, session: MeetingSession) -> None:
        self.store = store
        self.session = session
        self.item_id: int | None = None
        self.notes: list[Note] = []
        self.current = 0
        self.undo_stack: list[UndoStep] = []
        self.last_change = "structure"
        """"text" after typing (Ctrl+Z undoes in the editor), else "structure"."""
        self.next_try = 0.0
        self.unsaved: dict[int, tuple[str, datetime]] = {}
        """Note id -> (text, when typed) not yet written, the oldest first."""
        self.typed_at: float | None = None
        """When text was last typed that the search index has not caught up with."""

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    @property
    def note(self) -> Note | None:
        return self.notes[self.current] if self.notes else None

    def select(self, index: int) -> int:
        """Put the cursor on note ``index`` (clamped); returns where it is."""
        self.current = max(0, min(index, len(self.notes) - 1))
        return self.current

    # --- Loading -------------------------------------------------------------

    def load(self, item_id: int, note_id: int | None = None) -> Change:
        """The notes of point ``item_id``, the cursor on ``note_id`` (else the last).
        A writable point is never empty: it gets a first, blank note."""
        self.item_id = item_id
        with collector_paused():  # 3,000 notes: their collections were a third of this
            self.notes = [self._as_typed(n) for n in self.store.notes(item_id)]
        index = next((i for i, n in enumerate(self.notes) if n.id == note_id), None)
        saved = False
        if not self.notes and not self.read_only:
            first = self.session.write(lambda: self.store.add_note(item_id))
            if first is not None:
                self.notes, saved = [first], True
        self.select(len(self.notes) - 1 if index is None else index)
        return Change(saved=saved, rows=True)

    # --- Text ----------------------------------------------------------------

    def save_text(self, text: str) -> Change:
        """The keystroke path: the current note's whole text, written at once (or
        held in ``unsaved`` until a write succeeds)."""
        note = self.note
        if note is None or self.read_only or text == note.text:
            return NOTHING
        if too_long(text, note.text):
            return TOO_LONG
        self.notes[self.current] = replace(note, text=text)
        self.unsaved.pop(note.id, None)  # re-inserted: the newest
        self.unsaved[note.id] = (text, self.session.now())
        self.last_change = "text"
        self.typed_at = self.session.clock()
        return Change(saved=self.flush())

    def index_typed(self, *, idle: bool = True) -> bool:
        """The screen's tick (``idle``: once typing has paused) and leaving: put
        what was typed in the search index, which the keys themselves leave alone
        (their commit writes the note only). Never said when it fails: a search
        catches up before it looks, and so does the next open. True when typing
        had paused (the moment for other chores kept off the keys)."""
        typed_at = self.typed_at
        if typed_at is None or self.unsaved:
            return False
        if idle and self.session.clock() - typed_at < SEARCH_IDLE_SECONDS:
            return False
        self.typed_at = None
        with contextlib.suppress(DialogError):
            self.store.index_typed()
        return True

    def _blocked(self) -> Change | None:
        """A refusal while held text cannot be written, else None."""
        if self.unsaved and not self.flush(now=True):
            return Change(notice=S.UNSAVED_REFUSED)
        return None

    # --- Fields, undoably ----------------------------------------------------

    def _update(self, what: str, note: Note | None = None, **fields: Any) -> Change:
        """Change a note's fields (the current one by default), undoably."""
        note = note or self.note
        if self.read_only:
            return Change(refused=True)
        if note is None:
            return NOTHING
        if blocked := self._blocked():
            return blocked
        before = {k: getattr(note, k) for k in fields}
        updated = self.session.write(lambda: self.store.update_note(note.id, **fields))
        if updated is None:
            return NOTHING
        note_id = note.id
        shown = self._replace(updated)

        def undo() -> int:
            self.store.update_note(note_id, **before)
            return note_id

        self._push_undo(UndoStep(what, undo))
        tags = bool({"tags", "goal", "internal"} & fields.keys())
        return Change(saved=True, tags=tags, note=updated if shown else None)

    def _replace(self, note: Note) -> bool:
        """Hold a changed note in its place; False if it is not in this point (the
        cursor has moved to another point since)."""
        index = next((i for i, n in enumerate(self.notes) if n.id == note.id), None)
        if index is None:
            return False
        self.notes[index] = note
        return True

    def _push_undo(self, step: UndoStep) -> None:
        self.undo_stack.append(step)
        self.last_change = "structure"

    def toggle_tag(self, tag: str) -> Change:
        if self.note is None:
            return NOTHING
        return self._update("tags", tags=toggled(self.note.tags, tag))

    def set_goal(self, goal: GoalDetails, note: Note) -> Change:
        """Goal details for ``note``: the note they were asked for, even if the
        cursor has moved on since; it is tagged a goal if it is not already."""
        if self.read_only:
            return Change(refused=True)
        if blocked := self._blocked():
            return blocked
        fresh = self.session.write(lambda: self.store.get_note(note.id))
        if fresh is None:  # deleted while the details were typed
            return NOTHING
        tags = fresh.tags if "goal" in fresh.tags else [*fresh.tags, "goal"]
        return self._update("tags", fresh, tags=tags, goal=goal)

    def toggle_internal(self) -> Change:
        if self.note is None:
            return NOTHING
        return self._update("internal", internal=not self.note.internal)

    def indent(self, delta: int) -> Change:
        note = self.note
        if note is None:
            return NOTHING
        level = max(0, min(MAX_LEVEL, note.level + delta))
        if level == note.level:
            return NOTHING
        return self._update("level", level=level)

    def toggle_kind(self) -> Change:
        if self.note is None:
            return NOTHING
        return self._update("kind", kind="paragraph" if self.note.kind == "bullet" else "bullet")

    # --- Structure -----------------------------------------------------------

    def add(self) -> Change:
        """A blank note after the current one, of its kind and level; the cursor
        moves to it. ``Change.note`` is the new note (at ``current``)."""
        note, item_id = self.note, self.item_id
        if self.read_only or item_id is None:
            return NOTHING
        if blocked := self._blocked():
            return blocked
        position = self.current + 1 if note else 0
        level = note.level if note else 0
        kind = note.kind if note else "bullet"
        new = self.session.write(
            lambda: self.store.add_note(item_id, kind=kind, level=level, position=position)
        )
        if new is None:
            return NOTHING
        self.notes.insert(position, new)
        self.current = position
        return Change(saved=True, note=new, added=True)

    def paste(self, texts: list[str]) -> Change:
        """A paste of several lines: the current note's text becomes ``texts[0]``
        and each further text a note after it, of its kind and level; the cursor
        goes to the last. Undone as one."""
        note, item_id, position = self.note, self.item_id, self.current
        if self.read_only:
            return Change(refused=True)
        if note is None or item_id is None or not texts:
            return NOTHING
        if any(too_long(text) for text in texts):
            return TOO_LONG
        if blocked := self._blocked():
            return blocked
        before = note.text

        def write() -> list[Note]:
            self.store.set_note_text(note.id, texts[0])
            return [
                self.store.add_note(
                    item_id, text, kind=note.kind, level=note.level, position=position + i
                )
                for i, text in enumerate(texts[1:], 1)
            ]

        added = self.session.write(write)
        if added is None:  # part of it may be in: show what is saved
            self.load(item_id, note.id)
            return Change(rows=True)

        def undo() -> int:
            for new in added:
                self.store.delete_note(new.id)
            self.store.set_note_text(note.id, before)
            return note.id

        self._push_undo(UndoStep("paste", undo))
        self.notes[position] = replace(note, text=texts[0])
        self.notes[position + 1 : position + 1] = added
        self.current = position + len(added)
        return Change(saved=True, rows=True)

    def delete(self) -> Change:
        """Delete the current note (undoably); the point keeps one blank note."""
        note, item_id, position = self.note, self.item_id, self.current
        if note is None or self.read_only or item_id is None:
            return NOTHING
        if blocked := self._blocked():
            return blocked
        deleted = self.session.write(lambda: self.store.delete_note(note.id))
        if deleted is None:
            return NOTHING

        def undo() -> int:
            return self.store.insert_note(item_id, deleted, position=position).id

        self._push_undo(UndoStep("delete", undo))
        self.notes.pop(position)
        if not self.notes:
            blank = self.session.write(lambda: self.store.add_note(item_id))
            self.notes = [blank] if blank is not None else []
        self.select(position - 1)
        return Change(saved=True, tags=True, rows=True)

    def delete_empty(self) -> Change:
        """Backspace in an empty note: delete it unless it is the point's only one."""
        return self.delete() if len(self.notes) > 1 else NOTHING

    def move(self, delta: int) -> Change:
        """Move the current note up or down within its point (undoably)."""
        note, old = self.note, self.current
        target = old + delta
        if note is None or self.read_only or not 0 <= target < len(self.notes):
            return NOTHING
        if blocked := self._blocked():
            return blocked
        if not self.session.attempt(lambda: self.store.move_note(note.id, target)):
            return NOTHING

        def undo() -> int:
            self.store.move_note(note.id, old)
            return note.id

        self._push_undo(UndoStep("move", undo))
        self.notes.insert(target, self.notes.pop(old))
        self.current = target
        return Change(saved=True, rows=True)

    def move_to_point(self, item_id: int) -> Change:
        """Move the current note to the end of another point, at level 0 (its level
        here would make it a sub-bullet of whatever ends that point), undoably; the
        cursor stays where the note was."""
        note, old_item, old_pos = self.note, self.item_id, self.current
        if note is None or self.read_only or old_item is None or item_id == old_item:
            return NOTHING
        if blocked := self._blocked():
            return blocked

        def move() -> None:
            self.store.move_note(note.id, 10**6, item_id=item_id)
            if note.level:
                self.store.update_note(note.id, level=0)

        if not self.session.attempt(move):
            return NOTHING

        def undo() -> int:
            self.store.move_note(note.id, old_pos, item_id=old_item)
            if note.level:
                self.store.update_note(note.id, level=note.level)
            return note.id

        self._push_undo(UndoStep("move", undo))
        self.load(old_item)
        self.select(old_pos)
        return Change(saved=True, tags=True, rows=True)

    # --- Undo ----------------------------------------------------------------

    def undo(self) -> Change:
        """Undo the last structural change through the store."""
        if self.read_only:
            return Change(refused=True)
        if not self.undo_stack:
            return Change(notice=S.NOTHING_TO_UNDO)
        if blocked := self._blocked():
            return blocked
        step = self.undo_stack.pop()
        note_id = self.session.write(step.undo)
        if note_id is None:
            self.undo_stack.append(step)  # still there to try again
            return NOTHING
        if self.item_id is not None:
            self.load(self.item_id, note_id)
        return Change(
            saved=True, tags=True, rows=True, notice=S.UNDONE.format(what=S.UNDO_WHAT[step.what])
        )
