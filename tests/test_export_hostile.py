"""Hostile templates and personal data (issue 11): a template's hidden content
never reaches the memo, its Jinja runs in a bounded sandbox, and one CPR check
covers everything printed, whatever characters disguise the number."""

from __future__ import annotations

import json
import os
import re
import shutil
import zipfile
from datetime import date

import pytest
import test_export_cpr as cpr_tests
from docx import Document
from export_helpers import parts, sample_dialogue, texts
from export_templates import (
    KEPT,
    SECRET_AUTHOR,
    SECRETS,
    build_hostile_template,
    build_template,
    rewrite_part,
    zip_bomb,
)
from hypothesis import given
from hypothesis import strategies as st

from dialog_tui.errors import ExportError
from dialog_tui.export import sandbox
from dialog_tui.export.cpr import CprFound, find_in_text
from dialog_tui.export.memo import export_memo
from dialog_tui.store import Store

cli = cpr_tests.cli  # the CLI runner, without a user template
_snapshot = cpr_tests._snapshot  # a dialogue as stored, to show it unchanged


@pytest.fixture
def did(db_path):
    with Store.open(db_path) as store:
        return store.create_dialogue(sample_dialogue())


def _everything(path) -> str:
    """Every part of a .docx as text (binary parts decoded loosely)."""
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())


# --- What a template carries -------------------------------------------------


@pytest.mark.parametrize("suffix", [".docx", ".dotx", ".dotm"])
def test_nothing_a_hostile_template_carries_reaches_the_memo(cli, did, tmp_path, suffix):
    template = build_hostile_template(tmp_path / f"kommune{suffix}")
    out = tmp_path / "memo.docx"
    result = cli("export", str(did), "-o", str(out), "--template", str(template))
    assert result.exit_code == 0, result.output
    everything = _everything(out)
    for secret in SECRETS:
        assert secret not in everything, secret
    for kept in KEPT:
        assert kept in everything, kept  # accepted insertions, moves, link text stay
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        rels = "".join(z.read(n).decode() for n in names if n.endswith(".rels"))
        settings = z.read("word/settings.xml").decode()
        types = z.read("[Content_Types].xml").decode()
    assert not [n for n in names if "vba" in n.lower() or n.startswith("customXml/")]
    assert not [n for n in names if "comments" in n or "glossary" in n or "people" in n]
    assert 'TargetMode="External"' not in rels
    for tag in ("w:ins ", "w:del ", "w:moveFrom", "w:rPrChange", "w:comment"):
        assert f"<{tag}" not in everything, tag
    stories = "".join(v for p in ("word/header", "word/document") for v in parts(out, p).values())
    assert "<w:vanish" not in stories and 'w:rStyle w:val="Skjult"' not in stories
    for tag in ("docVars", "mailMerge", "attachedTemplate", "trackRevisions"):
        assert tag not in settings
    assert "macroEnabled" not in types and "template.main" not in types
    props = Document(str(out)).core_properties
    assert (props.author, props.last_modified_by) == ("OKW", "")
    assert SECRET_AUTHOR not in everything


def test_a_body_kept_for_its_placeholders_keeps_its_footnote(tmp_path):
    # The footnote belongs to the body the template keeps: it is the
    # template's own text, not a trace. Replaced bodies lose theirs (above).
    template = build_hostile_template(tmp_path / "t.docx", body="{{ skole }}")
    out = export_memo(sample_dialogue(), tmp_path / "memo.docx", template=template)
    assert "fodnote hemmelig" in _everything(out)
    assert texts(out)[0] == "Herstedøster Skole"


def test_attached_template_no_longer_breaks_every_export(tmp_path):
    # Word writes w:attachedTemplate into every document made from a custom
    # template; set_properties raised "part is not accessible from this element".
    template = build_template(tmp_path / "t.docx")
    rewrite_part(
        template,
        "word/settings.xml",
        lambda s: s.replace("<w:zoom ", '<w:attachedTemplate r:id="rIdT"/><w:zoom ', 1),
    )
    with zipfile.ZipFile(template, "a") as z:
        z.writestr(
            "word/_rels/settings.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/attachedTemplate" Target="file:///S:/Kommune.dotm"'
            ' TargetMode="External"/></Relationships>',
        )
    out = export_memo(sample_dialogue(), tmp_path / "memo.docx", template=template)
    assert "Kommune.dotm" not in _everything(out)
    assert "Deltagere:" in texts(out)


