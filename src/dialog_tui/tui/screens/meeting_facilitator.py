"""The meeting's keys for running it where the facilitator is (issue 14): the
meeting clock, a point's time, adding, renaming, moving and deleting points, who
said what, the right panel.
A mixin of ``MeetingScreen``, kept apart so neither module outgrows its room."""

from __future__ import annotations

from ... import strings as S
from ..speakers import matching, ordered_names
from ..widgets.agenda_panel import AgendaPanel
from ..widgets.note_list import NoteList
from .confirm import ConfirmScreen
from .prompt import PromptScreen


class FacilitatorKeys:
    """Actions of ``MeetingScreen`` (``self`` is the screen)."""

    def action_side_panel(self) -> None:
        """Show the right panel on a narrow terminal, hide it on a wide one."""
        self.toggle_class("-side-toggled")
        self.tick()

    def action_clock(self) -> None:
        self.query_one(NoteList).in_order(self._toggle_clock)

    def _toggle_clock(self) -> None:
        self.session.toggle_clock()
        self.tick()
        self.refresh_agenda()

    def reset_point(self, index: int | None) -> None:
        if index is not None:
            self.session.reset_point(index)
            self.tick()
            self.refresh_agenda()

    def action_new_point(self) -> None:
        if self.read_only:
            return

        async def done(value: str | None) -> None:
            if value and self.session.add_point(value):
                await self.go_to(self.current)

        self.app.push_screen(PromptScreen(S.PROMPT_NEW_POINT), done)

    def action_rename_point(self) -> None:
        if self.read_only:
            return
        item, index = self.item, self.current
        value = item.title + (f", {item.planned_minutes}" if item.planned_minutes else "")

        def done(value: str | None) -> None:
            if value:
                self.session.rename_point(index, value)
                self.refresh_agenda()

        question = S.PROMPT_RENAME_POINT.format(number=index + 1)
        self.app.push_screen(PromptScreen(question, value), done)

    def move_point(self, index: int | None, delta: int) -> None:
        if index is None:
            return
        target = self.session.move_point(index, delta)
        if target is None:
            return
        self.refresh_agenda()
        self.query_one(AgendaPanel).highlighted = target

    def delete_point(self, index: int | None) -> None:
        """Delete a point from the agenda list: asked first; a point with notes asks
        where they go (a point number), or ``slet`` to delete them with it."""
        if index is None or self.read_only:
            return
        if len(self.items) <= 1:
            self.notify(S.DELETE_LAST_POINT, severity="warning")
            return
        title, count = self.items[index].title, self.session.notes_in(index)

        async def delete(move_to: int | None) -> None:
            if self.session.delete_point(index, move_to):
                await self.go_to(self.current)
                self.refresh_tagged()

        async def confirmed(yes: bool | None) -> None:
            if yes:
                await delete(None)

        async def answered(value: str | None) -> None:
            value = (value or "").strip()
            if not value:
                return
            if value.casefold() == S.DELETE_POINT_NOTES_TOO:
                await delete(None)
            elif (
                value.isdigit() and 1 <= int(value) <= len(self.items) and int(value) != index + 1
            ):
                await delete(int(value) - 1)
            else:
                self.notify(S.BAD_POINT_NUMBER.format(count=len(self.items)), severity="warning")

        number = index + 1
        if count == 0:
            question = S.CONFIRM_DELETE_POINT.format(number=number, title=title)
            self.app.push_screen(ConfirmScreen(question), confirmed)
        else:
            question = S.PROMPT_DELETE_POINT.format(
                number=number, title=title, count=count, last=len(self.items)
            )
            self.app.push_screen(PromptScreen(question), answered)

    def action_speaker(self) -> None:
        """Who said what: "Lasse Reichstein: " written at the caret, the name picked
        (with completion) from the participants."""
        notes = self.query_one(NoteList)
        notes.in_order(self._ask_speaker)

    def speaker_names(self) -> list[str]:
        """The participants' names, those present at the current point first (for
        Ctrl+J and the note editor's ``@`` completion)."""
        participants = self.app.store.participants(self.dialogue_id)
        return ordered_names(participants, self.current + 1)

    def _ask_speaker(self) -> None:
        if self.read_only:
            return
        editor = self.query_one(NoteList).editor
        names = self.speaker_names()

        def done(value: str | None) -> None:
            name = (value or "").strip()
            if name:
                found = matching(names, name)  # "lasse" is Lasse Reichstein
                editor.write_attribution(found[0] if found else name)
            editor.focus()

        self.app.push_screen(PromptScreen(S.PROMPT_SPEAKER, suggestions=names), done)
