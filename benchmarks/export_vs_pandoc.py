"""Export a 300-note dialogue as a whole process (``dialog-tui export``) side by
side with pandoc converting the same content from Markdown to .docx.

Both run as fresh processes, alternating, in the same run; medians are
compared (goal: no slower than pandoc). Beside them, in the same run: the
python-docx floor (an empty document saved) and the stack alone (:data:`STACK`).
``run(quick)`` returns rows for the overall benchmark command (see
benchmarks/common.py). Without pandoc the rows have no baseline and say so.

    python -m benchmarks.export_vs_pandoc [--quick]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from dialog_tui.agenda import load_agenda
from dialog_tui.export.memo import export_memo
from dialog_tui.model import Dialogue, GoalDetails, Note, Participant
from dialog_tui.store import Store

from .common import compile_sources, row
from .common import pandoc as pandoc_path

NOTES = 300
SENTENCES = [
    "Skolen arbejder systematisk med data i årgangsteams, og drøftelserne fører til "
    "konkrete handlinger i undervisningen.",
    "Elevfraværet ligger på landsgennemsnittet.",
    "Ledelsen ønsker, at den økonomiske understøttelse fra forvaltningen kommer tættere på.",
    "Der er fokus på at skabe en styrket inkluderende skolekultur på tværs af skole og fritid.",
]


STACK = (
    "import sys, datetime, click, docx, platformdirs, sqlite3\n"
    "from babel.dates import format_date\n"
    "format_date(datetime.date(2025, 3, 10), 'd. MMMM y', locale='da_DK')\n"
    "platformdirs.user_config_path('dialog-tui')\n"
    "docx.Document().save(sys.argv[1])\n"
)
"""What ``dialog-tui export`` cannot do without, and no code of ours: the floor
plus click, babel's Danish dates, sqlite3 and platformdirs (the row "the stack
alone" shows how far the export could come down with this stack)."""


def dialogue(notes: int = NOTES) -> Dialogue:
    """The standard agenda with ``notes`` notes: prose, bullets at three levels, tags."""
    items = load_agenda("standard").agenda_items()
    for i in range(notes):
        text = f"{SENTENCES[i % len(SENTENCES)]} ({i + 1})"
        kind = "paragraph" if i % 5 == 0 else "bullet"
        note = Note(text=text, kind=kind, level=0 if kind == "paragraph" else i % 3)
        if i % 20 == 1:
            note.tags = ["goal"]
            note.goal = GoalDetails(indicator="Andel under 2", baseline="10 %", target="5 %",
                                    due=date(2026, 6, 30), theme="faglige-resultater")  # fmt: skip
        elif i % 20 == 2:
            note.tags = ["attention", "trivsel"]
        items[i % len(items)].notes.append(note)
    return Dialogue(
        school="Herstedøster Skole",
        held_on=date(2025, 3, 10),
        memo_date=date(2025, 3, 14),
        case_number="17.01.00-G01-1-25",
        case_handler="OKW",
        participants=[
            Participant(name="Mette Holm", role="skoleleder"),
            Participant(name="Ole Kjær Weber", role="konsulent", organisation="Forvaltningen"),
        ],
        agenda=items,
    )


def markdown(d: Dialogue) -> str:
    """The same content as Markdown, as someone would hand it to pandoc."""
    lines = [f"Dato: {d.memo_date}  ", f"Sags nr.: {d.case_number}  ",
             f"Sagsbehandler: {d.case_handler}", "",
             f"# Referat fra skoleudviklingssamtale på {d.school} {d.held_on}", "",
             "**Deltagere:**", ""]  # fmt: skip
    lines += [f"{p.name} ({p.role})  " for p in d.participants] + [""]
    lines += ["Skoleudviklingssamtalen tog udgangspunkt i følgende dagsordenspunkter:", ""]
    lines += [f"{n}. {item.title}" for n, item in enumerate(d.agenda, 1)] + [""]
    for n, item in enumerate(d.agenda, 1):
        lines += [f"## {n}) {item.title}", ""]
        for note in item.notes:
            if note.kind == "paragraph":
                lines += ["", note.text, ""]
            else:
                lines.append("    " * note.level + f"- {note.text}")
        lines.append("")
    lines += ["## Opsummering", ""]
    lines += [f"- {note.text}" for _, _, note in d.notes() if note.tags]
    return "\n".join(lines) + "\n"


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def alternate(
    ours: list[str], baseline: list[str] | None, repetitions: int
) -> tuple[list[float], list[float]]:
    """Wall times of both commands, run in turn after one warm-up each."""
    commands = [ours] + ([baseline] if baseline else [])
    times: list[list[float]] = [[], []]
    for command in commands:
        _time(command)  # warm the file cache
    for _ in range(repetitions):
        for i, command in enumerate(commands):
            times[i].append(_time(command))
    return times[0], times[1]


