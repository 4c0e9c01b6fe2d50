"""Pasted text and long notes in the meeting: a paste of several lines becomes as
many notes, the same on the screen, in the database and in the memo; a note stops
growing at its cap with a Danish message, and nothing freezes."""

from __future__ import annotations

from contextlib import asynccontextmanager

from docx import Document
from textual import events

from dialog_tui.export.memo import export_memo
from dialog_tui.model import MAX_NOTE_CHARS
from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp
from dialog_tui.tui.widgets.note_list import NoteList

from .conftest import type_text


@asynccontextmanager
async def meeting(store: Store, dialogue_id: int, size: tuple[int, int]):
    """The meeting screen of ``dialogue_id``: (pilot, its note list)."""
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        yield pilot, app.screen.query_one(NoteList)


async def test_a_pasted_block_is_notes_on_screen_in_the_database_and_memo(
    db_path, make_dialogue, tmp_path
):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    async with meeting(store, dialogue_id, (80, 24)) as (pilot, notes):
        await type_text(pilot, "Først")
        await pilot.press("enter", "tab")
        await type_text(pilot, "abcdef")
        for _ in range(3):
            await pilot.press("left")
        notes.editor.post_message(events.Paste("Læsning\r\n\nTrivsel og fravær\rMatematik "))
        await pilot.pause()
        assert notes.above.plain_lines() == ["• Først", "  • abcLæsning", "  • Trivsel og fravær"]
        assert notes.editor.text == "Matematik def"
        assert notes.editor.cursor_location == (0, len("Matematik "))
        await type_text(pilot, "!")
        await pilot.pause()
    dialogue = store.get_dialogue(dialogue_id)
    stored = [(n.level, n.text) for _, _, n in dialogue.notes()]
    assert stored == [
        (0, "Først"),
        (1, "abcLæsning"),
        (1, "Trivsel og fravær"),
        (1, "Matematik !def"),
    ]
    memo = export_memo(dialogue, tmp_path / "notat.docx")
    paragraphs = [p.text for p in Document(memo).paragraphs]
    for _, text in stored:
        assert text in paragraphs
    store.close()


async def test_a_one_line_paste_goes_in_at_the_caret_and_undo_takes_the_block_back(
    db_path, make_dialogue
):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    async with meeting(store, dialogue_id, (120, 40)) as (pilot, notes):
        await type_text(pilot, "ad")
        await pilot.press("left")
        notes.editor.post_message(events.Paste("bc"))
        await pilot.pause()
        assert notes.editor.text == "abcd"
        notes.editor.post_message(events.Paste("x\ny"))
        await pilot.pause()
        assert [n.text for n in notes.notes] == ["abcx", "yd"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [n.text for n in notes.notes] == ["abcd"]
    assert [n.text for _, _, n in store.get_dialogue(dialogue_id).notes()] == ["abcd"]
    store.close()


async def test_a_full_note_refuses_more_with_a_message(db_path, make_dialogue):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    item = store.agenda_items(dialogue_id)[0]
    store.add_note(item.id, "ord " * ((MAX_NOTE_CHARS - 2) // 4) + "xx")
    async with meeting(store, dialogue_id, (80, 24)) as (pilot, notes):
        await pilot.press("end", "a", "b", "c")
        await pilot.pause()
        assert len(notes.editor.text) == MAX_NOTE_CHARS
        notes.editor.post_message(events.Paste("mere tekst"))
        await pilot.pause()
        assert len(notes.editor.text) == MAX_NOTE_CHARS
        shown = [str(n.message) for n in pilot.app._notifications]
        assert sum("højst have 20.000 tegn" in m for m in shown) == 1
        await pilot.press("enter")
        await type_text(pilot, "videre")
        await pilot.pause()
    texts = [n.text for _, _, n in store.get_dialogue(dialogue_id).notes()]
    assert len(texts[0]) == MAX_NOTE_CHARS and texts[0].endswith("xxab")
    assert texts[1] == "videre"
    store.close()
