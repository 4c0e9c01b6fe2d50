"""PDF through LibreOffice, for those who file or mail a PDF beside the Word file.

The PDF is owner-only whatever the umask (made in a private temporary folder,
set to 0600, then renamed into place). LibreOffice runs headless with a fresh,
throwaway profile, in its own process group that is killed at the time limit,
and has nothing to fetch: the Word file it converts came from a cleaned template
without external relationships (see :mod:`.template`).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from .. import strings as S
from ..errors import ExportError

TIMEOUT_SECONDS = 180


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


# LibreOffice's PDF export filter asked for PDF/A-2b, the archive format case
# systems keep (the JSON filter options need LibreOffice 7.4 or newer).
PDF_ARCHIVE = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'


def convert_to_pdf(docx: Path, pdf: Path, *, archive: bool = False) -> Path:
    """Convert with a throwaway LibreOffice profile (so a running LibreOffice does
    not swallow the job, and no user setting or extension takes part) and move
    the PDF into place in one rename; ``archive`` writes PDF/A-2b."""
    program = libreoffice()
    if program is None:
        raise ExportError(S.PDF_NO_LIBREOFFICE.format(path=docx))
    docx, pdf = Path(docx).resolve(), Path(pdf).resolve()
    with tempfile.TemporaryDirectory(dir=pdf.parent, prefix=".pdf-") as tmp:  # mode 0700
        profile = Path(tmp, "profile").as_uri()
        args = [program, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                "--convert-to", PDF_ARCHIVE if archive else "pdf", "--outdir", tmp,
                str(docx)]  # fmt: skip
        returncode, output = _run(args, docx)
        produced = Path(tmp, Path(docx).with_suffix(".pdf").name)
        if returncode != 0 or not produced.is_file():
            reason = output.strip().splitlines()
            raise ExportError(
                S.PDF_FAILED.format(path=docx, reason=reason[-1] if reason else returncode)
            )
        os.chmod(produced, 0o600)
        os.replace(produced, pdf)
    return pdf


def _run(args: list[str], docx: Path) -> tuple[int, str]:
    """Run LibreOffice in its own process group; at the time limit the whole
    group (its launcher starts a second process) is killed."""
    posix = hasattr(os, "killpg")
    try:
        process = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=posix,
        )
    except OSError as e:
        raise ExportError(S.PDF_FAILED.format(path=docx, reason=e)) from None
    try:
        output, _ = process.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        if posix:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
        process.communicate()
        reason = S.PDF_TIMEOUT.format(seconds=TIMEOUT_SECONDS)
        raise ExportError(S.PDF_FAILED.format(path=docx, reason=reason)) from None
    return process.returncode, output or ""
