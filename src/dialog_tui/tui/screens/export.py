"""Export the memo: output file, template (checked when it is picked), summary,
and the CPR check before anything leaves. Dismisses with the written path, or None."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static

from ... import strings as S
from ...errors import DialogError
from ...export.cpr import CprFound, CprHit
from ...export.memo import default_file_name, export_memo
from ...export.opening import check_template, user_template
from ...model import Dialogue
from ..background import own_store
from ..keys import with_ids
from ..settings import load_settings, remember
from ..widgets.field import FIELD_NAVIGATION, Field
from .confirm import ConfirmScreen

LAST_FOLDER = "export_folder"
LAST_TEMPLATE = "export_template"


def in_home(file_name: str) -> Path:
    """The file in the user's home folder, or in the current folder without a home."""
    home = Path.home()
    return (home if home.is_dir() else Path.cwd()) / file_name


def default_output(dialogue: Dialogue) -> Path:
    """``~/Referat <Skole> <dato>.docx``."""
    return in_home(default_file_name(dialogue))


class ExportScreen(ModalScreen[Path | None]):
    CSS_PATH = "export.tcss"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # 80x24: no spare lines
    BINDING_GROUP_TITLE = S.HELP_GROUP_EXPORT
    BINDINGS = with_ids(
        "export",
        [
            *FIELD_NAVIGATION,
            Binding("ctrl+s", "export", S.EXPORT_BUTTON, priority=True),
            Binding("escape", "cancel", S.EXPORT_BINDING_CANCEL),
        ],
    )

    def __init__(self, dialogue_id: int) -> None:
        super().__init__()
        self.dialogue_id = dialogue_id
        self.hits: list[CprHit] = []
        self.writing = False
        self.checked_template = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="form"):
            yield Static(S.EXPORT_BINDING, classes="title")
            yield Label(S.EXPORT_OUTPUT_LABEL)
            yield Field(id="output")
            yield Label(S.EXPORT_TEMPLATE_LABEL)
            yield Field(id="template")
            yield Checkbox(S.EXPORT_SUMMARY_LABEL, value=True, id="summary")
            yield Checkbox(S.EXPORT_FIGURES_LABEL, value=False, id="figures")
            yield Static("", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(S.EXPORT_BUTTON, variant="primary", id="run")
                yield Button(S.EXPORT_CANCEL, id="cancel")
        with Vertical(classes="dialog", id="cpr"):
            yield Static(S.EXPORT_CPR_TITLE, classes="title")
            yield Static(S.EXPORT_CPR_EXPLAIN, classes="muted")
            yield VerticalScroll(id="hits")
            with Horizontal(classes="buttons"):
                yield Button(S.EXPORT_CPR_FIX, variant="primary", id="fix")
                yield Button(S.EXPORT_CPR_CONFIRM, variant="error", id="confirm")

    def on_mount(self) -> None:
        self.dialogue = self.app.store.get_dialogue(self.dialogue_id)
        last = load_settings()  # the folder and template of the last export
        folder = Path(last.get(LAST_FOLDER, ""))
        output = (
            folder / default_file_name(self.dialogue)
            if last.get(LAST_FOLDER) and folder.is_dir()
            else default_output(self.dialogue)
        )
        self.query_one("#output", Input).value = str(output)
        remembered = Path(last.get(LAST_TEMPLATE, ""))
        template = remembered if last.get(LAST_TEMPLATE) and remembered.is_file() else None
        template = template or user_template()
        self.query_one("#template", Input).value = str(template) if template else ""
        self.query_one("#cpr").display = False
        field = self.query_one("#output", Input)
        field.focus()
        field.select_all()  # typing replaces the suggested path

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_export()

    def on_input_blurred(self, event: Input.Blurred) -> None:
        """A template is checked once when it is picked (the field is left), not
        only at export."""
        value = event.input.value.strip()
        if event.input.id == "template" and value and value != self.checked_template:
            self.checked_template = value
            self.check_in_background(Path(value).expanduser())

    @work(thread=True, exclusive=True, group="template-check")
    def check_in_background(self, template: Path) -> None:
        try:
            check_template(template)
        except DialogError as e:
            self.app.call_from_thread(self.show_error, str(e))
            return
        self.app.call_from_thread(self.show_error, S.EXPORT_TEMPLATE_OK)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "confirm":
            self.write(confirmed=True)
        elif event.button.id == "run":
            self.action_export()
        else:  # cancel, or back to fix the text
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_export(self) -> None:
        if self.query_one("#cpr").display or self.writing:
            return
        output = Path(self.query_one("#output", Input).value.strip()).expanduser()
        if not output.is_file():
            self.write(confirmed=False)
            return

        def overwrite(yes: bool | None) -> None:
            if yes:
                self.write(confirmed=False)

        # The case handler may have edited last export in Word since.
        question = S.EXPORT_OVERWRITE.format(path=output)
        self.app.push_screen(ConfirmScreen(question), overwrite)

    def write(self, *, confirmed: bool) -> None:
        output = self.query_one("#output", Input).value.strip()
        if not output:
            self.show_error(S.EXPORT_NO_OUTPUT)
            return
        template = self.query_one("#template", Input).value.strip()
        self.writing = True
        self.show_error("")
        self.write_in_background(
            Path(output).expanduser(),
            Path(template).expanduser() if template else None,
            summary=self.query_one("#summary", Checkbox).value,
            figures_table=self.query_one("#figures", Checkbox).value,
            confirmed=confirmed,
        )

    @work(thread=True, exclusive=True, group="export")
    def write_in_background(
        self,
        output: Path,
        template: Path | None,
        *,
        summary: bool,
        figures_table: bool,
        confirmed: bool,
    ) -> None:
        """Re-read the dialogue (the notes may have changed since the screen opened)
        and write the memo, which refuses a CPR number unless confirmed: off the
        event loop."""
        call = self.app.call_from_thread
        try:
            with own_store(self.app.store) as store:
                dialogue = store.get_dialogue(self.dialogue_id)
                figures = store.series_of(dialogue.school)
            path = export_memo(
                dialogue,
                output,
                template=template,
                summary=summary,
                figures=figures,
                figures_table=figures_table,
                allow_cpr=confirmed,
            )
        except CprFound as e:
            call(self.show_hits, e.hits)
            return
        except DialogError as e:
            call(self.failed, str(e))
            return
        call(self.written, path)

    def written(self, path: Path) -> None:
        self.writing = False
        template = self.query_one("#template", Input).value.strip()
        remember({LAST_FOLDER: str(path.parent), LAST_TEMPLATE: template})
        self.app.notify(S.EXPORT_DONE.format(path=path))
        self.dismiss(path)

    def failed(self, message: str) -> None:
        self.writing = False
        self.query_one("#cpr").display = False
        self.query_one("#form").display = True
        self.show_error(message)

    def show_error(self, message: str) -> None:
        error = self.query_one("#error", Static)
        error.update(message)
        self.call_after_refresh(error.scroll_visible)

    def show_hits(self, hits: list[CprHit]) -> None:
        self.writing = False
        self.hits = hits
        box = self.query_one("#hits", VerticalScroll)
        box.remove_children()
        box.mount_all(
            Static(
                S.EXPORT_CPR_HIT.format(place=h.place, number=h.number, context=h.context)
                + (S.EXPORT_CPR_CHECKSUM if h.checksum else ""),
                classes="hit",
                markup=False,
            )
            for h in self.hits
        )
        self.query_one("#form").display = False
        self.query_one("#cpr").display = True
        self.query_one("#fix", Button).focus()
