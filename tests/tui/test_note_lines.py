"""Notes drawn as lines wrap exactly as the note editor (Textual's TextArea) wraps
them, the fast path included, so nothing moves when the cursor reaches a note."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest
from textual._wrap import compute_wrap_offsets

from dialog_tui.tui.widgets.note_row import TAB_SIZE, wrap_text

WORDS = ["læsning", "trivsel", "i", "skolen", "5.", "årgang", "elevernes", "—", "ok,",
         "udskolingsforløbsevalueringsrapporten", "学校", "a\tb", "  ", "x" * 30]  # fmt: skip


def general(text: str, width: int) -> list[str]:
    pieces = []
    for line in text.split("\n"):
        offsets = compute_wrap_offsets(line, width, tab_size=TAB_SIZE)
        pieces += [line[a:b] for a, b in pairwise([0, *offsets, len(line)])] or [""]
    return pieces


@pytest.mark.parametrize("seed", range(20))
def test_wrapping_matches_the_editor(seed):
    rng = random.Random(seed)
    for _ in range(50):
        words = rng.choices(WORDS, k=rng.randint(0, 40))
        text = "".join(w + rng.choice([" ", " ", "  ", "\n", ""]) for w in words)
        width = rng.randint(1, 80)
        assert wrap_text(text, width) == general(text, width), (text, width)
