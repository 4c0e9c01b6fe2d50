"""What ``dialog-tui export`` imports, run as the user runs it (a fresh process):
only its own command module, no Textual, no sqlite-utils, and no docxtpl/Jinja
unless the template has placeholders to fill."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from export_helpers import sample_dialogue, texts
from export_templates import build_template

from dialog_tui.store import Store

NEVER = ("textual", "sqlite_utils", "dialog_tui.tui")
PLACEHOLDERS_ONLY = ("docxtpl", "jinja2", "dialog_tui.export.sandbox")
OTHER_COMMANDS = ("app", "backup", "casework", "dialogues", "figures", "yearly")
PROBE = (
    "import json, sys\n"
    "from dialog_tui.cli import main\n"
    "try:\n"
    "    main(sys.argv[1:], standalone_mode=False)\n"
    "finally:\n"
    "    print(json.dumps(sorted(sys.modules)))\n"
)


def exported(tmp_path: Path, *args: str) -> tuple[set[str], Path]:
    """The modules a fresh ``dialog-tui export`` process had imported when it
    ended, and the memo it wrote."""
    db = tmp_path / "d.db"
    with Store.open(db) as store:
        dialogue_id = store.create_dialogue(sample_dialogue())
    out = tmp_path / "memo.docx"
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "--db", str(db), "export", str(dialogue_id),
         "-o", str(out), *args],
        capture_output=True, text=True, timeout=120,
        env={"XDG_CONFIG_HOME": str(tmp_path / "config"), "PATH": ""},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    modules = set(json.loads(result.stdout.splitlines()[-1]))
    return modules, out


def imported(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if m in names or m.startswith(tuple(n + "." for n in names)))


def test_export_imports_its_own_command_and_no_ui_or_template_engine(tmp_path):
    modules, memo = exported(tmp_path)
    assert "Opsummering" in texts(memo)  # the probe ran a real export
    assert "dialog_tui.cli.export" in modules and "docx" in modules
    assert imported(modules, NEVER + PLACEHOLDERS_ONLY) == []
    assert imported(modules, tuple(f"dialog_tui.cli.{m}" for m in OTHER_COMMANDS)) == []


def test_a_template_without_placeholders_is_opened_without_jinja(tmp_path):
    plain = build_template(tmp_path / "plain.docx", header_placeholder=False)
    modules, memo = exported(tmp_path, "--template", str(plain))
    assert "Opsummering" in texts(memo)
    assert imported(modules, NEVER + PLACEHOLDERS_ONLY) == []


def test_a_template_with_placeholders_brings_the_sandbox(tmp_path):
    """The other side of the probe: filling ``{{ sagsnr }}`` does import Jinja."""
    filled = build_template(tmp_path / "filled.docx", header_placeholder=True)
    modules, _ = exported(tmp_path, "--template", str(filled))
    assert set(PLACEHOLDERS_ONLY) <= modules
    assert imported(modules, NEVER) == []


def test_the_lazy_group_names_the_module_of_every_registered_command():
    from importlib import import_module

    from dialog_tui.cli import COMMANDS, main

    for module in set(COMMANDS.values()):
        import_module(f"dialog_tui.cli.{module}")
    found = {name: command.callback.__module__ for name, command in main.commands.items()}
    assert found == {name: f"dialog_tui.cli.{module}" for name, module in COMMANDS.items()}
