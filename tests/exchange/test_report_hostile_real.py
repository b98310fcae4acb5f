"""Hostile text stored through the REAL services never becomes a formula in the report (C8.7).

tests/report_fakes.py checks the renderer on fake sections; here citizens' subjects, line labels,
agents' names and training titles go in through the services that store them, every real section
is built, and every cell of every sheet is scanned — then the file itself, for any <f> element.
"""

from __future__ import annotations

import re
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

from openpyxl import load_workbook

from desktop_app.data.db import Database
from desktop_app.exchange.excel_report import write_workbook
from desktop_app.services import agents, lines, report, training
from desktop_app.services import requests as requests_service
from desktop_app.services.agents import AgentInput
from desktop_app.services.lines import LineInput
from desktop_app.services.permissions import Actor
from desktop_app.services.training import Attendee, SessionInput

HOSTILE = ["=1+1", "=cmd|'/c calc'!A1", "-2+3", "+1", "@SUM(A1)", '\t=HYPERLINK("x")']
AS_OF = datetime(2026, 10, 5, 9, 0, tzinfo=UTC)


def _fill(db: Database, admin: Actor) -> None:
    for i, text in enumerate(HOSTILE):
        at = datetime(2026, 7, 2 + i, 9, 0, tzinfo=UTC)  # overdue: never answered
        requests_service.create_request(
            db, admin, channel="email", type="complaint", subject=text, citizen=text,
            received_at=at, now=at,
        )  # fmt: skip
        line = lines.create_line(
            db, admin, LineInput(number=f"+2167156350{i}", kind="direct", label=text)
        )
        lines.record_check(db, admin, line.id, "no_answer", at=at, notes=text)
        lines.report_fault(db, admin, line.id, symptom=text, ticket_ref=text[:10], reported_at=at)
        person = AgentInput(name_fr=text, name_ar=text, staff_number=text[:8],
                            active_from=date(2020, 1, 1))  # fmt: skip
        agent = agents.create_agent(db, admin, person)
        held = SessionInput(text, "reception", date(2026, 8, 1 + i), 2.0, trainer=text)
        training.create_session(db, admin, held, [Attendee(agent.id)])


def test_hostile_text_through_real_services_is_never_a_formula_c8_7(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    _fill(db, admin)
    for lang in ("fr", "ar"):
        out = tmp_path / f"r-{lang}.xlsx"
        report.generate(db, admin, "2026-Q3", out, lang, AS_OF, write=write_workbook)
        wb = load_workbook(out)
        seen: list[str] = []
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (lang, ws.title, cell.coordinate, cell.value)
                    if isinstance(cell.value, str):
                        seen.append(cell.value.strip())
        # The hostile text did reach the report as text — in the overdue requests, the lines,
        # the faults, the agents and the sessions — or this test proves nothing.
        for h in HOSTILE:
            assert sum(1 for v in seen if h.strip() in v) >= 5, (lang, h)
        with zipfile.ZipFile(out) as z:
            for name in z.namelist():
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    assert not re.search(rb"<f[ >]", z.read(name)), (lang, name)
