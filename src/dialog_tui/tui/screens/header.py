""" "Oplysninger": a dialogue's header after it was created (the case number a
follow-up gets, a memo date, a typo in the school or the times). Reached with
F12 from the meeting and the dialogue list; read-only while the dialogue is
final. Dismisses with True when something was saved."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from ... import strings as S
from ...errors import DialogError
from ...header import typed_text
from ...model import Status
from ...yearly import inherited_kle
from ..keys import with_ids
from ..widgets.field import FIELD_NAVIGATION, after_typed
from .header_form import HeaderForm
from .pinned import fields_from_top


class HeaderScreen(HeaderForm, ModalScreen[bool]):
    CSS_PATH = ["modal.tcss", "header.tcss"]
    BINDING_GROUP_TITLE = S.KEY_HEADER
    BINDINGS = with_ids(
        "header",
        [
            *FIELD_NAVIGATION,
            Binding("ctrl+s", "save", S.KEY_HEADER_SAVE, priority=True),
            Binding("escape", "cancel", S.KEY_CANCEL),
        ],
    )

    def __init__(self, dialogue_id: int, *, focus: str = "school") -> None:
        super().__init__()
        self.dialogue_id = dialogue_id
        self.first = focus

    def compose(self) -> ComposeResult:
        # Title and keys stay in view; the fields scroll between them (modal.tcss).
        with Vertical(classes="dialog -pinned", id="form"):
            yield Static(S.HEADER_TITLE, classes="title")
            yield Static("", id="final", classes="warning", markup=False)
            with VerticalScroll(classes="fields", can_focus=False):
                yield from self.meeting_fields()
                yield from self.case_fields()
                yield Static("", id="form-error", classes="error", markup=False)
                yield Button(S.HEADER_SAVE, id="save", variant="primary")
            yield Static(S.HEADER_KEYS, classes="muted hint")

    def on_mount(self) -> None:
        dialogue = self.app.store.get_dialogue(self.dialogue_id)
        self.fill(typed_text(dialogue))
        # Without a KLE number of its own, the case number's shows as the hint.
        self.query_one("#kle", Input).placeholder = inherited_kle(dialogue)
        self.final = dialogue.status == Status.final
        notice = self.query_one("#final", Static)
        notice.update(S.HEADER_FINAL if self.final else "")
        notice.display = self.final
        for field in self.query(Input):
            field.disabled = self.final
        self.query_one("#save", Button).display = not self.final
        if not self.final:
            self.query_one(f"#{self.first}", Input).focus()
        if self.first == "school":  # the first field: from the top, its label too
            fields_from_top(self)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.save()

    def action_save(self) -> None:
        after_typed(self, self.save)

    def save(self) -> None:
        if self.final:
            self.dismiss(False)
            return
        values = self.read_header()
        if values is None:
            return
        try:
            self.app.store.update_dialogue(self.dialogue_id, **values)
        except DialogError as e:  # final meanwhile, or the database refused
            self.query_one("#form-error", Static).update(str(e))
            return
        self.app.notify(S.HEADER_SAVED)
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
