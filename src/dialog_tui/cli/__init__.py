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

__all__ = ["main"]
