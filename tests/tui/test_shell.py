"""The dialogue list, the new-dialogue form, help and palette."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

from textual.widgets import DataTable, Static

from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp
from dialog_tui.tui.screens.confirm import ConfirmScreen
from dialog_tui.tui.screens.help import HelpScreen, collect_bindings
from dialog_tui.tui.screens.new_dialogue import NewDialogueScreen

from .conftest import type_text


def table_rows(app) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_list_newest_first_and_filter_by_typing(db_path, make_dialogue):
    store = Store.open(db_path)
    make_dialogue(store, "Skovskolen", date(2024, 3, 1))
    make_dialogue(store, "Engskolen", date(2025, 5, 1))
    make_dialogue(store, "Skovskolen", date(2025, 3, 1))
    app = DialogApp(store)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert [r[:3] for r in table_rows(app)] == [
            ["1.5.2025", "Engskolen", "kladde"],
            ["1.3.2025", "Skovskolen", "kladde"],
            ["1.3.2024", "Skovskolen", "kladde"],
        ]
        await type_text(pilot, "skov 2024")
        assert [r[:2] for r in table_rows(app)] == [["1.3.2024", "Skovskolen"]]
    store.close()


async def test_a_long_list_shows_its_newest_page_first_then_every_dialogue(db_path):
    """Past the first screenful the rest of the list loads after the first paint."""
    from dialog_tui.model import Dialogue
    from dialog_tui.tui.screens.dialogues import FIRST_ROWS

    store = Store.open(db_path)
    count = FIRST_ROWS * 3 + 7
    schools = ["Ældsteskolen"] + [f"Skole {day}" for day in range(1, count)]
    for day, school in enumerate(schools):  # oldest first
        store.create_dialogue(Dialogue(school=school, held_on=date(2020, 1, 1)
                                       + timedelta(days=day)))  # fmt: skip
    app = DialogApp(store)
    async with app.run_test() as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        for _ in range(50):
            if table.row_count == count:
                break
            await pilot.pause(0.05)
        rows = table_rows(app)
        assert [r[1] for r in rows] == schools[::-1]
        await pilot.press("pagedown", *["pagedown"] * 14)  # row 150, past the first page
        app.screen.reload()  # as when coming back from a screen: the first page again
        for _ in range(50):
            if table.row_count == count:
                break
            await pilot.pause(0.05)
        assert table_rows(app)[table.cursor_row][1] == schools[::-1][150]
        await type_text(pilot, "ældste")
        assert [r[:2] for r in table_rows(app)] == [["1.1.2020", "Ældsteskolen"]]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.dialogue.school == "Ældsteskolen"
    store.close()


async def test_delete_asks_moves_to_bin_and_restores(db_path, make_dialogue):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    app = DialogApp(store)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert store.list_dialogues()[0].id == dialogue_id
        await pilot.press("ctrl+d")
        await pilot.press("j")
        await pilot.pause()
        assert store.list_dialogues() == []
        assert "Ingen dialoger" in str(app.screen.query_one("#empty", Static).render())
        await pilot.press("f8")  # the bin (Ctrl+B too, where tmux lets it through)
        await pilot.pause()
        assert [r[1] for r in table_rows(app)] == ["Skovskolen"]
        await pilot.press("enter")  # in the bin, Enter restores
        await pilot.pause()
        assert [d.id for d in store.list_dialogues()] == [dialogue_id]
    store.close()


async def test_form_validates_and_warns_softly(db_path):
    store = Store.open(db_path)
    app = DialogApp(store, new=True)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NewDialogueScreen)
        await type_text(pilot, "Engskolen")
        await pilot.press("tab", "tab")
        await type_text(pilot, "31.2.2025")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NewDialogueScreen)
        held_on_msg = screen.query_one("#held_on-msg", Static)
        assert "Ugyldig dato" in str(held_on_msg.render())
        assert held_on_msg.display and held_on_msg.region.height >= 1  # on screen
        assert not screen.query_one("#school-msg", Static).display  # no empty lines
        assert store.list_dialogues() == []
        # Fix the date; a malformed case number warns but does not block.
        screen.query_one("#held_on").value = "28.2.2025"
        screen.query_one("#case_number").value = "sag 12"
        await pilot.pause()
        case_number_msg = screen.query_one("#case_number-msg", Static)
        assert "ligner ikke" in str(case_number_msg.render())
        assert case_number_msg.display
        screen.query_one(
            "#participants"
        ).text = "Anna Jensen, skoleleder, Engskolen\nOle Berg, konsulent, Forvaltningen\n"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (summary,) = store.list_dialogues()
    d = store.get_dialogue(summary.id)
    assert (d.school, str(d.held_on), d.case_number) == ("Engskolen", "2025-02-28", "sag 12")
    assert len(d.agenda) == 5 and len(d.checklist) == 6
    assert [(p.name, p.role, p.organisation) for p in d.participants] == [
        ("Anna Jensen", "skoleleder", "Engskolen"),
        ("Ole Berg", "konsulent", "Forvaltningen"),
    ]
    store.close()


async def test_help_lists_every_key_grouped(db_path, make_dialogue):
    store = Store.open(db_path)
    app = DialogApp(store, open_id=make_dialogue(store))
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        groups = collect_bindings(app.screen)
        assert ("f3", "Mål") in groups["Møde og dagsorden"]
        assert ("⏎", "Ny note") in groups["Noter"]
        assert ("^q", "Afslut") in groups["Generelt"]
        descriptions = [d for entries in groups.values() for _, d in entries]
        assert "Focus Next" not in descriptions  # only our own, Danish, keys
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
    store.close()


async def test_palette_offers_the_screens_actions(db_path, make_dialogue):
    store = Store.open(db_path)
    app = DialogApp(store, open_id=make_dialogue(store))
    async with app.run_test() as pilot:
        await pilot.pause()
        commands = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert {"Mål", "Nyt punkt", "Deltagere", "Fortryd"} <= set(commands)
        assert commands["Næste punkt"] == "^d"
        # The palette itself speaks Danish, in the footer and its search line.
        await pilot.press("ctrl+p")
        await pilot.pause()
        painted = app.export_screenshot().replace("&#160;", " ")
        assert "øg efter en kommando" in painted  # (the cursor cell holds the S)
        assert "Search for commands" not in painted
    store.close()


def test_open_a_missing_dialogue_is_one_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "dialog_tui", "--db", str(tmp_path / "x.db"), "open", "999"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr == "dialog-tui: dialog 999 findes ikke\n"


def test_cli_store_and_export_do_not_import_textual():
    code = (
        "import sys, dialog_tui.cli, dialog_tui.store, dialog_tui.exchange, dialog_tui.agenda;"
        "assert 'textual' not in sys.modules, 'textual imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
