"""Deterministic test databases, built through the store's own API and cached."""

from __future__ import annotations

import random
import tempfile
from datetime import date, timedelta
from pathlib import Path

from dialog_tui.agenda import load_agenda
from dialog_tui.model import Dialogue, Note, Participant
from dialog_tui.store import Store

WORDS = [
    "elever",
    "trivsel",
    "fravær",
    "læsning",
    "matematik",
    "dansk",
    "data",
    "skoleplan",
    "ledelse",
    "forældre",
    "inklusion",
    "overgang",
    "ungdomsuddannelse",
    "medarbejdere",
    "kompetence",
    "udvikling",
    "handleplan",
    "nationale",
    "test",
    "resultater",
    "årgang",
    "team",
    "datakonference",
    "fællesskab",
    "sfo",
    "klub",
]
KINDS = ["observation", "goal", "attention", "agreement", "trivsel", "faglige-resultater"]

CACHE = Path(tempfile.gettempdir()) / "dialog-tui-bench"


def build_db(
    path: Path, dialogues: int, notes_per_dialogue: int, schools: int = 60, seed: int = 0
) -> Path:
    """A database of ``dialogues`` dialogues on the standard agenda, notes spread
    over the five points; the last dialogue is the one benchmarks open."""
    rng = random.Random(seed)
    agenda = load_agenda("standard")
    path.unlink(missing_ok=True)
    with Store.open(path) as store:
        for i in range(dialogues):
            school = f"Skole {i % schools + 1:02d}"
            items = agenda.agenda_items()
            for n in range(notes_per_dialogue):
                text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 18)))
                tags = [rng.choice(KINDS)] if rng.random() < 0.2 else []
                items[n % len(items)].notes.append(
                    Note(text=text.capitalize() + ".", level=rng.randint(0, 1), tags=tags)
                )
            store.create_dialogue(
                Dialogue(
                    school="Benchskolen" if i == dialogues - 1 else school,
                    held_on=date(2020, 1, 1) + timedelta(days=i % 2000),
                    case_number=f"17.01.00-G01-{i + 1}-25",
                    case_handler="ABC",
                    agenda=items,
                    participants=[Participant(name="Anna Jensen", role="skoleleder")],
                )
            )
    return path


def cached_db(dialogues: int, notes_per_dialogue: int, seed: int = 0) -> Path:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"d{dialogues}-n{notes_per_dialogue}-s{seed}.db"
    if not path.exists():
        tmp = path.with_suffix(".building")
        build_db(tmp, dialogues, notes_per_dialogue, seed=seed)
        tmp.replace(path)
        for suffix in ("-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
    return path
