"""The participants an ``@`` typed in a note can become, shown under the caret
(above it at the bottom of the screen), with the keys that choose."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Offset
from textual.widgets import Static

from ... import strings as S

SHOWN = 5
"""At most this many names (it fits under a caret at 80x24)."""


class SpeakerChoices(Static):
    DEFAULT_CSS = """
    SpeakerChoices {
        overlay: screen;
        position: absolute;
        constrain: inside inflect;
        width: auto;
        max-width: 50;
        height: auto;
        padding: 0 1;
        background: $panel;
        color: $foreground;
        border: round $accent;
        display: none;
    }
    """

    def show(self, names: list[str], selected: int, caret: Offset) -> None:
        """Names are user text: drawn as Text, never markup."""
        text = Text(no_wrap=True, overflow="ellipsis")
        for index, name in enumerate(names[:SHOWN]):
            style = "reverse bold" if index == selected else ""
            text.append(("▶ " if index == selected else "  ") + name + "\n", style=style)
        if len(names) > SHOWN:
            text.append(S.SPEAKER_MORE.format(count=len(names) - SHOWN) + "\n", style="dim")
        text.append(S.SPEAKER_CHOICE_HINT, style="dim italic")
        self.update(text)
        self.styles.offset = (max(caret.x - 2, 0), caret.y + 1)
        self.display = True

    def hide(self) -> None:
        self.display = False
