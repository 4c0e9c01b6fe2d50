"""The council's overview read back from the .docx: schools in Danish order, each
goal's numbers, due date, theme and last year's outcome, the theme count table,
page furniture and templates."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from export_helpers import part, texts, today
from export_templates import build_template

from dialog_tui.errors import ExportError
from dialog_tui.export.overview import build_overview, export_overview
from dialog_tui.gate import validated
from dialog_tui.model import Dialogue, Status

TITLE = "Skolernes mål fra skoleudviklingssamtalerne 2025"
SCHOOLS_IN_ORDER = ["Herstedøster Skole", "Vestskolen", "Ørstedskolen", "Åbyskolen"]
"""Danish order: Æ, Ø, Å after Z (code points would put Å before Ø)."""


def school_dialogue(school: str, held_on: str, notes: list[dict], **fields) -> Dialogue:
    return validated(
        Dialogue,
        {
            "school": school,
            "municipality": "Albertslund Kommune",
            "held_on": held_on,
            "case_handler": "OKW",
            "status": "final",
            "agenda": [
                {"title": "Udvalgte punkter fra skoleplanen", "notes": notes[:2]},
                {"title": "Observationer fra ledelsen", "notes": notes[2:]},
            ],
            **fields,
        },
    )


def year_2025() -> list[Dialogue]:
    """Four schools: one with a goal carried on from 2024, one with a follow-up that
    was not carried on, one without goals, one whose name sorts last in Danish."""
    vest = school_dialogue(
        "Vestskolen",
        "2025-03-10",
        [
            {"text": "Flere sikre læsere i 4. årgang.", "uid": "ves-read", "tags": ["goal"],
             "goal": {"indicator": "Sikre læsere", "baseline": "68 %", "target": "80 %",
                      "due": "2026-06-30", "theme": "faglige-resultater"}},
            {"text": "Fraværet skal ned.", "tags": ["goal", "tilstedevaerelse"],
             "goal": {"indicator": "Elevfravær", "baseline": "6,1 %", "target": "5 %",
                      "due": "2026-01-31"}},
            {"text": "Intern: mål vi ikke deler", "tags": ["goal"], "internal": True},
            {"text": "Ledelsen ønsker mere støtte.", "tags": ["attention", "medarbejdere"]},
            {"text": "Mere elevinddragelse i timerne.", "tags": ["goal"]},
        ],
        followups=[
            {"kind": "goal", "text": "Flere sikre læsere i 4. årgang", "status": "videreført",
             "reached": "68 %", "goal": {"indicator": "Sikre læsere", "baseline": "62 %",
             "target": "75 %"}, "comment": "Videreføres med højere mål.",
             "carried_to": "ves-read"},
        ],
    )  # fmt: skip
    orsted = school_dialogue(
        "Ørstedskolen",
        "2025-04-04",
        [
            {"text": "Trivslen i udskolingen løftes.", "tags": ["goal", "trivsel"],
             "goal": {"indicator": "Social trivsel, 7.-9. kl.", "baseline": "3,8",
                      "target": "4,0", "due": "2026-06-30"}},
        ],
        status="held",
        followups=[{"kind": "goal", "text": "Bedre trivsel", "status": "opfyldt"}],
    )  # fmt: skip
    hersted = school_dialogue(
        "Herstedøster Skole",
        "2025-02-01",
        [{"text": "Fraværet ligger på landsgennemsnittet.", "tags": ["observation"]}],
    )
    aaby = school_dialogue(
        "Åbyskolen",
        "2025-05-20",
        [
            {"text": "Bedre trivsel i SFO.", "tags": ["goal"],
             "goal": {"indicator": "Trivsel i SFO", "baseline": "70 %", "target": "80 %",
                      "theme": "trivsel"}},
        ],
    )  # fmt: skip
    return [vest, orsted, hersted, aaby]


@pytest.fixture
def overview(tmp_path) -> Path:
    return export_overview(year_2025(), 2025, tmp_path / "oversigt.docx", today=today())


def _styled(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in Document(str(path)).paragraphs]


def test_title_intro_and_schools_in_danish_alphabetical_order(overview):
    got = texts(overview)
    assert got[:5] == [
        "Dato: 14. marts 2025",
        "Sagsbehandler: OKW",  # every dialogue has the same case handler
        TITLE,
        "Samlet oversigt til byrådet og børne- og skoleudvalget",
        "Oversigten samler målene fra 4 skoleudviklingssamtaler på 4 skoler, holdt mellem "
        "1. februar 2025 og 20. maj 2025. For hver skole står målene med indikator, "
        "udgangspunkt → mål, frist og tema, og for et mål, der er videreført fra sidste "
        "år, hvordan det gik med det.",
    ]
    assert ("Title", TITLE) in _styled(overview)
    headings = [t for s, t in _styled(overview) if s == "Heading 1"]
    assert headings == [*SCHOOLS_IN_ORDER, "Mål fordelt på temaer"]


def test_each_goal_with_numbers_due_date_theme_and_last_years_outcome(overview):
    styled = _styled(overview)
    start = styled.index(("Heading 1", "Vestskolen"))
    end = styled.index(("Heading 1", "Ørstedskolen"))
    assert styled[start + 1 : end] == [
        ("Normal", "Skoleudviklingssamtale 10. marts 2025"),
        ("List Bullet", "Flere sikre læsere i 4. årgang."),
        ("List Bullet 2", "Sikre læsere: 68 % → 80 %, senest 30. juni 2026"),
        ("List Bullet 2", "Tema: Faglige resultater"),
        ("List Bullet 2",
         "Sidste år: videreført, nået 68 % (mål: 75 %). Videreføres med højere mål."),
        ("List Bullet", "Fraværet skal ned."),
        ("List Bullet 2", "Elevfravær: 6,1 % → 5 %, senest 31. januar 2026"),
        ("List Bullet 2", "Tema: Tilstedeværelse og fravær"),
        ("List Bullet", "Mere elevinddragelse i timerne."),
    ]  # fmt: skip
    whole = part(overview, "word/document.xml")
    assert "Intern" not in whole and "Ledelsen ønsker mere støtte" not in whole


def test_a_followup_not_carried_on_a_held_dialogue_and_a_school_without_goals(overview):
    got = texts(overview)

    def between(first: str, after: str) -> list[str]:
        return got[got.index(first) + 1 : got.index(after)]

    # Last year's goal that was met, not carried on: the council hears how it went.
    assert between("Ørstedskolen", "Åbyskolen") == [
        "Skoleudviklingssamtale 4. april 2025 (referatet er endnu ikke endeligt)",
        "Trivslen i udskolingen løftes.",
        "Social trivsel, 7.-9. kl.: 3,8 → 4,0, senest 30. juni 2026",
        "Tema: Trivsel",
        "Sidste års mål, der ikke er videreført:",
        "Bedre trivsel: opfyldt",
    ]
    assert between("Herstedøster Skole", "Vestskolen") == [
        "Skoleudviklingssamtale 1. februar 2025",
        "Der blev ikke sat mål på samtalen.",
    ]
    assert between("Åbyskolen", "Mål fordelt på temaer") == [
        "Skoleudviklingssamtale 20. maj 2025",
        "Bedre trivsel i SFO.",
        "Trivsel i SFO: 70 % → 80 %",
        "Tema: Trivsel",
    ]


def test_theme_table_counts_goals_and_schools_per_theme(overview):
    (table,) = Document(str(overview)).tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows == [
        ["Tema", "Mål", "Skoler"],
        ["Trivsel", "2", "2"],
        ["Faglige resultater", "1", "1"],
        ["Tilstedeværelse og fravær", "1", "1"],
        ["Overgang til ungdomsuddannelse", "0", "0"],
        ["Elevinddragelse og indflydelse", "0", "0"],
        ["Forældresamarbejde", "0", "0"],
        ["Inklusion", "0", "0"],
        ["Skolefritidsliv", "0", "0"],
        ["Medarbejdere", "0", "0"],
        ["Uden tema", "1", "1"],
        ["I alt", "5", "3"],
    ]
    assert all(cell.paragraphs[0].runs[0].bold for cell in table.rows[0].cells)
    assert all(cell.paragraphs[0].runs[0].bold for cell in table.rows[-1].cells)
    section = Document(str(overview)).sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    assert sum(col.width for col in table.columns) <= text_width
    assert "<w:tblHeader/>" in part(overview, "word/document.xml")  # repeats on each page
    # The lead-in line stays on the table's page, each dialogue's date on its goals' page.
    kept = [
        p.text for p in Document(str(overview)).paragraphs if p.paragraph_format.keep_with_next
    ]
    assert "Antal mål i alt og antal skoler med mindst ét mål inden for hvert tema." in kept
    assert "Skoleudviklingssamtale 10. marts 2025" in kept


def test_one_dialogue_and_no_unthemed_goals_make_a_short_intro_and_table(tmp_path):
    (_, orsted, _, _) = year_2025()
    path = export_overview([orsted], 2025, tmp_path / "en.docx")
    got = texts(path)
    assert got[got.index(TITLE) + 2].startswith(
        "Oversigten samler målene fra 1 skoleudviklingssamtale på 1 skole, holdt 4. april 2025."
    )
    rows = [[c.text for c in row.cells] for row in Document(str(path)).tables[0].rows]
    assert [r[0] for r in rows[1:]][-2:] == ["Medarbejdere", "I alt"]
    assert rows[-1] == ["I alt", "1", "1"]


def test_case_number_joins_the_block_and_mixed_case_handlers_leave_it(tmp_path):
    dialogues = year_2025()
    dialogues[0].case_handler = "MH"
    path = export_overview(
        dialogues, 2025, tmp_path / "o.docx", case_number="00.01.00-A00-3-25", today=today()
    )
    assert texts(path)[:3] == ["Dato: 14. marts 2025", "Sags nr.: 00.01.00-A00-3-25", TITLE]
    props = Document(str(path)).core_properties
    assert (props.author, props.keywords) == ("", "00.01.00-A00-3-25 2025")


def test_page_furniture_and_properties(overview):
    from test_export_memo import _fields, _story, _text

    assert _text(_story(overview, "header", "default")) == f"Oversigt: {TITLE}"
    assert "Oversigt:" not in _text(_story(overview, "header", "first"))
    for which in ("default", "first"):
        footer = _story(overview, "footer", which)
        assert _fields(footer) == ["PAGE", "NUMPAGES"]
        assert _text(footer).startswith("Side ") and " af " in _text(footer)
    props = Document(str(overview)).core_properties
    assert (props.title, props.author, props.keywords) == (TITLE, "OKW", "2025")
    assert props.subject == "Samlet oversigt til byrådet og børne- og skoleudvalget"


def test_template_keeps_its_letterhead_and_fills_placeholders(tmp_path):
    template = build_template(
        tmp_path / "kommune.dotx",
        header_placeholder=False,
        body_text="{{ titel }} – {{ kommune }}, {{ dato }} ({{ aar }}) {{ sagsnr }}",
    )
    path = export_overview(
        year_2025(), 2025, tmp_path / "o.docx", template=template, today=today(),
        case_number="00.01.00-A00-3-25",
    )  # fmt: skip
    got = texts(path)
    # The template writes the date and case number itself: not repeated in the block.
    assert got[:3] == [
        f"{TITLE} – Albertslund Kommune, 14. marts 2025 (2025) 00.01.00-A00-3-25",
        "Sagsbehandler: OKW",
        TITLE,
    ]
    assert not any(t.startswith(("Dato:", "Sags nr.:")) for t in got)
    from test_export_memo import _story, _text

    header = _story(path, "header", "default")
    assert "<w:drawing>" in header and "Albertslund Kommune" in _text(header)
    assert _text(header).endswith(f"Oversigt: {TITLE}")
    assert "{{" not in part(path, "word/document.xml")
    assert Document(str(path)).styles["Heading 1"].font.name == "Georgia"


def test_a_template_without_list_styles_still_exports(tmp_path):
    template = build_template(tmp_path / "mager.docx", without_list_styles=True)
    got = texts(export_overview(year_2025(), 2025, tmp_path / "o.docx", template=template))
    assert "•\tFlere sikre læsere i 4. årgang." in got
    assert TITLE in got


def test_no_dialogues_is_a_clear_error_and_no_file(tmp_path):
    out = tmp_path / "o.docx"
    with pytest.raises(ExportError, match="ingen skoleudviklingssamtaler er afholdt i 2031"):
        export_overview([], 2031, out)
    assert not out.exists()


def test_build_overview_returns_the_document_without_writing(tmp_path):
    document = build_overview(year_2025(), 2025)
    assert TITLE in [p.text for p in document.paragraphs]
    assert list(tmp_path.iterdir()) == []


# --- CLI ---------------------------------------------------------------------


@pytest.fixture
def cli(db_path, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from dialog_tui.cli import main

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no user template
    runner = CliRunner()
    return lambda *args: runner.invoke(main, ["--db", str(db_path), *args])


@pytest.fixture
def stored(db_path):
    """2025's dialogues in the store, plus what must stay out: a 2024 dialogue, a
    2025 draft and a 2025 dialogue in the bin."""
    from dialog_tui.store import Store

    vest, orsted, hersted, aaby = year_2025()
    with Store.open(db_path) as store:
        for d in (vest, orsted, hersted, aaby):
            store.create_dialogue(d)
        last_year = replace(vest, held_on=vest.held_on.replace(year=2024))
        store.create_dialogue(last_year)
        store.create_dialogue(replace(aaby, school="Kladdeskolen", status=Status.draft))
        binned = store.create_dialogue(replace(aaby, school="Slettet Skole"))
        store.delete_dialogue(binned)
    return db_path


def test_cli_overview_writes_the_years_held_dialogues(cli, stored, tmp_path):
    out = tmp_path / "oversigt.docx"
    result = cli("overview", "--year", "2025", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Skrev {out}\n"
    assert out.stat().st_mode & 0o077 == 0  # readable by the owner only
    got = texts(out)
    headings = [t for s, t in _styled(out) if s == "Heading 1"]
    assert headings == [*SCHOOLS_IN_ORDER, "Mål fordelt på temaer"]
    dialogue_lines = [t for t in got if t.startswith("Skoleudviklingssamtale ")]
    assert len(dialogue_lines) == 4 and not any("2024" in t for t in dialogue_lines)
    assert "Sidste år: videreført, nået 68 % (mål: 75 %). Videreføres med højere mål." in got
    assert "4 skoleudviklingssamtaler på 4 skoler" in got[got.index(TITLE) + 2]


def test_cli_overview_default_file_name_and_template(cli, stored, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    template = build_template(tmp_path / "kommune.docx", body_text="{{ titel }}")
    result = cli(
        "overview", "--year", "2025", "--template", str(template),
        "--case-number", "00.01.00-A00-3-25",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    out = tmp_path / "Skolernes mål 2025.docx"
    assert texts(out)[0] == TITLE
    from test_export_memo import _story, _text

    assert "Sags nr.: 00.01.00-A00-3-25" in _text(_story(out, "header", "first"))


def test_cli_overview_year_without_held_dialogues_is_one_line_and_no_file(
    cli, stored, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.iterdir())
    result = cli("overview", "--year", "2023")
    assert result.exit_code == 1
    assert result.stderr == (
        "dialog-tui: ingen skoleudviklingssamtaler er afholdt i 2023 (kun afholdte og "
        "endelige samtaler kommer med i oversigten)\n"
    )
    assert sorted(tmp_path.iterdir()) == before


def test_cli_overview_unwritable_path_is_one_line(cli, stored, tmp_path):
    out = tmp_path / "findes-ikke" / "oversigt.docx"
    result = cli("overview", "--year", "2025", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"dialog-tui: kan ikke skrive {out}: ")
    assert result.stderr.count("\n") == 1
    assert not out.parent.exists()


def test_cli_overview_refuses_a_cpr_number_in_a_goal_naming_the_school(cli, db_path, tmp_path):
    from dialog_tui.store import Store

    vest, orsted, _, _ = year_2025()
    # A CPR number in a note the overview does not print does not count.
    vest.agenda[1].notes[1].text = "Eleven 120375-1234 nævnt i et opmærksomhedspunkt."
    orsted.agenda[0].notes[0].goal.baseline = "3,8 (se 120375-1234)"
    with Store.open(db_path) as store:
        store.create_dialogue(vest)
        store.create_dialogue(orsted)
    out = tmp_path / "o.docx"
    result = cli("overview", "--year", "2025", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == (
        "dialog-tui: der står et CPR-nummer i målene fra Ørstedskolen; ret teksten, eller "
        "brug --allow-cpr for at eksportere alligevel\n"
    )
    assert not out.exists()
    assert cli("overview", "--year", "2025", "-o", str(out), "--allow-cpr").exit_code == 0
    assert "Social trivsel, 7.-9. kl.: 3,8 (se 120375-1234) → 4,0, senest 30. juni 2026" in (
        texts(out)
    )
