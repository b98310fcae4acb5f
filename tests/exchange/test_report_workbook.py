"""The evaluation workbook reopened: KPIs sheet, names, print set-up, RTL, safety (C8.7)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.data.db import Database
from desktop_app.exchange.excel_report import write_workbook
from desktop_app.services import report, settings
from desktop_app.services.kpis import KPI_IDS
from desktop_app.services.permissions import Actor
from tests.report_fakes import CURRENT, HOSTILE, PREVIOUS, fake_registries  # noqa: F401

AS_OF = datetime(2026, 10, 5, 9, 0, tzinfo=UTC)


def _make(db: Database, admin: Actor, tmp_path: Path, lang: str = "en") -> Path:
    out = tmp_path / f"report-{lang}.xlsx"
    report.generate(db, admin, "2026-Q3", out, lang, AS_OF, write=write_workbook)
    return out


@pytest.mark.usefixtures("fake_registries")
def test_kpis_sheet_has_contract_columns_order_and_names_c8_7(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    settings.update(db, admin, {"target.req_on_time_pct": 95.0})
    wb = load_workbook(_make(db, admin, tmp_path))
    ws = wb["KPIs"]
    assert [c.value for c in ws[1]] == ["id", "label", "value", "target", "previous period"]
    ids = [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)]
    assert ids == list(KPI_IDS)
    for kpi_id in KPI_IDS:
        name = wb.defined_names[f"kpi_{kpi_id}"]
        ((sheet, ref),) = list(name.destinations)
        cell = wb[sheet][ref.replace("$", "")]
        assert cell.column == 3
        assert ws.cell(row=cell.row, column=1).value == kpi_id
        assert cell.value == CURRENT.get(kpi_id)
    row = ids.index("req_on_time_pct") + 2
    assert ws.cell(row=row, column=4).value == 95.0
    assert ws.cell(row=row, column=5).value == PREVIOUS["req_on_time_pct"]


def test_real_empty_registries_give_empty_values_c8_7(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    wb = load_workbook(_make(db, admin, tmp_path))
    assert wb.sheetnames[:3] == ["Cover", "Summary", "KPIs"]
    ws = wb["KPIs"]
    values = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=3).value
              for r in range(2, len(KPI_IDS) + 2)}  # fmt: skip
    # An empty database: ratios over zero items are empty, counts are 0 (CONTRACTS §3).
    assert values["req_on_time_pct"] is None and values["cdr_answered_pct"] is None
    assert values["req_received"] == 0
    assert wb.sheetnames[-1] == "Action plan"


@pytest.mark.usefixtures("fake_registries")
def test_every_sheet_is_print_ready_c8_7(db: Database, admin: Actor, tmp_path: Path) -> None:
    wb = load_workbook(_make(db, admin, tmp_path))
    assert len(wb.worksheets) == 5  # cover, summary, KPIs, one section, action plan
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.print_title_rows, ws.title
        assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
        assert ws.oddHeader.right.text == "Quarter 3 2026"
        assert ws.sheet_view.rightToLeft in (None, False), ws.title
        assert all(ws.column_dimensions[c].width for c in "AB"), ws.title


@pytest.mark.usefixtures("fake_registries")
def test_arabic_sheets_run_right_to_left_c8_7(db: Database, admin: Actor, tmp_path: Path) -> None:
    wb = load_workbook(_make(db, admin, tmp_path, "ar"))
    assert all(ws.sheet_view.rightToLeft for ws in wb.worksheets)


@pytest.mark.usefixtures("fake_registries", "qapp")  # translators need an application object
def test_the_kpis_sheet_headers_are_in_the_reports_language_c8_7(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    """They were English in the Arabic and French reports; the ids stay the contract's (14.8)."""
    wb = load_workbook(_make(db, admin, tmp_path, "ar"))
    ws = wb["KPIs"]
    assert [c.value for c in ws[1]] == ["المعرّف", "المؤشّر", "القيمة", "الهدف", "الفترة السابقة"]
    assert ws.cell(row=2, column=1).value == KPI_IDS[0]


