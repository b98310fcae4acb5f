"""Issue 16 point 4: zip bombs, pipes, devices, folders and damaged files are refused with one
sentence naming the file, before any parser runs and without a hang or a traceback."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from desktop_app.data.db import Database
from desktop_app.data.models import CallRecord
from desktop_app.exchange import file_guard
from desktop_app.exchange.cdr import import_cdr
from desktop_app.exchange.lines_file import FIELDS as LINE_FIELDS
from desktop_app.exchange.lines_file import parse_directory
from desktop_app.exchange.requests_file import parse_register
from desktop_app.exchange.tabular import read_table
from desktop_app.services.errors import UserError
from desktop_app.services.permissions import Actor

ROOT = Path(__file__).resolve().parents[2]
CDR_LINE = (
    '"","98765432","71563500","from-trunk","""Ali"" <98765432>","SIP/topnet-1","SIP/201-2",'
    '"Dial","SIP/201,30,tr","{start}","{start}","{start}",{duration},149,"ANSWERED",'
    '"DOCUMENTATION","1772435703.{n}"\n'
)


def one_sentence(exc: UserError, name: str) -> None:
    text = str(exc)
    assert name in text, text
    assert "\n" not in text and "Traceback" not in text


def sheet_zip(path: Path, sheet_xml: bytes | None = None, *, level: int = 6) -> Path:
    """A real workbook; optionally its first sheet's XML replaced."""
    buffer = io.BytesIO()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Numéro", "Type", "Libellé"])
    ws.append(["71 563 500", "standard", "Accueil"])
    wb.save(buffer)
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as out,
    ):
        for item in src.infolist():
            data = src.read(item.filename)
            if sheet_xml is not None and item.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml
            out.writestr(item.filename, data)
    return path


