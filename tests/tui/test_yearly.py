"""Year over year in the app: checklist, status, follow-up, search, goal history."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, OptionList, Select, Static

from dialog_tui import strings as S
from dialog_tui import yearly
from dialog_tui.model import GoalDetails
from dialog_tui.store import Store
from dialog_tui.tui.app import DialogApp
from dialog_tui.tui.screens.checklist import ChecklistScreen
from dialog_tui.tui.screens.confirm import ConfirmScreen
from dialog_tui.tui.screens.dialogues import a_year_later
from dialog_tui.tui.screens.followups import FollowUpsScreen
from dialog_tui.tui.screens.goal_history import GoalHistoryScreen
from dialog_tui.tui.screens.help import collect_bindings
from dialog_tui.tui.screens.meeting import MeetingScreen
from dialog_tui.tui.screens.overview import OverviewScreen
from dialog_tui.tui.screens.prompt import PromptScreen
from dialog_tui.tui.screens.search import SearchScreen
from dialog_tui.tui.screens.status import StatusScreen
from dialog_tui.tui.widgets.note_list import NoteList
from dialog_tui.tui.widgets.side_panel import SidePanel, TaggedLines

from .conftest import follow_up_from_list, settle, type_text


def screen_text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def options_text(app, selector: str = OptionList) -> list[str]:
    options = app.screen.query_one(selector)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def done_flags(store: Store, dialogue_id: int) -> list[bool]:
    return [c.done for c in store.get_dialogue(dialogue_id).checklist]


async def test_checklist_ticks_by_key_and_saves_at_once(db_path, make_dialogue):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    total = len(store.get_dialogue(dialogue_id).checklist)
    assert total >= 5
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        side = app.screen.query_one(SidePanel)
        assert f"Tjekliste 0/{total}" in str(side.query_one("#progress", Static).render())
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        await pilot.press("space")
        assert done_flags(store, dialogue_id)[0] is True
        await pilot.press("down", "down", "enter")
        assert done_flags(store, dialogue_id)[:3] == [True, False, True]
        assert options_text(app)[2].startswith("[x] ")
        assert options_text(app)[1].startswith("[ ] ")
        await pilot.press("space")  # untick
        assert done_flags(store, dialogue_id)[:3] == [True, False, False]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert f"Tjekliste 1/{total}" in str(side.query_one("#progress", Static).render())
    store.close()


def notices(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_final_dialogue_checklist_shows_but_refuses(db_path, make_dialogue):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    store.set_status(dialogue_id, "final")
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert any("endelig og vises kun til læsning" in m for m in notices(app))
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        assert len(options_text(app)) == len(done_flags(store, dialogue_id))
        await pilot.press("space")
        await pilot.pause()
        assert not any(done_flags(store, dialogue_id))
        assert any("endelig og kan ikke ændres" in m for m in notices(app))
    store.close()


# --- Follow-up ---------------------------------------------------------------


def fill_year(store: Store, dialogue_id: int, suffix: str = "") -> dict[str, int]:
    """A goal with details, an attention point, an agreement and an internal note."""
    items = store.agenda_items(dialogue_id)
    goal = store.add_note(items[0].id, f"Læsning løftes i 4. årgang{suffix}.", tags=["goal"])
    store.set_goal(
        goal.id,
        GoalDetails(
            indicator="Andel sikre læsere",
            baseline="62 %",
            target="75 %",
            due=date(2026, 6, 30),
            theme="faglige-resultater",
        ),
    )
    attention = store.add_note(items[1].id, "Fraværet i udskolingen.", tags=["attention"])
    agreement = store.add_note(
        items[2].id, "Forvaltningen sender fraværsdata.", tags=["agreement"]
    )
    store.add_note(items[2].id, "Intern: lederen er presset.", internal=True)
    return {"goal": goal.id, "attention": attention.id, "agreement": agreement.id}


async def test_followup_from_the_list_asks_the_date_and_opens_next_year(db_path, make_dialogue):
    store = Store.open(db_path)
    old_id = make_dialogue(store, "Skovskolen", date(2025, 3, 10))
    fill_year(store, old_id)
    app = DialogApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        field = app.screen.query_one(Input)
        expected = a_year_later(date(2025, 3, 10), date.today())
        assert field.value == f"{expected.day}.{expected.month}.{expected.year}"
        # A bad date says so and creates nothing.
        field.value = ""
        await type_text(pilot, "31.2.2026")
        await pilot.press("enter")
        await pilot.pause()
        assert len(store.list_dialogues()) == 1
        assert any("Ugyldig dato" in m for m in notices(app))
        await follow_up_from_list(pilot, app, "9.3.2026")
        # Its own case number is asked (tests/tui/test_header.py); left for later here.
        assert isinstance(app.screen, PromptScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        new_id = app.screen.dialogue_id
        new = store.get_dialogue(new_id)
        assert new.held_on == date(2026, 3, 9)
        assert new.school == "Skovskolen"
        assert new.previous == store.get_dialogue(old_id).uid
        assert [f.kind for f in new.followups] == ["goal", "attention", "agreement"]
        side = str(app.screen.query_one(SidePanel).query_one("#progress", Static).render())
        assert "Opfølgning 0/3 vurderet" in side
    store.close()


def test_a_year_later():
    assert a_year_later(date(2025, 3, 10), date(2025, 12, 1)) == date(2026, 3, 10)
    assert a_year_later(date(2024, 2, 29), date(2024, 12, 1)) == date(2025, 2, 28)
    assert a_year_later(date(2020, 3, 10), date(2025, 12, 1)) == date(2025, 12, 1)
    assert a_year_later(date(9999, 3, 10), date(2025, 12, 1)) == date(9999, 3, 10)


@pytest.fixture
def followed_up(db_path, make_dialogue):
    """Skovskolen 2025 with goals, and its 2026 follow-up (the follow-up's id)."""
    store = Store.open(db_path)
    old_id = make_dialogue(store, "Skovskolen", date(2025, 3, 10))
    sources = fill_year(store, old_id)
    new_id = yearly.start_followup(store, old_id, date(2026, 3, 9))
    yield store, old_id, new_id, sources
    store.close()


async def test_followup_statuses_value_comment_and_carry_on(followed_up):
    store, old_id, new_id, sources = followed_up
    old = store.get_dialogue(old_id)
    goal_uid = next(n.uid for _, _, n in old.notes() if n.id == sources["goal"])
    app = DialogApp(store, open_id=new_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)
        rows = options_text(app, "#followups")
        assert "Læsning løftes i 4. årgang." in rows[0]
        # The goal line as the memo writes it (dialog_tui.text.goal_line).
        assert "Andel sikre læsere: 62 % → 75 %, senest 30. juni 2026" in rows[0]
        assert all("ikke vurderet" in r for r in rows)

        # 4 on the goal: carried on as a goal of this dialogue, linked to last year's.
        await pilot.press("4")
        await pilot.pause()
        goal_followup = store.followups(new_id)[0]
        assert goal_followup.status == "videreført"
        carried = [n for _, _, n in store.get_dialogue(new_id).notes() if "goal" in n.tags]
        assert [n.text for n in carried] == ["Læsning løftes i 4. årgang."]
        assert carried[0].goal.ancestor == goal_uid
        assert carried[0].goal.target == "75 %"
        assert goal_followup.carried_to == carried[0].uid
        assert "Videreført" in options_text(app, "#followups")[0]
        # Changing one's mind: the goal made stays, and the user is told where it is.
        await pilot.press("2")
        await pilot.pause()
        assert store.followups(new_id)[0].status == "delvist opfyldt"
        assert any("slet det med F8" in m for m in notices(app))
        await pilot.press("4")
        await pilot.pause()
        assert len([n for _, _, n in store.get_dialogue(new_id).notes() if "goal" in n.tags]) == 1

        # 2 on the attention point, then value reached and a comment, saved as typed.
        await pilot.press("down", "2")
        await pilot.press("tab")
        await type_text(pilot, "8 %")
        await pilot.press("tab")
        await type_text(pilot, "Bedre men ikke nok")
        attention = store.followups(new_id)[1]
        assert (attention.status, attention.reached, attention.comment) == (
            "delvist opfyldt",
            "8 %",
            "Bedre men ikke nok",
        )
        await pilot.press("enter")  # back to the list
        await pilot.press("down", "3")
        assert store.followups(new_id)[2].status == "ikke opfyldt"
        await pilot.press("0")
        assert store.followups(new_id)[2].status is None
        await pilot.press("1")
        rows = options_text(app, "#followups")
        assert "Delvist opfyldt" in rows[1] and "nået 8 %" in rows[1]
        assert "Opfyldt" in rows[2]
        assert "3/3 vurderet" in screen_text(app, "#followups-title")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        side = app.screen.query_one(SidePanel)
        assert "Opfølgning 3/3 vurderet" in str(side.query_one("#progress", Static).render())
        assert "Læsning løftes" in " ".join(side.query_one(TaggedLines).plain_lines())


# --- Status ------------------------------------------------------------------


def current_note_text(app) -> str:
    return app.screen.query_one(NoteList).note.text


async def test_held_shows_unticked_points_final_is_read_only_reopen_records_reason(
    db_path, make_dialogue
):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    total = len(store.get_dialogue(dialogue_id).checklist)
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await type_text(pilot, "Før")
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, StatusScreen)
        assert "Status nu: kladde" in screen_text(app, "#status-now")
        await pilot.press("a")
        await pilot.pause()
        unticked = screen_text(app, "#unticked-list")
        assert "Skolebestyrelsens forældrerepræsentant er inviteret" in unticked
        assert store.get_dialogue(dialogue_id).status == "draft"
        # Go and tick them all: back from the checklist it is marked held.
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        for _ in range(total):
            await pilot.press("space", "down")
        await pilot.press("escape")
        await pilot.pause()
        assert store.get_dialogue(dialogue_id).status == "held"
        assert isinstance(app.screen, MeetingScreen)

        # Final: asks, then the meeting is read-only at once.
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        await pilot.pause()
        assert store.get_dialogue(dialogue_id).status == "final"
        assert isinstance(app.screen, MeetingScreen)
        assert "Endelig: kun læsning" in screen_text(app, "#status")
        # Nobody edits a final dialogue: its edit lock is let go, so another
        # instance may open (and reopen) it at once.
        with Store.open(db_path) as other:
            assert other.acquire_edit_lock(dialogue_id) is None
            other.release_edit_lock(dialogue_id)
        await type_text(pilot, "x")
        assert current_note_text(app) == "Før"
        assert store.last_edited_note(dialogue_id).text == "Før"
        await pilot.press("ctrl+k", "space")
        await pilot.pause()
        assert all(done_flags(store, dialogue_id))  # unchanged: the untick was refused
        assert any("endelig og kan ikke ændres" in m for m in notices(app))
        await pilot.press("escape")

        # Reopen: an empty reason is refused, a reason is recorded.
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert store.get_dialogue(dialogue_id).status == "final"
        # The prompt stays, says why, and takes the reason typed next.
        assert isinstance(app.screen, PromptScreen)
        assert "Skriv en årsag" in screen_text(app, "#prompt-error")
        await type_text(pilot, "Rettelse af stavefejl")
        await pilot.press("enter")
        await pilot.pause()
        dialogue = store.get_dialogue(dialogue_id)
        assert dialogue.status == "held"
        assert dialogue.history[-1].from_status == "final"
        assert dialogue.history[-1].reason == "Rettelse af stavefejl"
        assert isinstance(app.screen, MeetingScreen)
        await type_text(pilot, " efter")
        assert store.last_edited_note(dialogue_id).text == "Før efter"
        await pilot.press("f10")
        await pilot.pause()
        assert "Rettelse af stavefejl" in screen_text(app, "#history")
    store.close()


