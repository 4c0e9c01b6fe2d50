"""The meeting's key-figures panel: each of the school's series as a small chart
with its latest value, the change since last year and the comparisons.

Shown by default under the point whose title is about data ("Brug af data …")
when the school has figures; Ctrl+G shows or hides it under any point, and the
point remembers."""

from __future__ import annotations

import re

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Sparkline, Static

from ... import strings as S
from ...figures_model import Series, latest_line
from ...model import AgendaItem

_DATA_POINT = re.compile(r"\bdata", re.IGNORECASE)
BAR_WIDTH = 2
"""Columns per school year in the chart."""
MAX_CHART = 16


def is_data_point(item: AgendaItem) -> bool:
    return bool(_DATA_POINT.search(item.title))


class FigureRow(Horizontal):
    """One series: name, chart, then what the numbers say."""

    def __init__(self, series: Series) -> None:
        super().__init__(classes="figure-row")
        self.series = series

    def compose(self) -> ComposeResult:
        s = self.series
        name = Text(s.indicator, style="bold")
        if s.unit and len(s.unit) > 4:
            name.append(f" ({s.unit})", style="dim")
        yield Static(name, classes="figure-name")
        values = [v for _, v in s.values if v is not None]
        chart = Sparkline(values, classes="figure-chart")
        chart.styles.width = min(MAX_CHART, max(BAR_WIDTH, BAR_WIDTH * len(values)))
        yield chart
        line = Text(latest_line(s))
        if s.confidential:
            line.append(f"  {S.FIGURES_SECRET_MARK}", style="bold reverse yellow")
        yield Static(line, classes="figure-latest")


class FiguresPanel(VerticalScroll, can_focus=False):
    def __init__(self, school: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.school = school
        self.series: list[Series] = []
        self.shown: dict[int, bool] = {}
        self.item: AgendaItem | None = None

    def on_mount(self) -> None:
        self.border_title = Text(S.FIGURES_PANEL_TITLE.format(school=self.school))
        self.border_subtitle = f"{self.app.get_key_display(Binding('ctrl+g', ''))} {S.KEY_FIGURES}"
        self.display = False
        self.load()

    def load(self) -> None:
        """Read the school's series (again) and redraw."""
        self.series = self.app.store.series_of(self.school)
        self.remove_children()
        if self.series:
            self.mount_all(FigureRow(s) for s in self.series)
        else:
            self.mount(Static(S.FIGURES_PANEL_EMPTY.format(school=self.school), markup=False))

    def follow(self, item: AgendaItem) -> None:
        """Show or hide the panel for the point now on screen."""
        self.item = item
        default = bool(self.series) and is_data_point(item)
        self.display = self.shown.get(item.id, default)

    def toggle(self) -> None:
        if self.item is None:
            return
        self.shown[self.item.id] = not self.display
        if self.shown[self.item.id]:
            self.load()  # figures loaded since the meeting opened show up
        self.follow(self.item)
