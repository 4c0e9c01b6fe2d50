"""Last year's goals, attention points and agreements, followed up one by one.

A digit sets the status (4 carries a goal on into this dialogue); value reached and
comment are saved on every keystroke. Dismisses with True when a goal was carried on,
so the meeting shows the new note."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static

from ... import strings as S
from ...errors import DialogError
from ...figures_model import Series, new_actual, proposal
from ...model import FollowUp, FollowUpStatus
from ...text import goal_line
from ..format import followup_result, followup_status
from ..keys import with_ids
from ..widgets.field import FIELD_NAVIGATION, Field, OwnKeysInOrder
from ..widgets.note_row import TAG_STYLES

STATUS_DIGITS = {"opfyldt": "1", "delvist opfyldt": "2", "ikke opfyldt": "3"}


def actual_value(f: FollowUp, series: list[Series]) -> str:
    """``8,1 % (2024/25)``: this year's value of the goal's indicator, or ''."""
    found = new_actual(f.goal, series) if f.kind == "goal" else None
    return f"{found[0].label(found[2])} ({found[1]})" if found else ""


def figures_line(f: FollowUp, series: list[Series]) -> str:
    """``Nyeste tal: 8,1 % (2024/25) · forslag ud fra tallene: delvist opfyldt (tast 2)``."""
    actual = actual_value(f, series)
    if not actual:
        return ""
    parts = [S.FIGURES_LATEST.format(value=actual)]
    if (proposed := proposal(f.goal, series)) is not None:
        label = S.FOLLOWUP_STATUS_TEXT[proposed.value]
        parts.append(S.FOLLOWUP_PROPOSAL.format(status=label, digit=STATUS_DIGITS[proposed]))
    return " · ".join(parts)


def followup_label(f: FollowUp, series: list[Series] = ()) -> Text:
    text = Text()
    text.append_text(followup_status(f))
    text.append("  ")
    text.append(f" {S.TAG_MARKERS[f.kind]} ", style=TAG_STYLES[f.kind])
    text.append(f" {f.text}")
    details = goal_line(f.goal)
    if details:
        text.append(f"\n   {details}", style="dim")
    if figures := figures_line(f, list(series)):
        text.append(f"\n   {figures}", style="bold")
    result = followup_result(f)
    if result:
        text.append(f"\n   {result}", style="italic")
    return text


class FollowUpList(OwnKeysInOrder, OptionList):
    """The list owns the status keys, so digits typed in the fields stay text; they
    act in the list's own queue, so a digit typed just before Tab is not lost."""

    BINDING_GROUP_TITLE = S.KEY_FOLLOWUPS
    BINDINGS = with_ids(
        "follow-up-list",
        [
            Binding("1", "status('opfyldt')", S.KEY_MET),
            Binding("2", "status('delvist opfyldt')", S.KEY_PARTLY_MET),
            Binding("3", "status('ikke opfyldt')", S.KEY_NOT_MET),
            Binding("4", "status('videreført')", S.KEY_CARRY_ON),
            Binding("0", "status('')", S.KEY_CLEAR_STATUS),
        ],
    )

    def action_status(self, status: str) -> None:
        self.screen.set_status(self.highlighted, status)


