"""Faults of the store's old shape, each reproduced: attendance by position,
locks that did not tell the truth, read-modify-write outside the transaction,
naive local timestamps, a connection shared by threads without a lock."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import UTC, date, datetime, timedelta

import pytest
from click.testing import CliRunner
from export_helpers import texts

from dialog_tui.cli import main
from dialog_tui.errors import LockLost, StoreError
from dialog_tui.exchange import dialogue_from_json, dialogue_to_json
from dialog_tui.export.memo import export_memo
from dialog_tui.model import AgendaItem, ChecklistItem, Dialogue, FollowUp, Participant
from dialog_tui.store import Store

TITLES = ["Skoleplanen", "Data og GRUS", "Ændret praksis"]


def meeting(store: Store) -> int:
    return store.create_dialogue(
        Dialogue(
            school="Skovskolen",
            held_on=date(2025, 3, 10),
            agenda=[AgendaItem(title=t) for t in TITLES],
            participants=[
                Participant(name="Anna Jensen", role="skoleleder"),
                Participant(name="Eva Nielsen", role="AMR", agenda_items=[2]),
                Participant(name="Bo Holm", role="SFO-leder", agenda_items=[1, 3]),
            ],
            checklist=[ChecklistItem(text="Trivsel")],
            followups=[FollowUp(source_uid="abc", text="Trivslen skal op.")],
        )
    )


def attendance(store: Store, dialogue_id: int) -> dict[str, list[str]]:
    """Who attended which points, by the points' titles."""
    d = store.get_dialogue(dialogue_id)
    titles = [i.title for i in d.agenda]
    return {p.name: sorted(titles[n - 1] for n in p.agenda_items) for p in d.participants}


# --- Attendance by point identity --------------------------------------------


def test_attendance_stays_with_its_point_when_points_move(store):
    dialogue_id = meeting(store)
    before = attendance(store, dialogue_id)
    assert before == {"Anna Jensen": [], "Eva Nielsen": ["Data og GRUS"],
                      "Bo Holm": ["Skoleplanen", "Ændret praksis"]}  # fmt: skip
    items = store.agenda_items(dialogue_id)
    store.move_agenda_item(items[1].id, 0)
    assert attendance(store, dialogue_id) == before
    assert store.participants(dialogue_id)[1].agenda_items == [1]
    store.add_agenda_item(dialogue_id, "Nyt punkt", position=0)
    assert attendance(store, dialogue_id) == before
    store.move_agenda_item(items[2].id, 1)
    assert attendance(store, dialogue_id) == before
    store.delete_agenda_item(items[0].id)
    assert attendance(store, dialogue_id)["Bo Holm"] == ["Ændret praksis"]
    assert attendance(store, dialogue_id)["Eva Nielsen"] == ["Data og GRUS"]


def test_attendance_set_by_number_means_the_point_shown_with_that_number(store):
    dialogue_id = meeting(store)
    store.move_agenda_item(store.agenda_items(dialogue_id)[2].id, 0)  # Ændret praksis first
    eva = store.participants(dialogue_id)[1]
    store.update_participant(eva.id, agenda_items=[1])  # as the participants screen does
    store.move_agenda_item(store.agenda_items(dialogue_id)[0].id, 2)
    assert attendance(store, dialogue_id)["Eva Nielsen"] == ["Ændret praksis"]


def _section_of(lines: list[str], wanted: str) -> str:
    """The point heading (``2) Title``) a memo line stands under."""
    heading = ""
    for line in lines:
        if re.match(r"^\d+\) ", line):
            heading = line
        if line == wanted:
            return heading
    raise AssertionError(f"{wanted!r} not in the memo")


def test_the_memo_prints_attendance_under_the_point_that_was_attended(store, tmp_path):
    dialogue_id = meeting(store)
    items = store.agenda_items(dialogue_id)
    store.move_agenda_item(items[1].id, 2)  # Data og GRUS is point 3 now
    store.add_agenda_item(dialogue_id, "Velkomst", position=0)  # … and point 4
    path = export_memo(store.get_dialogue(dialogue_id), tmp_path / "memo.docx",
                       today=date(2025, 3, 14))  # fmt: skip
    lines = texts(path)
    assert _section_of(lines, "Under dette punkt deltog Eva Nielsen (AMR).") == ("4) Data og GRUS")
    assert any("Eva Nielsen (AMR, deltog under punkt 4)" in line for line in lines)


