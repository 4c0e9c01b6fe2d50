"""Goal details for a note tagged goal: indicator, baseline, target, due date, theme."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from ... import strings as S
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

    def __init__(self, note: Note) -> None:
        super().__init__()
        self.note = note

    def compose(self) -> ComposeResult:
        goal = self.note.goal or GoalDetails()
        with Vertical(classes="dialog"):
            yield Static(f"[b]{S.KEY_GOAL_DETAILS}[/b]: {self.note.text}")
            yield Label(S.GOAL_INDICATOR)
            yield Field(goal.indicator, id="indicator")
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
