"""Is the database on a network drive? SQLite's WAL needs every process on one
host (shared memory), and file locks over NFS and SMB are not to be trusted, so
there the store uses a rollback journal and holds the file exclusively.

Linux: the mount's type from ``/proc/mounts``; macOS: ``statfs``'s
``f_fstypename``; Windows: ``GetDriveTypeW`` is ``DRIVE_REMOTE`` (or a UNC path).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from pathlib import Path

NETWORK_TYPES = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "9p", "afs", "ncpfs",
        "coda", "ceph", "glusterfs", "lustre", "gpfs", "davfs", "webdav", "sshfs",
        "fuse.sshfs", "fuse.glusterfs", "fuse.davfs2", "fuse.rclone", "fuse.s3fs",
        "afpfs", "fuse.gvfsd-fuse", "vboxsf", "prl_fs", "vmhgfs", "fuse.vmhgfs-fuse",
    }
)  # fmt: skip
DRIVE_REMOTE = 4


def is_network(path: Path) -> bool:
    """True when ``path`` (a file or the folder it would be in) is on a network drive."""
    path = _existing(Path(path).absolute())
    if sys.platform == "win32":
        return _windows_remote(path)
    kind = filesystem_type(path)
    return kind is not None and kind.lower() in NETWORK_TYPES


def filesystem_type(path: Path) -> str | None:
    """The file system type name of the mount holding ``path`` (None if unknown)."""
    if sys.platform == "darwin":
        return _macos_type(path)
    try:
        mounts = Path("/proc/mounts").read_text()
    except OSError:
        return None
    return mount_type(mounts, os.path.realpath(path))


def mount_type(mounts: str, path: str) -> str | None:
    """The type of the longest mount point in ``/proc/mounts`` text holding ``path``."""
    best, kind = "", None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind


def _existing(path: Path) -> Path:
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def _windows_remote(path: Path) -> bool:
    text = str(path)
    if text.startswith("\\\\"):  # \\server\share
        return True
    root = os.path.splitdrive(text)[0] + "\\"
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)) == DRIVE_REMOTE


class _MacStatfs(ctypes.Structure):
    _fields_ = [  # struct statfs with 64-bit inodes (<sys/mount.h>)
        ("f_bsize", ctypes.c_uint32),
        ("f_iosize", ctypes.c_int32),
        ("f_blocks", ctypes.c_uint64),
        ("f_bfree", ctypes.c_uint64),
        ("f_bavail", ctypes.c_uint64),
        ("f_files", ctypes.c_uint64),
        ("f_ffree", ctypes.c_uint64),
        ("f_fsid", ctypes.c_int32 * 2),
        ("f_owner", ctypes.c_uint32),
        ("f_type", ctypes.c_uint32),
        ("f_flags", ctypes.c_uint32),
        ("f_fssubtype", ctypes.c_uint32),
        ("f_fstypename", ctypes.c_char * 16),
        ("f_mntonname", ctypes.c_char * 1024),
        ("f_mntfromname", ctypes.c_char * 1024),
        ("f_flags_ext", ctypes.c_uint32),
        ("f_reserved", ctypes.c_uint32 * 7),
    ]


def _macos_type(path: Path) -> str | None:
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    statfs = getattr(libc, "statfs$INODE64", None) or libc.statfs
    buf = _MacStatfs()
    if statfs(os.fsencode(path), ctypes.byref(buf)) != 0:
        return None
    return buf.f_fstypename.decode(errors="replace")
