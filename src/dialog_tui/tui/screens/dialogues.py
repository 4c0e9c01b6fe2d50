"""Home: every dialogue, newest first; type to filter, keys to open, create, delete."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from ... import strings as S
from ...errors import DialogError
from ...model import DialogueSummary
from ...parsing import parse_date
from ...text import short_date
from ..keys import with_ids
from ..widgets.field import Field
from .confirm import ConfirmScreen
from .prompt import PromptScreen

FIRST_ROWS = 100
"""Rows loaded and put in the table at once: more than any terminal shows. The rest
are loaded after the first paint and added in batches, because building 10,000
summaries takes ~70 ms and a Textual DataTable measures every cell it holds
(10,000 rows took 1.3 s even in a bare app)."""
BATCH_ROWS = 1000


def a_year_later(held_on: date, today: date) -> date:
    """The default date of next year's dialogue: a year on, or today if that is past."""
    if held_on.year >= date.max.year:
        return max(held_on, today)
    try:
        later = held_on.replace(year=held_on.year + 1)
    except ValueError:  # 29 February
        later = held_on.replace(year=held_on.year + 1, day=28)
    return max(later, today)


def _cells(row: DialogueSummary) -> tuple[str, ...]:
    return (short_date(row.held_on), row.school, S.STATUS[row.status], row.case_number,
            row.case_handler)  # fmt: skip


def _haystack(row: DialogueSummary) -> str:
    """What the filter field searches: the row's cells and its ISO date."""
    return " ".join((*_cells(row), row.held_on.isoformat())).lower()


