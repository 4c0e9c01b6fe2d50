"""Scrubbing one Word XML part of a template (see :mod:`.template`): tracked
changes accepted and their authors gone, hidden text, comment marks, permissions
and references to removed relationships dropped; and reading its paragraphs."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.etree import _Element

_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_R = "{" + _R_NS + "}"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Tracked changes: kept content (unwrapped), dropped with content, dropped markers.
_UNWRAP = frozenset(_W + t for t in ("ins", "moveTo", "customXml", "smartTag"))
_DROP = frozenset(
    _W + t
    for t in [
        "del",
        "moveFrom",
        "delText",
        "delInstrText",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "trPrChange",
        "tcPrChange",
        "tblGridChange",
        "tblPrExChange",
        "numberingChange",
        "cellIns",
        "cellDel",
        "cellMerge",
        "customXmlInsRangeStart",
        "customXmlInsRangeEnd",
        "customXmlDelRangeStart",
        "customXmlDelRangeEnd",
        "customXmlMoveFromRangeStart",
        "customXmlMoveFromRangeEnd",
        "customXmlMoveToRangeStart",
        "customXmlMoveToRangeEnd",
        "commentRangeStart",
        "commentRangeEnd",
        "permStart",
        "permEnd",
        "dataBinding",
        "smartTagPr",
        "customXmlPr",
        "control",
    ]
)
_FETCHING_FIELD = re.compile(r"^\s*(INCLUDEPICTURE|INCLUDETEXT|LINK|DDE|DDEAUTO|IMPORT)\b", re.I)
_OFF = ("0", "false", "off")
_MARKS = frozenset(_W + t for t in ("commentReference", "vanish", "fldSimple", "instrText"))
_STYLE_REFS = frozenset((_W + "rStyle", _W + "pStyle"))
_NAMES = sorted({tag[len(_W) :] for tag in _DROP | _UNWRAP} | {"commentReference", "vanish"})
_W_PREFIX = re.compile(
    rb"xmlns(?::([\w.-]+))?\s*=\s*[\"']http://schemas\.openxmlformats\.org/"
    rb"wordprocessingml/2006/main[\"']"
)


def needs_scrubbing(raw: bytes) -> bool:
    """Whether a part holds anything :func:`scrub_part` removes (revision marks,
    hidden text, comment marks, field instructions), under whatever prefix the
    part gives the Word namespace: a fast look at the bytes, so most parts are
    never parsed."""
    if b"instr" in raw:
        return True
    prefixes = {m.group(1) or b"" for m in _W_PREFIX.finditer(raw)}
    return any(_marks(prefix).search(raw) for prefix in prefixes)


@functools.cache
def _marks(prefix: bytes) -> re.Pattern[bytes]:
    names = "|".join(_NAMES).encode()
    return re.compile(b"<" + (prefix + b":" if prefix else b"") + b"(?:" + names + rb")[\s/>]")


def parse(data: bytes) -> _Element:
    from lxml import etree

    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:  # Word never writes one
        raise ValueError("a DTD in a Word part")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(data, parser)


def serialize(root: _Element) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def hidden_styles(styles: _Element) -> set[str]:
    """Ids of the styles that hide their text (directly or through ``basedOn``)."""
    based: dict[str, str] = {}
    hidden: set[str] = set()
    for style in styles.iter(_W + "style"):
        sid = style.get(_W + "styleId", "")
        parent = style.find(_W + "basedOn")
        if parent is not None:
            based[sid] = parent.get(_W + "val", "")
        vanish = style.find(f"{_W}rPr/{_W}vanish")
        if vanish is not None and vanish.get(_W + "val", "1").lower() not in _OFF:
            hidden.add(sid)
    changed = True
    while changed:
        more = {sid for sid, parent in based.items() if parent in hidden} - hidden
        hidden |= more
        changed = bool(more)
    return hidden


def scrub_part(root: _Element, removed_ids: set[str], hidden: set[str]) -> bool:
    """Accept tracked changes, drop hidden text, comment marks, permissions and
    references to removed relationships. True when anything changed. Only the
    elements concerned are visited (lxml filters by tag), not the whole tree."""
    tags = _DROP | _UNWRAP | _MARKS | (_STYLE_REFS if hidden else frozenset())
    changed = False
    for element in list(root.iter(*tags)):
        tag = element.tag
        if tag in _DROP:
            changed = _drop_change(element) or changed
        elif tag in _UNWRAP:
            _unwrap(element)
            changed = True
        elif tag == _W + "commentReference":
            run = element.getparent()
            _remove(run if run is not None and run.tag == _W + "r" else element)
            changed = True
        elif tag == _W + "vanish" or tag == _W + "rStyle":
            changed = _drop_hidden_run(element, hidden) or changed
        elif tag == _W + "pStyle" and element.get(_W + "val") in hidden:
            paragraph = element.getparent().getparent()
            for child in list(paragraph if paragraph.tag == _W + "p" else ()):
                if child.tag != _W + "pPr":
                    paragraph.remove(child)
                    changed = True
        elif tag == _W + "fldSimple" and _FETCHING_FIELD.match(element.get(_W + "instr", "")):
            _unwrap(element)
            changed = True
        elif tag == _W + "instrText" and _FETCHING_FIELD.match(element.text or ""):
            element.text = ""
            changed = True
    if removed_ids:
        referring = root.xpath(f"//*[@*[namespace-uri()='{_R_NS}']]")
        changed = any([_drop_references(e, removed_ids) for e in referring]) or changed
    return changed


def _drop_hidden_run(mark: _Element, hidden: set[str]) -> bool:
    """The run whose properties hold ``mark`` (``w:vanish``, or a hidden ``w:rStyle``)."""
    if mark.tag == _W + "vanish":
        if mark.get(_W + "val", "1").lower() in _OFF:
            return False
    elif mark.get(_W + "val") not in hidden:
        return False
    props = mark.getparent()
    run = props.getparent() if props is not None else None
    if props is None or props.tag != _W + "rPr" or run is None or run.tag != _W + "r":
        return False  # a style's or a paragraph mark's own properties
    _remove(run)
    return True


def _drop_change(element: _Element) -> bool:
    parent = element.getparent()
    if parent is None:
        return False
    if element.tag == _W + "del" and parent.tag == _W + "trPr":  # a deleted table row
        row = parent.getparent()
        if row is not None and row.getparent() is not None:
            row.getparent().remove(row)
            return True
    parent.remove(element)
    return True


def _drop_references(element: _Element, removed_ids: set[str]) -> bool:
    """Hyperlinks keep their text and lose the target; a linked picture, an
    attached template, a subdocument or an external chunk goes."""
    attrs = [a for a, v in element.attrib.items() if a.startswith(_R) and v in removed_ids]
    if not attrs:
        return False
    if element.tag in (_W + "hyperlink",) or element.tag.endswith("}blip"):
        for attr in attrs:
            del element.attrib[attr]
        if not element.tag.endswith("}blip") or element.get(f"{{{_R_NS}}}embed"):
            return True
    target = element
    for ancestor in element.iterancestors():
        if ancestor.tag in (_W + "drawing", _W + "pict", _W + "object"):
            target = ancestor
            break
    _remove(target)
    return True


def _unwrap(element: _Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    _remove(element)


def _remove(element: _Element) -> None:
    """Remove ``element`` but keep the text that follows it (lxml's tail)."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def paragraph_texts(root: _Element) -> list[str]:
    """Each paragraph's own text (a text box's paragraphs come as their own lines)."""
    # Keyed by element: lxml keeps one proxy per element while it is referenced.
    texts: dict[_Element, list[str]] = {p: [] for p in root.iter(_W + "p")}
    for t in root.iter(_W + "t", _W + "tab", _W + "br"):
        owner = next(t.iterancestors(_W + "p"), None)
        if owner is not None:
            texts[owner].append(t.text or "" if t.tag == _W + "t" else " ")
    return ["".join(parts) for parts in texts.values()]
