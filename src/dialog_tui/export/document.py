"""Word documents on a municipality's template: the parts every export shares.

- :func:`open_document` opens the template (``.docx`` or ``.dotx``), fills its
  ``{{ placeholders }}`` and empties its body, keeping styles, page setup,
  header, footer and logo; without a template it gives the default A4 layout.
- :class:`Writer` appends paragraphs fast, with styles resolved once
  (python-docx scans every style on each ``add_paragraph(style=...)``).
- :func:`add_page_furniture` adds the running header from page 2 and the
  ``Side X af Y`` footer as real PAGE/NUMPAGES fields, beside the template's own.
- :func:`set_properties` writes title, subject, author and keywords and scrubs
  every other trace of the template or the generator.
- :func:`save_document` writes atomically: a failure leaves no partial file.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .. import strings as S
from ..errors import ExportError, os_reason

if TYPE_CHECKING:
    from docx.document import Document
    from docx.section import _Footer, _Header
    from docx.table import Table
    from docx.text.paragraph import Paragraph

PLACEHOLDERS = ("dato", "sagsnr", "sagsbehandler", "titel", "skole", "aar", "kommune")
"""The names a template may use as ``{{ name }}``; the memo and the council
overview fill each (the overview leaves ``sagsnr`` and ``skole`` empty)."""

_CT_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_CT_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TAG = re.compile(r"<[^>]+>")
_PLACEHOLDER = re.compile(r"\{[{%]\s*(\w+)")
# Characters XML 1.0 cannot hold, plus C1 controls that Word refuses.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# Package and document relationships that carry the template's or the
# generator's traces (app name, company, thumbnail, comments, DMS metadata).
_SCRUBBED_PACKAGE_RELS = ("extended-properties", "custom-properties", "thumbnail")
_SCRUBBED_DOCUMENT_RELS = ("/comments", "commentsExtended", "commentsIds", "people", "customXml")

_W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_P, _W_PPR, _W_PSTYLE, _W_KEEPNEXT, _W_JC, _W_VAL, _W_R, _W_RPR, _W_B, _W_T = (
    _W_NS + t for t in ("p", "pPr", "pStyle", "keepNext", "jc", "val", "r", "rPr", "b", "t")
)
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

A4 = (11906, 16838)  # twentieths of a point
MARGIN_CM = 2.5


def printable(text: str) -> str:
    """Text Word can hold: control characters pasted from elsewhere are dropped."""
    return _NOT_XML.sub("", text)


# --- Opening -----------------------------------------------------------------


def user_template() -> Path | None:
    """The municipality's template set up once for this user: ``template.docx``
    (or ``.dotx``) in the config folder (``~/.config/dialog-tui/`` on Linux)."""
    from platformdirs import user_config_path

    folder = user_config_path("dialog-tui", appauthor=False)
    for name in ("template.docx", "template.dotx"):
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


def read_template(path: Path) -> bytes:
    """The template as ``.docx`` bytes (a ``.dotx`` gets the document content type);
    anything else is refused with one clear Danish line."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ExportError(S.TEMPLATE_NOT_FOUND.format(path=path)) from None
    except OSError as e:
        reason = os_reason(e)
        raise ExportError(S.TEMPLATE_UNREADABLE.format(path=path, reason=reason)) from None
    if data.startswith(_OLE_MAGIC):
        # Office wraps a password-protected .docx in an OLE file with an
        # EncryptionInfo stream; other OLE files are the old binary .doc/.dot.
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise ExportError(S.TEMPLATE_ENCRYPTED.format(path=path))
        raise ExportError(S.TEMPLATE_OLD_WORD.format(path=path))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            types = z.read("[Content_Types].xml").decode("utf-8")
            if _CT_TEMPLATE in types:
                return _replace_in_zip(z, "[Content_Types].xml",
                                       types.replace(_CT_TEMPLATE, _CT_DOCUMENT))  # fmt: skip
            if _CT_DOCUMENT not in types:
                raise ExportError(S.TEMPLATE_NOT_WORD.format(path=path))
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, EOFError):
        raise ExportError(S.TEMPLATE_NOT_WORD.format(path=path)) from None
    return data


