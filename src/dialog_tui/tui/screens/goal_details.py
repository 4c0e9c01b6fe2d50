"""Goal details for a note tagged goal: indicator, baseline, target, due date, theme.

The indicator completes from the school's key figures; picking one fills an empty
baseline with its latest value, year and source."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from ... import strings as S
from ...figures_model import Series, latest_line, series_for
from ...model import GoalDetails, Note
from ...parsing import parse_date
from ...text import short_date
from ...themes import current_themes
from ..keys import with_ids
from ..notes import theme_from
from ..widgets.field import FIELD_NAVIGATION, Field

TITLE_CHARS = 100


class GoalDetailsScreen(ModalScreen[GoalDetails | None]):
    CSS_PATH = "modal.tcss"
    DEFAULT_CSS = """
    GoalDetailsScreen .dialog.-pinned > .fields { max-height: 45vh; }
    """
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
        if self.school:
            self.series = self.app.store.series_of(self.school)
        with Vertical(classes="dialog -pinned"):
            # Title and keys stay in view; the fields scroll between them (modal.tcss).
            text = self.note.text
            if len(text) > TITLE_CHARS:  # at most two lines at 80x24: room for the fields
                text = text[: TITLE_CHARS - 1].rstrip() + "…"
            title = Text.assemble((S.KEY_GOAL_DETAILS, "bold"), ": ", text)
            yield Static(title, classes="title")
            with VerticalScroll(classes="fields", can_focus=False):
                yield from self.fields(goal)
            yield Static("", id="goal-error", classes="error")
            yield Static(S.GOAL_KEYS, classes="muted")

    def fields(self, goal: GoalDetails) -> ComposeResult:
        yield Label(S.GOAL_INDICATOR)
        names = [s.indicator for s in self.series]
        suggester = SuggestFromList(names, case_sensitive=False) if names else None
        yield Field(goal.indicator, id="indicator", suggester=suggester)
        yield Static("", id="goal-figures", classes="muted", markup=False)
        yield Label(S.GOAL_BASELINE)
        yield Field(goal.baseline, id="baseline")
        yield Label(S.GOAL_TARGET)
        yield Field(goal.target, id="target")
        yield Label(S.GOAL_DUE)
        yield Field(short_date(goal.due) if goal.due else "", id="due")
        yield Label(S.GOAL_THEME_LABEL)
        # A field with completion, like F6: Enter saves here too, and no list drops
        # over the fields around it.
        labels = current_themes().labels
        theme = labels.get(goal.theme, goal.theme) if goal.theme else ""
        yield Field(
            theme,
            id="theme",
            suggester=SuggestFromList(list(labels.values()), case_sensitive=False),
        )

    def on_mount(self) -> None:
        self.show_figure(self.query_one("#indicator", Input).value, fill=False)
        # Focusing the first field scrolled it to the top, its label out of view.
        self.call_after_refresh(self.query_one(".fields").scroll_home, animate=False)

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
            self._refuse("#due", S.FORM_BAD_DATE)
            return
        theme_text = self.query_one("#theme", Input).value.strip()
        theme = theme_from(theme_text) if theme_text else None
        if theme_text and theme is None:
            self._refuse("#theme", S.UNKNOWN_THEME.format(theme=theme_text))
            return
        self.dismiss(
            GoalDetails(
                indicator=self.query_one("#indicator", Input).value.strip(),
                baseline=self.query_one("#baseline", Input).value.strip(),
                target=self.query_one("#target", Input).value.strip(),
                due=due,
                theme=theme,
                ancestor=self.note.goal.ancestor if self.note.goal else None,
            )
        )

    def _refuse(self, field: str, line: str) -> None:
        """Say what is wrong and put the cursor where it can be fixed."""
        self.query_one("#goal-error", Static).update(line)
        self.query_one(field, Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
