"""Text is cleaned once, at the model boundary: every str field of every model
drops control and escape characters, whichever way the text comes in."""

from __future__ import annotations

import dataclasses
import json
import typing
from datetime import UTC, date, datetime, time

import pytest
from hostile import hostile_texts, long_texts
from hypothesis import given, settings
from pydantic import BaseModel

from dialog_tui import agenda, figures_model, gate, model
from dialog_tui.cleaning import Rule, clean_line, clean_text, unsafe, visible
from dialog_tui.errors import ExchangeError
from dialog_tui.exchange import dialogue_from_json
from dialog_tui.model import Dialogue, Participant

MODELS = [
    m
    for module in (model, agenda, figures_model)
    for m in vars(module).values()
    if isinstance(m, type)
    and (dataclasses.is_dataclass(m) or issubclass(m, BaseModel))
    and m.__module__ == module.__name__
]
CLEANERS = {model.Line: "line", model.MultiLine: "text", model.Snippet: "snippet"}


def _cleaner(metadata: list) -> object | None:
    """A cleaning rule (``Rule(before=…)``), or a pattern that admits only plain
    characters."""
    return next(
        (m for m in metadata if isinstance(m, Rule) and (m.before or "pattern" in m.constraints)),
        None,
    )


def fields_of(cls) -> dict[str, tuple[object, list]]:
    """(annotation, metadata) of each field: a dataclass's resolved from its
    string annotations, as the gate resolves them; a pydantic model's as it has them."""
    if dataclasses.is_dataclass(cls):
        hints = typing.get_type_hints(cls, include_extras=True)
        return {f.name: (hints[f.name], []) for f in dataclasses.fields(cls)}
    return {n: (f.annotation, f.metadata) for n, f in cls.model_fields.items()}


def str_leaves(annotation, metadata=()) -> list[bool]:
    """For each ``str`` inside an annotation: whether a cleaner wraps it."""
    if annotation is str:
        return [_cleaner(list(metadata)) is not None]
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *meta = typing.get_args(annotation)
        return str_leaves(inner, [*metadata, *meta])
    if origin is typing.Literal:
        return []
    return [leaf for arg in typing.get_args(annotation) for leaf in str_leaves(arg)]


def test_the_walk_finds_a_str_field_without_a_cleaner():
    """The check below can fail: a plain ``str`` is found, a Line is not."""

    @dataclasses.dataclass
    class Probe:
        plain: str
        many: list[str | None]
        clean: model.Line
        clean_many: list[model.ListLine]

    found = {n: str_leaves(*f) for n, f in fields_of(Probe).items()}
    assert found == {"plain": [False], "many": [False], "clean": [True], "clean_many": [True]}


@pytest.mark.parametrize("cls", MODELS, ids=lambda m: m.__name__)
def test_every_str_field_of_every_model_is_cleaned(cls):
    assert len(MODELS) >= 14
    for name, (annotation, metadata) in fields_of(cls).items():
        if name in ("path",):  # a Path, not text
            continue
        assert all(str_leaves(annotation, metadata)), f"{cls.__name__}.{name}"


def assert_clean(text: str, *, lines: bool) -> None:
    allowed = "\n\t" if lines else ""
    assert not [ch for ch in text if unsafe(ch, allowed)], repr(text)
    assert "\x1b" not in text and "]52;" not in text and "]0;" not in text


@settings(max_examples=200, deadline=None)
@given(text=hostile_texts)
def test_cleaning_drops_every_control_and_escape_and_is_idempotent(text):
    line, block = clean_line(text), clean_text(text)
    assert_clean(line, lines=False)
    assert_clean(block, lines=True)
    assert clean_line(line) == line and clean_text(block) == block
    assert not [ch for ch in visible(text) if unsafe(ch, "\n\t")]


@settings(max_examples=60, deadline=None)
@given(text=hostile_texts)
def test_hostile_text_in_every_field_of_a_json_file_comes_out_clean(text):
    """Every text field the exchange format has, from one JSON file."""
    name = f"Skole {text}"
    data = {
        "format": "dialog-tui/1",
        "uid": text,
        "school": name[: model.MAX_SCHOOL],
        "municipality": name[: model.MAX_MUNICIPALITY],
        "held_on": "2025-04-04",
        "location": text,
        "case_number": text[: model.MAX_CASE_NUMBER],
        "agenda_file": text,
        "previous": text,
        "participants": [{"name": name, "role": text, "organisation": text}],
        "agenda": [
            {
                "title": name,
                "prompts": [text, text],
                "notes": [
                    {
                        "uid": text,
                        "text": text,
                        "goal": {"indicator": text, "baseline": text, "target": text,
                                 "ancestor": text},
                    }
                ],
            }
        ],
        "checklist": [{"text": name}],
        "followups": [
            {"source_uid": text, "text": text, "reached": text, "comment": text,
             "carried_to": text, "goal": {"indicator": text}}
        ],
        "history": [{"at": "2025-04-04T10:00", "from_status": "held", "to_status": "final",
                     "reason": text}],
    }  # fmt: skip
    dialogue = dialogue_from_json(json.dumps(data))
    dumped = gate.dumped(dialogue, mode="json")

    def walk(value, key=""):
        if isinstance(value, str):
            assert_clean(value, lines=key == "text")
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)

    walk(dumped)
    assert dialogue.participants[0].name == clean_line(name)


