"""Municipal test templates, built by the tests themselves: a logo in the header,
their own styles and page setup, a ``{{ sagsnr }}`` placeholder."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

TEMPLATE_AUTHOR = "Skabelonforfatter"
TEMPLATE_HEADING_FONT = "Georgia"


def png(width: int = 40, height: int = 20) -> bytes:
    """A small solid blue PNG, written by hand so tests need no image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\x20\x40\xc0" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def build_template(
    path: Path,
    *,
    header_placeholder: bool = True,
    body_text: str = "Skabelonens brødtekst, der skal erstattes",
    without_list_styles: bool = False,
) -> Path:
    """A .docx (or, by suffix, .dotx) template like a municipality's."""
    from docx import Document
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(3)
    heading = doc.styles["Heading 1"]
    heading.font.name = TEMPLATE_HEADING_FONT
    heading.font.color.rgb = RGBColor(0x80, 0, 0)
    heading.font.size = Pt(14)
    doc.styles.add_style("Kommune Note", 1).font.name = "Verdana"
    if without_list_styles:
        for name in ("List Bullet", "List Bullet 2", "List Bullet 3", "List Number", "Title"):
            element = doc.styles[name].element
            element.getparent().remove(element)
    header = section.header
    logo = header.paragraphs[0].add_run()
    logo.add_picture(io.BytesIO(png()), width=Cm(3))
    header.add_paragraph("Albertslund Kommune")
    if header_placeholder:
        header.add_paragraph("Sags nr.: {{ sagsnr }}")
    section.footer.paragraphs[0].text = "Albertslund Kommune · Nordmarks Allé 1"
    doc.add_paragraph(body_text)
    doc.core_properties.author = TEMPLATE_AUTHOR
    doc.core_properties.comments = "skabelonens kommentar"
    doc.core_properties.last_modified_by = TEMPLATE_AUTHOR
    doc.core_properties.revision = 17
    buffer = io.BytesIO()
    doc.save(buffer)
    data = buffer.getvalue()
    if path.suffix == ".dotx":
        data = as_dotx(data)
    path.write_bytes(data)
    return path


def as_dotx(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(info, content)
    return out.getvalue()
