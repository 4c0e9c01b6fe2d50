import json
import subprocess
import sys
from datetime import date

import pytest
from click.testing import CliRunner

from dialog_tui.cli import main
from dialog_tui.exchange import json_schema
from dialog_tui.model import Dialogue
from dialog_tui.store import Store


@pytest.fixture
def cli(db_path):
    runner = CliRunner()

    def run(*args, input=None):
        return runner.invoke(main, ["--db", str(db_path), *args], input=input)

    return run


@pytest.fixture
def example_file(tmp_path, example):
    path = tmp_path / "dialog.json"
    path.write_text(json.dumps(example, ensure_ascii=False), encoding="utf-8")
    return path


def test_load_prints_the_id_alone_and_dump_gives_back_the_same(cli, example_file, example):
    result = cli("load", str(example_file))
    assert result.exit_code == 0, result.output
    assert result.stdout == "1\n"
    dumped = json.loads(cli("dump", "1").stdout)
    for key, value in example.items():
        if key not in ("agenda", "participants"):
            assert dumped[key] == value, key
    # The example's one point is point 1: its "point 2" names no point.
    assert dumped["participants"] == [{**example["participants"][0], "agenda_items": [1]}]
    (item,) = dumped["agenda"]
    assert item["title"] == example["agenda"][0]["title"]
    for got, want in zip(item["notes"], example["agenda"][0]["notes"], strict=True):
        assert {k: got[k] for k in want} == want
    # A second round trip is exact, except that the copy gets its own identity.
    again = cli("load", "-", input=json.dumps(dumped)).stdout.strip()
    assert again == "2"
    assert _without_uids(json.loads(cli("dump", again).stdout)) == _without_uids(dumped)


def _without_uids(dialogue: dict) -> dict:
    dialogue.pop("uid")
    for item in dialogue["agenda"]:
        for note in item["notes"]:
            note.pop("uid")
    return dialogue


def test_dump_to_file(cli, example_file, tmp_path):
    cli("load", str(example_file))
    out = tmp_path / "out.json"
    result = cli("dump", "1", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text())["school"] == "Eksempelskolen"
    assert out.stat().st_mode & 0o077 == 0


def test_list_filters_and_json(cli, example_file, example, tmp_path):
    cli("load", str(example_file))
    other = dict(example, school="Engskolen", held_on="2024-05-01")
    cli("load", "-", input=json.dumps(other))
    table = cli("list").stdout.splitlines()
    assert table[0].split() == ["Id", "Dato", "Skole", "Status", "Sagsnr."]
    assert "Eksempelskolen" in table[1] and "Engskolen" in table[2]
    assert "kladde" in table[1]
    rows = json.loads(cli("list", "--year", "2024", "--json").stdout)
    assert [r["school"] for r in rows] == ["Engskolen"]
    rows = json.loads(cli("list", "--school", "eksempelskolen", "--json").stdout)
    assert [r["id"] for r in rows] == [1]
    # An unknown school is said, not answered with an empty list.
    result = cli("list", "--school", "Ingen")
    assert result.exit_code == 1
    assert result.stderr == "dialog-tui: ingen skole hedder »Ingen« eller begynder sådan\n"
    # The beginning of a name is enough, as in search.
    rows = json.loads(cli("list", "--school", "eng", "--json").stdout)
    assert [r["school"] for r in rows] == ["Engskolen"]
    rows = json.loads(cli("list", "--school", "e", "--json").stdout)
    assert [r["school"] for r in rows] == ["Eksempelskolen", "Engskolen"]


