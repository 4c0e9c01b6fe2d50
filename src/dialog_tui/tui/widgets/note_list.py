"""The notes of the current agenda point: the notes before the current one drawn
as lines, the current one in the editor, the notes after it drawn as lines.

The notes and every write to them (with the undo stack) are the controller's
(``tui/notes.py``); this widget draws them and turns each ``Change`` it gets back
into lines, messages and notices. Whatever moves the caret (a key, a note action,
a point change, a resize), the list scrolls so the caret's line is in view."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.geometry import Region
from textual.message import Message
from textual.widgets import Static

from ... import strings as S
from ...model import GoalDetails, Note
from ..keys import with_ids
from ..notes import TOO_LONG, Change, NotesController
from .note_editor import NoteEditor
from .note_row import NoteLines, NoteWrapper, gutter_width, note_prefix


class NoteList(VerticalScroll, can_focus=False):
    BINDING_GROUP_TITLE = S.HELP_GROUP_NOTES
    # Priority, so each acts at its place among the typed keys (see ``in_order``).
    BINDINGS = with_ids(
        "note-list",
        [
            Binding("ctrl+w,ctrl+b", "toggle_kind", S.KEY_TOGGLE_KIND, priority=True, show=False),
            Binding("ctrl+up", "move(-1)", S.KEY_NOTE_UP, priority=True, show=False),
            Binding("ctrl+down", "move(1)", S.KEY_NOTE_DOWN, priority=True, show=False),
            Binding("ctrl+f", "move_to_point", S.KEY_NOTE_TO_POINT, show=False),
            Binding("f8", "delete", S.KEY_DELETE_NOTE, priority=True, show=False),
            Binding("ctrl+z", "undo", S.KEY_UNDO, priority=True, show=False),
        ],
    )

    class Saved(Message):
        """A write reached the database (for the status bar)."""

    class TagsChanged(Message):
        """Tags or goal details changed (for the side panel)."""

    class Refused(Message):
        """An edit was tried on a read-only dialogue (for the screen to say why)."""

    def __init__(self, controller: NotesController) -> None:
        super().__init__(id="notes")
        self.controller = controller
        wrapper = NoteWrapper()
        self.above = NoteLines(wrapper, id="above")
        self.below = NoteLines(wrapper, id="below")
        self.editor = NoteEditor(self, id="editor", read_only=controller.read_only)
        self.prefix_label = Static("", id="gutter")
        self.current_box = Horizontal(self.prefix_label, self.editor, id="current")
        self._caret_pending = False
        self._said_too_long = False

    def compose(self) -> ComposeResult:
        yield Static(S.MEETING_EMPTY_POINT, id="no-notes", classes="muted")
        yield self.above
        yield self.current_box
        yield self.below

    @property
    def notes(self) -> list[Note]:
        return self.controller.notes

    @property
    def note(self) -> Note | None:
        return self.controller.note

    @property
    def item_id(self) -> int | None:
        return self.controller.item_id

    # --- Drawing -------------------------------------------------------------

    async def show_point(self, item_id: int, note_id: int | None = None) -> None:
        await self.apply(self.controller.load(item_id, note_id))

    async def apply(self, change: Change) -> None:
        """Draw what a controller call changed and pass the news on."""
        if change.rows or change.added:
            self._select(self.controller.current)
        elif change.note is not None:
            self._show_note(change.note)
        if change.refused:
            self.refused()
        if change.notice:
            self.app.notify(change.notice)
        if change.saved:
            self.post_message(self.Saved())
        if change.tags:
            self.post_message(self.TagsChanged())

    def _show_note(self, note: Note) -> None:
        """A note changed in place."""
        current = self.controller.current
        if self.note is not None and self.note.id == note.id:
            self._refresh_gutter()
        elif any(n.id == note.id for n in self.notes):
            self.above.show(self.notes[:current])
            self.below.show(self.notes[current + 1 :])

    def _select(self, index: int) -> None:
        """Put the editor on note ``index``; the rest are drawn above and below it."""
        notes = self.notes
        self.query_one("#no-notes").display = not notes
        self.current_box.display = bool(notes)
        if not notes:
            self.above.show([])
            self.below.show([])
            return
        current = self.controller.select(index)
        self._said_too_long = False
        self.above.show(notes[:current])
        self.below.show(notes[current + 1 :])
        self.editor.load_note(notes[current].text)
        self._refresh_gutter()
        self.editor.focus()

    def _refresh_gutter(self) -> None:
        prefix = note_prefix(self.notes[self.controller.current])
        width = gutter_width(prefix, self.scrollable_content_region.width)
        prefix.truncate(width)
        self.prefix_label.update(prefix)
        self.prefix_label.styles.width = width
        self.show_caret()

    # --- The caret in view ---------------------------------------------------

    def show_caret(self) -> None:
        """Scroll so the caret's line is in view, once the layout has caught up
        with what just changed (the editor grown a line, a note added)."""
        if not self._caret_pending:
            self._caret_pending = True
            self.call_after_refresh(self._scroll_to_caret)

    def _scroll_to_caret(self) -> None:
        self._caret_pending = False
        if not self.current_box.display:
            return
        box = self.current_box.virtual_region
        caret = Region(0, box.y + self.editor.caret_row, 1, 1)
        # The whole note when it fits (its first line with the markers too), else
        # the caret's line.
        whole = box.height <= self.scrollable_content_region.height
        self.scroll_to_region(box if whole else caret, animate=False, immediate=True)

    def on_resize(self) -> None:
        if self.notes:
            self._refresh_gutter()

    def set_read_only(self, read_only: bool) -> None:
        self.editor.read_only = read_only

    # --- The editor's commands (NoteCommands) --------------------------------

    def refused(self) -> None:
        self.post_message(self.Refused())

    def in_order(self, action) -> None:
        """Run ``action`` after the keys already typed (see NoteEditor)."""
        self.editor.in_order(action)

    def save_text(self, text: str) -> None:
        change = self.controller.save_text(text)
        if change.saved:
            self.post_message(self.Saved())
        if change.notice:
            self.too_long()

    def too_long(self) -> None:
        """Say once per note that it is full (not on every key held down)."""
        if not self._said_too_long:
            self._said_too_long = True
            self.app.notify(TOO_LONG.notice or "", severity="warning")

    async def paste(self, texts: list[str], column: int) -> None:
        """Several pasted lines, each a note; the caret after the last line pasted."""
        change = self.controller.paste(texts)
        if change.notice:
            self.too_long()
            return
        await self.apply(change)
        self.editor.move_cursor((0, column))

    async def new_note(self) -> None:
        await self.apply(self.controller.add())

    async def indent(self, delta: int) -> None:
        await self.apply(self.controller.indent(delta))

    def navigate(self, delta: int) -> None:
        target = self.controller.current + delta
        if 0 <= target < len(self.notes):
            self._select(target)
            self.editor.move_cursor((0, 0) if delta > 0 else self.editor.document.end)
            self.show_caret()

    async def delete_empty(self) -> None:
        await self.apply(self.controller.delete_empty())

    # --- Writes from the screen's keys ---------------------------------------

    async def toggle_tag(self, tag: str) -> None:
        await self.apply(self.controller.toggle_tag(tag))

    async def set_goal(self, goal: GoalDetails, note: Note) -> None:
        await self.apply(self.controller.set_goal(goal, note))

    async def toggle_internal(self) -> None:
        await self.apply(self.controller.toggle_internal())

    async def move_to_item(self, item_id: int) -> None:
        await self.apply(self.controller.move_to_point(item_id))

    # --- Own keys, each in its place among the typed keys ---------------------

    def action_toggle_kind(self) -> None:
        self.in_order(lambda: self.apply(self.controller.toggle_kind()))

    def action_delete(self) -> None:
        self.in_order(lambda: self.apply(self.controller.delete()))

    def action_move(self, delta: int) -> None:
        self.in_order(lambda: self.apply(self.controller.move(delta)))

    def action_move_to_point(self) -> None:
        self.screen.action_move_note_to_point()

    def action_undo(self) -> None:
        self.in_order(self._undo)

    async def _undo(self) -> None:
        """Undo the last change: typing through the editor's own history, structural
        changes (delete, move, tags, indent, kind) through the controller."""
        if self.controller.last_change == "text" and self.editor.history.undo_stack:
            self.editor.action_undo()
            return
        await self.apply(self.controller.undo())
