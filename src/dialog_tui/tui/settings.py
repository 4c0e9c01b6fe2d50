"""The user's files in the config folder (``~/.config/dialog-tui/`` on Linux): the
keymap (``keymap.toml``) and what the app remembers between runs
(``settings.toml``: the export's last folder and template). Both are read as
hostile input: a broken file is one Danish line and changes nothing."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from .. import strings as S
from .keys import all_bindings, parse_keymap


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path("dialog-tui", appauthor=False)


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], str | None]:
    """The user's keymap and, if any of it could not be used, one Danish line."""
    path = path or config_dir() / "keymap.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        return {}, S.KEYMAP_UNREADABLE.format(path=path, error=str(e).splitlines()[0])
    keymap, problems = parse_keymap(data, set(all_bindings()))
    if not problems:
        return keymap, None
    return keymap, S.KEYMAP_PROBLEMS.format(path=path, problems="; ".join(problems))


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped) + '"'


def load_settings(path: Path | None = None) -> dict[str, str]:
    """Remembered values (strings only); an unreadable file remembers nothing."""
    path = path or config_dir() / "settings.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def remember(values: dict[str, str], path: Path | None = None) -> None:
    """Merge ``values`` into the settings file (atomically; failures stay quiet:
    forgetting a folder loses nothing typed)."""
    path = path or config_dir() / "settings.toml"
    merged = {**load_settings(path), **values}
    text = "".join(f"{_toml_string(k)} = {_toml_string(v)}\n" for k, v in sorted(merged.items()))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
