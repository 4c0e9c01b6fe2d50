"""The baseline: a bare Textual app with the same built-in widgets as the meeting screen."""

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Footer, Header, OptionList, Static, TextArea


class BareApp(App):
    CSS = """
    Horizontal { height: 1fr; }
    OptionList { width: 30; }
    TextArea { width: 1fr; }
    Horizontal > Static { width: 34; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield OptionList(*[f"{n}. Punkt" for n in range(1, 6)])
            yield TextArea("Benchskolen")
            yield Static("Spørgsmål")
        yield Static("Møde 0:00")
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
