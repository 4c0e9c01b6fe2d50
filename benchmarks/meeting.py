"""Start to first frame, and keystroke to committed write, for the meeting screen.

python -m benchmarks.meeting [--quick]
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import sys
import termios
import time
from pathlib import Path

from .data import cached_db

MARKER = b"Benchskolen"


def time_to_first_frame(argv: list[str], timeout: float = 30.0) -> float:
    """Seconds from spawn until the marker text is painted in a 120x40 pty."""
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.environ["TERM"] = "xterm-256color"
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    start = time.perf_counter()
    seen = b""
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if ready:
                try:
                    seen += os.read(fd, 65536)
                except OSError:
                    break
                if MARKER in seen:
                    return time.perf_counter() - start
        raise RuntimeError(f"no first frame from {argv}: {seen[-300:]!r}")
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def startup(db: Path, rounds: int) -> tuple[float, float]:
    """Median seconds for `dialog-tui open ID` and for the bare app, interleaved."""
    from dialog_tui.store import Store

    with Store.open(db) as store:
        dialogue_id = next(d.id for d in store.list_dialogues(school="Benchskolen"))
    app = [sys.executable, "-m", "dialog_tui", "--db", str(db), "open", str(dialogue_id)]
    bare = [sys.executable, str(Path(__file__).with_name("bare_app.py"))]
    ours, base = [], []
    for _ in range(rounds):
        ours.append(time_to_first_frame(app))
        base.append(time_to_first_frame(bare))
    return statistics.median(ours), statistics.median(base)


async def _keystrokes(db: Path, keys: int) -> tuple[list[float], list[float]]:
    """Latency from a key event's creation to its note text committed, in ms."""
    import sqlite3

    from dialog_tui.store import Store
    from dialog_tui.tui.app import DialogApp
    from dialog_tui.tui.widgets.note_editor import NoteEditor

    store = Store.open(db)
    dialogue_id = next(d.id for d in store.list_dialogues(school="Benchskolen"))
    latencies: list[float] = []
    pending: list[float] = []
    original_on_key = NoteEditor._on_key
    original_save = store.set_note_text

    async def on_key(self, event):
        pending.append(event.time)
        await original_on_key(self, event)

    def save(note_id, text):
        original_save(note_id, text)
        if pending:
            latencies.append((time.monotonic() - pending.pop()) * 1000)

    NoteEditor._on_key = on_key
    store.set_note_text = save
    try:
        app = DialogApp(store, open_id=dialogue_id)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            for i in range(keys):
                await pilot.press("abcdefghij"[i % 10])
    finally:
        NoteEditor._on_key = original_on_key
        store.close()
    # Baseline: the bare write a keystroke needs, UPDATE + COMMIT on the same file.
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    baseline = []
    for i in range(keys):
        t = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE notes SET text = ? WHERE id = (SELECT max(id) FROM notes)", (str(i),))
        conn.execute("COMMIT")
        baseline.append((time.perf_counter() - t) * 1000)
    conn.close()
    return latencies, baseline


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q / 100 * (len(values) - 1)))]


def run(quick: bool = False) -> list[dict]:
    rows: list[dict] = []
    sizes = [(1, 300)] + ([] if quick else [(10_000, 10)])
    rounds = 3 if quick else 7
    keys = 100 if quick else 400
    for dialogues, notes in sizes:
        db = cached_db(dialogues, notes)
        if dialogues > 1:  # the opened dialogue gets 300 notes too
            db = _with_300_notes(db)
        label = f"{dialogues:,} dialogue(s), 300 notes open".replace(",", " ")
        ours, base = startup(db, rounds)
        rows.append(_row(f"start to first frame ({label})", ours * 1000, base * 1000, "ms"))
        lat, baseline = asyncio.run(_keystrokes(db, keys))
        for q in (50, 99):
            rows.append(
                _row(f"keystroke to commit p{q} ({label})", pct(lat, q), pct(baseline, q), "ms")
            )
    return rows


def _with_300_notes(db: Path) -> Path:
    """Give the dialogue the benchmarks open 300 notes (others keep theirs)."""
    from dialog_tui.store import Store

    marker = db.with_name(db.stem + "-300.db")
    if marker.exists():
        return marker
    import shutil

    shutil.copy(db, marker)
    with Store.open(marker) as store:
        dialogue_id = next(d.id for d in store.list_dialogues(school="Benchskolen"))
        items = store.agenda_items(dialogue_id)
        have = sum(len(store.notes(i.id)) for i in items)
        for n in range(300 - have):
            store.add_note(items[n % len(items)].id, f"Note {n} om trivsel og læsning.")
    return marker


def _row(name: str, value: float, baseline: float, unit: str) -> dict:
    return {
        "name": name,
        "value": round(value, 2),
        "baseline": round(baseline, 2),
        "ratio": round(value / baseline, 2) if baseline else None,
        "unit": unit,
    }


def print_table(rows: list[dict]) -> None:
    width = max(len(r["name"]) for r in rows)
    print(f"{'measurement':<{width}}  {'dialog-tui':>10}  {'baseline':>10}  {'ratio':>6}")
    for r in rows:
        print(
            f"{r['name']:<{width}}  {r['value']:>8} {r['unit']}  {r['baseline']:>8} {r['unit']}"
            f"  {r['ratio']:>5}×"
        )


if __name__ == "__main__":
    print_table(run(quick="--quick" in sys.argv))
