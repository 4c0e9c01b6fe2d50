"""PDF through LibreOffice, for those who file or mail a PDF beside the Word file."""

from __future__ import annotations

import os
import shutil
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
    not swallow the job) and move the PDF into place in one rename; ``archive``
    writes PDF/A-2b."""
    program = libreoffice()
    if program is None:
        raise ExportError(S.PDF_NO_LIBREOFFICE.format(path=docx))
    docx, pdf = Path(docx).resolve(), Path(pdf).resolve()
    with tempfile.TemporaryDirectory(dir=pdf.parent, prefix=".pdf-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        try:
            result = subprocess.run(
                [program, f"-env:UserInstallation={profile}", "--headless",
                 "--convert-to", PDF_ARCHIVE if archive else "pdf", "--outdir", tmp, str(docx)],
                capture_output=True, text=True, timeout=TIMEOUT_SECONDS,
            )  # fmt: skip
        except (OSError, subprocess.TimeoutExpired) as e:
            raise ExportError(S.PDF_FAILED.format(path=docx, reason=e)) from None
        produced = Path(tmp, Path(docx).with_suffix(".pdf").name)
        if result.returncode != 0 or not produced.exists():
            reason = (result.stderr or result.stdout).strip().splitlines()
            raise ExportError(
                S.PDF_FAILED.format(path=docx, reason=reason[-1] if reason else result.returncode)
            )
        os.replace(produced, pdf)
    return pdf
