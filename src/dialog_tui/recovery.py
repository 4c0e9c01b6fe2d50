"""The last resort for typed text the database would not take: a JSON file beside
the database (or in the user's data folder when that folder cannot be written),
owner-only, never overwriting another."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .errors import StoreError

FORMAT = "dialog-tui-recovery/1"


@dataclass(frozen=True)
class HeldText:
    """One note's text that was typed but not written."""

    note_id: int
    text: str
    typed_at: datetime


def write_recovery(db_path: Path, dialogue_id: int, held: Iterable[HeldText]) -> Path:
    """Write ``held`` to a new recovery file and return its path; StoreError (the
    reason) when neither beside the database nor in the data folder works."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    name = f"{Path(db_path).stem}-ikke-gemt-{dialogue_id}-{stamp}.json"
    document = {
        "format": FORMAT,
        "database": str(db_path),
        "dialogue_id": dialogue_id,
        "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "notes": [
            {
                "note_id": h.note_id,
                "text": h.text,
                "typed_at": h.typed_at.astimezone(UTC).isoformat(timespec="seconds"),
            }
            for h in held
        ],
    }
    data = json.dumps(document, ensure_ascii=False, indent=2).encode()
    error: OSError | None = None
    for folder in (Path(db_path).parent, _data_folder()):
        path = folder / name
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except OSError as e:
            error = error or e
            continue
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
        except OSError as e:  # a full disk: try the next folder
            error = error or e
            path.unlink(missing_ok=True)
            continue
        return path
    raise StoreError(str(getattr(error, "strerror", None) or error))


def _data_folder() -> Path:
    from platformdirs import user_data_path

    return user_data_path("dialog-tui", appauthor=False) / "recovery"
