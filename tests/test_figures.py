"""Key figures: files in (CSV long and wide, XLSX), the database, and the CLI."""

import json
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from dialog_tui import figures
from dialog_tui.cli import main
from dialog_tui.errors import StoreError
from dialog_tui.figures import FiguresError, column_letter, read_figures
from dialog_tui.figures_model import (
    KeyFigure,
    Series,
    parse_number,
    propose_status,
    school_year,
)
from dialog_tui.model import FollowUpStatus

LONG = (
    "skole;indikator;skoleår;værdi;enhed;kilde;sammenligning;fortrolig\n"
    "Skovskolen;Elevfravær;2022/23;7,9;%;Uddannelsesstatistik;;nej\n"
    "Skovskolen;Elevfravær;2023/24;7,2;%;Uddannelsesstatistik;;nej\n"
    "Skovskolen;Elevfravær;2023/24;6,6;%;Uddannelsesstatistik;kommune;nej\n"
    "Skovskolen;Andel under 2 i dansk eller matematik;2023/24;..;%;Uddannelsesstatistik;;\n"
    "Skovskolen;Læsning 8. kl.;2023/24;51;%;Uddannelsesstatistik;;ja\n"
)
WIDE = (
    "skole,indikator,enhed,2021/22,2022/23,2023/24\n"
    'Egeskolen,Karaktergennemsnit,karakter,"6,9",-,"7,2"\n'
    "Egeskolen,Elevfravær,%,6.1,5.9,*\n"
)


@pytest.fixture
def cli(db_path):
    runner = CliRunner()

    def run(*args):
        return runner.invoke(main, ["--db", str(db_path), *args])

    return run


def show(cli, school: str) -> list[dict]:
    result = cli("figures", "show", "--school", school, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def by_name(series: list[dict]) -> dict[str, dict]:
    return {s["indicator"]: s for s in series}


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def xlsx(tmp_path: Path, rows: list[list[object]], name: str = "tal.xlsx") -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    path = tmp_path / name
    book.save(path)
    return path


# --- The rules ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("10,2", 10.2), ("1.234,5", 1234.5), ("7.1", 7.1), ("12 %", 12.0), ("-0,4", -0.4),
     ("..", None), ("", None), ("-", None), ("*", None), (" x ", None)],
)  # fmt: skip
def test_numbers_as_written_in_danish_files(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["abc", "1,2,3", "10,2.5", "1.23,4", "nan", "0x10"])
def test_what_is_not_a_number_is_refused(text):
    with pytest.raises(ValueError, match="ikke et tal"):
        parse_number(text)


def test_school_years_are_normalised_and_checked():
    assert school_year("2023/2024") == "2023/24"
    assert school_year("2023-24") == "2023/24"
    assert school_year("1999/00") == "1999/00"
    for bad in ("2023/25", "2023", "23/24", "2023/24/25"):
        with pytest.raises(ValueError):
            school_year(bad)


def test_national_tests_are_confidential_even_unmarked():
    figure = KeyFigure(school="A", indicator="Nationale test, læsning", school_year="2023/24")
    assert figure.confidential


def test_column_letters_as_in_a_spreadsheet():
    assert [column_letter(i) for i in (0, 3, 25, 26, 27)] == ["A", "D", "Z", "AA", "AB"]


@pytest.mark.parametrize(
    ("baseline", "target", "actual", "status"),
    [
        (10, 5, 5, FollowUpStatus.met),  # lower is better, reached
        (10, 5, 4, FollowUpStatus.met),
        (10, 5, 7, FollowUpStatus.partly_met),
        (10, 5, 10, FollowUpStatus.not_met),
        (10, 5, 12, FollowUpStatus.not_met),
        (62, 75, 80, FollowUpStatus.met),  # higher is better
        (62, 75, 70, FollowUpStatus.partly_met),
        (62, 75, 60, FollowUpStatus.not_met),
        (5, 5, 5, None),  # no direction to judge by
    ],
)
def test_proposed_status_follows_the_direction_baseline_to_target(
    baseline, target, actual, status
):
    assert propose_status(baseline, target, actual) == status


def test_change_since_last_year_skips_nothing_but_a_missing_year():
    s = Series(school="A", indicator="x", values=[("2021/22", 5.0), ("2022/23", None),
                                                   ("2023/24", 6.5)])  # fmt: skip
    assert s.latest == ("2023/24", 6.5)
    assert s.change is None  # last year suppressed: no change to show
    s.values.append(("2024/25", 6.0))
    assert s.change == pytest.approx(-0.5)


# --- Files in ----------------------------------------------------------------


