"""Hostile text on every main screen: the app keeps running, the text is shown as
written (markup never read), and no control character reaches the terminal."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest
from hostile import hostile_dialogue, hostile_texts
from hypothesis import HealthCheck, example, given, settings

from dialog_tui.cleaning import clean_line, unsafe
from dialog_tui.model import Dialogue
from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp
from dialog_tui.tui.screens.confirm import ConfirmScreen
from dialog_tui.tui.screens.prompt import PromptScreen

from .conftest import type_text

MARKER = "Quxskole"
"""A word each hostile name carries, to find it on the screen."""


def screen_lines(app: DialogApp) -> list[str]:
    """What the terminal would show: the text of every cell of the screen."""
    strips = app.screen._compositor.render_strips()
    return ["".join(segment.text for segment in strip) for strip in strips]


def check_screen(app: DialogApp, *shown: str) -> None:
    """The app runs, nothing on screen is a control character, and each of
    ``shown`` is on screen as written."""
    assert app.is_running and app._exception is None
    lines = screen_lines(app)
    bad = {ch for line in lines for ch in line if unsafe(ch)}
    assert not bad, bad
    screen = "\n".join(lines)
    for text in shown:
        assert text in screen, (text, screen)


async def visit_every_screen(app: DialogApp, pilot, shown: str) -> None:
    """List, its confirm and prompt modals, the meeting and each of its modals,
    goal history and search; each checked on the way."""
    await pilot.pause()
    check_screen(app, shown)
    for key, modal in (("ctrl+d", ConfirmScreen), ("ctrl+o", PromptScreen)):
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, modal)
        check_screen(app, MARKER)
        await pilot.press("escape")
    await pilot.press("enter")  # the meeting
    await pilot.pause()
    check_screen(app, shown)
    for key in ("ctrl+t", "ctrl+o", "ctrl+k", "f10", "f9"):
        await pilot.press(key)
        await pilot.pause()
        check_screen(app, MARKER)
        await pilot.press("escape")
        await pilot.pause()
    await pilot.press("ctrl+l")
    await pilot.pause()
    await pilot.press("ctrl+g")  # goal history
    await pilot.pause()
    check_screen(app, MARKER)
    await pilot.press("escape")
    await pilot.press("ctrl+f")  # search
    await pilot.pause()
    await type_text(pilot, MARKER.lower())
    app.screen.run_search()  # now, not after the typing pause
    await pilot.pause()
    check_screen(app, MARKER)
    assert app.screen.hits
    await pilot.press("enter")  # the meeting, at the note found
    await pilot.pause()
    check_screen(app, shown)


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=hostile_texts)
@example(text="Skole [/] Nord")
@example(text="[bold]fed[/bold] [link=https://x.invalid]klik[/link] [@click=app.quit]")
@example(text="\x1b]52;c;aGVtbWVsaWc=\x07\x1b]0;titel\x07\x9b31m\u202egnirts\u202c")
@example(text="H\x13ñ\x93\U00074e3fMð\xa0")  # unassigned code point, trailing no-break space
async def test_hostile_text_on_every_screen(tmp_path_factory, text):
    name = f"{MARKER} {text}"
    # A short start (wide text is cut in the table), stripped as the model strips
    # a one-line field: a trailing no-break space is not part of a school's name.
    shown = clean_line(name).strip()[:20]
    with Store.open(tmp_path_factory.mktemp("h") / "h.db") as store:
        store.create_dialogue(hostile_dialogue(name))
        app = DialogApp(store)
        async with app.run_test(size=(160, 50)) as pilot:
            await visit_every_screen(app, pilot, shown)


async def test_a_school_with_markup_is_shown_as_written_in_each_modal(db_path):
    """The issue's crash: ``Skole [/] Nord`` on Ctrl+D and Ctrl+O."""
    with Store.open(db_path) as store:
        store.create_dialogue(Dialogue(school="Skole [/] Nord", held_on=date(2025, 3, 10)))
        app = DialogApp(store)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+d")
            await pilot.pause()
            check_screen(app, "Flyt dialogen med Skole [/] Nord")
            await pilot.press("escape", "ctrl+o")
            await pilot.pause()
            check_screen(app, "Skole [/] Nord")
            await pilot.press("escape", "ctrl+d", "j")
            await pilot.pause()
            check_screen(app)  # the notification names the school too
            assert any("Skole [/] Nord" in str(n.message) for n in app._notifications)


