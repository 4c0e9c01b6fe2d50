"""``dialog-tui keys``: which keys this terminal delivers, and what each does in the
app. A terminal (tmux, GNOME Terminal, PuTTY, macOS Terminal) may keep a key for
itself; here the user sees for themselves which ones arrive."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, RichLog, Static

from .. import strings as S
from .keys import all_bindings
from .settings import load_keymap


def key_uses(keymap: dict[str, str] | None = None) -> dict[str, list[str]]:
    """{key: [what it does, …]} over every screen, the user's keymap applied."""
    uses: dict[str, list[str]] = {}
    for binding_id, binding in all_bindings().items():
        keys = (keymap or {}).get(binding_id, binding.key)
        for key in keys.split(","):
            what = binding.description or binding_id
            if what not in uses.setdefault(key.strip(), []):
                uses[key.strip()].append(what)
    return uses


class KeysApp(App):
    """Each key pressed, its name and what it does in dialog-tui. Esc twice or
    Ctrl+Q leaves."""

    TITLE = S.KEYS_TITLE
    CSS = "RichLog { height: 1fr; } #hint { padding: 0 1; background: $panel; }"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self) -> None:
        super().__init__()
        keymap, self.keymap_problem = load_keymap()
        self.uses = key_uses(keymap)
        self.last_key = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(S.KEYS_HINT, id="hint")
        yield RichLog(wrap=True)
        yield Footer()

    def on_mount(self) -> None:
        if self.keymap_problem:
            self.query_one(RichLog).write(Text(self.keymap_problem, style="yellow"))

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self.show_key(event)
            return
        await super().on_event(event)

    def show_key(self, event: events.Key) -> None:
        line = Text()
        line.append(f"{self.get_key_display(Binding(event.key, '')):>14}", style="bold")
        line.append(f"  {event.key}  ", style="dim")
        uses = self.uses.get(event.key)
        if uses:
            line.append(", ".join(uses), style="green")
        else:
            line.append(S.KEYS_UNBOUND, style="dim")
        self.query_one(RichLog).write(line)
        if event.key == "ctrl+q" or (event.key == "escape" and self.last_key == "escape"):
            self.exit()
        self.last_key = event.key