def test_a_zip_bomb_is_refused_from_its_directory_before_unpacking(tmp_path, monkeypatch):
    bomb = zip_bomb(tmp_path / "bombe.docx")

    def never(*args, **kwargs):
        raise AssertionError("a part was unpacked")

    monkeypatch.setattr(zipfile.ZipFile, "open", never)
    with pytest.raises(ExportError) as e:
        export_memo(sample_dialogue(), tmp_path / "memo.docx", template=bomb)
    assert str(e.value) == (
        f"skabelonen {bomb} pakker sig ud til langt mere, end en Word-skabelon fylder; "
        "den bruges ikke"
    )
    assert not (tmp_path / "memo.docx").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_fifo_or_a_device_as_template_is_refused_without_reading(tmp_path):
    fifo = tmp_path / "skabelon.docx"
    os.mkfifo(fifo)
    zero = tmp_path / "nul.docx"
    zero.symlink_to("/dev/zero")
    for template in (fifo, zero):
        with pytest.raises(ExportError) as e:
            export_memo(sample_dialogue(), tmp_path / "memo.docx", template=template)
        assert str(e.value) == (
            f"skabelonen {template} kan ikke læses: det er ikke en almindelig fil"
        )


# --- The sandbox ---------------------------------------------------------------

ESCAPES = [
    "{{ lipsum.__globals__['os'].popen('echo pwned > PWNED').read() }}",
    "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ skole.__class__.__base__.__subclasses__() }}",
    "{{ skole.format_map(x) }}",
    "{{ '%s' % skole }}",
    "{% set x = skole %}",
    "{{ skole|attr('__class__') }}",
    "{{ skole['format']('{:>999999999}') }}",
    "{{ '{0.__class__}'.format(skole) }}",
]


@pytest.mark.parametrize("body", ESCAPES)
def test_sandbox_escapes_are_one_danish_line_and_run_nothing(cli, db_path, did, tmp_path, body):
    pwned = tmp_path / "PWNED"
    body = body.replace("PWNED", str(pwned))
    template = build_template(tmp_path / "t.docx", body_text=body)
    before = _snapshot(db_path, did)
    out = tmp_path / "memo.docx"
    result = cli("export", str(did), "-o", str(out), "--template", str(template))
    assert result.exit_code == 1
    prefix = f"dialog-tui: skabelonen {template}: pladsholderen {body[:2]}"
    assert result.stderr.startswith(prefix) and result.stderr.count("\n") == 1, result.stderr
    assert not pwned.exists()
    assert not out.exists()
    assert _snapshot(db_path, did) == before


@pytest.mark.parametrize(
    ("body", "tag", "problem"),
    [
        ("Dato {{ 1/0 }}", "{{ 1/0 }}", "giver en fejl, når den udfyldes"),
        (
            "{% include 'x' %}",
            "{% include 'x' %}",
            "henter en anden fil (include, import eller extends); det må en skabelon ikke",
        ),
        (
            "{% for x in range(10**9) %}x{% endfor %}",
            "{% for x in range(10**9) %}",
            "gør udfyldningen for stor eller for langsom (løkker og gentagelser er begrænsede)",
        ),
        (
            "{% for a in range(99) %}{% for b in range(99) %}{% for c in range(99) %}"
            "{% endfor %}{% endfor %}{% endfor %}",
            "{% for a in range(99) %}",
            "gør udfyldningen for stor eller for langsom (løkker og gentagelser er begrænsede)",
        ),
        (
            "{{ 'x' * 10**9 }}",
            "{{ 'x' * 10**9 }}",
            "gør udfyldningen for stor eller for langsom (løkker og gentagelser er begrænsede)",
        ),
        (
            "{{ (skole * 5000) + (skole * 5000) }}",
            "{{ (skole * 5000) + (skole * 5000) }}",
            "gør udfyldningen for stor eller for langsom (løkker og gentagelser er begrænsede)",
        ),
        (
            "{{ skole * 5000 ~ skole * 5000 }}",
            "{{ skole * 5000 ~ skole * 5000 }}",
            "gør udfyldningen for stor eller for langsom (løkker og gentagelser er begrænsede)",
        ),
        (
            "Hej {{ rektor }}",
            "{{ rektor }}",
            "bruger et navn, der ikke findes; en skabelon kan bruge dato, sagsnr, "
            "sagsbehandler, titel, skole, aar og kommune",
        ),
    ],
    ids=[
        "zero-division",
        "include",
        "huge-range",
        "nested-ranges",
        "huge-string",
        "long-sum",
        "long-join",
        "unknown",
    ],
)
def test_each_template_problem_names_template_and_placeholder(tmp_path, body, tag, problem):
    template = build_template(tmp_path / "t.docx", body_text=body)
    with pytest.raises(ExportError) as e:
        export_memo(sample_dialogue(), tmp_path / "memo.docx", template=template)
    assert str(e.value) == f"skabelonen {template}: pladsholderen {tag} {problem}"


