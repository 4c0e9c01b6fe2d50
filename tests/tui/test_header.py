"""Oplysninger (F12): the header corrected in the app; a follow-up asks its case
number; the export screen shows style and template and files in one step."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, Static

from dialog_tui import strings as S
from dialog_tui import yearly
from dialog_tui.export.memo import export_memo
from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp
from dialog_tui.tui.screens.export import ExportScreen
from dialog_tui.tui.screens.header import HeaderScreen
from dialog_tui.tui.screens.help import collect_bindings
from dialog_tui.tui.screens.meeting import MeetingScreen
from dialog_tui.tui.screens.prompt import PromptScreen

from .conftest import follow_up_from_list, type_text


@pytest.fixture(autouse=True)
def no_user_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path))


def texts(path: Path) -> list[str]:
    from docx import Document

    return [p.text for p in Document(str(path)).paragraphs]


def write_memo_toml(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config" / "dialog-tui" / "memo.toml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path


def field(app, name: str) -> Input:
    return app.screen.query_one(f"#{name}", Input)


async def replace(pilot, app, name: str, text: str) -> None:
    field(app, name).value = ""
    field(app, name).focus()
    await pilot.pause()
    await type_text(pilot, text)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_followup_gets_case_number_and_memo_date_in_the_app(
    db_path, make_dialogue, tmp_path, size
):
    store = Store.open(db_path)
    old_id = make_dialogue(store, "Skovskolen", date(2025, 3, 10), municipality="Egedal")
    app = DialogApp(store)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await follow_up_from_list(pilot, app, "9.3.2026")
        # The new dialogue asks its own case number, starting from last year's KLE.
        assert isinstance(app.screen, PromptScreen)
        assert app.screen.query_one(Input).value == "17.01.00-G01-"
        await type_text(pilot, "4-26")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        new_id = app.screen.dialogue_id
        assert new_id != old_id
        new = store.get_dialogue(new_id)
        assert (new.case_number, new.case_handler, new.municipality) == (
            "17.01.00-G01-4-26", "OKW", "Egedal"
        )  # fmt: skip
        # The memo date, and a typo in the school, through Oplysninger.
        await pilot.press("f12")
        await pilot.pause()
        assert isinstance(app.screen, HeaderScreen)
        assert field(app, "case_number").value == "17.01.00-G01-4-26"
        assert field(app, "held_on").value == "9.3.2026"
        await replace(pilot, app, "memo_date", "13.3.2026")
        await replace(pilot, app, "school", "Skovskolen Nord")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.title == "Skovskolen Nord · 9.3.2026"
    new = store.get_dialogue(new_id)
    assert new.memo_date == date(2026, 3, 13) and new.school == "Skovskolen Nord"
    got = texts(export_memo(new, tmp_path / "memo.docx"))
    assert got[:2] == ["Dato: 13. marts 2026", "Sags nr.: 17.01.00-G01-4-26"]
    store.close()


async def test_followup_case_number_left_for_later(db_path, make_dialogue):
    store = Store.open(db_path)
    make_dialogue(store)
    app = DialogApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("enter")  # a year later
        await pilot.pause()
        await pilot.press("enter")  # only the KLE number: no case number yet
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert store.get_dialogue(app.screen.dialogue_id).case_number == ""
        assert S.FOLLOWUP_CASE_NUMBER_LATER in [n.message for n in app._notifications]
    store.close()


async def test_header_from_the_list_refuses_bad_values_and_saves_nothing(db_path, make_dialogue):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    before = store.get_dialogue(dialogue_id)
    app = DialogApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f12")
        await pilot.pause()
        assert isinstance(app.screen, HeaderScreen)
        await replace(pilot, app, "held_on", "31.2.2025")
        await replace(pilot, app, "case_handler", "O")
        await replace(pilot, app, "case_number", "sag 17")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HeaderScreen)
        shown = str(app.screen.query_one("#held_on-msg", Static).render())
        assert shown == S.FORM_BAD_DATE
        assert "2-4 bogstaver" in str(app.screen.query_one("#case_handler-msg", Static).render())
        warning = str(app.screen.query_one("#case_number-msg", Static).render())
        assert warning == S.FORM_CASE_NUMBER_WARNING  # flagged, not blocking
        await pilot.press("escape")
        await pilot.pause()
    assert store.get_dialogue(dialogue_id) == before
    store.close()


async def test_header_of_a_final_dialogue_is_read_only(db_path, make_dialogue):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    store.set_status(dialogue_id, "final")
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f12")
        await pilot.pause()
        assert isinstance(app.screen, HeaderScreen)
        assert str(app.screen.query_one("#final", Static).render()) == S.HEADER_FINAL
        assert all(f.disabled for f in app.screen.query(Input))
        await pilot.press("a", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
    assert store.get_dialogue(dialogue_id).school == "Skovskolen"
    store.close()


async def test_header_key_is_in_help_and_palette(db_path, make_dialogue):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        keys = [e for group in collect_bindings(app.screen).values() for e in group]
        assert ("f12", S.KEY_HEADER) in keys
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert S.KEY_HEADER in commands
    store.close()


async def test_export_screen_shows_style_and_files_in_one_step(db_path, make_dialogue, tmp_path):
    memo_toml = write_memo_toml(tmp_path, 'name = "Egedal"\nsummary = false\n')
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    folder = tmp_path / "sag"
    folder.mkdir()
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        shown = str(app.screen.query_one("#style", Static).render())
        assert shown == f"Notatlayout: Egedal ({memo_toml})\nSkabelon: standardlayout"
        assert app.screen.query_one("#summary", Checkbox).value is False  # from memo.toml
        app.screen.query_one("#folder", Input).value = str(folder)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
    name = "17.01.00-G01-1-25 Referat fra skoleudviklingssamtale Skovskolen 2025-03-10"
    assert sorted(p.name for p in folder.iterdir()) == [f"{name}.docx", f"{name}.json"]
    assert "Opsummering" not in texts(folder / f"{name}.docx")  # the style's default
    store.close()


async def test_export_screen_with_a_bad_memo_toml_says_so_and_writes_nothing(
    db_path, make_dialogue, tmp_path
):
    memo_toml = write_memo_toml(tmp_path, "bullet = 1\n")
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.query_one("#output", Input).value = str(tmp_path / "m.docx")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        error = str(app.screen.query_one("#error", Static).render())
        assert error.startswith(str(memo_toml)) and "»bullet«" in error
    assert not (tmp_path / "m.docx").exists()
    store.close()


def test_followup_keeps_kle_when_last_year_had_only_a_case_number(db_path, make_dialogue):
    with Store.open(db_path) as store:
        old_id = make_dialogue(store)
        new_id = yearly.start_followup(store, old_id, date(2026, 3, 9))
        assert store.get_dialogue(new_id).kle == "17.01.00-G01"


async def test_overview_screen_takes_the_municipality_of_most_dialogues(
    db_path, make_dialogue, tmp_path
):
    from dialog_tui.tui.screens.overview import OverviewScreen

    store = Store.open(db_path)
    for school, municipality in [("Skovskolen", "Egedal"), ("Engskolen", "Egedal"),
                                 ("Byskolen", "Herlev")]:  # fmt: skip
        store.mark_held(make_dialogue(store, school, municipality=municipality))
    output = tmp_path / "o.docx"
    app = DialogApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        assert field(app, "municipality").value == "Egedal"
        field(app, "output").value = str(output)
        field(app, "municipality").value = "Ballerup"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = str(app.screen.query_one("#overview-error", Static).render())
        assert error == "ingen dialoger fra »Ballerup« i 2025 (kendte: Egedal, Herlev)"
        field(app, "municipality").value = "herlev"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, OverviewScreen)
    got = texts(output)
    assert "Byskolen" in got and "Skovskolen" not in got
    store.close()


async def test_ctrl_s_in_a_burst_saves_what_was_typed_before_it(db_path, make_dialogue):
    """A fast typist's Ctrl+S comes after the keys before it, not ahead of them."""
    from .test_burst import burst, chars

    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f12")
        await pilot.pause()
        field(app, "memo_date").focus()
        await pilot.pause()
        burst(app, [*chars("14.3.2025"), "ctrl+s", *chars("videre")])
        await pilot.pause(0.5)
        assert isinstance(app.screen, MeetingScreen)
    assert store.get_dialogue(dialogue_id).memo_date == date(2025, 3, 14)
    store.close()