# --- Search ------------------------------------------------------------------


async def wait_for_search(pilot) -> None:
    """Until the debounced search has run (no timing asserted, just waited for)."""
    for _ in range(100):
        await pilot.pause(0.05)
        if pilot.app.screen.timer is None:
            await settle(pilot)  # and its worker thread has shown the results
            return
    raise AssertionError("the search never ran")


@pytest.fixture
def two_schools(db_path, make_dialogue):
    store = Store.open(db_path)
    skov = make_dialogue(store, "Skovskolen", date(2025, 3, 10))
    eng = make_dialogue(store, "Engskolen", date(2024, 4, 2))
    notes = {"skov": fill_year(store, skov), "eng": fill_year(store, eng, " og 5. årgang")}
    yield store, skov, eng, notes
    store.close()


async def test_search_live_filters_marks_and_opens_at_the_note(two_schools):
    store, skov, _eng, notes = two_schools
    app = DialogApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await type_text(pilot, "læs")  # word beginnings, as you type
        await wait_for_search(pilot)
        rows = options_text(app, "#hits")
        assert len(rows) == 2
        assert any(r.startswith("Skovskolen · 10.3.2025 · punkt 1.") for r in rows)
        assert any(r.startswith("Engskolen · 2.4.2024 · punkt 1.") for r in rows)
        assert "2 noter ·" in screen_text(app, "#search-info")
        # The hit is marked (reverse) in the snippet.
        prompt = app.screen.query_one("#hits", OptionList).get_option_at_index(0).prompt
        marked = [prompt.plain[s.start : s.end] for s in prompt.spans if "reverse" in str(s.style)]
        assert marked and all(m.lower().startswith("læs") for m in marked)

        # Filters: year, then school.
        await pilot.press("tab", "tab")
        await type_text(pilot, "2024")
        await wait_for_search(pilot)
        assert [r.split(" · ")[0] for r in options_text(app, "#hits")] == ["Engskolen"]
        app.screen.query_one("#year", Input).value = ""
        await pilot.press("shift+tab")
        await type_text(pilot, "Skovskolen")
        await wait_for_search(pilot)
        rows = options_text(app, "#hits")
        assert [r.split(" · ")[0] for r in rows] == ["Skovskolen"]

        # Enter opens the meeting at that very note.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.dialogue_id == skov
        assert app.screen.query_one(NoteList).note.id == notes["skov"]["goal"]
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
    store.close()


