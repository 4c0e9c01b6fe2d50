"""Key figures in the documents, read back from the .docx: the council's overview
shows each goal's latest value, the memo can carry a key-figures table, and a
confidential series (national tests) is never printed in either."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from docx import Document
from export_helpers import sample_dialogue, texts, today

from dialog_tui.cli import main
from dialog_tui.export.memo import export_memo
from dialog_tui.export.overview import export_overview
from dialog_tui.figures_model import Series
from dialog_tui.gate import dumped, validated
from dialog_tui.store import Store

SCHOOL = "Herstedøster Skole"
SECRET = Series(
    school=SCHOOL, indicator="Nationale test, læsning", unit="%", confidential=True,
    values=[("2023/24", 51.0), ("2024/25", 57.0)],
)  # fmt: skip
ABSENCE = Series(
    school=SCHOOL, indicator="Andel under 2", unit="%", source="Uddannelsesstatistik",
    values=[("2022/23", 11.0), ("2023/24", 10.0), ("2024/25", 8.5)],
)  # fmt: skip
FIGURES = [ABSENCE, SECRET]


def dialogue_with_a_confidential_goal():
    d = sample_dialogue(status="final")
    goal = {"indicator": "nationale test, læsning", "baseline": "51 % (2023/24)",
            "target": "60 %", "theme": "faglige-resultater"}  # fmt: skip
    data = dumped(d, mode="json")
    data["agenda"][1]["notes"].append(
        {"text": "Flere gode læsere i 8. klasse.", "tags": ["goal"], "goal": goal, "uid": "g2"}
    )
    data["followups"].append(
        {"kind": "goal", "text": "Læsning", "status": "opfyldt", "reached": "57 % (2024/25)",
         "goal": goal, "carried_to": "g2"}
    )  # fmt: skip
    return validated(type(d), data)


def every_text(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(texts(path) + cells)


def test_overview_shows_the_latest_value_and_never_a_confidential_one(tmp_path):
    out = export_overview(
        [dialogue_with_a_confidential_goal()], 2025, tmp_path / "o.docx", today=today(),
        figures={SCHOOL: FIGURES},
    )  # fmt: skip
    text = every_text(out)
    assert "Andel under 2: 10 % → 5 %" in text  # baseline → target
    assert "Nyeste tal: 8,5 % (2024/25)" in text  # → latest actual
    assert "Nyeste tal: fortroligt" in text
    assert "nationale test, læsning: fortroligt → 60 %" in text
    assert "51" not in text and "57" not in text


def test_memo_key_figures_table_leaves_confidential_out_and_says_so(tmp_path):
    d = dialogue_with_a_confidential_goal()
    out = export_memo(d, tmp_path / "m.docx", today=today(), figures=FIGURES, figures_table=True)
    doc = Document(str(out))
    table = doc.tables[-1]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Nøgletal", "2022/23", "2023/24", "2024/25", "Kilde"]
    assert rows[1] == ["Andel under 2", "11,0 %", "10,0 %", "8,5 %", "Uddannelsesstatistik"]
    assert len(rows) == 2
    text = every_text(out)
    assert "Fortrolige nøgletal (resultater af de nationale test) er udeladt" in text
    assert "51" not in text and "57" not in text


def test_memo_without_the_option_has_no_table_but_still_masks(tmp_path):
    d = dialogue_with_a_confidential_goal()
    out = export_memo(d, tmp_path / "m.docx", today=today(), figures=FIGURES)
    text = every_text(out)
    assert "Nøgletal" not in texts(out)
    assert "51" not in text and "57" not in text


def test_cli_export_figures_flag_and_overview_read_figures_from_the_database(tmp_path, db_path):
    csv = tmp_path / "tal.csv"
    csv.write_text(
        "skole;indikator;skoleår;værdi;enhed;kilde\n"
        f"{SCHOOL};Andel under 2;2023/24;10;%;Uddannelsesstatistik\n"
        f"{SCHOOL};Andel under 2;2024/25;8,5;%;Uddannelsesstatistik\n"
        f"{SCHOOL};Nationale test, læsning;2024/25;57;%;Uddannelsesstatistik\n",
        encoding="utf-8",
    )
    with Store.open(db_path) as store:
        dialogue_id = store.create_dialogue(dialogue_with_a_confidential_goal())
    runner = CliRunner()

    def run(*args):
        result = runner.invoke(main, ["--db", str(db_path), *args])
        assert result.exit_code == 0, result.output
        return result

    run("figures", "load", str(csv))
    memo = tmp_path / "memo.docx"
    run("export", str(dialogue_id), "-o", str(memo), "--figures")
    text = every_text(memo)
    assert "8,5 %" in text and "57" not in text and "51" not in text
    overview = tmp_path / "overview.docx"
    run("overview", "--year", "2025", "-o", str(overview))
    text = every_text(overview)
    assert "Nyeste tal: 8,5 % (2024/25)" in text
    assert "57" not in text and "51" not in text
    shown = json.loads(run("figures", "show", "--school", SCHOOL, "--json").stdout)
    assert {s["indicator"]: s["confidential"] for s in shown}["Nationale test, læsning"]


async def test_export_screen_tick_box_adds_the_figures_table(store, tmp_path, monkeypatch):
    from test_export_screen import StoreApp
    from textual.widgets import Checkbox, Input

    from dialog_tui.figures_model import KeyFigure

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    store.load_figures(
        [
            KeyFigure(school=SCHOOL, indicator="Andel under 2", school_year=y, value=v, unit="%")
            for y, v in (("2023/24", 10.0), ("2024/25", 8.5))
        ]
        + [
            KeyFigure(
                school=SCHOOL, indicator="Nationale test, læsning", school_year="2024/25", value=57
            )
        ]
    )
    did = store.create_dialogue(dialogue_with_a_confidential_goal())
    app = StoreApp(store, did)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        output = Path(app.screen.query_one("#output", Input).value)
        tick = app.screen.query_one("#figures", Checkbox)
        assert tick.value is False  # off by default
        tick.value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.result == [output]
    doc = Document(str(output))
    assert [c.text for c in doc.tables[-1].rows[1].cells][:3] == [
        "Andel under 2",
        "10,0 %",
        "8,5 %",
    ]
    text = every_text(output)
    assert "57" not in text and "51" not in text


def test_a_goal_on_the_national_tests_is_masked_even_without_figures(tmp_path):
    out = export_memo(dialogue_with_a_confidential_goal(), tmp_path / "m.docx", today=today())
    text = every_text(out)
    assert "nationale test, læsning: fortroligt → 60 %" in text
    assert "51" not in text and "57" not in text
