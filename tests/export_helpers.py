"""A memo-shaped dialogue and small readers for the .docx the exporter writes."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from dialog_tui.gate import validated
from dialog_tui.model import Dialogue

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def sample_dialogue(**changes) -> Dialogue:
    """Herstedøster-like: five points, partial attendance, a partner school, an
    absent member, an internal note, tagged goals and a follow-up."""
    data = {
        "school": "Herstedøster Skole",
        "municipality": "Albertslund Kommune",
        "held_on": "2025-03-10",
        "case_number": "17.01.00-G01-1-25",
        "case_handler": "OKW",
        "memo_date": "2025-03-14",
        "participants": [
            {"name": "Mette Holm", "role": "skoleleder", "organisation": "Herstedøster Skole"},
            {"name": "Jonas Krog", "role": "viceskoleleder", "organisation": ""},
            {"name": "Eva Nielsen", "role": "AMR", "agenda_items": [3]},
            {"name": "Ole Kjær Weber", "role": "konsulent", "organisation": "Forvaltningen"},
            {"name": "Lis Bach", "role": "skoleleder", "organisation": "Vestskolen"},
            {"name": "Per Dam", "role": "skolebestyrelsen", "present": False},
        ],
        "agenda": [
            {"title": "Udvalgte punkter fra skoleplan 2024-25", "notes": [
                {"kind": "paragraph", "text": "Skolelederen gennemgik skoleplanen:"},
                {"text": "Alt på skolen er et fælles anliggende.", "level": 0},
                {"text": "Psykologisk tryghed er et fælles udgangspunkt.", "level": 1},
                {"text": "Intern: lederen virkede presset", "internal": True},
            ]},
            {"title": "Brug af data, datakonferencer og GRUS, overgang til ungdomsuddannelser",
             "notes": [
                {"text": "Elevfraværet ligger på landsgennemsnittet.",
                 "tags": ["observation", "tilstedevaerelse"]},
                {"text": "Andelen under 2 i dansk eller matematik sænkes til 5 %.",
                 "tags": ["goal"], "goal": {"indicator": "Andel under 2", "baseline": "10 %",
                 "target": "5 %", "due": "2026-06-30", "theme": "faglige-resultater"}},
            ]},
            {"title": "Tanker om behov for ændret praksis", "notes": [
                {"kind": "paragraph", "text": "Mere systematisk videndeling om co-teaching."},
                {"text": "Forvaltningen ser på MED-strukturen.", "tags": ["agreement"]},
            ]},
            {"title": "Folkeskolens Kvalitetsprogram", "notes": [
                {"kind": "paragraph", "text": "Arbejdsgruppen kvalificerer ledelsens oplæg."},
            ]},
            {"title": "Observationer fra ledelsen", "notes": [
                {"text": "Den økonomiske understøttelse bør komme tættere på.",
                 "tags": ["attention", "medarbejdere"]},
            ]},
        ],
        "followups": [
            {"kind": "goal", "text": "Flere sikre læsere i 4. årgang", "status": "delvist opfyldt",
             "reached": "68 %", "goal": {"indicator": "Sikre læsere", "baseline": "62 %",
             "target": "75 %"}, "comment": "Videreføres med nyt mål."},
        ],
    }  # fmt: skip
    data.update(changes)
    return validated(Dialogue, data)


def long_dialogue(notes: int = 300) -> Dialogue:
    """``notes`` notes spread over the standard agenda, for size and speed."""
    d = sample_dialogue()
    for i in range(notes):
        item = d.agenda[i % len(d.agenda)]
        item.notes = [*item.notes, replace(item.notes[0], uid=f"n{i}")]
    return d


def texts(path: Path) -> list[str]:
    from docx import Document

    return [p.text for p in Document(str(path)).paragraphs]


def part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def parts(path: Path, prefix: str) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.startswith(prefix)}


def today() -> date:
    return date(2025, 3, 14)
