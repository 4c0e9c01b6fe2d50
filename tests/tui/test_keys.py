"""Every key has an id a keymap can name (``App.set_keymap``), and the ids say what
the key does."""

from __future__ import annotations

import importlib
import pkgutil

from dialog_tui.tui.keys import binding_id
from dialog_tui.tui.widgets.note_list import NoteList

from .test_burst import meeting


def test_ids_from_actions():
    assert binding_id("meeting", "tag('goal')") == "meeting.tag-goal"
    assert binding_id("meeting", "point(-1)") == "meeting.point-prev"
    assert binding_id("dialogues", "cursor(-10)") == "dialogues.cursor-back-10"
    assert (
        binding_id("follow-up-list", "status('videreført')") == "follow-up-list.status-viderefort"
    )
    assert binding_id("field", "app.focus_next") == "field.focus-next"


def test_every_binding_of_every_screen_and_widget_has_an_id():
    import dialog_tui.tui as tui

    found = {}
    for info in pkgutil.walk_packages(tui.__path__, "dialog_tui.tui."):
        module = importlib.import_module(info.name)
        for cls in vars(module).values():
            if isinstance(cls, type) and cls.__module__ == info.name:
                for binding in cls.__dict__.get("BINDINGS", []):
                    found[(cls.__name__, binding.key)] = binding.id
    assert len(found) > 60
    assert [key for key, binding_id in found.items() if not binding_id] == []
    assert found[("MeetingScreen", "f3")] == "meeting.tag-goal"
    assert found[("NoteList", "ctrl+z")] == "note-list.undo"


async def test_a_keymap_rebinds_a_key_by_its_id(db_path, make_dialogue):
    async with meeting(db_path, make_dialogue) as (app, pilot, _dialogue_id):
        app.set_keymap({"meeting.tag-attention": "f12"})
        await pilot.press("f12")
        await pilot.pause()
        assert app.screen.query_one(NoteList).note.tags == ["attention"]
