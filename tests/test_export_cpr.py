"""CPR numbers: found only when the date is real, with the agenda point; the CLI
refuses unless --allow-cpr, and a refused or failed export changes nothing."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from export_helpers import sample_dialogue, texts

from dialog_tui.cli import main
from dialog_tui.export.cpr import describe_places, dialogue_texts, find_hits, find_in_text
from dialog_tui.gate import dumped
from dialog_tui.store import Store


@pytest.mark.parametrize(
    "text",
    [
        "Elevens cpr er 120375-1234.",
        "cpr 010100-4321 nævnt",
        "290204-1234",
        "1203751234 står her",
        "311299 1234",
        "050505–5678",
    ],
)
def test_valid_dates_are_cpr_numbers(text):
    assert len(list(find_in_text(text))) == 1


@pytest.mark.parametrize(
    "text",
    [
        "310299-1234",  # 31 February
        "290201-1234",  # no 29 February in 1901 or 2001
        "320175-1234",  # day 32
        "121375-1234",  # month 13
        "000175-1234",  # day 0
        "17.01.00-G01-1-25",  # a case number
        "tlf. 43 66 12 34",
        "12037512345",  # eleven digits: not a CPR number
        "1120375-1234",
    ],
)
def test_invalid_dates_and_other_numbers_are_not(text):
    assert list(find_in_text(text)) == []


def test_the_century_digit_decides_a_leap_day():
    # 29 February 1900 did not exist; 2000 did. Digit 4 with year 00 means 2000.
    assert list(find_in_text("290200-4000"))
    assert not list(find_in_text("290200-1000"))


def test_hits_name_their_agenda_point_and_skip_internal_notes():
    d = sample_dialogue()
    d.agenda[1].notes[0].text = "Eleven med cpr 120375-1234 har højt fravær."
    d.agenda[3].notes[0].text = "Se 010203-4567 og 020304-5678."
    d.agenda[0].notes[3].text = "Intern: 150680-1111"  # internal: never printed
    d.participants[0].role = "skoleleder 111111-1111"
    hits = find_hits(dialogue_texts(d))
    assert [(h.point, h.number) for h in hits] == [
        (None, "111111-1111"),
        (2, "120375-1234"),
        (4, "010203-4567"),
        (4, "020304-5678"),
    ]
    assert hits[1].note_uid == d.agenda[1].notes[0].uid
    assert "120375-1234" in hits[1].context
    assert describe_places(hits) == "deltagerlisten og punkt 2 og 4"
    assert find_hits(dialogue_texts(sample_dialogue())) == []


# --- CLI ---------------------------------------------------------------------


@pytest.fixture
def cli(db_path, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no user template
    runner = CliRunner()

    def run(*args):
        return runner.invoke(main, ["--db", str(db_path), *args])

    return run


@pytest.fixture
def dialogue_id(db_path):
    d = sample_dialogue()
    d.agenda[1].notes[0].text = "Eleven med cpr 120375-1234 har højt fravær."
    d.agenda[4].notes[0].text = "Og igen 120375-1234."
    with Store.open(db_path) as store:
        return store.create_dialogue(d)


def _snapshot(db_path, dialogue_id):
    with Store.open(db_path) as store:
        return dumped(store.get_dialogue(dialogue_id), mode="json")


def test_cli_refuses_cpr_naming_the_points_and_writes_nothing(cli, dialogue_id, tmp_path, db_path):
    before = _snapshot(db_path, dialogue_id)
    out = tmp_path / "memo.docx"
    result = cli("export", str(dialogue_id), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "CPR-nummer" in result.stderr and "punkt 2 og 5" in result.stderr
    assert "--allow-cpr" in result.stderr
    assert not out.exists()
    assert _snapshot(db_path, dialogue_id) == before


def test_allow_cpr_exports_anyway(cli, dialogue_id, tmp_path):
    out = tmp_path / "memo.docx"
    result = cli("export", str(dialogue_id), "-o", str(out), "--allow-cpr")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"Skrev {out}"
    assert "Eleven med cpr 120375-1234 har højt fravær." in texts(out)
    assert out.stat().st_mode & 0o077 == 0  # a memo with personal data: owner only


def test_cli_options_template_and_no_summary(cli, db_path, tmp_path):
    from export_templates import build_template

    with Store.open(db_path) as store:
        did = store.create_dialogue(sample_dialogue())
    template = build_template(tmp_path / "kommune.dotx")
    out = tmp_path / "memo.docx"
    result = cli("export", str(did), "-o", str(out), "--template", str(template), "--no-summary")
    assert result.exit_code == 0, result.output
    got = texts(out)
    assert "Opsummering" not in got and "Skabelonens brødtekst, der skal erstattes" not in got


def test_cli_uses_the_template_in_the_config_folder(cli, db_path, tmp_path):
    from export_templates import build_template

    folder = tmp_path / "config" / "dialog-tui"
    folder.mkdir(parents=True)
    build_template(folder / "template.docx")
    with Store.open(db_path) as store:
        did = store.create_dialogue(sample_dialogue())
    out = tmp_path / "memo.docx"
    assert cli("export", str(did), "-o", str(out)).exit_code == 0
    from export_helpers import part

    assert "Albertslund Kommune" in part(out, "word/header1.xml") + part(out, "word/header2.xml")


def test_cli_default_file_name(cli, db_path, tmp_path, monkeypatch):
    with Store.open(db_path) as store:
        did = store.create_dialogue(sample_dialogue())
    monkeypatch.chdir(tmp_path)
    result = cli("export", str(did))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "Referat Herstedøster Skole 10. marts 2025.docx").exists()


def test_cli_bad_template_is_one_line_exit_1_no_file_db_unchanged(cli, db_path, tmp_path):
    with Store.open(db_path) as store:
        did = store.create_dialogue(sample_dialogue())
    before = _snapshot(db_path, did)
    bad = tmp_path / "skabelon.docx"
    bad.write_text("ikke word")
    out = tmp_path / "memo.docx"
    result = cli("export", str(did), "-o", str(out), "--template", str(bad))
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"dialog-tui: skabelonen {bad} er ikke en Word-fil (.docx, .dotx eller .dotm)\n"
    )
    assert not out.exists()
    assert _snapshot(db_path, did) == before


def test_pdf_without_libreoffice_is_a_clear_error(cli, db_path, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with Store.open(db_path) as store:
        did = store.create_dialogue(sample_dialogue())
    out = tmp_path / "memo.docx"
    result = cli("export", str(did), "-o", str(out), "--pdf")
    assert result.exit_code == 1
    assert "LibreOffice er ikke installeret" in result.stderr
    assert out.exists() and not out.with_suffix(".pdf").exists()


@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")), reason="no LibreOffice"
)
def test_pdf_through_libreoffice_with_relative_paths(cli, db_path, tmp_path, monkeypatch):
    with Store.open(db_path) as store:
        did = store.create_dialogue(sample_dialogue())
    monkeypatch.chdir(tmp_path)
    result = cli("export", str(did), "-o", "memo.docx", "--pdf")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["Skrev memo.docx", f"Skrev {tmp_path / 'memo.pdf'}"]
    assert (tmp_path / "memo.pdf").read_bytes().startswith(b"%PDF")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no leftovers


def test_the_fast_path_normalises_as_each_character_would():
    """Latin-1 text skips the look at each character: every such character (and
    the soft hyphen, superscript digits, NBSP among them) gives what the look would."""
    import unicodedata

    from dialog_tui.export import cpr

    for code in [*range(0x100), 0x2013, 0x200B, 0xFF11, 0x0301]:
        text = f"Elev æøå 12{chr(code)}03 75-1234  slut"
        slow = "".join(cpr._each_character(unicodedata.normalize("NFKC", text)))
        assert cpr.normalise(text) == cpr._SPACE.sub(" ", slow), hex(code)
        assert cpr._has_digit(chr(code)) == chr(code).isdigit(), hex(code)
    assert list(find_in_text("Eleven 12\xad03\xa075-1234 er nævnt"))  # soft hyphen, NBSP