def test_a_loop_without_range_is_stopped_by_the_time_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(sandbox, "MAX_SECONDS", 0.2)
    body = (
        "{% for a in skole * 5000 %}{% for b in skole * 5000 %}{% for c in skole %}"
        "{% endfor %}{% endfor %}{% endfor %}"
    )
    template = build_template(tmp_path / "t.docx", body_text=body)
    with pytest.raises(ExportError, match="for stor eller for langsom"):
        export_memo(sample_dialogue(), tmp_path / "memo.docx", template=template)


def test_ordinary_jinja_still_works(tmp_path):
    body = (
        "{% if sagsnr %}Sag {{ sagsnr }}{% endif %} – {{ skole|upper }} "
        "{{ kommune.strip() ~ ' <b> ' ~ aar }}"
    )
    template = build_template(tmp_path / "t.docx", body_text=body)
    out = export_memo(sample_dialogue(), tmp_path / "memo.docx", template=template)
    assert texts(out)[0] == (
        "Sag 17.01.00-G01-1-25 – HERSTEDØSTER SKOLE Albertslund Kommune <b> 2025"
    )


# --- template check ------------------------------------------------------------


def test_template_check_says_ok_or_the_one_problem(cli, tmp_path):
    good = build_hostile_template(tmp_path / "kommune.dotm")
    result = cli("template", "check", str(good))
    assert (result.exit_code, result.stdout) == (0, f"skabelonen {good} er i orden\n")
    bad = build_template(tmp_path / "bad.docx", body_text="{{ 1/0 }}")
    result = cli("template", "check", str(bad))
    assert result.exit_code == 1
    assert result.stderr == (
        f"dialog-tui: skabelonen {bad}: pladsholderen {{{{ 1/0 }}}} giver en fejl, når den "
        "udfyldes\n"
    )
    cpr = build_template(tmp_path / "cpr.docx", body_text="Kontakt 120375‑1234")
    result = cli("template", "check", str(cpr))
    assert result.exit_code == 1
    assert result.stderr == (
        f"dialog-tui: der står et CPR-nummer (120375-1234) i skabelonen {cpr}; ret skabelonen\n"
    )
    missing = cli("template", "check", str(tmp_path / "findes-ikke.dotx"))
    assert missing.exit_code == 1 and "findes ikke" in missing.stderr


# --- CPR: disguises and places -------------------------------------------------

DISGUISES = {
    "zero-width space": "120375\u200b-1234",
    "soft hyphen": "120375\u00ad1234",
    "en dash": "120375–1234",
    "em dash": "120375—1234",
    "minus sign": "120375\u22121234",
    "non-breaking hyphen": "120375\u20111234",
    "right-to-left override": "\u202e120375-1234\u202c",
    "fullwidth digits": "１２０３７５－１２３４",
    "dotted date": "12.03.75-1234",
    "slashed date": "12/03/75-1234",
    "spaces": "12 03 75 1234",
    "space before serial": "120375 1234",
    "no separator": "1203751234",
    "non-breaking space": "120375\u00a01234",
    "zero-width joiner in digits": "12\u200d0375-12\u200d34",
}


@pytest.mark.parametrize("text", DISGUISES.values(), ids=DISGUISES.keys())
def test_every_disguise_is_found(text):
    found = list(find_in_text(f"Eleven {text} har fravær"))
    assert len(found) == 1
    assert re.sub(r"\D", "", found[0].number) == "1203751234"


def test_modulus_11_adds_confidence_but_never_rules_out():
    # 120375-1234 fails modulus 11 and is still a hit; 070761-4285 passes it.
    [plain] = find_in_text("120375-1234")
    [checked] = find_in_text("070761-4285")
    assert (plain.checksum, checked.checksum) == (False, True)


