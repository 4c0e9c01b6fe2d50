"""Keys that survive terminals: safe first choices, Esc that is the start of a key
(PuTTY's Alt+Up), a keymap file read as hostile input, ``dialog-tui keys``, and
README's key table against the bindings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.events import Key

from dialog_tui.tui import keys, settings
from dialog_tui.tui.keylog import KeysApp
from dialog_tui.tui.keys import all_bindings
from dialog_tui.tui.screens.help import HelpScreen
from dialog_tui.tui.widgets.agenda_panel import AgendaPanel
from dialog_tui.tui.widgets.note_list import NoteList

from .test_burst import meeting

README = Path(__file__).parents[2] / "README.md"
TAKEN = {  # keys terminals keep for themselves
    "ctrl+b": "tmux",
    "ctrl+a": "screen",
    "ctrl+pageup": "tabs",
    "ctrl+pagedown": "tabs",
    "f1": "GNOME",
    "f10": "GNOME",
    "f11": "GNOME",
}


@pytest.fixture
def config(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "config_dir", lambda: tmp_path / "config")
    (tmp_path / "config").mkdir()
    return tmp_path / "config"


def test_every_meeting_key_has_a_choice_no_terminal_takes(config):
    scopes = ("meeting", "app", "agenda-panel", "note-list", "note-editor", "dialogues")
    ids = [i for i in all_bindings() if i.split(".")[0] in scopes]
    second_choices = {"ctrl+up", "ctrl+down", "ctrl+left", "ctrl+right"}

    def safe(key: str) -> bool:
        return key not in TAKEN and key not in second_choices and not key.startswith("alt+")

    assert len(ids) > 20
    safe_actions = {  # an action may have its safe key in the agenda list (Esc S)
        all_bindings()[i].action.rsplit(".", 1)[-1]
        for i in ids
        if any(safe(k) for k in all_bindings()[i].key.split(","))
    }
    if "move_mode" in safe_actions:  # Ctrl+X, then Up/Down (plain arrows)
        safe_actions |= {"move(-1)", "move(1)"}
    unsafe = [
        i for i in ids if not i.endswith("-alt") and all_bindings()[i].action not in safe_actions
    ]
    assert unsafe == []


async def test_ctrl_d_and_ctrl_u_change_points(db_path, make_dialogue, config):
    async with meeting(db_path, make_dialogue) as (app, pilot, _):
        await pilot.press("ctrl+d", "ctrl+d")
        await pilot.pause()
        assert app.screen.current == 2
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert app.screen.current == 1


async def test_esc_then_up_at_once_is_alt_up_and_eats_nothing(
    db_path, make_dialogue, config, monkeypatch
):
    monkeypatch.setattr(keys, "ESCAPE_FOLLOW_SECONDS", 60)  # "at once", however slow
    async with meeting(db_path, make_dialogue) as (app, pilot, _):
        await pilot.press("ctrl+d", "ctrl+d")
        await pilot.pause()
        await pilot.press("escape", "up")  # PuTTY's Alt+Up
        await pilot.pause()
        assert app.screen.current == 1
        assert app.focused is app.screen.query_one(NoteList).editor
        app.post_message(Key("escape", "\x1b"))  # both Esc and the key in the queue
        app.post_message(Key("down", None))
        await pilot.pause()
        assert app.screen.current == 2
        assert app.focused is app.screen.query_one(NoteList).editor
        await pilot.press("escape", "x", "y")  # Esc, then keys typed at once: not eaten
        await pilot.pause()
        assert app.screen.query_one(NoteList).note.text == "xy"
        assert not isinstance(app.focused, AgendaPanel)


async def test_esc_alone_goes_to_the_agenda(db_path, make_dialogue, config):
    async with meeting(db_path, make_dialogue) as (app, pilot, _):
        await pilot.press("escape")
        await pilot.pause(0.3)
        assert isinstance(app.focused, AgendaPanel)


async def test_help_on_a_key_gnome_leaves_alone(db_path, make_dialogue, config):
    async with meeting(db_path, make_dialogue) as (app, pilot, _):
        await pilot.press("ctrl+underscore")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("ctrl+underscore")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_keymap_file_remaps_and_bad_entries_are_one_line(db_path, make_dialogue, config):
    (config / "keymap.toml").write_text(
        '"meeting.point-next" = "f9,ctrl+j"\n"meeting.nope" = "f2"\n'
        '"meeting.tag-attention" = "ctrl+fish"\n',
        encoding="utf-8",
    )
    async with meeting(db_path, make_dialogue) as (app, pilot, _):
        said = [n.message for n in app._notifications]
        assert said == [
            f"Tastaturfilen {config / 'keymap.toml'}: ukendt handling 'meeting.nope'; "
            "ugyldig tast 'ctrl+fish' for 'meeting.tag-attention' – resten bruges."
        ]
        await pilot.press("ctrl+j")
        await pilot.pause()
        assert app.screen.current == 1
        await pilot.press("f4")  # the bad entry left the key as it was
        await pilot.pause()
        assert app.screen.query_one(NoteList).note.tags == ["attention"]


@pytest.mark.parametrize(
    "content", [b"\xff\xfe", b"= = =", b'"meeting.tag-goal" = 3', b"[meeting]\nx = 1"]
)
async def test_broken_keymap_file_still_starts(db_path, make_dialogue, config, content):
    (config / "keymap.toml").write_bytes(content)
    async with meeting(db_path, make_dialogue) as (app, pilot, _):
        said = [n.message for n in app._notifications]
        assert len(said) == 1 and said[0].startswith("Tastaturfilen")
        assert "\n" not in said[0]
        await pilot.press("f4")
        await pilot.pause()
        assert app.screen.query_one(NoteList).note.tags == ["attention"]


async def test_keys_command_shows_each_key_and_what_it_does(config):
    app = KeysApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+d", "f11", "escape")
        await pilot.pause()
        lines = [str(line.text) for line in app.query_one("RichLog").lines]
        text = "\n".join(lines)
        assert "ctrl+d" in text and "Næste punkt" in text
        assert "f11" in text and "ikke brugt" in text
        assert app.is_running
        await pilot.press("escape")
        await pilot.pause()
        assert not app.is_running


def _readme_keys() -> set[str]:
    """Every key named in README's key table, as Textual names it."""
    names = {
        "pgup": "pageup",
        "pgdn": "pagedown",
        "esc": "escape",
        "del": "delete",
        "_": "underscore",
    }
    found: set[str] = set()
    section = README.read_text(encoding="utf-8").split("### Keys", 1)[1].split("\n### ", 1)[0]
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[1] in ("Key", "---"):
            continue
        for key in re.split(r" / |, | \(|\) ?| or ", cells[1]):
            key = key.strip("() ").lower()
            if key:
                found.add("+".join(names.get(p, p) for p in key.split("+")))
    return found


