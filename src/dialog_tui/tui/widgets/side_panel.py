"""The right column: the point's guiding prompts and the dialogue's tagged items.

The tagged items ("Markeret indtil nu") are drawn with the line API, each wrapped
once per width with a hanging indent under its markers, so a dialogue of hundreds
of goals costs one widget and long goals wrap inside the panel. The panel scrolls:
Ctrl+Y pages through it before hiding it (``page``)."""

from __future__ import annotations

from itertools import accumulate

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ... import strings as S
from ...model import AgendaItem, ChecklistItem, FollowUp, Note
from ...text import goal_change
from .note_row import TAG_STYLES, WrappedBlocks, WrappedNote


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


def tagged_item(number: int, note: Note) -> tuple[Text, str]:
    """(markers and point number, text) of one tagged note in the side panel."""
    prefix = Text()
    for tag in note.kinds:
        if tag != "observation":
            prefix.append(f" {S.TAG_MARKERS[tag]} ", style=TAG_STYLES[tag])
    prefix.append(f" {number}. ", style="bold")
    text = note.text or "…"
    if change := goal_change(note.goal):
        text += f" ({change})"
    return prefix, text


MIN_TEXT_WIDTH = 20
"""Cells a tagged item's text keeps beside its markers (fewer: below them)."""


class TaggedLines(WrappedBlocks):
    """The tagged items, each wrapped once per width (a hanging indent under its
    markers); only the lines on the screen are turned into strips."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.items: list[tuple[Text, str]] = []
        self._width = -1
        self._wrapped: list[WrappedNote] = []
        self._starts: list[int] = [0]

    def show(self, items: list[tuple[Text, str]]) -> None:
        self.items = items
        self._width = -1
        self.refresh(layout=True)

    def _line_starts(self, width: int) -> list[int]:
        if width != self._width:
            self._width = width
            self._wrapped = [block for item in self.items for block in self._blocks(item, width)]
            self._starts = [0, *accumulate(len(w.pieces) for w in self._wrapped)]
        return self._starts

    @staticmethod
    def _blocks(item: tuple[Text, str], width: int) -> list[WrappedNote]:
        """The text hanging under its markers where that leaves it room, else the
        markers on a line of their own and the text indented under them."""
        prefix, text = item
        if width - prefix.cell_len - 1 >= MIN_TEXT_WIDTH:
            return [WrappedNote(text, prefix, width)]
        return [WrappedNote("", prefix, width), WrappedNote(text, Text("  "), width)]

    def _block(self, index: int, width: int) -> WrappedNote:
        return self._wrapped[index]


class SidePanel(VerticalScroll, can_focus=False):
    def compose(self) -> ComposeResult:
        yield Static("", id="progress")
        yield Static(S.MEETING_PROMPTS, classes="heading")
        yield Static("", id="prompts")
        yield Static(S.MEETING_TAGGED, classes="heading")
        yield Static(Text(S.MEETING_NO_TAGGED, style="dim"), id="no-tagged")
        yield TaggedLines(id="tagged")

    def show_prompts(self, item: AgendaItem) -> None:
        prompts = "\n".join(f"• {p}" for p in item.prompts) or "–"
        self.query_one("#prompts", Static).update(Text(prompts))

    def show_tagged(self, tagged: list[tuple[int, Note]]) -> None:
        self.query_one("#no-tagged").display = not tagged
        self.query_one(TaggedLines).show([tagged_item(number, note) for number, note in tagged])

    def page(self) -> bool:
        """Scroll one page on; False when the end is already in view."""
        if self.scroll_y >= self.max_scroll_y:
            return False
        self.scroll_page_down(animate=False)
        return True

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
