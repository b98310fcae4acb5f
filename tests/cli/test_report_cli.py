"""`istiqbal report` exactly as CONTRACTS.md §1 says, run as a scheduled task would (C8.7)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.services.kpis import KPI_IDS
from tests.conftest import copy_template
from tests.helpers.cli import run_cli, run_cli_subprocess
from tests.helpers.databases import new_database


def test_report_json_names_file_period_and_every_kpi_c8_7(tmp_path: Path) -> None:
    out = tmp_path / "q3.xlsx"
    args = ["--period", "2026-Q3", "--out", str(out), "--lang", "ar",
            "--as-of", "2026-10-01T08:00", "--json"]  # fmt: skip
    done = run_cli_subprocess("--db", new_database(tmp_path / "i.sqlite"), "report", *args)
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["out"] == str(out)
    assert payload["period"] == {"from": "2026-07-01", "to": "2026-09-30"}
    assert list(payload["kpis"]) == list(KPI_IDS)
    # An empty database: counts are 0, ratios over zero items are empty, not 0 (CONTRACTS §3).
    assert payload["kpis"]["req_received"] == 0
    assert payload["kpis"]["req_on_time_pct"] is None
    wb = load_workbook(out)
    assert "kpi_req_on_time_pct" in wb.defined_names
    assert all(ws.sheet_view.rightToLeft for ws in wb.worksheets)


def test_report_human_summary_and_range_period_c8_7(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    done = run_cli("report", "--db", new_database(tmp_path / "i.sqlite"), "--period",
                   "2026-07-01..2026-07-15", "--out", str(out), "--lang", "fr")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout and out.exists()


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        # A value the user typed: refused (1), naming every form a period may take.
        (
            ["--period", "2026-Q5", "--out", "x.xlsx"],
            "is not a period: write 2026-Q3, 2026-07, 2026 or 2026-07-01..2026-09-30",
        ),
        (["--period", "2026-Q3", "--out", "x.xlsx", "--as-of", "yesterday"], "ISO time"),
        (["--period", "2026-Q3", "--out", "x.csv"], ".xlsx"),
    ],
)
def test_report_mistakes_exit_1_with_one_sentence_c8_7(
    tmp_path: Path, args: list[str], needle: str
) -> None:
    fixed = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    done = run_cli("--db", new_database(tmp_path / "i.sqlite"), "report", *fixed)
    assert done.returncode == 1
    assert needle in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_report_without_period_exits_2(tmp_path: Path) -> None:
    assert run_cli("report", "--out", str(tmp_path / "x.xlsx")).returncode == 2


def _headings(xlsx: Path) -> list[str]:
    """Every sheet title, table heading and note the workbook prints (bold or italic text rows)."""
    wb = load_workbook(xlsx)
    found = []
    for ws in wb.worksheets:
        for row in ws.iter_rows(max_col=1):
            cell = row[0]
            if isinstance(cell.value, str) and cell.value and (cell.font.b or cell.font.i):
                if ws.title == "KPIs" or len(cell.value) > 150:
                    continue
                found.append(cell.value)
    return found


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) or pdftotext not installed",
)
def test_libreoffice_prints_every_date_and_heading_whole_c8_7(
    tmp_path: Path, demo_year: Path
) -> None:
    """On demo data the printed report shows no "###" (a too-narrow date column) in either
    language, and every heading and note of the French report appears whole (C8.7)."""
    db = tmp_path / "demo.sqlite"
    copy_template(demo_year, db)
    workbooks = []
    for lang in ("fr", "ar"):
        out = tmp_path / f"r-{lang}.xlsx"
        done = run_cli("--db", str(db), "report", "--period", "2026-Q3", "--out", str(out),
                       "--lang", lang, "--as-of", "2026-10-05T09:00")  # fmt: skip
        assert done.returncode == 0, done.stderr
        workbooks.append(str(out))
    subprocess.run(  # both in one LibreOffice start (several seconds each)
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), *workbooks],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    texts = {}
    for lang in ("fr", "ar"):
        pdf = tmp_path / f"r-{lang}.pdf"
        assert pdf.exists()
        texts[lang] = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                     text=True, check=True).stdout  # fmt: skip
        assert "###" not in texts[lang], lang
    flat = " ".join(texts["fr"].split())
    headings = _headings(tmp_path / "r-fr.xlsx")
    assert len(headings) > 15
    missing = [h for h in headings if " ".join(h.split()) not in flat]
    assert not missing


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_converts_the_report_to_pdf_c8_7(tmp_path: Path) -> None:
    out = tmp_path / "q3.xlsx"
    assert run_cli("--db", new_database(tmp_path / "i.sqlite"), "report", "--period", "2026-Q3",
                   "--out", str(out), "--lang", "ar").returncode == 0  # fmt: skip
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "q3.pdf"
    assert pdf.exists(), done.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 5000
