"""Ask for one line of text (with optional suggestions); dismisses with it or None."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from ... import strings as S
from ..keys import with_ids
from ..widgets.field import Field


class PromptScreen(ModalScreen[str | None]):
    CSS_PATH = "modal.tcss"
    BINDING_GROUP_TITLE = S.HELP_GROUP_MODAL
    BINDINGS = with_ids("prompt", [Binding("escape", "cancel", S.KEY_CANCEL)])

    def __init__(
        self,
        question: str,
        value: str = "",
        suggestions: Sequence[str] = (),
        *,
        required: str | None = None,
        complete: bool = False,
    ) -> None:
        """``required``: what to say, staying open, when the answer is left empty;
        ``complete``: the value is a beginning to type on (cursor after it), not a
        suggestion to type over."""
        super().__init__()
        self.complete = complete
        self.question = question
        self.value = value
        self.suggestions = list(suggestions)
        self.required = required

    def compose(self) -> ComposeResult:
        # The question, the field and the keys stay in view; a long list of
        # suggestions scrolls between them (modal.tcss).
        with Vertical(classes="dialog -pinned"):
            yield Static(self.question, markup=False)  # it names a school, a point …
            suggester = (
                SuggestFromList(self.suggestions, case_sensitive=False)
                if self.suggestions
                else None
            )
            yield Field(self.value, suggester=suggester, select_on_focus=not self.complete)
            with VerticalScroll(classes="fields", can_focus=False):
                if self.suggestions:
                    yield Static(", ".join(self.suggestions), classes="muted", markup=False)
                yield Static("", id="prompt-error", classes="error")
            yield Static(S.PROMPT_KEYS, classes="muted hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.required and not event.value.strip():
            self.query_one("#prompt-error", Static).update(self.required)
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
