"""The meeting: agenda left, notes of the current point in the middle, prompts and
tagged items right, clocks and the saved indicator at the bottom."""

from __future__ import annotations

import time as _time
from collections.abc import Callable
from datetime import datetime

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList

from ... import strings as S
from ...errors import DialogError
from ...model import AgendaItem, Dialogue
from ...text import clock, short_date
from ..keys import with_ids
from ..notes import NotesController
from ..session import MeetingSession, ReadOnly
from ..widgets.agenda_panel import AgendaPanel
from ..widgets.figures_panel import FiguresPanel
from ..widgets.note_list import NoteList
from ..widgets.side_panel import SidePanel, progress
from ..widgets.status_bar import StatusBar, UnsavedBanner
from .meeting_dialogs import MeetingDialogs
from .meeting_facilitator import FacilitatorKeys
from .meeting_notes import NoteKeys

REFUSED_NOTICE_SECONDS = 5
RETRY_SECONDS = 2
RETAKE_SECONDS = 3
"""How often a meeting opened read-only tries the lock again (a write transaction
each time, so not on every tick: the other window may be typing)."""
"""How often text the database would not take is tried again (besides each key)."""


class MeetingScreen(FacilitatorKeys, NoteKeys, MeetingDialogs, Screen):
    CSS_PATH = "meeting.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDING_GROUP_TITLE = S.HELP_GROUP_MEETING
    BINDINGS = with_ids(
        "meeting",
        [
            Binding("f2", "tag('observation')", S.KEY_OBSERVATION, priority=True),
            Binding("f3", "tag('goal')", S.KEY_GOAL, priority=True),
            Binding("f4", "tag('attention')", S.KEY_ATTENTION, priority=True),
            Binding("f5", "tag('agreement')", S.KEY_AGREEMENT, priority=True),
            Binding("f6", "theme", S.KEY_THEME, priority=True),
            Binding("f7", "internal", S.KEY_INTERNAL, priority=True),
            Binding("f9", "goal_details", S.KEY_GOAL_DETAILS, priority=True, show=False),
            # Plain Ctrl+letters first: terminals keep Ctrl+PgUp/PgDn (tabs) and
            # Alt+arrows (macOS, PuTTY) for themselves; those stay as second choices.
            # (Bindings of their own, so the footer shows the first choice.)
            Binding("ctrl+u", "point(-1)", S.KEY_PREV_POINT, priority=True, show=False),
            Binding("ctrl+d", "point(1)", S.KEY_NEXT_POINT, priority=True),
            Binding(
                "ctrl+pageup,alt+up",
                "point(-1)",
                S.KEY_PREV_POINT,
                priority=True,
                show=False,
                id="meeting.point-prev-alt",
            ),
            Binding(
                "ctrl+pagedown,alt+down",
                "point(1)",
                S.KEY_NEXT_POINT,
                priority=True,
                show=False,
                id="meeting.point-next-alt",
            ),
            # Out of the footer (it holds what a meeting needs every minute); in F1
            # and the palette like every key.
            Binding("ctrl+y", "side_panel", S.KEY_SIDE_PANEL, priority=True, show=False),
            Binding("ctrl+n", "new_point", S.KEY_NEW_POINT, show=False),
            Binding("ctrl+r", "rename_point", S.KEY_RENAME_POINT, show=False),
            Binding("ctrl+t", "participants", S.KEY_PARTICIPANTS, show=False),
            Binding("ctrl+j", "speaker", S.KEY_SPEAKER, priority=True, show=False),
            Binding("ctrl+e", "export", S.EXPORT_BINDING, priority=True, show=False),
            # Shown with their keys in the side panel, not the footer.
            Binding("ctrl+o", "followups", S.KEY_FOLLOWUPS, priority=True, show=False),
            # Priority: the note editor's ctrl+k (delete to end of line) gives way.
            Binding("ctrl+k", "checklist", S.KEY_CHECKLIST, priority=True, show=False),
            Binding("ctrl+g", "figures", S.KEY_FIGURES, priority=True, show=False),
            # F10 belongs to GNOME Terminal and Xfce: S in the agenda list too (Esc S).
            Binding("f10", "status", S.KEY_STATUS, priority=True, show=False),
            Binding("f12", "header", S.KEY_HEADER, priority=True, show=False),
            Binding("escape", "agenda", S.KEY_AGENDA, show=False),
            Binding("ctrl+l", "back", S.KEY_TO_LIST, priority=True, show=False),
            Binding("ctrl+s", "recreate_database", S.KEY_RECREATE_DB, priority=True, show=False),
        ],
    )

    def __init__(
        self,
        dialogue_id: int,
        note_id: int | None = None,
        *,
        clock: Callable[[], float] = _time.monotonic,
    ) -> None:
        super().__init__()
        self.dialogue_id = dialogue_id
        self.start_note_id = note_id
        self.clock = clock
        self.saved_at: str = ""
        self.refused_at = -REFUSED_NOTICE_SECONDS
        self.escape_followed = False
        self.agenda_minute = 0
        self.progress_short: list[str] = []

    def compose(self) -> ComposeResult:
        store = self.app.store
        self.dialogue = store.get_dialogue(self.dialogue_id)
        self.session = MeetingSession(store, self.dialogue_id, clock=self.clock)
        self.session.report = lambda line: self.notify(line, severity="error")
        self.session.on_read_only = self.lock_lost
        self.session.on_failure = lambda reason: self.show_unsaved()
        self.session.open(self.dialogue)
        self.controller = NotesController(store, self.session)
        yield Header()
        with Horizontal(id="columns"):
            yield AgendaPanel(id="agenda")
            yield NoteList(self.controller)
            yield SidePanel(id="side")
        yield FiguresPanel(self.dialogue.school, id="figures")
        yield UnsavedBanner("", id="banner", markup=False)
        yield StatusBar("", id="status")
        yield Footer()

    async def on_mount(self) -> None:
        self.title = f"{self.dialogue.school} · {short_date(self.dialogue.held_on)}"
        note_id = self.start_note_id
        if note_id is None:
            last = self.app.store.last_edited_note(self.dialogue_id)
            note_id = last.id if last else None
        current = 0
        if note_id is not None:
            _, item_id, _ = self.app.store.note_location(note_id)
            current = self.session.index_of(item_id)
        self.session.current = current  # where the meeting opens: no time to fold in yet
        await self.go_to(current, note_id)
        self.refresh_tagged()
        self.refresh_progress(self.dialogue)  # as read in compose: one read at open
        self.set_interval(1, self.tick)
        self.set_interval(60, self.session.save_time)
        self.set_interval(RETRY_SECONDS, self.retry_unsaved)
        if self.session.reason is ReadOnly.HELD_ELSEWHERE:
            self.retaking = self.set_interval(RETAKE_SECONDS, self.retake_lock)
        notice = self.session.opening_notice()
        if notice is not None:
            self.notify(notice, severity="warning", timeout=15)
        self.call_after_refresh(self.app.first_frame_shown)

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    @property
    def refuse(self) -> str | None:
        """Why this dialogue may not be changed here, or None."""
        return self.session.refusal

    def lock_lost(self, line: str) -> None:
        """Another instance took the dialogue over: stop writing, say so."""
        self.query_one(NoteList).set_read_only(True)
        self.notify(line, severity="error", timeout=30)
        self.tick()

    async def retake_lock(self) -> None:
        """Once the window that held the dialogue has closed: editable here, from
        what it left in the database."""
        if not self.session.retake_lock():
            return
        self.retaking.stop()
        self.query_one(NoteList).set_read_only(False)
        await self.show_current_point()
        self.refresh_agenda()
        self.notify(S.LOCK_RETAKEN, timeout=10)
        self.tick()

    # --- Points and time -----------------------------------------------------

    @property
    def items(self) -> list[AgendaItem]:
        return self.session.items

    @property
    def current(self) -> int:
        return self.session.current

    @property
    def item(self) -> AgendaItem:
        return self.session.item

    async def go_to(self, index: int, note_id: int | None = None) -> None:
        if not self.items:
            return
        self.session.go_to(index)
        self.refresh_agenda()
        self.query_one(AgendaPanel).highlighted = self.current
        self.query_one(SidePanel).show_prompts(self.item)
        self.query_one(FiguresPanel).follow(self.item)
        await self.query_one(NoteList).show_point(self.item.id, note_id)
        self.tick()

    def refresh_agenda(self) -> None:
        """The agenda list's minutes and marker; its cursor stays where it is."""
        self.query_one(AgendaPanel).show(self.items, self.current, self.session.used_by_point())

    def refresh_tagged(self) -> None:
        self.query_one(SidePanel).show_tagged(self.app.store.tagged_notes(self.dialogue_id))

    def on_resize(self) -> None:
        # Compact footer at 80 columns: the everyday keys (F2-F7, Ctrl+D) all fit.
        self.query_one(Footer).compact = self.has_class("-narrow")
        self.tick()  # after the breakpoint classes: progress in the status bar or not

    def refresh_progress(self, dialogue: Dialogue | None = None) -> None:
        if dialogue is None:
            dialogue = self.app.store.get_dialogue(self.dialogue_id)
        self.query_one(SidePanel).show_progress(
            progress(dialogue.followups, dialogue.checklist), S.STATUS[dialogue.status]
        )
        # Narrow terminals hide the side panel: the status bar says it instead.
        self.progress_short = [
            f"[{'green' if complete else 'yellow'}]{label}[/]"
            for label, complete, _ in progress(dialogue.followups, dialogue.checklist, short=True)
        ]
        self.tick()

    def tick(self) -> None:
        if not self.items:
            return
        clock = self.session.point_clock()
        self.query_one(StatusBar).show(
            clock,
            now=self.session.now(),
            narrow=self.has_class("-narrow"),
            progress_short=self.progress_short,
            label=self.session.label,
            unsaved=bool(self.controller.unsaved),
            saved_at=self.saved_at,
        )
        if clock.meeting_seconds // 60 != self.agenda_minute:
            self.agenda_minute = clock.meeting_seconds // 60
            self.refresh_agenda()

    def on_note_list_saved(self, event: NoteList.Saved) -> None:
        self.saved_at = clock(datetime.now(), seconds=True)
        self.show_unsaved()

    # --- Writes that fail (issue 13) -----------------------------------------

    def show_unsaved(self) -> None:
        """The banner says why typed text is not saved, for as long as it is not."""
        reason = self.session.failure if self.controller.unsaved else None
        self.query_one(UnsavedBanner).show(reason)
        self.tick()

    def retry_unsaved(self) -> None:
        """The timer's retry: held text is written once the database takes it."""
        if self.controller.unsaved and self.controller.flush(now=True):
            self.query_one(NoteList).post_message(NoteList.Saved())

    def action_recreate_database(self) -> None:
        """The database file vanished or was replaced: write it again where it was,
        then the held text into it."""
        line = self.session.recreate_database()
        if line is not None:
            self.notify(line, timeout=15)
            self.retry_unsaved()
            self.show_unsaved()

    def keep_unsaved(self) -> None:
        """Leaving the meeting: held text gets a last try, then a recovery file."""
        controller = self.controller
        self.session.on_failure = self.session.report = lambda line: None  # going away
        if not controller.unsaved or controller.flush(now=True):
            return
        from ...recovery import HeldText, write_recovery

        held = [HeldText(i, text, at) for i, (text, at) in controller.unsaved.items()]
        try:
            path = write_recovery(self.app.store.path, self.dialogue_id, held)
        except DialogError as e:
            self.app.exit_lines.append(S.RECOVERY_FAILED.format(reason=e))
            return
        controller.unsaved.clear()
        self.app.exit_lines.append(S.RECOVERY_WRITTEN.format(path=path))

    def on_note_list_refused(self, event: NoteList.Refused) -> None:
        """Say once in a while why typing does nothing, not on every key."""
        now = self.clock()
        if now - self.refused_at >= REFUSED_NOTICE_SECONDS:
            self.refused_at = now
            self.notify(self.refuse or S.READ_ONLY_FINAL, severity="warning")

    def on_note_list_tags_changed(self, event: NoteList.TagsChanged) -> None:
        self.refresh_tagged()

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        await self.go_to(event.option_index)

    def action_point(self, delta: int) -> None:
        # Behind the keys typed before it, so they land in the point they were typed in.
        self.query_one(NoteList).in_order(lambda: self.go_to(self.current + delta))

    def action_agenda(self) -> None:
        if self.escape_followed:  # the Esc was the start of a key (follow_escape)
            self.escape_followed = False
            return
        self.query_one(AgendaPanel).focus()

    def follow_escape(self, event: events.Key) -> bool:
        """The app saw Esc and this key at once (PuTTY sends Alt+Up as Esc, Up): the
        Esc was no trip to the agenda list. Up/Down change the point (used up: True);
        any other key goes where it was typed."""
        if isinstance(self.app.focused, AgendaPanel):
            # The Esc was handled already: back, at once, so this key lands there.
            self.set_focus(self.query_one(NoteList).editor)
        else:
            self.escape_followed = True  # the Esc is still on its way
        step = {"up": -1, "down": 1}.get(event.key)
        if step is not None:
            self.action_point(step)
        return step is not None

    def action_back(self) -> None:
        self.session.save_time()
        from .dialogues import DialoguesScreen

        if len(self.app.screen_stack) > 2:  # back to the list, search or goal history
            self.dismiss()
        else:  # opened directly: the list is built only now
            self.app.switch_screen(DialoguesScreen())

    def on_unmount(self) -> None:
        self.keep_unsaved()
        self.session.close()