def test_long_csv_with_bom_comparison_suppressed_and_confidential(tmp_path, cli):
    path = write(tmp_path, "tal.csv", "\ufeff" + LONG)
    result = cli("figures", "load", str(path))
    assert result.exit_code == 0, result.output
    assert "5 nøgletal, 5 nye" in result.stdout
    series = by_name(show(cli, "skovskolen"))
    assert series["Elevfravær"]["values"] == [["2022/23", 7.9], ["2023/24", 7.2]]
    assert series["Elevfravær"]["comparisons"] == {"kommune": [["2023/24", 6.6]]}
    assert series["Elevfravær"]["source"] == "Uddannelsesstatistik"
    assert series["Andel under 2 i dansk eller matematik"]["values"] == [["2023/24", None]]
    assert series["Læsning 8. kl."]["confidential"] is True
    assert series["Elevfravær"]["confidential"] is False


def test_wide_csv_comma_separated_in_cp1252(tmp_path, cli):
    path = write(tmp_path, "tal.csv", WIDE.replace("Egeskolen", "Ærøskolen"), "cp1252")
    result = cli("figures", "load", str(path))
    assert result.exit_code == 0, result.output
    series = by_name(show(cli, "ærøskolen"))
    assert series["Karaktergennemsnit"]["values"] == [
        ["2021/22", 6.9], ["2022/23", None], ["2023/24", 7.2]
    ]  # fmt: skip
    assert series["Elevfravær"]["values"][-1] == ["2023/24", None]
    assert series["Karaktergennemsnit"]["unit"] == "karakter"


def test_excel_unicode_text_utf16_with_tabs(tmp_path, cli):
    text = "skole\tindikator\tskoleår\tværdi\nØstskolen\tFravær\t2023/24\t5,5\n"
    path = tmp_path / "tal.txt"
    path.write_bytes(text.encode("utf-16"))  # with BOM, as Excel saves it
    assert cli("figures", "load", str(path)).exit_code == 0
    assert show(cli, "Østskolen")[0]["values"] == [["2023/24", 5.5]]


def test_xlsx_long_and_wide(tmp_path, cli):
    long = xlsx(tmp_path, [
        ["Skole", "Indikator", "Skoleår", "Værdi", "Fortrolig"],
        ["Egeskolen", "Trivsel", "2022/23", 3.8, None],
        ["Egeskolen", "Trivsel", "2023/24", "3,9", "nej"],
        [None, None, None, None, None],
        ["Egeskolen", "Nationale test, dansk", "2023/24", 55, "ja"],
    ], "long.xlsx")  # fmt: skip
    wide = xlsx(tmp_path, [
        ["skole", "indikator", "2022/23", "2023/24"],
        ["Egeskolen", "Fravær", 6.1, ".."],
    ], "wide.xlsx")  # fmt: skip
    assert cli("figures", "load", str(long)).exit_code == 0
    assert cli("figures", "load", str(wide)).exit_code == 0
    series = by_name(show(cli, "Egeskolen"))
    assert series["Trivsel"]["values"] == [["2022/23", 3.8], ["2023/24", 3.9]]
    assert series["Fravær"]["values"] == [["2022/23", 6.1], ["2023/24", None]]
    assert series["Nationale test, dansk"]["confidential"] is True


def test_loading_again_updates_and_never_duplicates(tmp_path, cli, store):
    path = write(tmp_path, "tal.csv", LONG)
    assert cli("figures", "load", str(path)).exit_code == 0
    again = cli("figures", "load", str(path))
    assert "0 nye, 0 opdateret, 5 uændret" in again.stdout
    changed = write(tmp_path, "tal2.csv", LONG.replace("7,2;%", "7,0;%").replace(
        "Skovskolen;Elevfravær;2022/23", "SKOVSKOLEN;Elevfravær;2022/2023"))  # fmt: skip
    result = cli("figures", "load", str(changed))
    assert "0 nye, 2 opdateret, 3 uændret" in result.stdout, result.output
    count = store.conn.execute("SELECT count(*) FROM key_figures").fetchone()[0]
    assert count == 5
    series = by_name(show(cli, "Skovskolen"))
    assert series["Elevfravær"]["values"] == [["2022/23", 7.9], ["2023/24", 7.0]]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (LONG + "Skovskolen;Elevfravær;2024/25;7,x;%;;;\n", "række 7, kolonne D (værdi)"),
        (LONG + "Skovskolen;Elevfravær;2024/26;7;%;;;\n", "række 7, kolonne C (skoleår)"),
        (LONG + ";Elevfravær;2024/25;7;%;;;\n", "række 7, kolonne A (skole)"),
        (LONG + "Skovskolen;Elevfravær;2024/25;7;%;;;måske\n", "række 7, kolonne H (fortrolig)"),
        (LONG + "Skovskolen;Elevfravær;2022/23;7;%;;;\n", "række 7: samme skole"),
        (WIDE + 'Egeskolen,Trivsel,,"3,8","3,9",abc\n', "række 4, kolonne F (2023/24)"),
        ("skole;indikator;år;værdi;farve\nA;B;2023/24;1;rød\n", "række 1, kolonne E (farve)"),
        ("skole;indikator;værdi\nA;B;1\n", "første række skal være overskrifter"),
    ],
)
def test_a_bad_row_is_one_line_with_row_and_column_and_changes_nothing(
    tmp_path, cli, store, text, where
):
    good = write(tmp_path, "good.csv", LONG)
    assert cli("figures", "load", str(good)).exit_code == 0
    before = show(cli, "Skovskolen")
    bad = write(tmp_path, "bad.csv", text.replace("Egeskolen", "Skovskolen"))
    result = cli("figures", "load", str(bad))
    assert result.exit_code == 1
    assert where in result.stderr
    assert "intet er indlæst" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert show(cli, "Skovskolen") == before