def test_the_exchange_file_carries_attendance_with_its_point(store):
    dialogue_id = meeting(store)
    store.move_agenda_item(store.agenda_items(dialogue_id)[0].id, 2)
    data = json.loads(dialogue_to_json(store.get_dialogue(dialogue_id)))
    assert data["participants"][2]["agenda_items"] == [2, 3]  # numbers in this file's order
    copy = store.create_dialogue(dialogue_from_json(json.dumps(data)))
    assert attendance(store, copy) == attendance(store, dialogue_id)


# --- Edit locks that tell the truth --------------------------------------------


def _make_stale(store: Store, dialogue_id: int) -> None:
    """The holder looks like another machine that stopped beating long ago."""
    old = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    store.conn.execute(
        "UPDATE edit_locks SET host = 'anden-maskine', heartbeat_at = ? WHERE dialogue_id = ?",
        (old, dialogue_id),
    )


def test_a_taken_over_lock_is_reported_and_refuses_the_next_write(store, db_path):
    dialogue_id = meeting(store)
    note = store.add_note(store.agenda_items(dialogue_id)[0].id, "Skrevet her")
    assert store.acquire_edit_lock(dialogue_id) is None
    assert store.heartbeat_edit_lock(dialogue_id) is True
    _make_stale(store, dialogue_id)
    with Store.open(db_path) as other:
        assert other.acquire_edit_lock(dialogue_id) is None  # taken over
        assert store.heartbeat_edit_lock(dialogue_id) is False
        writes = [
            lambda: store.set_note_text(note.id, "Skrevet to steder"),
            lambda: store.update_note(note.id, tags=["goal"]),
            lambda: store.add_note(note_item(store, note.id), "Ny"),
            lambda: store.delete_note(note.id),
            lambda: store.move_agenda_item(store.agenda_items(dialogue_id)[0].id, 2),
            lambda: store.update_participant(store.participants(dialogue_id)[0].id, role="x"),
            lambda: store.update_dialogue(dialogue_id, location="Rådhuset"),
            lambda: store.set_checklist_done(
                store.get_dialogue(dialogue_id).checklist[0].id, True
            ),
            lambda: store.carry_on(store.followups(dialogue_id)[0].id),
        ]
        for write in writes:
            with pytest.raises(LockLost, match=f"pid {os.getpid()} på") as e:
                write()
            assert isinstance(e.value, StoreError)
        assert store.get_note(note.id).text == "Skrevet her"
        assert [n.text for n in store.notes(note_item(store, note.id))] == ["Skrevet her"]
        other.set_note_text(note.id, "Den nye ejer skriver")
    assert store.get_note(note.id).text == "Den nye ejer skriver"


def note_item(store: Store, note_id: int) -> int:
    return store.note_location(note_id)[1]


def test_a_lock_whose_pid_now_belongs_to_another_process_is_dead(store, db_path):
    dialogue_id = meeting(store)
    with Store.open(db_path) as crashed:
        assert crashed.acquire_edit_lock(dialogue_id) is None
    # The crashed instance's pid is alive (this very process), but it started at
    # another time: the pid has been reused.
    store.conn.execute("UPDATE edit_locks SET started = started - 3600")
    assert store.acquire_edit_lock(dialogue_id) is None


def test_a_lock_of_a_live_process_holds_and_of_a_gone_one_does_not(store, db_path):
    dialogue_id = meeting(store)
    with Store.open(db_path) as live:
        assert live.acquire_edit_lock(dialogue_id) is None
        holder = store.acquire_edit_lock(dialogue_id)
        assert holder is not None and holder.pid == os.getpid()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    store.conn.execute("UPDATE edit_locks SET pid = ?", (int(gone.stdout),))
    assert store.acquire_edit_lock(dialogue_id) is None


