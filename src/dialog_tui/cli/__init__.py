"""The ``dialog-tui`` command line. Textual is imported only by commands that
open the app, so the data commands start fast.

Commands are found lazily (click's LazyGroup pattern): ``dialog-tui export``
imports ``cli/export.py`` and nothing of the other command modules; ``--help``
and shell completion import them all. :data:`COMMANDS` names the module of each
top-level command (a test checks it against what the modules register)."""

from __future__ import annotations

from importlib import import_module

import click

from .base import DialogGroup, main

__all__ = ["COMMANDS", "main", "run"]

COMMANDS = {
    "open": "app",
    "new": "app",
    "keys": "app",
    "backup": "backup",
    "check": "backup",
    "rescue": "backup",
    "restore": "backup",
    "unlock": "backup",
    "file": "casework",
    "set": "casework",
    "agendas": "dialogues",
    "dump": "dialogues",
    "list": "dialogues",
    "load": "dialogues",
    "export": "export",
    "overview": "export",
    "template": "export",
    "figures": "figures",
    "followup": "yearly",
    "goals": "yearly",
    "reopen": "yearly",
    "search": "yearly",
    "status": "yearly",
}
"""Each top-level command and the module (in this package) that registers it."""


class LazyDialogGroup(DialogGroup):
    """The top-level group: a command's module is imported when it is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            import_module(f"{__name__}.{COMMANDS[cmd_name]}")  # registers on ``main``
        return super().get_command(ctx, cmd_name)


# ``main`` is built by click's decorator in base.py, where every command module
# registers; only this package knows the modules, so the lookup is made lazy here.
main.__class__ = LazyDialogGroup


def run() -> object:
    """The ``dialog-tui`` program. Everything still alive at exit is frozen first, so
    the interpreter's exit-time collection does not walk it (33-41 ms of an export);
    files and the database are closed by then, the exit code is unchanged."""
    import gc

    try:
        return main(prog_name="dialog-tui")
    finally:
        gc.freeze()
