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


# --- Hostile templates (issue 11) --------------------------------------------

SECRET_AUTHOR = "Hanne Hemmelig"
SECRET_EMAIL = "hanne.hemmelig@kommune.dk"
SECRET_PATH = r"C:\Users\hanne\Dokumenter\elevliste.xlsx"
REMOTE = "http://127.0.0.1:9/spor.png"
SECRETS = (
    SECRET_AUTHOR,
    SECRET_EMAIL,
    "hanne\\",  # any C:\Users\hanne\… path
    "slettet hemmelighed",
    "flyttet væk",
    "skjult tekst",
    "skjult stil",
    "kommentar om eleven",
    "dokumentvariabel",
    "byggeblok hemmelig",
    "fodnote hemmelig",
    "kunde-id 4711",
    "VBA-MAKRO",
    "127.0.0.1",
    "tracker.example",
    "Kommune.dotm",
)
"""Strings a hostile template carries that must not be anywhere in the memo."""
KEPT = ("indsat tekst", "flyttet hertil", "kommunens hjemmeside")
"""Visible text of the same template that must stay."""

_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
_TRACKED = (
    f'<w:p><w:ins w:id="901" w:author="{SECRET_AUTHOR}" w:date="2024-01-01T00:00:00Z">'
    "<w:r><w:t>indsat tekst</w:t></w:r></w:ins>"
    f'<w:del w:id="902" w:author="{SECRET_EMAIL}"><w:r><w:delText>slettet hemmelighed'
    "</w:delText></w:r></w:del>"
    f'<w:moveFrom w:id="903" w:author="{SECRET_AUTHOR}"><w:r><w:t>flyttet væk</w:t></w:r>'
    f'</w:moveFrom><w:moveTo w:id="904" w:author="{SECRET_AUTHOR}"><w:r><w:t> flyttet hertil'
    "</w:t></w:r></w:moveTo>"
    f'<w:r><w:rPr><w:b/><w:rPrChange w:id="905" w:author="{SECRET_AUTHOR}"><w:rPr/>'
    "</w:rPrChange></w:rPr><w:t> og fed</w:t></w:r>"
    "<w:r><w:rPr><w:vanish/></w:rPr><w:t>skjult tekst</w:t></w:r>"
    '<w:r><w:rPr><w:rStyle w:val="Skjult"/></w:rPr><w:t>skjult stil</w:t></w:r>'
    '<w:commentRangeStart w:id="0"/><w:r><w:t> med kommentar</w:t></w:r>'
    '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
    '<w:hyperlink r:id="rIdLink"><w:r><w:t> kommunens hjemmeside</w:t></w:r></w:hyperlink>'
    "</w:p>"
)
_LINKED_IMAGE = (
    '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
    'drawingml/2006/wordprocessingDrawing"><wp:extent cx="952500" cy="952500"/>'
    '<wp:docPr id="77" name="Sporingsbillede"/><a:graphic xmlns:a="http://schemas.'
    'openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.'
    'openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.'
    'openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="77" '
    'name="spor.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:link="rIdImg"/>'
    '<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
    '<a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr></pic:pic>'
    "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
)
_REL = '<Relationship Id="{id}" Type="{type}" Target="{target}"{mode}/>'
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _rel(rid: str, kind: str, target: str, external: bool = False) -> str:
    mode = ' TargetMode="External"' if external else ""
    rtype = kind if kind.startswith("http") else _RT + kind
    return _REL.format(id=rid, type=rtype, target=target, mode=mode)


def _override(part: str, content_type: str) -> str:
    return f'<Override PartName="/{part}" ContentType="{content_type}"/>'


