"""Key figures in the meeting, goal details and next year's follow-up."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Sparkline, Static

from dialog_tui.figures import read_figures
from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp
from dialog_tui.tui.screens.goal_details import GoalDetailsScreen
from dialog_tui.tui.widgets.figures_panel import FiguresPanel

from .conftest import no_blink, type_text

FIGURES = (
    "skole;indikator;skoleår;værdi;enhed;kilde;sammenligning;fortrolig\n"
    "Skovskolen;Elevfravær;2022/23;7,9;%;Uddannelsesstatistik;;\n"
    "Skovskolen;Elevfravær;2023/24;7,2;%;Uddannelsesstatistik;;\n"
    "Skovskolen;Elevfravær;2023/24;6,6;%;Uddannelsesstatistik;kommune;\n"
    "Skovskolen;Nationale test, læsning;2023/24;51;%;Uddannelsesstatistik;;ja\n"
)


def load(store: Store, tmp_path: Path, text: str = FIGURES) -> None:
    path = tmp_path / "tal.csv"
    path.write_text(text, encoding="utf-8")
    store.load_figures(read_figures(path))


def panel_text(panel: FiguresPanel) -> str:
    return "\n".join(str(s.render()) for s in panel.query(Static))


async def test_data_point_shows_the_figures_and_a_goal_takes_its_baseline(
    db_path, tmp_path, make_dialogue
):
    store = Store.open(db_path)
    load(store, tmp_path)
    dialogue_id = make_dialogue(store)
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(FiguresPanel)
        assert not panel.display  # point 1 is not about data
        await pilot.press("alt+down")
        await pilot.pause()
        assert panel.display  # "Brug af data, …": on by default
        text = panel_text(panel)
        assert "Elevfravær" in text
        assert "7,2 % (2023/24) · -0,7 siden 2022/23 · kommune 6,6 %" in text
        assert "fortrolig" in text  # the national test is marked
        charts = list(panel.query(Sparkline))
        assert [7.9, 7.2] in [list(c.data) for c in charts]
        await pilot.press("ctrl+g")
        assert not panel.display
        await pilot.press("ctrl+g")
        assert panel.display

        # A goal tied to the series: completion, then the baseline fills in.
        await type_text(pilot, "Fraværet skal ned")
        await pilot.press("f3", "f9")
        await pilot.pause()
        assert isinstance(app.screen, GoalDetailsScreen)
        await type_text(pilot, "elevf")
        await pilot.press("right")  # takes the completion
        await pilot.pause()
        await pilot.press("tab", "tab")
        await type_text(pilot, "6 %")
        await pilot.press("ctrl+s")
        await pilot.pause()
    note = next(n for _, _, n in store.get_dialogue(dialogue_id).notes() if n.goal)
    assert note.goal.indicator == "Elevfravær"
    assert note.goal.baseline == "7,2 % (2023/24, Uddannelsesstatistik)"
    assert note.goal.target == "6 %"
    store.close()


async def test_ctrl_g_says_how_to_load_figures_when_there_are_none(db_path, make_dialogue):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store, school="Egeskolen")
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+down")
        await pilot.pause()
        panel = app.screen.query_one(FiguresPanel)
        assert not panel.display  # no figures: the data point stays as it was
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert panel.display
        assert "dialog-tui figures load" in panel_text(panel)
    store.close()


async def test_next_years_followup_shows_the_actual_and_proposes_a_status(
    db_path, tmp_path, make_dialogue
):
    from dialog_tui.model import GoalDetails, Note
    from dialog_tui.tui.screens.followups import FollowUpList, FollowUpsScreen
    from dialog_tui.yearly import start_followup

    store = Store.open(db_path)
    load(store, tmp_path)
    last_year = make_dialogue(store, held_on=date(2024, 3, 11))
    item = store.agenda_items(last_year)[1]
    goal = GoalDetails(
        indicator="elevfravær", baseline="7,2 % (2023/24, Uddannelsesstatistik)", target="6 %"
    )
    store.insert_note(item.id, Note(text="Fraværet skal ned", tags=["goal"], goal=goal))
    other = GoalDetails(indicator="Ukendt", target="80 %")
    store.insert_note(item.id, Note(text="Læsning løftes", tags=["goal"], goal=other))
    this_year = start_followup(store, last_year, date(2025, 3, 10))
    new_year = "Skovskolen;Elevfravær;2024/25;6,8;%;Uddannelsesstatistik;;\n"
    load(store, tmp_path, FIGURES + new_year)
    app = DialogApp(store, open_id=this_year)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)
        options = app.screen.query_one(FollowUpList)
        first = str(options.get_option_at_index(0).prompt)
        assert "7,2 % (2023/24, Uddannelsesstatistik) → 6 %" in first  # baseline → target
        assert "Nyeste tal: 6,8 % (2024/25)" in first
        assert "forslag ud fra tallene: delvist opfyldt (tast 2)" in first
        assert "Nyeste tal" not in str(options.get_option_at_index(1).prompt)
        followups = store.followups(this_year)
        assert followups[0].reached == "6,8 % (2024/25)"  # pre-filled
        assert followups[0].status is None  # the facilitator decides
        assert followups[1].reached == ""
        await pilot.press("2")
        await pilot.pause()
    assert store.followups(this_year)[0].status == "delvist opfyldt"
    store.close()


async def test_names_from_a_file_are_text_never_markup(db_path, tmp_path, make_dialogue):
    store = Store.open(db_path)
    school = "Skole [b]A[/b]"
    hostile = (
        "skole;indikator;skoleår;værdi\n"
        f"{school};[red]Fravær\x1b[31m[/red];2023/24;5\n"
        f"{school};[red]Fravær\x1b[31m[/red];2022/23;6\n"
    )
    load(store, tmp_path, hostile)
    dialogue_id = make_dialogue(store, school=school)
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("alt+down")
        await pilot.pause()
        panel = app.screen.query_one(FiguresPanel)
        assert panel.display
        assert "[red]Fravær[/red]" in panel_text(panel)  # the whole escape sequence is gone
        assert "\x1b" not in panel_text(panel)
        shown = Content.from_markup(panel.border_title).plain  # as the border draws it
        assert shown == f"Nøgletal · {school}"
    store.close()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_data_point_with_figures(snap_compare, db_path, tmp_path, make_dialogue, size):
    store = Store.open(db_path)
    load(store, tmp_path)
    dialogue_id = make_dialogue(store)
    item = store.agenda_items(dialogue_id)[1]  # the meeting opens at its note
    store.add_note(item.id, "Elevfraværet ligger på landsgennemsnittet.")

    async def to_data_point(pilot) -> None:
        await pilot.pause()
        no_blink(pilot.app)
        await pilot.pause()

    app = DialogApp(store, open_id=dialogue_id)
    assert snap_compare(app, terminal_size=size, run_before=to_data_point)
    store.close()
