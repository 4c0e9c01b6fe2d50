"""The CLI never writes a control character to a terminal: not from stored text,
not from a path or value typed on the command line, not in JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner
from hostile import FRAGMENTS, hostile_dialogue, hostile_texts
from hypothesis import HealthCheck, example, given, settings

from dialog_tui.cleaning import clean_line, unsafe
from dialog_tui.cli import main
from dialog_tui.store import Store

SETTINGS = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def assert_terminal_safe(result) -> None:
    for stream in (result.stdout, result.stderr):
        bad = sorted({ch for ch in stream if unsafe(ch, "\n\t")})
        assert not bad, (bad, stream)
    assert "Traceback" not in result.output


@SETTINGS
@given(text=hostile_texts)
@example(text="".join(FRAGMENTS))
def test_every_output_of_stored_hostile_text_is_free_of_control_characters(
    tmp_path_factory, monkeypatch, text
):
    folder = tmp_path_factory.mktemp("cli")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
    agendas = folder / "config" / "dialog-tui" / "agendas"
    agendas.mkdir(parents=True)
    (agendas / "fjendtlig.toml").write_text(
        f"name = {json.dumps(text)}\n[[items]]\ntitle = {json.dumps('P ' + text)}\n"
        f"prompts = [{json.dumps(text)}]\n",
        encoding="utf-8",
    )
    (agendas / f"navn{clean_line(text)[:5].replace('/', '')}\x1b]0;x\x07.toml").write_text(
        "[[items]]\ntitle = 1\n"
    )
    db = str(folder / "h.db")
    name = f"Skole {text}"
    with Store.open(db) as store:
        store.create_dialogue(hostile_dialogue(name))
    school = clean_line(name[:150]).strip()
    for args in (
        ["list"],
        ["list", "--json"],
        ["goals", "--school", school],
        ["goals", "--school", school, "--json"],
        ["search", "skole"],
        ["search", "skole", "--json"],
        ["search", text or "x", "--school", text],
        ["dump", "1"],
        ["goals", "--school", text + "\x1b]0;x\x07"],
        ["status", "1", text + "\x1b[2J"],
        ["load", str(folder / f"{text}\x1b]52;c;eA==\x07.json")],
        ["reopen", "\x9b31m" + text],
        ["dump", "1\x1b]0;x\x07" + text],  # click's own usage error quotes it
        ["figures", "show", "--school", text + "\x1b]0;x\x07"],
        ["figures", "load", str(folder / f"{text}\x1b[2J.csv")],
        ["export", "1", "-o", str(folder / f"{text}\x1b[2J" / "m.docx")],
    ):
        result = run("--db", db, *args)
        assert_terminal_safe(result)
        if "--json" in args or args == ["dump", "1"]:
            json.loads(result.stdout)  # still JSON, the same to a parser
    result = run("agendas")
    assert_terminal_safe(result)
    assert "fjendtlig" in result.stdout


def test_json_output_escapes_what_a_terminal_would_obey_and_means_the_same(db_path):
    from dialog_tui.cli.output import json_text

    raw = json.dumps({"a": "x\u202ey\x7f\x9b\U000e0041"}, ensure_ascii=False)
    shown = json_text(raw)
    assert shown == '{"a": "x\\u202ey\\u007f\\u009b\\udb40\\udc41"}'
    assert json.loads(shown) == json.loads(raw)


def test_a_hostile_file_name_in_an_error_is_shown_not_obeyed(tmp_path):
    path = tmp_path / "\x1b]0;ejet\x07\u202e.json"
    result = run("--db", str(tmp_path / "d.db"), "load", str(path))
    assert result.exit_code != 0
    assert_terminal_safe(result)
    assert "\\x1b]0;ejet\\x07\\u202e.json" in result.stderr


def test_every_echo_of_the_cli_goes_through_the_output_helper():
    package = Path(__file__).parents[1] / "src" / "dialog_tui" / "cli"
    for module in package.glob("*.py"):
        if module.name == "output.py":
            continue
        code = module.read_text(encoding="utf-8")
        assert not re.search(r"click\.(echo|secho|confirm|prompt)\(|\bprint\(", code), module
