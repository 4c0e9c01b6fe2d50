"""The exchange format: one dialogue as one JSON file (``format: "dialog-tui/1"``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import gate
from . import strings as S
from .errors import ExchangeError, describe_validation_error, json_reason
from .files import MAX_JSON_BYTES, read_regular_file
from .model import FORMAT, Dialogue


def dialogue_from_json(text: str, source: str | Path = "<stdin>") -> Dialogue:
    """Parse and validate; every error names the source and the line or field."""
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as e:
        raise ExchangeError(
            S.JSON_BAD_SYNTAX.format(
                path=source, line=e.lineno, column=e.colno, reason=json_reason(e.msg)
            )
        ) from None
    except RecursionError:
        raise ExchangeError(S.FILE_TOO_DEEP.format(path=source)) from None
    except ValueError:  # an integer of more than 4300 digits
        raise ExchangeError(S.FILE_NUMBER_TOO_LONG.format(path=source)) from None
    if not isinstance(data, dict) or "format" not in data:
        raise ExchangeError(S.JSON_NOT_A_DIALOGUE.format(path=source, known=FORMAT))
    found = data["format"]
    if found != FORMAT:
        if isinstance(found, str) and found.startswith("dialog-tui/"):
            raise ExchangeError(S.JSON_NEWER_FORMAT.format(path=source, found=found, known=FORMAT))
        raise ExchangeError(S.JSON_NOT_A_DIALOGUE.format(path=source, known=FORMAT))
    try:
        return gate.validated(Dialogue, data)
    except gate.invalid() as e:
        field, reason = describe_validation_error(e)
        raise ExchangeError(
            S.FILE_BAD_FIELD.format(path=source, field=field, reason=reason)
        ) from None


def read_dialogue(path: Path) -> Dialogue:
    """A dialogue file: a regular file of at most MAX_JSON_BYTES, UTF-8."""
    data = read_regular_file(path, MAX_JSON_BYTES, ExchangeError)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExchangeError(S.FILE_UNREADABLE.format(path=path, reason=S.NOT_UTF8)) from None
    return dialogue_from_json(text, path)


def dialogue_to_json(dialogue: Dialogue) -> str:
    return gate.dumped_json(dialogue, indent=2, exclude_none=True) + "\n"


def json_schema() -> str:
    """The published JSON Schema of the exchange format (docs/dialogue.schema.json)."""
    schema = gate.adapter(Dialogue).json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://dialog-tui.invalid/dialogue.schema.json"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # python -m dialog_tui.exchange > docs/dialogue.schema.json
    print(json_schema(), end="")
