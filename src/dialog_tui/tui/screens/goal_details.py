"""Goal details for a note tagged goal: indicator, baseline, target, due date, theme.

The indicator completes from the school's key figures; picking one fills an empty
baseline with its latest value, year and source."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Select, Static

from ... import strings as S
from ...figures_model import Series, latest_line, series_for
from ...model import GoalDetails, Note
from ...parsing import parse_date
from ...text import short_date
from ...themes import current_themes
from ..keys import with_ids
from ..widgets.field import FIELD_NAVIGATION, Field


class GoalDetailsScreen(ModalScreen[GoalDetails | None]):
    CSS_PATH = "modal.tcss"
    BINDING_GROUP_TITLE = S.HELP_GROUP_MODAL
    BINDINGS = with_ids(
        "goal-details",
        [
            *FIELD_NAVIGATION,
            Binding("ctrl+s", "save", S.KEY_OK, priority=True),
            Binding("escape", "cancel", S.KEY_CANCEL),
        ],
    )

    def __init__(self, note: Note, school: str = "") -> None:
        super().__init__()
        self.note = note
        self.school = school
        self.series: list[Series] = []
        self.filled = ""  # the baseline as last filled from the figures

    def compose(self) -> ComposeResult:
        goal = self.note.goal or GoalDetails()
        with Vertical(classes="dialog"):
            yield Static(f"[b]{S.KEY_GOAL_DETAILS}[/b]: {self.note.text}")
            yield Label(S.GOAL_INDICATOR)
            if self.school:
                self.series = self.app.store.series_of(self.school)
            names = [s.indicator for s in self.series]
            suggester = SuggestFromList(names, case_sensitive=False) if names else None
            yield Field(goal.indicator, id="indicator", suggester=suggester)
            yield Static("", id="goal-figures", classes="muted", markup=False)
            yield Label(S.GOAL_BASELINE)
            yield Field(goal.baseline, id="baseline")
            yield Label(S.GOAL_TARGET)
            yield Field(goal.target, id="target")
            yield Label(S.GOAL_DUE)
            due = short_date(goal.due) if goal.due else ""
            yield Field(due, id="due")
            yield Label(S.KEY_THEME)
            yield Select(
                [(label, key) for key, label in current_themes().labels.items()],
                value=goal.theme or Select.NULL,
                prompt=S.GOAL_NO_THEME,
                id="theme",
            )
            yield Static("", id="goal-error", classes="error")
            yield Static(S.GOAL_KEYS, classes="muted")

    def on_mount(self) -> None:
        self.show_figure(self.query_one("#indicator", Input).value, fill=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "indicator":
            self.show_figure(event.value, fill=True)

    def show_figure(self, indicator: str, *, fill: bool) -> None:
        """The named series' latest value under the field (else the names to pick
        from); ``fill``: an empty baseline takes its latest value, year and source."""
        hint = self.query_one("#goal-figures", Static)
        found = series_for(GoalDetails(indicator=indicator), self.series)
        if found is None:
            names = ", ".join(s.indicator for s in self.series)
            hint.update(S.GOAL_FIGURES_HINT.format(names=names) if names else "")
            return
        mark = f" ({S.FIGURES_SECRET_MARK})" if found.confidential else ""
        hint.update(S.GOAL_FIGURES_LATEST.format(value=latest_line(found)) + mark)
        baseline = self.query_one("#baseline", Input)
        if fill and found.latest and baseline.value.strip() in ("", self.filled):
            self.filled = baseline.value = found.described()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        due_text = self.query_one("#due", Input).value.strip()
        try:
            due = parse_date(due_text) if due_text else None
        except ValueError:
            self.query_one("#goal-error", Static).update(S.FORM_BAD_DATE)
            return
        theme = self.query_one("#theme", Select).value
        self.dismiss(
            GoalDetails(
                indicator=self.query_one("#indicator", Input).value.strip(),
                baseline=self.query_one("#baseline", Input).value.strip(),
                target=self.query_one("#target", Input).value.strip(),
                due=due,
                theme=None if theme is Select.NULL else theme,
                ancestor=self.note.goal.ancestor if self.note.goal else None,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
