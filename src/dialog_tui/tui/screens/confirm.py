"""A yes/no question as a modal; dismisses with True or False."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ... import strings as S
from ..keys import with_ids


class ConfirmScreen(ModalScreen[bool]):
    CSS_PATH = "modal.tcss"
    BINDING_GROUP_TITLE = S.HELP_GROUP_MODAL
    BINDINGS = with_ids(
        "confirm",
        [
            Binding("j,y,enter", "answer(True)", S.YES),
            Binding("n,escape", "answer(False)", S.NO),
        ],
    )

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        # The keys stay in view under a long question, which scrolls (modal.tcss).
        with Vertical(classes="dialog -pinned"):
            yield Static(self.question, classes="fields", markup=False)  # names a path …
            yield Static(S.CONFIRM_KEYS, classes="muted hint")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
