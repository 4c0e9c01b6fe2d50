"""Export the memo: output file, template (checked when it is picked), summary,
and the CPR check before anything leaves; or file it in one step (Ctrl+G) into
the case's folder. Shows the memo style (memo.toml) and template in use.
Dismisses with the written path, or None."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static

from ... import strings as S
from ...errors import DialogError
from ...export.cpr import CprFound, CprHit
from ...export.filing import file_memo, filing_name
from ...export.memo import default_file_name, export_memo
from ...export.opening import check_template, user_template
from ...export.style import LoadedStyle, MemoStyle, load_style
from ...files import check_output, database_files
from ...model import Dialogue
from ..background import own_store
from ..keys import with_ids
from ..settings import load_settings, remember
from ..widgets.field import FIELD_NAVIGATION, Field, after_typed
from .confirm import ConfirmScreen
from .pinned import fields_from_top

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
    CSS_PATH = ["modal.tcss", "export.tcss"]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # 80x24: no spare lines
    BINDING_GROUP_TITLE = S.HELP_GROUP_EXPORT
    BINDINGS = with_ids(
        "export",
        [
            *FIELD_NAVIGATION,
            Binding("ctrl+s", "export", S.EXPORT_BUTTON, priority=True),
            Binding("ctrl+g", "file", S.KEY_FILE, priority=True),
            Binding("escape", "cancel", S.EXPORT_BINDING_CANCEL),
        ],
    )

    def __init__(self, dialogue_id: int) -> None:
        super().__init__()
        self.dialogue_id = dialogue_id
        self.hits: list[CprHit] = []
        self.writing = False
        self.checked_template = ""
        self.filing = False  # Ctrl+G: the filing package, not one file

    def compose(self) -> ComposeResult:
        # Title and keys stay in view; the fields scroll between them (modal.tcss).
        with Vertical(classes="dialog -pinned", id="form"):
            yield Static(S.EXPORT_BINDING, classes="title")
            with VerticalScroll(classes="fields", can_focus=False):
                yield Label(S.EXPORT_OUTPUT_LABEL)
                yield Field(id="output", compact=True)
                yield Label(S.EXPORT_TEMPLATE_LABEL)
                yield Field(id="template", compact=True)
                yield Checkbox(S.EXPORT_SUMMARY_LABEL, value=True, id="summary")
                yield Checkbox(S.EXPORT_FIGURES_LABEL, value=False, id="figures")
                yield Label(S.EXPORT_FOLDER_LABEL)
                yield Field(id="folder", compact=True)
                yield Static("", id="style", classes="muted", markup=False)
                yield Static("", id="error", markup=False)
                with Horizontal(classes="buttons"):
                    yield Button(S.EXPORT_BUTTON, variant="primary", id="run")
                    yield Button(S.KEY_FILE, id="file")
                    yield Button(S.EXPORT_CANCEL, id="cancel")
            yield Static(S.EXPORT_KEYS, classes="muted hint")
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
        self.query_one("#folder", Input).value = str(default_output(self.dialogue).parent)
        self.query_one("#cpr").display = False
        style = self.style()
        if style is not None:
            self.query_one("#summary", Checkbox).value = style.style.summary
        self.show_style()
        field = self.query_one("#output", Input)
        field.focus()
        field.select_all()  # typing replaces the suggested path
        fields_from_top(self)

    def style(self) -> LoadedStyle | None:
        """The memo style in use; None (and the error shown) when memo.toml is bad."""
        try:
            return load_style()
        except DialogError as e:
            self.show_error(str(e))
            return None

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "template":
            self.show_style()

    def show_style(self) -> None:
        loaded = self.style()
        template = self.query_one("#template", Input).value.strip()
        self.query_one("#style", Static).update(
            S.EXPORT_STYLE_LINE.format(
                style=loaded.describe() if loaded else "-",
                template=template or S.EXPORT_TEMPLATE_DEFAULT,
            )
        )

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
        elif event.button.id == "file":
            self.action_file()
        else:  # cancel, or back to fix the text
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_export(self) -> None:
        after_typed(self, self.export)

    def action_file(self) -> None:
        after_typed(self, self.file)

    def export(self) -> None:
        self.filing = False
        self.start(Path(self.query_one("#output", Input).value.strip()).expanduser())

    def file(self) -> None:
        """The filing package into the folder: named by case number, school, date."""
        self.filing = True
        self.start(self.folder() / f"{filing_name(self.dialogue)}.docx")

    def folder(self) -> Path:
        return Path(self.query_one("#folder", Input).value.strip()).expanduser()

    def start(self, output: Path) -> None:
        if self.query_one("#cpr").display or self.writing:
            return
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
        if not output and not self.filing:
            self.show_error(S.EXPORT_NO_OUTPUT)
            return
        style = self.style()
        if style is None:
            return
        template = self.query_one("#template", Input).value.strip()
        self.writing = True
        self.show_error("")
        self.write_in_background(
            self.folder() if self.filing else Path(output).expanduser(),
            Path(template).expanduser() if template else None,
            style.style,
            summary=self.query_one("#summary", Checkbox).value,
            figures_table=self.query_one("#figures", Checkbox).value,
            confirmed=confirmed,
        )

    @work(thread=True, exclusive=True, group="export")
    def write_in_background(
        self,
        output: Path,
        template: Path | None,
        style: MemoStyle,
        *,
        summary: bool,
        figures_table: bool,
        confirmed: bool,
    ) -> None:
        """Re-read the dialogue (the notes may have changed since the screen opened)
        and write the memo (or, filing, the package into the folder ``output``),
        which refuses a CPR number unless confirmed: off the event loop."""
        call = self.app.call_from_thread
        try:
            if not self.filing:  # never the live database, a FIFO or a device
                check_output(output, protected=database_files(self.app.store.path))
            with own_store(self.app.store) as store:
                dialogue = store.get_dialogue(self.dialogue_id)
                figures = store.series_of(dialogue.school)
            write = file_memo if self.filing else export_memo
            written = write(
                dialogue,
                output,
                template=template,
                summary=summary,
                figures=figures,
                figures_table=figures_table,
                allow_cpr=confirmed,
                style=style,
            )
            path = written.docx if self.filing else written
        except CprFound as e:
            call(self.show_hits, e.hits)
            return
        except DialogError as e:
            call(self.failed, str(e))
            return
        call(self.written, path)

    def written(self, path: Path) -> None:
        self.writing = False
        if not self.filing:  # the next export starts where this one went
            template = self.query_one("#template", Input).value.strip()
            remember({LAST_FOLDER: str(path.parent), LAST_TEMPLATE: template})
        done = S.FILING_DONE if self.filing else S.EXPORT_DONE
        self.app.notify(done.format(path=path), markup=False)
        self.dismiss(path)

    def failed(self, message: str) -> None:
        self.writing = False
        self.query_one("#cpr").display = False
        self.query_one("#form").display = True
        self.show_error(message)

    def show_error(self, message: str) -> None:
        error = self.query_one("#error", Static)
        error.update(Text(message))  # it names a file
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
