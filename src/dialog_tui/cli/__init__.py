"""The ``dialog-tui`` command line. Textual is imported only by commands that
open the app, so the data commands start fast.

Commands are found lazily (click's LazyGroup pattern): ``dialog-tui export``
imports ``cli/export.py`` and nothing of the other command modules; ``--help``
and shell completion import them all. :data:`COMMANDS` names the module of each
top-level command (a test checks it against what the modules register)."""

from __future__ import annotations

from .base import COMMANDS, main

__all__ = ["COMMANDS", "main", "run"]


def run() -> object:
    """The ``dialog-tui`` program. Everything still alive at exit is frozen first, so
    the interpreter's exit-time collection does not walk it (33-41 ms of an export);
    files and the database are closed by then, the exit code is unchanged."""
    import gc

    try:
        return main(prog_name="dialog-tui")
    finally:
        gc.freeze()
