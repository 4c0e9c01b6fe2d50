"""Full-text search over notes (FTS5, raw SQL: the index and its filter tokens
are kept in step by the triggers of migrations 3 and 4)."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date

from .. import strings as S
from ..errors import StoreError
from ..model import KINDS, MARK_END, MARK_START, THEME_KEY, THEMES, SearchHit
from .connection import StoreBase
from .rows import check_year


class Search(StoreBase):
    def search(
        self,
        query: str,
        *,
        school: str | None = None,
        year: int | None = None,
        kind: str | None = None,
        theme: str | None = None,
        limit: int = 100,
        prefixes: bool = False,
    ) -> list[SearchHit]:
        """Notes matching ``query`` (words ANDed, ``"phrases"``, ``prefix*``) and every
        filter given, newest first: at most ``limit``, the most recently written
        matches, shown by date and agenda order. An empty query with a filter lists
        everything the filters select. Internal notes are found (tagged
        ``internal``); binned dialogues are not. ``prefixes``: every word matches
        the beginning of a word (search as you type: "læs" finds "Læsning")."""
        if kind is not None and kind not in KINDS:
            raise StoreError(S.SEARCH_BAD_KIND.format(kind=kind, known=", ".join(KINDS)))
        # Any theme key (themes.toml says which there are); what is not one is refused.
        if theme is not None and not re.match(THEME_KEY, theme):
            raise StoreError(S.SEARCH_BAD_THEME.format(theme=theme, known=", ".join(THEMES)))
        if limit < 1:
            raise StoreError(S.SEARCH_BAD_LIMIT)
        check_year(year)
        filters = []
        names = self._school_names(school, prefix=True)
        if names is not None:
            if not names:
                return []
            # Each stored name's token, made by SQLite as the triggers make it.
            tokens = [
                self._query("SELECT 's' || hex(lower(?)) AS token", (name,))[0]["token"]
                for name in names
            ]
            filters.append("(" + " OR ".join(tokens) + ")")
        if year is not None:
            filters.append(f"y{year}")
        filters += ["t" + tag.replace("-", "") for tag in (kind, theme) if tag]
        words = fts_query(query, prefixes=prefixes)
        parts = ([f"text : ({words})"] if words else []) + (
            [f"meta : ({' AND '.join(filters)})"] if filters else []
        )
        if not parts:
            return []
        sql = """SELECT d.id AS dialogue_id, d.school, d.held_on, a.position AS item_pos,
               a.title AS item_title, n.id AS note_id, n.position, n.text, n.tags,
               n.internal, snippet(notes_search, 0, ?, ?, '…', 16) AS snippet
               FROM notes_search JOIN notes n ON n.id = notes_search.rowid
               JOIN agenda_items a ON a.id = n.agenda_item_id
               JOIN dialogues d ON d.id = a.dialogue_id
               WHERE notes_search MATCH ? AND d.deleted_at IS NULL
               ORDER BY notes_search.rowid DESC LIMIT ?"""
        try:
            found = self._query(sql, (MARK_START, MARK_END, " AND ".join(parts), limit))
        except sqlite3.OperationalError as e:  # fts_query keeps this from happening
            raise StoreError(S.INVALID_VALUE.format(reason=e)) from None
        found.sort(key=lambda r: (r["held_on"], r["dialogue_id"], -r["item_pos"], -r["position"]),
                   reverse=True)  # fmt: skip
        return [
            SearchHit(
                dialogue_id=r["dialogue_id"],
                school=r["school"],
                held_on=date.fromisoformat(r["held_on"]),
                item_number=r["item_pos"] + 1,
                item_title=r["item_title"],
                note_id=r["note_id"],
                text=r["text"],
                snippet=r["snippet"],
                tags=json.loads(r["tags"]) + (["internal"] if r["internal"] else []),
            )
            for r in found
        ]


def fts_query(text: str, *, prefixes: bool = False) -> str:
    """Turn what a user types into a safe FTS5 query: words ANDed, ``"phrases"``
    kept, a trailing ``*`` (or every word, with ``prefixes``) as prefix; FTS
    syntax characters never raise."""
    parts: list[str] = []
    for i, chunk in enumerate(text.split('"')):
        if i % 2:  # inside quotes: a phrase
            words = chunk.split()
            if words:
                parts.append('"' + " ".join(words) + '"')
            continue
        for word in chunk.split():
            prefix = prefixes or word.endswith("*")
            word = "".join(ch for ch in word if ch.isalnum() or ch in "-_")
            word = word.replace("-", " ").strip()
            if word:
                parts.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(parts)
