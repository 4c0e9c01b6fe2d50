"""Who is in the room: present/absent and "only under point N", by keys."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static

from ... import strings as S
from ...errors import DialogError
from ...model import Participant
from ...parsing import parse_participant, parse_point_numbers
from ..keys import with_ids
from ..widgets.field import FIELD_NAVIGATION, Field
from .prompt import PromptScreen


def describe(p: Participant) -> Text:
    """A plain Text, so a name or a state in [brackets] is never read as markup."""
    parts = [p.name]
    if p.role:
        parts.append(f"({p.role})")
    if p.organisation:
        parts.append(f"– {p.organisation}")
    state, style = (S.PARTICIPANT_PRESENT, "green") if p.present else (S.PARTICIPANT_ABSENT, "red")
    if p.present and p.agenda_items:
        state = S.PARTICIPANT_ONLY.format(points=", ".join(map(str, p.agenda_items)))
    return Text.assemble(" ".join(parts), "  ", (f"[{state}]", f"bold {style}"))


class ParticipantsScreen(ModalScreen[None]):
    CSS_PATH = "modal.tcss"
    BINDING_GROUP_TITLE = S.HELP_GROUP_MODAL
    BINDINGS = with_ids(
        "participants",
        [
            *FIELD_NAVIGATION,
            Binding("space", "toggle_present", S.KEY_TOGGLE_PRESENT),
            Binding("p", "only_points", S.KEY_ONLY_POINTS),
            Binding("f", "from_here", S.KEY_JOINS_FROM_HERE),
            Binding("delete", "remove", S.KEY_REMOVE_PARTICIPANT),
            Binding("escape", "close", S.KEY_BACK),
        ],
    )

    def __init__(self, dialogue_id: int, point_count: int, *, current: int = 0) -> None:
        super().__init__()
        self.dialogue_id = dialogue_id
        self.point_count = point_count
        self.current = current
        """The meeting's current point (0-based): "joins from here" starts there."""
        self.people: list[Participant] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"[b]{S.KEY_PARTICIPANTS}[/b]")
            yield OptionList(id="people")
            yield Field(placeholder=S.PARTICIPANTS_ADD, id="add")
            yield Static(S.PARTICIPANTS_KEYS, classes="muted")

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#people", OptionList).focus()

    def reload(self, highlight: int | None = None) -> None:
        self.people = self.app.store.participants(self.dialogue_id)
        options = self.query_one("#people", OptionList)
        current = options.highlighted if highlight is None else highlight
        options.clear_options()
        options.add_options([describe(p) for p in self.people] or [S.PARTICIPANTS_EMPTY])
        if self.people:
            options.highlighted = min(current or 0, len(self.people) - 1)

    def selected(self) -> Participant | None:
        index = self.query_one("#people", OptionList).highlighted
        return self.people[index] if self.people and index is not None else None

    def action_toggle_present(self) -> None:
        p = self.selected()
        if p is not None:
            self.app.store.update_participant(p.id, present=not p.present)
            self.reload()

    def action_only_points(self) -> None:
        p = self.selected()
        if p is None:
            return

        def done(value: str | None) -> None:
            if value is None:
                return
            try:
                points = parse_point_numbers(value)
                if any(not 1 <= n <= self.point_count for n in points):
                    raise ValueError(value)
                self.app.store.update_participant(p.id, agenda_items=points, present=True)
            except (ValueError, DialogError):
                self.notify(S.BAD_POINT_LIST, severity="warning")
            self.reload()

        current = ", ".join(map(str, p.agenda_items))
        self.app.push_screen(PromptScreen(S.PROMPT_ONLY_POINTS, current), done)

    def action_from_here(self) -> None:
        """The selected person attends from the current point on."""
        p = self.selected()
        if p is None:
            return
        points = list(range(self.current + 1, self.point_count + 1))
        try:
            self.app.store.update_participant(p.id, agenda_items=points, present=True)
        except DialogError as e:
            self.notify(str(e), severity="warning", markup=False)
        self.reload()

    def action_remove(self) -> None:
        p = self.selected()
        if p is not None:
            self.app.store.delete_participant(p.id)
            self.reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            try:
                self.app.store.add_participant(self.dialogue_id, parse_participant(event.value))
            except (ValueError, DialogError) as e:
                self.notify(str(e), severity="warning")
                return
            event.input.value = ""
            self.reload(highlight=len(self.people))

    def action_close(self) -> None:
        self.dismiss(None)
