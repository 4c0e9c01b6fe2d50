"""Files in and out, treated as hostile: only regular files are read, with a size
limit; writes are atomic and owner-only, and never land on the live database or
on anything that is not a regular file (a FIFO, a device, a folder)."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from . import strings as S
from .errors import DialogError, FileError, os_reason

MAX_JSON_BYTES = 50_000_000
"""A dialogue file: a whole year's notes are well under a megabyte."""

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once instead of waiting
_BINARY = getattr(os, "O_BINARY", 0)


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is, in Danish."""
    for test, name in (
        (stat.S_ISDIR, "directory"),
        (stat.S_ISFIFO, "fifo"),
        (stat.S_ISCHR, "device"),
        (stat.S_ISBLK, "device"),
        (stat.S_ISSOCK, "socket"),
    ):
        if test(mode):
            return S.FILE_KINDS[name]
    return S.FILE_KINDS["other"]


def _megabytes(size: int) -> str:
    """A limit as people read it: ``50 MB``, ``1 MB``, ``100 kB`` (decimal units)."""
    return f"{size / 1e6:g} MB" if size >= 1_000_000 else f"{size / 1e3:g} kB"


def read_regular_file(path: Path | str, limit: int, error: type[DialogError] = FileError) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes
    (after following symlinks); else ``error`` with one Danish line naming it.
    Opened without blocking and checked on the open descriptor, so a FIFO cannot
    hang the read and a symlink to ``/dev/zero`` cannot fill the memory."""
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    except OSError as e:
        raise error(S.FILE_UNREADABLE.format(path=path, reason=os_reason(e))) from None
    try:
        info = os.fstat(fd)
        mode, size = info.st_mode, info.st_size
        if not stat.S_ISREG(mode):
            raise error(S.FILE_NOT_REGULAR.format(path=path, kind=kind_of(mode)))
        if size > limit:
            raise error(S.FILE_TOO_BIG.format(path=path, limit=_megabytes(limit)))
        chunks, total = [], 0
        while chunk := os.read(fd, min(1024 * 1024, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # grew while being read
                raise error(S.FILE_TOO_BIG.format(path=path, limit=_megabytes(limit)))
        return b"".join(chunks)
    except OSError as e:
        raise error(S.FILE_UNREADABLE.format(path=path, reason=os_reason(e))) from None
    finally:
        os.close(fd)


def require_regular_file(path: Path | str, error: type[DialogError] = FileError) -> None:
    """Refuse, before anything opens it, a path that is not a regular file."""
    try:
        mode = os.stat(path).st_mode
    except OSError as e:
        raise error(S.FILE_UNREADABLE.format(path=path, reason=os_reason(e))) from None
    if not stat.S_ISREG(mode):
        raise error(S.FILE_NOT_REGULAR.format(path=path, kind=kind_of(mode)))


def database_files(db: Path | str) -> list[Path]:
    """The live database and the files SQLite keeps beside it."""
    db = Path(db)
    return [db] + [db.with_name(db.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _same(a: Path, b: Path) -> bool:
    try:
        if a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_output(path: Path | str, *, protected: Sequence[Path] = (), force: bool = True) -> Path:
    """Refuse, before anything is written, an output that is one of ``protected``
    (the live database and its -wal/-shm), that exists but is not a regular file,
    or (without ``force``) that exists at all. Returns the path."""
    path = Path(path)
    if any(_same(path, p) for p in protected):
        raise FileError(S.OUTPUT_IS_DATABASE.format(path=path))
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return path
    except OSError as e:
        raise FileError(S.OUTPUT_UNWRITABLE.format(path=path, reason=os_reason(e))) from None
    if not stat.S_ISREG(mode):
        raise FileError(S.OUTPUT_NOT_REGULAR.format(path=path, kind=kind_of(mode)))
    if not force:
        raise FileError(S.OUTPUT_EXISTS.format(path=path))
    return path


def write_atomically(path: Path | str, data: bytes, mode: int = 0o600) -> None:
    """Write to a temporary file beside ``path`` and rename it into place, so a
    failure (or a kill) leaves either the old file or the new one, never half.
    Owner-only whatever the umask; never onto a FIFO, device or folder (a rename
    would silently put a regular file in its place)."""
    path = Path(path)
    check_output(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as e:
        raise FileError(S.OUTPUT_UNWRITABLE.format(path=path, reason=os_reason(e))) from None
    try:
        with os.fdopen(fd, "wb") as f:
            if hasattr(os, "fchmod"):
                os.fchmod(f.fileno(), mode)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)  # where fchmod is missing (Windows)
        os.replace(tmp, path)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise FileError(S.OUTPUT_UNWRITABLE.format(path=path, reason=os_reason(e))) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
