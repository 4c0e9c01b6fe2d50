"""Who said what, without Textual: the names offered, their order, the ``@``."""

from __future__ import annotations

from dataclasses import dataclass, field

from dialog_tui.tui.speakers import at_sign, attribution, matching, ordered_names


@dataclass
class P:
    name: str
    present: bool = True
    agenda_items: list[int] = field(default_factory=list)


NAMES = ["Lasse Reichstein", "Anne-Mette Lund", "Lars Bo", "Rikke Lassen"]


def test_present_at_this_point_first():
    people = [P("Ulla", present=False), P("Hans", agenda_items=[3]), P("Lasse"), P("Lasse")]
    assert ordered_names(people, 1) == ["Lasse", "Ulla", "Hans"]
    assert ordered_names(people, 3) == ["Hans", "Lasse", "Ulla"]


def test_a_beginning_of_the_name_or_of_a_word():
    assert matching(NAMES, "la") == ["Lasse Reichstein", "Lars Bo", "Rikke Lassen"]
    assert matching(NAMES, "LASSE  r") == ["Lasse Reichstein"]
    assert matching(NAMES, "mette") == ["Anne-Mette Lund"]
    assert matching(NAMES, "x") == [] and matching(NAMES, " ") == []
    assert attribution("Lasse Reichstein") == "Lasse Reichstein: "


def test_where_an_at_sign_starts_a_name():
    assert at_sign("@la", 3) == 0
    assert at_sign("sagde @lasse r", 14) == 6
    assert at_sign("(@anne-m", 8) == 1
    assert at_sign("skriv til lasse@skole.dk", 20) is None  # an e-mail address
    assert at_sign("mødet @", 7) is None  # an @ at the end, nothing after it
    assert at_sign("@12", 3) is None
    assert at_sign("@la", 1) is None  # the caret before the @
