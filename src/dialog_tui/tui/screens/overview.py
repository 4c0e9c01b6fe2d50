"""The council's overview: every school's goals from the dialogues held in one year,
as one Word document. Asks the year and the file; dismisses with the written path."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from ... import strings as S
from ...errors import DialogError
from ...model import Status
from ..background import own_store
from ..keys import with_ids
from ..widgets.field import FIELD_NAVIGATION, Field
from .confirm import ConfirmScreen
from .export import in_home
from .pinned import fields_from_top


def default_output(year: int) -> Path:
    """``~/Skolernes mål <år>.docx``."""
    from ...export.overview import default_file_name

    return in_home(default_file_name(year))


class OverviewScreen(ModalScreen[Path | None]):
    CSS_PATH = "modal.tcss"
    BINDING_GROUP_TITLE = S.HELP_GROUP_MODAL
    BINDINGS = with_ids(
        "overview",
        [
            *FIELD_NAVIGATION,
            Binding("ctrl+s", "export", S.EXPORT_BUTTON, priority=True),
            Binding("escape", "cancel", S.KEY_CANCEL),
        ],
    )

    def __init__(self, year: int) -> None:
        super().__init__()
        self.year = year
        self.writing = False

    def compose(self) -> ComposeResult:
        # Title and keys stay in view; the fields scroll between them (modal.tcss).
        with Vertical(classes="dialog -pinned"):
            yield Static(S.OVERVIEW_SCREEN_TITLE, classes="title")
            with VerticalScroll(classes="fields", can_focus=False):
                yield Label(S.OVERVIEW_YEAR_LABEL)
                yield Field(str(self.year), id="year", restrict=r"\d*", max_length=4)
                yield Label(S.EXPORT_OUTPUT_LABEL)
                yield Field(str(default_output(self.year)), id="output")
                yield Label(S.OVERVIEW_MUNICIPALITY_LABEL)
                yield Field(self.municipality(self.year), id="municipality")
                yield Label(S.FORM_CASE_NUMBER)
                yield Field(id="case-number")
                yield Static("", id="overview-error", classes="error")
            yield Static(S.OVERVIEW_KEYS, classes="muted hint")

    def on_mount(self) -> None:
        fields_from_top(self)

    def municipality(self, year: int) -> str:
        """The municipality of most dialogues held that year (the CLI's default too),
        from the list's rows: quick enough to follow the year as it is typed."""
        from ...export.overview import most_dialogues

        try:
            rows = self.app.store.list_dialogues(year=year)
        except DialogError:  # a year the store refuses: the field stays as it is
            return ""
        return most_dialogues([r for r in rows if r.status != Status.draft])

    def on_input_changed(self, event: Input.Changed) -> None:
        """The file name and municipality follow the year, until the user writes
        their own."""
        if event.input.id != "year" or len(event.value) != 4:
            return
        year = int(event.value)
        output = self.query_one("#output", Input)
        if output.value == str(default_output(self.year)):
            output.value = str(default_output(year))
        municipality = self.query_one("#municipality", Input)
        if municipality.value == self.municipality(self.year):
            municipality.value = self.municipality(year)
        self.year = year

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_export()

    def action_export(self) -> None:
        error = self.query_one("#overview-error", Static)
        year_text = self.query_one("#year", Input).value
        output = self.query_one("#output", Input).value.strip()
        if self.writing:
            return
        if len(year_text) != 4:
            error.update(S.OVERVIEW_BAD_YEAR)
            return
        if not output:
            error.update(S.EXPORT_NO_OUTPUT)
            return
        path = Path(output).expanduser()
        if not path.is_file():
            self.start(int(year_text), path)
            return

        def overwrite(yes: bool | None) -> None:
            if yes:
                self.start(int(year_text), path)

        # Last year's copy may have been edited in Word since: replaced only when said.
        self.app.push_screen(ConfirmScreen(S.EXPORT_OVERWRITE.format(path=path)), overwrite)

    def start(self, year: int, output: Path) -> None:
        self.writing = True
        self.query_one("#overview-error", Static).update("")
        case_number = self.query_one("#case-number", Input).value.strip()
        self.write(year, output, case_number, confirmed=False)

    @work(thread=True, exclusive=True, group="overview")
    def write(self, year: int, output: Path, case_number: str, *, confirmed: bool) -> None:
        """Read the year's dialogues (of the municipality given; all when it is left
        empty) and write the overview, which refuses a CPR number unless confirmed
        (then the user is asked): off the event loop."""
        from ...export.cpr import CprFound, describe_places
        from ...export.opening import user_template
        from ...export.overview import export_overview, of_municipality
        from ...files import check_output, database_files

        call = self.app.call_from_thread
        municipality = self.query_one("#municipality", Input).value.strip()
        try:  # never the live database, a FIFO or a device
            check_output(output, protected=database_files(self.app.store.path))
            with own_store(self.app.store) as store:
                dialogues = store.dialogues_held_in(year)
                if dialogues and municipality:  # none: the export says so
                    dialogues = of_municipality(dialogues, municipality, year)
                figures = store.series_by_school(d.school for d in dialogues)
            written = export_overview(
                dialogues,
                year,
                output,
                template=user_template(),
                case_number=case_number,
                figures=figures,
                allow_cpr=confirmed,
            )
        except CprFound as e:
            call(self.confirm_cpr, describe_places(e.hits), year, output, case_number)
            return
        except DialogError as e:
            call(self.failed, str(e))
            return
        call(self.written, written)

    def confirm_cpr(self, places: str, year: int, output: Path, case_number: str) -> None:
        def confirmed(yes: bool | None) -> None:
            if yes:
                self.write(year, output, case_number, confirmed=True)
            else:
                self.writing = False

        question = S.OVERVIEW_CPR_CONFIRM.format(places=places)
        self.app.push_screen(ConfirmScreen(question), confirmed)

    def failed(self, message: str) -> None:
        self.writing = False
        self.query_one("#overview-error", Static).update(Text(message))  # names a file

    def written(self, path: Path) -> None:
        self.writing = False
        self.notify(S.OVERVIEW_DONE.format(path=path))
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
