"""The council's overview: every school's goals from the dialogues held in one year,
as one Word document. Asks the year and the file; dismisses with the written path."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from ... import strings as S
from ...errors import DialogError
from ..widgets.field import FIELD_NAVIGATION, Field
from .confirm import ConfirmScreen
from .export import in_home


def default_output(year: int) -> Path:
    """``~/Skolernes mål <år>.docx``."""
    from ...export.overview import default_file_name

    return in_home(default_file_name(year))


class OverviewScreen(ModalScreen[Path | None]):
    CSS_PATH = "modal.tcss"
    HELP_GROUP = S.HELP_GROUP_MODAL
    BINDINGS = [
        *FIELD_NAVIGATION,
        Binding("ctrl+s", "export", S.EXPORT_KEY_RUN, priority=True),
        Binding("escape", "cancel", S.KEY_CANCEL),
    ]

    def __init__(self, year: int) -> None:
        super().__init__()
        self.year = year

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"[b]{S.OVERVIEW_SCREEN_TITLE}[/b]")
            yield Label(S.OVERVIEW_YEAR_LABEL)
            yield Field(str(self.year), id="year", restrict=r"\d*", max_length=4)
            yield Label(S.EXPORT_OUTPUT_LABEL)
            yield Field(str(default_output(self.year)), id="output")
            yield Label(S.OVERVIEW_MUNICIPALITY_LABEL)
            yield Field(self.municipality(self.year), id="municipality")
            yield Label(S.FORM_CASE_NUMBER)
            yield Field(id="case-number")
            yield Static("", id="overview-error", classes="error")
            yield Static(S.OVERVIEW_KEYS, classes="muted")

    def municipality(self, year: int) -> str:
        """The municipality of most dialogues held that year (the CLI's default too)."""
        from ...export.overview import most_dialogues

        try:
            return most_dialogues(self.app.store.dialogues_held_in(year))
        except DialogError:  # a year the store refuses: the field stays as it is
            return ""

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
        from ...export.danish import join
        from ...export.overview import cpr_schools, of_municipality

        error = self.query_one("#overview-error", Static)
        year_text = self.query_one("#year", Input).value
        output = self.query_one("#output", Input).value.strip()
        if len(year_text) != 4:
            error.update(S.OVERVIEW_BAD_YEAR)
            return
        if not output:
            error.update(S.EXPORT_NO_OUTPUT)
            return
        year = int(year_text)
        try:
            dialogues = self.app.store.dialogues_held_in(year)
            if dialogues:  # none: the export says so
                municipality = self.query_one("#municipality", Input).value
                dialogues = of_municipality(dialogues, municipality, year)
        except DialogError as e:
            error.update(str(e))
            return
        schools = cpr_schools(dialogues)
        if not schools:
            self.write(dialogues, year, Path(output).expanduser())
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.write(dialogues, year, Path(output).expanduser())

        question = S.OVERVIEW_CPR_CONFIRM.format(schools=join(schools))
        self.app.push_screen(ConfirmScreen(question), confirmed)

    def write(self, dialogues, year: int, output: Path) -> None:
        from ...export.document import user_template
        from ...export.overview import export_overview

        try:
            written = export_overview(
                dialogues,
                year,
                output,
                template=user_template(),
                case_number=self.query_one("#case-number", Input).value.strip(),
            )
        except DialogError as e:
            self.query_one("#overview-error", Static).update(str(e))
            return
        self.notify(S.OVERVIEW_DONE.format(path=written))
        self.dismiss(written)

    def action_cancel(self) -> None:
        self.dismiss(None)
