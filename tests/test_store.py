import sqlite3
from datetime import date

import pytest

from dialog_tui.agenda import load_agenda
from dialog_tui.errors import NotFound, StoreError
from dialog_tui.gate import dumped, validated
from dialog_tui.model import Dialogue, GoalDetails, Participant
from dialog_tui.store import APPLICATION_ID, SCHEMA_VERSION, Store, migrate


def new_dialogue(store: Store, school: str = "Skovskolen", held_on=date(2025, 3, 10)) -> int:
    agenda = load_agenda("standard")
    return store.create_dialogue(
        Dialogue(
            school=school,
            held_on=held_on,
            agenda=agenda.agenda_items(),
            checklist=agenda.checklist_items(),
        )
    )


def test_migrates_an_empty_file(db_path):
    db_path.write_bytes(b"")
    with Store.open(db_path) as store:
        assert store.schema_version() == SCHEMA_VERSION
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"dialogues", "agenda_items", "notes", "goals", "notes_search"} <= tables


def test_reopening_keeps_data(db_path):
    with Store.open(db_path) as store:
        dialogue_id = new_dialogue(store)
    with Store.open(db_path) as store:
        assert store.get_dialogue(dialogue_id).school == "Skovskolen"


def test_database_is_owner_only(db_path):
    Store.open(db_path).close()
    assert db_path.stat().st_mode & 0o077 == 0


def test_create_and_read_back_whole_dialogue(store, example):
    d = validated(Dialogue, example)
    dialogue_id = store.create_dialogue(d)
    back = store.get_dialogue(dialogue_id)
    assert back.id == dialogue_id
    # Attendance is kept by point: "point 2" of a one-point agenda names no point.
    assert d.participants[0].agenda_items == [1, 2]
    d.participants[0].agenda_items = [1]
    assert dumped(back) == dumped(d)


def test_notes_add_edit_move_delete(store):
    dialogue_id = new_dialogue(store)
    first, second = store.agenda_items(dialogue_id)[:2]
    a = store.add_note(first.id, "a")
    c = store.add_note(first.id, "c", level=1)
    b = store.add_note(first.id, "b", position=1, kind="paragraph")
    assert [n.text for n in store.notes(first.id)] == ["a", "b", "c"]
    store.set_note_text(b.id, "b2")
    store.move_note(c.id, 0)
    assert [(n.text, n.level, n.kind) for n in store.notes(first.id)] == [
        ("c", 1, "bullet"),
        ("a", 0, "bullet"),
        ("b2", 0, "paragraph"),
    ]
    store.move_note(a.id, 0, item_id=second.id)
    assert [n.text for n in store.notes(first.id)] == ["c", "b2"]
    assert [n.text for n in store.notes(second.id)] == ["a"]
    deleted = store.delete_note(c.id)
    assert [n.text for n in store.notes(first.id)] == ["b2"]
    store.insert_note(first.id, deleted, position=0)  # undo keeps uid
    assert store.notes(first.id)[0].uid == deleted.uid
    assert store.last_edited_note(dialogue_id).text == "c"


def test_tags_and_goal_details(store):
    dialogue_id = new_dialogue(store)
    item = store.agenda_items(dialogue_id)[2]
    note = store.add_note(item.id, "Færre elever under 2 i dansk")
    store.toggle_tag(note.id, "goal")
    store.toggle_tag(note.id, "trivsel")
    store.toggle_tag(note.id, "trivsel")
    store.set_goal(note.id, GoalDetails(indicator="Andel under 2", baseline="10 %", target="5 %"))
    got = store.get_note(note.id)
    assert got.tags == ["goal"]
    assert got.goal.target == "5 %"
    assert [(n, x.text) for n, x in store.tagged_notes(dialogue_id)] == [
        (3, "Færre elever under 2 i dansk")
    ]
    store.update_note(note.id, internal=True, goal=None)
    got = store.get_note(note.id)
    assert got.internal and got.goal is None
    with pytest.raises(StoreError, match="tags"):
        store.set_tags(note.id, ["Ukendt tag!"])  # a theme is any key; themes.toml says which
    assert store.get_note(note.id).tags == ["goal"]  # unchanged


