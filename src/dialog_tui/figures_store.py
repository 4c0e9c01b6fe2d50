"""Key figures in the database: load (one transaction, upsert) and read back.

Self-contained beside ``store.py``: it takes the store's connection and its
transaction helper, and creates its table (``figures.sql``) on first use.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from .figures_model import KeyFigure, Series, build_series, key

SCHEMA = (Path(__file__).with_name("figures.sql")).read_text(encoding="utf-8")
_COLUMNS = (
    "school, indicator, school_year, comparison, value, unit, source, retrieved, confidential"
)

Transaction = Callable[[], AbstractContextManager[sqlite3.Connection]]


class _StoreLike(Protocol):
    """What of ``store.Store`` the figures need: its connection and transactions."""

    conn: sqlite3.Connection

    def _tx(self) -> AbstractContextManager[sqlite3.Connection]: ...


@dataclass
class LoadResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0


class FigureStore:
    """The named API over the ``key_figures`` table."""

    def __init__(self, conn: sqlite3.Connection, transaction: Transaction) -> None:
        self.conn = conn
        self._tx = transaction
        self._ready = False

    @classmethod
    def of(cls, store: _StoreLike) -> FigureStore:
        return cls(store.conn, store._tx)

    def _exists(self) -> bool:
        if not self._ready:
            self._ready = bool(
                self.conn.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'key_figures'"
                ).fetchone()
            )
        return self._ready

    def _ensure_table(self) -> None:
        """Create the table on the first load (reading never writes)."""
        if not self._exists():
            with self._tx() as c:
                c.execute(SCHEMA)
            self._ready = True

    def load(self, figures: Sequence[KeyFigure]) -> LoadResult:
        """Add or update every figure in one transaction: all of them, or none."""
        self._ensure_table()
        result = LoadResult()
        now = datetime.now().isoformat(timespec="seconds")
        with self._tx() as c:
            for f in figures:
                row = (
                    f.school, f.indicator, f.school_year, f.comparison, f.value, f.unit,
                    f.source, f.retrieved.isoformat() if f.retrieved else None,
                    int(f.confidential),
                )  # fmt: skip
                keys = (key(f.school), key(f.indicator), f.school_year, key(f.comparison))
                old = c.execute(
                    f"SELECT {_COLUMNS} FROM key_figures WHERE school_key = ? AND "
                    "indicator_key = ? AND school_year = ? AND comparison_key = ?",
                    keys,
                ).fetchone()
                if old == row:
                    result.unchanged += 1
                    continue
                c.execute(
                    f"INSERT INTO key_figures ({_COLUMNS}, school_key, indicator_key, "
                    "comparison_key, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (school_key, indicator_key, school_year, comparison_key) "
                    "DO UPDATE SET school = excluded.school, indicator = excluded.indicator, "
                    "comparison = excluded.comparison, value = excluded.value, "
                    "unit = excluded.unit, source = excluded.source, "
                    "retrieved = excluded.retrieved, confidential = excluded.confidential, "
                    "loaded_at = excluded.loaded_at",
                    (*row, keys[0], keys[1], keys[3], now),
                )
                if old is None:
                    result.added += 1
                else:
                    result.updated += 1
        return result

    def _rows(self, sql: str, params: Sequence[object] = ()) -> Iterator[tuple]:
        if self._exists():
            yield from self.conn.execute(sql, params)

    def schools(self) -> list[str]:
        """Every school with figures, as last written."""
        return [
            r[0] for r in self._rows("SELECT max(school) FROM key_figures GROUP BY school_key")
        ]

    def figures(self, school: str) -> list[KeyFigure]:
        rows = self._rows(
            f"SELECT {_COLUMNS} FROM key_figures WHERE school_key = ? "
            "ORDER BY indicator_key, comparison_key, school_year",
            (key(school),),
        )
        names = _COLUMNS.split(", ")
        return [KeyFigure.model_validate(dict(zip(names, r, strict=True))) for r in rows]

    def confidential_indicators(self) -> set[str]:
        """Indicator keys marked confidential in any school's figures."""
        sql = "SELECT DISTINCT indicator_key FROM key_figures WHERE confidential"
        return {r[0] for r in self._rows(sql)}

    def series(self, school: str) -> list[Series]:
        """The school's series, by indicator name."""
        return build_series(self.figures(school), self.confidential_indicators())

    def by_school(self, schools: Iterable[str]) -> dict[str, list[Series]]:
        """Each school's series, keyed by the name as given."""
        return {school: self.series(school) for school in set(schools)}
