"""The memo's follow-up section and the council's overview on three years of
dialogues built the way users build them (tests/yearly_data.py): follow-ups
created by ``start_followup``, goals carried on with ``Store.carry_on``."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner
from docx import Document
from export_helpers import texts
from yearly_data import (
    AFTER_SCHOOL,
    ENG,
    PUPILS,
    READING,
    SKOV,
    TRANSITION,
    build_three_years,
)

from dialog_tui.cli import main
from dialog_tui.export.memo import export_memo
from dialog_tui.store import Store
from dialog_tui.text import long_date


@pytest.fixture
def years(db_path):
    with Store.open(db_path) as store:
        return build_three_years(store)


@pytest.fixture
def cli(db_path, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no user template
    runner = CliRunner()
    return lambda *args: runner.invoke(main, ["--db", str(db_path), *args])


def _section(got: list[str], heading: str, until: str) -> list[str]:
    return got[got.index(heading) + 1 : got.index(until)]


def test_overview_2024_shows_each_schools_goals_and_how_last_years_went(cli, years, tmp_path):
    out = tmp_path / "oversigt.docx"
    result = cli("overview", "--year", "2024", "-o", str(out))
    assert result.exit_code == 0, result.output
    got = texts(out)
    assert got[:3] == [
        "Dato: " + long_date(date.today()),
        "Sagsbehandler: ABC",
        "Skolernes mål fra skoleudviklingssamtalerne 2024",
    ]
    assert got[4].startswith(
        "Oversigten samler målene fra 2 skoleudviklingssamtaler på 2 skoler, holdt mellem "
        "12. marts 2024 og 16. april 2024."
    )
    assert _section(got, ENG, SKOV) == [
        "Skoleudviklingssamtale 16. april 2024",
        TRANSITION,
        "Andel uddannelsesparate, 8. klasse: 71 % → 80 %, senest 31. december 2024",
        "Tema: Overgang til ungdomsuddannelse",
        "Sidste år: videreført, nået 69 % (mål: 80 %). Nye tiltag i 7. klasse.",
    ]
    assert _section(got, SKOV, "Mål fordelt på temaer") == [
        "Skoleudviklingssamtale 12. marts 2024",
        READING,
        "Andel sikre læsere, 4. årgang: 62 % → 75 %, senest 30. juni 2024",
        "Tema: Faglige resultater",
        "Sidste år: videreført, nået 68 % (mål: 75 %). Godt på vej; målet fastholdes.",
        AFTER_SCHOOL,
        "Andel elever i SFO/klub: 55 % → 65 %, senest 30. juni 2025",
        "Tema: Skolefritidsliv",
        # Last year's goal that was met and not carried on, with how it went.
        "Sidste års mål, der ikke er videreført:",
        "Trivslen på mellemtrinnet øges: opfyldt, nået 3,9 (mål: 3,9)",
    ]
    rows = {
        r.cells[0].text: [c.text for c in r.cells[1:]] for r in Document(str(out)).tables[0].rows
    }
    assert rows["Faglige resultater"] == ["1", "1"]
    assert rows["Overgang til ungdomsuddannelse"] == ["1", "1"]
    assert rows["Skolefritidsliv"] == ["1", "1"]
    assert rows["Trivsel"] == ["0", "0"]
    assert rows["I alt"] == ["3", "2"]
    assert "Uden tema" not in rows


def test_overview_2025_leaves_out_the_draft_and_marks_the_held_memo(cli, years, tmp_path):
    out = tmp_path / "oversigt.docx"
    assert cli("overview", "--year", "2025", "-o", str(out)).exit_code == 0
    got = texts(out)
    assert ENG not in got and PUPILS not in got  # Engskolen's 2025 dialogue is a draft
    assert _section(got, SKOV, "Mål fordelt på temaer") == [
        "Skoleudviklingssamtale 11. marts 2025 (referatet er endnu ikke endeligt)",
        READING,
        "Andel sikre læsere, 4. årgang: 62 % → 75 %, senest 30. juni 2024",
        "Tema: Faglige resultater",
        "Sidste år: videreført, nået 72 % (mål: 75 %)",
        "Sidste års mål, der ikke er videreført:",
        "Flere elever bruger SFO og klub: opfyldt, nået 66 % (mål: 65 %)",
    ]


def test_memo_of_a_followup_dialogue_lists_last_years_items_with_their_outcome(
    db_path, years, tmp_path
):
    with Store.open(db_path) as store:
        dialogue = store.get_dialogue(years.dialogue(SKOV, 2024))
    got = texts(export_memo(dialogue, tmp_path / "memo.docx", summary=False))
    assert got[got.index("Opfølgning på sidste års mål") + 1 :] == [
        f"Mål: {READING}",
        "Andel sikre læsere, 4. årgang: 62 % → 75 %, senest 30. juni 2024",
        "Status: videreført, nået 68 % (mål: 75 %)",
        "Bemærkning: Godt på vej; målet fastholdes.",
        "Opmærksomhedspunkt: Fraværet i udskolingen stiger",
        "Status: delvist opfyldt",
        "Bemærkning: Faldet i 9. klasse.",
        "Mål: Trivslen på mellemtrinnet øges",
        "Social trivsel, 4.-6. klasse: 3,7 → 3,9, senest 30. juni 2024",
        "Status: opfyldt, nået 3,9 (mål: 3,9)",
        "Aftale: Skolen holder datakonference hvert kvartal",
        "Status: opfyldt",
    ]
    with Store.open(db_path) as store:
        first = store.get_dialogue(years.dialogue(SKOV, 2023))
    assert "Opfølgning på sidste års mål" not in texts(export_memo(first, tmp_path / "first.docx"))
