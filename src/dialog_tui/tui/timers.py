"""The meeting's clocks, without Textual or a database.

The meeting clock is the sum of the points' time: it runs only when the facilitator
has started the meeting (set-up time does not count), pauses and resumes with one
key, and survives reopening with the points' minutes, which the store keeps. A
point's timer runs only while that point is current and the meeting runs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta


class Timers:
    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.running = False
        self.used: dict[int, int] = {}
        """Seconds per point id, folded in (the current point's running time aside)."""
        self.current: int | None = None
        self.since = clock()

    def load(self, used: dict[int, int]) -> None:
        """The points' seconds as the database has them (the running time kept)."""
        self.fold()
        self.used = dict(used)

    def _running_seconds(self) -> int:
        return int(self.clock() - self.since) if self.running and self.current is not None else 0

    def fold(self) -> None:
        """Fold the running time into the current point."""
        if self.current is not None:
            self.used[self.current] = self.seconds(self.current)
        self.since = self.clock()

    def seconds(self, item_id: int) -> int:
        """A point's seconds up to now."""
        running = self._running_seconds() if item_id == self.current else 0
        return self.used.get(item_id, 0) + running

    def by_point(self) -> dict[int, int]:
        return {
            item_id: self.seconds(item_id)
            for item_id in {*self.used, self.current}
            if item_id is not None
        }

    def meeting_seconds(self) -> int:
        return sum(self.by_point().values())

    def enter(self, item_id: int) -> None:
        """Make a point current; the one left keeps what it got."""
        self.fold()
        self.current = item_id

    def toggle(self) -> bool:
        """Start, pause or resume the meeting clock; whether it runs now."""
        self.fold()
        self.running = not self.running
        return self.running

    def reset(self, item_id: int) -> None:
        self.fold()
        self.used[item_id] = 0

    def against_plan(
        self, planned: Sequence[tuple[int, int | None]], now: datetime, end: datetime
    ) -> int:
        """Minutes the meeting is expected to run past its planned ``end`` (negative:
        ahead), with the rest of the points (``(id, planned minutes)`` from the
        current one on) taking their planned minutes."""
        remaining = 0
        ids = [item_id for item_id, _ in planned]
        start = ids.index(self.current) if self.current in ids else 0
        for item_id, minutes in planned[start:]:
            remaining += max(0, (minutes or 0) * 60 - self.seconds(item_id))
        expected = now + timedelta(seconds=remaining)
        return round((expected - end).total_seconds() / 60)
