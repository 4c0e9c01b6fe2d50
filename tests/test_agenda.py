from pathlib import Path

import pytest

from dialog_tui import agenda
from dialog_tui.agenda import load_agenda, load_agenda_file
from dialog_tui.errors import AgendaError

STANDARD_TITLES = [
    "Udvalgte punkter fra skoleplanen",
    "Brug af data, datakonferencer og GRUS, overgang til ungdomsuddannelser",
    "Tanker om behov for ændret praksis",
    "Folkeskolens Kvalitetsprogram",
    "Observationer fra ledelsen",
]


def test_standard_agenda_has_the_five_points():
    standard = load_agenda("standard")
    assert [i.title for i in standard.items] == STANDARD_TITLES
    assert all(i.minutes and i.prompts for i in standard.items)
    assert sum(i.minutes for i in standard.items) <= 180
    assert len(standard.checklist) == 6
    items = standard.agenda_items()
    assert [i.planned_minutes for i in items] == [i.minutes for i in standard.items]


def write(tmp_path: Path, text: str, name: str = "mine.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_agendas_are_found_and_override(tmp_path, monkeypatch):
    monkeypatch.setattr(agenda, "user_dir", lambda: tmp_path)
    write(tmp_path, '[[items]]\ntitle = "Synlig læring"\nminutes = 30\n')
    write(tmp_path, '[[items]]\ntitle = "Kun ét punkt"\n', "standard.toml")
    assert [i.title for i in load_agenda("mine").items] == ["Synlig læring"]
    assert [i.title for i in load_agenda("standard").items] == ["Kun ét punkt"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[[items]]\ntitle = "A"\nminutes = \n', r"linje 3, kolonne 11: ugyldig TOML"),
        (
            '[[items]]\ntitle = "A"\nminutes = "tre"\n',
            r"»items\[1\]\.minutes«: skal være et heltal",
        ),
        (
            '[[items]]\ntitle = "A"\n[[items]]\ntitle = ""\n',
            r"»items\[2\]\.title«: må ikke være tom",
        ),
        ('name = "x"\n', r"»items«: mangler"),
        ("items = []\n", r"»items«: må ikke være tom"),
        ('[[items]]\ntitle = "A"\nminuter = 3\n', r"»items\[1\]\.minuter«: ukendt felt"),
        ('[[items]]\ntitle = "A"\nminutes = -5\n', r"»items\[1\]\.minutes«: er for lille"),
    ],
)
def test_malformed_agenda_files_name_file_and_line_or_field(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(AgendaError, match=expected) as info:
        load_agenda_file(path)
    assert str(path) in str(info.value)


def test_unreadable_and_missing_agendas(tmp_path):
    path = tmp_path / "bin.toml"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(AgendaError, match="kan ikke læses"):
        load_agenda_file(path)
    with pytest.raises(AgendaError, match="findes ikke"):
        load_agenda("ingen-sådan")
