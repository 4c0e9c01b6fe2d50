"""Every key of the screen below, grouped by the widget that owns it (Textual's
``BINDING_GROUP_TITLE``, which its own keys panel shows too)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ... import strings as S
from ..keys import with_ids


def own_bindings(node: DOMNode) -> list[Binding]:
    """Bindings declared by dialog-tui's own classes (Textual's English ones left out)."""
    found: list[Binding] = []
    for cls in type(node).__mro__:
        if cls.__module__.startswith("dialog_tui") and "BINDINGS" in cls.__dict__:
            found += [b for b in cls.__dict__["BINDINGS"] if isinstance(b, Binding)]
    return [b for b in found if b.description]


def collect_bindings(screen: Screen) -> dict[str, list[tuple[str, str]]]:
    """{group title: [(keys, description)]} for the screen, its widgets and the app."""
    groups: dict[str, list[tuple[str, str]]] = {}
    nodes: list[DOMNode] = [screen, *screen.walk_children(with_self=False), screen.app]
    seen: set[tuple[str, str]] = set()
    for node in nodes:
        group = getattr(type(node), "BINDING_GROUP_TITLE", None)
        if group is None:
            continue
        for binding in own_bindings(node):
            keys = " / ".join(
                node.app.get_key_display(Binding(key, binding.action))
                for key in binding.key.split(",")
            )
            entry = (keys, binding.description)
            if entry not in seen:
                seen.add(entry)
                groups.setdefault(group, []).append(entry)
    return groups


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "modal.tcss"
    BINDINGS = with_ids(
        "help", [Binding("escape,f1,ctrl+underscore,q,question_mark", "close", S.KEY_BACK)]
    )

    def __init__(self, below: Screen) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        for group, entries in collect_bindings(self.below).items():
            table.add_row(Text(group, style="bold underline"), "")
            for keys, description in entries:
                table.add_row(keys, description)
            table.add_row("", "")
        with Vertical(classes="dialog help -pinned"):
            yield Static(f"[b]{S.HELP_TITLE}[/b]")
            with VerticalScroll(classes="fields"):
                yield Static(table)
            yield Static(S.HELP_FOOTER, classes="muted")

    def action_close(self) -> None:
        self.dismiss(None)
