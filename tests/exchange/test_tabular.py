"""Messy registers read right (CONTRACTS.md §2): title rows, bilingual headers, encodings."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop_app.exchange.tabular import ChoiceMatcher, FieldSpec, normalise_key, read_table
from desktop_app.exchange.xlsx_safe import set_text
from desktop_app.services.errors import UserError

FIELDS = (
    FieldSpec("number", ("number", "numéro", "numero", "الرقم"), required=True),
    FieldSpec("label", ("label", "libellé", "التسمية")),
)


def test_title_rows_are_skipped_and_bilingual_headers_match(tmp_path: Path) -> None:
    path = tmp_path / "lines.csv"
    content = (
        "Annuaire de la commune;;\n\nNuméro / الرقم;Libellé;Notes\n71 563 500;Standard;x\n"
        ";;\n1899;Numéro court;\n"
    )
    path.write_text(content, encoding="utf-8")
    table = read_table(path, FIELDS)
    assert table.header_line == 3
    assert [r.text("number") for r in table.rows] == ["71 563 500", "1899"]
    assert [r.number for r in table.rows] == [1, 3]  # numbered as in the file, blank row counted


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1256"])
def test_arabic_csv_in_utf8_bom_or_windows_1256(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "ar.csv"
    path.write_bytes("الرقم,التسمية\n71563500,المقسم العام\n".encode(encoding))
    table = read_table(path, FIELDS)
    assert table.rows[0].text("label") == "المقسم العام"


def test_french_csv_in_windows_1252_with_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "fr.csv"
    path.write_bytes("Numéro;Libellé\n80 100 321;Numéro vert été\n".encode("cp1252"))
    assert read_table(path, FIELDS).rows[0].text("label") == "Numéro vert été"


def test_xlsx_integers_stored_as_floats_read_as_digits(tmp_path: Path) -> None:
    path = tmp_path / "lines.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["Registre 2026"])
    ws.append(["Numéro", "Libellé", "Date"])
    ws.append([71563500.0, "Standard", datetime(2026, 2, 3, 14, 20)])
    wb.save(path)
    table = read_table(path, FIELDS)
    assert table.rows[0].text("number") == "71563500"


def test_missing_header_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(UserError, match="no header row naming the columns number"):
        read_table(path, FIELDS)


def test_a_damaged_workbook_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UserError, match="not a readable Excel workbook"):
        read_table(path, FIELDS)


def test_choice_matching_ignores_case_accents_and_spaces() -> None:
    kinds = ChoiceMatcher({"green": ["numéro vert", "الرقم الأخضر"], "other": ["autre"]})
    assert kinds.match("  NUMERO   Vert ") == "green"
    assert kinds.match("الرقم الأخضر") == "green"
    assert kinds.match("Autre") == "other"
    assert kinds.match("fax") is None
    assert normalise_key("Désignation :") == "designation"


def test_user_text_beginning_with_equals_is_stored_as_text(tmp_path: Path) -> None:
    wb = Workbook()
    set_text(wb.active["A1"], '=HYPERLINK("http://evil","x")')
    path = tmp_path / "t.xlsx"
    wb.save(path)
    cell = load_workbook(path)["Sheet"]["A1"]
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://evil","x")'