@pytest.mark.parametrize(
    ("changes", "place"),
    [
        ({"municipality": "Albertslund Kommune 120375-1234"}, "pladsholderen {{ kommune }}"),
        ({"case_number": "120375-1234"}, "pladsholderen {{ sagsnr }}"),
        (
            {"school": "Skole 120375\u20111234"},
            "pladsholderen {{ titel }} og pladsholderen {{ skole }}",
        ),
    ],
)
def test_cpr_in_a_field_a_placeholder_prints_is_refused_naming_it(
    cli, db_path, tmp_path, changes, place
):
    with Store.open(db_path) as store:
        did = store.create_dialogue(sample_dialogue(**changes))
    before = _snapshot(db_path, did)
    out = tmp_path / "memo.docx"
    result = cli("export", str(did), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == (
        f"dialog-tui: der står et CPR-nummer i {place}; ret teksten, eller brug --allow-cpr "
        "for at eksportere alligevel\n"
    )
    assert not out.exists() and _snapshot(db_path, did) == before


def test_cpr_in_the_templates_own_text_is_refused_unless_allowed(cli, did, tmp_path):
    template = build_template(tmp_path / "t.docx")
    rewrite_part(template, "word/footer1.xml", lambda s: s.replace("Allé 1", "Allé 1 010190-1234"))
    out = tmp_path / "memo.docx"
    result = cli("export", str(did), "-o", str(out), "--template", str(template))
    assert result.exit_code == 1
    assert "CPR-nummer i skabelonen;" in result.stderr
    assert not out.exists()
    allowed = cli("export", str(did), "-o", str(out), "--template", str(template), "--allow-cpr")
    assert allowed.exit_code == 0, allowed.output


def test_the_memo_and_the_overview_share_one_gate_naming_every_place(tmp_path):
    from dialog_tui.export.overview import export_overview

    d = sample_dialogue(municipality="Albertslund 120375-1234", status="held")
    d.agenda[1].notes[1].text = "Mål for eleven 010190\u200b-1234"
    with pytest.raises(CprFound) as memo:
        export_memo(d, tmp_path / "memo.docx")
    assert [h.place for h in memo.value.hits] == ["punkt 2", "pladsholderen {{ kommune }}"]
    assert "CPR-nummer i pladsholderen {{ kommune }} og punkt 2;" in str(memo.value)
    with pytest.raises(CprFound) as overview:
        export_overview([d], 2025, tmp_path / "oversigt.docx")
    assert {h.place for h in overview.value.hits} == {
        "målene fra Herstedøster Skole",
        "pladsholderen {{ kommune }}",
    }
    assert not list(tmp_path.iterdir())


# --- PDF -----------------------------------------------------------------------


def _fake_soffice(folder, body: str) -> None:
    """A ``soffice`` on PATH that runs ``body`` (Python) with its arguments."""
    import sys

    folder.mkdir()
    script = folder / "soffice"
    script.write_text(f"#!{sys.executable}\nimport sys, os, time, pathlib\n{body}\n")
    script.chmod(0o755)


@pytest.fixture
def umask_000():
    old = os.umask(0)
    yield
    os.umask(old)


def test_pdf_is_owner_only_under_umask_000_with_a_fresh_profile(
    cli, did, tmp_path, monkeypatch, umask_000
):
    args = tmp_path / "args.json"
    _fake_soffice(
        tmp_path / "bin",
        "out = sys.argv[sys.argv.index('--outdir') + 1]\n"
        f"pathlib.Path({str(args)!r}).write_text(__import__('json').dumps(sys.argv))\n"
        "p = pathlib.Path(out, pathlib.Path(sys.argv[-1]).stem + '.pdf')\n"
        "p.write_bytes(b'%PDF-1.4 fake'); os.chmod(p, 0o666)",
    )
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    out = tmp_path / "memo.docx"
    result = cli("export", str(did), "-o", str(out), "--pdf")
    assert result.exit_code == 0, result.output
    pdf = out.with_suffix(".pdf")
    assert pdf.read_bytes() == b"%PDF-1.4 fake"
    assert (pdf.stat().st_mode & 0o777, out.stat().st_mode & 0o777) == (0o600, 0o600)
    argv = json.loads(args.read_text())
    profile = next(a for a in argv if a.startswith("-env:UserInstallation=file://"))
    assert str(tmp_path) in profile and "--headless" in argv
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "args.json", "bin", "dialogues.db", "memo.docx", "memo.pdf"
    ]  # fmt: skip


