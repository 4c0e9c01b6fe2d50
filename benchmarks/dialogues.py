"""Many dialogues: search, the store's dialogue list, and opening the list screen.

Search is timed against SQLite's own ``LIKE`` scan for the same words (what a
search without the FTS index would cost); ``Store.list_dialogues`` against a
bare ``SELECT`` of the same columns; the real ``DialoguesScreen`` (pushed in
the app, until its table holds every row and the screen has processed what
that queued: layout, column widths) against a bare Textual screen with the
same widgets filled from that bare ``SELECT``: its first frame with the first
100 rows only (the floor for showing a screenful), its fill with every row.
Sizes 100 to 100 000 dialogues (``--quick``: 100 and 1 000).

python -m benchmarks.dialogues [--quick]
"""

from __future__ import annotations

import asyncio
import sqlite3
import statistics
import sys
import time
from functools import partial
from pathlib import Path

from .bare_list_app import BareListScreen, bare_rows
from .common import pct, row
from .data import LIST_SIZES, SEARCH_QUERIES, list_db

SEARCH_GOAL_MS = 50.0
LIKE = "LIKE scan of the words"
LIST_GOAL_MS = 100.0
SEARCH_FILTERS = {"school": "Skole 07", "year": 2020, "kind": "goal", "theme": "trivsel"}
"""The filters of the filtered search figure, all at once (Store.search only)."""


def _like_patterns(query: str) -> list[str]:
    """What a search without FTS would do with the same query: a LIKE per word or phrase."""
    parts = query.split('"')
    patterns = [f"%{p.strip()}%" for p in parts[1::2] if p.strip()]
    for chunk in parts[0::2]:
        patterns += [f"%{w.rstrip('*')}%" for w in chunk.split()]
    return patterns


def _like_scan(conn: sqlite3.Connection, query: str, limit: int) -> list[tuple]:
    patterns = _like_patterns(query)
    where = " AND ".join("n.text LIKE ?" for _ in patterns)
    return conn.execute(
        f"""SELECT a.dialogue_id, n.id, n.text FROM notes n
            JOIN agenda_items a ON a.id = n.agenda_item_id
            WHERE {where} LIMIT ?""",
        (*patterns, limit),
    ).fetchall()


