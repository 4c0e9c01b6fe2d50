"""Meetings left with their clock running: Ctrl+L back to the list, a search result
opened. The meeting goes on while the facilitator looks something up, so its clock
does too, until it is paused or the app quits (nothing here outlives the app).
No Textual here."""

from __future__ import annotations

from collections.abc import Callable


class LeftRunning:
    """Dialogue id -> the point whose time was running and when it was left."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self._left: dict[int, tuple[int, float]] = {}

    def leave(self, dialogue_id: int, item_id: int) -> None:
        self._left[dialogue_id] = (item_id, self.clock())

    def come_back(self, dialogue_id: int) -> tuple[int, int] | None:
        """(point id, whole seconds away) if the dialogue was left running; once."""
        left = self._left.pop(dialogue_id, None)
        if left is None:
            return None
        item_id, at = left
        return item_id, max(0, int(self.clock() - at))