def test_agendas_lists_and_validates(cli, tmp_path, monkeypatch):
    from dialog_tui import agenda

    monkeypatch.setattr(agenda, "user_dir", lambda: tmp_path)
    result = cli("agendas")
    assert result.exit_code == 0
    assert "standard" in result.stdout and "5 punkter" in result.stdout
    (tmp_path / "broken.toml").write_text("[[items]\n")
    result = cli("agendas")
    assert result.exit_code == 1
    assert "broken" in result.stdout and "linje 1" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "dialog-tui/1", "school": ', "linje 1, kolonne 38: ugyldig JSON"),
        ('{"format": "dialog-tui/2", "school": "X"}', "nyere version"),
        ("[1, 2]", "er ikke en dialog"),
        ('{"format": "dialog-tui/1", "school": "X"}', "»held_on«: mangler"),
        (
            '{"format": "dialog-tui/1", "school": "X", "held_on": "2025-13-01"}',
            "»held_on«: skal være en dato",
        ),
    ],
)
def test_bad_json_is_one_clear_line_and_changes_nothing(cli, tmp_path, db_path, content, message):
    Store.open(db_path).close()
    before = db_path.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    result = cli("load", str(bad))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert message in result.stderr and str(bad) in result.stderr
    assert db_path.read_bytes() == before


def test_missing_dialogue_and_missing_file(cli, tmp_path):
    result = cli("dump", "42")
    assert result.exit_code == 1 and result.stderr == "dialog-tui: dialog 42 findes ikke\n"
    result = cli("load", str(tmp_path / "nope.json"))
    assert result.exit_code == 1 and "kan ikke læses" in result.stderr


