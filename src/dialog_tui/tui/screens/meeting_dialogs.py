"""The meeting's modal screens: year over year (follow-up, checklist, status), the
memo header, export and participants. A mixin of ``MeetingScreen``, like
``meeting_facilitator``, kept apart so neither module outgrows its room."""

from __future__ import annotations

from ...text import short_date
from ..session import ReadOnly
from ..widgets.note_list import NoteList


class MeetingDialogs:
    """Actions of ``MeetingScreen`` (``self`` is the screen)."""

    def action_participants(self) -> None:
        from .participants import ParticipantsScreen

        self.app.push_screen(
            ParticipantsScreen(self.dialogue_id, len(self.items), current=self.current)
        )

    def action_export(self) -> None:
        from .export import ExportScreen

        self.app.push_screen(ExportScreen(self.dialogue_id))

    def action_header(self) -> None:
        from .header import HeaderScreen

        def done(saved: bool | None) -> None:
            if saved:
                self.dialogue = self.app.store.get_dialogue(self.dialogue_id)
                self.title = f"{self.dialogue.school} · {short_date(self.dialogue.held_on)}"

        self.query_one(NoteList).in_order(
            lambda: self.app.push_screen(HeaderScreen(self.dialogue_id), done)
        )

    # --- Year over year: follow-up, checklist, status ------------------------

    # Each opens after the keys typed before it (NoteList.in_order).

    def action_followups(self) -> None:
        self.query_one(NoteList).in_order(self.open_followups)

    def action_checklist(self) -> None:
        self.query_one(NoteList).in_order(self.open_checklist)

    def action_status(self) -> None:
        self.query_one(NoteList).in_order(self.open_status)

    def follow_checklist(self) -> None:
        """Under a modal (the checklist, perhaps over the status dialog) the status
        bar follows the ticks: a count each second, the full read only on a change.
        (The terminal shows it once the modal on top closes.)"""
        unticked = len(self.app.store.unticked_checklist(self.dialogue_id))
        if unticked != self.unticked:
            self.read_progress()

    def open_followups(self) -> None:
        from .followups import FollowUpsScreen

        async def done(carried: bool | None) -> None:
            if carried:
                await self.show_current_point()
                self.refresh_tagged()
            self.refresh_progress()

        self.app.push_screen(FollowUpsScreen(self.dialogue_id, self.refuse), done)

    def open_checklist(self) -> None:
        from .checklist import ChecklistScreen

        self.app.push_screen(
            ChecklistScreen(self.dialogue_id, self.refuse), lambda _: self.refresh_progress()
        )

    def open_status(self) -> None:
        from .status import StatusScreen

        self.session.save_time()  # the time spent is in before the dialogue may become final

        async def done(changed: bool | None) -> None:
            self.refresh_progress()
            if changed:
                await self.status_changed()

        locked = self.session.reason is ReadOnly.HELD_ELSEWHERE
        self.app.push_screen(StatusScreen(self.dialogue_id, locked=locked), done)

    async def status_changed(self) -> None:
        """Final makes the meeting read-only at once; reopening makes it editable again."""
        if not self.session.status_changed():
            return
        self.query_one(NoteList).set_read_only(self.read_only)
        await self.show_current_point()
        self.tick()

    async def show_current_point(self) -> None:
        notes = self.query_one(NoteList)
        note = notes.note
        await notes.show_point(self.item.id, note.id if note else None)
