"""The phone-lines file (CONTRACTS.md §2, C8.1): all-or-nothing, duplicates, safe export."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from desktop_app.data.db import Database
from desktop_app.data.models import AuditEntry, PhoneLine
from desktop_app.exchange.lines_file import export_lines, import_lines, plan_lines
from desktop_app.services import lines
from desktop_app.services.errors import PermissionDenied
from desktop_app.services.lines import LineInput
from desktop_app.services.permissions import Actor, Role

GOOD = (
    "Annuaire téléphonique — Municipalité de La Marsa\n"
    "\n"
    "Numéro / الرقم;Type;Libellé;Service;Publié sur\n"
    '71 563 500 poste 214;Standard;Accueil;Secrétariat général;"website; letters"\n'
    "Fax : 71 563 501;télécopie;Bureau d'ordre;Bureau d'ordre;site web\n"
    "80 100 321;numéro vert;Numéro vert;Relations citoyens;affiches\n"
    "71 563 520 / 71 563 521;ligne directe;Etat civil;Etat civil;\n"
    "1899;numéro court;Centre d'appel;;\n"
    "(+216) 71.563.500;standard;Le même standard;;\n"
)


def _count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count(PhoneLine.id))) or 0)


def _write(
    tmp_path: Path, text: str, name: str = "annuaire.csv", encoding: str = "utf-8-sig"
) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_a_messy_directory_imports_one_line_per_number_c8_1(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    result = import_lines(db, admin, _write(tmp_path, GOOD))
    assert result.errors == []
    assert result.imported == 6  # two numbers in one cell → two lines
    assert result.skipped_duplicates == 1  # (+216) 71.563.500 is the switchboard again
    assert any("1899" in w.message for w in result.warnings)
    switchboard = lines.lines_page(db, admin, lines.LineFilter(search="71563500"))[0]
    assert switchboard.extension == "214"
    assert switchboard.published == {"website", "letters"}
    assert switchboard.kind == "switchboard"


def test_re_importing_the_same_file_adds_nothing(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    path = _write(tmp_path, GOOD)
    import_lines(db, admin, path)
    again = import_lines(db, admin, path)
    assert again.imported == 0
    assert again.skipped_duplicates == 7
    assert _count(db) == 6


def test_one_bad_row_writes_nothing_at_all(db: Database, admin: Actor, tmp_path: Path) -> None:
    lines.create_line(db, admin, LineInput(number="71 000 000", kind="other"))
    with db.read() as s:
        audits = s.scalar(select(func.count(AuditEntry.id)))
    bad = GOOD + "71 56a 500;direct;Faute de frappe;;\n"
    result = import_lines(db, admin, _write(tmp_path, bad))
    assert result.imported == 0
    assert [(e.row, e.column) for e in result.errors] == [(7, "number")]
    assert "71 56a 500" in result.errors[0].message
    assert _count(db) == 1
    with db.read() as s:
        assert s.scalar(select(func.count(AuditEntry.id))) == audits


def test_skip_invalid_writes_the_valid_rows(db: Database, admin: Actor, tmp_path: Path) -> None:
    bad = GOOD + "7156350;direct;Sept chiffres;;\n;fax;Vide;;\n80 100 322;inconnu;X;;\n"
    result = import_lines(db, admin, _write(tmp_path, bad), skip_invalid=True)
    assert result.imported == 6
    assert [(e.row, e.column) for e in result.errors] == [(7, "number"), (8, "number"), (9, "kind")]
    assert "7156350" in result.errors[0].message and "inconnu" in result.errors[2].message
    assert _count(db) == 6


def test_dry_run_writes_nothing(db: Database, admin: Actor, tmp_path: Path) -> None:
    result = import_lines(db, admin, _write(tmp_path, GOOD), dry_run=True)
    assert result.imported == 6
    assert _count(db) == 0


def test_a_windows_1256_file_with_arabic_headers_imports(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    text = "الرقم,النوع,التسمية,المصلحة\n71 563 500,المقسم,الاستقبال,الكتابة العامة\n"
    result = import_lines(db, admin, _write(tmp_path, text, encoding="cp1256"))
    assert result.imported == 1
    assert lines.lines_page(db, admin, lines.LineFilter())[0].label == "الاستقبال"


def test_an_xlsx_with_excel_numbers_imports(db: Database, admin: Actor, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Liste des lignes"])
    ws.append(["Téléphone", "Nature", "Désignation"])
    ws.append([71563500, "Standard", "Accueil"])
    ws.append([21680100321.0, "Numéro vert", "Vert"])
    ws.append(["٧١ ٥٦٣ ٥٢٠", "Fax", "Fax"])
    path = tmp_path / "lignes.xlsx"
    wb.save(path)
    result = import_lines(db, admin, path)
    assert (result.imported, result.errors) == (3, [])
    numbers = {r.number for r in lines.lines_page(db, admin, lines.LineFilter())}
    assert numbers == {"+21671563500", "+21680100321", "+21671563520"}


def test_only_a_supervisor_imports(db: Database, actor_of: object, tmp_path: Path) -> None:
    agent = actor_of(Role.AGENT)  # type: ignore[operator]
    with pytest.raises(PermissionDenied):
        plan_lines(db, agent, _write(tmp_path, GOOD))


def test_the_export_is_right_to_left_in_arabic_and_keeps_formulas_as_text_c8_1(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    lines.create_line(
        db,
        admin,
        LineInput(
            number="71 563 500",
            kind="switchboard",
            label='=HYPERLINK("http://x","clic")',
            department="+SUM(A1)",
        ),
    )
    lines.create_line(db, admin, LineInput(number="1899", kind="short", label="مركز النداء"))
    out = tmp_path / "lignes.xlsx"
    assert export_lines(db, admin, out, "ar") == 2
    wb = load_workbook(out)
    ws = wb.worksheets[0]
    assert ws.sheet_view.rightToLeft is True
    assert ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows == "$4:$4"
    assert ws.column_dimensions["D"].width == 34
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}
    formula = cells['=HYPERLINK("http://x","clic")']
    assert formula.data_type == "s"
    assert cells["+SUM(A1)"].data_type == "s"
    assert "71 563 500" in cells and "1899" in cells
    # LibreOffice loses the spacing around the page codes of a right-to-left footer ("1 من1صفحة")
    # unless a right-to-left mark stands before each code.
    footer = ws.oddFooter.center.text
    assert footer.startswith("\u200f") and "\u200f&P" in footer and "\u200f&N" in footer
    export_lines(db, admin, tmp_path / "fr.xlsx", "fr")
    french = load_workbook(tmp_path / "fr.xlsx").worksheets[0]
    assert french.sheet_view.rightToLeft in (None, False)
    assert french.oddFooter.center.text == "Page &P of &N"


def test_an_export_re_imports_as_duplicates(db: Database, admin: Actor, tmp_path: Path) -> None:
    import_lines(db, admin, _write(tmp_path, GOOD))
    out = tmp_path / "export.xlsx"
    export_lines(db, admin, out, "fr")
    again = import_lines(db, admin, out)
    assert (again.imported, again.skipped_duplicates, again.errors) == (0, 6, [])


def test_without_a_kind_a_wrong_digit_count_is_an_error_not_a_short_number_c8_1(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    """No kind column: `7156` and `71 563` are refused naming the text; a short number that
    Tunisia's plan lists (197) becomes a short line; a full number an `other` one."""
    path = _write(tmp_path, "Numéro;Libellé\n7156;Faute\n71 563;Faute\n197;Urgence\n71 563 500;A\n")
    plan = plan_lines(db, admin, path)
    errors = {e.row: e for e in plan.errors}
    assert set(errors) == {1, 2}
    assert "Digits in “7156”: 4;" in errors[1].message
    assert "Digits in “71 563”: 5;" in errors[2].message
    assert [n.kind for n in plan.rows[2].new] == ["short"]
    assert [n.kind for n in plan.rows[3].new] == ["other"]
    green = _write(tmp_path, "Numéro;Type\n71 563 500;numéro vert\n", name="vert.csv")
    (bad,) = plan_lines(db, admin, green).errors
    assert "not a green number" in bad.message and "71 563 500" in bad.message


