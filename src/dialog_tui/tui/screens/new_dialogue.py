"""The new-dialogue form: header fields, agenda file and participants as fast lines."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static, TextArea

from ... import strings as S
from ...agenda import agenda_paths, load_agenda
from ...errors import DialogError
from ...model import Dialogue, case_number_looks_valid
from ...parsing import parse_date, parse_participants, parse_time
from ..keys import with_ids
from ..widgets.field import FIELD_NAVIGATION, Field


class NewDialogueScreen(Screen):
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
            yield from self.field("school", S.FORM_SCHOOL)
            yield from self.field("municipality", S.FORM_MUNICIPALITY)
            with Horizontal(classes="row"):
                with Vertical():
                    yield from self.field("held_on", S.FORM_DATE)
                with Vertical():
                    yield from self.field("starts_at", S.FORM_STARTS)
                with Vertical():
                    yield from self.field("ends_at", S.FORM_ENDS)
            yield from self.field("location", S.FORM_LOCATION)
            yield Label(S.FORM_AGENDA)
            keys = list(agenda_paths())
            yield Select(
                [(k, k) for k in keys],
                value="standard" if "standard" in keys else Select.NULL,
                allow_blank="standard" not in keys,
                id="agenda",
                compact=True,
            )
            with Horizontal(classes="row"):
                with Vertical():
                    yield from self.field("case_number", S.FORM_CASE_NUMBER)
                with Vertical():
                    yield from self.field("case_handler", S.FORM_CASE_HANDLER)
                with Vertical():
                    yield from self.field("memo_date", S.FORM_MEMO_DATE)
            yield Label(S.FORM_PARTICIPANTS)
            yield TextArea(id="participants", soft_wrap=True)
            yield Static("", id="form-error", classes="error")
            yield Button(S.FORM_SAVE, id="save", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        # Focusing the first field scrolls it to the top edge, hiding its label.
        self.call_after_refresh(self.query_one("#form").scroll_home, animate=False)

    @staticmethod
    def field(name: str, label: str) -> ComposeResult:
        yield Label(label)
        yield Field(id=name, compact=True)
        message = Static("", id=f"{name}-msg", classes="msg")
        message.display = False
        yield message

    def value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value.strip()

    def message(self, name: str, text: str, kind: str = "error") -> None:
        msg = self.query_one(f"#{name}-msg", Static)
        msg.update(text)
        msg.set_classes(f"msg {kind}")
        msg.display = bool(text)  # no empty line under every field

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "case_number":
            ok = case_number_looks_valid(event.value)
            self.message("case_number", "" if ok else S.FORM_CASE_NUMBER_WARNING, "warning")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save()

    def parsed(self, name: str, parse: Callable[[str], Any], error: str) -> Any:
        text = self.value(name)
        if not text:
            return None
        try:
            return parse(text)
        except ValueError:
            self.message(name, error)
            raise

    def action_save(self) -> None:
        for name in ("school", "held_on", "starts_at", "ends_at", "memo_date", "case_handler"):
            self.message(name, "")
        fields: dict[str, Any] = {}
        ok = True
        for name, parse, error in (
            ("held_on", parse_date, S.FORM_BAD_DATE),
            ("memo_date", parse_date, S.FORM_BAD_DATE),
            ("starts_at", parse_time, S.FORM_BAD_TIME),
            ("ends_at", parse_time, S.FORM_BAD_TIME),
        ):
            try:
                fields[name] = self.parsed(name, parse, error)
            except ValueError:
                ok = False
        for name in ("school", "held_on"):
            if not self.value(name):
                self.message(name, S.FORM_REQUIRED)
                ok = False
        if not ok:
            self.query_one("#form-error", Static).update(S.FORM_HAS_ERRORS)
            return
        try:
            agenda = load_agenda(str(self.query_one("#agenda", Select).value))
            dialogue = Dialogue(
                school=self.value("school"),
                municipality=self.value("municipality"),
                location=self.value("location"),
                case_number=self.value("case_number"),
                case_handler=self.value("case_handler"),
                agenda_file=agenda.key,
                agenda=agenda.agenda_items(),
                checklist=agenda.checklist_items(),
                participants=parse_participants(self.query_one(TextArea).text),
                **{k: v for k, v in fields.items() if v is not None},
            )
            dialogue_id = self.app.store.create_dialogue(dialogue)
        except DialogError as e:
            self.query_one("#form-error", Static).update(str(e))
            return
        except ValueError as e:  # pydantic ValidationError
            from ...errors import describe_validation_error

            field, reason = describe_validation_error(e)
            self.query_one("#form-error", Static).update(f"{field}: {reason}")
            return
        self.notify(S.CREATED.format(school=dialogue.school))
        self.dismiss()
        self.app.open_meeting(dialogue_id)

    def action_cancel(self) -> None:
        self.dismiss()
