"""The meeting's bottom lines: the status bar (time of day, the meeting's and the
point's clocks, progress where the side panel is hidden, saved or not) and the banner
that says why typed text is not saved. The screen gathers the facts; these draw them."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual.widgets import Static

from ... import strings as S

if TYPE_CHECKING:
    from ..session import PointClock


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
    ) -> None:
        meeting, used = clock.meeting_seconds, clock.used_seconds
        parts = [
            S.MEETING_TIME_OF_DAY.format(time=f"{now:%H:%M}"),
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
            parts.append(
                S.MEETING_POINT_CLOCK.format(
                    number=clock.number, used=used // 60, planned=clock.planned_minutes
                )
            )
            if clock.over:
                parts.append(f"[b reverse red] {S.MEETING_OVER} [/]")
        if clock.behind_minutes is not None:
            behind = clock.behind_minutes
            if behind > 0:
                parts.append(f"[b red]{S.MEETING_BEHIND.format(minutes=behind)}[/]")
            else:
                parts.append(
                    S.MEETING_AHEAD.format(minutes=-behind) if behind else S.MEETING_ON_TIME
                )
        if narrow:
            parts += progress_short
        if label is not None:
            parts.append(f"[b]{label}[/]")
        if unsaved:
            parts.append(f"[b reverse red] {S.UNSAVED_SHORT} [/]")
        elif label is None and saved_at:
            parts.append(f"[green]✓ {S.MEETING_SAVED.format(time=saved_at)}[/]")
        gap = "  " if narrow else "   "
        self.update(gap.join(parts), layout=False)


class UnsavedBanner(Static):
    """Why typed text is not saved, shown for as long as it is not (issue 13)."""

    def show(self, reason: str | None) -> None:
        """``reason`` is None while nothing is held."""
        self.update(S.UNSAVED_BANNER.format(reason=reason) if reason is not None else "")
        self.display = reason is not None