def build_hostile_template(path: Path, *, body: str = "", remote: str = REMOTE) -> Path:
    """A template carrying everything issue 11 lists: tracked changes with their
    author and e-mail and deleted text, hidden text, a comment, document
    variables, a mail merge from a ``C:\\Users`` path, a glossary, footnote text,
    custom XML, a macro part, a linked remote image, an external hyperlink and
    the ``attachedTemplate`` Word writes. ``.dotx``/``.dotm`` by suffix. The
    header holds it all (headers are always kept); ``body`` is the body's text."""
    build_template(path.with_suffix(".docx"), body_text=body or "Brødtekst")
    data = path.with_suffix(".docx").read_bytes()
    path.with_suffix(".docx").unlink()
    src = zipfile.ZipFile(io.BytesIO(data))
    files = {info.filename: src.read(info) for info in src.infolist()}
    header = next(
        n for n in files if n.startswith("word/header") and "Sags nr" in files[n].decode()
    )
    rels_name = header.replace("word/", "word/_rels/") + ".rels"
    text = files[header].decode()
    cut = text.rindex("</w:hdr>")
    files[header] = (text[:cut] + _TRACKED + _LINKED_IMAGE + text[cut:]).encode()
    files[rels_name] = (
        files[rels_name]
        .decode()
        .replace(
            "</Relationships>",
            _rel("rIdLink", "hyperlink", "https://tracker.example/x", True)
            + _rel("rIdImg", "image", remote, True)
            + "</Relationships>",
        )
        .encode()
    )
    body_xml = files["word/document.xml"].decode()
    sect = body_xml.rindex("<w:sectPr")  # a footnote reference in the body
    body_xml = (
        body_xml[:sect]
        + '<w:p><w:r><w:t>tekst</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
        + body_xml[sect:]
    )
    files["word/document.xml"] = body_xml.encode()
    files["word/comments.xml"] = (
        f'<w:comments {_NS}><w:comment w:id="0" w:author="{SECRET_AUTHOR}" w:initials="HH">'
        "<w:p><w:r><w:t>kommentar om eleven</w:t></w:r></w:p></w:comment></w:comments>"
    ).encode()
    files["word/footnotes.xml"] = (
        f'<w:footnotes {_NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
        '<w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" '
        'w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:t>fodnote hemmelig</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    ).encode()
    files["word/glossary/document.xml"] = (
        f"<w:glossaryDocument {_NS}><w:docParts><w:docPart><w:docPartBody><w:p><w:r>"
        "<w:t>byggeblok hemmelig</w:t></w:r></w:p></w:docPartBody></w:docPart></w:docParts>"
        "</w:glossaryDocument>"
    ).encode()
    files["customXml/item1.xml"] = b"<kunde><id>kunde-id 4711</id></kunde>"
    files["word/vbaProject.bin"] = b'VBA-MAKRO Sub AutoOpen() Shell "calc" End Sub'
    files["word/people.xml"] = (
        f'<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
        f'<w15:person w15:author="{SECRET_AUTHOR}"><w15:presenceInfo w15:providerId="AD" '
        f'w15:userId="{SECRET_EMAIL}"/></w15:person></w15:people>'
    ).encode()
    rels = files["word/_rels/document.xml.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        _rel("rIdCmt", "comments", "comments.xml")
        + _rel("rIdFn", "footnotes", "footnotes.xml")
        + _rel("rIdGl", "glossaryDocument", "glossary/document.xml")
        + _rel("rIdCx", "customXml", "../customXml/item1.xml")
        + _rel(
            "rIdVba",
            "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
            "vbaProject.bin",
        )
        + _rel(
            "rIdPpl", "http://schemas.microsoft.com/office/2011/relationships/people", "people.xml"
        )
        + "</Relationships>",
    )
    files["word/_rels/document.xml.rels"] = rels.encode()
    settings = files["word/settings.xml"].decode()
    start = settings.index(">", settings.index("<w:settings")) + 1
    settings = (
        settings[:start]
        + '<w:attachedTemplate r:id="rIdTpl"/>'
        + '<w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:dataType w:val="native"/>'
        + f'<w:connectString w:val="Provider=Microsoft.ACE.OLEDB.12.0;Data Source={SECRET_PATH}"/>'
        + f'<w:query w:val="SELECT * FROM `{SECRET_PATH}`"/><w:dataSource r:id="rIdMM"/>'
        + "</w:mailMerge>"
        + '<w:trackRevisions/><w:docVars><w:docVar w:name="Sagsbehandler" '
        + f'w:val="dokumentvariabel {SECRET_EMAIL}"/></w:docVars>'
        + settings[start:]
    )
    if 'xmlns:r="' not in settings[: settings.index(">", settings.index("<w:settings"))]:
        settings = settings.replace("<w:settings ", f"<w:settings {_NS.split(' ')[1]} ", 1)
    files["word/settings.xml"] = settings.encode()
    files["word/_rels/settings.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
        '"http://schemas.openxmlformats.org/package/2006/relationships">'
        + _rel(
            "rIdTpl",
            "attachedTemplate",
            "file:///C:\\Users\\hanne\\Skabeloner\\Kommune.dotm",
            True,
        )
        + _rel("rIdMM", "mailMergeSource", "file:///" + SECRET_PATH, True)
        + "</Relationships>"
    ).encode()
    main = "wordprocessingml.document.main+xml"
    types = (
        files["[Content_Types].xml"]
        .decode()
        .replace(
            "</Types>",
            '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
            + _override(
                "word/comments.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
            )
            + _override(
                "word/footnotes.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
            )
            + _override(
                "word/glossary/document.xml",
                "application/vnd.openxmlformats-"
                "officedocument.wordprocessingml.document.glossary+xml",
            )
            + _override(
                "word/people.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml",
            )
            + "</Types>",
        )
    )
    if path.suffix == ".dotx":
        types = types.replace(main, "wordprocessingml.template.main+xml")
    elif path.suffix == ".dotm":
        types = types.replace(
            "application/vnd.openxmlformats-officedocument." + main,
            "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
        )
    files["[Content_Types].xml"] = types.encode()
    styles = files["word/styles.xml"].decode()  # a hidden style, a tracked style change
    files["word/styles.xml"] = styles.replace(
        "</w:styles>",
        '<w:style w:type="character" w:styleId="Skjult"><w:name w:val="Skjult"/>'
        f'<w:rPr><w:vanish/><w:rPrChange w:id="906" w:author="{SECRET_AUTHOR}"><w:rPr/>'
        "</w:rPrChange></w:rPr></w:style></w:styles>",
    ).encode()
    core = files["docProps/core.xml"].decode()
    files["docProps/core.xml"] = core.replace(TEMPLATE_AUTHOR, SECRET_AUTHOR).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            z.writestr(name, content)
    path.write_bytes(out.getvalue())
    return path


def rewrite_part(path: Path, name: str, change) -> Path:
    """Apply ``change(text) -> text`` to one part of a .docx in place."""
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == name:
                content = change(content.decode()).encode()
            z.writestr(info.filename, content)
    path.write_bytes(out.getvalue())
    return path


def zip_bomb(path: Path, megabytes: int = 60) -> Path:
    """A ``.docx``-named zip whose document part unpacks to ``megabytes`` of one byte."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", b"<Types/>")
        z.writestr("word/document.xml", b"\0" * (megabytes * 2**20))
    return path