async def test_search_kind_filter_internal_notes_and_calm_messages(two_schools):
    store, _skov, _eng, _notes = two_schools
    app = DialogApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        await type_text(pilot, "fravær*")
        await wait_for_search(pilot)
        assert len(options_text(app, "#hits")) == 4  # attention point and agreement, twice
        app.screen.query_one("#kind", Select).value = "agreement"
        await wait_for_search(pilot)
        rows = options_text(app, "#hits")
        assert len(rows) == 2 and all("AFT" in r for r in rows)
        # No words, only a filter: every agreement.
        app.screen.query_one("#query", Input).value = ""
        await wait_for_search(pilot)
        rows = options_text(app, "#hits")
        assert len(rows) == 2 and all("AFT" in r for r in rows)
        app.screen.query_one("#kind", Select).clear()
        # Internal notes are found, and marked as such.
        app.screen.query_one("#query", Input).value = "presset"
        await wait_for_search(pilot)
        assert all("INTERN" in r for r in options_text(app, "#hits"))
        # Nothing found, and syntax FTS would choke on: a calm line, no traceback.
        for query in ("zzzqqq", '"ufærdig frase', "AND OR NOT ( *", "-"):
            app.screen.query_one("#query", Input).value = query
            await wait_for_search(pilot)
            assert options_text(app, "#hits") == []
            assert screen_text(app, "#search-info") in ("Ingen noter matcher.", S.SEARCH_HINT)
    store.close()


