"""The development plan's themes: ``themes.toml`` in the config folder (key and
Danish label per theme, in the plan's order), else the nine of the default plan.

```toml
[themes]
trivsel = "Trivsel"
synlig-laering = "Synlig læring"
```

A theme is typed by its key or its label, whole or its beginning
(``tilstedeværelse``, ``Faglige resultater``, ``forældre``); documents,
overview and search show the label. A key of a theme no longer in the file
(a dialogue from before the plan changed) still reads, as itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, ClassVar

from . import strings as S
from .cleaning import Rule
from .config import config_dir, read_toml
from .errors import DialogError, SettingsError
from .model import FORBID, KINDS, THEME_KEY, THEMES, clean_text

FILE_NAME = "themes.toml"
MAX_THEMES = 100
MAX_LABEL = 80


def _keys_and_labels(v: dict[str, str]) -> dict[str, str]:
    seen: set[str] = set()
    for key, label in v.items():
        if not re.match(THEME_KEY, key) or key in KINDS:
            raise ValueError(S.THEMES_BAD_KEY.format(key=key))
        text = clean_text(label).strip()
        if not text or len(text) > MAX_LABEL or "\n" in text:
            raise ValueError(S.THEMES_BAD_LABEL.format(key=key, max=MAX_LABEL))
        if text.casefold() in seen:
            raise ValueError(S.THEMES_TWICE.format(label=text))
        seen.add(text.casefold())
    return {key: clean_text(label).strip() for key, label in v.items()}


@dataclass(slots=True, kw_only=True)
class ThemesFile:
    """``themes.toml`` as the gate checks it."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID

    themes: Annotated[dict[str, str], Rule(after=_keys_and_labels)] = field(
        metadata={"min_length": 1, "max_length": MAX_THEMES}
    )


@dataclass(frozen=True)
class ThemeSet:
    labels: dict[str, str]
    """Label by key, in the plan's order."""
    path: Path | None = None
    """The file they came from; None for the default plan."""

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.labels)

    def label(self, key: str) -> str:
        return self.labels.get(key) or S.THEME_LABELS.get(key, key)

    def resolve(self, typed: str) -> str:
        """The key of the theme typed as its key or label, or their beginning."""
        wanted = _folded(typed)
        if not wanted:
            raise DialogError(S.SEARCH_BAD_THEME.format(theme=typed, known=self.known()))
        for exact in (True, False):
            found = [
                key
                for key, label in self.labels.items()
                if any(
                    name == wanted if exact else name.startswith(wanted)
                    for name in (_folded(key), _folded(label))
                )
            ]
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                labels = ", ".join(self.labels[k] for k in found)
                raise DialogError(S.THEME_AMBIGUOUS.format(theme=typed, themes=labels))
        raise DialogError(S.SEARCH_BAD_THEME.format(theme=typed, known=self.known()))

    def known(self) -> str:
        return ", ".join(self.labels.values())


_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", " ": "-", "_": "-"})


def _folded(text: str) -> str:
    """``Tilstedeværelse og fravær`` → ``tilstedevaerelse-og-fravaer``: a label
    typed without Danish letters, or with spaces for dashes, still matches."""
    return "-".join(text.casefold().translate(_FOLD).split("-")).strip("-")


DEFAULT = ThemeSet({key: S.THEME_LABELS[key] for key in THEMES})


def user_file() -> Path:
    return config_dir() / FILE_NAME


def load_themes(path: Path | None = None) -> ThemeSet:
    """The themes of ``path`` (default: the config folder's ``themes.toml``), or
    the default plan when there is no such file; a bad file is an error."""
    path = path or user_file()
    if not path.exists():
        return DEFAULT
    return ThemeSet(read_toml(path, ThemesFile, SettingsError).themes, path)


def current_themes() -> ThemeSet:
    """For showing: the user's themes, or the default plan while the file is bad
    (the app and the CLI say what is wrong where it is read for writing)."""
    try:
        return load_themes()
    except SettingsError:
        return DEFAULT
