"""The new-dialogue form: header fields, agenda file and participants as fast lines."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Label, Select, Static, TextArea

from ... import strings as S
from ...agenda import agenda_paths, load_agenda
from ...errors import DialogError
from ...gate import validated
from ...header import FIELDS
from ...model import Dialogue
from ...parsing import parse_participants
from ..keys import with_ids
from ..widgets.field import FIELD_NAVIGATION, after_typed
from .header_form import HeaderForm


class NewDialogueScreen(HeaderForm, Screen):
    CSS_PATH = "new_dialogue.tcss"
    AUTO_FOCUS = "#school"
    BINDING_GROUP_TITLE = S.KEY_NEW
    BINDINGS = with_ids(
        "new-dialogue",
        [
            *FIELD_NAVIGATION,
            Binding("ctrl+s", "save", S.KEY_SAVE, priority=True),
            Binding("escape", "cancel", S.KEY_CANCEL),
        ],
    )

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(S.FORM_TITLE, classes="title")
        with VerticalScroll(id="form"):
            yield from self.meeting_fields()
            yield Label(S.FORM_AGENDA)
            keys = list(agenda_paths())
            yield Select(
                [(Text(k), k) for k in keys],  # a file name, not markup
                value="standard" if "standard" in keys else Select.NULL,
                allow_blank="standard" not in keys,
                id="agenda",
                compact=True,
            )
            yield from self.case_fields()
            yield Label(S.FORM_PARTICIPANTS)
            yield TextArea(id="participants", soft_wrap=True)
            yield Static("", id="form-error", classes="error")
            yield Button(S.FORM_SAVE, id="save", variant="primary")
        yield Footer()

    FIELDS = ("school", "municipality", "held_on", "starts_at", "ends_at", "location",
              "case_number", "case_handler", "memo_date")  # fmt: skip

    def on_mount(self) -> None:
        # Focusing the first field scrolls it to the top edge, hiding its label.
        self.call_after_refresh(self.query_one("#form").scroll_home, animate=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.save()

    def action_save(self) -> None:
        after_typed(self, self.save)

    def save(self) -> None:
        values = self.read_header()
        if values is None:
            return
        try:
            agenda = load_agenda(str(self.query_one("#agenda", Select).value))
            dialogue = validated(
                Dialogue,
                {
                    "agenda_file": agenda.key,
                    "agenda": agenda.agenda_items(),
                    "checklist": agenda.checklist_items(),
                    "participants": parse_participants(self.query_one(TextArea).text),
                    **{k: v for k, v in values.items() if v is not None},
                },
            )
            dialogue_id = self.app.store.create_dialogue(dialogue)
        except DialogError as e:
            self.query_one("#form-error", Static).update(Text(str(e)))
            return
        except ValueError as e:  # pydantic ValidationError
            from ...errors import describe_validation_error

            field, reason = describe_validation_error(e)
            if field in FIELDS:  # under the field it is about
                self.message(field, reason)
                self.query_one("#form-error", Static).update(S.FORM_HAS_ERRORS)
            else:
                self.query_one("#form-error", Static).update(Text(f"{field}: {reason}"))
            return
        self.notify(S.CREATED.format(school=dialogue.school))
        self.dismiss()
        self.app.open_meeting(dialogue_id)

    def action_cancel(self) -> None:
        self.dismiss()
