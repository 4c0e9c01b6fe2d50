"""The benchmark command keeps working: `python -m benchmarks --quick` prints a
row with a number for every figure. No timing is asserted (figures vary by machine)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from benchmarks.run import table_lines

ROOT = Path(__file__).parents[1]
FIGURES = {
    "start to first frame",
    "CPU time to first frame",
    "keystroke to commit p50",
    "keystroke to commit p99",
    "open a point",
    "CPU time to open a point",
    "export memo, whole process",
    "export memo, in process",
    "Store.list_dialogues",
    "open the dialogue list (first 100 rows shown)",
    "open the dialogue list (every row in the table)",
    "start to the list's first frame",
    "peak memory (VmHWM), list shown",
}


def test_quick_benchmark_has_a_number_for_every_figure():
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout)
    rows = report["rows"]
    figures = {r["figure"] for r in rows}
    assert figures >= FIGURES, FIGURES - figures
    assert any(f.startswith("search p95") for f in figures)
    pandoc = shutil.which("pandoc")
    for r in rows:
        assert isinstance(r["value"], float | int) and r["value"] > 0, r
        if pandoc or "pandoc" not in r["against"] + r["name"]:
            assert isinstance(r["baseline"], float | int) and r["baseline"] > 0, r
            assert r["ratio"] is not None, r
        if r["goal"]:
            assert r["met"] in (True, False), r
    assert report["machine"]["textual"] and report["machine"]["sqlite"]
    # The printed table: one line per row, each with its figure and a number.
    lines = table_lines(rows)[2:]
    assert len(lines) == len(rows)
    for line, r in zip(lines, rows, strict=True):
        assert line.startswith(f"| {r['figure']} |")
        assert any(ch.isdigit() for ch in line.split("|")[3])
