"""What every benchmark module shares: the row format, percentiles, scratch copies."""

from __future__ import annotations

import compileall
import fcntl
import os
import pty
import shutil
import struct
import tempfile
import termios
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def pandoc() -> str | None:
    """The pandoc baseline: one on PATH, else the one the test extra brings in a
    wheel (pypandoc-binary), so a fresh machine has it after the README's install."""
    found = shutil.which("pandoc")
    if found:
        return found
    try:
        import pypandoc
    except ImportError:
        return None
    try:
        return pypandoc.get_pandoc_path()
    except OSError:
        return None


def row(
    figure: str,
    size: str,
    value: float | None,
    baseline: float | None,
    unit: str,
    *,
    against: str,
    goal: str = "",
    met: bool | None = None,
) -> dict:
    """One line of the table: our figure, the baseline measured in the same run
    (``against`` names it), their ratio, and the goal with whether it was met."""
    ratio = value / baseline if value is not None and baseline else None
    return {
        "figure": figure,
        "size": size,
        "name": f"{figure} ({size})" if size else figure,
        "value": None if value is None else round(value, 2),
        "baseline": None if baseline is None else round(baseline, 2),
        "against": against,
        "ratio": None if ratio is None else round(ratio, 2),
        "unit": unit,
        "goal": goal,
        "met": met,
    }


def pct(values: list[float], q: float) -> float:
    """The q-th percentile by nearest rank."""
    values = sorted(values)
    return values[min(len(values) - 1, round(q / 100 * (len(values) - 1)))]


@contextmanager
def scratch_copy(db: Path) -> Iterator[Path]:
    """A throwaway copy of a cached database, for benchmarks that write to it."""
    with tempfile.TemporaryDirectory(prefix="dialog-tui-bench-") as tmp:
        copy = Path(tmp) / db.name
        shutil.copy(db, copy)
        yield copy


def spawn(argv: list[str]) -> tuple[int, int]:
    """(pid, pty fd) of ``argv`` running in a 120x40 pseudo-terminal."""
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.environ["TERM"] = "xterm-256color"
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    return pid, fd


def compile_sources() -> None:
    """Write dialog-tui's bytecode, as installing a wheel does, so spawned processes
    are timed as users run them. Without this, a checkout whose environment sets
    PYTHONDONTWRITEBYTECODE compiles every module of ours at every start (90 ms of
    CPU measured here), while Textual and the bare app load precompiled bytecode."""
    import dialog_tui

    compileall.compile_dir(Path(dialog_tui.__file__).parent, quiet=1)
