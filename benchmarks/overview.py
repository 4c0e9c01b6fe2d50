"""Build the council's overview for 60 schools, side by side with baselines in the
same run.

Each school has one dialogue held in 2025 on the standard agenda: about 45
notes (prose and bullets), 3-7 goals with indicator, baseline, target, due date
and theme, attention points and agreements, and a follow-up list of 2024's
goals, half of them carried on as this year's goals.

- **In process**: ``build_overview`` + write, against ``export_memo`` of one
  dialogue holding the same goals and follow-ups (the memo prints each goal
  twice: in its point and in the summary, so the baseline is the larger
  document).
- **Whole process**: ``dialog-tui overview --year 2025`` reading the 60
  dialogues from the database, against ``pandoc`` converting the same content
  as Markdown (headings, nested bullets, a pipe table) to .docx.

Alternating, medians. ``run(quick)`` returns rows for the overall benchmark
command: {name, value, baseline, ratio, unit}.

    python -m benchmarks.overview [--quick]
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from dialog_tui.agenda import load_agenda
from dialog_tui.export.memo import export_memo
from dialog_tui.export.overview import by_school, export_overview, theme_counts
from dialog_tui.model import (
    THEMES,
    Dialogue,
    FollowUp,
    FollowUpStatus,
    GoalDetails,
    Note,
    Participant,
    Status,
)
from dialog_tui.store import Store
from dialog_tui.text import goal_line, outcome

from .common import pandoc as pandoc_path
from .export_vs_pandoc import SENTENCES, _row, alternate

SCHOOLS = 60
YEAR = 2025

GOALS = [
    ("Flere elever læser sikkert ved udgangen af {grade}. klasse.", "Andel sikre læsere",
     "faglige-resultater", "%"),
    ("Andelen af elever under 2 i dansk eller matematik sænkes.", "Andel under 2",
     "faglige-resultater", "%"),
    ("Elevfraværet bringes ned på niveau med landsgennemsnittet.", "Elevfravær",
     "tilstedevaerelse", "%"),
    ("Den sociale trivsel i udskolingen løftes.", "Social trivsel, {grade}.-9. kl.",
     "trivsel", ""),
    ("Flere elever er i gang med en ungdomsuddannelse 15 måneder efter 9. klasse.",
     "Andel i ungdomsuddannelse", "ungdomsuddannelse", "%"),
    ("Elevrådet inddrages i planlægningen af skoleåret.", "Møder med elevrådet pr. år",
     "elevinddragelse", ""),
    ("Forældrene oplever et godt samarbejde med skolen.", "Tilfredshed i forældremålingen",
     "foraeldresamarbejde", "%"),
    ("Flere elever med særlige behov går i almenklassen.", "Andel i almenklasse",
     "inklusion", "%"),
    ("Flere elever i {grade}. klasse går i SFO eller klub.", "Andel i SFO/klub",
     "skolefritid", "%"),
    ("Sygefraværet blandt medarbejderne sænkes.", "Sygefraværsdage pr. medarbejder",
     "medarbejdere", ""),
]  # fmt: skip


def _goal(rng: random.Random) -> Note:
    text, indicator, theme, unit = rng.choice(GOALS)
    grade = rng.randint(2, 8)
    baseline = rng.randint(40, 80)
    return Note(
        text=text.format(grade=grade),
        tags=["goal", theme],
        goal=GoalDetails(
            indicator=indicator.format(grade=grade),
            baseline=f"{baseline} {unit}".strip(),
            target=f"{baseline + rng.randint(3, 15)} {unit}".strip(),
            due=date(YEAR + 1, 6, 30),
            theme=theme if rng.random() < 0.9 else None,
        ),
    )


def school_dialogue(rng: random.Random, number: int) -> Dialogue:
    """One school's 2025 dialogue with realistic content (see the module's docstring)."""
    items = load_agenda("standard").agenda_items()
    for i in range(45):
        kind = "paragraph" if i % 4 == 0 else "bullet"
        items[i % len(items)].notes.append(
            Note(text=rng.choice(SENTENCES), kind=kind, level=0 if kind == "paragraph" else i % 2)
        )
    goals = [_goal(rng) for _ in range(rng.randint(3, 7))]
    for i, goal in enumerate(goals):
        items[1 + i % 3].notes.append(goal)
    items[4].notes += [
        Note(text=rng.choice(SENTENCES), tags=["attention", rng.choice(THEMES)]),
        Note(text="Forvaltningen vender tilbage om MED-strukturen.", tags=["agreement"]),
    ]
    followups = []
    for i in range(rng.randint(2, 5)):
        last = _goal(rng)
        carried = goals[i].uid if i < len(goals) // 2 else None
        followups.append(
            FollowUp(
                kind="goal",
                text=last.text,
                goal=last.goal,
                status=FollowUpStatus(
                    "videreført" if carried else rng.choice(["opfyldt", "ikke opfyldt"])
                ),
                reached=f"{rng.randint(40, 90)} %",
                comment="Drøftet på samtalen.",
                carried_to=carried,
            )
        )
    return Dialogue(
        school=f"Skole {number:02d}",
        municipality="Benchmark Kommune",
        held_on=date(YEAR, 1 + number % 6, 1 + number % 28),
        case_handler="OKW",
        status=Status.final if number % 3 else Status.held,
        participants=[Participant(name="Anna Jensen", role="skoleleder")],
        agenda=items,
        followups=followups,
    )


def dialogues(schools: int = SCHOOLS, seed: int = 0) -> list[Dialogue]:
    rng = random.Random(seed)
    return [school_dialogue(rng, n) for n in range(1, schools + 1)]


def same_goals_as_memo(ds: list[Dialogue]) -> Dialogue:
    """The baseline: one dialogue holding every goal and follow-up of ``ds``."""
    items = load_agenda("standard").agenda_items()
    goals = [
        note for d in ds for _, _, note in d.notes() if "goal" in note.tags and not note.internal
    ]
    for i, note in enumerate(goals):
        items[i % len(items)].notes.append(note)
    followups = [f for d in ds for f in d.followups if f.carried_to]
    return replace(ds[0], agenda=items, followups=followups)


def markdown(ds: list[Dialogue]) -> str:
    """The overview's content as Markdown, as someone would hand it to pandoc."""
    lines = [f"# Skolernes mål fra skoleudviklingssamtalerne {YEAR}", ""]
    schools = by_school(ds)
    for school, held in schools:
        lines += [f"## {school}", ""]
        for entry in held:
            lines += [f"Skoleudviklingssamtale {entry.dialogue.held_on}", ""]
            for goal in entry.goals:
                lines.append(f"- {goal.note.text}")
                if goal.note.goal:
                    lines.append(f"    - {goal_line(goal.note.goal)}")
                if goal.theme:
                    lines.append(f"    - Tema: {goal.theme}")
                if goal.last_year:
                    lines.append(f"    - Sidste år: {outcome(goal.last_year)}")
            lines.append("")
    lines += ["## Mål fordelt på temaer", "", "| Tema | Mål | Skoler |", "|---|--:|--:|"]
    lines += [f"| {t} | {g} | {n} |" for t, g, n in theme_counts(schools)]
    return "\n".join(lines) + "\n"


