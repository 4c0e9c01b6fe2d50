"""Peak memory (VmHWM) of the app showing the dialogue list, and its start to the
list's first frame, each beside a bare Textual app with the same widgets
(benchmarks/bare_list_app.py): for the first frame the bare app shows the same
first 100 rows (the floor for a screenful), for memory it holds every row, as
the list does once filled. All run in a 120x40 pseudo-terminal; the first frame
is the moment the terminal has been sent the newest dialogue's school.

python -m benchmarks.memory [--quick]
"""

from __future__ import annotations

import os
import select
import signal
import statistics
import sys
import time
from pathlib import Path

from .common import compile_sources, row, scratch_copy, spawn
from .data import LIST_SIZES, OPEN_SCHOOL, list_db

FIRST_FRAME_GOAL = 1.5
"""At 100 000 dialogues the list's first frame is at most this times the bare app's."""
STEADY = 1.0
"""Seconds without VmHWM growing after which the app counts as settled (the
screen never goes quiet: the input's cursor blinks)."""


def peak(argv: list[str], timeout: float = 120.0) -> tuple[float, int]:
    """(seconds until the newest dialogue's school is painted, VmHWM in KiB once
    the screen has settled) for a command spawned in a pty."""
    pid, fd = spawn(argv)
    start = time.perf_counter()
    seen = b""
    painted = None
    hwm, steady_since = 0, start
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            now = time.perf_counter()
            if ready:
                try:
                    seen += os.read(fd, 65536)
                except OSError:
                    break
                if painted is None and OPEN_SCHOOL.encode() in seen:
                    painted = now - start
            if painted is not None:
                current = _vm_hwm(pid)
                if current > hwm:
                    hwm, steady_since = current, now
                elif now - steady_since >= STEADY:
                    return painted, hwm
        raise RuntimeError(f"no settled list from {argv}: {seen[-300:]!r}")
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def _vm_hwm(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc (Linux only)")


def run(quick: bool = False) -> list[dict]:
    sizes = [1_000] if quick else LIST_SIZES
    compile_sources()
    bare_app = Path(__file__).with_name("bare_list_app.py")
    out: list[dict] = []
    for n in sizes:
        rounds = 1 if quick else 3
        size = f"{n:,} dialogues".replace(",", " ")
        with scratch_copy(list_db(n)) as db:
            ours, first, whole = [], [], []
            for _ in range(rounds):  # interleaved, so all see the same cache state
                ours.append(peak([sys.executable, "-m", "dialog_tui", "--db", str(db)]))
                first.append(peak([sys.executable, str(bare_app), str(db), "100"]))
                whole.append(peak([sys.executable, str(bare_app), str(db)]))
        shown = statistics.median(t for t, _ in ours) * 1000
        floor = statistics.median(t for t, _ in first) * 1000
        goal = {"goal": f"≤ {FIRST_FRAME_GOAL}×", "met": shown <= FIRST_FRAME_GOAL * floor}
        out.append(row("start to the list's first frame", size, shown, floor, "ms",
                       against="bare Textual list of 100 rows",
                       **(goal if n >= 100_000 else {})))  # fmt: skip
        out.append(row("peak memory (VmHWM), list shown", size,
                       statistics.median(m for _, m in ours) / 1024,
                       statistics.median(m for _, m in whole) / 1024, "MiB",
                       against="bare Textual list"))  # fmt: skip
    return out


if __name__ == "__main__":
    from .run import print_table

    print_table(run(quick="--quick" in sys.argv))
