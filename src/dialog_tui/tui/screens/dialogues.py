"""Home: every dialogue, newest first; type to filter, keys to open, create, delete."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static
from textual.worker import get_current_worker

from ... import strings as S
from ...errors import DialogError
from ...model import DialogueSummary
from ...parsing import parse_date
from ...text import short_date
from ..background import own_store
from ..collector import collector_paused
from ..keys import with_ids
from ..widgets.field import Field
from ..widgets.measured_table import MeasuredTable, cell_width, widest
from .confirm import ConfirmScreen
from .prompt import PromptScreen

FIRST_ROWS = 100
"""Rows read and put in the table at once, on the event loop: more than any
terminal shows. The rest are read in a worker thread, in keyset pages of
``PAGE_ROWS``, and added to the table in one go (see ``DialoguesScreen._append``)."""
PAGE_ROWS = 5000


class _Entry(NamedTuple):
    """One dialogue of the list with its cells and what the filter searches, built
    once per load (off the event loop for all but the first page)."""

    row: DialogueSummary
    cells: tuple[Text, ...]
    widths: tuple[int, ...]
    haystack: str


def a_year_later(held_on: date, today: date) -> date:
    """The default date of next year's dialogue: a year on, or today if that is past."""
    if held_on.year >= date.max.year:
        return max(held_on, today)
    try:
        later = held_on.replace(year=held_on.year + 1)
    except ValueError:  # 29 February
        later = held_on.replace(year=held_on.year + 1, day=28)
    return max(later, today)


def _entry(row: DialogueSummary) -> _Entry:
    """The row's cells (Text, not str: a cell string would be parsed as Rich markup)
    and what the filter field searches: the cells and the ISO date."""
    cells = (short_date(row.held_on), row.school, S.STATUS[row.status], row.case_number,
             row.case_handler)  # fmt: skip
    texts = tuple(map(Text, cells))
    haystack = " ".join((*cells, row.held_on.isoformat())).lower()
    return _Entry(row, texts, tuple(map(cell_width, texts)), haystack)


def _entries(rows: list[DialogueSummary]) -> list[_Entry]:
    with collector_paused():  # a dozen objects a row, all kept
        return [_entry(row) for row in rows]


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
            Binding("f8,ctrl+b", "toggle_bin", S.KEY_BIN, show=False),  # tmux keeps Ctrl+B
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
        self.entries: list[_Entry] = []
        self._by_key: dict[str, DialogueSummary] = {}
        self._fill = 0  # bumped by every refilter, so a stale rest is not added
        self._load = 0  # bumped by every reload, so a stale worker's rows are dropped
        self._keep: str | None = None  # the row to select once it is in the table
        self._complete = True  # self.entries is the whole list, not its first page

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(S.LIST_TITLE, id="list-title", classes="title")
        yield Field(placeholder=S.LIST_FILTER_PLACEHOLDER, id="filter")
        yield MeasuredTable(cursor_type="row", zebra_stripes=True, id="dialogues")
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
        """The first page now; the rest read by a worker once it is painted."""
        self._load += 1
        first = self.app.store.list_dialogues(deleted=self.show_bin, limit=FIRST_ROWS)
        self._set_entries(_entries(first), complete=len(first) < FIRST_ROWS)
        self.query_one("#list-title", Static).update(
            S.LIST_BIN_TITLE if self.show_bin else S.LIST_TITLE
        )
        self.refilter()
        if not self._complete:
            last = first[-1]
            after = (last.held_on, last.id)
            self.call_after_refresh(self._read_rest, self._load, self.show_bin, after)

    def _set_entries(self, entries: list[_Entry], *, complete: bool) -> None:
        self.entries = entries
        self._by_key = {str(e.row.id): e.row for e in entries}
        self._complete = complete

    @work(thread=True, exclusive=True, group="list")
    def _read_rest(self, load: int, deleted: bool, after: tuple[date, int]) -> None:
        """Every row after the first page, through the worker's own connection."""
        worker = get_current_worker()
        rest: list[_Entry] = []
        try:
            with own_store(self.app.store) as store:
                while not worker.is_cancelled:
                    page = store.list_dialogues(deleted=deleted, limit=PAGE_ROWS, after=after)
                    rest += _entries(page)
                    if len(page) < PAGE_ROWS:
                        break
                    after = (page[-1].held_on, page[-1].id)
        except DialogError as e:  # the first page stays; the next reload tries again
            message = S.LIST_REST_FAILED.format(message=e)
            self.app.call_from_thread(self.notify, message, severity="error")
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._rest_read, load, rest)

    def _rest_read(self, load: int, rest: list[_Entry]) -> None:
        if load != self._load:  # reloaded since (bin toggled, a row deleted, …)
            return
        shown = len(self.entries)
        self._set_entries(self.entries + rest, complete=True)
        if self.query_one("#filter", Input).value.strip():
            self.refilter()  # a filter was typed meanwhile: over the whole list now
        else:
            self._append(self._fill, self.entries[shown:])

    def refilter(self) -> None:
        words = self.query_one("#filter", Input).value.lower().split()
        matches = self.entries
        if words:
            matches = [e for e in self.entries if all(w in e.haystack for w in words)]
        table = self.query_one(DataTable)
        # Stays selected when back from a screen or modal (also once the rest is in).
        before = self._keep if self._keep is not None else self.selected_key()
        table.clear()
        self._keep = before
        self._fill += 1
        self._append(self._fill, matches[:FIRST_ROWS], last=len(matches) <= FIRST_ROWS)
        if len(matches) > FIRST_ROWS:  # the rest once the first rows are painted
            self.call_after_refresh(self._append, self._fill, matches[FIRST_ROWS:])
        empty = S.LIST_BIN_EMPTY if self.show_bin else S.LIST_EMPTY
        self.query_one("#empty", Static).update("" if matches else empty)

    def _append(self, fill: int, entries: list[_Entry], *, last: bool = True) -> None:
        """Add ``entries`` at the end of the table in one go, unless refiltered since
        (``last``: the table is then all the matches that are read so far).

        One go, with no repaint in between: DataTable rebuilds its whole row index
        (``ordered_rows``, ``_y_offsets``) at the first paint after any change, so
        adding in batches between paints costs O(rows) per batch, O(n²) in all."""
        if fill != self._fill:
            return
        table = self.query_one(MeasuredTable)
        rows = ((str(entry.row.id), entry.cells) for entry in entries)
        table.add_measured_rows(rows, widest(entry.widths for entry in entries))
        if self._keep is not None and self._keep in table.rows:
            table.move_cursor(row=table.get_row_index(self._keep))
            self._keep = None
        elif last and self._complete:
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
        return None if key is None else self._by_key.get(key)

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