def _timed(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def run(quick: bool) -> list[dict]:
    """Median wall times as benchmark rows (see the module's docstring)."""
    repetitions = 3 if quick else 9
    ds = dialogues()
    memo = same_goals_as_memo(ds)
    pandoc = pandoc_path()
    cli = Path(sys.executable).with_name("dialog-tui")
    command = [str(cli)] if cli.exists() else [sys.executable, "-m", "dialog_tui"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Store.open(folder / "bench.db") as store:
            for d in ds:
                store.create_dialogue(d)
        (folder / "overview.md").write_text(markdown(ds), encoding="utf-8")
        ours_cmd = [*command, "--db", str(folder / "bench.db"), "overview", "--year", str(YEAR),
                    "-o", str(folder / "ours.docx"), "--force"]  # fmt: skip
        pandoc_cmd = [pandoc or "pandoc", str(folder / "overview.md"), "-o",
                      str(folder / "pandoc.docx")]  # fmt: skip
        in_process, memo_times = [], []
        export_overview(ds, YEAR, folder / "warm.docx")  # first-use imports
        export_memo(memo, folder / "warm-memo.docx")
        for _ in range(repetitions):
            in_process.append(_timed(lambda: export_overview(ds, YEAR, folder / "o.docx")))
            memo_times.append(_timed(lambda: export_memo(memo, folder / "m.docx")))
        ours, theirs = alternate(ours_cmd, pandoc_cmd if pandoc else None, repetitions)
    goals = sum(1 for _, _, n in memo.notes())
    return [
        _row(
            f"overview, {SCHOOLS} schools, {goals} goals, in process vs memo of the same goals",
            in_process,
            statistics.median(memo_times) * 1000,
        ),
        _row(
            f"overview, {SCHOOLS} schools, whole process from the database vs pandoc md→docx",
            ours,
            statistics.median(theirs) * 1000 if theirs else None,
        ),
    ]


def main() -> None:
    for row in run("--quick" in sys.argv):
        print(row)


if __name__ == "__main__":
    main()
