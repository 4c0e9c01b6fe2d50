"""The baseline for the dialogue list: a bare Textual app with the same built-in
widgets as the list screen, its table filled from one plain SELECT: every row, or
with FIRST only the first FIRST rows (the floor for the list's first frame).

python benchmarks/bare_list_app.py DB [FIRST]
"""

from __future__ import annotations

import sqlite3
import sys

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

COLUMNS = ("Dato", "Skole", "Status", "Sagsnr.", "Sagsbeh.")
SELECT = """SELECT id, held_on, school, status, case_number, case_handler FROM dialogues
            WHERE deleted_at IS NULL ORDER BY held_on DESC, id DESC"""


def bare_rows(conn: sqlite3.Connection, first: int | None = None) -> list[tuple]:
    return conn.execute(f"{SELECT} LIMIT ?", (-1 if first is None else first,)).fetchall()


class BareListScreen(Screen):
    def __init__(self, conn: sqlite3.Connection, first: int | None = None) -> None:
        super().__init__()
        self.conn = conn
        self.first = first

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Dialoger")
        yield Input(placeholder="Filtrér")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Static("")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        for id_, held_on, school, status, case_number, handler in bare_rows(self.conn, self.first):
            table.add_row(held_on, school, status, case_number, handler, key=str(id_))
        self.query_one(Input).focus()


class BareListApp(App):
    def __init__(self, db: str, first: int | None = None) -> None:
        super().__init__()
        self.conn = sqlite3.connect(db)
        self.first = first

    def on_mount(self) -> None:
        self.push_screen(BareListScreen(self.conn, self.first))


if __name__ == "__main__":
    BareListApp(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else None).run()
