"""The notes of the current agenda point: rows, with the current one in an editor.

Every change goes through the store at once; structural changes (delete, move, tags,
indent, kind) are recorded so Ctrl+Z can undo them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from ... import strings as S
from ...errors import DialogError
from ...model import Note
from ...store import Store
from .note_editor import NoteEditor
from .note_row import NoteRow, note_prefix


@dataclass
class UndoStep:
    what: str
    undo: Callable[[], int | None]
    """Restores the store and returns the note id to put the cursor on."""


class NoteList(VerticalScroll, can_focus=False):
    HELP_GROUP = S.HELP_GROUP_NOTES
    # Priority, so each acts at its place among the typed keys (see ``in_order``).
    BINDINGS = [
        Binding("ctrl+b", "toggle_kind", S.KEY_TOGGLE_KIND, priority=True, show=False),
        Binding("ctrl+up", "move(-1)", S.KEY_NOTE_UP, priority=True, show=False),
        Binding("ctrl+down", "move(1)", S.KEY_NOTE_DOWN, priority=True, show=False),
        Binding("ctrl+f", "move_to_point", S.KEY_NOTE_TO_POINT, show=False),
        Binding("f8", "delete", S.KEY_DELETE_NOTE, priority=True, show=False),
        Binding("ctrl+z", "undo", S.KEY_UNDO, priority=True, show=False),
    ]

    class Saved(Message):
        """A write reached the database (for the status bar)."""

    class TagsChanged(Message):
        """Tags or goal details changed (for the side panel)."""

    class Refused(Message):
        """An edit was tried on a read-only dialogue (for the screen to say why)."""

    def __init__(self, store: Store, *, read_only: bool = False) -> None:
        super().__init__(id="notes")
        self.store = store
        self.read_only = read_only
        self.item_id: int | None = None
        self.notes: list[Note] = []
        self.current = 0
        self.undo_stack: list[UndoStep] = []
        self._row_widgets: list[NoteRow] = []
        self.last_change = "structure"
        self.editor = NoteEditor(self, id="editor", read_only=read_only)
        self.prefix_label = Static("", id="gutter")
        self.current_box = Horizontal(self.prefix_label, self.editor, id="current")

    def compose(self) -> ComposeResult:
        yield Static(S.MEETING_EMPTY_POINT, id="no-notes", classes="muted")
        yield self.current_box

    # --- Loading -------------------------------------------------------------

    async def show_point(self, item_id: int, note_id: int | None = None) -> None:
        self.item_id = item_id
        self.notes = self.store.notes(item_id)
        index = next((i for i, n in enumerate(self.notes) if n.id == note_id), None)
        if index is None:
            index = len(self.notes) - 1
        if not self.notes and not self.read_only:
            self.notes = [self.store.add_note(item_id)]
            self.post_message(self.Saved())
            index = 0
        await self._rebuild(max(index, 0))

    async def _rebuild(self, current: int) -> None:
        await self.query(NoteRow).remove()
        rows = [NoteRow(n) for n in self.notes]
        self._row_widgets = rows
        if rows:
            await self.mount_all(rows, before=self.current_box)
        self.query_one("#no-notes").display = not self.notes
        self._select(current)

    def _rows(self) -> list[NoteRow]:
        """The rows in order. Kept as a list, not queried: a DOM query walks every
        row, which at 600 notes on one point cost milliseconds per keystroke."""
        return self._row_widgets

    def _select(self, index: int) -> None:
        rows = self._rows()
        if not rows:
            self.current_box.display = False
            return
        self.current = max(0, min(index, len(rows) - 1))
        for i, (row, note) in enumerate(zip(rows, self.notes, strict=True)):
            if row.note is not note:  # typed into while it was the current one
                row.show(note)
            row.display = i != self.current
        self.move_child(self.current_box, after=rows[self.current])
        self.current_box.display = True
        note = self.notes[self.current]
        self.editor.load_note(note.text)
        self._refresh_gutter()
        self.editor.focus()
        self.call_after_refresh(self.scroll_to_widget, self.current_box, animate=False)

    def _refresh_gutter(self) -> None:
        note = self.notes[self.current]
        prefix = note_prefix(note)
        self.prefix_label.update(prefix)
        self.prefix_label.styles.width = max(2, prefix.cell_len)

    @property
    def note(self) -> Note | None:
        return self.notes[self.current] if self.notes else None

    # --- Writing -------------------------------------------------------------

    def refused(self) -> None:
        self.post_message(self.Refused())

    def in_order(self, action) -> None:
        """Run ``action`` after the keys already typed (see NoteEditor)."""
        self.editor.in_order(action)

    def save_text(self, text: str) -> None:
        note = self.note
        if note is None or self.read_only or text == note.text:
            return
        try:
            self.store.set_note_text(note.id, text)
        except DialogError as e:
            self.app.notify(S.SAVE_FAILED.format(message=e), severity="error")
            return
        self.notes[self.current] = note.model_copy(update={"text": text})
        self.last_change = "text"
        self.post_message(self.Saved())

    def _update(self, what: str, note: Note | None = None, **fields) -> None:
        """Change a note's fields (the current one by default), undoably."""
        note = note or self.note
        if self.read_only:
            self.refused()
            return
        if note is None:
            return
        before = {k: getattr(note, k) for k in fields}
        try:
            updated = self.store.update_note(note.id, **fields)
        except DialogError as e:
            self.app.notify(S.SAVE_FAILED.format(message=e), severity="error")
            return
        self._replace(updated)
        note_id = note.id

        def undo() -> int:
            self.store.update_note(note_id, **before)
            return note_id

        self._push_undo(UndoStep(what, undo))
        self.post_message(self.Saved())
        if "tags" in fields or "goal" in fields or "internal" in fields:
            self.post_message(self.TagsChanged())

    def _push_undo(self, step: UndoStep) -> None:
        self.undo_stack.append(step)
        self.last_change = "structure"

    def _replace(self, note: Note) -> None:
        """Show a changed note, wherever it is in this point (or nowhere, if the
        point has changed since)."""
        index = next((i for i, n in enumerate(self.notes) if n.id == note.id), None)
        if index is None:
            return
        self.notes[index] = note
        self._rows()[index].show(note)
        if index == self.current:
            self._refresh_gutter()

    def toggle_tag(self, tag: str) -> None:
        note = self.note
        if note is None:
            return
        tags = [t for t in note.tags if t != tag] if tag in note.tags else [*note.tags, tag]
        self._update("tags", tags=tags)

    def set_goal(self, goal, note: Note) -> None:
        """Goal details for ``note``: the note the details were asked for, even if
        the cursor has moved on since."""
        try:
            note = self.store.get_note(note.id)
        except DialogError as e:  # deleted while the details were typed
            self.app.notify(S.SAVE_FAILED.format(message=e), severity="error")
            return
        tags = note.tags if "goal" in note.tags else [*note.tags, "goal"]
        self._update("tags", note, tags=tags, goal=goal)

    def toggle_internal(self) -> None:
        if self.note is not None:
            self._update("internal", internal=not self.note.internal)

    def indent(self, delta: int) -> None:
        note = self.note
        if note is not None:
            level = max(0, min(5, note.level + delta))
            if level != note.level:
                self._update("level", level=level)

    def action_toggle_kind(self) -> None:
        self.in_order(self._toggle_kind)

    def _toggle_kind(self) -> None:
        if self.note is not None:
            self._update("kind", kind="paragraph" if self.note.kind == "bullet" else "bullet")

    async def new_note(self) -> None:
        note = self.note
        if self.read_only or self.item_id is None:
            return
        position = self.current + 1 if note else 0
        level = note.level if note else 0
        kind = note.kind if note else "bullet"
        new = self.store.add_note(self.item_id, kind=kind, level=level, position=position)
        self.notes.insert(position, new)
        row = NoteRow(new)
        rows = self._rows()
        if rows and position - 1 < len(rows):
            await self.mount(row, after=rows[position - 1] if position else None)
        else:
            await self.mount(row, before=self.current_box)
        rows.insert(position, row)
        self._select(position)
        self.post_message(self.Saved())

    def navigate(self, delta: int) -> None:
        target = self.current + delta
        if 0 <= target < len(self.notes):
            self._select(target)
            self.editor.move_cursor((0, 0) if delta > 0 else self.editor.document.end)

    async def delete_empty(self) -> None:
        if len(self.notes) > 1:
            await self._delete()

    def action_delete(self) -> None:
        self.in_order(self._delete)

    async def _delete(self) -> None:
        note = self.note
        if note is None or self.read_only or self.item_id is None:
            return
        position, item_id = self.current, self.item_id
        deleted = self.store.delete_note(note.id)

        def undo() -> int:
            return self.store.insert_note(item_id, deleted, position=position).id

        self._push_undo(UndoStep("delete", undo))
        self.notes.pop(position)
        if not self.notes:
            self.notes = [self.store.add_note(item_id)]
        await self._rebuild(max(position - 1, 0))
        self.post_message(self.Saved())
        self.post_message(self.TagsChanged())

    def action_move(self, delta: int) -> None:
        self.in_order(lambda: self._move(delta))

    async def _move(self, delta: int) -> None:
        note = self.note
        target = self.current + delta
        if note is None or self.read_only or not 0 <= target < len(self.notes):
            return
        old = self.current
        self.store.move_note(note.id, target)

        def undo() -> int:
            self.store.move_note(note.id, old)
            return note.id

        self._push_undo(UndoStep("move", undo))
        self.notes.insert(target, self.notes.pop(old))
        await self._rebuild(target)
        self.post_message(self.Saved())

    async def move_to_item(self, item_id: int) -> None:
        note = self.note
        if note is None or self.read_only or item_id == self.item_id:
            return
        old_item, old_pos = self.item_id, self.current
        self.store.move_note(note.id, 10**6, item_id=item_id)

        def undo() -> int:
            self.store.move_note(note.id, old_pos, item_id=old_item)
            return note.id

        self._push_undo(UndoStep("move", undo))
        await self.show_point(self.item_id, None)
        self.post_message(self.Saved())
        self.post_message(self.TagsChanged())

    def action_move_to_point(self) -> None:
        self.screen.action_move_note_to_point()

    def action_undo(self) -> None:
        self.in_order(self._undo)

    async def _undo(self) -> None:
        """Undo the last change: typing through the editor's own history, structural
        changes (delete, move, tags, indent, kind) through the store."""
        if self.last_change == "text" and self.editor.history.undo_stack:
            self.editor.action_undo()
            return
        if not self.undo_stack:
            self.app.notify(S.NOTHING_TO_UNDO)
            return
        step = self.undo_stack.pop()
        note_id = step.undo()
        self.app.notify(S.UNDONE.format(what=S.UNDO_WHAT[step.what]))
        if self.item_id is not None:
            await self.show_point(self.item_id, note_id)
        self.post_message(self.Saved())
        self.post_message(self.TagsChanged())