def _replace_in_zip(z: zipfile.ZipFile, name: str, text: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in z.infolist():
            new.writestr(info, text.encode("utf-8") if info.filename == name else z.read(info))
    return out.getvalue()


def _placeholders_in(data: bytes) -> tuple[frozenset[str], bool]:
    """(names used anywhere, whether the body uses any), reading through Word's
    habit of splitting ``{{ name }}`` over several runs."""
    names: set[str] = set()
    in_body = False
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
                found = _PLACEHOLDER.findall(_TAG.sub("", z.read(name).decode("utf-8")))
                names.update(found)
                in_body = in_body or (name == "word/document.xml" and bool(found))
    return frozenset(names), in_body


def open_document(template: Path | None, context: Mapping[str, str]) -> OpenedDocument:
    """The document to write into: the template with its placeholders filled from
    ``context`` and its body emptied (kept when it holds placeholders), or the
    default layout when ``template`` is None."""
    import docx
    from docx.opc.exceptions import OpcError

    if template is None:
        document = docx.Document()
        _default_layout(document)
        _clear_body(document)
        return OpenedDocument(document, frozenset(), False)
    data = read_template(template)
    names, in_body = _placeholders_in(data)
    try:
        document = _render(data, context) if names else docx.Document(io.BytesIO(data))
    except ExportError as e:
        raise ExportError(S.TEMPLATE_BAD_PLACEHOLDER.format(path=template, reason=e)) from None
    except (ValueError, KeyError, SyntaxError, zipfile.BadZipFile, OpcError):
        # A zip that claims to be Word but is broken inside.
        raise ExportError(S.TEMPLATE_NOT_WORD.format(path=template)) from None
    if not in_body:
        _clear_body(document)
    return OpenedDocument(document, names, in_body)


def _render(data: bytes, context: Mapping[str, str]) -> Document:
    from docxtpl import DocxTemplate
    from jinja2 import Environment, TemplateError

    template = DocxTemplate(io.BytesIO(data))
    try:
        template.render(dict(context), jinja_env=Environment(autoescape=True))
    except TemplateError as e:
        raise ExportError(str(e)) from None
    document = template.docx
    # docxtpl swaps in rendered header/footer parts on the relationships but not
    # in python-docx's rId -> part cache, which section.header reads.
    rels = document.part.rels
    for rId, rel in rels.items():
        if not rel.is_external:
            rels._target_parts_by_rId[rId] = rel.target_part
    return document


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
    none of the candidates. One pass over the styles, however many paragraphs."""
    from docx.enum.style import WD_STYLE_TYPE

    by_name: dict[str, str] = {}
    for style in document.styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH and style.name:
            by_name.setdefault(style.name.lower(), style.style_id)
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
    """Fresh core properties (title, subject, author, keywords, revision 1, now),
    and no trace of the template's or the generator's: no app name, company,
    comments, thumbnail, attached template path or editing-session ids."""
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
    part = document.part
    for rId, rel in list(part.rels.items()):
        if any(kind in rel.reltype for kind in _SCRUBBED_DOCUMENT_RELS):
            part.rels.pop(rId)
    for tag in ("commentRangeStart", "commentRangeEnd"):
        for element in document.element.body.iter(_w(tag)):
            element.getparent().remove(element)
    for reference in list(document.element.body.iter(_w("commentReference"))):
        run = reference.getparent()
        run.getparent().remove(run)
    settings = document.settings.element
    for tag in ("attachedTemplate", "rsids"):
        for element in settings.findall(_w(tag)):
            rid = element.get(f"{{{_R_NS}}}id")
            if rid and rid in document.settings.part.rels:
                document.settings.part.rels.pop(rid)
            settings.remove(element)


def save_document(document: Document, path: Path) -> Path:
    """Serialize in memory, then write atomically beside ``path`` and rename."""
    from ..exchange import write_atomically

    buffer = io.BytesIO()
    document.save(buffer)
    write_atomically(Path(path), buffer.getvalue())  # owner-only, like the database
    return Path(path)
