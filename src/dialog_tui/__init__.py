"""dialog-tui: keyboard-driven notes and memo for the school development dialogue."""

__version__ = "0.1.0"
