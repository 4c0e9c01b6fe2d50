"""Every benchmark in one run, one table: each figure beside its baseline measured
in the same run, the ratio, and the goal with whether it was met.

    python -m benchmarks [--quick] [--json] [--only NAME ...]

``--quick`` uses the smaller sizes and fewer rounds (under a minute once the
cached databases exist); ``--json`` prints the machine and the rows as JSON.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import platform
import sqlite3
import subprocess
import sys
import time
from importlib.metadata import version

from .common import pandoc as pandoc_path

# Each module has run(quick) -> list of rows (see common.row). "overview" is the
# export helper's module; it joins the table once its branch is merged.
MODULES = ["meeting", "export_vs_pandoc", "dialogues", "memory"]
OPTIONAL = ["overview"]


def machine() -> dict:
    """What the figures were measured on."""
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f
                        if line.startswith("model name")), cpu)  # fmt: skip
    except OSError:
        pass
    pandoc = pandoc_path()
    pandoc_version = None
    if pandoc:
        out = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout
        pandoc_version = out.split("\n", 1)[0].removeprefix("pandoc ").strip()
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "textual": version("textual"),
        "pydantic": version("pydantic"),
        "pandoc": pandoc_version,
        "platform": platform.platform(),
    }


def modules() -> list:
    found = [importlib.import_module(f"benchmarks.{name}") for name in MODULES]
    for name in OPTIONAL:
        with contextlib.suppress(ImportError):  # not merged yet
            found.append(importlib.import_module(f"benchmarks.{name}"))
    return found


def collect(quick: bool, only: list[str] | None = None) -> list[dict]:
    rows: list[dict] = []
    for module in modules():
        short = module.__name__.rsplit(".", 1)[1]
        if only and short not in only:
            continue
        start = time.perf_counter()
        print(f"… {short}", file=sys.stderr, flush=True)
        for r in module.run(quick):
            r.setdefault("figure", r["name"])
            r.setdefault("size", "")
            r.setdefault("against", "")
            r.setdefault("goal", "")
            r.setdefault("met", None)
            r["module"] = short
            rows.append(r)
        print(f"  {short}: {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
    return rows


def _num(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"
    return f"{text.replace(',', ' ')} {unit}"


def table_lines(rows: list[dict]) -> list[str]:
    """The table as Markdown, so the same text goes into docs/benchmarks.md."""
    head = ["figure", "size", "dialog-tui", "baseline", "ratio", "goal", "met"]
    body = []
    for r in rows:
        baseline = _num(r["baseline"], r["unit"])
        if r["against"] and r["baseline"] is not None:
            baseline += f" ({r['against']})"
        elif r["against"]:
            baseline = f"n/a ({r['against']} missing)"
        met = {True: "met", False: "**missed**", None: ""}[r["met"]]
        ratio = f"{r['ratio']:.2f}×" if r["ratio"] is not None else ""
        body.append([r["figure"], r["size"], _num(r["value"], r["unit"]), baseline, ratio,
                     r["goal"], met])  # fmt: skip
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(cells) + " |" for cells in body]
    return lines


def print_table(rows: list[dict]) -> None:
    print("\n".join(table_lines(rows)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer rounds")
    parser.add_argument("--json", action="store_true", help="machine and rows as JSON")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="only these modules")
    args = parser.parse_args(argv)
    if not pandoc_path():
        print("pandoc not found: the export figures have no baseline (the test extra brings it)",
              file=sys.stderr)  # fmt: skip
    info = machine()
    rows = collect(args.quick, args.only)
    if args.json:
        print(json.dumps({"machine": info, "quick": args.quick, "rows": rows},
                         ensure_ascii=False, indent=2))  # fmt: skip
    else:
        print(f"{info['cpus']} × {info['cpu']}; Python {info['python']}, "
              f"SQLite {info['sqlite']}, Textual {info['textual']}, "
              f"pandoc {info['pandoc'] or 'missing'}")  # fmt: skip
        print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
