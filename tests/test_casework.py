"""The case handler's day on the command line: `set` corrects the header of a
follow-up, `file` writes the filing package, `--db` anywhere, themes.toml."""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from export_helpers import sample_dialogue, texts

from dialog_tui.cli import main
from dialog_tui.export.filing import read_custom_properties, safe_file_name
from dialog_tui.model import Dialogue
from dialog_tui.store import Store

NAME = "17.01.00-G01-3-26 Referat fra skoleudviklingssamtale Herstedøster Skole 2026-03-09"


@pytest.fixture(autouse=True)
def no_user_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("DIALOG_TUI_DB", raising=False)


@pytest.fixture
def cli(db_path):
    runner = CliRunner()
    return lambda *args: runner.invoke(main, [*args, "--db", str(db_path)])


@pytest.fixture
def followup(cli, db_path) -> int:
    """Last year's dialogue, final, and this year's follow-up of it (id 2)."""
    with Store.open(db_path) as store:
        store.create_dialogue(sample_dialogue(status="final"))
    result = cli("followup", "1", "--date", "9.3.2026")
    assert result.exit_code == 0, result.output
    return int(result.stdout)


def test_followup_inherits_handler_municipality_kle_but_not_case_number(followup, db_path):
    with Store.open(db_path) as store:
        new = store.get_dialogue(followup)
    assert (new.case_handler, new.municipality, new.kle) == (
        "OKW", "Albertslund Kommune", "17.01.00-G01"
    )  # fmt: skip
    assert new.case_number == "" and new.memo_date is None


def test_set_gives_the_followup_case_number_and_memo_date_and_the_memo_shows_them(
    cli, followup, tmp_path
):
    result = cli("set", str(followup), "--case-number", "17.01.00-G01-3-26",
                 "--memo-date", "13.3.2026", "--from", "9", "--to", "12.30")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Dialog {followup} er opdateret.\n" and result.stderr == ""
    out = tmp_path / "memo.docx"
    assert cli("export", str(followup), "-o", str(out)).exit_code == 0
    assert texts(out)[:3] == [
        "Dato: 13. marts 2026",
        "Sags nr.: 17.01.00-G01-3-26",
        "Sagsbehandler: OKW",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--date", "31.2.2026"), "Dato: Ugyldig dato"),
        (("--memo-date", "i morgen"), "Notatets dato: Ugyldig dato"),
        (("--from", "25"), "Fra kl.: Ugyldigt klokkeslæt"),
        (("--from", "12", "--to", "9"), "Til kl.: mødet skal slutte efter det begynder"),
        (("--case-handler", "O"), "Sagsbehandler: sagsbehandlerens initialer er 2-4 bogstaver"),
        (("--case-handler", "OKW1"), "Sagsbehandler: sagsbehandlerens initialer er 2-4"),
        (("--school", "  "), "Skole: Skal udfyldes"),
        ((), "angiv mindst én oplysning at rette"),
    ],
)
def test_set_refuses_bad_values_with_one_danish_line_and_changes_nothing(
    cli, followup, db_path, args, message
):
    with Store.open(db_path) as store:
        before = store.get_dialogue(followup)
    result = cli("set", str(followup), *args)
    assert result.exit_code == 1
    assert message in result.stderr and result.stderr.count("\n") == 1
    with Store.open(db_path) as store:
        assert store.get_dialogue(followup) == before


def test_set_flags_a_malformed_case_number_but_saves_it(cli, followup, db_path):
    result = cli("set", str(followup), "--case-number", "SAG-2026/17", "--kle", "17-01")
    assert result.exit_code == 0
    assert result.stderr.count("Advarsel:") == 2
    with Store.open(db_path) as store:
        assert store.get_dialogue(followup).case_number == "SAG-2026/17"