def test_hostile_files_are_refused_without_hanging(tmp_path, cli):
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    assert "ikke en almindelig fil" in cli("figures", "load", str(fifo)).stderr
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"\x00\x01\x02" * 10)
    assert "hverken en CSV-fil" in cli("figures", "load", str(binary)).stderr
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    assert "gammel Excel-fil" in cli("figures", "load", str(old)).stderr
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert "XLSX-filen kan ikke læses" in cli("figures", "load", str(broken)).stderr
    missing = cli("figures", "load", str(tmp_path / "none.csv"))
    assert missing.exit_code == 1 and "kan ikke læse" in missing.stderr


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, cli, monkeypatch):
    monkeypatch.setattr(figures, "MAX_UNZIPPED", 1024 * 1024)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"\x00" * (2 * 1024 * 1024))
    result = cli("figures", "load", str(bomb))
    assert result.exit_code == 1
    assert "pakker sig ud" in result.stderr


def test_show_text_and_an_unknown_school(tmp_path, cli):
    cli("figures", "load", str(write(tmp_path, "tal.csv", LONG)))
    result = cli("figures", "show", "--school", "Skovskolen")
    assert "Elevfravær (%)" in result.stdout
    assert "7,2 % (2023/24) · -0,7 siden 2022/23 · kommune 6,6 %" in result.stdout
    assert "Læsning 8. kl. (%) [fortrolig]" in result.stdout
    unknown = cli("figures", "show", "--school", "Nowhere")
    assert unknown.exit_code == 1
    assert "skoler med nøgletal: Skovskolen" in unknown.stderr


def test_the_sample_file_in_docs_loads(cli):
    sample = Path(__file__).parent.parent / "docs" / "nøgletal-eksempel.csv"
    result = cli("figures", "load", str(sample))
    assert result.exit_code == 0, result.output
    assert len(show(cli, "Herstedøster Skole")) >= 5


def test_an_empty_database_has_no_figures(store):
    assert store.series_of("Skovskolen") == []
    assert store.figure_schools() == []


def test_load_is_one_transaction_all_or_nothing(store):
    good = KeyFigure(school="A", indicator="B", school_year="2023/24", value=1)
    store.load_figures([good])
    # Past the model, the table's own check refuses a bad school year mid-load.
    bad = KeyFigure(
        school="A", indicator="C", school_year="2023", comparison="", value=2.0, unit="",
        source="", retrieved=None, confidential=False,
    )  # fmt: skip
    changed = KeyFigure(school="A", indicator="B", school_year="2023/24", value=5)
    with pytest.raises(StoreError):
        store.load_figures([changed, bad])
    assert store.series_of("A")[0].values == [("2023/24", 1.0)]
    assert [s.indicator for s in store.series_of("A")] == ["B"]


def test_a_stray_quote_names_the_row(tmp_path):
    text = 'skole;indikator;skoleår;værdi\nA;B;2023/24;1\nA;"B"x;2022/23;2\n'
    with pytest.raises(FiguresError, match="række 3: CSV-filen kan ikke læses"):
        read_figures(write(tmp_path, "bad.csv", text))


def test_read_figures_raises_the_files_error(tmp_path):
    with pytest.raises(FiguresError, match="række 2, kolonne D"):
        read_figures(write(tmp_path, "bad.csv", "skole;indikator;skoleår;værdi\nA;B;2023/24;?\n"))