# --- Goal history ------------------------------------------------------------


async def test_goal_history_shows_each_year_and_opens_the_goal(followed_up):
    store, _old_id, new_id, _sources = followed_up
    goal_followup = store.followups(new_id)[0]
    carried = store.carry_on(goal_followup.id)
    store.update_followup(goal_followup.id, reached="70 %", comment="Tæt på")
    app = DialogApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert isinstance(app.screen, GoalHistoryScreen)
        assert "Målhistorik: Skovskolen" in app.screen.query_one(".title", Static).render().plain
        rows = options_text(app, "#goals")
        assert rows[0].startswith("Mål 1: 2025 → 2026")
        assert rows[1].startswith("10.3.2025  Læsning løftes i 4. årgang.")
        assert "62 % → 75 %" in rows[1]
        assert "Året efter: Videreført · nået 70 % · Tæt på" in rows[1]
        assert rows[2].startswith("9.3.2026  Læsning løftes i 4. årgang.")
        assert "Ikke fulgt op endnu" in rows[2]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.dialogue_id == new_id
        assert app.screen.query_one(NoteList).note.id == carried.id


# --- Council overview --------------------------------------------------------


async def open_overview(pilot) -> None:
    """Ctrl+Y from the dialogue list."""
    await pilot.pause()
    await pilot.press("ctrl+y")
    await pilot.pause()
    assert isinstance(pilot.app.screen, OverviewScreen)


