"""Word documents on a municipality's template: the parts every export shares.

- :class:`Writer` appends paragraphs fast, with styles resolved once
  (python-docx scans every style on each ``add_paragraph(style=...)``).
- :func:`add_page_furniture` adds the running header from page 2 and the
  ``Side X af Y`` footer as real PAGE/NUMPAGES fields, beside the template's own.
- :func:`set_properties` writes title, subject, author and keywords and scrubs
  every other trace of the generator (the template is cleaned when it is read,
  see :mod:`.template`).
- :func:`save_document` writes atomically: a failure leaves no partial file.

Opening a template (or the default layout) is :mod:`.opening`.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .. import strings as S

if TYPE_CHECKING:
    from docx.document import Document
    from docx.section import _Footer, _Header
    from docx.table import Table
    from docx.text.paragraph import Paragraph

PLACEHOLDERS = ("dato", "sagsnr", "sagsbehandler", "titel", "skole", "aar", "kommune")
"""The names a template may use as ``{{ name }}``; the memo and the council
overview fill each (the overview leaves ``sagsnr`` and ``skole`` empty)."""

# Characters XML 1.0 cannot hold, plus C1 controls that Word refuses.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# Package relationships that carry the generator's traces (app name, company,
# thumbnail: python-docx's own default template has them).
_SCRUBBED_PACKAGE_RELS = ("extended-properties", "custom-properties", "thumbnail")

_W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_P, _W_PPR, _W_PSTYLE, _W_KEEPNEXT, _W_JC, _W_VAL, _W_R, _W_RPR, _W_B, _W_T = (
    _W_NS + t for t in ("p", "pPr", "pStyle", "keepNext", "jc", "val", "r", "rPr", "b", "t")
)
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_W_STYLE, _W_NAME, _W_TYPE, _W_STYLE_ID = (_W_NS + t for t in ("style", "name", "type", "styleId"))


def printable(text: str) -> str:
    """Text Word can hold: control characters pasted from elsewhere are dropped."""
    return _NOT_XML.sub("", text)


def _w(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(f"w:{tag}")


# --- Writing -----------------------------------------------------------------

_BULLET_INDENT = 360  # twips per level

ROLES: Mapping[str, tuple[str, ...]] = {
    "normal": ("Normal",),
    "title": ("Title", "Titel", "Heading 1", "Overskrift 1"),
    "heading": ("Heading 1", "Overskrift 1"),
    "subheading": ("Heading 2", "Overskrift 2", "Heading 1", "Overskrift 1"),
    "number": ("List Number", "Opstilling med tal"),
    "bullet": ("List Bullet", "Opstilling med punkttegn"),
    "bullet2": ("List Bullet 2", "Opstilling med punkttegn 2"),
    "bullet3": ("List Bullet 3", "Opstilling med punkttegn 3"),
    "bullet4": ("List Bullet 4", "Opstilling med punkttegn 4"),
    "bullet5": ("List Bullet 5", "Opstilling med punkttegn 5"),
    "header": ("Header", "Sidehoved"),
    "footer": ("Footer", "Sidefod"),
}
"""Paragraph roles and the style names tried for each, in order (English names
are what Word stores for built-in styles, Danish ones cover custom copies)."""


def resolve_styles(document: Document) -> dict[str, str | None]:
    """Style id per role (see :data:`ROLES`), ``None`` when the template has
    none of the candidates. One pass over the styles' XML, however many
    paragraphs (python-docx's style objects cost a wrapper each: ~15 times slower)."""
    by_name: dict[str, str] = {}
    for style in document.styles.element.iterchildren(_W_STYLE):
        name = style.find(_W_NAME)
        value = name.get(_W_VAL) if name is not None else None
        # python-docx's names differ from Word's stored ones only in case.
        if value and style.get(_W_TYPE, "paragraph") == "paragraph":
            by_name.setdefault(value.lower(), style.get(_W_STYLE_ID))
    return {
        role: next((by_name[n.lower()] for n in names if n.lower() in by_name), None)
        for role, names in ROLES.items()
    }


class Writer:
    """Appends paragraphs to a document's body with styles resolved once.

    Each role (``title``, ``heading``, ``bullet`` …) maps to the first style the
    template has among a list of candidates; a template without list styles
    still gets visible bullets and numbers (written as text), never a crash.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self._body = document.element.body
        self._end = self._body.find(_w("sectPr"))
        self.styles = resolve_styles(document)
        self.bullet_char = "•"
        """Written as text where the template has no list style (the memo style's)."""

    def paragraph(
        self,
        text: str = "",
        role: str = "normal",
        *,
        bold: bool = False,
        align: str = "",
        keep_with_next: bool = False,
    ) -> Paragraph:
        """Append a paragraph in ``role``'s style; ``align`` is ``right``/``center``;
        ``keep_with_next`` keeps it on the page of what follows (a lead-in line)."""
        from docx.text.paragraph import Paragraph
        from lxml.etree import SubElement

        # Plain lxml: python-docx's setters look up child order on every call.
        p = self._body.makeelement(_W_P)
        style = self.styles.get(role)
        if style is not None or align or keep_with_next:
            ppr = SubElement(p, _W_PPR)
            if style is not None:
                SubElement(ppr, _W_PSTYLE).set(_W_VAL, style)
            if keep_with_next:
                SubElement(ppr, _W_KEEPNEXT)
            if align:
                SubElement(ppr, _W_JC).set(_W_VAL, align)
        if self._end is not None:
            self._end.addprevious(p)
        else:
            self._body.append(p)
        paragraph = Paragraph(p, self.document._body)
        if text:
            text = printable(text)
            if "\t" in text or "\n" in text:  # python-docx writes tabs and breaks
                paragraph.add_run(text).bold = bold or None
            else:
                r = SubElement(p, _W_R)
                if bold:
                    SubElement(SubElement(r, _W_RPR), _W_B)
                t = SubElement(r, _W_T)
                t.text = text
                t.set(_XML_SPACE, "preserve")
        return paragraph

    def bullet(self, text: str, level: int = 0) -> Paragraph:
        """A bullet at ``level`` (0-based): the template's list style for that level,
        else the deepest one it has, indented, else a ``•`` written as text."""
        for depth in range(level + 1, 0, -1):
            role = "bullet" if depth == 1 else f"bullet{depth}"
            if self.styles[role] is not None:
                paragraph = self.paragraph(text, role)
                if depth <= level:
                    self._indent(paragraph, level + 1)
                return paragraph
        paragraph = self.paragraph(f"{self.bullet_char}\t{text}")
        self._indent(paragraph, level + 1)
        return paragraph

    def numbered(self, text: str, number: int) -> Paragraph:
        if self.styles["number"] is not None:
            return self.paragraph(text, "number")
        paragraph = self.paragraph(f"{number}.\t{text}")
        self._indent(paragraph, 1)
        return paragraph

    def table(
        self,
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        bold_rows: Sequence[int] = (0,),
        right_columns: Sequence[int] = (),
    ) -> Table:
        """A table as wide as the text area, columns sharing it by ``widths``
        (fractions); the first row repeats on each page. Borders are written on
        the table itself, so it looks the same on any template."""
        from docx.table import Table
        from lxml.etree import SubElement

        def element(parent, tag: str, **attrs: str):
            child = SubElement(parent, _w(tag))
            for key, value in attrs.items():
                child.set(_w(key), value)
            return child

        section = self.document.sections[-1]
        width = (section.page_width - section.left_margin - section.right_margin) // 635  # twips
        columns = [str(int(width * share / sum(widths))) for share in widths]
        tbl = self._body.makeelement(_w("tbl"))
        # Children in schema order: Word refuses a document otherwise.
        tblpr = element(tbl, "tblPr")
        element(tblpr, "tblW", w=str(width), type="dxa")
        borders = element(tblpr, "tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            element(borders, edge, val="single", sz="4", space="0", color="808080")
        element(tblpr, "tblLayout", type="fixed")
        grid = element(tbl, "tblGrid")
        for column in columns:
            element(grid, "gridCol", w=column)
        for r, values in enumerate(rows):
            tr = element(tbl, "tr")
            if r == 0:
                element(element(tr, "trPr"), "tblHeader")
            for c, value in enumerate(values):
                tc = element(tr, "tc")
                element(element(tc, "tcPr"), "tcW", w=columns[c], type="dxa")
                p = element(tc, "p")
                ppr = element(p, "pPr")
                element(ppr, "spacing", after="0")
                if c in right_columns:
                    element(ppr, "jc", val="right")
                run = element(p, "r")
                if r in bold_rows:
                    element(element(run, "rPr"), "b")
                t = element(run, "t")
                t.text = printable(value)
                t.set(_XML_SPACE, "preserve")
        if self._end is not None:
            self._end.addprevious(tbl)
        else:
            self._body.append(tbl)
        return Table(tbl, self.document._body)

    @staticmethod
    def _indent(paragraph: Paragraph, levels: int) -> None:
        from docx.shared import Twips

        fmt = paragraph.paragraph_format
        fmt.left_indent = Twips(_BULLET_INDENT * levels)
        fmt.first_line_indent = Twips(-_BULLET_INDENT)


def top_right_block(w: Writer, context: Mapping[str, str], skip: frozenset[str]) -> None:
    """``Dato:`` / ``Sags nr.:`` / ``Sagsbehandler:`` top right on page 1, from the
    placeholder values; an empty value, or a line the template writes itself (its
    ``{{ sagsnr }}`` in the letterhead), is left out."""
    from docx.shared import Pt

    candidates = [
        ("dato", S.MEMO_DATE.format(date=context.get("dato", ""))),
        ("sagsnr", S.MEMO_CASE_NUMBER.format(case_number=context.get("sagsnr", ""))),
        ("sagsbehandler", S.MEMO_CASE_HANDLER.format(initials=context.get("sagsbehandler", ""))),
    ]
    lines = [line for name, line in candidates if context.get(name) and name not in skip]
    for i, line in enumerate(lines):
        paragraph = w.paragraph(line, align="right")
        paragraph.paragraph_format.space_after = Pt(12 if i == len(lines) - 1 else 0)


# --- Header and footer -------------------------------------------------------


def add_page_furniture(document: Document, running_header: str) -> None:
    """From page 2 a running header; on every page ``Side X af Y`` as PAGE/NUMPAGES
    fields. The template's own header and footer (logo included) stay: when it has
    no first-page header, page 1 gets a copy of its header without the running line.
    """
    styles = resolve_styles(document)
    for section in document.sections:
        if not section.different_first_page_header_footer:
            _copy_story(section.header, section.first_page_header)
            _copy_story(section.footer, section.first_page_footer)
            section.different_first_page_header_footer = True
        headers = [section.header]
        footers = [section.footer, section.first_page_footer]
        if document.settings.odd_and_even_pages_header_footer:
            headers.append(section.even_page_header)
            footers.append(section.even_page_footer)
        for header in headers:
            _append_line(header, running_header, styles["header"])
        for footer in footers:
            paragraph = _append_line(footer, S.MEMO_PAGE, styles["footer"])
            _add_field(paragraph, "PAGE")
            paragraph.add_run(S.MEMO_PAGE_OF)
            _add_field(paragraph, "NUMPAGES")


def _story_is_empty(story: _Header | _Footer) -> bool:
    element = story._element
    return not "".join(element.itertext()).strip() and not element.xpath(
        ".//w:drawing | .//w:pict | .//w:fldSimple | .//w:instrText"
    )


def _append_line(story: _Header | _Footer, text: str, style: str | None) -> Paragraph:
    """A right-aligned paragraph at the end of a header or footer; an empty
    story's lone empty paragraph is reused, so the line is not pushed down."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraphs = story.paragraphs
    if _story_is_empty(story) and len(paragraphs) == 1:
        paragraph = paragraphs[0]
    else:
        paragraph = story.add_paragraph()
    if style is not None:
        paragraph._p.get_or_add_pPr().style = style
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run(printable(text))
    return paragraph


def _add_field(paragraph: Paragraph, instruction: str) -> None:
    """A complex field (begin, instruction, separate, cached ``1``, end) that Word
    and LibreOffice both recompute when they lay out the pages."""
    from docx.oxml import OxmlElement

    def run(child: object) -> None:
        r = OxmlElement("w:r")
        r.append(child)
        paragraph._p.append(r)

    def char(kind: str) -> object:
        c = OxmlElement("w:fldChar")
        c.set(_w("fldCharType"), kind)
        return c

    run(char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    run(instr)
    run(char("separate"))
    cached = OxmlElement("w:t")
    cached.text = "1"
    run(cached)
    run(char("end"))


def _copy_story(source: _Header | _Footer, target: _Header | _Footer) -> None:
    """Copy a header or footer's content (logo included) into another (defined)
    story, re-pointing each image or link relationship at the target's own part."""
    target.is_linked_to_previous = False  # defined, even if empty: page 1 stays clean
    if source.is_linked_to_previous or _story_is_empty(source):
        return
    src_part, dst_part = source.part, target.part
    dst = target._element
    for child in list(dst):
        dst.remove(child)
    for child in source._element:
        clone = copy.deepcopy(child)
        for element in clone.iter():
            for attr, value in list(element.attrib.items()):
                if attr.startswith("{" + _R_NS + "}") and value in src_part.rels:
                    rel = src_part.rels[value]
                    if rel.is_external:
                        new_id = dst_part.relate_to(rel.target_ref, rel.reltype, is_external=True)
                    else:
                        new_id = dst_part.relate_to(rel.target_part, rel.reltype)
                    element.set(attr, new_id)
        dst.append(clone)


# --- Properties and saving ---------------------------------------------------


def set_properties(
    document: Document, *, title: str, subject: str, author: str, keywords: str
) -> None:
    """Fresh core properties (title, subject, author, keywords, revision 1, now;
    no last-modified-by), and no trace of the generator: no app name, company,
    thumbnail or editing-session ids."""
    from docx.oxml.coreprops import CT_CoreProperties

    package = document.part.package
    core_part = package._core_properties_part
    core_part._element = CT_CoreProperties.new()
    props = document.core_properties
    props.title = printable(title)
    props.subject = printable(subject)
    props.author = printable(author)
    props.keywords = printable(keywords)
    props.revision = 1
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now
    for rId, rel in list(package.rels.items()):
        if any(rel.reltype.endswith(kind) for kind in _SCRUBBED_PACKAGE_RELS):
            package.rels.pop(rId)
    settings = document.settings.element
    for element in settings.findall(_w("rsids")):
        settings.remove(element)


def save_document(document: Document, path: Path) -> Path:
    """Serialize in memory, then write atomically beside ``path`` and rename."""
    from ..files import write_atomically

    buffer = io.BytesIO()
    document.save(buffer)
    write_atomically(Path(path), buffer.getvalue())  # owner-only, like the database
    return Path(path)
