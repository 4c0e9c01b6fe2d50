"""A DataTable that takes many rows at once without measuring each of their cells.

DataTable measures every cell of every new row on the next idle (a Rich
measurement per cell: 500,000 of them, ~10 s, for 100,000 dialogues of five
columns). Rows whose cells are one-line ``Text`` can be measured by their maker
instead, off the event loop, as the cell length of the text: the same width
DataTable's own measurement gives such a cell. And ``add_row`` sets a reactive
and rebuilds the column list for every row (20 µs a row, 2 s for 100,000); here
that is done once for all the rows added together.

Written against Textual 8.2.8's DataTable (pinned in pyproject.toml): it fills
the same private structures ``add_row`` fills (tests/tui/test_list_pages.py
compares the two)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import CellType, DuplicateKey, Row, RowKey

from ..collector import collector_paused


def cell_width(cell: Text) -> int:
    """The width DataTable would measure for ``cell``: its longest line."""
    return max((cell_len(line) for line in cell.plain.splitlines()), default=0)


def widest(widths: Iterable[Sequence[int]]) -> list[int]:
    """Per column, the largest of the rows' cell widths (none for no rows)."""
    return [max(column) for column in zip(*widths, strict=True)]


class MeasuredTable(DataTable):
    """``add_measured_rows``: rows whose column widths are already known. Every
    row is one line high (``add_row``'s default; ``add_row`` with another height
    is refused)."""

    def add_row(self, *cells: CellType, height: int | None = 1, **kwargs: Any) -> RowKey:
        if height != 1:
            raise ValueError("A MeasuredTable's rows are one line high.")
        return super().add_row(*cells, **kwargs)

    @property
    def _y_offsets(self) -> list[tuple[RowKey, int]]:
        """DataTable's line index (row and line within it, per line), rebuilt after
        every change: with one line a row, in one pass instead of a list per row."""
        cache = self._offset_cache
        if self._update_count not in cache:
            with collector_paused():
                cache[self._update_count] = [(row.key, 0) for row in self.ordered_rows]
        return cache[self._update_count]

    def add_measured_rows(
        self, rows: Iterable[tuple[str, Sequence[Text]]], widths: Sequence[int]
    ) -> None:
        """Add ``(key, cells)`` rows at the bottom; ``widths`` is, per column, the
        widest of their cells (``cell_width``). The rows are left out of the next
        idle's measuring; the table's size is still updated then."""
        columns = self.ordered_columns
        keys = [column.key for column in columns]
        locations, data, table_rows = self._row_locations, self._data, self.rows
        was_empty = not table_rows
        with collector_paused():
            for key, cells in rows:  # what add_row does for a one-line row without label
                row_key = RowKey(key)
                if row_key in locations:
                    raise DuplicateKey(f"The row key {row_key!r} already exists.")
                if len(cells) != len(keys):
                    raise ValueError("A measured row has a cell for every column.")
                locations[row_key] = len(table_rows)
                data[row_key] = dict(zip(keys, cells, strict=True))
                table_rows[row_key] = Row(row_key, 1)
        for column, width in zip(columns, widths, strict=False):
            column.content_width = max(column.content_width, width)
        self._require_update_dimensions = True  # the size, on the next idle
        self.cursor_coordinate = self.cursor_coordinate  # clamped to the rows there are
        if (
            was_empty
            and table_rows
            and columns
            and self.show_cursor
            and self.cursor_type != "none"
        ):
            self._highlight_cursor()  # a cursor to show now, as add_row does
        self._update_count += 1
        self.check_idle()
