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


def test_c8_4_a_late_preview_for_the_other_utc_state_does_not_replace_the_newest(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ticking UTC plans again; the plan for local times, finishing after it, is dropped (it
    would have made Import write every call an hour off)."""
    import threading

    from desktop_app.ui.dialogs import cdr_import_dialog
    from desktop_app.ui.dialogs.cdr_import_dialog import CdrImportDialog

    make_lines(state.db)
    release_local = threading.Event()
    real = cdr_import_dialog.plan_cdr

    def held(db, actor, path, *, utc=False, progress=None):  # type: ignore[no-untyped-def]
        if not utc:
            assert release_local.wait(30)  # the test releases it; 30 s only against a hang
        return real(db, actor, path, utc=utc, progress=progress)

    monkeypatch.setattr(cdr_import_dialog, "plan_cdr", held)
    dialog = CdrImportDialog(state, MASTER)
    qtbot.addWidget(dialog)
    dialog.preview()  # local times: held back
    local_task = dialog._task
    dialog.utc.setChecked(True)  # plans again, in UTC: answered first
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    utc_plan = dialog.plan
    assert utc_plan is not None
    with qtbot.waitSignal(local_task.finished, timeout=10_000):
        release_local.set()
    assert dialog.plan is utc_plan and getattr(dialog, "plan_utc", None) is True
    assert dialog.import_button.isEnabled()


def test_c8_4_import_plans_again_when_the_utc_box_changed_since_the_plan(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.ui.dialogs import cdr_import_dialog
    from desktop_app.ui.dialogs.cdr_import_dialog import CdrImportDialog

    make_lines(state.db)
    committed: list[object] = []
    monkeypatch.setattr(
        cdr_import_dialog, "commit_call_records_plan", lambda *a, **k: committed.append(a)
    )
    dialog = CdrImportDialog(state, MASTER)
    qtbot.addWidget(dialog)
    dialog.preview()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    local_plan = dialog.plan
    dialog.utc.blockSignals(True)  # the box changed, its new plan not started yet
    dialog.utc.setChecked(True)
    dialog.utc.blockSignals(False)
    dialog.run_import()
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.plan_utc, timeout=10_000)
    assert committed == [] and dialog.plan is not local_plan
    assert count(state, CallRecord) == 0


def test_c8_4_after_a_failed_commit_the_call_records_dialog_offers_import_again(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.services.errors import UserError
    from desktop_app.ui.dialogs import cdr_import_dialog
    from desktop_app.ui.dialogs.cdr_import_dialog import CdrImportDialog

    make_lines(state.db)

    def refused(*_a: object, **_k: object) -> None:
        raise UserError("The database is busy.")

    monkeypatch.setattr(cdr_import_dialog, "commit_call_records_plan", refused)
    dialog = CdrImportDialog(state, MASTER)
    qtbot.addWidget(dialog)
    dialog.preview()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    task_before = dialog._task
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog._task is not task_before, timeout=10_000)
    qtbot.waitUntil(lambda: "busy" in dialog.summary.toPlainText(), timeout=10_000)
    assert dialog.import_button.isEnabled() and dialog.done_report is None


def test_c2_1_after_a_failed_commit_the_register_dialog_offers_import_again(
    qtbot: QtBot, state: AppState, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.services.errors import UserError
    from desktop_app.ui.dialogs import requests_import_dialog
    from desktop_app.ui.dialogs.requests_import_dialog import RequestsImportDialog

    path = tmp_path / "registre.csv"
    path.write_text(REGISTER, encoding="utf-8")
    shown: list[BaseException] = []
    monkeypatch.setattr(requests_import_dialog, "show_error", lambda _p, exc: shown.append(exc))

    def refused(*_a: object, **_k: object) -> None:
        raise UserError("The database is busy.")

    monkeypatch.setattr(requests_import_dialog, "commit_register_plan", refused)
    dialog = RequestsImportDialog(state, path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert dialog.import_button.isEnabled() and dialog.outcome is None


def test_c8_2_a_file_that_only_answers_stored_missed_calls_can_be_imported_from_the_window(
    qtbot: QtBot, state: AppState, tmp_path: Path
) -> None:
    from desktop_app.exchange.cdr import import_cdr
    from desktop_app.ui.dialogs.cdr_import_dialog import CdrImportDialog
    from tests.exchange.test_calls_cdr import RING_ANSWERED, RING_NO_ANSWER

    make_lines(state.db)
    first = tmp_path / "first.csv"
    first.write_text(RING_NO_ANSWER + "\n", encoding="utf-8")
    import_cdr(state.db, state.actor, first)
    again = tmp_path / "Master.csv"
    again.write_text(RING_NO_ANSWER + "\n" + RING_ANSWERED + "\n", encoding="utf-8")
    dialog = CdrImportDialog(state, again)
    qtbot.addWidget(dialog)
    dialog.preview()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    assert dialog.plan is not None and (len(dialog.plan.rows), len(dialog.plan.upgrades)) == (0, 1)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.done_report is not None, timeout=10_000)
    with state.db.read() as s:
        assert s.scalar(select(CallRecord.answered)) is True
