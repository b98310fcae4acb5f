"""`istiqbal lines import|export` as scripts run them (CONTRACTS.md §1): exit codes and --json."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from openpyxl import Workbook, load_workbook

from tests.helpers.cli import run_cli, run_cli_subprocess
from tests.helpers.databases import new_database


def _count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM phone_lines").fetchone()[0])


def _csv(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "lignes.csv"
    path.write_text("Numéro;Type;Libellé\n" + body, encoding="utf-8")
    return path


def test_import_json_shape_and_exit_codes_c8_1(tmp_path: Path) -> None:
    db = tmp_path / "i.sqlite"
    new_database(db)
    good = _csv(tmp_path, "71 563 500;standard;Accueil\n80 100 321;numéro vert;Vert\n")
    first = run_cli_subprocess("--db", str(db), "lines", "import", str(good), "--json")
    assert first.returncode == 0, first.stderr
    payload = json.loads(first.stdout)
    assert payload["imported"] == 2 and payload["skipped_duplicates"] == 0
    assert payload["errors"] == []
    again = run_cli_subprocess("lines", "import", str(good), "--json", "--db", str(db))
    assert json.loads(again.stdout)["skipped_duplicates"] == 2
    assert _count(db) == 2


def test_a_bad_row_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "b.sqlite"
    new_database(db)
    bad = _csv(tmp_path, "71 563 500;standard;Accueil\n71 56a 500;direct;Faute\n")
    result = run_cli("--db", str(db), "lines", "import", str(bad), "--json")
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["imported"] == 0
    assert payload["errors"] == [
        {"row": 2, "column": "number", "message": payload["errors"][0]["message"]}
    ]
    assert "71 56a 500" in payload["errors"][0]["message"]
    assert _count(db) == 0
    human = run_cli("--db", str(db), "lines", "import", str(bad))
    assert human.returncode == 1
    assert "lignes.csv, row 2, column Numéro:" in human.stderr  # the header as written
    assert "Traceback" not in human.stderr
    skipped = run_cli("--db", str(db), "lines", "import", str(bad), "--skip-invalid", "--json")
    assert skipped.returncode == 0
    assert json.loads(skipped.stdout)["imported"] == 1
    assert _count(db) == 1


def test_dry_run_and_xlsx_and_export(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    new_database(db)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["رقم الهاتف", "النوع", "التسمية"])
    ws.append([71563500, "المقسم", "=1+1"])
    ws["C2"].data_type = "s"  # a label that merely looks like a formula
    ws.append(["1899", "الرقم المختصر", "مركز النداء"])
    src = tmp_path / "lignes.xlsx"
    wb.save(src)
    dry = run_cli("--db", str(db), "lines", "import", str(src), "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["imported"] == 2
    assert _count(db) == 0
    assert run_cli("--db", str(db), "lines", "import", str(src)).returncode == 0
    out = tmp_path / "export.xlsx"
    exported = run_cli("--db", str(db), "lines", "export", str(out), "--lang", "ar")
    assert exported.returncode == 0, exported.stderr
    sheet = load_workbook(out).worksheets[0]
    assert sheet.sheet_view.rightToLeft is True
    label = next(c for row in sheet.iter_rows() for c in row if c.value == "=1+1")
    assert label.data_type == "s"


def test_a_missing_file_and_a_wrong_command_line(tmp_path: Path) -> None:
    db = tmp_path / "m.sqlite"
    new_database(db)
    missing = run_cli("--db", str(db), "lines", "import", str(tmp_path / "nope.csv"))
    assert missing.returncode == 1
    assert len(missing.stderr.strip().splitlines()) == 1
    assert run_cli("--db", str(db), "lines", "import").returncode == 2
    assert run_cli("--db", str(db), "lines", "export", str(tmp_path / "x.csv")).returncode == 1


def test_a_lost_extension_is_a_warning_in_both_outputs_c8_1(tmp_path: Path) -> None:
    db = tmp_path / "e.sqlite"
    new_database(db)
    src = _csv(tmp_path, "71 563 701 poste 5;standard;Accueil\n71 563 701 poste 6;standard;Régie\n")
    as_json = run_cli("--db", str(db), "lines", "import", str(src), "--dry-run", "--json")
    assert as_json.returncode == 0, as_json.stderr
    payload = json.loads(as_json.stdout)
    (warning,) = payload["warnings"]
    assert warning["row"] == 2 and warning["column"] == "number"
    assert "extension 5" in warning["message"] and "extension 6" in warning["message"]
    human = run_cli("--db", str(db), "lines", "import", str(src))
    assert human.returncode == 0
    assert "row 2, column Numéro (warning)" in human.stderr
    assert "extension 6" in human.stderr


def test_json_imports_print_one_object_when_the_file_is_refused(tmp_path: Path) -> None:
    """CONTRACTS §1: with --json a script always reads one object on stdout, even for a missing
    file or a file without a header; the sentence is on stderr and the exit code is 1."""
    db = tmp_path / "j.sqlite"
    new_database(db)
    headless = tmp_path / "sans-entete.csv"
    headless.write_text("bonjour;monde\n1;2\n", encoding="utf-8")
    for command in (("lines", "import"), ("requests", "import"), ("calls", "import-cdr")):
        for path in (tmp_path / "nope.csv", headless):
            if command[0] == "calls" and path == headless:
                continue  # a CDR file has no header by design
            result = run_cli("--db", str(db), *command, str(path), "--json")
            assert result.returncode == 1, (command, result.stderr)
            payload = json.loads(result.stdout)
            assert payload["imported"] == 0 and payload["skipped_duplicates"] == 0
            (error,) = payload["errors"]
            assert error["row"] is None and error["column"] is None
            assert error["message"] and error["message"] in result.stderr
            assert path.name in error["message"], command
