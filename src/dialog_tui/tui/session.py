"""The meeting's state that is not drawing: the edit lock and why the meeting may be
read-only, the agenda points and the clocks. No Textual here; the meeting screen
draws what this holds and unit tests drive it with a fake clock.

Every write that can fail goes through ``MeetingSession.write``, the one place that
turns a store error into a Danish line for the screen; a lost lock (at a heartbeat or
at a write) turns the session read-only.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from .. import strings as S
from ..errors import DatabaseBusy, DatabaseGone, DialogError, LockLost
from ..model import AgendaItem, Dialogue
from ..store import Store
from ..text import clock
from .agenda_edits import AgendaEdits
from .timers import Timers

if TYPE_CHECKING:
    from ..store import EditLock

T = TypeVar("T")


class ReadOnly(Enum):
    """Why the meeting cannot be changed here."""

    FINAL = "final"
    HELD_ELSEWHERE = "held"
    LOCK_LOST = "lost"


REFUSALS = {
    ReadOnly.FINAL: S.READ_ONLY_FINAL,
    ReadOnly.HELD_ELSEWHERE: S.READ_ONLY_LOCKED,
    ReadOnly.LOCK_LOST: S.READ_ONLY_LOCK_LOST,
}
LABELS = {
    ReadOnly.FINAL: S.MEETING_READ_ONLY,
    ReadOnly.HELD_ELSEWHERE: S.MEETING_LOCKED_SHORT,
    ReadOnly.LOCK_LOST: S.MEETING_LOCK_LOST_SHORT,
}


def local_now() -> datetime:
    """The wall clock, in local time (snapshot tests replace it)."""
    return datetime.now().astimezone()


@dataclass(frozen=True)
class PointClock:
    """What the status bar says about time: the meeting's and the current point's."""

    meeting_seconds: int
    number: int
    used_seconds: int
    planned_minutes: int | None
    running: bool = True
    behind_minutes: int | None = None
    """Minutes past the planned end the meeting is heading for (negative: ahead);
    None when the dialogue has no planned end."""
    resumed: bool = False
    """The clock runs again since reopening (until it is paused or the point changes)."""

    @property
    def over(self) -> bool:
        return self.planned_minutes is not None and self.used_seconds > self.planned_minutes * 60


class MeetingSession(AgendaEdits):
    """One dialogue open in the meeting screen: its lock, points and clocks.

    ``clock`` is monotonic seconds (timers), ``now`` the wall clock (the times
    written to the database and shown as "saved at")."""

    def __init__(
        self,
        store: Store,
        dialogue_id: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.store = store
        self.dialogue_id = dialogue_id
        self.clock = clock
        self.now = now or local_now
        self.reason: ReadOnly | None = None
        self.holder: EditLock | None = None
        self.report: Callable[[str], None] = lambda line: None
        """Shows a failed write's Danish line (the screen sets it)."""
        self.waiting = False
        """The last write met another process's write lock (each try costs the
        busy timeout, so held text is retried at most once a second then)."""
        self.gone = False
        """The database file was deleted or replaced while open (until recreated)."""
        self.failure: str | None = None
        """Why the last write failed (Danish), until a write succeeds again."""
        self.on_failure: Callable[[str | None], None] = lambda reason: None
        """Called when writes start failing (the reason) or succeed again (None)."""
        self.on_read_only: Callable[[str], None] = lambda line: None
        """Called with a Danish line when the session turns read-only while open."""
        self.items: list[AgendaItem] = []
        self.current = 0
        self.timers = Timers(clock)
        self.planned_end: datetime | None = None
        self.resumed = False
        """The meeting clock ran when the dialogue was last closed (or the app
        crashed) and runs again since opening (the time between is not counted)."""
        self.planned_start: datetime | None = None
        self.held_on: date | None = None

    # --- The lock ------------------------------------------------------------

    def open(self, dialogue: Dialogue | None = None) -> None:
        """Take the edit lock unless the dialogue is final or held elsewhere; load
        the points. ``dialogue``: the one just read, so it is not read again."""
        if dialogue is None:
            dialogue = self.store.get_dialogue(self.dialogue_id)
        if dialogue.ends_at is not None:
            self.planned_end = datetime.combine(dialogue.held_on, dialogue.ends_at)
        self.held_on = dialogue.held_on
        if dialogue.starts_at is not None:
            self.planned_start = datetime.combine(dialogue.held_on, dialogue.starts_at)
        final = dialogue.status == "final"
        self.holder = None if final else self.store.acquire_edit_lock(self.dialogue_id)
        if final:
            self.reason = ReadOnly.FINAL
        elif self.holder is not None:
            self.reason = ReadOnly.HELD_ELSEWHERE
        self.load_items()
        self.resumed = not self.read_only and any(
            i.started_at is not None and i.ended_at is None for i in self.items
        )
        if self.resumed:  # it ran when the app closed or crashed: on it goes
            self.timers.toggle()

    @property
    def read_only(self) -> bool:
        return self.reason is not None

    @property
    def refusal(self) -> str | None:
        """Why this dialogue may not be changed here, or None."""
        return REFUSALS[self.reason] if self.reason else None

    @property
    def label(self) -> str | None:
        """The status bar's short word for the read-only reason, or None."""
        return LABELS[self.reason] if self.reason else None

    def opening_notice(self) -> str | None:
        """What to say when the meeting opens read-only."""
        if self.reason is ReadOnly.HELD_ELSEWHERE and self.holder is not None:
            since = clock(datetime.fromisoformat(self.holder.acquired_at))
            return S.MEETING_LOCKED.format(pid=self.holder.pid, host=self.holder.host, since=since)
        return S.FINAL_OPENED if self.reason is ReadOnly.FINAL else None

    def retake_lock(self) -> bool:
        """Held elsewhere at open (often the window just closed, still exiting):
        take the lock once its holder is gone. True when the meeting became
        editable. A lock lost while open is not retaken by a timer: the other
        window may still be typing."""
        if self.reason is not ReadOnly.HELD_ELSEWHERE:
            return False
        try:
            holder = self.store.acquire_edit_lock(self.dialogue_id)
        except DialogError:
            return False  # busy or gone: try again at the next tick
        if holder is not None:
            self.holder = holder
            return False
        self.reason = self.holder = None
        self.load_items()  # the other window may have changed the agenda and its times
        return True

    def lose_lock(self) -> None:
        """Another instance has the lock now: nothing more is written from here."""
        if self.reason is ReadOnly.LOCK_LOST:
            return
        self.reason = ReadOnly.LOCK_LOST
        self.on_read_only(S.LOCK_LOST)

    def heartbeat(self) -> bool:
        """Refresh the lock; False (and read-only) when it has been taken over."""
        if self.read_only:
            return False
        try:
            held = self.store.heartbeat_edit_lock(self.dialogue_id)
        except LockLost:
            held = False
        except DialogError:
            return True  # a busy database is no proof the lock is gone
        if not held:
            self.lose_lock()
        return held

    def write(self, action: Callable[[], T]) -> T | None:
        """Run a store write and return its result, or None when it failed: a store
        error is said once (``report``); a lost lock turns the meeting read-only."""
        return self._run(action)[1]

    def attempt(self, action: Callable[[], object]) -> bool:
        """``write`` for a write that returns nothing: whether it was written."""
        return self._run(action)[0]

    def _run(self, action: Callable[[], T]) -> tuple[bool, T | None]:
        self.waiting = False
        try:
            result = action()
        except LockLost:
            self.lose_lock()
        except DatabaseBusy:
            self.waiting = True
            self._failed(S.DB_WAITING)
        except DatabaseGone as e:
            self.gone = True
            self._failed(f"{e}. {S.DB_GONE_CHOICE}")
        except DialogError as e:
            self._failed(str(e))
        else:
            if self.failure is not None:
                self.failure = None
                self.on_failure(None)
            return True, result
        return False, None

    def _failed(self, reason: str) -> None:
        """Say a failure once (not on every key that meets it) and keep the reason."""
        if reason != self.failure:
            self.failure = reason
            self.report(S.SAVE_FAILED.format(message=reason))
            self.on_failure(reason)

    def recreate_database(self) -> str | None:
        """Write the database again where it was (after ``gone``); the line saying
        so, or None when it was not done."""
        if not self.gone:
            return None
        done, aside = self._run(self.store.recreate)
        if not done:
            return None
        self.gone = False
        if aside is not None:
            return S.DB_RECREATED_ASIDE.format(path=self.store.path, aside=aside)
        return S.DB_RECREATED.format(path=self.store.path)

    def status_changed(self) -> bool:
        """Follow a status change: final releases the lock, reopening retakes it.
        True when the meeting's read-only state changed."""
        final = self.store.get_dialogue(self.dialogue_id).status == "final"
        if final == (self.reason is ReadOnly.FINAL):
            return False
        if final:  # nobody edits a final dialogue: a reopening elsewhere must not wait
            self.attempt(lambda: self.store.release_edit_lock(self.dialogue_id))
            self.reason = ReadOnly.FINAL
        else:
            self.holder = self.store.acquire_edit_lock(self.dialogue_id)
            self.reason = None if self.holder is None else ReadOnly.HELD_ELSEWHERE
        self.timers.fold()
        return True

    def close(self) -> None:
        """Fold the time in and let the lock go (if it is ours). Quietly: the screen
        that would say it is going away."""
        self.on_read_only = self.report = lambda line: None
        self.save_time()
        if self.reason is None:
            self.attempt(lambda: self.store.release_edit_lock(self.dialogue_id))

    # --- Points and time -----------------------------------------------------

    def load_items(self) -> None:
        self.items = self.store.agenda_items(self.dialogue_id)
        self.timers.load({i.id: i.elapsed_seconds for i in self.items})
        self.current = min(self.current, max(len(self.items) - 1, 0))
        if self.items:
            self.timers.enter(self.item.id)

    @property
    def item(self) -> AgendaItem:
        return self.items[self.current]

    def index_of(self, item_id: int) -> int:
        return next((i for i, it in enumerate(self.items) if it.id == item_id), 0)

    def current_used(self) -> int:
        return self.timers.seconds(self.item.id)

    def used_by_point(self) -> dict[int, int]:
        """Seconds spent per point id, the current one counted up to now."""
        return self.timers.by_point()

    def point_clock(self) -> PointClock:
        behind = None
        now = self.now().replace(tzinfo=None)
        if self.planned_end is not None and self.planned_end.date() == now.date():
            planned = [(i.id, i.planned_minutes) for i in self.items]
            behind = self.timers.against_plan(planned, now, self.planned_end)
        return PointClock(
            meeting_seconds=self.timers.meeting_seconds(),
            number=self.current + 1,
            used_seconds=self.current_used(),
            planned_minutes=self.item.planned_minutes,
            running=self.timers.running,
            behind_minutes=behind,
            resumed=self.resumed,
        )

    def toggle_clock(self) -> bool:
        """Start, pause or resume the meeting clock (a pause writes the time so far);
        whether it runs now."""
        if self.read_only:
            return self.timers.running
        running = self.timers.toggle()
        self.resumed = False
        self.save_time()
        return running

    def planned_end_at(self) -> datetime | None:
        """When the meeting is planned to end (local, naive): the header's end time;
        else its start (the header's, else when the clock first ran) plus the
        points' planned minutes. None while neither is known, or not on the day."""
        if self.held_on != self.now().date():
            return None
        if self.planned_end is not None:
            return self.planned_end
        planned = sum(item.planned_minutes or 0 for item in self.items)
        ran = [item.started_at for item in self.items if item.started_at is not None]
        start = self.planned_start
        if start is None and ran:
            first = min(ran)
            start = first.astimezone().replace(tzinfo=None) if first.tzinfo else first
        if start is None or not planned:
            return None
        return start + timedelta(minutes=planned)

    def come_back(self, item_id: int, seconds: int) -> None:
        """The meeting was left with its clock running (``LeftRunning``): the time
        away counts for point ``item_id``, and the clock runs on."""
        if self.read_only or not any(i.id == item_id for i in self.items):
            return
        self.resumed = False  # the time away is counted here, not skipped as after a close
        self.timers.fold()
        used = self.timers.used.get(item_id, 0) + seconds
        if self.write(lambda: self.store.update_agenda_item(item_id, elapsed_seconds=used)):
            self.load_items()
        self.timers.running = True

    def reset_point(self, index: int) -> None:
        """Point ``index``'s time back to 0:00."""
        if self.read_only or not 0 <= index < len(self.items):
            return
        item_id = self.items[index].id
        updated = self.write(lambda: self.store.update_agenda_item(item_id, elapsed_seconds=0))
        if updated is not None:
            self.items[index] = updated
            self.timers.reset(item_id)

    def go_to(self, index: int) -> None:
        """Make point ``index`` current (clamped), its time so far folded in first."""
        if not self.items:
            return
        if index != self.current:
            self.save_time(leaving=True)
            self.resumed = False
        self.current = max(0, min(index, len(self.items) - 1))
        self.timers.enter(self.item.id)

    def _end_other_points(self) -> None:
        """Only the current point runs: one left running when the app closed (the
        meeting reopened at another point) gets its end now."""
        for index, item in enumerate(self.items):
            if index != self.current and item.started_at is not None and item.ended_at is None:
                ended = self.write(
                    partial(self.store.update_agenda_item, item.id, ended_at=self.now())
                )
                if ended is not None:
                    self.items[index] = ended

    def save_time(self, leaving: bool = False) -> None:
        """Write the time spent on the current point, if it changed (and beat the
        lock's heart). A point whose time is running has no end yet (``ended_at``
        empty): that is how reopening knows the meeting clock ran."""
        if not self.items or self.read_only or not self.heartbeat():
            return
        self._end_other_points()
        item = self.item
        used = self.timers.seconds(item.id)
        running = self.timers.running and not leaving
        started = item.started_at is not None or not running
        if used == item.elapsed_seconds and started and (item.ended_at is None) == running:
            return  # nothing new to write
        if item.started_at is None and not running and used == item.elapsed_seconds:
            return  # never started: nothing to write
        now = self.now()
        fields = {"elapsed_seconds": used, "ended_at": None if running else now}
        if item.started_at is None:
            fields["started_at"] = now
        updated = self.write(lambda: self.store.update_agenda_item(item.id, **fields))
        if updated is not None:
            self.items[self.current] = updated
