from dataclasses import replace
from datetime import date

import pytest

from dialog_tui.gate import dumped, validated
from dialog_tui.model import (
    AgendaItem,
    Dialogue,
    GoalDetails,
    Note,
    Participant,
    case_number_looks_valid,
    clean_text,
)


def test_example_validates(example):
    d = validated(Dialogue, example)
    assert d.school == "Eksempelskolen"
    assert d.held_on == date(2025, 4, 4)
    goal = d.agenda[0].notes[1]
    assert goal.kinds == ["goal"]
    assert goal.goal == GoalDetails(
        indicator="Andel sikre læsere, 4. årgang",
        baseline="62 %",
        target="75 %",
        due=date(2026, 6, 30),
        theme="faglige-resultater",
    )
    assert d.agenda[0].notes[0].themes == ["tilstedevaerelse"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        # Themes come from the municipality's themes.toml, so the model takes any
        # theme-shaped key; what is not a key at all is refused.
        ("tags", ["Mål!"]),
        ("tags", ["synlig læring"]),
        ("level", 6),
        ("level", -1),
        ("kind", "heading"),
    ],
)
def test_note_rejects_bad_values(field, value):
    with pytest.raises(ValueError):
        validated(Note, dict(**{field: value}))


def test_note_tags_are_deduplicated_in_order():
    assert validated(Note, dict(tags=["goal", "trivsel", "goal"])).tags == ["goal", "trivsel"]


def test_control_characters_are_removed_but_newlines_kept():
    assert validated(Note, dict(text="a\x00b\x1bc\td\r\ne")).text == "abc\td\ne"
    assert clean_text("\x7f\u0085x") == "x"


def test_dialogue_requires_school_and_date():
    with pytest.raises(ValueError):
        validated(Dialogue, dict(school="  ", held_on=date(2025, 1, 1)))
    with pytest.raises(ValueError):
        validated(Dialogue, {"school": "X"})


@pytest.mark.parametrize("initials", ["A", "ABCDE", "A1", "A B"])
def test_case_handler_initials_are_2_to_4_letters(initials):
    with pytest.raises(ValueError):
        validated(Dialogue, dict(school="X", held_on=date(2025, 1, 1), case_handler=initials))


def test_case_handler_initials_are_uppercased():
    assert (
        validated(
            Dialogue, dict(school="X", held_on=date(2025, 1, 1), case_handler="økw")
        ).case_handler
        == "ØKW"
    )


def test_meeting_must_end_after_it_starts():
    with pytest.raises(ValueError):
        validated(
            Dialogue,
            {"school": "X", "held_on": "2025-01-01", "starts_at": "12:00", "ends_at": "09:00"},
        )


def test_participant_points_are_positive_and_sorted():
    assert validated(Participant, dict(name="A", agenda_items=[3, 1, 3])).agenda_items == [1, 3]
    with pytest.raises(ValueError):
        validated(Participant, dict(name="A", agenda_items=[0]))


def test_agenda_item_title_is_required():
    with pytest.raises(ValueError):
        validated(AgendaItem, dict(title=" \x00 "))


@pytest.mark.parametrize(
    ("case_number", "ok"),
    [
        ("17.01.00-G01-1-25", True),
        ("17.01.00-1-25", True),
        ("", True),
        ("17.01-G01-1-25", False),
        ("sag 12", False),
    ],
)
def test_case_number_shape_is_checked_softly(case_number, ok):
    assert case_number_looks_valid(case_number) is ok
    # Never blocks: a malformed number is still a valid dialogue.
    assert validated(Dialogue, dict(school="X", held_on=date(2025, 1, 1), case_number=case_number))


def test_ids_are_never_dumped(example):
    d = replace(validated(Dialogue, example), id=7)
    assert "id" not in dumped(d)
    assert dumped(d, mode="json")["starts_at"] == "09:00"