async def test_overview_for_a_year_written_from_the_list(two_schools, tmp_path):
    from docx import Document

    store, skov, eng, _ = two_schools
    store.mark_held(skov)
    store.finalize(eng)
    output = tmp_path / "oversigt.docx"
    app = DialogApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_overview(pilot)
        year = app.screen.query_one("#year", Input)
        assert year.value == "2025"  # the selected dialogue's year
        assert app.screen.query_one("#output", Input).value.endswith("Skolernes mål 2025.docx")
        year.value = "2024"  # another year: the file name follows
        await pilot.pause()
        assert app.screen.query_one("#output", Input).value.endswith("Skolernes mål 2024.docx")
        # A year without held dialogues: said in the modal, nothing written.
        year.value = "2019"
        app.screen.query_one("#output", Input).value = str(output)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "ingen skoleudviklingssamtaler er afholdt i 2019" in screen_text(
            app, "#overview-error"
        )
        assert not output.exists()
        year.value = "2025"
        app.screen.query_one("#case-number", Input).value = "17.01.00-A00-3-25"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, OverviewScreen)
        assert any("Oversigten er skrevet" in m for m in notices(app))
    text = "\n".join(p.text for p in Document(str(output)).paragraphs)
    assert "Sags nr.: 17.01.00-A00-3-25" in text
    assert "Skolernes mål fra skoleudviklingssamtalerne 2025" in text
    assert "Skovskolen" in text and "Læsning løftes i 4. årgang." in text
    assert "Engskolen" not in text  # held in 2024


async def test_overview_replaces_an_existing_file_only_when_confirmed(two_schools, tmp_path):
    store, skov, _, _ = two_schools
    store.mark_held(skov)
    output = tmp_path / "oversigt.docx"
    output.write_bytes(b"rettet i Word")
    app = DialogApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_overview(pilot)
        app.screen.query_one("#output", Input).value = str(output)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "findes allerede" in str(app.screen.query_one(Static).render())
        await pilot.press("escape")  # no: the file stays as it was
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)
        assert output.read_bytes() == b"rettet i Word"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert not isinstance(app.screen, OverviewScreen)
    assert output.read_bytes().startswith(b"PK")  # now the overview, a .docx


async def test_the_list_keeps_its_selection_after_a_modal(db_path, make_dialogue):
    store = Store.open(db_path)
    make_dialogue(store, "Skovskolen", date(2025, 3, 10))
    make_dialogue(store, "Engskolen", date(2024, 4, 2))
    app = DialogApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "ctrl+o")
        await pilot.pause()
        assert "Opfølgning af Engskolen" in app.screen.query_one(Static).render().plain
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert "Opfølgning af Engskolen" in app.screen.query_one(Static).render().plain
    store.close()


# --- Keys in help and palette, narrow terminals, final dialogues ---------------