def test_two_extensions_of_one_number_warn_naming_both_c8_1(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    """No schema change: one line per number, but the row whose extension is lost says so."""
    path = _write(
        tmp_path,
        "Numéro;Libellé\n71 563 701 poste 5;Accueil\n71 563 701 poste 6;Régie\n"
        "71 563 702 poste 1 / 71 563 702 poste 2;Voirie\n71 563 701 poste 5;Accueil\n",
    )
    result = import_lines(db, admin, path)
    assert result.imported == 2 and result.skipped_duplicates == 3
    lost = {w.row: w.message for w in result.warnings}
    assert set(lost) == {2, 3}  # the same extension again (row 4) loses nothing
    assert "extension 5" in lost[2] and "extension 6" in lost[2] and "row 1" in lost[2]
    assert "extension 1" in lost[3] and "extension 2" in lost[3]
    assert lines.lines_page(db, admin, lines.LineFilter(search="71563701"))[0].extension == "5"


def test_messages_name_the_column_as_written_and_json_keeps_the_key_c8_1(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    path = _write(
        tmp_path,
        "Téléphone;Nature;Publié sur\n71 563 500;standard;site web؛ affiches؛ radio\n"
        "71 563 501;standard;site web؛ affiches\n",
    )
    plan = plan_lines(db, admin, path)
    (bad,) = plan.errors
    assert (bad.row, bad.column, bad.column_name) == (1, "published_on", "Publié sur")
    assert "radio" in bad.message
    assert bad.as_dict() == {"row": 1, "column": "published_on", "message": bad.message}
    assert plan.rows[1].new[0].published == frozenset({"website", "posters"})  # Arabic ؛
