"""The ``dialog-tui`` command line. Textual is imported only by commands that
open the app, so the data commands start fast."""

from . import app, dialogues  # noqa: F401  (registers commands)
from .base import main

__all__ = ["main"]
