"""Reading a key-figures file: CSV (comma, semicolon or tab; UTF-8 with or without
BOM, cp1252 or UTF-16 with BOM, as Excel writes them) or XLSX, in the long form
``skole;indikator;skoleår;værdi`` or the wide form with school years as columns.

Everything in the file is hostile: only regular files, size, row, column and
zip limits, and the first bad cell is one Danish line naming row and column
(``FiguresError``). Nothing is written here; the caller loads the result in one
transaction, so a bad file changes nothing.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from . import strings as S
from .errors import DialogError, describe_validation_error
from .figures_model import KeyFigure, key, school_year
from .files import read_regular_file
from .gate import invalid, validated
from .parsing import parse_date

MAX_BYTES = 20 * 1024 * 1024
"""The largest file read (a municipality's whole sheet is a few hundred kB)."""
MAX_ROWS = 100_000
MAX_COLUMNS = 200
MAX_CELL = 1_000
MAX_UNZIPPED = 50 * 1024 * 1024
"""XLSX: the most its parts may hold unpacked (a zip bomb is refused before reading)."""
MAX_ZIP_MEMBERS = 2_000

REQUIRED = ("skole", "indikator")
COLUMNS = {
    "skole": "school",
    "indikator": "indicator",
    "skoleår": "school_year",
    "værdi": "value",
    "enhed": "unit",
    "kilde": "source",
    "sammenligning": "comparison",
    "fortrolig": "confidential",
    "hentet": "retrieved",
}
ALIASES = {"skoleaar": "skoleår", "år": "skoleår", "aar": "skoleår", "vaerdi": "værdi"}
YES = {"ja", "j", "x", "1", "sand", "true", "yes", "fortrolig"}
NO = {"", "nej", "n", "0", "falsk", "false", "no"}


class FiguresError(DialogError):
    """A key-figures file that cannot be read; nothing has been loaded."""


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: the column as the spreadsheet names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_figures(path: Path) -> list[KeyFigure]:
    """Every figure in the file, validated; ``FiguresError`` at the first bad cell."""
    data = _read_bytes(Path(path))
    if data.startswith(b"PK\x03\x04"):
        rows = _xlsx_rows(data)
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FiguresError(S.FIGURES_OLD_EXCEL.format(path=path))
    else:
        rows = _csv_rows(_decode(data, path))
    return _figures(rows, path)


# --- Files -------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    data = read_regular_file(path, MAX_BYTES, FiguresError)  # never a FIFO or a device
    if not data.strip():
        raise FiguresError(S.FIGURES_EMPTY.format(path=path))
    return data


def _decode(data: bytes, path: Path) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode-tekst" (tabs)
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise FiguresError(S.FIGURES_NOT_TEXT.format(path=path)) from None
    if b"\x00" in data:
        raise FiguresError(S.FIGURES_NOT_TEXT.format(path=path))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")  # Excel's "CSV (semikolonsepareret)" on Danish Windows
    except UnicodeDecodeError:
        raise FiguresError(S.FIGURES_NOT_TEXT.format(path=path)) from None


def _csv_rows(text: str) -> Iterable[list[object]]:
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(";,\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        yield from reader
    except csv.Error:  # a stray quote, or a field over csv's own limit (128 kB)
        raise FiguresError(S.FIGURES_BAD_CSV.format(row=reader.line_num)) from None


def _xlsx_rows(data: bytes) -> Iterable[list[object]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            members = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise FiguresError(S.FIGURES_BAD_XLSX.format(reason=e)) from None
    if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > MAX_UNZIPPED:
        raise FiguresError(S.FIGURES_BAD_XLSX.format(reason=S.FIGURES_ZIP_TOO_BIG))
    import openpyxl  # only for XLSX files

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds on a damaged file
        raise FiguresError(S.FIGURES_BAD_XLSX.format(reason=e)) from None
    try:
        sheet = book.worksheets[0]
        yield from (list(r) for r in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True))
    except Exception as e:
        raise FiguresError(S.FIGURES_BAD_XLSX.format(reason=e)) from None
    finally:
        book.close()


# --- Rows --------------------------------------------------------------------


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _header(cells: list[str]) -> tuple[dict[int, str], dict[int, str]]:
    """(column → field) and (column → school year) from the header row."""
    fields: dict[int, str] = {}
    years: dict[int, str] = {}
    for i, raw in enumerate(cells):
        name = key(raw)
        name = ALIASES.get(name, name)
        if not name:
            continue
        if name in COLUMNS:
            if COLUMNS[name] in fields.values():
                raise _error(1, i, raw, S.FIGURES_DUPLICATE_COLUMN.format(name=raw))
            fields[i] = COLUMNS[name]
            continue
        try:
            years[i] = school_year(name)
        except ValueError:
            known = ", ".join(COLUMNS)
            raise _error(
                1, i, raw, S.FIGURES_UNKNOWN_COLUMN.format(name=raw, known=known)
            ) from None
    missing = [n for n in REQUIRED if COLUMNS[n] not in fields.values()]
    long_form = {"school_year", "value"} <= set(fields.values())
    if not missing and not long_form and not years:
        missing = ["skoleår", "værdi"]
    if missing or (long_form and years):
        raise FiguresError(S.FIGURES_BAD_HEADER.format(missing=", ".join(missing) or "skoleår"))
    return fields, years


def _error(row: int, column: int, name: str, reason: str) -> FiguresError:
    return FiguresError(
        S.FIGURES_BAD_CELL.format(row=row, column=column_letter(column), name=name, reason=reason)
    )


def _figures(rows: Iterable[list[object]], path: Path) -> list[KeyFigure]:
    header: list[str] | None = None
    figures: list[KeyFigure] = []
    seen: dict[tuple[str, str, str, str], int] = {}
    for number, raw in enumerate(rows, start=1):
        if number > MAX_ROWS:
            raise FiguresError(S.FIGURES_TOO_MANY_ROWS.format(rows=MAX_ROWS))
        cells = [_cell(v) for v in raw[:MAX_COLUMNS]]
        if len(raw) > MAX_COLUMNS:
            raise FiguresError(S.FIGURES_TOO_MANY_COLUMNS.format(columns=MAX_COLUMNS))
        if not any(cells):
            continue
        for i, c in enumerate(cells):
            if len(c) > MAX_CELL:
                raise _error(number, i, "", S.FIGURES_CELL_TOO_LONG.format(chars=MAX_CELL))
        if header is None:
            header = cells
            fields, years = _header(cells)
            continue
        for f in _row(cells, number, header, fields, years):
            k = (key(f.school), key(f.indicator), f.school_year, key(f.comparison))
            if k in seen:
                raise FiguresError(S.FIGURES_DUPLICATE_ROW.format(row=number, first=seen[k]))
            seen[k] = number
            figures.append(f)
    if header is None or not figures:
        raise FiguresError(S.FIGURES_EMPTY.format(path=path))
    return figures


def _row(
    cells: list[str],
    number: int,
    header: list[str],
    fields: dict[int, str],
    years: dict[int, str],
) -> list[KeyFigure]:
    def value(i: int) -> str:
        return cells[i] if i < len(cells) else ""

    common: dict[str, object] = {}
    where: dict[str, int] = {}
    for i, field in fields.items():
        where[field] = i
        text = value(i)
        if field == "confidential":
            if key(text) not in YES | NO:
                raise _error(number, i, header[i], S.FIGURES_BAD_FLAG.format(value=text))
            common[field] = key(text) in YES
        elif field == "retrieved":
            try:
                common[field] = parse_date(text) if text else None
            except ValueError:
                raise _error(number, i, header[i], S.FIGURES_BAD_DATE.format(value=text)) from None
        else:
            common[field] = text
    extra = [i for i in range(len(cells)) if cells[i] and i not in fields and i not in years]
    if extra:
        i = extra[0]
        raise _error(number, i, "", S.FIGURES_CELL_WITHOUT_HEADER)
    columns = list(years.items()) or [(where["value"], common["school_year"])]
    figures = []
    for i, year in columns:
        data = {**common, "school_year": year, "value": value(i)}
        try:
            figures.append(validated(KeyFigure, data))
        except invalid() as e:
            field, reason = describe_validation_error(e)
            column = i if field == "value" and i is not None else where.get(field, 0)
            raise _error(number, column, header[column], reason) from None
    return figures