def test_readme_key_table_names_every_key_and_its_alternatives():
    scopes = ("app", "meeting", "agenda-panel", "note-list", "note-editor", "dialogues")
    bound = {
        key
        for binding_id, binding in all_bindings().items()
        if binding_id.split(".")[0] in scopes and binding.description
        for key in binding.key.split(",")
    }
    readme = _readme_keys()
    assert sorted(bound - readme) == []
    not_bindings = {
        "type",
        "paste",
        "up",
        "down",
        "backspace",
        "tab",
        "shift+tab",
        "space",
        "p",
        "1",
        "2",
        "@",  # typed, not bound: the note editor's completion
    }
    unknown = readme - bound - not_bindings
    all_keys = {k for b in all_bindings().values() for k in b.key.split(",")}
    assert sorted(unknown - all_keys) == []


def test_settings_file_is_hostile_input(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_bytes(b"\xff garbage")
    assert settings.load_settings(path) == {}
    settings.remember({"export_folder": 'C:\\Users\\"x"\n'}, path)
    settings.remember({"template": "/t.docx"}, path)
    assert settings.load_settings(path) == {
        "export_folder": 'C:\\Users\\"x"\n',
        "template": "/t.docx",
    }


async def test_safe_keys_for_paragraph_and_moving_a_note_inside_tmux(
    db_path, make_dialogue, config
):
    """Ctrl+W (bullet ↔ paragraph) and Ctrl+X then Up/Down (move the note) reach the
    app where tmux keeps Ctrl+B and terminals keep Ctrl+Up/Down; the old keys stay."""
    from .test_burst import burst, chars, rows

    async with meeting(db_path, make_dialogue) as (app, pilot, dialogue_id):
        burst(app, [*chars("et"), "enter", *chars("to"), "enter", *chars("tre")])
        burst(app, ["ctrl+x", "up", "up", "x"])  # "x" ends the mode and is typed
        burst(app, ["ctrl+w"])
        await pilot.pause(0.5)
        notes = app.screen.query_one(NoteList)
        assert [n.text for n in notes.notes] == ["trex", "et", "to"]
        assert notes.note.text == "trex" and notes.note.kind == "paragraph"
        burst(app, ["ctrl+b", "ctrl+down", "down", "end", "y"])  # the second choices still act
        await pilot.pause(0.5)
        assert [n.text for n in notes.notes] == ["et", "trex", "toy"]
        assert [n.kind for n in notes.notes] == ["bullet", "bullet", "bullet"]
    assert [r[2] for r in rows(db_path, dialogue_id)] == ["et", "trex", "toy"]