def run(quick: bool) -> list[dict]:
    """Median wall times at 30, 300 and 3,000 notes (quick: 300), as benchmark rows."""
    rows: list[dict] = []
    for notes in [NOTES] if quick else [30, NOTES, 3_000]:
        rows += _run_size(notes, repetitions=3 if quick else 9)
    return rows


def _run_size(notes: int, repetitions: int) -> list[dict]:
    compile_sources()
    pandoc = pandoc_path()
    cli = Path(sys.executable).with_name("dialog-tui")
    exporter = [str(cli)] if cli.exists() else [sys.executable, "-m", "dialog_tui"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        d = dialogue(notes)
        with Store.open(folder / "bench.db") as store:
            dialogue_id = store.create_dialogue(d)
        (folder / "memo.md").write_text(markdown(d), encoding="utf-8")
        ours_cmd = [*exporter, "--db", str(folder / "bench.db"), "export", str(dialogue_id),
                    "-o", str(folder / "ours.docx"), "--force"]  # fmt: skip
        pandoc_cmd = [pandoc or "pandoc", str(folder / "memo.md"), "-o", str(folder / "p.docx")]
        ours, theirs = alternate(ours_cmd, pandoc_cmd if pandoc else None, repetitions)
        # The floor: the interpreter, python-docx and an empty document saved.
        floor_cmd = [sys.executable, "-c", "import sys, docx; docx.Document().save(sys.argv[1])",
                     str(folder / "floor.docx")]  # fmt: skip
        ours_again, floor = alternate(ours_cmd, floor_cmd, repetitions)
        stack_cmd = [sys.executable, "-c", STACK, str(folder / "stack.docx")]
        stack, floor_again = alternate(stack_cmd, floor_cmd, repetitions)
        in_process = []
        for _ in range(repetitions):
            start = time.perf_counter()
            export_memo(d, folder / "in-process.docx")
            in_process.append(time.perf_counter() - start)
    baseline = statistics.median(theirs) * 1000 if theirs else None
    size = f"{notes:,} notes".replace(",", " ")
    floor_ms = statistics.median(floor) * 1000
    ours_vs_floor = statistics.median(ours_again) * 1000
    return [
        _row("export memo, whole process", ours, baseline, size=size, vs_pandoc=True),
        row(
            "export memo, whole process",
            size,
            ours_vs_floor,
            floor_ms,
            "ms",
            against="python-docx floor (empty document saved)",
            goal="≤ 1.2× floor at 30 notes" if notes == 30 else "",
            met=ours_vs_floor <= 1.2 * floor_ms if notes == 30 else None,
        ),
        _row("export memo, in process", in_process, baseline, size=size, vs_pandoc=True),
        row(
            "the stack alone, whole process",
            size,
            statistics.median(stack) * 1000,
            statistics.median(floor_again) * 1000,
            "ms",
            against="python-docx floor (empty document saved)",
        ),
    ]


def _row(
    figure: str, seconds: list[float], baseline: float | None, *, size: str = "",
    vs_pandoc: bool = False,
) -> dict:  # fmt: skip
    """A row of medians in ms; against pandoc it carries the goal (no slower)."""
    value = statistics.median(seconds) * 1000
    if not vs_pandoc:  # the figure's name says what the baseline is
        return row(figure, size, value, baseline, "ms", against="")
    return row(figure, size, value, baseline, "ms", against="pandoc md→docx",
               goal="≤ 1× pandoc", met=value <= baseline if baseline else None)  # fmt: skip


def main() -> None:
    quick = "--quick" in sys.argv
    if not pandoc_path():
        print("pandoc not found: only dialog-tui is timed", file=sys.stderr)
    for r in run(quick):
        ratio = f"{r['ratio']:.2f}×" if r["ratio"] else "n/a"
        print(f"{r['name']}: {r['value']} {r['unit']} "
              f"(pandoc {r['baseline']} {r['unit']}, ratio {ratio})")  # fmt: skip


if __name__ == "__main__":
    main()
