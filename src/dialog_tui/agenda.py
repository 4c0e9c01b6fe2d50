"""Agenda files: TOML, validated by pydantic, shipped in ``agendas/`` and in the
user's config folder (``<config>/agendas/*.toml``; a user file wins by name)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from . import strings as S
from .config import config_dir, read_toml
from .errors import AgendaError
from .model import AgendaItem, ChecklistItem


class AgendaFileItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1)
    minutes: int | None = Field(default=None, ge=0, le=24 * 60)
    prompts: list[str] = Field(default_factory=list)

    @field_validator("title")
    @classmethod
    def _title(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("title must not be empty")
        return v.strip()


class AgendaFile(BaseModel):
    """One agenda: its points with planned minutes and prompts, and a checklist."""

    model_config = ConfigDict(extra="forbid")

    name: str = ""
    description: str = ""
    items: list[AgendaFileItem] = Field(min_length=1)
    checklist: list[str] = Field(default_factory=list)
    key: str = Field(default="", exclude=True)
    path: Path | None = Field(default=None, exclude=True)

    def agenda_items(self) -> list[AgendaItem]:
        return [
            AgendaItem(title=i.title, planned_minutes=i.minutes, prompts=i.prompts)
            for i in self.items
        ]

    def checklist_items(self) -> list[ChecklistItem]:
        return [ChecklistItem(text=t) for t in self.checklist]


def shipped_dir() -> Path:
    """``agendas/`` in the wheel, or at the top of a source checkout."""
    packaged = Path(__file__).parent / "agendas"
    return packaged if packaged.is_dir() else Path(__file__).parents[2] / "agendas"


def user_dir() -> Path:
    return config_dir() / "agendas"


def agenda_paths() -> dict[str, Path]:
    """Every agenda file by key (file name without ``.toml``); user files win."""
    found: dict[str, Path] = {}
    for folder in (shipped_dir(), user_dir()):
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                found[path.stem] = path
    return found


def load_agenda_file(path: Path) -> AgendaFile:
    """Read and validate one agenda file; errors name the file, line or field."""
    agenda = read_toml(path, AgendaFile, AgendaError)
    return agenda.model_copy(update={"key": path.stem, "path": path})


def load_agenda(name_or_path: str | Path = "standard") -> AgendaFile:
    """An agenda by key (``standard``) or by a path to a ``.toml`` file."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".toml" or candidate.exists():
        return load_agenda_file(candidate)
    paths = agenda_paths()
    if str(name_or_path) not in paths:
        raise AgendaError(
            S.AGENDA_NOT_FOUND.format(name=name_or_path, known=", ".join(paths) or "-")
        )
    return load_agenda_file(paths[str(name_or_path)])
