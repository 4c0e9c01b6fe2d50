"""strings.py holds each Danish text once."""

from __future__ import annotations

from collections import defaultdict

from dialog_tui import strings as S

HOMONYMS = {
    frozenset({"KEY_CANCEL", "KEY_UNDO"}),  # "Fortryd": leave a form / take back a change
    frozenset({"KEY_GOAL", "GOAL_TARGET"}),  # "Mål": tag a goal / the value aimed at
    frozenset({"FORM_AGENDA", "KEY_AGENDA"}),  # "Dagsorden": which agenda / go to it
}


def test_no_two_names_for_one_text():
    names = defaultdict(set)
    for name, value in vars(S).items():
        if name.isupper() and isinstance(value, str):
            names[value].add(name)
    twins = [frozenset(group) for group in names.values() if len(group) > 1]
    assert [sorted(group) for group in twins if group not in HOMONYMS] == []