def test_agenda_points_add_rename_reorder_delete(store):
    dialogue_id = new_dialogue(store)
    sixth = store.add_agenda_item(dialogue_id, "Eventuelt", 10)
    store.update_agenda_item(sixth.id, title="Elevråd")
    store.move_agenda_item(sixth.id, 0)
    titles = [i.title for i in store.agenda_items(dialogue_id)]
    assert titles[0] == "Elevråd" and len(titles) == 6
    store.delete_agenda_item(sixth.id)
    assert store.agenda_items(dialogue_id)[0].title == ("Udvalgte punkter fra skoleplanen")
    with pytest.raises(StoreError):
        store.update_agenda_item(store.agenda_items(dialogue_id)[0].id, title=" ")


def test_participants(store):
    dialogue_id = new_dialogue(store)
    p = store.add_participant(dialogue_id, Participant(name="Bo Hansen", role="AMR"))
    store.update_participant(p.id, present=False)
    store.update_participant(p.id, agenda_items=[3])
    (got,) = store.participants(dialogue_id)
    assert (got.name, got.present, got.agenda_items) == ("Bo Hansen", False, [3])
    store.delete_participant(p.id)
    assert store.participants(dialogue_id) == []


def test_full_text_search_finds_a_note_by_a_word(store):
    dialogue_id = new_dialogue(store)
    item = store.agenda_items(dialogue_id)[0]
    note = store.add_note(item.id, "Elevfraværet ligger på landsgennemsnittet.")
    store.add_note(item.id, "Trivslen er høj.")
    assert [h.note_id for h in store.search("landsgennemsnittet")] == [note.id]
    assert [h.note_id for h in store.search("elevfrav*")] == [note.id]
    store.set_note_text(note.id, "Noget helt andet.")
    assert store.search("landsgennemsnittet") == []
    assert store.search('"helt andet"')[0].dialogue_id == dialogue_id
    assert store.search('AND OR "') == []  # FTS syntax never raises


def test_list_newest_first_with_filters_and_bin(store):
    old = new_dialogue(store, "Skovskolen", date(2024, 3, 1))
    new = new_dialogue(store, "Skovskolen", date(2025, 3, 1))
    other = new_dialogue(store, "Engskolen", date(2025, 5, 1))
    assert [d.id for d in store.list_dialogues()] == [other, new, old]
    assert [d.id for d in store.list_dialogues(school="skovskolen")] == [new, old]
    assert [d.id for d in store.list_dialogues(year=2024)] == [old]
    store.delete_dialogue(new)
    assert [d.id for d in store.list_dialogues()] == [other, old]
    assert [d.id for d in store.list_dialogues(deleted=True)] == [new]
    store.restore_dialogue(new)
    assert new in [d.id for d in store.list_dialogues()]


def _paged(store, size: int, **filters) -> list[list[int]]:
    """Every page of ``size`` rows, each asked for after the last row of the one before."""
    pages, after = [], None
    for _ in range(len(store.list_dialogues(**filters)) + 1):  # a page that repeats ends too
        page = store.list_dialogues(limit=size, after=after, **filters)
        if not page:
            break
        pages.append([d.id for d in page])
        after = (page[-1].held_on, page[-1].id)
    return pages


def test_list_pages_after_a_row_add_up_to_the_whole_list(store):
    # Three on one day: the pages must split and resume inside a run of equal dates.
    days = [date(2025, 3, 1)] * 3 + [date(2024, 3, 1), date(2025, 5, 1), date(2023, 1, 1)]
    ids = [new_dialogue(store, "Skovskolen" if i % 2 else "Engskolen", d)
           for i, d in enumerate(days)]  # fmt: skip
    whole = [d.id for d in store.list_dialogues()]
    assert whole == [ids[4], ids[2], ids[1], ids[0], ids[3], ids[5]]
    for size in (1, 2, 4, 6):
        pages = _paged(store, size)
        assert [i for page in pages for i in page] == whole
        assert all(len(page) == size for page in pages[:-1])
    school = [d.id for d in store.list_dialogues(school="skovskolen")]
    assert [i for page in _paged(store, 1, school="skovskolen") for i in page] == school
    store.delete_dialogue(ids[1])
    assert _paged(store, 5, deleted=True) == [[ids[1]]]
    assert ids[1] not in [i for page in _paged(store, 2) for i in page]
    last = store.list_dialogues()[-1]
    assert store.list_dialogues(after=(last.held_on, last.id)) == []