async def test_an_error_naming_a_file_with_markup_is_shown_as_written(db_path, tmp_path):
    """Error lines carry paths: a folder named ``[b]`` is text, not bold."""
    from textual.widgets import Input

    from dialog_tui.tui.screens.export import ExportScreen

    with Store.open(db_path) as store:
        dialogue_id = store.create_dialogue(Dialogue(school="Skovskolen", held_on=date.today()))
        app = DialogApp(store)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await app.push_screen(ExportScreen(dialogue_id))
            await pilot.pause()
            app.screen.query_one("#output", Input).value = str(tmp_path / "[/]" / "x.docx")
            await pilot.press("ctrl+s")
            await pilot.pause()
            check_screen(app, "[/]")


@pytest.mark.parametrize("target", ["database", "wal", "fifo", "device"])
async def test_the_export_screen_refuses_the_database_a_fifo_or_a_device(
    db_path, tmp_path, target
):
    from textual.widgets import Input

    from dialog_tui.tui.screens.export import ExportScreen

    with Store.open(db_path) as store:
        dialogue_id = store.create_dialogue(Dialogue(school="Skovskolen", held_on=date.today()))
        output = {
            "database": db_path,
            "wal": db_path.with_name(db_path.name + "-wal"),
            "fifo": tmp_path / "rør.docx",
            "device": Path("/dev/null"),
        }[target]
        if target == "fifo":
            os.mkfifo(output)
        before = db_path.read_bytes()
        app = DialogApp(store)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await app.push_screen(ExportScreen(dialogue_id))
            await pilot.pause()
            app.screen.query_one("#output", Input).value = str(output)
            await pilot.press("ctrl+s")
            await pilot.pause()
            if isinstance(app.screen, ConfirmScreen):  # the database exists: replace it?
                await pilot.press("j")
                await pilot.pause()
            wanted = "er selve databasen" if target in ("database", "wal") else "almindelig fil"
            check_screen(app, wanted)
        assert db_path.read_bytes() == before
        assert store.list_dialogues()[0].school == "Skovskolen"
    if target == "fifo":
        assert stat.S_ISFIFO(os.stat(output).st_mode)


@pytest.mark.usefixtures("no_hang")
async def test_a_fifo_among_the_agendas_does_not_hang_the_new_dialogue_form(
    db_path, tmp_path, monkeypatch
):
    from textual.widgets import Input, Select, Static

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    folder = tmp_path / "dialog-tui" / "agendas"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "rør.toml")
    with Store.open(db_path) as store:
        app = DialogApp(store, new=True)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            app.screen.query_one("#school", Input).value = "Skovskolen"
            app.screen.query_one("#held_on", Input).value = "1.3.2025"
            app.screen.query_one("#agenda", Select).value = "rør"
            await pilot.press("ctrl+s")
            await pilot.pause()
            check_screen(app)
            error = str(app.screen.query_one("#form-error", Static).render())
            assert "rør.toml: er ikke en almindelig fil" in error
        assert store.list_dialogues() == []


async def test_a_too_long_school_in_the_form_is_said_under_the_field_and_kept(db_path):
    from textual.widgets import Input, Static

    with Store.open(db_path) as store:
        app = DialogApp(store, new=True)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            school = "Skole [/] " + "x" * 300
            app.screen.query_one("#school", Input).value = school
            app.screen.query_one("#held_on", Input).value = "1.3.2025"
            await pilot.press("ctrl+s")
            await pilot.pause()
            message = str(app.screen.query_one("#school-msg", Static).render())
            assert message == "er for lang (højst 150 tegn)"
            assert app.screen.query_one("#school", Input).value == school  # nothing lost
            check_screen(app)
        assert store.list_dialogues() == []
