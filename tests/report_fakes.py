"""Fake indicators and report sections registered for the report tests (the areas land later)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop_app.services import kpis, sections
from desktop_app.services.sections import (
    ActionList,
    ChartSpec,
    ReportSection,
    ReportTable,
    SectionContext,
)

HOSTILE = [
    "=1+1", "+SUM(A1:A2)", "-2+3", "@cmd", '\t=HYPERLINK("x")', "\r=1", "=cmd|'/c calc'!A1",
]  # fmt: skip
CURRENT = {
    "req_received": 120,
    "req_on_time_pct": 80.0,
    "lines_active": 12,
    "lines_checked_pct": 100.0,
    "evals_score_avg": 77.5,
    "cdr_ring_median_s": 14.5,
}
PREVIOUS = {
    "req_received": 100,
    "req_on_time_pct": 90.0,
    "lines_active": 11,
    "lines_checked_pct": 50.0,
    "evals_score_avg": 81.0,
    "cdr_ring_median_s": 20.0,
}


def _kpi(kpi_id: str):  # noqa: ANN202 - a registry entry
    def fn(ctx: kpis.KpiContext) -> float | int | None:
        table = CURRENT if ctx.period.first_day == date(2026, 7, 1) else PREVIOUS
        return table[kpi_id]

    return fn


def _section(ctx: SectionContext) -> ReportSection:
    rows: list[list[object]] = [
        [text, i, float(i) / 3, datetime(2026, 7, 1 + i, 22, 30, tzinfo=UTC), date(2026, 7, 2)]
        for i, text in enumerate(HOSTILE)
    ]
    return ReportSection("requests", "Requests [Q3]: *test*", [
        ReportTable("By channel", ["Channel", "Count", "Share", "Received", "Due"], rows,
                    number_formats={2: "0.0"},
                    chart=ChartSpec("column", "Requests by channel", 0, [1], "Requests"),
                    note="=note that is not a formula"),
        ReportTable("Empty", ["A", "B"], []),
    ])  # fmt: skip


def _actions(ctx: SectionContext) -> ActionList:
    return ActionList("overdue", "Requests overdue", 3, ["=first", "second", "third"],
                      "requests", {"overdue": True})  # fmt: skip


@pytest.fixture
def fake_registries(monkeypatch: pytest.MonkeyPatch) -> None:
    # Import the real areas first, or their decorators would register into the fakes later.
    kpis._load_areas()
    sections._load()
    monkeypatch.setattr(kpis, "INDICATORS", {k: _kpi(k) for k in CURRENT})
    monkeypatch.setattr(sections, "REPORT_SECTIONS", {"requests": _section})
    monkeypatch.setattr(sections, "ACTION_LISTS", {"overdue": _actions})
