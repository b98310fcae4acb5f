"""`istiqbal calls import-cdr` (CONTRACTS.md §1, §4) run as a user would, through main() (C8.4)."""

from __future__ import annotations

import json
from pathlib import Path

from desktop_app.config import resolve_database
from desktop_app.services.database import open_database
from tests.helpers.calls_data import make_lines
from tests.helpers.cli import run_cli

SAMPLE = Path(__file__).parents[1] / "exchange" / "data" / "Master.csv"


def prepared(tmp_path: Path) -> str:
    path = str(tmp_path / "calls.sqlite")
    db = open_database(resolve_database(path))
    make_lines(db)
    db.dispose()
    return path


def test_import_cdr_json_then_reimport_adds_nothing(tmp_path: Path) -> None:
    db = prepared(tmp_path)
    first = run_cli("--db", db, "calls", "import-cdr", str(SAMPLE), "--json")
    assert first.returncode == 0, first.stderr
    payload = json.loads(first.stdout)
    assert payload["imported"] == 12 and payload["skipped_duplicates"] == 0
    assert payload["errors"] == []
    assert [w["column"] for w in payload["warnings"]] == ["dst"]
    again = json.loads(run_cli("--db", db, "calls", "import-cdr", str(SAMPLE), "--json").stdout)
    assert (again["imported"], again["skipped_duplicates"]) == (0, 12)


def test_import_cdr_human_summary(tmp_path: Path) -> None:
    result = run_cli("--db", prepared(tmp_path), "calls", "import-cdr", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    assert "9 inbound calls on inventory lines, 1 outgoing, 1 internal" in result.stdout
    assert "Imported 12" in result.stdout
    assert "71999888" in result.stderr  # the warning about a number missing from the inventory


def test_malformed_line_exits_1_naming_the_line(tmp_path: Path) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace('"NO ANSWER"', '"MAYBE"')
    bad = tmp_path / "Master.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = prepared(tmp_path)
    human = run_cli("--db", db, "calls", "import-cdr", str(bad))
    assert human.returncode == 1
    assert "Master.csv, line 5, column disposition" in human.stderr
    assert "Traceback" not in human.stderr and len(human.stderr.strip().splitlines()) == 1
    machine = run_cli("--db", db, "calls", "import-cdr", str(bad), "--json")
    assert machine.returncode == 1
    payload = json.loads(machine.stdout)
    assert payload["imported"] == 0
    assert payload["errors"][0]["row"] == 5 and payload["errors"][0]["column"] == "disposition"
    clean = json.loads(run_cli("--db", db, "calls", "import-cdr", str(SAMPLE), "--json").stdout)
    assert clean["imported"] == 12  # nothing of the bad file was kept


def test_utc_option_is_accepted_and_a_missing_argument_exits_2(tmp_path: Path) -> None:
    db = prepared(tmp_path)
    assert run_cli("--db", db, "calls", "import-cdr", str(SAMPLE), "--utc").returncode == 0
    assert run_cli("--db", db, "calls", "import-cdr").returncode == 2
