"""Answers typed into the agenda's prompts (deleting a point, moving a note)."""

from __future__ import annotations

from dialog_tui.tui.agenda_edits import numbered_titles, point_problem


def test_a_point_number_in_range_will_do():
    assert point_problem(" 3 ", 7) is None
    assert point_problem("5", 7, deleting=3) is None


def test_out_of_range_or_no_number_says_the_range():
    for value in ("0", "8", "to", "-1", "2,5"):
        assert "1 til 7" in point_problem(value, 7)


def test_the_point_being_deleted_cannot_take_its_own_notes():
    problem = point_problem("5", 7, deleting=4)
    assert problem is not None and "Punkt 5" in problem and "slettes" in problem
    assert "1 til 7" not in problem


def test_numbered_titles_mark_the_current_point_and_fit_the_width():
    titles = ["Velkomst", "Brug af data, datakonferencer og GRUS, overgang til ungdom"]
    lines = numbered_titles(titles, 1, width=30).splitlines()
    assert lines[0] == "  1. Velkomst"
    assert lines[1].startswith("▶ 2. Brug af data") and lines[1].endswith("…")
    assert len(lines[1]) == 30
