"""Hostile strings, as an attacker would put them in a JSON or agenda file."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from dialog_tui.gate import dumped, validated
from dialog_tui.model import (
    MAX_CASE_NUMBER,
    MAX_MUNICIPALITY,
    MAX_SCHOOL,
    ChecklistItem,
    Dialogue,
    FollowUp,
    GoalDetails,
    Participant,
)

FRAGMENTS = [
    "\x1b]52;c;aGVtbWVsaWc=\x07",  # OSC 52: set the clipboard
    "\x1b]0;Ny titel\x1b\\",  # OSC 0: window title, ST-terminated
    "\x1b]8;;https://x.invalid\x07link\x1b]8;;\x07",  # OSC 8 hyperlink
    "\x1b[31m",  # CSI colour
    "\x1b[2J\x1b[H",  # clear screen
    "\x9b31m",  # C1 CSI
    "\x9d0;titel\x9c",  # C1 OSC
    "\x1bP+q544e\x1b\\",  # DCS
    "\x1bc",  # reset
    "\x1b(0",  # line drawing charset
    "\x07\x08\x00\x7f\x85\r\n\t\x0b\x0c",
    "\u202e",  # right-to-left override
    "\u2066\u2069\u200b\u00ad\ufeff",  # isolates, zero width, soft hyphen, BOM
    "\u2028\u2029",
    "[/]",
    "[bold]",
    "[/bold]",
    "[link=https://x.invalid]",
    "[@click=app.quit]",
    "[on red]",
    "{school}",
    "%s",
    "æøå ÆØÅ",
    "👩‍🏫 🇩🇰",
    "مرحبا",
    "\ufffe",
]

hostile_texts = st.lists(
    st.sampled_from(FRAGMENTS) | st.text(max_size=8),
    min_size=1,
    max_size=8,
).map("".join)
"""Mixes of the fragments above and arbitrary text."""

long_texts = st.integers(1_001, 5_000).map(lambda n: "[b]" + "x" * n)


def hostile_dialogue(name: str, held_on: date = date(2025, 3, 10), **extra) -> Dialogue:
    """``name`` in every text field of a dialogue, as a JSON file could carry it."""
    goal = GoalDetails(indicator=name, baseline=name, target=name, theme="trivsel")
    return validated(
        Dialogue,
        {
            "school": name[:MAX_SCHOOL],
            "municipality": name[:MAX_MUNICIPALITY],
            "location": name,
            "case_number": name[:MAX_CASE_NUMBER],
            "held_on": held_on,
            "participants": [Participant(name=name, role=name, organisation=name)],
            "agenda": [
                {
                    "title": name,
                    "prompts": [name],
                    "notes": [{"text": name, "tags": ["goal"], "goal": dumped(goal)}],
                }
            ],
            "checklist": [ChecklistItem(text=name)],
            "followups": [FollowUp(text=name, comment=name, reached=name, goal=goal)],
            **extra,
        },
    )
