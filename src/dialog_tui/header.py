"""A dialogue's header as typed: school, date and times, location, case number,
case handler, memo date, KLE number. One parser for the new-dialogue form, the
"Oplysninger" screen and ``dialog-tui set``, so all three accept the same text
(``4.4.2025``, ``9.30``) and say the same Danish things about it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, time
from typing import Any

from . import strings as S
from .errors import DialogError, describe_validation_error
from .gate import invalid, validated
from .model import Dialogue, case_number_looks_valid, kle_looks_valid
from .parsing import parse_date, parse_time

TEXT_FIELDS = ("school", "municipality", "location", "case_number", "case_handler", "kle")
PARSED_FIELDS: dict[str, tuple[Callable[[str], Any], str]] = {
    "held_on": (parse_date, S.FORM_BAD_DATE),
    "memo_date": (parse_date, S.FORM_BAD_DATE),
    "starts_at": (parse_time, S.FORM_BAD_TIME),
    "ends_at": (parse_time, S.FORM_BAD_TIME),
}
FIELDS = (
    "school", "municipality", "held_on", "starts_at", "ends_at", "location",
    "case_number", "case_handler", "memo_date", "kle",
)  # fmt: skip
"""Every header field, in the form's order."""
REQUIRED = ("school", "held_on")


def parse_header(typed: Mapping[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """(values, Danish error per field) for the fields in ``typed``; an empty
    date or time clears it, an empty school or date is an error."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, text in typed.items():
        text = text.strip()
        if name in REQUIRED and not text:
            errors[name] = S.FORM_REQUIRED
        elif name in PARSED_FIELDS:
            parse, error = PARSED_FIELDS[name]
            try:
                values[name] = parse(text) if text else None
            except ValueError:
                errors[name] = error
        elif name in TEXT_FIELDS:
            values[name] = text
        else:
            raise ValueError(f"not a header field: {name}")
    base = {"school": "-", "held_on": date.min}
    for name, value in values.items():  # each field alone: every bad one is marked
        if name not in errors and (reason := _refused({**base, name: value})):
            errors[name] = reason
    if not errors and (reason := _refused({**base, **values})):
        errors["ends_at"] = reason  # together: only the times' order is left
    return values, errors


def _refused(fields: dict[str, Any]) -> str:
    try:
        validated(Dialogue, fields)
    except invalid() as e:
        return describe_validation_error(e)[1]
    return ""


def warnings(values: Mapping[str, Any]) -> dict[str, str]:
    """Flagged, never blocked: a case number or KLE number of an unusual shape."""
    found = {}
    if not case_number_looks_valid(values.get("case_number") or ""):
        found["case_number"] = S.FORM_CASE_NUMBER_WARNING
    if not kle_looks_valid(values.get("kle") or ""):
        found["kle"] = S.HEADER_KLE_WARNING
    return found


def typed_text(dialogue: Dialogue) -> dict[str, str]:
    """The header as one would type it (``4.4.2025``, ``9.30``), to edit."""

    def day(value: date | None) -> str:
        return f"{value.day}.{value.month}.{value.year}" if value else ""

    def clock(value: time | None) -> str:
        return f"{value.hour}.{value.minute:02d}" if value else ""

    return {
        "school": dialogue.school,
        "municipality": dialogue.municipality,
        "held_on": day(dialogue.held_on),
        "starts_at": clock(dialogue.starts_at),
        "ends_at": clock(dialogue.ends_at),
        "location": dialogue.location,
        "case_number": dialogue.case_number,
        "case_handler": dialogue.case_handler,
        "memo_date": day(dialogue.memo_date),
        "kle": dialogue.kle,
    }


def first_error(errors: Mapping[str, str]) -> str:
    """``Dato: Ugyldig dato …``: one line for the CLI."""
    name, reason = next(iter(errors.items()))
    return S.HEADER_FIELD_ERROR.format(field=S.HEADER_LABELS.get(name, name), reason=reason)


def update_header(store: Any, dialogue_id: int, typed: Mapping[str, str]) -> Dialogue:
    """Parse ``typed`` and write it; a bad value, a final dialogue or a missing
    dialogue is a ``DialogError`` and changes nothing."""
    values, errors = parse_header(typed)
    if errors:
        raise DialogError(first_error(errors))
    return store.update_dialogue(dialogue_id, **values)
