"""The meeting's keys for the note at the cursor: tags, themes, internal, a goal's
details, moving it to another point, and the figures beside it. A mixin of
``MeetingScreen``, like ``meeting_facilitator``, kept apart so neither module
outgrows its room."""

from __future__ import annotations

from ... import strings as S
from ...themes import current_themes
from ..notes import theme_from
from ..widgets.figures_panel import FiguresPanel
from ..widgets.note_list import NoteList
from .prompt import PromptScreen


class NoteKeys:
    """Actions of ``MeetingScreen`` (``self`` is the screen)."""

    def action_tag(self, tag: str) -> None:
        self.query_one(NoteList).in_order(lambda: self._tag(tag))

    async def _tag(self, tag: str) -> None:
        notes = self.query_one(NoteList)
        await notes.toggle_tag(tag)
        note = notes.note
        if tag == "goal" and note is not None and "goal" in note.tags and note.goal is None:
            # Only a hint: a form opening by itself would catch the words typed next.
            self.notify(S.GOAL_F9_HINT, timeout=4)

    def action_figures(self) -> None:
        self.query_one(FiguresPanel).toggle()

    def action_internal(self) -> None:
        notes = self.query_one(NoteList)
        notes.in_order(notes.toggle_internal)

    def action_theme(self) -> None:
        notes = self.query_one(NoteList)
        themes = current_themes()

        async def done(value: str | None) -> None:
            if not value:
                return
            theme = theme_from(value)
            if theme is None:
                self.notify(S.UNKNOWN_THEME.format(theme=value), severity="warning", markup=False)
            else:
                await notes.toggle_tag(theme)

        labels = list(themes.labels.values())
        self.app.push_screen(PromptScreen(S.PROMPT_THEME, suggestions=labels), done)

    def action_goal_details(self) -> None:
        self.query_one(NoteList).in_order(self._goal_details)

    def _goal_details(self) -> None:
        from .goal_details import GoalDetailsScreen

        notes = self.query_one(NoteList)
        note = notes.note
        if note is None or self.read_only:
            return

        async def done(goal) -> None:
            if goal is not None:
                await notes.set_goal(goal, note)

        self.app.push_screen(GoalDetailsScreen(note, self.dialogue.school), done)

    def action_move_note_to_point(self) -> None:
        count = len(self.items)

        async def done(value: str | None) -> None:
            if not value:
                return
            if not value.strip().isdigit() or not 1 <= int(value) <= count:
                self.notify(S.BAD_POINT_NUMBER.format(count=count), severity="warning")
                return
            await self.query_one(NoteList).move_to_item(self.items[int(value) - 1].id)

        self.app.push_screen(PromptScreen(S.PROMPT_MOVE_TO_POINT.format(count=count)), done)