def test_cross_host_staleness_compares_instants_in_utc(store, db_path):
    dialogue_id = meeting(store)
    with Store.open(db_path) as other:
        assert other.acquire_edit_lock(dialogue_id) is None
    # A machine far east beat a minute ago, writing its own offset.
    east = datetime.now(UTC).astimezone(datetime.now().astimezone().tzinfo) - timedelta(minutes=1)
    store.conn.execute(
        "UPDATE edit_locks SET host = 'anden-maskine', heartbeat_at = ?",
        (east.astimezone(UTC).isoformat().replace("+00:00", "Z"),),
    )
    assert store.acquire_edit_lock(dialogue_id) is not None
    _make_stale(store, dialogue_id)
    assert store.acquire_edit_lock(dialogue_id) is None


def test_unlock_says_whose_lock_it_was_and_asks_first(store, db_path):
    dialogue_id = meeting(store)
    assert store.acquire_edit_lock(dialogue_id) is None
    runner = CliRunner()
    refused = runner.invoke(main, ["--db", str(db_path), "unlock", str(dialogue_id)])
    assert refused.exit_code != 0
    assert f"pid {os.getpid()} på" in refused.stderr and "--yes" in refused.stderr
    assert store.edit_lock(dialogue_id) is not None
    done = runner.invoke(main, ["--db", str(db_path), "unlock", str(dialogue_id), "--yes"])
    assert done.exit_code == 0, done.output
    assert "fjernet" in done.stderr and f"pid {os.getpid()} på" in done.stderr
    assert store.edit_lock(dialogue_id) is None
    assert store.heartbeat_edit_lock(dialogue_id) is False
    with pytest.raises(LockLost, match="unlock"):
        store.update_dialogue(dialogue_id, location="Rådhuset")
    again = runner.invoke(main, ["--db", str(db_path), "unlock", str(dialogue_id)])
    assert again.exit_code == 0 and "ikke låst" in again.stderr
    missing = runner.invoke(main, ["--db", str(db_path), "unlock", "999", "--yes"])
    assert missing.exit_code != 0 and "Traceback" not in missing.output


# --- Honest transactions --------------------------------------------------------


def test_two_instances_carrying_the_same_goal_on_make_one_goal(store, db_path):
    dialogue_id = meeting(store)
    followup = store.followups(dialogue_id)[0]
    inside, other_done = threading.Event(), threading.Event()
    results = {}
    with Store.open(db_path) as first, Store.open(db_path) as second:
        read = first.agenda_items

        def agenda_items(d_id):  # the first instance pauses between read and write
            inside.set()
            other_done.wait(timeout=2)
            return read(d_id)

        first.agenda_items = agenda_items
        t = threading.Thread(target=lambda: results.update(a=first.carry_on(followup.id)))
        t.start()
        inside.wait(timeout=10)
        results["b"] = second.carry_on(followup.id)
        other_done.set()
        t.join(timeout=30)
    assert results["a"].uid == results["b"].uid
    goals = [n for _, _, n in store.get_dialogue(dialogue_id).notes() if "goal" in n.tags]
    assert len(goals) == 1


def test_carrying_on_from_two_processes_makes_one_goal(store, db_path):
    dialogue_id = meeting(store)
    followup_id = store.followups(dialogue_id)[0].id
    script = (
        "import sys; from dialog_tui.store import Store;"
        f"s = Store.open(sys.argv[1]); print(s.carry_on({followup_id}).uid)"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(db_path)], stdout=subprocess.PIPE,
                         text=True)
        for _ in range(4)
    ]  # fmt: skip
    uids = {p.communicate(timeout=60)[0].strip() for p in procs}
    assert len(uids) == 1
    goals = [n for _, _, n in store.get_dialogue(dialogue_id).notes() if "goal" in n.tags]
    assert [g.uid for g in goals] == list(uids)


def test_a_dialogue_is_read_in_one_snapshot(store, db_path):
    dialogue_id = meeting(store)
    check = store.get_dialogue(dialogue_id).checklist[0]
    with Store.open(db_path) as reader:
        read = reader.participants

        def participants(d_id):  # someone else writes in the middle of the read
            store.set_checklist_done(check.id, True)
            store.update_dialogue(dialogue_id, location="Rådhuset")
            return read(d_id)

        reader.participants = participants
        got = reader.get_dialogue(dialogue_id)
    assert (got.location, got.checklist[0].done) == ("", False)
    after = store.get_dialogue(dialogue_id)
    assert (after.location, after.checklist[0].done) == ("Rådhuset", True)


