"""Keys in typing order for text fields.

Textual runs a widget's non-priority bindings (Backspace, arrows, Ctrl+W …) only
after the key has bubbled up to the app, behind the keys typed after it, and
moves focus on Tab the same way. Typed fast, or on a slow laptop, "abx⌫c" became
"abc" minus the wrong letter and text after Tab landed in the field before.
``OwnKeysInOrder`` runs the widget's own bindings where the key arrives, in the
widget's queue; ``FIELD_NAVIGATION`` makes Tab move focus at its place among the
keys (a screen with several fields adds it to its bindings).
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import Input

from ..keys import with_ids

FIELD_NAVIGATION = with_ids(
    "field",
    [
        Binding("tab", "app.focus_next", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", show=False, priority=True),
    ],
)


class OwnKeysInOrder:
    """Mixin for a focusable widget: its own bindings act in its own queue."""

    async def _on_key(self, event: events.Key) -> None:
        bindings = self._bindings.key_to_bindings.get(event.key, ())
        binding = next((b for b in bindings if not b.priority), None)
        if binding is None:
            await super()._on_key(event)
            return
        event.stop()
        event.prevent_default()
        await self.run_action(binding.action)


class Field(OwnKeysInOrder, Input):
    """A one-line text field whose editing keys act in typing order."""


def after_typed(screen, action) -> None:
    """Run ``action`` after the keys already on their way to the focused field: a
    screen's priority key (Ctrl+S) is seen before the field has taken the keys
    typed just before it, which would otherwise be saved without them."""
    focused = screen.focused
    if focused is None:
        action()
    else:
        focused.call_later(action)