def test_a_hanging_libreoffice_is_stopped_at_the_time_limit(cli, did, tmp_path, monkeypatch):
    from dialog_tui.export import pdf

    _fake_soffice(tmp_path / "bin", "time.sleep(600)")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setattr(pdf, "TIMEOUT_SECONDS", 0.5)
    out = tmp_path / "memo.docx"
    result = cli("export", str(did), "-o", str(out), "--pdf")
    assert result.exit_code == 1
    assert result.stderr == (
        f"dialog-tui: kan ikke lave PDF af {out}: LibreOffice svarede ikke inden for 0.5 "
        "sekunder\n"
    )
    assert not out.with_suffix(".pdf").exists()


@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")), reason="no LibreOffice"
)
def test_pdf_of_a_hostile_template_never_reaches_the_network(cli, did, tmp_path, umask_000):
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    requests: list[bytes] = []
    done = threading.Event()

    def serve():
        while not done.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            requests.append(conn.recv(200))
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    remote = f"http://127.0.0.1:{server.getsockname()[1]}/spor.png"
    template = build_hostile_template(tmp_path / "kommune.dotm", remote=remote)
    out = tmp_path / "memo.docx"
    try:
        result = cli("export", str(did), "-o", str(out), "--template", str(template), "--pdf")
    finally:
        done.set()
        thread.join()
        server.close()
    assert result.exit_code == 0, result.output
    assert requests == []  # LibreOffice fetches such an image from the raw template
    pdf = out.with_suffix(".pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_mode & 0o777 == 0o600


_INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u2066"]
_DASH_OR_SPACE = ["", "-", " ", "–", "—", "\u2212", "\u2011", "\u00a0", ".", "/"]


@given(
    born=st.dates(min_value=date(1937, 1, 1), max_value=date(1999, 12, 31)),
    serial=st.integers(min_value=0, max_value=3999),
    sep=st.sampled_from(_DASH_OR_SPACE),
    invisible=st.lists(st.tuples(st.integers(0, 10), st.sampled_from(_INVISIBLE)), max_size=4),
    fullwidth=st.booleans(),
)
def test_any_disguised_cpr_number_is_found(born, serial, sep, invisible, fullwidth):
    digits = born.strftime("%d%m%y") + f"{serial:04d}"
    chars = list(digits[:6] + sep + digits[6:])
    for position, char in sorted(invisible, reverse=True):
        chars.insert(min(position, len(chars)), char)
    text = "".join(chars)
    if fullwidth:
        text = text.translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    [found] = find_in_text(f"Notat: {text} slut")
    assert re.sub(r"\D", "", found.number) == digits


BROKEN_INSIDE = {
    "header relationship missing": (
        "word/_rels/document.xml.rels",
        lambda s: re.sub(r'<Relationship [^>]*relationships/header"[^>]*/>', "", s),
    ),
    "settings are not settings": ("word/settings.xml", lambda s: s.replace("w:settings", "w:x")),
    "styles are not styles": ("word/styles.xml", lambda s: s.replace("w:styles", "w:x")),
    "header is not a header": ("word/header1.xml", lambda s: s.replace("w:hdr", "w:x")),
}


@pytest.mark.parametrize("placeholder", [False, True], ids=["plain", "with-placeholder"])
@pytest.mark.parametrize(("name", "change"), BROKEN_INSIDE.values(), ids=BROKEN_INSIDE.keys())
def test_a_template_broken_inside_is_one_line_naming_it(tmp_path, name, change, placeholder):
    template = build_template(tmp_path / "t.docx", header_placeholder=placeholder)
    rewrite_part(template, name, change)
    with pytest.raises(ExportError) as e:
        export_memo(sample_dialogue(), tmp_path / "memo.docx", template=template)
    assert str(e.value).startswith(f"skabelonen {template} ") and "\n" not in str(e.value)
    assert not (tmp_path / "memo.docx").exists()


def test_a_cpr_number_in_a_key_figure_is_refused_naming_the_figures(tmp_path):
    from dialog_tui.figures_model import Series

    school = sample_dialogue().school
    figure = Series(
        school=school, indicator="Andel under 2", unit="%", source="Udtræk 010190‑1234",
        values=[("2024/25", 8.5)],
    )  # fmt: skip
    d = sample_dialogue(status="held")
    with pytest.raises(CprFound) as memo:
        export_memo(d, tmp_path / "m.docx", figures=[figure], figures_table=True)
    assert [h.place for h in memo.value.hits] == ["nøgletallene"]
    export_memo(d, tmp_path / "m.docx", figures=[figure])  # no table: nothing printed
    assert (tmp_path / "m.docx").exists()
