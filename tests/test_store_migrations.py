"""Frozen migrations: every shipped schema migrates to the same schema as a
fresh file, and the databases earlier versions wrote read back whole."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from dialog_tui.gate import dumped
from dialog_tui.store import APPLICATION_ID, SCHEMA_VERSION, Store, migrate

FIXTURES = Path(__file__).parent / "fixtures"
SHIPPED = {
    "0001_initial.sql": "68d8f3696d5dfcbbf527491376d873e1bbffa91f",
    "0002_edit_locks.sql": "22f1a0e6e33ff71b9c8219d65a103917e6664271",
    "0003_search_filters.sql": "bb5fcc0d6ec21b78601ece94b042f2097dd9a5be",
    "0004_danish_letters.sql": "75dc60addb0e4329adbed48e251fe27b951cb16c",
    "0005_attendance_by_point.sql": "a0f31a5df76d80ed0440e06522644765d101c25c",
    "0006_utc_timestamps.sql": "a860281edf2835471d876f39a557af299c096851",
    "0007_lock_process_start.sql": "e354fef70c42071ad1581190f39034645ac0131d",
    "0008_key_figures.sql": "533fcf4cce5478e4f92629deb8d1cae412bb1ced",
    "0009_kle_number.sql": "d37c66feeb8ea488d25628d1e4e76c2db3245588",
}


def schema(path: Path) -> list[tuple[str, str, str, str | None]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
    finally:
        conn.close()


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    path = tmp_path / "fresh.db"
    Store.open(path).close()
    return path


def test_shipped_migrations_are_never_edited():
    """A shipped migration made the databases on users' disks: changing it
    would make new files differ from migrated ones. Add a new file instead."""
    found = {name: hashlib.sha256("\n".join(sql).encode()).hexdigest()[:40]
             for name, sql in migrate.migrations()}  # fmt: skip
    for name, digest in SHIPPED.items():
        assert found[name] == digest, name
    assert len(found) == SCHEMA_VERSION


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_every_earlier_schema_migrates_to_the_fresh_one(tmp_path, fresh, version):
    path = tmp_path / f"v{version}.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    migrate.apply(conn, APPLICATION_ID, upto=version)
    conn.execute("COMMIT")
    conn.close()
    with Store.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
    assert schema(path) == schema(fresh)


def opened_fixture(tmp_path: Path, version: int) -> Store:
    path = tmp_path / f"schema{version}.db"
    shutil.copy(FIXTURES / path.name, path)
    return Store.open(path)


@pytest.mark.parametrize("version", range(1, 5))
def test_databases_of_earlier_versions_migrate_to_the_fresh_schema(tmp_path, fresh, version):
    opened_fixture(tmp_path, version).close()
    assert schema(tmp_path / f"schema{version}.db") == schema(fresh)


@pytest.mark.parametrize("version", range(1, 5))
def test_databases_of_earlier_versions_read_back_whole(tmp_path, version):
    expected = json.loads((FIXTURES / f"schema{version}.json").read_text(encoding="utf-8"))
    with opened_fixture(tmp_path, version) as store:
        ids = [d.id for d in store.list_dialogues()] + [
            d.id for d in store.list_dialogues(deleted=True)
        ]
        got = {str(i): dumped(store.get_dialogue(i), mode="json") for i in sorted(ids)}
        for d in expected["dialogues"].values():
            for change in d["history"]:  # naive local time then, UTC now
                change["at"] = datetime.fromisoformat(change["at"]).astimezone()
            for p in d["participants"]:  # a number that names no point was never one
                p["agenda_items"] = [n for n in p["agenda_items"] if n <= len(d["agenda"])]
            d.setdefault("kle", "")  # schema 8: none then, read from the case number
        for d in got.values():
            for change in d["history"]:
                change["at"] = datetime.fromisoformat(change["at"])
        assert got == expected["dialogues"]
        assert [d.id for d in store.list_dialogues(deleted=True)] == expected["bin"]
        chains = [[s.note.uid for s in c.steps] for c in store.goal_history("Skovskolen")]
        assert chains == expected["goal_chains"]
        assert [h.note_id for h in store.search("får")] == expected["search_far"]
        # Still whole after the migration: the search index and SQLite's own check.
        store.conn.execute(
            "INSERT INTO notes_search(notes_search, rank) VALUES ('integrity-check', 1)"
        )
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_final_fixture_stays_read_only_after_migrating(tmp_path):
    with opened_fixture(tmp_path, 1) as store:
        final = store.get_dialogue(1)
        assert final.status == "final"
        with pytest.raises(Exception, match="endelig"):
            store.set_note_text(final.agenda[0].notes[0].id, "Ændret")


@pytest.mark.parametrize("version", range(1, 5))
def test_attendance_of_older_files_follows_its_point_after_migrating(tmp_path, version):
    with opened_fixture(tmp_path, version) as store:
        d = store.get_dialogue(4)  # Bakkeskolen: Hans Bak only under point 3
        assert [p.agenda_items for p in d.participants] == [[3], []]
        store.move_agenda_item(d.agenda[2].id, 0)
        store.add_agenda_item(4, "Velkomst", position=0)
        d = store.get_dialogue(4)
        assert [d.agenda[n - 1].title for n in d.participants[0].agenda_items] == [
            "Medarbejderfravær"
        ]
