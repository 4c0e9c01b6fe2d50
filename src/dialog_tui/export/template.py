"""A municipality's Word template, read as hostile input and cleaned before use.

:func:`load_template` reads ``.docx``, ``.dotx``, ``.dotm`` (and ``.docm``) files:

- only a regular file, at most :data:`MAX_FILE_BYTES`; the zip directory is
  checked (entries, total unpacked size, compression ratio) before any part
  is unpacked, so a zip bomb is refused without being inflated;
- tracked changes are accepted (insertions and moves kept, deletions dropped,
  formatting changes and their authors gone); hidden text, comments, document
  variables, mail-merge settings, the glossary, custom XML, macros, ActiveX,
  printer settings, the thumbnail and every external relationship (linked
  images, hyperlink targets, the attached ``.dotm``) are removed, as are field
  codes that fetch a file (``INCLUDEPICTURE`` …); the core and app properties
  are emptied;
- the main part gets the document content type, so a template or macro
  template opens as a plain document (a ``.dotm``'s macros are dropped, never run).

The result is a :class:`CleanTemplate`: the cleaned ``.docx`` bytes and the
template's own text, paragraph by paragraph, per part (for the placeholder
check and the CPR check).
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import strings as S
from ..errors import ExportError, os_reason
from .scrub import (
    hidden_styles,
    needs_scrubbing,
    paragraph_texts,
    parse,
    scrub_part,
    serialize,
)

if TYPE_CHECKING:
    pass

MAX_FILE_BYTES = 20 * 2**20
"""A template with its logo is well under 1 MB; 20 MB leaves room for big images."""
MAX_ENTRIES = 2000
MAX_UNPACKED_BYTES = 120 * 2**20
MAX_RATIO = 100
"""A part unpacking to more than 100 times its packed size (and over 1 MB) is a bomb."""
_RATIO_FROM = 2**20

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MAIN_TYPES = (
    _MAIN,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CORE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
    b'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"/>'
)

_DROPPED_RELS = frozenset(
    [
        "comments",
        "commentsExtended",
        "commentsIds",
        "commentsExtensible",
        "people",
        "customXml",
        "customXmlProps",
        "glossaryDocument",
        "vbaProject",
        "wordVbaData",
        "keyMapCustomizations",
        "attachedToolbars",
        "control",
        "activeXControlBinary",
        "printerSettings",
        "thumbnail",
        "extended-properties",
        "custom-properties",
    ]
)
"""Relationship types (last path segment) whose parts never reach the memo."""
_DROPPED_PREFIXES = ("customXml/", "word/glossary/", "word/activeX/", "docProps/thumbnail")
_DROPPED_NAMES = frozenset(
    [
        "word/vbaProject.bin",
        "word/vbaData.xml",
        "word/comments.xml",
        "word/commentsExtended.xml",
        "word/commentsIds.xml",
        "word/commentsExtensible.xml",
        "word/people.xml",
        "docProps/app.xml",
        "docProps/custom.xml",
        "word/customizations.xml",
        "word/attachedToolbars.bin",
    ]
)
STORIES = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")
"""The parts whose text can be printed."""

_SETTINGS_DROPPED = frozenset(
    _W + t
    for t in [
        "docVars",
        "mailMerge",
        "attachedTemplate",
        "attachedSchema",
        "rsids",
        "trackRevisions",
        "documentProtection",
        "writeProtection",
        "saveThroughXslt",
    ]
)


@dataclass
class CleanTemplate:
    path: Path
    data: bytes
    """The cleaned template as ``.docx`` bytes."""
    text: dict[str, list[str]] = field(default_factory=dict)
    """The text of each story part (body, headers, footers, notes), one entry a paragraph."""

    def lines(self) -> list[str]:
        return [line for lines in self.text.values() for line in lines]


def load_template(path: Path) -> CleanTemplate:
    """The template at ``path`` read within limits and cleaned; any problem is
    one Danish line naming the template."""
    path = Path(path)
    data = _read_regular_file(path)
    if data.startswith(_OLE_MAGIC):
        # Office wraps a password-protected .docx in an OLE file with an
        # EncryptionInfo stream; other OLE files are the old binary .doc/.dot.
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise ExportError(S.TEMPLATE_ENCRYPTED.format(path=path))
        raise ExportError(S.TEMPLATE_OLD_WORD.format(path=path))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            _check_directory(z, path)
            cleaned, text = _Cleaner(z, path).run()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, EOFError):
        raise ExportError(S.TEMPLATE_NOT_WORD.format(path=path)) from None
    # Broken XML (lxml's errors are SyntaxErrors), a corrupt deflate stream, an
    # unknown compression method, an encrypted entry.
    except (SyntaxError, zlib.error, NotImplementedError, RuntimeError):
        raise ExportError(S.TEMPLATE_NOT_WORD.format(path=path)) from None
    return CleanTemplate(path, cleaned, text)


def _read_regular_file(path: Path) -> bytes:
    """Read ``path`` only if it is a regular file within :data:`MAX_FILE_BYTES`:
    a FIFO does not block (non-blocking open), a device is never read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ExportError(S.TEMPLATE_NOT_FOUND.format(path=path)) from None
    except OSError as e:
        reason = os_reason(e)
        raise ExportError(S.TEMPLATE_UNREADABLE.format(path=path, reason=reason)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            reason = S.TEMPLATE_NOT_REGULAR
            raise ExportError(S.TEMPLATE_UNREADABLE.format(path=path, reason=reason))
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_FILE_BYTES and (chunk := os.read(fd, 2**20)):
            chunks.append(chunk)
            size += len(chunk)
    except OSError as e:
        reason = os_reason(e)
        raise ExportError(S.TEMPLATE_UNREADABLE.format(path=path, reason=reason)) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > MAX_FILE_BYTES:
        raise ExportError(S.TEMPLATE_TOO_BIG.format(path=path, mb=MAX_FILE_BYTES // 2**20))
    return data


def _check_directory(z: zipfile.ZipFile, path: Path) -> None:
    """Refuse from the zip's directory alone, before anything is unpacked. (The
    sizes it states are also enforced while reading: zipfile stops at the
    stated size and a part that unpacks to more fails its CRC check.)"""
    infos = z.infolist()
    total = sum(info.file_size for info in infos)
    bomb = any(
        info.file_size > _RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        for info in infos
    )
    if len(infos) > MAX_ENTRIES or total > MAX_UNPACKED_BYTES or bomb:
        raise ExportError(S.TEMPLATE_ZIP_BOMB.format(path=path))


def _rels_source(name: str) -> str:
    """``word/_rels/document.xml.rels`` -> ``word/document.xml`` (``""``: the package)."""
    folder, base = posixpath.split(name)
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])


def _resolve(source: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


class _Cleaner:
    """One pass over the package: relationships first, then each XML part."""

    def __init__(self, z: zipfile.ZipFile, path: Path) -> None:
        self.z = z
        self.path = path
        self.names = [info.filename for info in z.infolist()]
        self.out: dict[str, bytes] = {}
        self.dropped: set[str] = {n for n in self.names if self._dropped_by_name(n)}
        self.removed_ids: dict[str, set[str]] = {}

    @staticmethod
    def _dropped_by_name(name: str) -> bool:
        return name in _DROPPED_NAMES or name.startswith(_DROPPED_PREFIXES)

    def run(self) -> tuple[bytes, dict[str, list[str]]]:
        self._content_types()
        for name in self.names:
            if name.endswith(".rels"):
                self._relationships(name)
        # A dropped part's own relationships go with it.
        self.dropped.update(
            n for n in self.names if n.endswith(".rels") and _rels_source(n) in self.dropped
        )
        hidden = self._hidden_styles()
        text: dict[str, list[str]] = {}
        for name in self.names:
            if name in self.dropped or name in self.out or not name.endswith(".xml"):
                continue
            if name == "docProps/core.xml":
                self.out[name] = _CORE
            elif name.startswith("word/"):
                text_lines = self._part(name, hidden)
                if text_lines is not None:
                    text[name] = text_lines
        return self._write(), text

    def _content_types(self) -> None:
        root = parse(self.z.read("[Content_Types].xml"))
        if not any(el.get("ContentType") in _MAIN_TYPES for el in root):
            raise ExportError(S.TEMPLATE_NOT_WORD.format(path=self.path))
        self.types = root

    def _relationships(self, name: str) -> None:
        source = _rels_source(name)
        if source in self.dropped:
            self.dropped.add(name)
            return
        root = parse(self.z.read(name))
        removed = self.removed_ids.setdefault(source, set())
        for rel in list(root):
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            external = rel.get("TargetMode") == "External"
            if external or kind in _DROPPED_RELS:
                removed.add(rel.get("Id", ""))
                root.remove(rel)
                if not external:
                    self.dropped.add(_resolve(source, rel.get("Target", "")))
        if removed:
            self.out[name] = serialize(root)

    def _hidden_styles(self) -> set[str]:
        if "word/styles.xml" not in self.names:
            return set()
        raw = self.z.read("word/styles.xml")
        return hidden_styles(parse(raw)) if b"vanish" in raw else set()

    def _part(self, name: str, hidden: set[str]) -> list[str] | None:
        raw = self.z.read(name)
        story = STORIES.fullmatch(name) is not None
        removed = self.removed_ids.get(name, set())
        always = story or removed or name == "word/settings.xml"
        # Revision marks and hidden runs belong in stories, styles and numbering
        # only; the theme, fonts and web settings are left as they are.
        may_hold = name in ("word/styles.xml", "word/numbering.xml")
        if not always and not (may_hold and (hidden or needs_scrubbing(raw))):
            return None
        root = parse(raw)
        changed = scrub_part(root, removed, hidden)
        if name == "word/settings.xml":
            for element in list(root):
                if element.tag in _SETTINGS_DROPPED:
                    root.remove(element)
                    changed = True
        if changed:
            self.out[name] = serialize(root)
        return paragraph_texts(root) if story else None

    def _write(self) -> bytes:
        for element in list(self.types):
            part = element.get("PartName", "").lstrip("/")
            if part in self.dropped or "vbaProject" in element.get("ContentType", ""):
                self.types.remove(element)
            elif element.get("ContentType") in _MAIN_TYPES:
                element.set("ContentType", _MAIN)
        self.out["[Content_Types].xml"] = serialize(self.types)
        buffer = io.BytesIO()
        # Stored, not deflated: it only lives in memory until python-docx reads it.
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as new:
            for info in self.z.infolist():
                name = info.filename
                if name in self.dropped or name.endswith("/"):
                    continue
                data = self.out.get(name)
                new.writestr(name, data if data is not None else self.z.read(info))
        return buffer.getvalue()


def drop_notes(document) -> None:
    """Empty the footnotes and endnotes (not their separators): called when the
    template's body, the only place that refers to them, is replaced."""
    for part in document.part.package.iter_parts():
        name = str(part.partname)
        if name not in ("/word/footnotes.xml", "/word/endnotes.xml"):
            continue
        root = parse(part.blob)
        for note in list(root):
            if note.get(_W + "type") in (None, "normal"):
                root.remove(note)
        if hasattr(part, "_element"):
            part._element = root
        else:
            part._blob = serialize(root)