class DialoguesScreen(Screen):
    CSS_PATH = "dialogues.tcss"
    BINDING_GROUP_TITLE = S.HELP_GROUP_LIST
    BINDINGS = with_ids(
        "dialogues",
        [
            Binding("enter", "open", S.KEY_OPEN, priority=True),
            Binding("ctrl+n", "new", S.KEY_NEW),
            # The footer keeps the everyday keys; all are in F1 and the palette.
            Binding("ctrl+d", "delete", S.KEY_DELETE, priority=True, show=False),
            Binding("ctrl+b", "toggle_bin", S.KEY_BIN, show=False),
            # Not plain "e": the filter field has the focus and takes letters.
            Binding("ctrl+e", "export", S.EXPORT_BINDING, priority=True),
            Binding("ctrl+r", "restore", S.KEY_RESTORE, show=False),
            # Not priority: the filter does not use these, and typed-ahead letters come first.
            Binding("ctrl+o", "followup", S.KEY_FOLLOWUP_NEW),
            Binding("ctrl+f", "search", S.KEY_SEARCH),
            Binding("ctrl+g", "goal_history", S.KEY_GOAL_HISTORY, show=False),
            Binding("ctrl+y", "overview", S.KEY_OVERVIEW, show=False),
            Binding("f12", "header", S.KEY_HEADER, show=False),
            Binding("up", "cursor(-1)", show=False, priority=True),
            Binding("down", "cursor(1)", show=False, priority=True),
            Binding("pageup", "cursor(-10)", show=False, priority=True),
            Binding("pagedown", "cursor(10)", show=False, priority=True),
        ],
    )

    def __init__(self) -> None:
        super().__init__()
        self.show_bin = False
        self.rows: list[DialogueSummary] = []
        self._fill = 0  # bumped by every refilter, so a stale batch stops
        self._load = 0  # bumped by every reload, so a stale full load is skipped
        self._keep: str | None = None  # the row to select once it is in the table
        self._complete = True  # self.rows is the whole list, not its first page

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(S.LIST_TITLE, id="list-title", classes="title")
        yield Field(placeholder=S.LIST_FILTER_PLACEHOLDER, id="filter")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="dialogues")
        yield Static("", id="empty", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(*S.LIST_COLUMNS)
        self.query_one("#filter", Input).focus()
        self.call_after_refresh(self.app.first_frame_shown)

    def on_screen_resume(self) -> None:
        """Also sent when the screen is first shown: the one place the list loads."""
        self.reload()

    def reload(self) -> None:
        self.rows = self.app.store.list_dialogues(deleted=self.show_bin, limit=FIRST_ROWS)
        self._complete = len(self.rows) < FIRST_ROWS
        self.query_one("#list-title", Static).update(
            S.LIST_BIN_TITLE if self.show_bin else S.LIST_TITLE
        )
        self.refilter()
        self._load += 1
        if len(self.rows) == FIRST_ROWS:  # maybe more: the whole list after the paint
            self.call_after_refresh(self._load_all, self._load)

    def _load_all(self, load: int) -> None:
        if load != self._load:
            return
        rows = self.app.store.list_dialogues(deleted=self.show_bin)
        table = self.query_one(DataTable)
        shown = [key.value for key in table.rows]
        self.rows = rows
        self._complete = True
        if self.query_one("#filter", Input).value.strip() or shown != [
            str(r.id) for r in rows[: len(shown)]
        ]:
            self.refilter()  # a filter was typed meanwhile, or the list changed
            return
        self._fill += 1
        self._add_rows(self._fill, rows, len(shown), BATCH_ROWS)

    def refilter(self) -> None:
        words = self.query_one("#filter", Input).value.lower().split()
        matches = self.rows
        if words:
            matches = [row for row in self.rows if all(w in _haystack(row) for w in words)]
        table = self.query_one(DataTable)
        # Stays selected when back from a screen or modal (also once its batch is in).
        before = self._keep if self._keep is not None else self.selected_key()
        table.clear()
        self._keep = before
        self._fill += 1
        self._add_rows(self._fill, matches, 0, FIRST_ROWS)
        empty = S.LIST_BIN_EMPTY if self.show_bin else S.LIST_EMPTY
        self.query_one("#empty", Static).update("" if matches else empty)

    def _add_rows(self, fill: int, matches: list[DialogueSummary], start: int, count: int) -> None:
        """Add matches[start:start+count]; schedule the next batch after the repaint."""
        if fill != self._fill:
            return
        table = self.query_one(DataTable)
        for row in matches[start : start + count]:
            # Text, not str: a cell string would be parsed as Rich markup.
            table.add_row(*map(Text, _cells(row)), key=str(row.id))
        if self._keep is not None and self._keep in table.rows:
            table.move_cursor(row=table.get_row_index(self._keep))
            self._keep = None
        if start + count < len(matches):
            self.call_after_refresh(self._add_rows, fill, matches, start + count, BATCH_ROWS)
        elif self._complete:
            self._keep = None  # all in; the row kept is gone or filtered out

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refilter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_open()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_cursor(self, delta: int) -> None:
        self._keep = None  # the user's own choice now
        table = self.query_one(DataTable)
        if table.row_count:
            row = max(0, min(table.cursor_row + delta, table.row_count - 1))
            table.move_cursor(row=row)

    def selected_key(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def selected(self) -> DialogueSummary | None:
        key = self.selected_key()
        return next((r for r in self.rows if str(r.id) == key), None)

    def action_open(self) -> None:
        row = self.selected()
        if row is None:
            return
        if self.show_bin:
            self.action_restore()
        else:
            self.app.open_meeting(row.id)

    def action_new(self) -> None:
        self.app.new_dialogue()

    def action_delete(self) -> None:
        row = self.selected()
        if row is None or self.show_bin:
            return

        def done(confirmed: bool | None) -> None:
            if confirmed:
                self.app.store.delete_dialogue(row.id)
                self.notify(S.DELETED.format(school=row.school, date=short_date(row.held_on)))
                self.reload()

        question = S.CONFIRM_DELETE.format(school=row.school, date=short_date(row.held_on))
        self.app.push_screen(ConfirmScreen(question), done)

    def action_export(self) -> None:
        from .export import ExportScreen

        row = self.selected()
        if row is not None and not self.show_bin:
            self.app.push_screen(ExportScreen(row.id))

    def action_toggle_bin(self) -> None:
        self.show_bin = not self.show_bin
        self.reload()

    def action_restore(self) -> None:
        row = self.selected()
        if row is None or not self.show_bin:
            return
        self.app.store.restore_dialogue(row.id)
        self.notify(S.RESTORED.format(school=row.school, date=short_date(row.held_on)))
        self.reload()

    # --- Year over year ------------------------------------------------------

    def action_followup(self) -> None:
        """Next year's dialogue for the selected one's school, with last year's goals
        to follow up."""
        from ... import yearly

        row = self.selected()
        if row is None or self.show_bin:
            return

        def done(value: str | None) -> None:
            if value is None:
                return
            try:
                held_on = parse_date(value)
            except ValueError:
                self.notify(S.FORM_BAD_DATE, severity="warning")
                return
            try:
                new_id = yearly.start_followup(self.app.store, row.id, held_on)
            except DialogError as e:
                self.notify(str(e), severity="error")
                return
            self.ask_case_number(new_id)

        question = S.PROMPT_FOLLOWUP_DATE.format(school=row.school, date=short_date(row.held_on))
        earlier = self.app.store.followed_up_by(row.id)
        if earlier:  # said, not refused: a second follow-up can be meant
            question += "\n" + S.FOLLOWUP_ALREADY.format(dates=", ".join(map(short_date, earlier)))
        default = short_date(a_year_later(row.held_on, date.today()))
        self.app.push_screen(PromptScreen(question, default), done)

    def ask_case_number(self, new_id: int) -> None:
        """A follow-up is filed on a case of its own: ask its number (the field
        starts with the KLE number it inherited), then open the meeting."""
        kle = self.app.store.get_dialogue(new_id).kle

        def done(value: str | None) -> None:
            number = (value or "").strip()
            if number.rstrip("-") not in ("", kle):  # more than the KLE number it began with
                try:
                    self.app.store.update_dialogue(new_id, case_number=number)
                except DialogError as e:
                    self.notify(str(e), severity="error")
            else:
                self.notify(S.FOLLOWUP_CASE_NUMBER_LATER)
            self.notify(S.FOLLOWUP_CREATED)
            self.app.open_meeting(new_id)

        note = S.CLI_FOLLOWUP_KLE.format(kle=kle) if kle else ""
        question = S.PROMPT_FOLLOWUP_CASE_NUMBER.format(kle=note)
        prompt = PromptScreen(question, f"{kle}-" if kle else "", complete=True)
        self.app.push_screen(prompt, done)

    def action_header(self) -> None:
        from .header import HeaderScreen

        row = self.selected()
        if row is not None and not self.show_bin:
            self.app.push_screen(HeaderScreen(row.id), lambda saved: saved and self.reload())

    def action_search(self) -> None:
        self.app.search()

    def action_goal_history(self) -> None:
        row = self.selected()
        if row is not None and not self.show_bin:
            self.app.goal_history(row.school)

    def action_overview(self) -> None:
        from .overview import OverviewScreen

        row = self.selected()
        year = row.held_on.year if row is not None else date.today().year
        self.app.push_screen(OverviewScreen(year))
