"""Reading the registers people really keep: CSV or XLSX, title rows, bilingual headers, encodings.

CONTRACTS.md §2: the header is the first row naming the required columns, matched case- and
accent-insensitively, either half of `Numéro / الرقم` counts; unknown columns are ignored; CSV in
UTF-8 (BOM or not), Windows-1256 or Windows-1252, `,` or `;` separated; XLSX read without formulas,
without trusting the declared dimension, with entity expansion blocked (defusedxml).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desktop_app.exchange.file_guard import bound_row, check_xlsx, regular_file
from desktop_app.i18n import translate
from desktop_app.services.choices import ChoiceMatcher as ChoiceMatcher  # re-exported
from desktop_app.services.choices import normalise_key
from desktop_app.services.errors import UserError

HEADER_SEARCH_ROWS = 30
Cell = str | int | float | datetime | None
_ARABIC = re.compile(r"[\u0600-\u06ff]")


@dataclass(frozen=True)
class FieldSpec:
    """One logical column: its key, every header people use for it, and whether it is required."""

    key: str
    headers: tuple[str, ...]
    required: bool = False

    def matches(self, header: object) -> bool:
        if header is None:
            return False
        names = {normalise_key(h) for h in self.headers}
        whole = normalise_key(header)
        if whole in names:
            return True
        return any(normalise_key(part) in names for part in re.split(r"[/|\n]", str(header)))


@dataclass(frozen=True)
class TabularRow:
    number: int  # 1 = the first data row after the header
    values: dict[str, Cell]

    def text(self, key: str) -> str:
        """The cell as trimmed text ('' when empty); integers stored as floats lose their '.0'."""
        value = self.values.get(key)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).strip()


@dataclass
class Table:
    source: str
    header_line: int  # 1-based line or sheet row of the header
    columns: dict[str, str]  # key → the header as written in the file
    rows: list[TabularRow] = field(default_factory=list)


def _error(text: str) -> UserError:
    return UserError(text)


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8", errors="strict")
        except UnicodeDecodeError as exc:  # a UTF-8 mark, then bytes that are not UTF-8
            raise _error(
                translate(
                    "tabular",
                    "{file} says it is UTF-8 but holds bytes that are not (at byte {at}); "
                    "save it again as UTF-8 CSV.",
                ).format(file=name, at=exc.start + 3)
            ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Windows-1256 keeps the French accented letters where Windows-1252 has them, so it is the
    # right reading whenever Arabic letters appear; otherwise the file is Western European.
    arabic = data.decode("cp1256", errors="replace")
    if _ARABIC.search(arabic):
        return arabic
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise _error(
            translate(
                "tabular", "{file} is in an encoding Istiqbal cannot read; save it as UTF-8 CSV."
            ).format(file=name)
        ) from exc


def _csv_rows(path: Path) -> Iterator[list[Cell]]:
    text = _decode(path.read_bytes(), path.name)
    sample = "\n".join(text.splitlines()[:HEADER_SEARCH_ROWS])
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=1):
            yield bound_row(path, number, [cell if cell.strip() else None for cell in row])
    except csv.Error as exc:
        raise _error(
            translate(
                "tabular", "{file} is not a readable CSV file (line {line}): {reason}"
            ).format(file=path.name, line=reader.line_num, reason=exc)
        ) from exc


def _xlsx_rows(path: Path) -> Iterator[list[Cell]]:
    from openpyxl import load_workbook  # lazily: start-up time
    from openpyxl.utils.exceptions import InvalidFileException

    check_xlsx(path)  # sizes, ratio and members, before openpyxl inflates anything
    unreadable = _error(
        translate("tabular", "{file} is not a readable Excel workbook (.xlsx).").format(
            file=path.name
        )
    )
    # The file is opened here, not by openpyxl, so that it is closed even when openpyxl fails
    # half-way through a damaged workbook (it leaves its own handle open then).
    with open(path, "rb") as handle:
        try:
            wb = load_workbook(handle, read_only=True, data_only=True)
        except PermissionError:
            raise
        except (*_BROKEN_XLSX, InvalidFileException):
            raise unreadable from None
        try:
            if not wb.worksheets:
                raise unreadable
            ws = wb.worksheets[0]
            ws.reset_dimensions()  # the declared dimension may lie
            for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
                cells = [(v if not isinstance(v, str) or v.strip() else None) for v in row]
                yield bound_row(path, number, cells)
        except PermissionError:
            raise
        except _BROKEN_XLSX:
            # A damaged member shows only while it is read: bad zlib data, XML cut or invalid.
            raise unreadable from None
        finally:
            wb.close()


# What openpyxl and zipfile raise on a damaged workbook (SyntaxError covers the XML parsers'
# ParseError and XMLSyntaxError; defusedxml's refusals are ValueErrors).
_BROKEN_XLSX = (
    zipfile.BadZipFile, zlib.error, EOFError, SyntaxError, KeyError, IndexError, OSError,
    ValueError, TypeError, AttributeError, OverflowError,
)  # fmt: skip


def iter_cells(path: Path) -> Iterator[list[Cell]]:
    regular_file(path)  # a FIFO, a device or a folder is refused before anything opens it
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv" or suffix == ".txt":
            yield from _csv_rows(path)
        elif suffix in (".xlsx", ".xlsm"):
            yield from _xlsx_rows(path)
        else:
            raise _error(
                translate("tabular", "{file}: only .csv and .xlsx files can be imported.").format(
                    file=path.name
                )
            )
    except PermissionError as exc:
        raise _error(
            translate("tabular", "{file} cannot be read: is it open in another program?").format(
                file=path.name
            )
        ) from exc


def read_table(path: Path, fields: Sequence[FieldSpec]) -> Table:
    """Find the header, map columns to fields, and return every non-empty data row."""
    rows = iter_cells(path)
    required = [f for f in fields if f.required]
    for line, cells in enumerate(rows, start=1):
        if line > HEADER_SEARCH_ROWS:
            break
        columns: dict[str, int] = {}
        written: dict[str, str] = {}
        for index, cell in enumerate(cells):
            for f in fields:
                if f.key not in columns and f.matches(cell):
                    columns[f.key] = index
                    written[f.key] = str(cell)
                    break
        if required and all(f.key in columns for f in required):
            table = Table(path.name, line, written)
            for number, data in enumerate(rows, start=1):
                if all(c is None for c in data):
                    continue
                values = {k: (data[i] if i < len(data) else None) for k, i in columns.items()}
                table.rows.append(TabularRow(number, values))
            return table
    names = ", ".join(f.headers[0] for f in required)
    raise _error(
        translate("tabular", "{file}: no header row naming the columns {names} was found.").format(
            file=path.name, names=names
        )
    )
