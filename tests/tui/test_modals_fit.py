"""Modals at 80x24 (issue 14): whatever their content, the title and the keys stay
on screen; only the fields scroll between them."""

from __future__ import annotations

import pytest

from dialog_tui.tui.screens.confirm import ConfirmScreen
from dialog_tui.tui.screens.prompt import PromptScreen

from .test_burst import meeting


def on_screen(app, selector: str) -> bool:
    widget = app.screen.query_one(selector)
    region = widget.region
    return region.height > 0 and region.y >= 0 and region.bottom <= app.size.height


@pytest.mark.parametrize(
    "modal",
    [
        lambda: ConfirmScreen("Overskriv " + "/meget/lang/sti" * 200 + ".docx?"),
        lambda: PromptScreen("Tema?", suggestions=[f"Tema nummer {n}" for n in range(300)]),
    ],
    ids=["confirm", "prompt"],
)
async def test_long_content_keeps_the_keys_in_view(db_path, make_dialogue, modal):
    async with meeting(db_path, make_dialogue, size=(80, 24)) as (app, pilot, _):
        app.push_screen(modal())
        await pilot.pause()
        assert on_screen(app, ".hint")
        assert app.screen.query_one(".dialog").region.bottom <= 24


async def test_export_with_a_long_error_keeps_title_and_keys(db_path, make_dialogue):
    async with meeting(db_path, make_dialogue, size=(80, 24)) as (app, pilot, _):
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.show_error("Kunne ikke skrive " + "/meget/lang/sti" * 100)
        await pilot.pause()
        assert on_screen(app, "#form .title") and on_screen(app, "#form .hint")