def test_status_changes_are_recorded(store):
    dialogue_id = new_dialogue(store)
    store.set_status(dialogue_id, "held")
    store.set_status(dialogue_id, "final")
    store.set_status(dialogue_id, "held", reason="Rettelse af navn")
    d = store.get_dialogue(dialogue_id)
    assert d.status == "held"
    assert [(h.from_status, h.to_status, h.reason) for h in d.history] == [
        ("draft", "held", ""),
        ("held", "final", ""),
        ("final", "held", "Rettelse af navn"),
    ]


def test_update_dialogue_header_is_validated(store):
    dialogue_id = new_dialogue(store)
    store.update_dialogue(dialogue_id, case_number="17.01.00-G01-2-25", case_handler="okw")
    assert store.get_dialogue(dialogue_id).case_handler == "OKW"
    with pytest.raises(StoreError, match="initialer"):
        store.update_dialogue(dialogue_id, case_handler="X")


def test_missing_things_are_clear_errors(store):
    with pytest.raises(NotFound, match="dialog 99 findes ikke"):
        store.get_dialogue(99)
    with pytest.raises(NotFound):
        store.set_note_text(12345, "x")


def _bytes(path):
    return path.read_bytes()


def test_refuses_a_file_that_is_not_sqlite(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Dette er ikke en database\n" * 100)
    before = _bytes(path)
    with pytest.raises(StoreError, match="ikke en SQLite-database"):
        Store.open(path)
    assert _bytes(path) == before


def test_refuses_another_apps_database(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = _bytes(path)
    with pytest.raises(StoreError, match="ikke en dialog-tui-database"):
        Store.open(path)
    assert _bytes(path) == before
    assert not (tmp_path / "other.db-wal").exists()


def test_refuses_a_newer_schema(db_path):
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = _bytes(db_path)
    with pytest.raises(StoreError, match="nyere version"):
        Store.open(db_path)
    assert _bytes(db_path) == before


def test_refuses_a_directory(tmp_path):
    with pytest.raises(StoreError, match="mappe"):
        Store.open(tmp_path)


def old_database(db_path, version: int, monkeypatch) -> Store:
    """A database as an older dialog-tui (schema ``version``) made it."""
    with monkeypatch.context() as m:
        m.setattr(migrate, "SCHEMA_VERSION", version)
        return Store.open(db_path)


def test_migrates_a_version_1_database_forward(db_path, monkeypatch):
    old_database(db_path, 1, monkeypatch).close()
    with Store.open(db_path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.acquire_edit_lock(new_dialogue(store)) is None


def test_migrates_a_version_2_database_forward(db_path, monkeypatch):
    with old_database(db_path, 2, monkeypatch) as old:
        assert old.schema_version() == 2
        dialogue_id = new_dialogue(old, "Engskolen", date(2024, 5, 1))
        item = old.agenda_items(dialogue_id)[1]
        note = old.add_note(item.id, "Læsning løftes i 4. årgang.", tags=["goal", "trivsel"])
        old.add_note(item.id, "Fraværet er faldet.", internal=True)
        old.conn.execute("UPDATE dialogues SET status = 'final' WHERE id = ?", (dialogue_id,))
    with Store.open(db_path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        # The notes written before are found, with every filter.
        hits = store.search("læs*", school="engskolen", year=2024, kind="goal", theme="trivsel")
        assert [(h.note_id, h.item_number, h.tags) for h in hits] == [
            (note.id, 2, ["goal", "trivsel"])
        ]
        assert [h.tags for h in store.search("fraværet")] == [["internal"]]
        # The dialogue that was final before is read-only now.
        with pytest.raises(StoreError, match="endelig"):
            store.set_note_text(note.id, "Ændret")
        assert store.get_note(note.id).text == "Læsning løftes i 4. årgang."


def test_migrates_a_version_3_database_to_search_without_folding_diacritics(db_path, monkeypatch):
    texts = ["Eleverne får mere læsetid", "Æblet falder ikke langt fra stammen",
             "Far og mor inviteres", "Lærerne laser ikke"]  # fmt: skip
    with old_database(db_path, 3, monkeypatch) as old:
        dialogue_id = new_dialogue(old, "Ærøskolen", date(2024, 5, 1))
        item = old.agenda_items(dialogue_id)[0]
        notes = [old.add_note(item.id, text, tags=["goal"]).id for text in texts]
        assert {h.note_id for h in old.search("far")} == {notes[0], notes[2]}
    with Store.open(db_path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert search_index_is_consistent(store)
        for note_id, text in zip(notes, texts, strict=True):
            found = store.search(f'"{text}"', school="ærøskolen", year=2024, kind="goal")
            assert [h.note_id for h in found] == [note_id]
        assert [h.note_id for h in store.search("far")] == [notes[2]]
        assert [h.note_id for h in store.search("får")] == [notes[0]]
        assert [h.note_id for h in store.search("FÅR")] == [notes[0]]
        assert [h.note_id for h in store.search("æblet")] == [notes[1]]
        assert [h.note_id for h in store.search("ÆBLET")] == [notes[1]]
        assert [h.note_id for h in store.search("Æbl", prefixes=True)] == [notes[1]]
        assert [h.note_id for h in store.search("laser")] == [notes[3]]
        assert [h.note_id for h in store.search("læs", prefixes=True)] == [notes[0]]
        # New notes go into the new index through the same triggers.
        new = store.add_note(item.id, "Mål for året", tags=["goal"])
        assert [h.note_id for h in store.search("mål")] == [new.id]
        assert store.search("mal") == []
        assert search_index_is_consistent(store)


# The filter tokens of a note, as the triggers of migration 3 write them.
META = next(
    sql.removeprefix("UPDATE notes SET meta = ")
    for sql in migrate.migrations()[2][1]
    if sql.startswith("UPDATE notes SET meta = ")
)


def search_index_is_consistent(store: Store) -> bool:
    """The FTS index matches the notes, and every note's filter tokens are current."""
    store.conn.execute(
        "INSERT INTO notes_search(notes_search, rank) VALUES ('integrity-check', 1)"
    )
    stale = store.conn.execute(
        f"SELECT count(*) FROM notes WHERE meta IS NOT ({META})"
    ).fetchone()[0]
    return stale == 0


def test_search_index_stays_in_step_with_every_kind_of_edit(store):
    first = new_dialogue(store, "Skovskolen", date(2024, 3, 1))
    second = new_dialogue(store, "Engskolen", date(2025, 3, 1))
    one, two = store.agenda_items(first)[:2]
    a = store.add_note(one.id, "Læsning løftes", tags=["goal"])
    b = store.add_note(one.id, "Fravær", position=0)
    c = store.add_note(two.id, "Trivsel", internal=True)
    store.set_goal(a.id, GoalDetails(theme="trivsel"))
    store.update_note(b.id, text="Fraværet falder", tags=["attention", "tilstedevaerelse"])
    store.toggle_tag(c.id, "agreement")
    store.update_note(c.id, internal=False)
    store.move_note(a.id, 0, item_id=two.id)
    store.set_goal(a.id, GoalDetails(theme="inklusion"))
    store.set_goal(a.id, None)
    store.update_dialogue(first, school="Skovskolen Syd", held_on=date(2023, 5, 1))
    store.delete_note(b.id)
    store.delete_agenda_item(two.id)
    store.add_note(store.agenda_items(second)[0].id, "Engskolens note", tags=["trivsel"])
    store.purge_dialogue(second)
    assert search_index_is_consistent(store)
    assert [h.note_id for h in store.search("", school="skovskolen syd", year=2023)] == []
    d = store.add_note(one.id, "Ny note", tags=["goal", "trivsel"])
    assert [h.note_id for h in store.search("", school="skovskolen syd", year=2023)] == [d.id]
    assert [h.note_id for h in store.search("", theme="trivsel")] == [d.id]
    assert search_index_is_consistent(store)
