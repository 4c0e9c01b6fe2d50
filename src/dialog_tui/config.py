"""Settings files in the user's config folder (``~/.config/dialog-tui/`` on
Linux): agendas, ``themes.toml`` and ``memo.toml``. Everything in them is
hostile input: read as UTF-8 TOML, validated at the gate (pydantic), and every
error is one Danish line naming the file and the field."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import TypeVar

from . import gate
from . import strings as S
from .errors import DialogError, describe_validation_error
from .files import read_regular_file

APP_NAME = "dialog-tui"
MAX_SETTINGS_BYTES = 1_000_000
"""A settings file is a few lines; anything this big is not one (and is not read)."""

M = TypeVar("M")


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def read_toml(path: Path, model: type[M], error: type[DialogError]) -> M:
    """Read and validate one TOML file; ``error`` carries the Danish line."""
    data = read_regular_file(path, MAX_SETTINGS_BYTES, error)  # never a FIFO or a device
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise error(S.FILE_UNREADABLE.format(path=path, reason=S.NOT_UTF8)) from None
    try:
        parsed = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as e:
        line, column = _toml_position(str(e), raw)
        reason = str(e).split(" (at ")[0]
        reason = next((v for k, v in S.TOML_ERRORS.items() if reason.startswith(k)), reason)
        raise error(
            S.AGENDA_BAD_TOML.format(path=path, line=line, column=column, reason=reason)
        ) from None
    except RecursionError:
        raise error(S.FILE_TOO_DEEP.format(path=path)) from None
    except ValueError:  # an integer of more than 4300 digits
        raise error(S.FILE_NUMBER_TOO_LONG.format(path=path)) from None
    try:
        return gate.validated(model, parsed)
    except gate.invalid() as e:
        field, reason = describe_validation_error(e, one_based=True)
        raise error(S.FILE_BAD_FIELD.format(path=path, field=field, reason=reason)) from None


def _toml_position(message: str, raw: str) -> tuple[str, str]:
    # tomllib: "Invalid value (at line 3, column 9)" or "(at end of document)"
    m = re.search(r"line (\d+), column (\d+)", message)
    if m:
        return m.group(1), m.group(2)
    lines = raw.split("\n")
    return str(len(lines)), str(len(lines[-1]) + 1)
