"""Hostile files in and out: FIFOs, devices, huge, deeply nested or overflowing
files are one Danish line naming the file; outputs never land on the live
database or on what is not a regular file, nor replace a file without --force."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from dialog_tui.agenda import load_agenda, load_agenda_file
from dialog_tui.cli import main
from dialog_tui.errors import AgendaError, FileError
from dialog_tui.files import MAX_JSON_BYTES, read_regular_file, write_atomically
from dialog_tui.model import Dialogue
from dialog_tui.store import Store

pytestmark = pytest.mark.usefixtures("no_hang")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def one_line(result, *parts: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output, result.stderr
    for part in parts:
        assert part in result.stderr, result.stderr


@pytest.fixture
def fifo(tmp_path) -> Path:
    path = tmp_path / "rør.json"
    os.mkfifo(path)
    return path


@pytest.fixture
def zero(tmp_path) -> Path:
    path = tmp_path / "nul.json"
    path.symlink_to("/dev/zero")
    return path


# --- Inputs -------------------------------------------------------------------


def test_reading_a_fifo_or_dev_zero_is_refused_at_once(fifo, zero, tmp_path):
    with pytest.raises(FileError, match="navngivet rør"):
        read_regular_file(fifo, 100)
    with pytest.raises(FileError, match="er ikke en almindelig fil, men en enhed"):
        read_regular_file(zero, 100)
    with pytest.raises(FileError, match="en mappe"):
        read_regular_file(tmp_path, 100)
    big = tmp_path / "stor.json"
    big.write_bytes(b"x" * 1001)
    with pytest.raises(FileError, match="større end 1 kB"):
        read_regular_file(big, 1000)
    assert read_regular_file(big, 1001) == b"x" * 1001


@pytest.mark.parametrize("name", ["fifo", "zero"])
def test_load_of_a_fifo_or_dev_zero_is_one_line(request, db_path, name):
    path = request.getfixturevalue(name)
    one_line(run("--db", str(db_path), "load", str(path)), str(path), "almindelig fil")


def test_load_of_a_huge_file_is_refused_before_reading(db_path, tmp_path):
    path = tmp_path / "stor.json"
    with open(path, "wb") as f:
        f.truncate(MAX_JSON_BYTES + 1)  # sparse: no disk used
    one_line(run("--db", str(db_path), "load", str(path)), "større end 50 MB")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "indlejret for dybt"),
        ('{"a":' * 100_000, "indlejret for dybt"),
        ('{"format": "dialog-tui/1", "n": ' + "9" * 5000 + "}", "tal med for mange cifre"),
    ],
)
def test_deep_or_overlong_json_is_one_line_naming_the_file(db_path, tmp_path, text, message):
    path = tmp_path / "ond.json"
    path.write_text(text)
    one_line(run("--db", str(db_path), "load", str(path)), str(path), message)


def test_json_with_a_huge_number_a_long_school_or_mixed_zones(db_path, tmp_path, example):
    path = tmp_path / "d.json"
    example["participants"][0]["agenda_items"] = [2**64]
    path.write_text(json.dumps(example))
    one_line(run("--db", str(db_path), "load", str(path)), "er for stor")
    example["participants"][0]["agenda_items"] = [1]
    example["school"] = "S" * 300
    path.write_text(json.dumps(example))
    one_line(run("--db", str(db_path), "load", str(path)), "»school«: er for lang (højst 150")
    example["school"] = "Skole"
    example["starts_at"], example["ends_at"] = "09:00+02:00", "12:00"
    path.write_text(json.dumps(example))
    assert run("--db", str(db_path), "load", str(path)).exit_code == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a = " + "[" * 100_000 + "]" * 100_000, "indlejret for dybt"),
        ("a = " + "{b=" * 100_000 + "}" * 100_000, "indlejret for dybt"),
        ("[[items]]\ntitle = 'x'\nminutes = " + "9" * 5000, "tal med for mange cifre"),
        ("[[items]]\ntitle = 'x'\nminutes = " + str(2**70), "er for stor"),
    ],
)
def test_hostile_agenda_files_are_one_line(tmp_path, text, message):
    path = tmp_path / "ond.toml"
    path.write_text(text)
    with pytest.raises(AgendaError, match=message):
        load_agenda_file(path)


def test_a_fifo_or_dev_zero_among_the_agendas_is_listed_as_bad(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    folder = tmp_path / "dialog-tui" / "agendas"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "rør.toml")
    (folder / "nul.toml").symlink_to("/dev/zero")
    with pytest.raises(AgendaError, match="navngivet rør"):
        load_agenda("rør")
    result = run("agendas")
    assert result.exit_code == 1
    lines = {line.split()[0]: line for line in result.stdout.splitlines()}
    assert "almindelig fil" in lines["rør"] and "almindelig fil" in lines["nul"]
    assert "punkter" in lines["standard"]


def test_restore_from_a_fifo_or_dev_zero_is_refused_and_changes_nothing(db_path, fifo, zero):
    with Store.open(db_path) as store:
        store.create_dialogue(Dialogue(school="S", held_on=date(2025, 1, 1)))
    before = db_path.read_bytes()
    for source in (fifo, zero):
        one_line(run("--db", str(db_path), "restore", str(source), "--yes"), "almindelig fil")
    assert db_path.read_bytes() == before
    assert not db_path.with_name(db_path.name + ".bak").exists()


# --- Outputs ------------------------------------------------------------------


@pytest.fixture
def filled(db_path) -> Path:
    with Store.open(db_path) as store:
        store.mark_held(
            store.create_dialogue(Dialogue(school="Skovskolen", held_on=date(2025, 3, 10)))
        )  # held: the overview lists it
    return db_path


def writers(target: Path, *extra: str) -> list[list[str]]:
    out = ["-o", str(target), *extra]
    return [["dump", "1", *out], ["export", "1", *out], ["backup", *out],
            ["overview", "--year", "2025", *out]]  # fmt: skip


def database_state(db: Path) -> tuple[bytes, int]:
    with Store.open(db) as store:
        count = len(store.list_dialogues())
    return db.read_bytes(), count


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_no_command_writes_onto_the_live_database(filled, suffix):
    target = filled.with_name(filled.name + suffix)
    target.touch()
    link = filled.with_name("link.db")
    link.symlink_to(target)
    before = database_state(filled)
    for args in writers(target, "--force") + writers(link, "--force"):
        one_line(run("--db", str(filled), *args), "er selve databasen")
        assert database_state(filled) == before


def test_no_command_writes_onto_a_fifo_or_a_device(filled, tmp_path):
    fifo = tmp_path / "rør.docx"
    os.mkfifo(fifo)
    before = database_state(filled)
    for target, kind in ((fifo, "navngivet rør"), (Path("/dev/null"), "en enhed")):
        for args in writers(target, "--force"):
            one_line(run("--db", str(filled), *args), "er ikke en almindelig fil", kind)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert database_state(filled) == before


def test_an_existing_file_is_replaced_only_with_force(filled, tmp_path):
    target = tmp_path / "findes.docx"
    for args in writers(target):
        target.write_bytes(b"rettet i Word")
        one_line(run("--db", str(filled), *args), "findes allerede", "--force")
        assert target.read_bytes() == b"rettet i Word"
        result = run("--db", str(filled), *args, "--force")
        assert result.exit_code == 0, result.output
        assert target.read_bytes() != b"rettet i Word"


def test_export_without_o_keeps_an_existing_memo_too(filled, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("--db", str(filled), "export", "1").exit_code == 0
    (memo,) = tmp_path.glob("Referat*.docx")
    memo.write_bytes(b"rettet")
    one_line(run("--db", str(filled), "export", "1"), "findes allerede")
    assert memo.read_bytes() == b"rettet"


def test_every_file_written_is_owner_only_even_under_umask_000(filled, tmp_path):
    old = os.umask(0)
    try:
        for args in writers(tmp_path / "ny.docx"):
            target = tmp_path / "ny.docx"
            target.unlink(missing_ok=True)
            assert run("--db", str(filled), *args).exit_code == 0
            assert stat.S_IMODE(os.stat(target).st_mode) == 0o600, args
        write_atomically(tmp_path / "direkte", b"x")
        assert stat.S_IMODE(os.stat(tmp_path / "direkte").st_mode) == 0o600
    finally:
        os.umask(old)


def test_write_atomically_refuses_what_is_not_a_regular_file(tmp_path):
    fifo = tmp_path / "rør"
    os.mkfifo(fifo)
    with pytest.raises(FileError, match="navngivet rør"):
        write_atomically(fifo, b"x")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.parametrize("name", ["fifo", "zero"])
def test_a_fifo_or_dev_zero_as_the_database_is_one_line(request, name):
    path = request.getfixturevalue(name)
    one_line(run("--db", str(path), "list"), str(path), "er ikke en almindelig fil")
