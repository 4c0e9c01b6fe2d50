"""Peak memory (VmHWM) of the app showing the dialogue list, and its start to the
list's first frame, each beside a bare Textual app with the same widgets and the
same rows (benchmarks/bare_list_app.py). Both run in a 120x40 pseudo-terminal.

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
from .data import OPEN_SCHOOL, cached_db

STEADY = 1.0
"""Seconds without VmHWM growing after which the app counts as settled (the
screen never goes quiet: the input's cursor blinks)."""


def peak(argv: list[str], timeout: float = 60.0) -> tuple[float, int]:
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
    sizes = [1_000] if quick else [100, 1_000, 10_000]
    rounds = 1 if quick else 3
    compile_sources()
    bare_app = Path(__file__).with_name("bare_list_app.py")
    out: list[dict] = []
    for n in sizes:
        size = f"{n:,} dialogues".replace(",", " ")
        with scratch_copy(cached_db(n, 50)) as db:
            ours, base = [], []
            for _ in range(rounds):
                ours.append(peak([sys.executable, "-m", "dialog_tui", "--db", str(db)]))
                base.append(peak([sys.executable, str(bare_app), str(db)]))
        out.append(row("start to the list's first frame", size,
                       statistics.median(t for t, _ in ours) * 1000,
                       statistics.median(t for t, _ in base) * 1000, "ms",
                       against="bare Textual list"))  # fmt: skip
        out.append(row("peak memory (VmHWM), list shown", size,
                       statistics.median(m for _, m in ours) / 1024,
                       statistics.median(m for _, m in base) / 1024, "MiB",
                       against="bare Textual list"))  # fmt: skip
    return out


if __name__ == "__main__":
    from .run import print_table

    print_table(run(quick="--quick" in sys.argv))
