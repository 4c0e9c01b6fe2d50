"""The app only wires screens together; each screen lives in its own module."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header

from .. import strings as S
from ..store import Store


class DialogApp(App):
    TITLE = "dialog-tui"

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*S.CLI_LIST_HEADER)
        for r in self.store.list_dialogues():
            table.add_row(str(r.id), r.held_on.isoformat(), r.school, S.STATUS[r.status],
                          r.case_number)  # fmt: skip


def run_app(db_path: Path) -> None:
    store = Store.open(db_path)
    try:
        DialogApp(store).run()
    finally:
        store.close()
