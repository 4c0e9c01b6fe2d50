"""Each memo style option (memo.toml) read back from the .docx; hostile memo.toml."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import time
from pathlib import Path

import pytest
from docx import Document
from export_helpers import part, sample_dialogue, texts, today

from dialog_tui.errors import SettingsError
from dialog_tui.export.memo import export_memo
from dialog_tui.export.style import DEFAULT, MemoStyle, date_line, load_style

STYLES = Path(__file__).parents[1] / "docs" / "memo-styles"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OPENING = "Skoleudviklingssamtalen tog udgangspunkt i følgende dagsordenspunkter:"


def memo(tmp_path: Path, dialogue=None, **style) -> Path:
    return export_memo(
        dialogue or sample_dialogue(), tmp_path / "m.docx", today=today(),
        style=MemoStyle(**style),
    )  # fmt: skip


def styled(path: Path, name: str) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.style.name == name]


def bullet_texts(path: Path) -> set[str]:
    """The lvlText of every bullet level the List Bullet styles' numbering uses."""
    styles, numbering = part(path, "word/styles.xml"), part(path, "word/numbering.xml")
    nums = set(re.findall(r'w:styleId="ListBullet\d?".*?<w:numId w:val="(\d+)"/>', styles))
    abstract = {
        a for n, a in re.findall(r'<w:num w:numId="(\d+)"[^>]*><w:abstractNumId w:val="(\d+)"',
                                 numbering) if n in nums
    }  # fmt: skip
    found = set()
    for a in abstract:
        block = re.search(rf'<w:abstractNum [^>]*w:abstractNumId="{a}".*?</w:abstractNum>',
                          numbering, re.S).group(0)  # fmt: skip
        found |= set(re.findall(r'<w:numFmt w:val="bullet"/>.*?<w:lvlText w:val="(.*?)"/>',
                                block, re.S))  # fmt: skip
    return found


def test_the_default_style_is_todays_layout(tmp_path):
    path = memo(tmp_path)
    got = texts(path)
    assert OPENING in got
    assert styled(path, "Heading 1")[0] == "1) Udvalgte punkter fra skoleplan 2024-25"
    assert "Opsummering" in got
    assert bullet_texts(path) == {"\uf0b7"}  # Word's own bullet, untouched


def test_no_agenda_list_no_numbering(tmp_path):
    path = memo(tmp_path, agenda_list=False, numbered_headings=False)
    got = texts(path)
    assert OPENING not in got
    assert styled(path, "List Number") == []
    assert styled(path, "Heading 1")[:2] == [
        "Udvalgte punkter fra skoleplan 2024-25",
        "Brug af data, datakonferencer og GRUS, overgang til ungdomsuddannelser",
    ]
    assert not any(re.match(r"\d+\) ", h) for h in styled(path, "Heading 1"))


def test_bullet_character_in_the_numbering_definitions(tmp_path):
    path = memo(tmp_path, bullet="o")
    assert bullet_texts(path) == {"o"}
    # And in a template without list styles the bullet is written as text.
    assert "Alt på skolen er et fælles anliggende." in styled(path, "List Bullet")


def test_bullet_written_as_text_without_list_styles(tmp_path):
    from dialog_tui.export.document import Writer

    document = Document()
    w = Writer(document)
    w.styles = {role: None for role in w.styles}
    w.bullet_char = "o"
    assert w.bullet("punkt").text == "o\tpunkt"


@pytest.mark.parametrize(
    ("form", "start", "end", "line"),
    [
        ("short", time(9), time(12), "fredag d. 4/4 2025 kl. 9-12"),
        ("long", time(9, 30), time(12), "fredag d. 4. april 2025 kl. 9.30-12"),
        ("short", time(9), None, "fredag d. 4/4 2025 kl. 9"),
        ("short", None, None, "fredag d. 4/4 2025"),
        ("none", time(9), time(12), ""),
    ],
)
def test_date_line_with_weekday_and_time(form, start, end, line):
    dialogue = sample_dialogue(held_on="2025-04-04", starts_at=start, ends_at=end)
    assert date_line(dialogue, form) == line


def test_date_line_under_the_title(tmp_path):
    dialogue = sample_dialogue(held_on="2025-04-04", starts_at="09:00", ends_at="12:00")
    got = texts(memo(tmp_path, dialogue, date_line="short"))
    title = next(i for i, t in enumerate(got) if t.startswith("Referat fra"))
    assert got[title + 1] == "fredag d. 4/4 2025 kl. 9-12"


def test_empty_points_left_out(tmp_path):
    dialogue = sample_dialogue()
    dialogue.agenda[3].notes = []  # Folkeskolens Kvalitetsprogram: nothing said
    dialogue.agenda[0].notes = [n for n in dialogue.agenda[0].notes if n.internal]  # only internal
    shown = styled(memo(tmp_path, dialogue), "Heading 1")
    assert "4) Folkeskolens Kvalitetsprogram" in shown
    left_out = styled(memo(tmp_path, dialogue, empty_points=False), "Heading 1")
    assert "4) Folkeskolens Kvalitetsprogram" not in left_out
    assert not any(h.startswith("1) ") for h in left_out)  # internal notes do not count
    assert "2) Brug af data, datakonferencer og GRUS, overgang til ungdomsuddannelser" in left_out