class _FailingCommit:
    """A connection whose COMMIT fails after SQLite rolled back (disk I/O error)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.real = conn
        self.armed = True

    def execute(self, sql, *args):
        if sql == "COMMIT" and self.armed:
            self.real.execute("ROLLBACK")
            raise sqlite3.OperationalError("disk I/O error")
        return self.real.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self.real, name)


def test_a_failed_commit_is_one_danish_error_and_the_store_goes_on(store):
    dialogue_id = meeting(store)
    note = store.add_note(store.agenda_items(dialogue_id)[0].id, "Før")
    store.conn = _FailingCommit(store.conn)
    with pytest.raises(StoreError, match=r"kan ikke skrive i databasen .*disk I/O error"):
        store.set_note_text(note.id, "Efter")
    store.conn.armed = False
    assert store.get_note(note.id).text == "Før"
    store.set_note_text(note.id, "Efter")
    assert store.get_note(note.id).text == "Efter"


def test_worker_threads_share_the_store_safely(store):
    dialogue_id = meeting(store)
    item = store.agenda_items(dialogue_id)[0].id
    notes = [store.add_note(item, "").id for _ in range(4)]
    errors = []

    def work(note_id):
        try:
            for i in range(40):
                store.set_note_text(note_id, f"tekst {i}")
                store.get_dialogue(dialogue_id)
                store.search("tekst")
        except Exception as e:  # any error fails the test
            errors.append(e)

    threads = [threading.Thread(target=work, args=(n,)) for n in notes]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    assert [store.get_note(n).text for n in notes] == ["tekst 39"] * 4


# --- Timestamps in UTC -------------------------------------------------------------


def test_timestamps_are_stored_in_utc_and_shown_in_local_time(store):
    dialogue_id = meeting(store)
    store.mark_held(dialogue_id)
    store.finalize(dialogue_id)
    stored = [r[0] for r in store.conn.execute("SELECT at FROM status_changes")]
    stored += [r[0] for r in store.conn.execute("SELECT updated_at FROM notes")]
    stored += list(store.conn.execute("SELECT created_at, updated_at FROM dialogues").fetchone())
    assert stored and all(s.endswith("+00:00") for s in stored), stored
    at = store.get_dialogue(dialogue_id).history[0].at
    assert at.utcoffset() == datetime.now().astimezone().utcoffset()
    assert abs(at - datetime.now(UTC)) < timedelta(hours=1)


def test_point_timing_given_in_local_time_is_stored_in_utc(store):
    dialogue_id = meeting(store)
    item = store.agenda_items(dialogue_id)[0]
    started = datetime(2025, 3, 10, 9, 5)  # naive: the meeting screen's local clock
    store.update_agenda_item(item.id, started_at=started)
    stored = store.conn.execute("SELECT started_at FROM agenda_items WHERE id = ?",
                                (item.id,)).fetchone()[0]  # fmt: skip
    assert datetime.fromisoformat(stored) == started.astimezone()
    assert store.agenda_items(dialogue_id)[0].started_at == started.astimezone()


@pytest.fixture
def copenhagen(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Copenhagen")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_naive_local_timestamps_of_older_files_are_migrated_to_utc(tmp_path, copenhagen):
    import shutil

    from test_store_migrations import FIXTURES

    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema4.db", path)
    naive = sqlite3.connect(path).execute("SELECT at FROM status_changes ORDER BY id").fetchall()
    with Store.open(path) as store:
        utc = store.conn.execute("SELECT at FROM status_changes ORDER BY id").fetchall()
        history = store.get_dialogue(2).history
    assert naive[0][0] == "2026-12-04T19:54:37.820186"  # winter: Copenhagen is UTC+1
    assert utc[0][0] == "2026-12-04T18:54:37.820186+00:00"
    assert [h.at.replace(tzinfo=None).isoformat() for h in history] == [n for (n,) in naive[2:]]
