"""The editor of the current note. It saves its own text on every change, in its own
message queue, so each keystroke is in SQLite before the next key reaches it."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea

from ... import strings as S


class NoteEditor(TextArea):
    HELP_GROUP = S.HELP_GROUP_NOTES
    BINDINGS = [
        Binding("enter", "new_note", S.KEY_NEW_NOTE, priority=True, show=False),
        Binding("tab", "indent(1)", S.KEY_INDENT, priority=True, show=False),
        Binding("shift+tab", "indent(-1)", S.KEY_OUTDENT, priority=True, show=False),
    ]

    class Navigate(Message):
        """Up at the first line or Down at the last: go to a neighbouring note."""

        def __init__(self, delta: int) -> None:
            super().__init__()
            self.delta = delta

    class NewNote(Message):
        pass

    class Indent(Message):
        def __init__(self, delta: int) -> None:
            super().__init__()
            self.delta = delta

    class DeleteEmpty(Message):
        pass

    def __init__(self, save: Callable[[str], None], **kwargs) -> None:
        super().__init__(soft_wrap=True, show_line_numbers=False, **kwargs)
        self._save = save

    def load_note(self, text: str) -> None:
        """Show a note's text without it looking like an edit (no save, no undo)."""
        with self.prevent(TextArea.Changed):
            self.load_text(text)
        self.move_cursor(self.document.end)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area is self:
            event.stop()
            self._save(self.text.replace("\n", " "))

    async def _on_key(self, event: events.Key) -> None:
        row, _ = self.cursor_location
        if event.key == "up" and row == 0:
            event.stop()
            event.prevent_default()
            self.post_message(self.Navigate(-1))
            return
        if event.key == "down" and row == self.document.line_count - 1:
            event.stop()
            event.prevent_default()
            self.post_message(self.Navigate(1))
            return
        if event.key == "backspace" and not self.text:
            event.stop()
            event.prevent_default()
            self.post_message(self.DeleteEmpty())
            return
        await super()._on_key(event)

    def action_new_note(self) -> None:
        self.post_message(self.NewNote())

    def action_indent(self, delta: int) -> None:
        self.post_message(self.Indent(delta))