def run_cli(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "dialog_tui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_real_process_refuses_a_foreign_file_untouched(tmp_path):
    foreign = tmp_path / "foreign.db"
    foreign.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # truncated header
    before = foreign.read_bytes()
    result = run_cli("--db", str(foreign), "list")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("dialog-tui: ") and result.stderr.count("\n") == 1
    assert foreign.read_bytes() == before


def test_db_from_environment(tmp_path, example_file):
    import os

    env = dict(os.environ, DIALOG_TUI_DB=str(tmp_path / "env.db"))
    result = run_cli("load", str(example_file), env=env)
    assert result.stdout == "1\n", result.stderr
    assert (tmp_path / "env.db").exists()


def test_published_schema_is_current():
    from pathlib import Path

    published = Path(__file__).parents[1] / "docs" / "dialogue.schema.json"
    assert published.read_text(encoding="utf-8") == json_schema(), (
        "regenerate: python -m dialog_tui.exchange > docs/dialogue.schema.json"
    )


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["open", "abc"], "Ugyldig værdi for 'DIALOGUE_ID': 'abc' er ikke et gyldigt tal"),
        (["frobnicate"], "Ukendt kommando 'frobnicate'"),
        (["list", "--bogus"], "Ukendt tilvalg '--bogus'"),
        (["open"], "Mangler argument 'DIALOGUE_ID'"),
        (["--db"], "Tilvalget '--db' kræver en værdi"),
        *(
            (
                [command, "99999999999999999999999"],
                "Ugyldig værdi for 'DIALOGUE_ID': 99999999999999999999999 ligger ikke i "
                "intervallet 1–9223372036854775807",
            )
            for command in ("open", "dump", "export")
        ),
        (
            ["dump", "0"],
            "Ugyldig værdi for 'DIALOGUE_ID': 0 ligger ikke i intervallet 1–9223372036854775807",
        ),
    ],
)
def test_usage_errors_are_one_danish_line(args, line):
    """Click's own usage errors: one line on stderr, in Danish, naming what and where."""
    result = subprocess.run(
        [sys.executable, "-m", "dialog_tui", *args], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stdout == ""
    (got,) = result.stderr.splitlines()
    assert got.startswith(f"dialog-tui: {line} (se »dialog-tui")
    assert got.endswith("--help«)")


@pytest.mark.parametrize("command", ["export", "overview", "search", "status", "backup", "list"])
def test_help_is_in_danish(command):
    result = subprocess.run(
        [sys.executable, "-m", "dialog_tui", command, "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.startswith(f"Brug: dialog-tui {command} [TILVALG]")
    assert "Tilvalg:" in result.stdout
    assert "Vis denne hjælp og afslut." in result.stdout
    for english in ("Show this message", "[required]", "OPTIONS", "INTEGER", "TEXT", "PATH",
                    "FILEN", "held", "final", "attention"):  # fmt: skip
        assert english not in result.stdout
    help_text = " ".join(result.stdout.split())
    if command in ("overview", "backup"):
        assert "[påkrævet]" in help_text
    if command == "search":
        assert "--year TAL" in help_text and "--limit TAL" in help_text
        assert "mål, opmærksomhedspunkt, aftale eller observation" in help_text
    if command == "status":
        assert "afholdt eller endelig" in help_text


# --- Year over year ------------------------------------------------------------


@pytest.fixture
def years(db_path):
    from yearly_data import build_three_years

    with Store.open(db_path) as store:
        return build_three_years(store)


def _one_line_error(result, message):
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("dialog-tui: ")
    assert message in result.stderr, result.stderr


def test_followup_prints_the_new_id_alone(cli, years, db_path):
    result = cli("followup", str(years.dialogue("Engskolen", 2025)), "--date", "10.3.2026")
    assert result.exit_code == 0, result.output
    # It has no case number of its own yet: said on stderr, with the KLE number kept.
    assert result.stdout == "7\n"
    assert result.stderr == (
        "Den nye dialog (7) har intet sagsnummer endnu; sæt det med »dialog-tui set 7 "
        "--case-number …« (KLE 17.01.00-G01 som sidste år).\n"
    )
    with Store.open(db_path) as store:
        new = store.get_dialogue(7)
        assert (new.school, new.held_on) == ("Engskolen", date(2026, 3, 10))
        assert (new.case_number, new.kle, new.kle_number, new.facet) == (
            "",
            "17.01.00-G01",
            "17.01.00",
            "G01",
        )
        assert [f.text for f in new.followups] == [
            "Eleverne inddrages i undervisningens tilrettelæggelse"
        ]
    # A second follow-up of the same dialogue is made, but not silently.
    again = cli("followup", str(years.dialogue("Engskolen", 2025)), "--date", "1.4.2026")
    assert again.exit_code == 0 and again.stdout == "8\n"
    assert again.stderr.startswith("Bemærk: dialogen er allerede fulgt op (10. marts 2026).\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("followup", "99"), "dialog 99 findes ikke"),
        (("followup", "x1"), "ugyldigt id: x1"),
        (("followup", "1", "--date", "31.2.2024"), "ugyldig dato: 31.2.2024"),
        (("followup", "5", "--date", "2025-01-01"), "skal holdes efter"),
        (("goals",), "angiv skolen med --school"),
        (
            ("search", "x", "--kind", "sport"),
            "ukendt slags: sport (brug en af: observation, mål, opmærksomhedspunkt, aftale)",
        ),
        (("search", "x", "--theme", "sport"), "ukendt tema: sport"),
        (("search", "x", "--year", "i år"), "ugyldig værdi for --year: i år"),
        (("search", "x", "--year=-5"), "ugyldigt år: -5 (skriv et år med fire cifre, fx 2025)"),
        (("search", "x", "--year", "99999999999999999999999"), "ugyldigt år: 9999999"),
        (("list", "--year", "0"), "ugyldigt år: 0"),
        (("overview", "--year", "12345"), "ugyldigt år: 12345"),
        (("search", "x", "--limit", "0"), "--limit: 0 (skriv et tal fra 1 til"),
        (
            ("search", "x", "--limit", "99999999999999999999999"),
            "--limit: 99999999999999999999999 (skriv et tal fra 1 til 9223372036854775807)",
        ),
        (("followup", "99999999999999999999999"), "ugyldigt id: 99999999999999999999999"),
        (("status", "99999999999999999999999", "final"), "et id er et tal fra 1 til"),
        (("reopen", "0", "--reason", "x"), "ugyldigt id: 0"),
        (("status", "1", "draft"), "ukendt status: draft"),
        (("status", "1", "held"), "endelig og kan kun læses"),
        (("status", "42", "final"), "dialog 42 findes ikke"),
        (("reopen", "1"), "skriv en begrundelse"),
        (("reopen", "1", "--reason", "  "), "skriv en begrundelse"),
        (("reopen", "5", "--reason", "Rettelse"), "ikke endelig (afholdt)"),
    ],
)
def test_year_over_year_bad_input_is_one_danish_line_and_changes_nothing(
    cli, years, db_path, args, message
):
    from test_yearly import _dump

    before = _dump(db_path)
    _one_line_error(cli(*args), message)
    assert _dump(db_path) == before


def test_goals_shows_each_chain_with_statuses_and_values(cli, years, db_path):
    result = cli("goals", "--school", "skovskolen")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:8] == [
        "Mål: Læsning løftes i 4. årgang",
        "  Andel sikre læsere, 4. årgang: 62 % → 75 %, senest 30. juni 2024",
        "  2023-03-14  endelig   Læsning løftes i 4. årgang",
        # The same outcome text as the memo's (dialog_tui.text.outcome).
        "      opfølgning: videreført, nået 68 % (mål: 75 %), Godt på vej; målet fastholdes.",
        "  2024-03-12  endelig   Læsning løftes i 4. årgang",
        "      opfølgning: videreført, nået 72 % (mål: 75 %)",
        "  2025-03-11  afholdt   Læsning løftes i 4. årgang",
        "      opfølgning: ikke vurderet endnu",
    ]
    assert any(line.startswith("      opfølgning: opfyldt, nået 3,9") for line in lines)
    chains = json.loads(cli("goals", "--school", "Engskolen", "--json").stdout)
    assert [[s["held_on"] for s in c["steps"]] for c in chains] == [
        ["2023-04-18", "2024-04-16"],
        ["2025-04-15"],
    ]
    assert chains[0]["steps"][1]["followup"]["status"] == "ikke opfyldt"
    assert chains[0]["steps"][1]["note"]["goal"]["target"] == "80 %"
    # A school that no dialogue has is said apart from a school without goals.
    unknown = cli("goals", "--school", "Ingen")
    assert unknown.exit_code == 1
    assert unknown.stderr == "dialog-tui: ingen skole hedder »Ingen« eller begynder sådan\n"
    with Store.open(db_path) as store:
        store.create_dialogue(Dialogue(school="Bakkeskolen", held_on=date(2025, 5, 1)))
    assert cli("goals", "--school", "bakke").stdout == "Ingen mål for Bakkeskolen.\n"
    # The beginning of a name is enough when it names one school.
    assert cli("goals", "--school", "skov").stdout.splitlines()[0] == lines[0]


@pytest.mark.parametrize(
    ("details", "line"),
    [
        ({"indicator": "Andel elever i trivsel"}, "  Andel elever i trivsel"),
        ({"target": "80 %"}, "  ? → 80 %"),
        ({"indicator": "Trivsel", "baseline": "3,7"}, "  Trivsel: 3,7 → ?"),
        ({"due": date(2026, 6, 30)}, "  senest 30. juni 2026"),
        ({"theme": "trivsel"}, None),
    ],
)
def test_goals_with_some_details_set_read_whole(cli, years, db_path, details, line):
    from dialog_tui.model import GoalDetails

    note_id = years.note(
        "Engskolen", 2025, "Eleverne inddrages i undervisningens tilrettelæggelse"
    )
    with Store.open(db_path) as store:
        store.set_goal(note_id, GoalDetails(**details))
    lines = cli("goals", "--school", "Engskolen").stdout.split("\n\n")[-1].splitlines()
    assert lines[0] == "Mål: Eleverne inddrages i undervisningens tilrettelæggelse"
    assert lines[1] == (line or "  2025-04-15  kladde    Eleverne inddrages i undervisningens "
                        "tilrettelæggelse")  # fmt: skip


def test_search_plain_marks_the_hit_and_json_carries_it(cli, years):
    result = cli("search", "datakonf*", "--school", "skovskolen")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "2023-03-14  Skovskolen  punkt 5 Observationer fra ledelsen: "
        "Skolen holder [datakonference] hvert kvartal\n"
    )
    hits = json.loads(cli("search", "læsning", "--year", "2024", "--json").stdout)
    assert [(h["school"], h["held_on"], h["item_number"]) for h in hits] == [
        ("Skovskolen", "2024-03-12", 1)
    ]
    assert hits[0]["snippet"] == "\x02Læsning\x03 løftes i 4. årgang"
    hits = json.loads(cli("search", "", "--kind", "goal", "--theme", "trivsel", "--json").stdout)
    assert [h["text"] for h in hits] == ["Trivslen på mellemtrinnet øges"]
    result = cli("search", "elever", "--limit", "1", "--json")
    assert len(json.loads(result.stdout)) == 1
    assert result.stderr == "Viser de første 1 noter; brug --limit for flere\n"
    everything = cli("search", "elever", "--json")
    assert everything.stderr == ""
    result = cli("search", "elever", "--limit", str(len(json.loads(everything.stdout))))
    assert result.stderr == ""
    # A kind by its Danish name or its key, in any case.
    for kind in ("mål", "MÅL", "goal"):
        hits = json.loads(cli("search", "", "--kind", kind, "--theme", "trivsel", "--json").stdout)
        assert [h["text"] for h in hits] == ["Trivslen på mellemtrinnet øges"]
    assert (
        cli("search", "skolen", "--kind", "aftale").stdout
        == cli("search", "skolen", "--kind", "agreement").stdout
    )
    assert cli("search", 'NEAR( "').stdout == "Intet fundet.\n"
    assert cli("search", "pension", "--school", "Engskolen").stdout == (
        "2023-04-18  Engskolen  punkt 5 Observationer fra ledelsen: "
        "(intern) Lederen overvejer at gå på [pension]\n"
    )