def _timed(fn, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def search(db: Path, rounds: int) -> list[tuple[str, list[float], list[float]]]:
    """(variant, our times, LIKE times) in ms over every query, ``rounds`` times each."""
    from dialog_tui.store import Store

    limit = 100
    conn = sqlite3.connect(db)
    variants = []
    with Store.open(db) as store:
        if hasattr(store, "search"):
            variants.append(("Store.search", lambda q: store.search(q, limit=limit)))
            filtered = partial(store.search, limit=limit, **SEARCH_FILTERS)
            variants.append(("Store.search, filtered", filtered))
        else:
            variants.append(("Store.search_notes", lambda q: store.search_notes(q, limit=limit)))
        results = []
        for name, fn in variants:
            ours, like = [], []
            for _ in range(rounds):  # interleaved, so both see the same cache state
                for q in SEARCH_QUERIES:
                    ours += _timed(lambda q=q, fn=fn: fn(q), 1)
                    like += _timed(lambda q=q: _like_scan(conn, q, limit), 1)
            results.append((name, ours, like))
    conn.close()
    return results


def store_list(db: Path, rounds: int) -> tuple[float, float]:
    """Median ms of ``Store.list_dialogues()`` and of the bare SELECT."""
    from dialog_tui.store import Store

    conn = sqlite3.connect(db)
    with Store.open(db) as store:
        ours = _timed(store.list_dialogues, rounds)
        base = _timed(lambda: bare_rows(conn), rounds)
    conn.close()
    return statistics.median(ours), statistics.median(base)


async def _settled(pilot, table, rows: int) -> None:
    """Until the table holds ``rows`` rows and has measured them (DataTable does
    that on idle) and the screen has processed what that queued."""
    while table.row_count < rows:
        await asyncio.sleep(0)
    await pilot._wait_for_screen()
    while table._require_update_dimensions:
        await asyncio.sleep(0)


async def _open_screen(app, make_screen, rows: int, first: int, rounds: int):
    """Push a fresh list screen ``rounds`` times: ms until a frame is painted with the
    first ``first`` rows in the table and measured, and until every row is in."""
    from textual.widgets import DataTable

    shown, filled = [], []
    painted: list[float] = []
    display = app._display

    def timed_display(screen, renderable) -> None:
        display(screen, renderable)
        tables = screen.query(DataTable)
        table = tables.first() if tables else None
        if (renderable is not None and table is not None and not painted
                and table.row_count >= min(first, rows)
                and not table._require_update_dimensions):  # fmt: skip
            painted.append(time.perf_counter())

    app._display = timed_display
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(rounds):
            painted.clear()
            start = time.perf_counter()
            screen = make_screen()
            await app.push_screen(screen)
            table = screen.query_one(DataTable)
            while not painted:
                await asyncio.sleep(0)
            shown.append((painted[0] - start) * 1000)
            await _settled(pilot, table, rows)
            filled.append((time.perf_counter() - start) * 1000)
            await app.pop_screen()
            await pilot.pause()
    return statistics.median(shown), statistics.median(filled)


def list_screen(db: Path, rounds: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """((shown, filled) of the real DialoguesScreen, (shown, filled) of the bare list),
    ms. The bare list's first frame is timed with only the first rows in its table
    (the floor: a table showing a screenful), its fill with every row."""
    from textual.app import App

    from dialog_tui.store import Store
    from dialog_tui.tui.app import DialogApp
    from dialog_tui.tui.screens import dialogues as screen_module
    from dialog_tui.tui.screens.dialogues import DialoguesScreen

    conn = sqlite3.connect(db, check_same_thread=False)
    rows = len(bare_rows(conn))
    first = min(rows, getattr(screen_module, "FIRST_ROWS", rows))
    with Store.open(db) as store:

        class EmptyApp(DialogApp):
            CSS_PATH = Path(sys.modules[DialogApp.__module__].__file__).with_name("app.tcss")

            def on_mount(self, event) -> None:
                event.prevent_default()  # start empty: the benchmark pushes the list

        ours = asyncio.run(_open_screen(EmptyApp(store), DialoguesScreen, rows, first, rounds))
    base_shown, _ = asyncio.run(
        _open_screen(App(), lambda: BareListScreen(conn, first), first, first, rounds)
    )
    _, base_filled = asyncio.run(
        _open_screen(App(), lambda: BareListScreen(conn), rows, first, rounds)
    )
    conn.close()
    return ours, (base_shown, base_filled)


def run(quick: bool = False) -> list[dict]:
    sizes = LIST_SIZES[:2] if quick else LIST_SIZES
    out: list[dict] = []
    for n in sizes:
        rounds = 3 if quick or n > 10_000 else 10
        db = list_db(n)
        size = f"{n:,} dialogues".replace(",", " ")
        if n <= 10_000:  # 50 notes a dialogue up to here; the 100 000 file has 5
            for name, ours, like in search(db, rounds):
                p95, base = pct(ours, 95), pct(like, 95)
                out.append(row(f"search p95, {name}", size, p95, base, "ms", against=LIKE,
                               goal="≤ 50 ms", met=p95 <= SEARCH_GOAL_MS))  # fmt: skip
        ours, base = store_list(db, rounds)
        out.append(row("Store.list_dialogues", size, ours, base, "ms", against="bare SELECT"))
        (shown, filled), (base_shown, base_filled) = list_screen(db, max(3, rounds // 2))
        out.append(row("open the dialogue list (first 100 rows shown)", size, shown,
                       base_shown, "ms", against="bare Textual list of 100 rows",
                       goal="≤ 100 ms", met=shown <= LIST_GOAL_MS))  # fmt: skip
        out.append(row("open the dialogue list (every row in the table)", size, filled,
                       base_filled, "ms", against="bare Textual list"))  # fmt: skip
    return out


if __name__ == "__main__":
    from .run import print_table

    print_table(run(quick="--quick" in sys.argv))
