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
            yield Label(S.FORM_CASE_NUMBER)
            yield Field(id="case-number")
            yield Static("", id="overview-error", classes="error")
            yield Static(S.OVERVIEW_KEYS, classes="muted")

    def on_input_changed(self, event: Input.Changed) -> None:
        """The file name follows the year, until the user writes a name of their own."""
        if event.input.id != "year" or len(event.value) != 4:
            return
        output = self.query_one("#output", Input)
        if output.value == str(default_output(self.year)):
            self.year = int(event.value)
            output.value = str(default_output(self.year))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_export()

    def action_export(self) -> None:
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
        dialogues = self.app.store.dialogues_held_in(year)
        self.write(dialogues, year, Path(output).expanduser(), allow_cpr=False)

    def write(self, dialogues, year: int, output: Path, *, allow_cpr: bool) -> None:
        from ...export.cpr import CprFound, describe_places
        from ...export.opening import user_template
        from ...export.overview import export_overview

        try:
            written = export_overview(
                dialogues,
                year,
                output,
                template=user_template(),
                case_number=self.query_one("#case-number", Input).value.strip(),
                allow_cpr=allow_cpr,
            )
        except CprFound as e:

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.write(dialogues, year, output, allow_cpr=True)

            question = S.OVERVIEW_CPR_CONFIRM.format(places=describe_places(e.hits))
            self.app.push_screen(ConfirmScreen(question), confirmed)
            return
        except DialogError as e:
            self.query_one("#overview-error", Static).update(str(e))
            return
        self.notify(S.OVERVIEW_DONE.format(path=written))
        self.dismiss(written)

    def action_cancel(self) -> None:
        self.dismiss(None)