def test_missing_goal_values_left_out_rather_than_question_marks(tmp_path):
    followups = [
        {"kind": "goal", "text": "Trivsel i udskolingen", "status": "ikke opfyldt",
         "goal": {"target": "4,0"}},
        {"kind": "goal", "text": "Læsning", "status": "opfyldt",
         "goal": {"indicator": "Sikre læsere", "baseline": "62 %"}},
    ]  # fmt: skip
    dialogue = sample_dialogue(followups=followups)
    assert "? → 4,0" in texts(memo(tmp_path, dialogue))
    got = texts(memo(tmp_path, dialogue, question_marks=False))
    assert "mål 4,0" in got and "Sikre læsere: udgangspunkt 62 %" in got
    assert not any("?" in t for t in got)


def test_summary_by_default_off(tmp_path):
    assert "Opsummering" not in texts(memo(tmp_path, summary=False))
    path = export_memo(sample_dialogue(), tmp_path / "s.docx", style=MemoStyle(summary=False),
                       summary=True)  # fmt: skip
    assert "Opsummering" in texts(path)  # asked for explicitly


def test_participants_one_per_line_or_left_out(tmp_path):
    got = texts(memo(tmp_path, participants="list"))
    start = got.index("Deltagere:")
    assert got[start + 1 : start + 3] == [
        "Mette Holm (skoleleder, Herstedøster Skole)",
        "Jonas Krog (viceskoleleder)",
    ]
    assert "Per Dam (skolebestyrelsen)" not in " ".join(got)  # absent
    assert "Deltagere:" not in texts(memo(tmp_path, participants="none"))


def test_shipped_styles(tmp_path):
    assert replace(load_style(STYLES / "standard.toml").style, name="") == (
        replace(DEFAULT, name="")
    )
    other = load_style(STYLES / "uden-nummerering.toml").style
    dialogue = sample_dialogue(held_on="2025-04-04", starts_at="09:00", ends_at="12:00")
    path = export_memo(dialogue, tmp_path / "o.docx", today=today(), style=other)
    got = texts(path)
    assert OPENING not in got and "Opsummering" not in got
    assert "fredag d. 4/4 2025 kl. 9-12" in got
    assert bullet_texts(path) == {"o"}
    assert not any(re.match(r"\d+\) ", h) for h in styled(path, "Heading 1"))
    assert not any("?" in t for t in got)


def test_no_memo_toml_is_the_default(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    loaded = load_style()
    assert loaded.style == DEFAULT and loaded.path is None
    assert "ingen memo.toml" in loaded.describe()
    (tmp_path / "dialog-tui").mkdir()
    (tmp_path / "dialog-tui" / "memo.toml").write_text('name = "Vores"\nbullet = "-"\n')
    loaded = load_style()
    assert loaded.style.bullet == "-" and loaded.describe().startswith("Vores (")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'bullet = "oo"', "feltet »bullet«: punkttegnet skal være ét synligt tegn"),
        (b'bullet = " "', "feltet »bullet«: punkttegnet skal være ét synligt tegn"),
        (b'date_line = "weekday"', "feltet »date_line«: skal være en af"),
        (b"summary = 3", "feltet »summary«: skal være true eller false"),
        (b'bulet = "o"', "feltet »bulet«: ukendt felt"),
        (b"name = [", "linje 1, kolonne"),
        (b'name = "\xff"', "kan ikke læses: filen er ikke UTF-8-tekst"),
        (b"x" * 1_000_001, "er større end 1 MB og læses ikke"),
    ],
)
def test_hostile_memo_toml_is_one_danish_line_naming_file_and_field(tmp_path, content, message):
    path = tmp_path / "memo.toml"
    path.write_bytes(content)
    with pytest.raises(SettingsError) as e:
        load_style(path)
    assert str(e.value).startswith(str(path))
    assert message in str(e.value) and "\n" not in str(e.value)


def test_cli_export_with_a_bad_memo_toml_is_one_line(tmp_path, monkeypatch, db_path):
    from click.testing import CliRunner

    from dialog_tui.cli import main
    from dialog_tui.store import Store

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    (tmp_path / "dialog-tui").mkdir()
    (tmp_path / "dialog-tui" / "memo.toml").write_text('bullet = "••"\n')
    with Store.open(db_path) as store:
        store.create_dialogue(sample_dialogue())
    out = tmp_path / "m.docx"
    result = CliRunner().invoke(main, ["--db", str(db_path), "export", "1", "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "memo.toml: feltet »bullet«" in result.stderr
    assert not out.exists()