class FollowUpsScreen(ModalScreen[bool]):
    CSS_PATH = ["modal.tcss", "followups.tcss"]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    BINDING_GROUP_TITLE = S.HELP_GROUP_MODAL
    BINDINGS = with_ids(
        "follow-ups",
        [
            *FIELD_NAVIGATION,
            # Priority, so the keys typed after Enter in a field reach the list.
            Binding("enter", "to_list", show=False, priority=True),
            Binding("escape", "close", S.KEY_BACK),
        ],
    )

    def __init__(self, dialogue_id: int, refuse: str | None = None) -> None:
        """``refuse``: why nothing may be changed (final, or open elsewhere), or None."""
        super().__init__()
        self.dialogue_id = dialogue_id
        self.refuse = refuse
        self.items: list[FollowUp] = []
        self.series: list[Series] = []
        self.carried = False
        self.editing: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"[b]{S.FOLLOWUPS_TITLE}[/b]", id="followups-title")
            if self.refuse:
                yield Static(self.refuse, classes="warning", markup=False)
            yield FollowUpList(id="followups")
            with Horizontal(id="fields"):
                with Vertical():
                    yield Label(S.FOLLOWUP_REACHED_LABEL)
                    yield Field(id="reached", disabled=bool(self.refuse))
                with Vertical(id="comment-box"):
                    yield Label(S.FOLLOWUP_COMMENT_LABEL)
                    yield Field(id="comment", disabled=bool(self.refuse))
            yield Static(S.FOLLOWUPS_KEYS, classes="muted")

    def on_mount(self) -> None:
        store = self.app.store
        self.items = store.followups(self.dialogue_id)
        self.series = store.series_of(store.get_dialogue(self.dialogue_id).school)
        self.prefill_reached()
        options = self.query_one(FollowUpList)
        labels = [followup_label(f, self.series) for f in self.items]
        options.add_options(labels or [S.FOLLOWUPS_EMPTY])
        self.query_one("#fields").display = bool(self.items)
        options.highlighted = 0
        options.focus()
        self.show_summary()

    def prefill_reached(self) -> None:
        """A goal tied to a key figure with a newer value gets it as value reached,
        where none is written yet (the facilitator may change it)."""
        if self.refuse:
            return
        for i, f in enumerate(self.items):
            actual = actual_value(f, self.series)
            if actual and not f.reached:
                try:
                    self.items[i] = self.app.store.update_followup(f.id, reached=actual)
                except DialogError as e:
                    self.notify(S.SAVE_FAILED.format(message=e), severity="error")
                    return

    def show_summary(self) -> None:
        done = sum(f.status is not None for f in self.items)
        self.query_one("#followups-title", Static).update(
            f"[b]{S.FOLLOWUPS_TITLE}[/b]   "
            + S.FOLLOWUP_SUMMARY.format(done=done, total=len(self.items))
        )

    def show_row(self, index: int, followup: FollowUp) -> None:
        """Redraw one row in place (rebuilding the list would lose keys typed ahead)."""
        self.items[index] = followup
        self.query_one(FollowUpList).replace_option_prompt_at_index(
            index, followup_label(followup, self.series)
        )
        self.show_summary()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """The fields now belong to this row. Kept here, in the screen's queue, so text
        typed before a quick Down is still saved to the row it was typed for."""
        if not self.items:
            return
        self.editing = event.option_index
        f = self.items[self.editing]
        for name in ("reached", "comment"):
            field = self.query_one(f"#{name}", Input)
            with field.prevent(Input.Changed):
                field.value = getattr(f, name)

    def set_status(self, index: int | None, status: str) -> None:
        if not self.items or index is None:
            return
        if self.refuse:
            self.notify(self.refuse, severity="warning")
            return
        f = self.items[index]
        store = self.app.store
        try:
            if status == FollowUpStatus.carried_on:
                note = store.carry_on(f.id)
                _, item_id, _ = store.note_location(note.id)
                number = [i.id for i in store.agenda_items(self.dialogue_id)].index(item_id) + 1
                self.carried = True
                self.notify(S.FOLLOWUP_CARRIED.format(number=number))
                updated = next(u for u in store.followups(self.dialogue_id) if u.id == f.id)
            else:
                updated = store.update_followup(f.id, status=status or None)
                if f.status == FollowUpStatus.carried_on and f.carried_to:
                    # The goal made when it was carried on is the user's to keep or delete.
                    self.notify(S.FOLLOWUP_CARRIED_GOAL_KEPT, severity="warning", timeout=10)
        except DialogError as e:
            self.notify(str(e), severity="error")
            return
        self.show_row(index, updated)

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.editing is None or self.refuse:
            return
        f = self.items[self.editing]
        try:
            self.app.store.update_followup(f.id, **{event.input.id: event.value})
        except DialogError as e:
            self.notify(S.SAVE_FAILED.format(message=e), severity="error")
            return
        self.show_row(self.editing, replace(f, **{event.input.id: event.value}))

    def action_to_list(self) -> None:
        self.set_focus(self.query_one(FollowUpList))  # now, not after the queued keys

    def action_close(self) -> None:
        self.dismiss(self.carried)
