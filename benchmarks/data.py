"""Deterministic benchmark databases, built once and cached by size and schema.

The schema comes from the store itself (``Store.open`` creates and migrates);
the rows are written with ``executemany`` in one transaction, so the FTS
triggers run as they do for the app, and 10,000 dialogues with 50 notes each
(half a million notes) build in well under a minute. Words follow a Zipf
distribution over a Danish-like vocabulary of compounds, so a search hits a
few very common words and many rare ones, as real notes do.
"""

from __future__ import annotations

import itertools
import json
import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path

from dialog_tui.agenda import load_agenda
from dialog_tui.store import SCHEMA_VERSION, Store

DATA_VERSION = 2
"""Bump when the generated content changes, so cached files are rebuilt."""

CACHE = Path(__file__).with_name(".cache")
OPEN_SCHOOL = "Benchskolen"
"""The school of the dialogue benchmarks open (the newest one)."""

COMMON = [
    "og", "at", "det", "der", "skolen", "elever", "ledelsen", "trivsel", "fravær",
    "læsning", "matematik", "dansk", "data", "forældre", "inklusion", "overgang",
    "medarbejdere", "kompetence", "udvikling", "handleplan", "nationale", "test",
    "resultater", "årgang", "team", "fællesskab", "sfo", "klub",
]  # fmt: skip
_STEMS = [
    "skole", "læse", "elev", "lærer", "team", "trivsels", "fag", "leder", "forældre",
    "data", "udviklings", "plan", "under", "visnings", "indsats", "bestyrelse", "klasse",
    "årgangs", "fritids", "inklusions", "mål", "evaluerings", "kvalitets", "sprog",
    "matematik", "natur", "musik", "idræts", "overgangs", "uddannelses",
]  # fmt: skip
_ENDINGS = [
    "arbejde", "møde", "samtale", "rapport", "indsats", "plan", "forløb", "gruppe",
    "vejleder", "kultur", "resultat", "strategi", "niveau", "miljø", "tid", "profil",
    "opgave", "aftale", "status", "netværk",
]  # fmt: skip
VOCABULARY = COMMON + [s + e for s, e in itertools.product(_STEMS, _ENDINGS)]
"""28 common words, then 600 compounds; word i is drawn with weight 1/(i+1)."""
_CUM_WEIGHTS = list(itertools.accumulate(1 / (i + 1) for i in range(len(VOCABULARY))))
TAGS = [["goal"], ["attention"], ["agreement"], ["observation"], ["goal", "trivsel"],
        ["attention", "faglige-resultater"]]  # fmt: skip

SEARCH_QUERIES = [
    "elever",  # very common
    "trivsel læsning",  # two common words, ANDed
    "skolearbejde",  # a mid-frequency compound
    "idrætsnetværk",  # a rare compound
    "forældre*",  # a prefix
    '"nationale test"',  # a phrase
]
"""What the search benchmark types: common, rare, ANDed, prefix and phrase."""


def note_text(rng: random.Random) -> str:
    words = rng.choices(VOCABULARY, cum_weights=_CUM_WEIGHTS, k=rng.randint(6, 24))
    return " ".join(words).capitalize() + "."


