"""A school's goals across the years: each goal chain, year by year, with how the next
dialogue followed it up. Enter opens that year's dialogue at the goal."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ... import strings as S
from ...errors import DialogError
from ...model import GoalChain, GoalStep
from ...text import goal_line, short_date
from ...themes import current_themes
from ..background import own_store
from ..format import followup_result, followup_status
from ..keys import with_ids


def step_label(step: GoalStep) -> Text:
    text = Text()
    text.append(f"{short_date(step.held_on)}  ", style="bold")
    text.append(step.note.text or "…")
    details = goal_line(step.note.goal)
    if details:
        text.append(f"\n   {details}", style="dim")
    text.append("\n   ")
    if step.followup is None:
        text.append(S.GOALS_NOT_FOLLOWED, style="dim")
        return text
    status = followup_status(step.followup)
    text.append_text(Text.assemble(S.GOALS_FOLLOWED.format(status=""), status))
    result = followup_result(step.followup)
    if result:
        text.append(f" · {result}", style="italic")
    return text


def chain_label(number: int, chain: GoalChain) -> Text:
    years = " → ".join(str(s.held_on.year) for s in chain.steps)
    text = Text(S.GOALS_CHAIN.format(number=number, years=years), style="bold underline")
    theme = next((s.note.goal.theme for s in chain.steps if s.note.goal), None)
    if theme:
        text.append(f"  {current_themes().label(theme)}", style="italic")
    return text


class GoalHistoryScreen(Screen):
    CSS_PATH = "goal_history.tcss"
    BINDING_GROUP_TITLE = S.HELP_GROUP_GOALS
    BINDINGS = with_ids(
        "goal-history",
        [
            Binding("enter", "open", S.KEY_OPEN_RESULT),
            Binding("escape", "back", S.KEY_BACK),
        ],
    )

    def __init__(self, school: str) -> None:
        super().__init__()
        self.school = school
        self.steps: list[GoalStep | None] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(S.GOALS_TITLE.format(school=self.school), classes="title")
        yield OptionList(id="goals")
        yield Static(S.GOALS_KEYS, id="goals-info", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    @work(thread=True, exclusive=True, group="goal-history")
    def reload(self) -> None:
        """Read the school's goal chains off the event loop (every year of it)."""
        try:
            with own_store(self.app.store) as store:
                chains = store.goal_history(self.school)
        except DialogError as e:
            self.app.call_from_thread(self.notify, str(e), severity="error")
            return
        self.app.call_from_thread(self.show, chains)

    def show(self, chains: list[GoalChain]) -> None:
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        self.steps = []
        for number, chain in enumerate(chains, start=1):
            options.add_option(Option(chain_label(number, chain), disabled=True))
            self.steps.append(None)
            for step in chain.steps:
                options.add_option(Option(step_label(step)))
                self.steps.append(step)
        if not chains:
            self.query_one("#goals-info", Static).update(S.GOALS_EMPTY.format(school=self.school))
            return
        first = next(i for i, s in enumerate(self.steps) if s is not None)
        options.highlighted = highlighted if highlighted is not None else first

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        index = self.query_one(OptionList).highlighted
        step = self.steps[index] if index is not None and index < len(self.steps) else None
        if step is not None:
            self.app.open_meeting(step.dialogue_id, step.note.id)

    def action_back(self) -> None:
        self.dismiss()
