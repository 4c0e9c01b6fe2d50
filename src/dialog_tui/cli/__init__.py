"""The ``dialog-tui`` command line. Textual is imported only by commands that
open the app, so the data commands start fast."""

from . import (
    app,  # noqa: F401  (registers commands)
    backup,  # noqa: F401
    casework,  # noqa: F401
    dialogues,  # noqa: F401
    export,  # noqa: F401
    figures,  # noqa: F401
    yearly,  # noqa: F401
)
from .base import main

__all__ = ["main", "run"]


def run() -> object:
    """The ``dialog-tui`` program. Everything still alive at exit is frozen first, so
    the interpreter's exit-time collection does not walk it (33-41 ms of an export);
    files and the database are closed by then, the exit code is unchanged."""
    import gc

    try:
        return main(prog_name="dialog-tui")
    finally:
        gc.freeze()
