"""Status of the dialogue: draft → held → final, and reopening a final one with a reason.

Marking held first shows the checklist points not yet ticked; the user can go and tick
them or mark it held anyway. Dismisses with True when the status changed."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ... import strings as S
from ...errors import DialogError
from ...model import Dialogue
from ...rules.status import status_actions
from ...text import timestamp
from ..keys import with_ids
from .checklist import ChecklistScreen
from .confirm import ConfirmScreen
from .prompt import PromptScreen


def history_text(dialogue: Dialogue) -> Text:
    text = Text()
    for change in dialogue.history:
        line = S.STATUS_CHANGE.format(
            at=timestamp(change.at),
            from_status=S.STATUS[change.from_status],
            to_status=S.STATUS[change.to_status],
        )
        text.append(line)
        if change.reason:
            text.append(f" ({change.reason})", style="italic")
        text.append("\n")
    text.rstrip()
    return text


class StatusScreen(ModalScreen[bool]):
    CSS_PATH = ["modal.tcss", "status.tcss"]
    BINDING_GROUP_TITLE = S.HELP_GROUP_MODAL
    BINDINGS = with_ids(
        "status",
        [
            Binding("a", "change('held')", S.KEY_MARK_HELD),
            Binding("e", "change('final')", S.KEY_MARK_FINAL),
            Binding("g", "change('reopen')", S.KEY_REOPEN),
            Binding("t", "to_checklist", S.KEY_TO_CHECKLIST),
            Binding("j", "held_anyway", S.KEY_HELD_ANYWAY),
            Binding("escape", "back", S.KEY_BACK),
        ],
    )

    def __init__(self, dialogue_id: int, locked: bool = False) -> None:
        """``locked``: the dialogue is open for editing elsewhere; nothing may change."""
        super().__init__()
        self.dialogue_id = dialogue_id
        self.locked = locked
        self.unticked_mode = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="choose"):
            yield Static(f"[b]{S.STATUS_TITLE}[/b]")
            yield Static("", id="status-now")
            yield OptionList(id="actions")
            yield Static("", id="history", classes="muted")
            yield Static(S.STATUS_KEYS, classes="muted")
        with Vertical(classes="dialog", id="unticked"):
            yield Static(f"[b]{S.STATUS_UNTICKED}[/b]")
            yield Static("", id="unticked-list")
            yield Static(S.STATUS_UNTICKED_KEYS, classes="muted")

    def on_mount(self) -> None:
        self.reload()

    @property
    def dialogue(self) -> Dialogue:
        return self.app.store.get_dialogue(self.dialogue_id)

    def reload(self) -> None:
        dialogue = self.dialogue
        self.status = dialogue.status
        self.query_one("#status-now", Static).update(
            S.STATUS_NOW.format(status=S.STATUS[dialogue.status])
        )
        actions = self.query_one("#actions", OptionList)
        actions.clear_options()
        actions.add_options(
            [Option(S.STATUS_ACTIONS[a], id=a) for a in status_actions(dialogue.status)]
        )
        actions.highlighted = 0
        history = self.query_one("#history", Static)
        history.update(history_text(dialogue))
        history.display = bool(dialogue.history)
        self.show_unticked(None)

    def show_unticked(self, texts: list[str] | None) -> None:
        self.unticked_mode = texts is not None
        self.query_one("#choose").display = not self.unticked_mode
        self.query_one("#unticked").display = self.unticked_mode
        if texts is not None:
            self.query_one("#unticked-list", Static).update(
                Text("\n".join(f"[ ] {t}" for t in texts))
            )
        else:
            self.query_one("#actions", OptionList).focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("to_checklist", "held_anyway"):
            return self.unticked_mode
        if action == "change":
            return not self.unticked_mode
        return True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_change(event.option.id)

    def action_change(self, what: str) -> None:
        if self.locked:
            self.notify(S.READ_ONLY_LOCKED, severity="warning")
            return
        if what not in status_actions(self.status):
            self.notify(
                S.STATUS_NOT_ALLOWED.format(status=S.STATUS[self.status]), severity="warning"
            )
            return
        if what == "held":
            unticked = self.app.store.unticked_checklist(self.dialogue_id)
            if unticked:
                self.show_unticked([c.text for c in unticked])
            else:
                self.apply(self.app.store.mark_held)
        elif what == "final":

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.apply(self.app.store.finalize)

            self.app.push_screen(ConfirmScreen(S.CONFIRM_FINAL), confirmed)
        else:
            prompt = PromptScreen(S.PROMPT_REOPEN_REASON, required=S.REOPEN_REASON_MISSING)
            self.app.push_screen(prompt, self.reopen)

    def reopen(self, reason: str | None) -> None:
        if reason is None:
            return
        self.apply(lambda dialogue_id: self.app.store.reopen(dialogue_id, reason.strip()))

    def apply(self, change) -> None:
        try:
            change(self.dialogue_id)
        except DialogError as e:
            self.notify(str(e), severity="error")
            self.reload()
            return
        status = self.dialogue.status
        self.notify(S.STATUS_SET.format(status=S.STATUS[status]))
        self.dismiss(True)

    def action_to_checklist(self) -> None:
        def back(_: None) -> None:
            unticked = self.app.store.unticked_checklist(self.dialogue_id)
            if unticked:
                self.show_unticked([c.text for c in unticked])
            else:  # all ticked now: what the user set out to do
                self.apply(self.app.store.mark_held)

        self.app.push_screen(ChecklistScreen(self.dialogue_id), back)

    def action_held_anyway(self) -> None:
        self.apply(self.app.store.mark_held)

    def action_back(self) -> None:
        if self.unticked_mode:
            self.show_unticked(None)
        else:
            self.dismiss(False)
