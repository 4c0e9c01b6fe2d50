import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from dialog_tui.cli import main
from dialog_tui.exchange import json_schema
from dialog_tui.store import Store


@pytest.fixture
def cli(db_path):
    runner = CliRunner()

    def run(*args, input=None):
        return runner.invoke(main, ["--db", str(db_path), *args], input=input)

    return run


@pytest.fixture
def example_file(tmp_path, example):
    path = tmp_path / "dialog.json"
    path.write_text(json.dumps(example, ensure_ascii=False), encoding="utf-8")
    return path


def test_load_prints_the_id_alone_and_dump_gives_back_the_same(cli, example_file, example):
    result = cli("load", str(example_file))
    assert result.exit_code == 0, result.output
    assert result.stdout == "1\n"
    dumped = json.loads(cli("dump", "1").stdout)
    for key, value in example.items():
        if key != "agenda":
            assert dumped[key] == value, key
    (item,) = dumped["agenda"]
    assert item["title"] == example["agenda"][0]["title"]
    for got, want in zip(item["notes"], example["agenda"][0]["notes"], strict=True):
        assert {k: got[k] for k in want} == want
    # A second round trip is exact, except that the copy gets its own identity.
    again = cli("load", "-", input=json.dumps(dumped)).stdout.strip()
    assert again == "2"
    assert _without_uids(json.loads(cli("dump", again).stdout)) == _without_uids(dumped)


def _without_uids(dialogue: dict) -> dict:
    dialogue.pop("uid")
    for item in dialogue["agenda"]:
        for note in item["notes"]:
            note.pop("uid")
    return dialogue


def test_dump_to_file(cli, example_file, tmp_path):
    cli("load", str(example_file))
    out = tmp_path / "out.json"
    result = cli("dump", "1", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text())["school"] == "Eksempelskolen"
    assert out.stat().st_mode & 0o077 == 0


def test_list_filters_and_json(cli, example_file, example, tmp_path):
    cli("load", str(example_file))
    other = dict(example, school="Engskolen", held_on="2024-05-01")
    cli("load", "-", input=json.dumps(other))
    table = cli("list").stdout.splitlines()
    assert table[0].split() == ["Id", "Dato", "Skole", "Status", "Sagsnr."]
    assert "Eksempelskolen" in table[1] and "Engskolen" in table[2]
    assert "kladde" in table[1]
    rows = json.loads(cli("list", "--year", "2024", "--json").stdout)
    assert [r["school"] for r in rows] == ["Engskolen"]
    rows = json.loads(cli("list", "--school", "eksempelskolen", "--json").stdout)
    assert [r["id"] for r in rows] == [1]
    assert cli("list", "--school", "Ingen").stdout == "Ingen dialoger.\n"


def test_agendas_lists_and_validates(cli, tmp_path, monkeypatch):
    from dialog_tui import agenda

    monkeypatch.setattr(agenda, "user_dir", lambda: tmp_path)
    result = cli("agendas")
    assert result.exit_code == 0
    assert "standard" in result.stdout and "5 punkter" in result.stdout
    (tmp_path / "broken.toml").write_text("[[items]\n")
    result = cli("agendas")
    assert result.exit_code == 1
    assert "broken" in result.stdout and "linje 1" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "dialog-tui/1", "school": ', "linje 1, kolonne 38: ugyldig JSON"),
        ('{"format": "dialog-tui/2", "school": "X"}', "nyere version"),
        ("[1, 2]", "er ikke en dialog"),
        ('{"format": "dialog-tui/1", "school": "X"}', "»held_on«: mangler"),
        (
            '{"format": "dialog-tui/1", "school": "X", "held_on": "2025-13-01"}',
            "»held_on«: skal være en dato",
        ),
    ],
)
def test_bad_json_is_one_clear_line_and_changes_nothing(cli, tmp_path, db_path, content, message):
    Store.open(db_path).close()
    before = db_path.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    result = cli("load", str(bad))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert message in result.stderr and str(bad) in result.stderr
    assert db_path.read_bytes() == before


def test_missing_dialogue_and_missing_file(cli, tmp_path):
    result = cli("dump", "42")
    assert result.exit_code == 1 and result.stderr == "dialog-tui: dialog 42 findes ikke\n"
    result = cli("load", str(tmp_path / "nope.json"))
    assert result.exit_code == 1 and "kan ikke læses" in result.stderr


def run_cli(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "dialog_tui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_real_process_refuses_a_foreign_file_untouched(tmp_path):
    foreign = tmp_path / "foreign.db"
    foreign.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # truncated header
    before = foreign.read_bytes()
    result = run_cli("--db", str(foreign), "list")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("dialog-tui: ") and result.stderr.count("\n") == 1
    assert foreign.read_bytes() == before


def test_db_from_environment(tmp_path, example_file):
    import os

    env = dict(os.environ, DIALOG_TUI_DB=str(tmp_path / "env.db"))
    result = run_cli("load", str(example_file), env=env)
    assert result.stdout == "1\n", result.stderr
    assert (tmp_path / "env.db").exists()


def test_published_schema_is_current():
    from pathlib import Path

    published = Path(__file__).parents[1] / "docs" / "dialogue.schema.json"
    assert published.read_text(encoding="utf-8") == json_schema(), (
        "regenerate: python -m dialog_tui.exchange > docs/dialogue.schema.json"
    )


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["open", "abc"], "Ugyldig værdi for 'DIALOGUE_ID': 'abc' er ikke et gyldigt tal"),
        (["frobnicate"], "Ukendt kommando 'frobnicate'"),
        (["list", "--bogus"], "Ukendt tilvalg '--bogus'"),
        (["open"], "Mangler argument 'DIALOGUE_ID'"),
        (["--db"], "Tilvalget '--db' kræver en værdi"),
    ],
)
def test_usage_errors_are_one_danish_line(args, line):
    """Click's own usage errors: one line on stderr, in Danish, naming what and where."""
    result = subprocess.run(
        [sys.executable, "-m", "dialog_tui", *args], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stdout == ""
    (got,) = result.stderr.splitlines()
    assert got.startswith(f"dialog-tui: {line} (se »dialog-tui")
    assert got.endswith("--help«)")


def test_help_is_in_danish():
    result = subprocess.run(
        [sys.executable, "-m", "dialog_tui", "export", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.startswith("Brug: ")
    assert "Tilvalg:" in result.stdout
    assert "Vis denne hjælp og afslut." in result.stdout
    assert "Show this message" not in result.stdout