def zip_bomb(path: Path, inflated_mb: int, level: int = 1) -> Path:
    """A workbook whose sheet is `inflated_mb` MB of real rows: a few hundred KB on disk."""
    head = (
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData>'
    )
    row = b'<row><c t="inlineStr"><is><t>71563500</t></is></c><c><v>1</v></c></row>'
    chunk = row * (2**20 // len(row))
    buffer = io.BytesIO()
    sheet_zip(path)
    with zipfile.ZipFile(path) as src:
        members = {i.filename: src.read(i.filename) for i in src.infolist()}
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as out:
        for name, data in members.items():
            if name != "xl/worksheets/sheet1.xml":
                out.writestr(name, data)
        with out.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(head)
            for _ in range(inflated_mb):
                sheet.write(chunk)
            sheet.write(b"</sheetData></worksheet>")
    path.write_bytes(buffer.getvalue())
    return path


def test_issue16_4_a_zip_bomb_xlsx_is_refused_fast_under_a_memory_limit(tmp_path: Path) -> None:
    bomb = zip_bomb(tmp_path / "annuaire.xlsx", inflated_mb=300)
    assert bomb.stat().st_size < 3 * 2**20  # small on disk, 300 MB inflated
    script = textwrap.dedent(
        f"""
        import resource, sys, time
        from pathlib import Path
        resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20))
        from desktop_app.exchange.lines_file import parse_directory
        from desktop_app.services.errors import UserError
        started = time.monotonic()
        try:
            parse_directory(Path({str(bomb)!r}))
        except UserError as exc:
            print(round(time.monotonic() - started, 3))
            print(exc)
            sys.exit(0)
        sys.exit(3)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr[-2000:]
    seconds, message = done.stdout.strip().split("\n", 1)
    assert float(seconds) < 2
    assert "annuaire.xlsx" in message and "unpack" in message


def test_issue16_4_a_high_ratio_member_is_refused_without_inflating_it(tmp_path: Path) -> None:
    bomb = zip_bomb(tmp_path / "registre.xlsx", inflated_mb=20, level=9)  # ratio ~ 1000
    started = time.monotonic()
    with pytest.raises(UserError) as refused:
        parse_register(bomb)
    assert time.monotonic() - started < 2
    one_sentence(refused.value, "registre.xlsx")


def _parsers(path: Path) -> list[object]:
    return [
        lambda: parse_directory(path),
        lambda: parse_register(path),
        lambda: list(__import__("desktop_app.exchange.cdr", fromlist=["iter_cdr"]).iter_cdr(path)),
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_issue16_4_a_fifo_is_refused_by_all_three_importers_without_hanging(
    tmp_path: Path,
) -> None:
    """A FIFO blocked open() forever: run in a child with a timeout so a hang fails, not stalls."""
    fifo = tmp_path / "annuaire.csv"
    os.mkfifo(fifo)
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from desktop_app.exchange.cdr import iter_cdr
        from desktop_app.exchange.lines_file import parse_directory
        from desktop_app.exchange.requests_file import parse_register
        from desktop_app.services.errors import UserError
        path = Path({str(fifo)!r})
        for call in (parse_directory, parse_register, lambda p: list(iter_cdr(p))):
            try:
                call(path)
            except UserError as exc:
                print(exc)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr[-2000:]
    sentences = done.stdout.strip().splitlines()
    assert len(sentences) == 3
    assert all("annuaire.csv" in s and "not an ordinary file" in s for s in sentences)


@pytest.mark.parametrize("target", ["folder", "device"])
def test_issue16_4_a_folder_or_a_device_is_refused(tmp_path: Path, target: str) -> None:
    if target == "folder":
        path = tmp_path / "registre.csv"
        path.mkdir()
    else:
        path = Path("/dev/zero")
        if not path.exists():
            pytest.skip("no /dev/zero on this system")
    for call in _parsers(path):
        with pytest.raises(UserError) as refused:
            call()  # type: ignore[operator]
        one_sentence(refused.value, path.name)


def _corrupt_deflate(path: Path) -> None:
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start, start + min(info.compress_size, 40)):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["truncated", "bad zlib", "bad xml", "not a zip", "empty"])
def test_issue16_4_a_damaged_workbook_is_one_sentence(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "annuaire.xlsx"
    if damage == "bad xml":
        sheet_zip(path, b"<worksheet><sheetData><row><c><v>1</v></c></row")
    else:
        sheet_zip(path, level=0 if damage == "bad zlib" else 6)
        sheet_zip(path)
    if damage == "truncated":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif damage == "bad zlib":
        _corrupt_deflate(path)
    elif damage == "not a zip":
        path.write_bytes(b"PK\x03\x04 this is not a workbook")
    elif damage == "empty":
        path.write_bytes(b"")
    for call in _parsers(path)[:2]:
        with pytest.raises(UserError) as refused:
            call()  # type: ignore[operator]
        one_sentence(refused.value, "annuaire.xlsx")


def test_issue16_4_a_bom_followed_by_invalid_bytes_is_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "registre.csv"
    path.write_bytes(b"\xef\xbb\xbfNum\xe9ro;Type\n\xff\xfe71563500;fax\n")
    for call in _parsers(path)[:2]:
        with pytest.raises(UserError) as refused:
            call()  # type: ignore[operator]
        one_sentence(refused.value, "registre.csv")


def test_issue16_4_rows_columns_and_cells_are_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    long_cell = tmp_path / "long.csv"
    long_cell.write_text("Numéro;Libellé\n71563500;" + "x" * 40_000 + "\n", encoding="utf-8")
    with pytest.raises(UserError, match="more than 32767 characters") as refused:
        read_table(long_cell, LINE_FIELDS)
    one_sentence(refused.value, "long.csv")

    wide = tmp_path / "wide.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Numéro", "Type"])
    ws.cell(row=2, column=1, value="71563500")
    ws.cell(row=2, column=600, value="far away")
    wb.save(wide)
    with pytest.raises(UserError, match="more than 512 columns") as refused:
        read_table(wide, LINE_FIELDS)
    one_sentence(refused.value, "wide.xlsx")

    monkeypatch.setattr(file_guard, "MAX_ROWS", 3)
    many = tmp_path / "many.csv"
    many.write_text("Numéro\n" + "71563500\n" * 5, encoding="utf-8")
    with pytest.raises(UserError, match="more than 3 rows"):
        read_table(many, LINE_FIELDS)


def _cdr(path: Path, *rows: tuple[str, str]) -> Path:
    path.write_text(
        "".join(CDR_LINE.format(start=s, duration=d, n=n) for n, (s, d) in enumerate(rows)),
        encoding="utf-8",
    )
    return path


def _count_calls(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count(CallRecord.id))) or 0)


@pytest.mark.parametrize(
    ("rows", "column"),
    [
        ((("0001-01-01 00:00:00", "157"),), "start"),
        ((("2026-03-02 08:15:03", "1" + "0" * 23),), "duration"),
        ((("1000-03-02 08:15:03", "157"), ("9998-03-02 08:15:03", "157")), "start"),
    ],
    ids=["year 1", "duration 10^23", "years 1000 and 9998"],
)
def test_issue16_4_an_impossible_call_record_is_refused_and_seeds_no_calendar(
    db: Database, admin: Actor, tmp_path: Path, rows: tuple[tuple[str, str], ...], column: str
) -> None:
    from desktop_app.data.models import Base

    path = _cdr(tmp_path / "Master.csv", *rows)
    with pytest.raises(UserError) as refused:
        import_cdr(db, admin, path)
    one_sentence(refused.value, "Master.csv")
    assert f"column {column}" in str(refused.value)
    assert _count_calls(db) == 0
    calendar_tables = [t for t in Base.metadata.tables if "holiday" in t or "calendar" in t]
    with db.read() as s:
        for table in calendar_tables:
            years = s.execute(select(Base.metadata.tables[table])).all()
            assert not any("1000" in repr(r) or "9998" in repr(r) for r in years)


def test_issue16_4_a_plausible_call_record_still_imports(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    year = datetime.now(UTC).year
    path = _cdr(tmp_path / "Master.csv", (f"{year}-01-05 09:00:00", "157"))
    import_cdr(db, admin, path)
    assert _count_calls(db) == 1


def test_issue16_4_a_register_with_years_1000_and_9998_is_refused_cell_by_cell(
    tmp_path: Path,
) -> None:
    path = tmp_path / "registre.csv"
    path.write_text(
        "Reçu le;Canal;Type;Objet;Clôturé le\n"
        "03/02/1000 14:20;courrier;demande;Acte;\n"
        "03/02/2026 14:20;courrier;demande;Acte;03/02/9998 10:00\n"
        "0001-01-01 00:00;courrier;demande;Acte;\n",
        encoding="utf-8",
    )
    parsed = parse_register(path, datetime(2026, 3, 2, tzinfo=UTC))
    assert [(e.row, e.column) for e in parsed.errors] == [
        (1, "received_at"),
        (2, "closed_at"),
        (3, "received_at"),
    ]
    assert all("plausible" in e.message or "not a date" in e.message for e in parsed.errors)