@pytest.mark.usefixtures("fake_registries")
def test_hostile_text_never_becomes_a_formula_c8_7(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    settings.update(db, admin, {"body_name_fr": '=HYPERLINK("http://x","A & B")'})
    wb = load_workbook(_make(db, admin, tmp_path))
    seen: set[str] = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    seen.add(cell.value)
    assert set(HOSTILE) <= seen
    assert '=HYPERLINK("http://x","A & B")' in seen
    assert wb["Cover"].oddHeader.left.text.count("&&") == 1


@pytest.mark.usefixtures("fake_registries")
def test_section_sheet_dates_numbers_and_chart_c8_7(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    wb = load_workbook(_make(db, admin, tmp_path))
    ws = wb.worksheets[3]
    assert ws.title == "Requests Q3 test"
    dates = [c for row in ws.iter_rows() for c in row if isinstance(c.value, datetime)]
    assert dates and all(c.number_format.startswith("dd/mm/yyyy") for c in dates)
    # 22:30 UTC on 1 July is 23:30 in Tunis (UTC+1): the cell holds local time.
    assert datetime(2026, 7, 1, 23, 30) in [c.value for c in dates]
    assert len(ws._charts) == 1


@pytest.mark.usefixtures("fake_registries")
def test_action_plan_lists_indicators_below_target_with_remedy_c8_7(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    settings.update(db, admin, {"target.req_on_time_pct": 95.0, "target.evals_score_avg": 80.0,
                                "target.lines_checked_pct": 100.0})  # fmt: skip
    ws = load_workbook(_make(db, admin, tmp_path, "en"))["Action plan"]
    labels = [ws.cell(row=r, column=1).value for r in range(5, 7)]
    assert labels == [
        "Requests answered within the legal 48 hours (%)",
        "Mean call evaluation score",
    ]
    assert "(C2.1)" in ws.cell(row=5, column=5).value
    assert ws.cell(row=5, column=6).border.left.style == "thin"
    assert ws.cell(row=5, column=6).value in (None, "")


def test_a_long_table_is_styled_per_kind_of_cell_not_per_cell_c8_7(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 7: openpyxl looks each Font, Alignment and Border up among the workbook's styles on
    every assignment (hashing it whole); cells styled alike now share the style the first one was
    given, so a 1 000-row list costs a few hundred look-ups, and each cell keeps its full style."""
    from openpyxl.utils.indexed_list import IndexedList

    from desktop_app.exchange.excel_report import ReportData, build_workbook
    from desktop_app.services.periods import parse_period
    from desktop_app.services.sections import ReportSection, ReportTable

    rows: list[list[object]] = [[f"REF-{i}", i, i / 3, datetime(2026, 7, 1, 9, tzinfo=UTC)]
                                for i in range(1000)]  # fmt: skip
    table = ReportTable("Long list", ["Reference", "Count", "Share", "When"], rows,  # type: ignore[arg-type]
                        number_formats={2: "0.00"})  # fmt: skip
    period = parse_period("2026")
    data = ReportData(lang="fr", body_name="Commune", period=period, previous=period.previous(),
                      clock="48 h", generated_by="Admin", generated_at=AS_OF, kpis=[],
                      sections=[ReportSection("requests", "Demandes", [table])])  # fmt: skip
    lookups = 0
    add = IndexedList.add

    def counted(self: IndexedList, value: object) -> int:
        nonlocal lookups
        lookups += not isinstance(value, str)  # number formats are cheap strings
        return add(self, value)  # type: ignore[no-any-return]

    monkeypatch.setattr(IndexedList, "add", counted)
    wb = build_workbook(data)
    assert lookups < 400  # 1 000 rows × 4 cells × 2–3 styles each, before
    ws = wb["Demandes"]
    cells = [c for row in ws.iter_rows() for c in row if c.value in ("REF-999", 999)]
    text, number = sorted(cells, key=lambda c: c.column)
    assert text.alignment.wrap_text and text.border.left.style == "thin"
    assert number.alignment.horizontal == "center" and number.border.top.style == "thin"
    share = ws.cell(row=number.row, column=3)
    when = ws.cell(row=number.row, column=4)
    assert share.number_format == "0.00" and when.number_format.startswith("dd/mm/yyyy")
