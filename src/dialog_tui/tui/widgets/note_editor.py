"""The editor of the current note.

Keys can arrive faster than the app handles them (a fast typist, a slow laptop).
So the editor handles every key itself, in its own message queue: characters, its
own bindings (``field.OwnKeysInOrder``) and the structure keys (Enter, Tab,
Up/Down at the edges), each fully, text saved, before the next key. Actions bound
elsewhere that act on the notes (tags, point changes, undo) queue behind the
typed keys with ``in_order``, so everything happens in the order it was typed.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Protocol

from textual import events
from textual.binding import Binding
from textual.geometry import Offset
from textual.message import Message
from textual.widgets import TextArea

from ... import strings as S
from ...model import MAX_NOTE_CHARS
from ..keys import with_ids
from ..speakers import at_sign, attribution, matching
from .field import OwnKeysInOrder
from .speaker_choices import SpeakerChoices

Deferred = Callable[[], Awaitable[None] | None]
_EDITING_KEYS = frozenset({"enter", "tab", "shift+tab", "backspace", "delete"})


class NoteCommands(Protocol):
    """What the editor asks of the note list it edits for."""

    def save_text(self, text: str) -> None: ...
    def show_caret(self) -> None: ...
    async def new_note(self) -> None: ...
    async def indent(self, delta: int) -> None: ...
    def navigate(self, delta: int) -> None: ...
    def action_move(self, delta: int) -> None: ...
    async def delete_empty(self) -> None: ...
    async def paste(self, texts: list[str], column: int) -> None: ...
    def too_long(self) -> None: ...
    def refused(self) -> None: ...


class NoteEditor(OwnKeysInOrder, TextArea):
    BINDING_GROUP_TITLE = S.HELP_GROUP_NOTES
    # Shown in the footer, help and palette; the keys themselves are handled in
    # ``_on_key`` so they act in typing order.
    BINDINGS = with_ids(
        "note-editor",
        [
            Binding("enter", "new_note", S.KEY_NEW_NOTE, show=False),
            Binding("tab", "indent(1)", S.KEY_INDENT, show=False),
            Binding("shift+tab", "indent(-1)", S.KEY_OUTDENT, show=False),
            # A safe first choice for moving the note (Ctrl+Up/Down are the
            # terminals'): Ctrl+X, then Up/Down as often as needed.
            Binding("ctrl+x", "move_mode", S.KEY_NOTE_MOVE_MODE, show=False),
        ],
    )

    class Run(Message, bubble=False):
        """An action queued behind the keys typed before it."""

        def __init__(self, action: Deferred) -> None:
            super().__init__()
            self.action = action

    def __init__(self, commands: NoteCommands, **kwargs) -> None:
        super().__init__(soft_wrap=True, show_line_numbers=False, **kwargs)
        self.commands = commands
        self.moving = False
        """After Ctrl+X: Up/Down move the note; any other key ends it (and acts)."""
        self.speakers: Callable[[], list[str]] = list
        """The participants' names, those present at this point first (the screen's)."""
        self._offer: tuple[tuple[int, int], list[str], int] | None = None
        """``@`` completion: where the ``@`` is, the names it can become, the chosen one."""
        self._names: tuple[tuple[int, int], list[str]] | None = None
        self._declined: tuple[int, int] | None = None
        self._choices = SpeakerChoices()

    def load_note(self, text: str) -> None:
        """Show a note's text without it looking like an edit (no save, no undo)."""
        self._end_offer()
        with self.prevent(TextArea.Changed):
            self.load_text(text)
        self.move_cursor(self.document.end)

    @property
    def caret_row(self) -> int:
        """The screen line of the caret within the note, wrapping counted."""
        return self.wrapped_document.location_to_offset(self.cursor_location).y

    def scroll_cursor_visible(self, center: bool = False, animate: bool = False) -> Offset:
        """The editor is as tall as its note and never scrolls itself (a line
        scrolled out of it looked missing or repeated until the next key): the
        note list scrolls instead."""
        self._recompute_cursor_offset()
        self.commands.show_caret()
        return Offset(0, 0)

    def _on_resize(self, event: events.Resize) -> None:
        """A new width (the window, or the gutter beside a note's markers) wraps the
        note anew: draw it so at once, and bring the caret's new line into view."""
        event.prevent_default()  # TextArea's own handler runs here, not again after
        super()._on_resize()
        self._recompute_cursor_offset()
        self.refresh()
        self.commands.show_caret()

    def in_order(self, action: Deferred) -> None:
        """Run ``action`` after every key already on its way to the editor."""
        self.post_message(self.Run(action))

    async def on_note_editor_run(self, message: Run) -> None:
        result = message.action()
        if inspect.isawaitable(result):
            await result

    def _save(self) -> None:
        """The whole text, as shown: line breaks (from older notes) stay line breaks."""
        self.commands.save_text(self.text)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Edits that do not come from a key (paste, undo) are saved here."""
        if event.text_area is self:
            event.stop()
            self._save()

    def _structure(self, key: str) -> Deferred | None:
        """The note-list command a key stands for here, if any."""
        row = self.caret_row  # Up/Down walk the wrapped lines before leaving the note
        last_row = self.wrapped_document.height - 1
        commands = self.commands
        return {
            "enter": commands.new_note,
            "tab": lambda: commands.indent(1),
            "shift+tab": lambda: commands.indent(-1),
            "up": (lambda: commands.navigate(-1)) if row == 0 else None,
            "down": (lambda: commands.navigate(1)) if row == last_row else None,
            "backspace": commands.delete_empty if not self.text else None,
        }.get(key)

    def _fits(self, added: int) -> bool:
        """Whether replacing the selection by ``added`` characters stays within the cap."""
        start, end = sorted(self.selection)
        selected = len(self.get_text_range(start, end))
        return len(self.text) - selected + added <= MAX_NOTE_CHARS

    async def _on_paste(self, event: events.Paste) -> None:
        """One line goes into the note at the caret; several lines become several
        notes (as if Enter had been pressed between them), blank lines dropped. So
        the screen, the database and the memo show the same notes."""
        event.stop()
        event.prevent_default()
        if self.read_only:
            self.commands.refused()
            return
        # Terminals send a pasted line break as CR (tmux, xterm), LF or CR LF.
        text = event.text.replace("\r\n", "\n").replace("\r", "\n")
        lines = [line for line in text.split("\n") if line.strip()]
        if not lines:
            return
        if len(lines) == 1:
            if not self._fits(len(lines[0])):
                self.commands.too_long()
            elif result := self._replace_via_keyboard(lines[0], *self.selection):
                self.move_cursor(result.end_location)
            return
        start, end = sorted(self.selection)
        before = self.get_text_range((0, 0), start)
        after = self.get_text_range(end, self.document.end)
        texts = [before + lines[0], *lines[1:-1], lines[-1] + after]
        await self.commands.paste(texts, len(lines[-1]))

    def _moved(self, key: str) -> bool:
        """In move mode, Up/Down move the note; another key ends the mode."""
        if not self.moving:
            return False
        if key in ("up", "down"):
            self.commands.action_move(-1 if key == "up" else 1)
            return True
        self.moving = False
        return key == "ctrl+x"

    # --- Who said what: ``@`` completion --------------------------------------

    def write_attribution(self, name: str, start: tuple[int, int] | None = None) -> None:
        """``Lasse Reichstein: `` at the caret (Ctrl+J), or in place of the ``@`` and
        the name's beginning typed from ``start``: one edit, one undo step."""
        end = self.cursor_location
        start = start or end
        text = attribution(name)
        if self.read_only:
            self.commands.refused()
            return
        if not self._fits(len(text) - len(self.get_text_range(start, end))):
            self.commands.too_long()
            return
        self.history.checkpoint()
        result = self.replace(text, start, end)
        self.history.checkpoint()
        self.move_cursor(result.end_location)
        self._save()

    def _offer_speakers(self) -> None:
        """After each key: an ``@`` before the caret with the beginning of a
        participant's name offers the names it matches; anything else ends it."""
        row, column = self.cursor_location
        start = None if self.read_only else at_sign(self.document.get_line(row), column)
        if start is None or (row, start) == self._declined or self.selected_text:
            self._end_offer()
            return
        at = (row, start)
        if self._names is None or self._names[0] != at:
            self._names = (at, self.speakers())
        typed = self.document.get_line(row)[start + 1 : column]
        names = matching(self._names[1], typed)
        if not names:
            self._end_offer()
            return
        chosen = 0
        if self._offer is not None and self._offer[0] == at:
            old = self._offer[1][self._offer[2]]
            chosen = names.index(old) if old in names else 0
        self._offer = (at, names, chosen)
        self._show_offer()

    def _show_offer(self) -> None:
        if self._offer is None:
            return
        if not self._choices.is_attached:
            self.screen.mount(self._choices)
        _, names, chosen = self._offer
        self._choices.show(names, chosen, self.cursor_screen_offset)
        self.call_after_refresh(self._place_offer)

    def _place_offer(self) -> None:
        if self._offer is not None:
            _, names, chosen = self._offer
            self._recompute_cursor_offset()
            self._choices.show(names, chosen, self.cursor_screen_offset)

    def _end_offer(self) -> None:
        self._offer = None
        if self._choices.is_attached:
            self._choices.hide()

    def _offer_key(self, key: str) -> bool:
        """Tab/Enter take the chosen name, Up/Down choose, Esc declines this ``@``."""
        if self._offer is None:
            return False
        at, names, chosen = self._offer
        if key in ("tab", "enter"):
            self._end_offer()
            self._names = None
            self.write_attribution(names[chosen], at)
        elif key in ("up", "down"):
            self._offer = (at, names, (chosen + (1 if key == "down" else -1)) % len(names))
            self._show_offer()
        elif key == "escape":
            self._declined = at
            self._end_offer()
        else:
            return False
        return True

    def on_blur(self) -> None:
        self._end_offer()

    async def _on_key(self, event: events.Key) -> None:
        if self._moved(event.key) or self._offer_key(event.key):
            event.stop()
            event.prevent_default()
            return
        if self.read_only and (event.is_printable or event.key in _EDITING_KEYS):
            self.commands.refused()  # say why nothing happens
        if event.is_printable and not self.read_only and not self._fits(1):
            event.stop()
            event.prevent_default()
            self.commands.too_long()
            return
        command = self._structure(event.key)
        if command is not None and (not self.read_only or event.key in ("up", "down")):
            event.stop()
            event.prevent_default()
            result = command()
            if inspect.isawaitable(result):
                await result
            return
        await super()._on_key(event)
        if not self.read_only:
            self._save()
        self._offer_speakers()

    def action_new_note(self) -> None:
        self.in_order(self.commands.new_note)

    def action_move_mode(self) -> None:
        if not self.read_only:
            self.moving = True
            self.notify(S.NOTE_MOVE_MODE, timeout=3)

    def action_indent(self, delta: int) -> None:
        self.in_order(lambda: self.commands.indent(delta))