def test_set_clears_an_optional_date_and_refuses_a_final_dialogue(cli, followup, db_path):
    assert cli("set", str(followup), "--memo-date", "13.3.2026").exit_code == 0
    assert cli("set", str(followup), "--memo-date", "").exit_code == 0
    with Store.open(db_path) as store:
        assert store.get_dialogue(followup).memo_date is None
    result = cli("set", "1", "--location", "Hallen")
    assert result.exit_code == 1
    assert result.stderr == (
        "dialog-tui: dialogen er endelig og kan kun læses; genåbn den med en begrundelse "
        "for at rette i den\n"
    )
    assert cli("set", "1", "--kle", "17.02.00").exit_code == 1  # read-only in SQL too
    assert cli("reopen", "1", "--reason", "Forkert sted").exit_code == 0
    assert cli("set", "1", "--location", "Hallen").exit_code == 0


def test_db_anywhere_on_the_line_and_from_the_environment(db_path, tmp_path, monkeypatch):
    runner = CliRunner()
    with Store.open(db_path) as store:
        store.create_dialogue(sample_dialogue())
    out = tmp_path / "m.docx"
    # After the subcommand, after its argument, between its options.
    result = runner.invoke(main, ["export", "1", "--db", str(db_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists()
    assert "Herstedøster" in runner.invoke(main, ["list", "--db", str(db_path)]).stdout
    monkeypatch.setenv("DIALOG_TUI_DB", str(db_path))
    assert "Herstedøster" in runner.invoke(main, ["list"]).stdout
    # Given after the subcommand, it wins over the one before it.
    other = tmp_path / "tom.db"
    result = runner.invoke(main, ["--db", str(other), "list", "--db", str(db_path)])
    assert "Herstedøster" in result.stdout


# --- Filing ----------------------------------------------------------------------


def test_file_writes_the_three_files_with_names_and_properties(cli, followup, tmp_path):
    cli("set", str(followup), "--case-number", "17.01.00-G01-3-26", "--memo-date", "13.3.2026")
    folder = tmp_path / "sag"
    folder.mkdir()
    result = cli("file", str(followup), "--to", str(folder))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == [f"{NAME}.docx", f"{NAME}.json"]
    docx = folder / f"{NAME}.docx"
    assert (docx.stat().st_mode & 0o777) == 0o600
    props = Document(str(docx)).core_properties
    title = "Referat fra skoleudviklingssamtale på Herstedøster Skole 9. marts 2026"
    assert props.title == title
    assert props.subject == "17.01.00 G01"
    assert props.keywords == "17.01.00-G01-3-26 17.01.00 G01 Herstedøster Skole"
    assert props.category == "Referat"
    assert props.author == "OKW"
    assert props.created is not None and props.modified is not None
    custom = read_custom_properties(docx.read_bytes())
    assert custom == {
        "title": title,
        "document_type": "Referat",
        "case_number": "17.01.00-G01-3-26",
        "kle_number": "17.01.00",
        "facet": "G01",
        "case_handler": "OKW",
        "document_date": "2026-03-13",
        "meeting_date": "2026-03-09",
        "school": "Herstedøster Skole",
        "municipality": "Albertslund Kommune",
        "access_classification": "",
    }
    with zipfile.ZipFile(docx) as z:
        assert "docProps/custom.xml" in z.read("_rels/.rels").decode()
        assert "custom-properties+xml" in z.read("[Content_Types].xml").decode()
    sidecar = json.loads((folder / f"{NAME}.json").read_text(encoding="utf-8"))
    assert sidecar["format"] == "dialog-tui-filing/1"
    assert {k: sidecar[k] for k in custom} == custom
    assert sidecar["file"] == f"{NAME}.docx" and sidecar["pdf"] is None
    import hashlib

    assert sidecar["sha256"] == hashlib.sha256(docx.read_bytes()).hexdigest()
    assert texts(docx)[1] == "Sags nr.: 17.01.00-G01-3-26"


def test_file_refuses_a_dialogue_without_case_number(cli, followup, tmp_path):
    result = cli("file", str(followup), "--to", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"dialog-tui: dialogen har intet sagsnummer, så notatet kan ikke journaliseres; sæt "
        f"det med »dialog-tui set {followup} --case-number …« eller under Oplysninger (F12)\n"
    )
    assert not list(tmp_path.glob("*.docx"))


def test_file_into_a_missing_folder_is_one_line(cli, db_path, tmp_path):
    with Store.open(db_path) as store:
        store.create_dialogue(sample_dialogue())
    result = cli("file", "1", "--to", str(tmp_path / "findes-ikke"))
    assert result.exit_code == 1
    assert result.stderr == f"dialog-tui: mappen {tmp_path / 'findes-ikke'} findes ikke\n"


def test_file_names_are_safe_on_windows():
    assert safe_file_name('17/01 A:B*?"<>|x. ') == "17-01 A-B------x"
    assert safe_file_name("a\x00b\tc") == "a-b-c"
    assert len(safe_file_name("x" * 500)) == 180
    dialogue = Dialogue(school="Skole: A/B?", held_on=date(2025, 3, 10), case_number="1/2")
    from dialog_tui.export.filing import filing_name

    assert filing_name(dialogue) == (
        "1-2 Referat fra skoleudviklingssamtale Skole- A-B- 2025-03-10"
    )


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_filed_memo_opens_in_libreoffice_as_pdf_a(cli, db_path, tmp_path):
    with Store.open(db_path) as store:
        store.create_dialogue(sample_dialogue())
    result = cli("file", "1", "--to", str(tmp_path), "--pdf")
    assert result.exit_code == 0, result.output
    (pdf,) = tmp_path.glob("*.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"pdfaid:part" in data  # PDF/A metadata
    sidecar = json.loads(next(tmp_path.glob("*.json")).read_text(encoding="utf-8"))
    assert sidecar["pdf"] == pdf.name


# --- Overview per municipality --------------------------------------------------


def test_overview_filters_by_municipality_and_says_the_default(cli, db_path, tmp_path):
    with Store.open(db_path) as store:
        for school, municipality in [("Herstedøster Skole", "Albertslund Kommune"),
                                     ("Vestskolen", "Albertslund Kommune"),
                                     ("Herlev Byskole", "Herlev Kommune")]:  # fmt: skip
            d = sample_dialogue(school=school, municipality=municipality, status="final")
            store.create_dialogue(d)
    out = tmp_path / "o.docx"
    result = cli("overview", "--year", "2025", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stderr == "Oversigten gælder Albertslund Kommune (2 af 3 dialoger).\n"
    got = texts(out)
    assert "Vestskolen" in got and "Herlev Byskole" not in got
    result = cli("overview", "--year", "2025", "-o", str(out), "--municipality", "herlev kommune")
    assert result.exit_code == 0
    assert "Herlev Byskole" in texts(out) and "Vestskolen" not in texts(out)
    result = cli("overview", "--year", "2025", "-o", str(out), "--municipality", "Ballerup")
    assert result.exit_code == 1
    assert result.stderr == (
        "dialog-tui: ingen dialoger fra »Ballerup« i 2025 (kendte: Albertslund Kommune, "
        "Herlev Kommune)\n"
    )


def test_overview_headings_keep_with_what_follows(cli, db_path, tmp_path):
    with Store.open(db_path) as store:
        store.create_dialogue(sample_dialogue(status="final"))
    out = tmp_path / "o.docx"
    assert cli("overview", "--year", "2025", "-o", str(out)).exit_code == 0
    school = next(p for p in Document(str(out)).paragraphs if p.text == "Herstedøster Skole")
    assert school.paragraph_format.keep_with_next is True


# --- Themes ------------------------------------------------------------------------


def write_themes(tmp_path: Path, text: str | bytes) -> Path:
    folder = tmp_path / "config" / "dialog-tui"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "themes.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_theme_by_danish_label_or_key(cli, db_path):
    with Store.open(db_path) as store:
        store.create_dialogue(sample_dialogue())
    for typed in ("tilstedeværelse", "Tilstedeværelse og fravær", "tilstedevaerelse"):
        result = cli("search", "", "--theme", typed)
        assert result.exit_code == 0, result.output
        assert "Elevfraværet ligger på landsgennemsnittet." in result.stdout
    result = cli("search", "", "--theme", "Faglige resultater")
    assert "Andelen under 2" in result.stdout
    result = cli("search", "x", "--theme", "f")
    assert result.exit_code == 1
    assert "»f« passer på flere temaer: Faglige resultater, Forældresamarbejde" in result.stderr


def test_search_without_words_or_filters_explains(cli):
    result = cli("search", "")
    assert result.exit_code == 1
    assert result.stderr == (
        "dialog-tui: skriv noget at søge efter, eller vælg med --school, --year, --kind "
        "eller --theme\n"
    )
    result = cli("search", "læs", "--school", "Ukendt")
    assert result.stderr == "dialog-tui: ingen skole hedder »Ukendt« eller begynder sådan\n"


def test_themes_toml_gives_the_plans_themes_to_memo_and_search(cli, db_path, tmp_path):
    write_themes(tmp_path, '[themes]\nsynlig-laering = "Synlig læring"\ntrivsel = "Trivsel"\n')
    dialogue = sample_dialogue()
    dialogue.agenda[0].notes[1].tags = ["goal", "synlig-laering"]
    with Store.open(db_path) as store:
        store.create_dialogue(dialogue)
    result = cli("search", "", "--theme", "synlig læring")
    assert "Alt på skolen er et fælles anliggende." in result.stdout
    out = tmp_path / "m.docx"
    assert cli("export", "1", "-o", str(out)).exit_code == 0
    got = texts(out)
    summary = got[got.index("Opsummering") :]
    assert summary[1:3] == ["Synlig læring", "Mål: Alt på skolen er et fælles anliggende."]
    # A theme of the old plan still reads in the summary, by its label.
    assert "Faglige resultater" in summary


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[themes]\n"Synlig læring" = "Synlig læring"', "temanøglen »Synlig læring« skal være"),
        ('[themes]\ngoal = "Mål"', "temanøglen »goal« skal være"),
        ('[themes]\na = "Trivsel"\nb = "trivsel"', "temanavnet »trivsel« står to gange"),
        ('[themes]\na = ""', "temaet »a« skal have et navn på én linje"),
        ("[themes]", "feltet »themes«"),
        ('themes = ["trivsel"]', "feltet »themes«"),
        ("[themes\n", "ugyldig TOML"),
        (b'[themes]\na = "\xff"', "filen er ikke UTF-8-tekst"),
    ],
)
def test_hostile_themes_toml_is_one_danish_line(cli, tmp_path, content, message):
    path = write_themes(tmp_path, content)
    result = cli("search", "x", "--theme", "trivsel")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"dialog-tui: {path}")
    assert message in result.stderr and result.stderr.count("\n") == 1


# --- Danish errors all the way -------------------------------------------------------


def test_os_and_json_errors_are_danish(cli, tmp_path):
    result = cli("load", str(tmp_path / "findes-ikke.json"))
    assert result.stderr.endswith("kan ikke læses: filen eller mappen findes ikke\n")
    folder = tmp_path / "mappe.json"
    folder.mkdir()
    result = cli("load", str(folder))
    assert result.exit_code == 2 and f"Filen '{folder}' er en mappe" in result.stderr
    result = cli("export", "1", "--template", str(folder))
    assert "dialog 1 findes ikke" in result.stderr
    result = cli("backup", "-o", str(tmp_path / "nej" / "kopi.db"))
    assert result.stderr.endswith("kan ikke skrive " + str(tmp_path / "nej" / "kopi.db") +
                                  ": filen eller mappen findes ikke\n")  # fmt: skip
    bad = tmp_path / "tom.json"
    bad.write_text("")
    result = cli("load", str(bad))
    assert (
        result.stderr == f"dialog-tui: {bad}, linje 1, kolonne 1: ugyldig JSON: her "
        "forventes en værdi\n"
    )
    result = cli("dump", "1", "-o", str(tmp_path / "nej" / "x.json"))
    assert "dialog 1 findes ikke" in result.stderr