def build_db(
    path: Path, dialogues: int, notes_per_dialogue: int, *, open_notes: int | None = None,
    schools: int = 60, seed: int = 0,
) -> Path:  # fmt: skip
    """``dialogues`` dialogues on the standard agenda for ``schools`` schools, their
    notes spread over the five points; the newest (``OPEN_SCHOOL``) gets
    ``open_notes`` notes (default ``notes_per_dialogue``)."""
    rng = random.Random(seed)
    titles = [item.title for item in load_agenda("standard").agenda_items()]
    path.unlink(missing_ok=True)
    Store.open(path).close()  # the schema, exactly as the app creates it
    conn = sqlite3.connect(path, isolation_level=None)
    now = "2026-01-01T00:00:00.000000"
    d_rows, a_rows, p_rows, n_rows, g_rows, final = [], [], [], [], [], []
    item_id = note_id = 0
    for i in range(dialogues):
        last = i == dialogues - 1
        d_id = i + 1
        held = date(2026, 6, 30) if last else date(2016, 1, 1) + timedelta(days=i % 3650)
        school = OPEN_SCHOOL if last else f"Skole {i % schools + 1:02d}"
        status = "draft" if last else rng.choice(["held", "final"])
        if status == "final":  # made final once its notes are in (final is read-only)
            final.append((d_id,))
            status = "held"
        case_number = f"17.01.00-G01-{d_id}-{held.year % 100:02d}"
        d_rows.append((d_id, f"{rng.getrandbits(128):032x}", school, held.isoformat(),
                       case_number, "ABC", status, now, now))  # fmt: skip
        p_rows.append((d_id, 0, "Anna Jensen", "skoleleder"))
        first_item = item_id + 1
        for pos, title in enumerate(titles):
            item_id += 1
            a_rows.append((item_id, d_id, pos, title))
        count = (open_notes or notes_per_dialogue) if last else notes_per_dialogue
        positions = [0] * len(titles)
        for n in range(count):
            note_id += 1
            k = n % len(titles)
            tags = rng.choice(TAGS) if rng.random() < 0.2 else []
            n_rows.append((note_id, f"{rng.getrandbits(128):032x}", first_item + k,
                           positions[k], note_text(rng), "bullet", rng.randint(0, 1),
                           json.dumps(tags), now))  # fmt: skip
            positions[k] += 1
            if "goal" in tags:
                g_rows.append((note_id, "Andel elever", "60 %", "70 %", "2027-06-30",
                               tags[1] if len(tags) > 1 else None))  # fmt: skip
    with conn:
        conn.execute("BEGIN")
        conn.executemany(
            """INSERT INTO dialogues (id, uid, school, held_on, case_number, case_handler,
               status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)""",
            d_rows,
        )
        conn.executemany(
            "INSERT INTO participants (dialogue_id, position, name, role) VALUES (?,?,?,?)",
            p_rows,
        )
        conn.executemany(
            "INSERT INTO agenda_items (id, dialogue_id, position, title) VALUES (?,?,?,?)",
            a_rows,
        )
        conn.executemany(
            """INSERT INTO notes (id, uid, agenda_item_id, position, text, kind, level, tags,
               updated_at) VALUES (?,?,?,?,?,?,?,?,?)""",
            n_rows,
        )
        conn.executemany(
            """INSERT INTO goals (note_id, indicator, baseline, target, due, theme)
               VALUES (?,?,?,?,?,?)""",
            g_rows,
        )
        conn.executemany("UPDATE dialogues SET status = 'final' WHERE id = ?", final)
        conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    conn.close()
    return path


def cached_db(dialogues: int, notes_per_dialogue: int, *, open_notes: int | None = None) -> Path:
    """The database for these sizes, built on first use into ``benchmarks/.cache``."""
    CACHE.mkdir(exist_ok=True)
    name = f"d{dialogues}-n{notes_per_dialogue}-o{open_notes or notes_per_dialogue}"
    path = CACHE / f"{name}-schema{SCHEMA_VERSION}-data{DATA_VERSION}.db"
    if not path.exists():
        tmp = path.with_suffix(".building")
        build_db(tmp, dialogues, notes_per_dialogue, open_notes=open_notes)
        tmp.replace(path)
        for suffix in ("-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
    return path


LIST_SIZES = (100, 1_000, 10_000, 100_000)
"""The dialogue counts of the list benchmarks (the quick run stops at 1,000)."""


def list_db(dialogues: int) -> Path:
    """The database of the list benchmarks: 50 notes a dialogue up to 10,000
    dialogues; at 100,000, 5 (half a million notes, as at 10,000: the list reads
    only the dialogues table, and five million notes would take minutes to build).
    The 100,000 file builds in about 65 s on the 2-core benchmark machine."""
    return cached_db(dialogues, 50 if dialogues <= 10_000 else 5)


def open_dialogue_id(db: Path) -> int:
    """The id of the dialogue benchmarks open: the newest, at ``OPEN_SCHOOL``."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT max(id) FROM dialogues WHERE school = ?", (OPEN_SCHOOL,)
        ).fetchone()[0]
    finally:
        conn.close()
