"""The school's key figures: loaded from a file in one transaction (all or
nothing, an existing value updated, never duplicated) and read back as series."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ..figures_model import KeyFigure, Series, build_series, key
from .connection import StoreBase
from .rows import now

_COLUMNS = (
    "school, indicator, school_year, comparison, value, unit, source, retrieved, confidential"
)
_NAMES = _COLUMNS.split(", ")


@dataclass
class LoadResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0


class Figures(StoreBase):
    def load_figures(self, figures: Sequence[KeyFigure]) -> LoadResult:
        """Add or update every figure in one transaction: all of them, or none."""
        result = LoadResult()
        loaded_at = now()
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
                    (*row, keys[0], keys[1], keys[3], loaded_at),
                )
                if old is None:
                    result.added += 1
                else:
                    result.updated += 1
        return result

    def figure_schools(self) -> list[str]:
        """Every school with key figures, as last written."""
        rows = self._query("SELECT max(school) AS school FROM key_figures GROUP BY school_key")
        return [r["school"] for r in rows]

    def key_figures(self, school: str) -> list[KeyFigure]:
        rows = self._query(
            f"SELECT {_COLUMNS} FROM key_figures WHERE school_key = ? "
            "ORDER BY indicator_key, comparison_key, school_year",
            (key(school),),
        )
        return [_figure(r) for r in rows]

    def series_of(self, school: str) -> list[Series]:
        """The school's series by indicator name; an indicator marked confidential
        for any school is confidential for all (the flag belongs to the indicator)."""
        with self._read():
            figures = self.key_figures(school)
            secret = self._query(
                "SELECT DISTINCT indicator_key FROM key_figures WHERE confidential"
            )
        return build_series(figures, {r["indicator_key"] for r in secret})

    def series_by_school(self, schools: Iterable[str]) -> dict[str, list[Series]]:
        """Each school's series, keyed by the name as given."""
        return {school: self.series_of(school) for school in set(schools)}


def _figure(r: dict) -> KeyFigure:
    """A row as stored (it was validated on its way in)."""
    return KeyFigure(
        **{n: r[n] for n in _NAMES if n not in ("retrieved", "confidential")},
        retrieved=date.fromisoformat(r["retrieved"]) if r["retrieved"] else None,
        confidential=bool(r["confidential"]),
    )
