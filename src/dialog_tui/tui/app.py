"""The app only wires screens together; each screen lives in its own module."""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from .. import strings as S
from ..cleaning import visible
from ..errors import StoreError
from ..store import Store
from ..store.connection import UI_BUSY_TIMEOUT_MS
from . import keys
from .keys import with_ids
from .left_running import LeftRunning

CHECKPOINT_SECONDS = 5
FULL_COLLECTION_EVERY = 100
"""Young-generation (1) collections between full ones once the app is shown (Python: 10)."""


class DialogApp(App):
    """Holds the store; screens reach it as ``self.app.store``."""

    TITLE = S.APP_TITLE
    CSS_PATH = "app.tcss"
    BINDING_GROUP_TITLE = S.HELP_GROUP_APP
    BINDINGS = with_ids(
        "app",
        [
            Binding("ctrl+q", "quit", S.KEY_QUIT, priority=True),
            # F1 belongs to GNOME Terminal and Xfce: Ctrl+_ (Ctrl+/ or Ctrl+-) too.
            Binding("f1,ctrl+underscore", "help", S.KEY_HELP),
            # Ours, so the footer and help say it in Danish (Textual adds an English one).
            Binding("ctrl+p", "command_palette", S.KEY_PALETTE, show=False, priority=True),
        ],
    )

    def __init__(
        self,
        store: Store,
        *,
        open_id: int | None = None,
        new: bool = False,
        gc_paused: bool = False,
    ) -> None:
        super().__init__()
        self.store = store
        self.clock = time.monotonic
        self.escape_at: float | None = None
        self.left_running = LeftRunning(time.monotonic)
        # A write waits only briefly for another process's lock; the keys are kept
        # and retried meanwhile, so the app never freezes behind it.
        store.set_busy_timeout(UI_BUSY_TIMEOUT_MS)
        self.closing_on: StoreError | None = None
        self.exit_lines: list[str] = []
        """Said on the terminal after the app has gone (where unsaved text went)."""
        self._open_id = open_id
        self._new = new
        self._gc_paused = gc_paused

    def first_frame_shown(self) -> None:
        """The first screen is painted: what start-up built lives as long as the app,
        so it is frozen out of the collector's sight (a full collection over the
        widgets of 3,000 notes took ~110 ms, a keystroke's wait); collection resumes
        for what comes after. Only when ``run_app`` paused it."""
        if self._gc_paused:
            self._gc_paused = False
            gc.freeze()
            # A full collection still walks what was made since (~30,000 objects at a
            # 3,000-note point, 10-15 ms of CPU): it comes every 100 young-generation
            # collections instead of 10 (~1,000 keys typed without a pause); the
            # meeting runs one whenever typing pauses.
            gc.set_threshold(*gc.get_threshold()[:2], FULL_COLLECTION_EVERY)
            gc.enable()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification as plain text, whatever the caller asks: most carry
        user text (a school, a path, an error naming a file), and ``Skole [/] Nord``
        read as markup would crash the app. (Screens' ``notify`` asks for markup.)"""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def few_colours(self) -> bool:
        """A terminal of 8 or 16 colours (``TERM=xterm``, the Linux console)."""
        if self.is_headless:  # tests: their console is no terminal to ask
            return False
        return self.console.color_system in ("standard", "windows")

    def on_mount(self) -> None:
        from .settings import load_keymap

        if self.few_colours():
            # The terminal's own colours, and fields set off from the screen: shades
            # of grey would all become the same black.
            self.theme = "ansi-dark"
            self.add_class("-few-colours")

        keymap, problem = load_keymap()
        if keymap:
            self.set_keymap(keymap)
        if problem:
            self.notify(problem, severity="warning", timeout=15, markup=False)
        # Keystrokes only append to the WAL; a thread copies it back every few seconds.
        self.store.defer_checkpoints()
        self.set_interval(CHECKPOINT_SECONDS, self._checkpoint)
        # Everything alive now (Textual, pydantic, our modules: most of the heap)
        # leaves the garbage collector's view, so a full collection while typing
        # looks only at what the meeting made since: at a 3,000-note point that cut
        # the pauses from ~300 ms to a few. Once per process: frozen objects are
        # never freed.
        if not gc.get_freeze_count():
            gc.freeze()
        if self.store.network:
            self.notify(S.NETWORK_DRIVE.format(path=self.store.path), timeout=15)
        if self._open_id is not None:
            # Straight to the meeting; the list is built only when going back.
            self.open_meeting(self._open_id)
            return
        self.show_dialogues()
        if self._new:
            self.new_dialogue()

    @work(thread=True, exclusive=True, group="checkpoint")
    def _checkpoint(self) -> None:
        self.store.checkpoint()

    def _handle_exception(self, error: Exception) -> None:
        """A store error nobody caught (a damaged page met while reading): the app
        closes (held text goes to a recovery file) and says it in one line, not a
        traceback."""
        if self.closing_on is not None:
            return  # what followed from it (a screen left half built) while closing
        if isinstance(error, StoreError):
            self.closing_on = error
            self.exit_lines.append(str(error))
            self.exit(return_code=1)
            return
        super()._handle_exception(error)

    def show_dialogues(self) -> None:
        from .screens.dialogues import DialoguesScreen

        self.push_screen(DialoguesScreen())

    def open_meeting(self, dialogue_id: int, note_id: int | None = None) -> None:
        from .screens.meeting import MeetingScreen

        self.push_screen(MeetingScreen(dialogue_id, note_id=note_id))

    def new_dialogue(self) -> None:
        from .screens.new_dialogue import NewDialogueScreen

        self.push_screen(NewDialogueScreen())

    def search(self) -> None:
        from .screens.search import SearchScreen

        self.push_screen(SearchScreen())

    def goal_history(self, school: str) -> None:
        from .screens.goal_history import GoalHistoryScreen

        self.push_screen(GoalHistoryScreen(school))

    async def on_event(self, event: events.Event) -> None:
        """A key right behind Esc is the rest of one key (PuTTY's Alt+Up is Esc, Up):
        the screen may take it as that (``follow_escape``), whether or not it has
        acted on the Esc yet."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            now, escape_at = self.clock(), self.escape_at
            self.escape_at = now if event.key == "escape" else None
            follow = getattr(self.screen, "follow_escape", None)
            soon = escape_at is not None and now - escape_at <= keys.ESCAPE_FOLLOW_SECONDS
            if soon and event.key != "escape" and follow is not None and follow(event):
                return
        await super().on_event(event)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(
                CommandPalette(placeholder=S.PALETTE_PLACEHOLDER, id="--command-palette")
            )

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key of the current screen is also a palette command, in Danish."""
        from .screens.help import own_bindings

        nodes = [screen, *screen.walk_children(with_self=False), self]
        seen: set[str] = set()
        for node in nodes:
            for binding in own_bindings(node):
                if binding.description in seen:
                    continue
                seen.add(binding.description)
                keys = binding.key.split(",")  # "ctrl+pageup,alt+up": say each
                yield SystemCommand(
                    binding.description,
                    " / ".join(self.get_key_display(Binding(k, binding.action)) for k in keys),
                    partial(node.run_action, binding.action),
                )


def run_app(db_path: Path, *, open_id: int | None = None, new: bool = False) -> None:
    # Start-up builds objects that live as long as the app; collecting among them
    # finds nothing and cost a 16-23 ms pause. Resumed at the first frame.
    gc.disable()
    store = Store.open(db_path)
    try:
        if open_id is not None:
            store.check_dialogue(open_id)  # a clear error before any UI starts
        app = DialogApp(store, open_id=open_id, new=new, gc_paused=True)
        try:
            app.run()
        finally:
            for line in app.exit_lines:
                print(visible(line), file=sys.stderr)  # lines naming files: shown, not obeyed
    finally:
        gc.enable()
        store.close()
