"""The exchange format: one dialogue as one JSON file (``format: "dialog-tui/1"``)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import strings as S
from .errors import ExchangeError, describe_validation_error, json_reason, os_reason
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
    if not isinstance(data, dict) or "format" not in data:
        raise ExchangeError(S.JSON_NOT_A_DIALOGUE.format(path=source, known=FORMAT))
    found = data["format"]
    if found != FORMAT:
        if isinstance(found, str) and found.startswith("dialog-tui/"):
            raise ExchangeError(S.JSON_NEWER_FORMAT.format(path=source, found=found, known=FORMAT))
        raise ExchangeError(S.JSON_NOT_A_DIALOGUE.format(path=source, known=FORMAT))
    try:
        return Dialogue.model_validate(data)
    except ValidationError as e:
        field, reason = describe_validation_error(e)
        raise ExchangeError(
            S.FILE_BAD_FIELD.format(path=source, field=field, reason=reason)
        ) from None


def read_dialogue(path: Path) -> Dialogue:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise ExchangeError(S.FILE_UNREADABLE.format(path=path, reason=os_reason(e))) from None
    except UnicodeDecodeError:
        raise ExchangeError(S.FILE_UNREADABLE.format(path=path, reason=S.NOT_UTF8)) from None
    return dialogue_from_json(text, path)


def dialogue_to_json(dialogue: Dialogue) -> str:
    return dialogue.model_dump_json(indent=2, exclude_none=True) + "\n"


def write_atomically(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write to a temporary file beside ``path`` and rename it into place, so a
    failure (or a kill) leaves either the old file or the new one, never half."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as e:
        raise ExchangeError(S.OUTPUT_UNWRITABLE.format(path=path, reason=os_reason(e))) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise ExchangeError(S.OUTPUT_UNWRITABLE.format(path=path, reason=os_reason(e))) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def json_schema() -> str:
    """The published JSON Schema of the exchange format (docs/dialogue.schema.json)."""
    schema = Dialogue.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://dialog-tui.invalid/dialogue.schema.json"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # python -m dialog_tui.exchange > docs/dialogue.schema.json
    print(json_schema(), end="")
