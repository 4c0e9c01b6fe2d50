"""The memo read back from the .docx: layout, header/footer fields, properties,
templates (.docx and .dotx), bad templates, safety and atomic writing."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from export_helpers import part, parts, sample_dialogue, texts, today
from export_templates import (
    TEMPLATE_AUTHOR,
    TEMPLATE_HEADING_FONT,
    build_template,
)

from dialog_tui.errors import DialogError, ExportError
from dialog_tui.export.memo import export_memo

TITLE = "Referat fra skoleudviklingssamtale på Herstedøster Skole 10. marts 2025"


@pytest.fixture
def memo(tmp_path) -> Path:
    return export_memo(sample_dialogue(), tmp_path / "memo.docx", today=today())


def _style_names(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in Document(str(path)).paragraphs]


def test_default_layout_reads_like_the_municipal_memo(memo):
    doc = Document(str(memo))
    paragraphs = doc.paragraphs
    assert [p.text for p in paragraphs[:3]] == [
        "Dato: 14. marts 2025",
        "Sags nr.: 17.01.00-G01-1-25",
        "Sagsbehandler: OKW",
    ]
    assert all(p.alignment == 2 for p in paragraphs[:3])  # right: top right of page 1
    assert (paragraphs[3].style.name, paragraphs[3].text) == ("Title", TITLE)
    got = texts(memo)
    start = got.index("Deltagere:")
    assert got[start : start + 5] == [
        "Deltagere:",
        "Mette Holm (skoleleder), Jonas Krog (viceskoleleder) og "
        "Eva Nielsen (AMR, deltog under punkt 3)",
        "Fra forvaltningen: Ole Kjær Weber (konsulent)",
        "Fra Vestskolen: Lis Bach (skoleleder)",
        "Afbud: Per Dam (skolebestyrelsen)",
    ]
    opening = got.index("Skoleudviklingssamtalen tog udgangspunkt i følgende dagsordenspunkter:")
    numbered = [(s, t) for s, t in _style_names(memo) if s == "List Number"]
    assert [t for _, t in numbered] == [item.title for item in sample_dialogue().agenda]
    assert got[opening + 1] == numbered[0][1]
    headings = [t for s, t in _style_names(memo) if s == "Heading 1"]
    assert headings == [
        *(f"{n}) {item.title}" for n, item in enumerate(sample_dialogue().agenda, start=1)),
        "Opfølgning på sidste års mål",
        "Opsummering",
    ]
    assert "Under dette punkt deltog Eva Nielsen (AMR)." in got


def test_someone_joining_for_a_stretch_is_said_once_where_they_join(tmp_path):
    """Joining from point 3 to the end, or for points 1-2, is one line at the first
    of those points, not a line under each of them."""
    people = [
        {"name": "Mette Holm", "role": "skoleleder"},
        {"name": "Birthe Østergaard", "role": "AMR", "agenda_items": [3, 4, 5]},
        {"name": "Kim Lund", "agenda_items": [1, 2]},
        {"name": "Eva Nielsen", "role": "TR", "agenda_items": [1, 2, 3]},
        {"name": "Jens Bro", "agenda_items": [2, 4]},
    ]
    path = export_memo(sample_dialogue(participants=people), tmp_path / "m.docx", today=today())
    got = texts(path)
    said = [t for t in got if "deltog" in t and not t.startswith("Mette")]
    assert said == [
        "Under punkt 1 og 2 deltog Kim Lund.",
        "Under punkt 1-3 deltog Eva Nielsen (TR).",
        "Under dette punkt deltog Jens Bro.",
        "Fra dette punkt deltog Birthe Østergaard (AMR).",
        "Under dette punkt deltog Jens Bro.",
    ]
    listed = next(t for t in got if t.startswith("Mette"))
    assert "Birthe Østergaard (AMR, deltog fra punkt 3)" in listed
    assert "Kim Lund (deltog under punkt 1 og 2)" in listed
    assert "Eva Nielsen (TR, deltog under punkt 1-3)" in listed
    assert "Jens Bro (deltog under punkt 2 og 4)" in listed


def test_notes_keep_their_kind_and_level_and_internal_notes_never_appear(memo):
    styled = _style_names(memo)
    assert ("Normal", "Skolelederen gennemgik skoleplanen:") in styled
    assert ("List Bullet", "Alt på skolen er et fælles anliggende.") in styled
    assert ("List Bullet 2", "Psykologisk tryghed er et fælles udgangspunkt.") in styled
    whole = part(memo, "word/document.xml")
    assert "presset" not in whole and "Intern" not in whole
    # Tags are data, not text: no tag names or markers in the document.
    for marker in ("observation", "tilstedevaerelse", "#", "[goal]"):
        assert marker not in " ".join(texts(memo))


def test_summary_groups_goals_attention_points_and_agreements_by_theme(tmp_path, memo):
    got = texts(memo)
    summary = got[got.index("Opsummering") :]
    assert summary == [
        "Opsummering",
        "Faglige resultater",
        "Mål: Andelen under 2 i dansk eller matematik sænkes til 5 %.",
        "Andel under 2: 10 % → 5 %, senest 30. juni 2026",
        "Medarbejdere",
        "Opmærksomhedspunkt: Den økonomiske understøttelse bør komme tættere på.",
        "Øvrige",
        "Aftale: Forvaltningen ser på MED-strukturen.",
    ]
    without = export_memo(sample_dialogue(), tmp_path / "kort.docx", summary=False)
    assert "Opsummering" not in texts(without)


def test_a_speakers_name_in_the_summary_has_no_double_colon(tmp_path):
    """ "Opmærksomhedspunkt: Mette Holm: Vi ønsker …" read badly: the speaker goes in
    brackets after the kind. Trailing spaces typed at the end of a note are not kept."""
    dialogue = sample_dialogue()
    note = dialogue.agenda[4].notes[0]
    note.text = "Mette Holm: Vi ønsker økonomien tættere på. "
    dialogue.agenda[3].notes[0].text = "Arbejdsgruppen kvalificerer oplægget.  "
    got = texts(export_memo(dialogue, tmp_path / "m.docx", today=today()))
    assert "Opmærksomhedspunkt (Mette Holm): Vi ønsker økonomien tættere på." in got
    assert "Mette Holm: Vi ønsker økonomien tættere på." in got  # the point itself as typed
    assert "Arbejdsgruppen kvalificerer oplægget." in got


def test_followups_come_after_the_points_with_numbers_outcome_and_comment(memo):
    styled = _style_names(memo)
    got = [t for _, t in styled]
    start = got.index("Opfølgning på sidste års mål")
    assert got[start - 1] == "Den økonomiske understøttelse bør komme tættere på."  # point 5
    assert styled[start + 1 : start + 6] == [
        ("List Bullet", "Mål: Flere sikre læsere i 4. årgang"),
        ("List Bullet 2", "Sikre læsere: 62 % → 75 %"),
        ("List Bullet 2", "Status: delvist opfyldt, nået 68 % (mål: 75 %)"),
        ("List Bullet 2", "Bemærkning: Videreføres med nyt mål."),
        ("Heading 1", "Opsummering"),
    ]


def test_each_followup_kind_and_status_reads_in_danish(tmp_path):
    followups = [
        {"kind": "goal", "text": "Fravær under 5 %", "status": "opfyldt", "reached": "4,2 %",
         "goal": {"indicator": "Elevfravær", "baseline": "6,1 %", "target": "5 %",
                  "due": "2025-06-30"}},
        {"kind": "goal", "text": "Trivsel i udskolingen", "status": "ikke opfyldt",
         "goal": {"target": "4,0"}, "comment": "Ny trivselsmåling viste et fald."},
        {"kind": "goal", "text": "Flere elever i ungdomsuddannelse", "status": "videreført",
         "reached": "88 %"},
        {"kind": "attention", "text": "Økonomisk understøttelse", "status": "delvist opfyldt"},
        {"kind": "agreement", "text": "Forvaltningen ser på MED-strukturen."},
    ]  # fmt: skip
    path = export_memo(sample_dialogue(followups=followups), tmp_path / "m.docx", summary=False)
    got = texts(path)
    start = got.index("Opfølgning på sidste års mål")
    assert got[start + 1 :] == [
        "Mål: Fravær under 5 %",
        "Elevfravær: 6,1 % → 5 %, senest 30. juni 2025",
        "Status: opfyldt, nået 4,2 % (mål: 5 %)",
        "Mål: Trivsel i udskolingen",
        "? → 4,0",
        "Status: ikke opfyldt",
        "Bemærkning: Ny trivselsmåling viste et fald.",
        "Mål: Flere elever i ungdomsuddannelse",
        "Status: videreført, nået 88 %",
        "Opmærksomhedspunkt: Økonomisk understøttelse",
        "Status: delvist opfyldt",
        "Aftale: Forvaltningen ser på MED-strukturen.",
        "Status: ikke vurderet",
    ]


def test_no_followup_section_without_followups(tmp_path):
    got = texts(export_memo(sample_dialogue(followups=[]), tmp_path / "uden.docx"))
    assert "Opfølgning på sidste års mål" not in got
    assert not any(t.startswith(("Status:", "Bemærkning:")) for t in got)


def _section(path: Path) -> str:
    return re.search(r"<w:sectPr.*</w:sectPr>", part(path, "word/document.xml"), re.S).group(0)


def _story(path: Path, kind: str, which: str) -> str:
    """The XML of the header/footer of type ``which`` (default/first) in the section."""
    rels = part(path, "word/_rels/document.xml.rels")
    rid = re.search(rf'<w:{kind}Reference w:type="{which}" r:id="(rId\d+)"', _section(path))
    assert rid, f"no {which} {kind}"
    target = re.search(rf'Id="{rid.group(1)}"[^>]*Target="([^"]+)"', rels) or re.search(
        rf'Target="([^"]+)"[^>]*Id="{rid.group(1)}"', rels
    )
    return part(path, "word/" + target.group(1))


def _text(xml: str) -> str:
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def _fields(xml: str) -> list[str]:
    return [f.strip() for f in re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", xml)]


def test_running_header_from_page_two_and_page_x_of_y_footer_fields(memo):
    section = _section(memo)
    assert "<w:titlePg/>" in section  # a different first page
    assert _text(_story(memo, "header", "default")) == f"Notat: {TITLE}"
    assert "Notat:" not in _text(_story(memo, "header", "first"))
    for which in ("default", "first"):
        footer = _story(memo, "footer", which)
        assert _fields(footer) == ["PAGE", "NUMPAGES"]
        assert _text(footer).startswith("Side ") and " af " in _text(footer)
        assert footer.count('w:fldCharType="begin"') == 2
        assert footer.count('w:fldCharType="end"') == 2
    assert 'w:w="11906"' in section and 'w:h="16838"' in section  # A4


def test_core_properties_name_the_memo_and_nothing_else(memo):
    props = Document(str(memo)).core_properties
    assert props.title == TITLE
    assert props.subject == "Skoleudviklingssamtale Herstedøster Skole 2025"
    assert props.author == "OKW"
    assert props.keywords == "17.01.00-G01-1-25"
    assert props.revision == 1
    assert (props.comments, props.last_modified_by, props.category) == ("", "", "")
    assert props.created is not None and props.created.year >= 2025
    package = "".join(parts(memo, "docProps").values()) + part(memo, "[Content_Types].xml")
    assert "python-docx" not in package and "generated" not in package
    assert "docProps/app.xml" not in parts(memo, "docProps")
    assert "docProps/thumbnail" not in " ".join(parts(memo, "docProps"))


def test_control_characters_are_removed_not_fatal(tmp_path):
    d = sample_dialogue()
    d.participants[0].name = "Mette\x07 Holm\x1b"
    d.agenda[0].notes[0] = replace(d.agenda[0].notes[0], text="Bip\x00\x0b her\ufffe\x85")
    path = export_memo(d, tmp_path / "memo.docx")
    got = texts(path)
    assert "Bip her" in got
    assert any(t.startswith("Mette Holm (skoleleder)") for t in got)


# --- Templates ---------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_template_keeps_logo_styles_page_setup_header_and_footer(tmp_path, suffix):
    template = build_template(tmp_path / f"kommune{suffix}")
    memo = export_memo(sample_dialogue(), tmp_path / "memo.docx", template=template, today=today())
    doc = Document(str(memo))
    got = texts(memo)
    assert "Skabelonens brødtekst, der skal erstattes" not in got
    # The template's header carries the case number itself: not repeated in the body.
    assert got[:3] == ["Dato: 14. marts 2025", "Sagsbehandler: OKW", TITLE]
    assert not any(t.startswith("Sags nr.:") for t in got)
    assert doc.styles["Heading 1"].font.name == TEMPLATE_HEADING_FONT
    assert "Kommune Note" in [s.name for s in doc.styles]
    section = doc.sections[0]
    assert round(section.left_margin.cm, 1) == 3.0
    default_header = _story(memo, "header", "default")
    first_header = _story(memo, "header", "first")
    for header in (default_header, first_header):
        assert "<w:drawing>" in header  # the logo on every page
        assert "Albertslund Kommune" in _text(header)
        assert "Sags nr.: 17.01.00-G01-1-25" in _text(header)  # {{ sagsnr }} filled
        assert "{{" not in header
    assert _text(default_header).endswith(f"Notat: {TITLE}")
    assert "Notat:" not in _text(first_header)
    for which in ("default", "first"):
        footer = _story(memo, "footer", which)
        assert "Albertslund Kommune · Nordmarks Allé 1" in _text(footer)
        assert _fields(footer) == ["PAGE", "NUMPAGES"]
    # Both headers' logos point at an image that is in the package.
    images = [n for n in parts_names(memo) if n.startswith("word/media/")]
    assert images
    for rels in (v for k, v in parts(memo, "word/_rels/").items() if "header" in k):
        assert "media/" in rels
    props = doc.core_properties
    assert (props.author, props.comments, props.revision) == ("OKW", "", 1)
    assert TEMPLATE_AUTHOR not in "".join(parts(memo, "docProps").values())
    assert part(memo, "[Content_Types].xml").count("template.main+xml") == 0


def parts_names(path: Path) -> list[str]:
    import zipfile

    with zipfile.ZipFile(path) as z:
        return z.namelist()


def test_placeholders_in_the_template_body_are_filled_and_kept(tmp_path):
    template = build_template(
        tmp_path / "brev.docx", header_placeholder=False, body_text="{{ titel }} ({{ dato }})"
    )
    memo = export_memo(sample_dialogue(), tmp_path / "memo.docx", template=template, today=today())
    got = texts(memo)
    assert got[0] == f"{TITLE} (14. marts 2025)"
    # The template wrote the date itself; the rest of the block follows its text.
    assert got[1:3] == ["Sags nr.: 17.01.00-G01-1-25", "Sagsbehandler: OKW"]
    assert "Skoleudviklingssamtalen tog udgangspunkt i følgende dagsordenspunkter:" in got


def test_year_and_municipality_placeholders_are_filled_as_in_the_overview(tmp_path):
    template = build_template(tmp_path / "t.docx", body_text="{{ kommune }} {{ aar }}")
    memo = export_memo(sample_dialogue(), tmp_path / "memo.docx", template=template)
    assert texts(memo)[0] == "Albertslund Kommune 2025"


def test_a_template_without_list_styles_still_gets_bullets_and_numbers(tmp_path):
    template = build_template(tmp_path / "mager.docx", without_list_styles=True)
    got = texts(export_memo(sample_dialogue(), tmp_path / "memo.docx", template=template))
    assert "1.\tUdvalgte punkter fra skoleplan 2024-25" in got
    assert "•\tAlt på skolen er et fælles anliggende." in got
    assert TITLE in got


def _hollow_word_zip(path: Path) -> Path:
    """A zip that claims to be a Word document but holds no document."""
    import zipfile

    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", as_dotx_types())
    return path


def as_dotx_types() -> str:
    return (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )


def _encrypted_like_office(path: Path) -> Path:
    # An OLE compound file holding an EncryptionInfo stream, as Office writes
    # a password-protected .docx (only the parts the exporter looks at).
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "EncryptionInfo".encode("utf-16-le")
    )
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.with_name("findes-ikke.docx"), "findes ikke"),
        (lambda p: (p.write_text("bare tekst"), p)[1], "er ikke en Word-fil"),
        (_encrypted_like_office, "beskyttet med adgangskode"),
        (
            lambda p: (p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500), p)[1],
            "gamle Word-format",
        ),
        (lambda p: (p.mkdir(), p)[1], "kan ikke læses"),
        (_hollow_word_zip, "er ikke en Word-fil"),
    ],
    ids=["missing", "text", "encrypted", "old-doc", "directory", "broken-zip"],
)
def test_bad_templates_are_refused_with_one_clear_line_and_no_file(tmp_path, make, message):
    template = make(tmp_path / "skabelon.docx")
    out = tmp_path / "memo.docx"
    with pytest.raises(ExportError) as e:
        export_memo(sample_dialogue(), out, template=template)
    assert message in str(e.value) and "\n" not in str(e.value)
    assert "skabelon" in str(e.value)
    assert not out.exists()


def test_a_broken_placeholder_is_a_clear_error(tmp_path):
    template = build_template(tmp_path / "t.docx", body_text="{% if skole %} uden slut")
    with pytest.raises(ExportError) as e:
        export_memo(sample_dialogue(), tmp_path / "memo.docx", template=template)
    assert str(e.value) == (
        f"skabelonen {template}: pladsholderen {{% if skole %}} er ikke skrevet rigtigt "
        "(mangler den fx sin afslutning?)"
    )


# --- Atomic writing ----------------------------------------------------------


def test_a_failure_mid_write_leaves_no_file_and_keeps_the_old_one(tmp_path, monkeypatch):
    out = tmp_path / "memo.docx"

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(DialogError, match="kan ikke skrive"):
        export_memo(sample_dialogue(), out)
    assert list(tmp_path.iterdir()) == []
    out.write_bytes(b"old memo")
    with pytest.raises(DialogError):
        export_memo(sample_dialogue(), out)
    assert out.read_bytes() == b"old memo"
    assert list(tmp_path.iterdir()) == [out]


def test_a_failure_while_building_writes_nothing(tmp_path, monkeypatch):
    from docx.document import Document as DocxDocument

    def broken_save(self, stream):
        stream.write(b"PK half a zip")
        raise RuntimeError("disk gone")

    monkeypatch.setattr(DocxDocument, "save", broken_save)
    with pytest.raises(RuntimeError):
        export_memo(sample_dialogue(), tmp_path / "memo.docx")
    assert list(tmp_path.iterdir()) == []


def test_the_exporter_and_the_export_command_never_import_textual():
    import subprocess
    import sys

    code = (
        "import sys, dialog_tui.export.memo, dialog_tui.export.overview, dialog_tui.export.cpr, "
        "dialog_tui.export.pdf, "
        "dialog_tui.cli.export; print('textual' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_the_default_layout_leaves_out_the_parts_the_memo_does_not_use(tmp_path):
    """No Word 2010 copy of the styles and no bibliography store; the styles,
    numbering and settings the memo uses are there, and Word's list of parts
    names only what the file holds."""
    import zipfile

    path = export_memo(sample_dialogue(), tmp_path / "memo.docx")
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert {"word/styles.xml", "word/numbering.xml", "word/settings.xml"} <= names
    assert not [n for n in names if "stylesWithEffects" in n or n.startswith("customXml/")]
    assert "stylesWithEffects" not in types + rels and "customXml" not in types + rels
    assert "Opsummering" in texts(path)
