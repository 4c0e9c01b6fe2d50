"""Property-based: any dialogue survives JSON → store → JSON; any note text exports."""

from __future__ import annotations

import json
from datetime import date

from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dialog_tui.exchange import dialogue_from_json, dialogue_to_json
from dialog_tui.gate import validated
from dialog_tui.model import KINDS, THEMES, AgendaItem, Dialogue, GoalDetails, Note, clean_text
from dialog_tui.store import Store


def made(cls):
    """Build through the gate, as a dialogue from outside is."""
    return lambda **fields: validated(cls, fields)


texts = st.text(
    st.characters(blacklist_categories=("Cs",)),  # lone surrogates cannot be UTF-8
    max_size=200,
)
notes = st.builds(
    made(Note),
    text=texts,
    kind=st.sampled_from(["paragraph", "bullet"]),
    level=st.integers(0, 5),
    tags=st.lists(st.sampled_from(KINDS + THEMES), unique=True, max_size=4),
    internal=st.booleans(),
    goal=st.none() | st.builds(made(GoalDetails), indicator=texts, baseline=texts, target=texts),
)
dialogues = st.builds(
    made(Dialogue),
    school=st.text(min_size=1, max_size=40).filter(lambda s: clean_text(s).strip()),
    held_on=st.dates(date(2000, 1, 1), date(2099, 12, 31)),
    agenda=st.lists(
        st.builds(
            made(AgendaItem),
            title=st.text(min_size=1, max_size=40).filter(lambda s: clean_text(s).strip()),
            notes=st.lists(notes, max_size=5),
        ),
        max_size=3,
    ),
)

SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(dialogue=dialogues)
def test_json_store_json_round_trip(tmp_path, dialogue):
    text = dialogue_to_json(dialogue)
    loaded = dialogue_from_json(text)
    with Store.open(tmp_path / "p.db") as store:
        dialogue_id = store.create_dialogue(loaded)
        back = store.get_dialogue(dialogue_id)
        store.purge_dialogue(dialogue_id)
    assert json.loads(dialogue_to_json(back)) == json.loads(text)


@SETTINGS
@given(text=texts)
def test_any_note_text_exports_and_reads_back(tmp_path, text):
    from dialog_tui.export.document import printable
    from dialog_tui.export.memo import export_memo

    dialogue = Dialogue(
        school="Egeskolen",
        held_on=date(2025, 3, 10),
        agenda=[
            AgendaItem(title="Punkt", notes=[validated(Note, {"text": text, "kind": "paragraph"})])
        ],
    )
    out = tmp_path / "memo.docx"
    export_memo(dialogue, out, allow_cpr=True)  # the CPR gate: test_export_hostile.py
    body = "\n".join(p.text for p in Document(str(out)).paragraphs)
    for word in printable(clean_text(text)).split():
        assert word in body