async def test_new_keys_are_in_help_and_palette(followed_up):
    store, _, new_id, _ = followed_up
    app = DialogApp(store)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        groups = collect_bindings(app.screen)
        assert {("^o", "Næste års dialog"), ("^f", "Søg"), ("^g", "Skolens mål")} <= set(
            groups["Dialoger"]
        )
        assert ("^y", "Oversigt til byrådet") in groups["Dialoger"]
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Næste års dialog", "Søg", "Skolens mål", "Oversigt til byrådet"} <= titles
        app.open_meeting(new_id)
        await pilot.pause()
        groups = collect_bindings(app.screen)
        assert {("^o", "Opfølgning"), ("^k", "Tjekliste"), ("f10", "Status")} <= set(
            groups["Møde og dagsorden"]
        )
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Opfølgning", "Tjekliste", "Status"} <= titles
        # Out of the footer, these keys are named in the side panel beside what they open.
        progress = str(app.screen.query_one("#progress").render()).splitlines()
        assert progress[0] == "Status: kladde  f10"
        assert progress[1].startswith("Opfølgning 0/") and progress[1].endswith("  ^o")
        assert progress[2].startswith("Tjekliste 0/") and progress[2].endswith("  ^k")
        await pilot.press("ctrl+o")
        await pilot.pause()
        groups = collect_bindings(app.screen)
        assert ("1", "Opfyldt") in groups["Opfølgning"]
        assert ("4", "Videreført") in groups["Opfølgning"]


async def test_narrow_meeting_shows_progress_in_the_status_bar(followed_up):
    store, _, new_id, _ = followed_up
    app = DialogApp(store, open_id=new_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        status = screen_text(app, "#status")
        assert "Opfølgning 0/3" in status and "Tjekliste 0/6" in status


async def test_final_dialogue_follow_up_shows_but_refuses(followed_up):
    store, _, new_id, _ = followed_up
    store.finalize(new_id)
    app = DialogApp(store, open_id=new_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)
        assert len(options_text(app, "#followups")) == 3
        assert app.screen.query_one("#reached", Input).disabled
        await pilot.press("1", "4")
        await pilot.pause()
        assert [f.status for f in store.followups(new_id)] == [None, None, None]
        assert any("endelig og kan ikke ændres" in m for m in notices(app))
        assert not [n for _, _, n in store.get_dialogue(new_id).notes()]


async def test_typing_in_a_final_dialogue_says_why_nothing_happens(db_path, make_dialogue):
    store = Store.open(db_path)
    dialogue_id = make_dialogue(store)
    item = store.agenda_items(dialogue_id)[0]
    store.add_note(item.id, "Skrevet før")
    store.finalize(dialogue_id)
    app = DialogApp(store, open_id=dialogue_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        before = len(notices(app))
        await type_text(pilot, "abc")
        await pilot.press("f3")
        await pilot.pause()
        said = notices(app)[before:]
        assert said == [
            "Dialogen er endelig og kan ikke ændres. Genåbn den først (F10, eller Esc Ctrl+F)."
        ]
        assert current_note_text(app) == "Skrevet før"
    assert [n.text for _, _, n in store.get_dialogue(dialogue_id).notes()] == ["Skrevet før"]
    store.close()


async def test_following_up_twice_is_said_in_the_prompt(followed_up):
    store, _, new_id, _ = followed_up
    app = DialogApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "ctrl+o")  # the old dialogue, second on the list
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        question = app.screen.query_one(Static).render().plain
        assert question.startswith("Opfølgning af Skovskolen (10.3.2025)")
        held = store.get_dialogue(new_id).held_on
        assert f"allerede fulgt op ({held.day}.{held.month}.{held.year})" in question
    store.close()


async def test_overview_asks_about_a_cpr_number_naming_where_it_is(two_schools, tmp_path):
    store, skov, _eng, _ = two_schools
    store.mark_held(skov)
    store.update_dialogue(skov, municipality="Skovkommune 010190\u200b-1234")
    output = tmp_path / "oversigt.docx"
    app = DialogApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_overview(pilot)
        app.screen.query_one("#year", Input).value = "2025"
        app.screen.query_one("#output", Input).value = str(output)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question.startswith(
            "Der ser ud til at stå et CPR-nummer i pladsholderen {{ kommune }}."
        )
        assert not output.exists()
        await pilot.press("j")
        await pilot.pause()
    assert output.exists()
