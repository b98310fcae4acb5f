"""Refusing hostile or pathological import files before any parser sees them (issue 16 point 4).

A FIFO given as the file blocks `open()` forever and a device never ends, so only regular files
are accepted, decided with `os.stat` (which never opens). An XLSX is a zip that openpyxl inflates
whole: a 1.2 MB workbook ran 7 minutes and 12 GB, so each member's declared sizes, their ratio and
the number of members are checked with `zipfile` first. Python's zipfile stops inflating a member
at its declared size (and fails its CRC), so the declared sizes really bound the work. Every
refusal is one translated sentence naming the file.
"""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path
from typing import TypeVar

from desktop_app.i18n import translate
from desktop_app.services.errors import UserError

MAX_TABLE_BYTES = 100 * 1024 * 1024  # a CSV or XLSX register: tens of thousands of rows at most
MAX_CDR_BYTES = 512 * 1024 * 1024  # Master.csv: ~60 MB a year at 250 000 calls
MAX_ZIP_MEMBERS = 1000  # a workbook from Excel or LibreOffice holds a few dozen
MAX_MEMBER_BYTES = 256 * 1024 * 1024  # inflated size of one member (one sheet's XML)
MAX_INFLATED_BYTES = 512 * 1024 * 1024  # all members together
MAX_RATIO = 100  # real sheets compress 5-40 times; bombs a thousand times and more
RATIO_FROM_BYTES = 8 * 1024 * 1024  # small members may compress as they like
MAX_ROWS = 1_000_000  # Excel's own limit is 1 048 576
MAX_COLUMNS = 512  # no register has more; a cell at XFD1 would pad every row to 16 384
MAX_CELL_CHARS = 32_767  # Excel's own limit for a cell
T = TypeVar("T")


def refuse(text: str) -> UserError:
    return UserError(text)


def regular_file(path: Path, max_bytes: int = MAX_TABLE_BYTES) -> int:
    """The file's size, once it is known to be a regular, readable file of a sane size."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise refuse(
            translate("file_guard", "The file {file} does not exist.").format(file=path)
        ) from None
    except OSError as exc:  # an unreadable folder, a name too long, a broken link…
        raise refuse(
            translate("file_guard", "The file {file} cannot be read: {reason}").format(
                file=path, reason=exc.strerror or exc
            )
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise refuse(
            translate("file_guard", "{file} is a folder; choose a file inside it.").format(
                file=path
            )
        )
    if not stat.S_ISREG(info.st_mode):
        raise refuse(
            translate(
                "file_guard", "{file} is not an ordinary file (a pipe or a device); choose a file."
            ).format(file=path)
        )
    if info.st_size > max_bytes:
        raise refuse(
            translate(
                "file_guard", "{file} is too large to import ({size} MB; at most {limit} MB)."
            ).format(file=path.name, size=info.st_size // 2**20, limit=max_bytes // 2**20)
        )
    if not os.access(path, os.R_OK):
        raise refuse(
            translate("file_guard", "The file {file} cannot be read: {reason}").format(
                file=path, reason=os.strerror(13)
            )
        )
    return info.st_size


def _not_a_workbook(path: Path) -> UserError:
    return refuse(
        translate("tabular", "{file} is not a readable Excel workbook (.xlsx).").format(
            file=path.name
        )
    )


def check_xlsx(path: Path) -> None:
    """Refuse a zip whose members would inflate beyond what a register can be."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise _not_a_workbook(path) from None
    bomb = refuse(
        translate(
            "file_guard",
            "{file} would unpack to far more than a spreadsheet holds (a damaged or hostile "
            "file); it was not opened.",
        ).format(file=path.name)
    )
    if len(members) > MAX_ZIP_MEMBERS:
        raise bomb
    total = 0
    for member in members:
        size, packed = member.file_size, max(member.compress_size, 1)
        total += size
        if size > MAX_MEMBER_BYTES or total > MAX_INFLATED_BYTES:
            raise bomb
        if size > RATIO_FROM_BYTES and size / packed > MAX_RATIO:
            raise bomb


def too_big(path: Path, what: str) -> UserError:
    """Rows, columns or a cell beyond the bounds: `what` says which, already translated."""
    return refuse(
        translate("file_guard", "{file} cannot be imported: {what}.").format(
            file=path.name, what=what
        )
    )


def bound_row(path: Path, number: int, row: list[T]) -> list[T]:
    """One row as read, refused beyond the bounds; trailing empty cells past them are dropped."""
    if number > MAX_ROWS:
        raise too_big(
            path,
            translate("file_guard", "more than {n} rows").format(
                n=f"{MAX_ROWS:,}".replace(",", " ")
            ),
        )
    if len(row) > MAX_COLUMNS:
        if any(v is not None for v in row[MAX_COLUMNS:]):
            raise too_big(
                path, translate("file_guard", "more than {n} columns").format(n=MAX_COLUMNS)
            )
        row = row[:MAX_COLUMNS]
    for column, value in enumerate(row, start=1):
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            raise too_big(
                path,
                translate(
                    "file_guard", "row {row}, column {column} holds more than {n} characters"
                ).format(row=number, column=column, n=MAX_CELL_CHARS),
            )
    return row
