"""The right column: the point's guiding prompts and the dialogue's tagged items."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ... import strings as S
from ...model import AgendaItem, ChecklistItem, FollowUp, Note
from ...text import goal_change
from .note_row import TAG_STYLES


def progress(
    followups: list[FollowUp], checklist: list[ChecklistItem], *, short: bool = False
) -> list[tuple[str, bool, str]]:
    """(label, complete, key that opens it) for the follow-up list and the checklist,
    where there are any."""
    parts = []
    if followups:
        done = sum(f.status is not None for f in followups)
        label = S.FOLLOWUP_PROGRESS_SHORT if short else S.FOLLOWUP_PROGRESS
        parts.append(
            (label.format(done=done, total=len(followups)), done == len(followups), "ctrl+o")
        )
    if checklist:
        done = sum(c.done for c in checklist)
        label = S.CHECKLIST_PROGRESS.format(done=done, total=len(checklist))
        parts.append((label, done == len(checklist), "ctrl+k"))
    return parts


class SidePanel(VerticalScroll, can_focus=False):
    def compose(self) -> ComposeResult:
        yield Static("", id="progress")
        yield Static(S.MEETING_PROMPTS, classes="heading")
        yield Static("", id="prompts")
        yield Static(S.MEETING_TAGGED, classes="heading")
        yield Static("", id="tagged")

    def show_prompts(self, item: AgendaItem) -> None:
        self.query_one("#prompts", Static).update("\n".join(f"• {p}" for p in item.prompts) or "–")

    def show_tagged(self, tagged: list[tuple[int, Note]]) -> None:
        if not tagged:
            self.query_one("#tagged", Static).update(Text(S.MEETING_NO_TAGGED, style="dim"))
            return
        text = Text()
        for number, note in tagged:
            for tag in note.kinds:
                if tag != "observation":
                    text.append(f" {S.TAG_MARKERS[tag]} ", style=TAG_STYLES[tag])
            text.append(f" {number}. ", style="bold")
            text.append(note.text or "…")
            if change := goal_change(note.goal):
                text.append(f" ({change})", style="dim")
            text.append("\n")
        self.query_one("#tagged", Static).update(text)

    def show_progress(self, parts: list[tuple[str, bool, str]], status: str) -> None:
        """``Status: kladde``, ``Opfølgning 2/5 vurderet`` and ``Tjekliste 4/6``, each
        with the key that opens it: what is left to cover (their keys stay out of
        the footer, which holds what a meeting needs every minute)."""
        lines = [(S.MEETING_STATUS.format(status=status), "bold", "f10")] + [
            (label, "bold green" if complete else "bold yellow", key)
            for label, complete, key in parts
        ]
        text = Text("\n").join(
            Text.assemble(
                (label, style), "  ", (self.app.get_key_display(Binding(key, "")), "dim")
            )
            for label, style, key in lines
        )
        self.query_one("#progress", Static).update(text)
