"""Opening the document every export writes into.

- :func:`open_document` reads and cleans the municipality's template
  (``.docx``, ``.dotx`` or ``.dotm``, see :mod:`.template`), fills its
  ``{{ placeholders }}`` in a sandbox (see :mod:`.sandbox`) and empties its body,
  keeping styles, page setup, header, footer and logo; without a template it
  gives the default A4 layout.
- :func:`check_template` validates a template once, when it is chosen.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import strings as S
from ..errors import ExportError
from .document import _w

if TYPE_CHECKING:
    from docx.document import Document

_PLACEHOLDER = re.compile(r"\{[{%]\s*(\w+)")
_JINJA = re.compile(r"\{[{%#]")
TEMPLATE_NAMES = ("template.docx", "template.dotx", "template.dotm")

A4 = (11906, 16838)  # twentieths of a point
MARGIN_CM = 2.5


def user_template() -> Path | None:
    """The municipality's template set up once for this user: ``template.docx``
    (or ``.dotx``, ``.dotm``) in the config folder (``~/.config/dialog-tui/`` on Linux)."""
    from platformdirs import user_config_path

    folder = user_config_path("dialog-tui", appauthor=False)
    for name in TEMPLATE_NAMES:
        if (folder / name).exists():
            return folder / name
    return None


@dataclass
class OpenedDocument:
    document: Document
    placeholders: frozenset[str]
    """The placeholder names the template uses (in body, header or footer)."""
    body_kept: bool
    """The template's body held placeholders, so it was filled and kept."""
    printed: list[str] = field(default_factory=list)
    """The template's text as it will print (filled; the body only when kept)."""
    own_text: list[str] = field(default_factory=list)
    """The template's own text, every story part, before filling."""


def open_document(template: Path | None, context: Mapping[str, str]) -> OpenedDocument:
    """The document to write into: the template cleaned, its placeholders filled
    from ``context`` and its body emptied (kept when it holds placeholders), or the
    default layout when ``template`` is None."""
    import docx

    if template is None:
        document = docx.Document()
        _default_layout(document)
        _drop_extra_parts(document)
        _clear_body(document)
        return OpenedDocument(document, frozenset(), False)
    from .template import drop_notes, load_template

    clean = load_template(template)
    lines = clean.lines()
    names = frozenset(name for line in lines for name in _PLACEHOLDER.findall(line))
    in_body = any(_JINJA.search(line) for line in clean.text.get("word/document.xml", []))
    if any(_JINJA.search(line) for line in lines):
        from .sandbox import render  # Jinja and docxtpl: only to fill placeholders

        document = render(clean, context)  # its errors name the placeholder
    else:
        document = _open(clean.data, template)
    try:
        _check_structure(document)
        if not in_body:
            _clear_body(document)
            drop_notes(document)
        printed = _printed_text(document)
    except Exception:  # python-docx on a zip that claims to be Word but is broken inside
        raise ExportError(S.TEMPLATE_NOT_WORD.format(path=template)) from None
    return OpenedDocument(document, names, in_body, printed, lines)


def check_template(path: Path) -> None:
    """Validate a template once, as when it is chosen: it opens, is cleaned, fills
    with sample values, and its own text holds no CPR number. Raises
    :class:`ExportError` with one Danish line."""
    from .cpr import find_in_text

    for line in open_document(path, S.TEMPLATE_SAMPLE_VALUES).own_text:
        for match in find_in_text(line):
            raise ExportError(S.TEMPLATE_CPR.format(path=path, number=match.number))


def _open(data: bytes, template: Path) -> Document:
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception:  # python-docx on a zip that claims to be Word but is broken inside
        raise ExportError(S.TEMPLATE_NOT_WORD.format(path=template)) from None


def _check_structure(document: Document) -> None:
    """Touch what the export reads of a template (styles, settings, page setup,
    the headers and footers it defines), so a template broken inside fails here,
    named, and not halfway through a memo."""
    _ = len(document.styles)
    _ = document.settings.odd_and_even_pages_header_footer
    for section in document.sections:
        _ = (section.page_width, section.left_margin, section.different_first_page_header_footer)
        for story in (section.header, section.footer, section.first_page_header,
                      section.first_page_footer, section.even_page_header,
                      section.even_page_footer):  # fmt: skip
            if not story.is_linked_to_previous:  # an undefined one would be added
                _ = story.paragraphs


def _printed_text(document: Document) -> list[str]:
    """The text of the template that prints: body, headers, footers and notes."""
    from .template import STORIES, paragraph_texts, parse

    lines = [p.text for p in document.paragraphs]
    for part in document.part.package.iter_parts():
        name = str(part.partname).lstrip("/")
        if STORIES.fullmatch(name) and name != "word/document.xml":
            lines += paragraph_texts(parse(part.blob))
    return lines


_EXTRA_PARTS = ("/stylesWithEffects", "/customXml")


def _drop_extra_parts(document: Document) -> None:
    """Leave out two parts of python-docx's default document that the memo does
    not use: Word 2010's copy of the styles (438 kB; newer Word and LibreOffice
    read ``styles.xml``), a third of the time spent saving, and an empty
    bibliography store (a template loses its ``customXml`` when cleaned)."""
    rels = document.part.rels
    for rId, rel in list(rels.items()):
        if rel.reltype.endswith(_EXTRA_PARTS):
            rels.pop(rId)


def _clear_body(document: Document) -> None:
    """Remove the body's content, keeping its final section properties (page setup)."""
    body = document.element.body
    for child in list(body):
        if child.tag != _w("sectPr"):
            body.remove(child)


def _default_layout(document: Document) -> None:
    """A4, 2.5 cm margins, Arial, black headings: the plain municipal memo look."""
    from docx.shared import Pt, RGBColor, Twips

    section = document.sections[0]
    section.page_width, section.page_height = Twips(A4[0]), Twips(A4[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Twips(round(MARGIN_CM / 2.54 * 1440)))
    section.header_distance = section.footer_distance = Twips(round(1.25 / 2.54 * 1440))
    styles = document.styles
    sizes = {"Normal": 11, "Title": 16, "Heading 1": 12, "Heading 2": 11, "Header": 9,
             "Footer": 9}  # fmt: skip
    for name, size in sizes.items():
        style = styles[name]
        font = style.font
        font.name = "Arial"
        font.size = Pt(size)
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.get_or_add_rFonts()
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(_w(attr.split(":")[1]), None)
        fonts.set(_w("eastAsia"), "Arial")
        fonts.set(_w("cs"), "Arial")
        if name != "Normal":
            font.color.rgb = RGBColor(0, 0, 0)
        if name in ("Title", "Heading 1", "Heading 2"):
            font.bold = True
            fmt = style.paragraph_format
            fmt.space_before = Pt(18 if name != "Heading 2" else 12)
            fmt.space_after = Pt(6)
            fmt.keep_with_next = True
    title = styles["Title"].element
    ppr = title.get_or_add_pPr()
    border = ppr.find(_w("pBdr"))
    if border is not None:
        ppr.remove(border)
    spacing = title.find(_w("rPr") + "/" + _w("spacing"))
    if spacing is not None:
        spacing.getparent().remove(spacing)
    styles["Title"].paragraph_format.space_before = Pt(0)
    styles["Normal"].paragraph_format.space_after = Pt(8)
    styles["Normal"].paragraph_format.line_spacing = 1.15
