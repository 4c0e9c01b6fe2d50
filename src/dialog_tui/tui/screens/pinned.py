"""Dialogs whose title and keys stay in view while their fields scroll between
them (``.dialog.-pinned`` in modal.tcss)."""

from __future__ import annotations

from textual.screen import Screen


def fields_from_top(screen: Screen) -> None:
    """Show the fields from their first label once laid out: a field focused before
    the first layout scrolled its label out of view."""
    for fields in screen.query(".dialog.-pinned > .fields"):
        screen.call_after_refresh(fields.scroll_home, animate=False)
