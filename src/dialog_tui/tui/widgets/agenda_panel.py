"""The agenda on the left: numbers, titles, planned vs used minutes, current point.

A stray Esc (or a terminal's Alt+key sent as Esc, key) lands here while the
facilitator types: every key a typist types as text goes on to the note being
typed (type-through), so the list's own commands sit on keys nobody types as text."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ... import strings as S
from ...model import AgendaItem
from ..keys import with_ids


def minutes_label(used_seconds: int, planned: int | None) -> Text:
    used = used_seconds // 60
    if planned is None:
        return Text(S.AGENDA_MINUTES_UNPLANNED.format(used=used), style="dim")
    over = used_seconds > planned * 60
    label = S.AGENDA_MINUTES.format(used=used, planned=planned)
    return Text(label, style="bold white on red" if over else "dim")


TYPE_THROUGH = frozenset({"backspace", "home", "end"})
"""Typing keys that are no text; Home/End would otherwise move this list's cursor."""


class AgendaPanel(OptionList):
    # The scrollbar's room is kept from the start: OptionList measures its options
    # before a scrollbar narrows it, and a point whose title then wraps once more
    # would lose its minutes line.
    DEFAULT_CSS = """
    AgendaPanel {
        scrollbar-gutter: stable;
    }
    """
    BINDING_GROUP_TITLE = S.HELP_GROUP_AGENDA
    BINDINGS = with_ids(
        "agenda-panel",
        [
            # No key a typist types as text (those go on to the note); Shift+arrows
            # where the terminal keeps Ctrl+arrows (macOS Terminal).
            Binding("ctrl+up,shift+up", "move_point(-1)", S.KEY_POINT_UP),
            Binding("ctrl+down,shift+down", "move_point(1)", S.KEY_POINT_DOWN),
            Binding("f8", "clock", S.KEY_CLOCK),
            # F10 is the screen's; GNOME Terminal and Xfce keep it.
            Binding("ctrl+f", "status", S.KEY_STATUS),
            Binding("ctrl+x", "reset_time", S.KEY_RESET_TIME),
            Binding("delete", "delete_point", S.KEY_DELETE_POINT),
        ],
    )

    def show(self, items: list[AgendaItem], current: int, used: dict[int, int]) -> None:
        highlighted = self.highlighted
        self.clear_options()
        for number, item in enumerate(items, start=1):
            label = Text()
            label.append("▶ " if number - 1 == current else "  ", style="bold")
            label.append(f"{number}. ", style="bold")
            label.append(item.title)
            label.append("\n   ")
            label.append_text(minutes_label(used.get(item.id, 0), item.planned_minutes))
            self.add_option(Option(label, id=str(item.id)))
        self.highlighted = current if highlighted is None else min(highlighted, len(items) - 1)

    def on_key(self, event: events.Key) -> None:
        """Text typed here goes on to the note, as if the Esc had not been pressed."""
        if event.is_printable or event.key in TYPE_THROUGH:
            event.stop()
            event.prevent_default()
            self.screen.type_through(event)

    def action_delete_point(self) -> None:
        self.screen.delete_point(self.highlighted)

    def action_status(self) -> None:
        self.screen.action_status()

    def action_clock(self) -> None:
        self.screen.action_clock()

    def action_reset_time(self) -> None:
        self.screen.reset_point(self.highlighted)

    def action_move_point(self, delta: int) -> None:
        self.screen.move_point(self.highlighted, delta)
