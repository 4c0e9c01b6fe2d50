"""Filing in one step: the memo named and described for the case system.

What works with every ESDH system (SBSYS, GetOrganized, WorkZone, Acadre, F2):
a file named ``<case number> Referat fra skoleudviklingssamtale <school>
<yyyy-mm-dd>.docx`` (several systems take the file name as the document title),
the case's data in the .docx's core and custom document properties, and a
sidecar ``<same name>.json`` a filing robot can read (fields in docs/export.md).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .. import strings as S
from ..errors import ExportError
from ..figures_model import Series
from ..model import Dialogue
from .document import printable
from .memo import build_memo, memo_date, memo_title
from .style import DEFAULT, MemoStyle

if TYPE_CHECKING:
    from docx.document import Document

SIDECAR_FORMAT = "dialog-tui-filing/1"
MAX_NAME = 180
"""Characters of a file name without its extension: Windows paths stop at 260."""

_ILLEGAL = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_RT_CUSTOM = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)


def safe_file_name(name: str) -> str:
    """A name every system takes: no ``<>:"/\\|?*`` or control characters (each
    becomes ``-``), no trailing dots or spaces (Windows drops them), not too long."""
    name = " ".join(_ILLEGAL.sub("-", name).split())
    return name[:MAX_NAME].rstrip(" .") or "-"


def filing_name(dialogue: Dialogue) -> str:
    """``17.01.00-G01-1-25 Referat fra skoleudviklingssamtale Herstedøster Skole
    2025-03-10`` (without extension)."""
    return safe_file_name(
        S.FILING_NAME.format(
            case_number=dialogue.case_number,
            school=dialogue.school,
            date=dialogue.held_on.isoformat(),
        )
    )


def filing_metadata(
    dialogue: Dialogue, style: MemoStyle = DEFAULT, today: date | None = None
) -> dict[str, str]:
    """The case data written into the document's custom properties and the sidecar."""
    return {
        "title": memo_title(dialogue),
        "document_type": S.FILING_CATEGORY,
        "case_number": dialogue.case_number,
        "kle_number": dialogue.kle_number,
        "facet": dialogue.facet,
        "case_handler": dialogue.case_handler,
        "document_date": memo_date(dialogue, today).isoformat(),
        "meeting_date": dialogue.held_on.isoformat(),
        "school": dialogue.school,
        "municipality": dialogue.municipality,
        "access_classification": style.access,
    }


@dataclass
class Filed:
    docx: Path
    sidecar: Path
    pdf: Path | None = None


def file_memo(
    dialogue: Dialogue,
    folder: Path,
    *,
    template: Path | None = None,
    style: MemoStyle = DEFAULT,
    summary: bool | None = None,
    pdf: bool = False,
    today: date | None = None,
    figures: list[Series] | None = None,
    figures_table: bool = False,
    allow_cpr: bool = False,
) -> Filed:
    """Write the filing package into ``folder``: the .docx (and PDF/A), then the
    sidecar last, so a robot watching the folder never sees a sidecar whose
    document is not there yet. Refused without a case number. ``figures``: the
    school's key figures, as for the memo (confidential ones never print); a CPR
    number stops it as it stops the memo, unless ``allow_cpr``."""
    if not dialogue.case_number:
        raise ExportError(S.FILING_NO_CASE_NUMBER.format(id=dialogue.id or "ID"))
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        missing = S.FILING_NO_FOLDER if not folder.exists() else S.FILING_NOT_A_FOLDER
        raise ExportError(missing.format(path=folder))
    name = filing_name(dialogue)
    metadata = filing_metadata(dialogue, style, today)
    document = build_memo(
        dialogue, template=template, summary=summary, today=today, style=style,
        figures=figures, figures_table=figures_table, allow_cpr=allow_cpr,
    )  # fmt: skip
    describe(document, metadata)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    filed = Filed(folder / f"{name}.docx", folder / f"{name}.json")
    _write(filed.docx, data)
    if pdf:
        from .pdf import convert_to_pdf

        filed.pdf = convert_to_pdf(filed.docx, folder / f"{name}.pdf", archive=True)
    sidecar = {
        "format": SIDECAR_FORMAT,
        **metadata,
        "file": filed.docx.name,
        "sha256": hashlib.sha256(data).hexdigest(),
        "pdf": filed.pdf.name if filed.pdf else None,
        "created": datetime.now(UTC).replace(microsecond=0).isoformat(),
    }
    text = json.dumps(sidecar, ensure_ascii=False, indent=2) + "\n"
    _write(filed.sidecar, text.encode("utf-8"))
    return filed


def _write(path: Path, data: bytes) -> None:
    """Atomic and owner-only (to route through files.py once it is on main)."""
    from ..exchange import write_atomically

    write_atomically(path, data)


def describe(document: Document, metadata: dict[str, str]) -> None:
    """Core properties a case system shows (title, subject, keywords, category,
    author) and every field of ``metadata`` as a custom property."""
    props = document.core_properties
    props.title = printable(metadata["title"])
    props.subject = printable(f"{metadata['kle_number']} {metadata['facet']}".strip())
    props.keywords = printable(
        " ".join(filter(None, (metadata["case_number"], metadata["kle_number"],
                               metadata["facet"], metadata["school"])))
    )  # fmt: skip
    props.category = S.FILING_CATEGORY
    props.author = props.last_modified_by = printable(metadata["case_handler"])
    _custom_properties(document, metadata)


def _custom_properties(document: Document, values: dict[str, str]) -> None:
    """``docProps/custom.xml`` (python-docx has no API for it): one ``lpwstr``
    property per value, replacing any part the template brought."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    root = etree.Element(f"{{{_CUSTOM_NS}}}Properties", nsmap={None: _CUSTOM_NS, "vt": _VT_NS})
    for pid, (name, value) in enumerate(values.items(), start=2):
        prop = etree.SubElement(root, f"{{{_CUSTOM_NS}}}property")
        prop.set("fmtid", _FMTID)
        prop.set("pid", str(pid))
        prop.set("name", name)
        etree.SubElement(prop, f"{{{_VT_NS}}}lpwstr").text = printable(value)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    package = document.part.package
    for rId, rel in list(package.rels.items()):
        if rel.reltype == _RT_CUSTOM:
            package.rels.pop(rId)
    part = Part(PackURI("/docProps/custom.xml"), _CT_CUSTOM, blob, package)
    package.relate_to(part, _RT_CUSTOM)


def read_custom_properties(data: bytes) -> dict[str, str]:
    """The custom properties of a .docx (for tests and for checking a filed file)."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("docProps/custom.xml"))
    return {p.get("name"): "".join(p.itertext()) for p in root.iter(f"{{{_CUSTOM_NS}}}property")}