def test_status_held_warns_of_the_unticked_checklist_then_final_and_reopen(cli, years, db_path):
    dialogue_id = str(years.dialogue("Engskolen", 2025))
    result = cli("status", dialogue_id, "held")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Dialog {dialogue_id} er nu afholdt.\n"
    warning = result.stderr.splitlines()
    assert warning[0] == "Advarsel: 6 punkt(er) på tjeklisten er ikke krydset af:"
    assert warning[1] == "  - Skolelederens egne fokusområder er drøftet"
    assert len(warning) == 7
    result = cli("status", dialogue_id, "endelig")
    assert (result.exit_code, result.stdout) == (0, f"Dialog {dialogue_id} er nu endelig.\n")
    assert result.stderr == ""
    result = cli("reopen", dialogue_id, "--reason", "Navn stavet forkert")
    assert result.stdout == f"Dialog {dialogue_id} er genåbnet (afholdt).\n"
    with Store.open(db_path) as store:
        d = store.get_dialogue(int(dialogue_id))
        assert d.status == "held"
        assert [(h.to_status, h.reason) for h in d.history] == [
            ("held", ""),
            ("final", ""),
            ("held", "Navn stavet forkert"),
        ]
    # A held dialogue with every point ticked gives no warning.
    result = cli("status", str(years.dialogue("Skovskolen", 2024)), "final")
    assert result.exit_code == 0 and result.stderr == ""


def test_status_is_refused_while_the_meeting_is_open_elsewhere(cli, years, db_path):
    dialogue_id = years.dialogue("Skovskolen", 2025)
    with Store.open(db_path) as meeting:
        assert meeting.acquire_edit_lock(dialogue_id) is None
        _one_line_error(cli("status", str(dialogue_id), "final"), "luk den der først")
        assert meeting.get_dialogue(dialogue_id).status == "held"


def test_year_over_year_commands_keep_textual_out(tmp_path):
    code = (
        "import sys; from dialog_tui.cli import main; "
        "main(['--db', sys.argv[1], 'search', 'x'], standalone_mode=False); "
        "assert 'textual' not in sys.modules, 'textual imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "x.db")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Intet fundet.\n"