def test_ordinary_danish_text_and_emoji_are_untouched():
    for text in [
        "Æblegårdens Skole, Ørestad – Åløkke",
        "Trivslen er høj 😊👩‍🏫🇩🇰 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
        "مرحبا بالمدرسة — שלום",
        "a\u00a0b",  # no-break space
        "[b]fed[/b] {skole} 100 %",
    ]:
        assert clean_line(text) == text and clean_text(text) == text


@pytest.mark.parametrize(
    ("raw", "line", "text"),
    [
        ("a\x1b]52;c;aGVq\x07b", "ab", "ab"),
        ("a\x1b]0;titel\x1b\\b", "ab", "ab"),
        ("a\x1b[1;31mb\x1b[0m", "ab", "ab"),
        ("a\x9b31mb", "ab", "ab"),
        ("a\x1bcb", "acb", "acb"),  # a stray ESC: only it goes
        ("a\u202eb\u2066c\u2069", "abc", "abc"),
        ("a\r\nb\rc\u2028d", "a b c d", "a\nb\nc\nd"),
        ("a\tb\x0bc\x85d", "a bcd", "a\tbcd"),
        ("a\ud800b\ufffe", "ab", "ab"),
    ],
)
def test_what_each_kind_of_character_becomes(raw, line, text):
    assert clean_line(raw) == line
    assert clean_text(raw) == text


def test_visible_shows_what_it_will_not_obey():
    assert visible("a\x1b]0;x\x07\u202eb\n") == "a\\x1b]0;x\\x07\\u202eb\n"


@pytest.mark.parametrize(
    ("field", "limit"),
    [("school", model.MAX_SCHOOL), ("municipality", model.MAX_MUNICIPALITY),
     ("case_number", model.MAX_CASE_NUMBER), ("location", model.MAX_LINE)],
)  # fmt: skip
def test_fields_printed_in_word_properties_have_a_length_limit_in_danish(field, limit):
    ok = {"school": "S", "held_on": date(2025, 1, 1)}
    Dialogue(**{**ok, field: "x" * limit})
    data = {"format": "dialog-tui/1", "school": "S", "held_on": "2025-01-01"}
    with pytest.raises(ExchangeError) as e:
        dialogue_from_json(json.dumps({**data, field: "x" * (limit + 1)}))
    assert str(e.value) == f"<stdin>: feltet »{field}«: er for lang (højst {limit} tegn)"


@settings(max_examples=10, deadline=None)
@given(text=long_texts)
def test_very_long_names_are_refused_not_cut(text):
    with pytest.raises(ValueError):
        gate.validated(Participant, {"name": text})


def test_numbers_beyond_64_bits_are_one_danish_line():
    data = {"format": "dialog-tui/1", "school": "S", "held_on": "2025-01-01",
            "participants": [{"name": "A", "agenda_items": [2**64]}],
            "agenda": [{"title": "T", "elapsed_seconds": 2**70}]}  # fmt: skip
    with pytest.raises(ExchangeError) as e:
        dialogue_from_json(json.dumps(data))
    assert "er for stor (højst 9223372036854775807)" in str(e.value)


def test_a_time_with_a_zone_beside_one_without_is_no_error():
    data = {"format": "dialog-tui/1", "school": "S", "held_on": "2025-01-01",
            "starts_at": "09:00+02:00", "ends_at": "12:00",
            "agenda": [{"title": "T", "started_at": "2025-01-01T09:00:00+00:00",
                        "ended_at": "2025-01-01T10:00:00"}]}  # fmt: skip
    d = dialogue_from_json(json.dumps(data))
    assert (d.starts_at, d.ends_at) == (time(9), time(12))
    started, ended = d.agenda[0].started_at, d.agenda[0].ended_at
    assert started == datetime(2025, 1, 1, 9, tzinfo=UTC)
    assert started.tzinfo and ended.tzinfo  # both aware: they compare
    assert ended == datetime(2025, 1, 1, 10).astimezone()
    data["agenda"][0]["started_at"] = "0001-01-01T00:00:00+05:00"
    with pytest.raises(ExchangeError, match="tidspunktet ligger uden for årene 1–9999"):
        dialogue_from_json(json.dumps(data))


def test_the_store_writers_clean_what_they_write(store):
    """The methods that take text directly pass it through the model too."""
    from dialog_tui.store import Store

    assert isinstance(store, Store)
    dialogue_id = store.create_dialogue(Dialogue(school="S", held_on=date(2025, 1, 1)))
    hostile = "a\x1b]52;c;eA==\x07b\u202e"
    store.update_dialogue(dialogue_id, location=hostile, municipality=hostile)
    item = store.add_agenda_item(dialogue_id, hostile, prompts=[hostile])
    store.update_agenda_item(item.id, title=hostile + "!")
    note = store.add_note(item.id, hostile)
    store.set_note_text(note.id, hostile + "\n" + hostile)
    store.update_note(note.id, goal=model.GoalDetails(indicator=hostile))
    person = store.add_participant(dialogue_id, Participant(name=hostile))
    store.update_participant(person.id, role=hostile)
    store.set_status(dialogue_id, "held", reason=hostile)
    dumped = gate.dumped_json(store.get_dialogue(dialogue_id))
    assert "\\u001b" not in dumped and "\\u202e" not in dumped and "52;" not in dumped
    rows = store.conn.execute(
        "SELECT location FROM dialogues UNION ALL SELECT title FROM agenda_items "
        "UNION ALL SELECT text FROM notes UNION ALL SELECT name FROM participants "
        "UNION ALL SELECT reason FROM status_changes"
    ).fetchall()
    assert rows and all(not any(unsafe(ch, "\n") for ch in r[0]) for r in rows)
