"""The import dialogs preview a plan and commit that same plan: the file is read once, and
what the preview counted is what is written (issue 15 point 4; C2.1, C8.4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop_app.data.models import AuditEntry, CallRecord, CitizenRequest
from desktop_app.exchange import cdr, requests_file
from desktop_app.ui.state import AppState
from tests.helpers.calls_data import make_lines

pytestmark = pytest.mark.gui

REGISTER = (
    "Référence;Reçu le;Canal;Type;Citoyen;Objet\n"
    ";03/02/2026 14:20;courriel;réclamation;Amel;Coupure d'eau\n"
    ";03/02/2026 15:00;téléphone;demande;Karim;Permis de bâtir\n"
)
MASTER = Path(__file__).parents[1] / "exchange" / "data" / "Master.csv"


def count(state: AppState, model: type) -> int:
    with state.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_c2_1_the_register_dialog_reads_the_file_once_and_imports_what_it_previewed(
    qtbot: QtBot, state: AppState, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.ui.dialogs.requests_import_dialog import RequestsImportDialog

    path = tmp_path / "registre.csv"
    path.write_text(REGISTER, encoding="utf-8")
    reads: list[Path] = []
    real = requests_file.read_table
    monkeypatch.setattr(
        requests_file, "read_table", lambda p, fields: reads.append(p) or real(p, fields)
    )
    audits = count(state, AuditEntry)
    dialog = RequestsImportDialog(state, path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    assert dialog.plan is not None and dialog.plan.counts.new == 2
    assert count(state, CitizenRequest) == 0 and count(state, AuditEntry) == audits
    path.write_text(REGISTER.splitlines()[0] + "\n", encoding="utf-8")  # emptied meanwhile
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10_000)
    assert dialog.outcome is not None and dialog.outcome.imported == 2
    assert reads == [path] and count(state, CitizenRequest) == 2
    assert count(state, AuditEntry) == audits + 1


def test_c8_4_the_call_records_dialog_previews_without_writing_then_commits_the_plan(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.ui.dialogs.cdr_import_dialog import CdrImportDialog

    make_lines(state.db)
    reads: list[Path] = []
    real = cdr.iter_cdr
    monkeypatch.setattr(cdr, "iter_cdr", lambda p, utc=False: reads.append(p) or real(p, utc))
    dialog = CdrImportDialog(state, MASTER)
    qtbot.addWidget(dialog)
    dialog.preview()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    assert "Calls to import: 12" in dialog.summary.toPlainText()
    assert count(state, CallRecord) == 0
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.done_report is not None, timeout=10_000)
    assert dialog.done_report is not None and dialog.done_report.result.imported == 12
    assert reads == [MASTER] and count(state, CallRecord) == 12
