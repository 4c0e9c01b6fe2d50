"""The statutory checklist (Folkeskoleloven § 40 a): tick a point by key, saved at once."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from ... import strings as S
from ...errors import DialogError
from ...model import ChecklistItem
from ..keys import with_ids


def checklist_label(item: ChecklistItem) -> Text:
    text = Text("[x] " if item.done else "[ ] ", style="bold green" if item.done else "bold")
    text.append(item.text)
    return text


class ChecklistScreen(ModalScreen[None]):
    CSS_PATH = ["modal.tcss", "checklist.tcss"]
    BINDING_GROUP_TITLE = S.HELP_GROUP_MODAL
    BINDINGS = with_ids(
        "checklist",
        [
            # Not priority: a priority key would overtake arrow keys typed ahead of it.
            # Enter reaches the list first and comes back as OptionSelected.
            Binding("space,enter", "toggle", S.KEY_TICK),
            Binding("escape", "close", S.KEY_BACK),
        ],
    )

    def __init__(self, dialogue_id: int, refuse: str | None = None) -> None:
        """``refuse``: why nothing may be changed (final, or open elsewhere), or None."""
        super().__init__()
        self.dialogue_id = dialogue_id
        self.refuse = refuse
        self.items: list[ChecklistItem] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"[b]{S.CHECKLIST_TITLE}[/b]", id="checklist-title")
            yield OptionList(id="checklist")
            yield Static(S.CHECKLIST_KEYS, classes="muted")

    def on_mount(self) -> None:
        self.items = self.app.store.get_dialogue(self.dialogue_id).checklist
        options = self.query_one(OptionList)
        options.add_options([checklist_label(i) for i in self.items] or [S.CHECKLIST_EMPTY])
        # On the first item left to tick, so Space ticks rather than unticks.
        options.highlighted = next((i for i, c in enumerate(self.items) if not c.done), 0)
        options.focus()
        self.show_progress()

    def show_progress(self) -> None:
        done = sum(i.done for i in self.items)
        self.query_one("#checklist-title", Static).update(
            f"[b]{S.CHECKLIST_TITLE}[/b]   "
            + S.CHECKLIST_DONE.format(done=done, total=len(self.items))
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_toggle()

    def action_toggle(self) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted
        if not self.items or index is None:
            return
        if self.refuse:
            self.notify(self.refuse, severity="warning")
            return
        item = self.items[index]
        try:
            self.app.store.set_checklist_done(item.id, not item.done)
        except DialogError as e:
            self.notify(S.SAVE_FAILED.format(message=e), severity="error")
            return
        # One row changes in place: rebuilding the list would lose keys typed ahead.
        self.items[index] = replace(item, done=not item.done)
        options.replace_option_prompt_at_index(index, checklist_label(self.items[index]))
        self.show_progress()

    def action_close(self) -> None:
        self.dismiss(None)
