"""The header's fields (school, date, times, place, case number, case handler,
memo date, KLE number) as one form part, shared by the new-dialogue form and the
"Oplysninger" screen: the same labels, the same parsing (``header.py``), the
same flags on an unusual case number or KLE number."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from ... import strings as S
from ...header import FIELDS, parse_header, warnings
from ..widgets.field import Field

LABELS = {
    "school": S.FORM_SCHOOL,
    "municipality": S.FORM_MUNICIPALITY,
    "held_on": S.FORM_DATE,
    "starts_at": S.FORM_STARTS,
    "ends_at": S.FORM_ENDS,
    "location": S.FORM_LOCATION,
    "case_number": S.FORM_CASE_NUMBER,
    "case_handler": S.FORM_CASE_HANDLER,
    "memo_date": S.FORM_MEMO_DATE,
    "kle": S.FORM_KLE,
}


class HeaderForm:
    """Mixin for a screen holding the header fields; ``#form-error`` says the rest."""

    def meeting_fields(self) -> ComposeResult:
        yield from self.field("school")
        yield from self.field("municipality")
        yield from self.row("held_on", "starts_at", "ends_at")
        yield from self.field("location")

    def case_fields(self) -> ComposeResult:
        yield from self.row("case_number", "case_handler", "memo_date")
        yield from self.field("kle")

    def row(self, *names: str) -> ComposeResult:
        with Horizontal(classes="row"):
            for name in names:
                with Vertical():
                    yield from self.field(name)

    @staticmethod
    def field(name: str) -> ComposeResult:
        yield Label(LABELS[name])
        yield Field(id=name, compact=True)
        message = Static("", id=f"{name}-msg", classes="msg", markup=False)
        message.display = False
        yield message

    def value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value.strip()  # type: ignore[attr-defined]

    def fill(self, typed: dict[str, str]) -> None:
        for name, text in typed.items():
            self.query_one(f"#{name}", Input).value = text  # type: ignore[attr-defined]

    def message(self, name: str, text: str, kind: str = "error") -> None:
        msg = self.query_one(f"#{name}-msg", Static)  # type: ignore[attr-defined]
        msg.update(text)
        msg.set_classes(f"msg {kind}")
        msg.display = bool(text)  # no empty line under every field

    def on_input_changed(self, event: Input.Changed) -> None:
        name = event.input.id or ""
        if name in ("case_number", "kle"):
            self.message(name, warnings({name: event.value}).get(name, ""), "warning")

    def read_header(self) -> dict[str, Any] | None:
        """The values typed, or None with each bad field marked."""
        for name in FIELDS:
            if name not in ("case_number", "kle"):
                self.message(name, "")
        values, errors = parse_header({name: self.value(name) for name in FIELDS})
        for name, reason in errors.items():
            self.message(name, reason)
        if errors:
            self.query_one("#form-error", Static).update(S.FORM_HAS_ERRORS)  # type: ignore[attr-defined]
            return None
        return values
