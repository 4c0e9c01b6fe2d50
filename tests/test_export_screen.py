"""The export screen in a small app that only has ``.store``."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_helpers import sample_dialogue, texts
from textual.app import App
from textual.widgets import Checkbox, Input, Static

from dialog_tui.store import Store
from dialog_tui.tui.screens.export import ExportScreen


class StoreApp(App):
    def __init__(self, store: Store, dialogue_id: int) -> None:
        super().__init__()
        self.store = store
        self.dialogue_id = dialogue_id
        self.result: list[Path | None] = []

    def on_mount(self) -> None:
        self.push_screen(ExportScreen(self.dialogue_id), self.result.append)


async def settle(pilot) -> None:
    """Until the export's worker thread is done and its result is on the screen."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _set(app: App, selector: str, value: str) -> None:
    app.screen.query_one(selector, Input).value = value


def _hits(app: App) -> list[str]:
    return [str(s.render()) for s in app.screen.query(".hit").results(Static)]


async def test_defaults_and_export_without_summary(store, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    did = store.create_dialogue(sample_dialogue())
    app = StoreApp(store, did)
    async with app.run_test() as pilot:
        await settle(pilot)
        output = app.screen.query_one("#output", Input).value
        assert output == str(tmp_path / "Referat Herstedøster Skole 10. marts 2025.docx")
        assert app.screen.query_one("#template", Input).value == ""
        app.screen.query_one("#summary", Checkbox).value = False
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert app.result == [Path(output)]
    got = texts(Path(output))
    assert "Opsummering" not in got and got[0] == "Dato: 14. marts 2025"


def _with_cpr(store, point: int, text: str) -> StoreApp:
    d = sample_dialogue()
    d.agenda[point - 1].notes[0].text = text
    return StoreApp(store, store.create_dialogue(d))


async def _export_until_hits(app: StoreApp, pilot, out: Path) -> list[str]:
    await settle(pilot)
    _set(app, "#output", str(out))
    await pilot.press("ctrl+s")
    await settle(pilot)
    return _hits(app)


@pytest.mark.parametrize("how", ["fix", "confirm"])
async def test_cpr_hits_are_shown_with_their_point_then_fixed_or_confirmed(store, tmp_path, how):
    app = _with_cpr(store, 2, "Eleven med cpr 120375-1234 har højt fravær.")
    out = tmp_path / "memo.docx"
    async with app.run_test() as pilot:
        hits = await _export_until_hits(app, pilot, out)
        assert hits == ["punkt 2: 120375-1234 i »Eleven med cpr 120375-1234 har højt fravær.«"]
        assert not app.screen.query_one("#form").display
        if how == "fix":
            await pilot.press("enter")  # "Tilbage og ret" has the focus
        else:
            await pilot.click("#confirm")
        await settle(pilot)
    if how == "fix":
        assert app.result == [None] and not out.exists()
    else:
        assert app.result == [out]
        assert "Eleven med cpr 120375-1234 har højt fravær." in texts(out)


async def test_a_bad_template_shows_the_error_and_keeps_the_screen(store, tmp_path):
    did = store.create_dialogue(sample_dialogue())
    bad = tmp_path / "skabelon.docx"
    bad.write_text("ikke word")
    out = tmp_path / "memo.docx"
    app = StoreApp(store, did)
    async with app.run_test() as pilot:
        await settle(pilot)
        _set(app, "#output", str(out))
        _set(app, "#template", str(bad))
        await pilot.press("ctrl+s")
        await settle(pilot)
        error = str(app.screen.query_one("#error", Static).render())
        assert error == f"skabelonen {bad} er ikke en Word-fil (.docx, .dotx eller .dotm)"
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("escape")
        await settle(pilot)
    assert app.result == [None]
    assert not out.exists()


async def test_ctrl_e_opens_the_export_screen_from_the_list_and_the_meeting(store):
    from dialog_tui.tui.app import DialogApp

    did = store.create_dialogue(sample_dialogue())
    app = DialogApp(store)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen) and app.screen.dialogue_id == did
        await pilot.press("escape")
        await settle(pilot)
        app.open_meeting(did)
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen) and app.screen.dialogue_id == did


async def test_an_existing_memo_is_only_replaced_when_confirmed(store, tmp_path):
    """The case handler may have edited last export in Word: asked before replacing."""
    from dialog_tui.tui.screens.confirm import ConfirmScreen

    did = store.create_dialogue(sample_dialogue())
    out = tmp_path / "memo.docx"
    out.write_bytes(b"edited in Word")
    app = StoreApp(store, did)
    async with app.run_test() as pilot:
        await settle(pilot)
        _set(app, "#output", str(out))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert out.read_bytes() == b"edited in Word"
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
    assert app.result == [out]
    assert "Referat fra skoleudviklingssamtale på Herstedøster Skole 10. marts 2025" in texts(out)


async def test_a_template_is_checked_when_it_is_picked(store, tmp_path):
    from export_templates import build_template

    did = store.create_dialogue(sample_dialogue())
    bad = build_template(tmp_path / "bad.docx", body_text="{{ 1/0 }}")
    good = build_template(tmp_path / "kommune.dotx")
    app = StoreApp(store, did)
    async with app.run_test() as pilot:
        await pilot.pause()
        app.screen.query_one("#template", Input).focus()
        for template, shown in [
            (
                bad,
                f"skabelonen {bad}: pladsholderen {{{{ 1/0 }}}} giver en fejl, når den udfyldes",
            ),
            (good, "Skabelonen er i orden."),
        ]:
            app.screen.query_one("#template", Input).focus()
            await pilot.pause()
            _set(app, "#template", str(template))
            await pilot.press("tab")  # leaving the field picks the template
            await settle(pilot)
            assert str(app.screen.query_one("#error", Static).render()) == shown
        assert isinstance(app.screen, ExportScreen)


async def test_a_cpr_number_in_the_template_is_listed_as_the_templates(store, tmp_path):
    from export_templates import build_template, rewrite_part

    template = build_template(tmp_path / "t.docx")
    rewrite_part(template, "word/footer1.xml", lambda s: s.replace("Allé 1", "Allé 1 010190-1234"))
    app = StoreApp(store, store.create_dialogue(sample_dialogue()))
    out = tmp_path / "memo.docx"
    async with app.run_test() as pilot:
        await pilot.pause()
        _set(app, "#template", str(template))
        hits = await _export_until_hits(app, pilot, out)
        assert hits == ["skabelonen: 010190-1234 i »…nd Kommune · Nordmarks Allé 1 010190-1234«"]
        await pilot.click("#confirm")
        await pilot.pause()
    assert app.result == [out] and out.exists()
