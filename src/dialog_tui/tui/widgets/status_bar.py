"""The meeting's bottom lines: the status bar (time of day, the meeting's and the
point's clocks, the planned end, progress, saved or not) and the banner
that says why typed text is not saved. The screen gathers the facts; these draw them."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual.widgets import Static

from ... import strings as S

if TYPE_CHECKING:
    from ..session import PointClock


def against_end(end: datetime, now: datetime, *, narrow: bool) -> str:
    """How the meeting stands against its planned end: minutes left, or over."""
    left = round((end - now).total_seconds() / 60)
    if left < 0:
        over = S.MEETING_PAST_END.format(minutes=-left)
        return f"[b red]{over if narrow else S.MEETING_END.format(end=f'{end:%H:%M}') + over}[/]"
    if narrow:
        return S.MEETING_LEFT_SHORT.format(minutes=left)
    return S.MEETING_END.format(end=f"{end:%H:%M}") + S.MEETING_LEFT.format(minutes=left)


class StatusBar(Static):
    """One fixed-height line (meeting.tcss): its size never changes, so an update
    needs no layout pass, which would re-arrange every note row on each keystroke's
    "saved"."""

    def show(
        self,
        clock: PointClock,
        *,
        now: datetime,
        narrow: bool,
        progress_short: list[str],
        label: str | None,
        unsaved: bool,
        saved_at: str,
        planned_end: datetime | None = None,
    ) -> None:
        meeting, used = clock.meeting_seconds, clock.used_seconds
        parts = [  # narrow: the time of day alone, so the line fits 80 columns
            f"{now:%H:%M}" if narrow else S.MEETING_TIME_OF_DAY.format(time=f"{now:%H:%M}"),
            S.MEETING_CLOCK.format(clock=f"{meeting // 3600}:{meeting // 60 % 60:02d}"),
        ]
        if not clock.running:
            parts[-1] += f" [b yellow]{S.MEETING_CLOCK_PAUSED}[/]"
        elif clock.resumed:
            parts[-1] += f" [green]{S.MEETING_CLOCK_RESUMED_SHORT}[/]"
        if clock.planned_minutes is None:
            unplanned = S.MEETING_POINT_CLOCK_UNPLANNED
            parts.append(unplanned.format(number=clock.number, used=used // 60))
        else:
            point = S.MEETING_POINT_CLOCK_SHORT if narrow else S.MEETING_POINT_CLOCK
            parts.append(
                point.format(number=clock.number, used=used // 60, planned=clock.planned_minutes)
            )
            if clock.over:
                parts.append(f"[b reverse red] {S.MEETING_OVER} [/]")
        # At 80 columns the minutes to the planned end say it; the forecast is dropped.
        if clock.behind_minutes is not None and not (narrow and planned_end is not None):
            behind = clock.behind_minutes
            if behind > 0:
                parts.append(f"[b red]{S.MEETING_BEHIND.format(minutes=behind)}[/]")
            else:
                parts.append(
                    S.MEETING_AHEAD.format(minutes=-behind) if behind else S.MEETING_ON_TIME
                )
        if planned_end is not None:
            parts.append(against_end(planned_end, now.replace(tzinfo=None), narrow=narrow))
        parts += progress_short
        if label is not None:
            parts.append(f"[b]{label}[/]")
        if unsaved:
            parts.append(f"[b reverse red] {S.UNSAVED_SHORT} [/]")
        elif label is None:  # narrow: no seconds, so the line fits 80 columns
            saved = S.MEETING_SAVED.format(time=saved_at) if saved_at and not narrow else ""
            parts.append(f"[green]✓ {saved or S.MEETING_SAVED_SHORT}[/]")
        gap = "  " if narrow else "   "
        self.update(gap.join(parts), layout=False)


class UnsavedBanner(Static):
    """Why typed text is not saved, shown for as long as it is not (issue 13)."""

    reason: str | None = None

    def show(self, reason: str | None) -> None:
        """``reason`` is None while nothing is held. Called after every key's write:
        unchanged, it touches nothing (an update lays out the whole screen, every
        note row of the point, ~2.5 ms a key at 600 rows and up to 30 ms)."""
        if reason == self.reason:
            return
        self.reason = reason
        self.update(S.UNSAVED_BANNER.format(reason=reason) if reason is not None else "")
        self.display = reason is not None
