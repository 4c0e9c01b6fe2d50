"""The dialogue list past its first page: the rest read by a worker in keyset pages
and added to the table in one go (what the user sees: the rows, their order, the
screen after scrolling, the cursor, the filter over every page)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from rich.text import Text
from textual.app import App
from textual.widgets import DataTable

from dialog_tui import strings as S
from dialog_tui.errors import DatabaseGone
from dialog_tui.model import Dialogue
from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp
from dialog_tui.tui.screens import dialogues
from dialog_tui.tui.widgets.measured_table import MeasuredTable, cell_width, widest

from .conftest import settle, type_text

COUNT = dialogues.FIRST_ROWS * 3 + 7
OLDEST = "Ældsteskolen"


@pytest.fixture
def long_store(db_path, monkeypatch):
    """COUNT dialogues a day apart, the oldest at OLDEST; the worker reads pages of
    40 rows, so the rest comes in several keyset pages."""
    monkeypatch.setattr(dialogues, "PAGE_ROWS", 40)
    store = Store.open(db_path)
    schools = [OLDEST] + [f"Skole {day:03d}" for day in range(1, COUNT)]
    for day, school in enumerate(schools):  # oldest first
        held_on = date(2020, 1, 1) + timedelta(days=day)
        store.create_dialogue(Dialogue(school=school, held_on=held_on, case_number=f"S-{day}"))
    yield store, schools[::-1]
    store.close()


def schools_in_table(app) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


def screen_text(app) -> str:
    """The terminal's text as the user sees it (the SVG screenshot's characters)."""
    return app.export_screenshot().replace("&#160;", " ")


async def filled(pilot) -> None:
    await settle(pilot)
    await pilot.pause()


async def test_first_page_at_once_then_every_row_and_the_end_shows_the_oldest(long_store):
    store, newest_first = long_store
    app = DialogApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert schools_in_table(app)[:3] == newest_first[:3]
        assert newest_first[0] in screen_text(app) and OLDEST not in screen_text(app)
        await filled(pilot)
        assert schools_in_table(app) == newest_first  # every page, in order, once
        await pilot.press(*["pagedown"] * (COUNT // 10 + 1))
        await pilot.pause()
        shown = screen_text(app)
        assert OLDEST in shown and newest_first[0] not in shown
        table = app.screen.query_one(DataTable)
        assert table.cursor_row == COUNT - 1
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.dialogue.school == OLDEST


async def test_the_filter_and_the_cursor_work_over_every_page(long_store):
    store, newest_first = long_store
    app = DialogApp(store)
    async with app.run_test() as pilot:
        await pilot.pause()
        await type_text(pilot, "ældste")  # typed before the rest is read
        await filled(pilot)
        assert schools_in_table(app) == [OLDEST]  # a row of the last page
        for _ in "ældste":
            await pilot.press("backspace")
        assert schools_in_table(app) == newest_first
        await type_text(pilot, "s-2")  # case numbers S-2, S-2x, S-2xx: over 100 rows
        await pilot.pause()
        days = [s for s in newest_first if s != OLDEST and str(int(s[-3:])).startswith("2")]
        assert len(days) > dialogues.FIRST_ROWS
        assert schools_in_table(app) == days
        for _ in "s-2":
            await pilot.press("backspace")
        await pilot.press(*["pagedown"] * 20)  # onto a row of a later page
        table = app.screen.query_one(DataTable)
        chosen = schools_in_table(app)[table.cursor_row]
        assert newest_first.index(chosen) >= dialogues.FIRST_ROWS
        app.screen.reload()  # as when back from a meeting: the first page again
        await filled(pilot)
        assert schools_in_table(app)[table.cursor_row] == chosen
        assert chosen in screen_text(app)


async def test_the_bin_pages_too_and_the_list_comes_back(long_store):
    store, newest_first = long_store
    binned = [d.id for d in store.list_dialogues()[: dialogues.FIRST_ROWS + 20]]
    for dialogue_id in binned:
        store.delete_dialogue(dialogue_id)
    app = DialogApp(store)
    async with app.run_test() as pilot:
        await filled(pilot)
        assert schools_in_table(app) == newest_first[len(binned) :]
        await pilot.press("ctrl+b")
        await filled(pilot)
        assert schools_in_table(app) == newest_first[: len(binned)]
        await pilot.press("ctrl+b")
        await filled(pilot)
        assert schools_in_table(app) == newest_first[len(binned) :]


async def test_the_rest_unreadable_keeps_the_first_page_and_says_so(long_store, monkeypatch):
    store, newest_first = long_store

    def gone(store):
        raise DatabaseGone("Databasen er væk")

    monkeypatch.setattr(dialogues, "own_store", gone)
    app = DialogApp(store)
    async with app.run_test() as pilot:
        await filled(pilot)
        assert schools_in_table(app) == newest_first[: dialogues.FIRST_ROWS]
        said = [str(n.message) for n in app._notifications]
        assert S.LIST_REST_FAILED.format(message="Databasen er væk") in said
        assert app.is_running


# --- MeasuredTable against DataTable ----------------------------------------------

CELLS = [
    ("1.3.2025", "Ærøskolen", "kladde", "17.01.00-G01-1-25", "OKW"),
    ("12.11.2024", "学校 Nord", "afholdt", "", "Ø"),
    ("1.1.2020", "Skole [b]fed[/b] 🙂", "endelig", "x" * 40, ""),
]


class Tables(App):
    def compose(self):
        yield DataTable(id="plain")
        yield MeasuredTable(id="measured")


async def test_measured_rows_are_the_rows_add_row_makes():
    app = Tables()
    async with app.run_test() as pilot:
        plain, measured = app.query_one("#plain", DataTable), app.query_one(MeasuredTable)
        for table in (plain, measured):
            table.add_columns(*S.LIST_COLUMNS)
        rows = [(str(i), tuple(map(Text, cells))) for i, cells in enumerate(CELLS)]
        for key, cells in rows:
            plain.add_row(*cells, key=key)
        measured.add_measured_rows(rows, widest([tuple(map(cell_width, c)) for _, c in rows]))
        await pilot.pause()
        assert measured.row_count == plain.row_count == len(CELLS)
        for i in range(len(CELLS)):
            assert measured.get_row_at(i) == plain.get_row_at(i)
        assert [c.content_width for c in measured.ordered_columns] == [
            c.content_width for c in plain.ordered_columns
        ]
        assert measured.virtual_size == plain.virtual_size
        assert measured._y_offsets == plain._y_offsets
        assert measured.cursor_coordinate == plain.cursor_coordinate
        with pytest.raises(Exception, match="already exists"):
            measured.add_measured_rows(rows[:1], [1] * 5)
        with pytest.raises(ValueError):
            measured.add_row(*rows[0][1], key="tall", height=2)
