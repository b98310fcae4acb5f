"""The importers' one shape (issue 15 point 4): a plan writes nothing, its commit writes exactly
what it planned, and the file is read once (C2.1, C8.1, C8.4)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.data.db import Database
from desktop_app.data.models import (
    AuditEntry,
    CallRecord,
    CitizenRequest,
    PhoneLine,
    RequestEvent,
)
from desktop_app.exchange import cdr, lines_file, requests_file
from desktop_app.exchange.cdr import import_cdr, plan_cdr
from desktop_app.exchange.requests_file import plan_register
from desktop_app.services.call_records import commit_call_records_plan
from desktop_app.services.errors import PermissionDenied, UserError
from desktop_app.services.imports import PlanCounts
from desktop_app.services.lines.directory_import import commit_lines_plan
from desktop_app.services.permissions import Actor, Role
from desktop_app.services.requests import commit_register_plan
from tests.helpers.calls_data import make_lines
from tests.helpers.mail_data import mbox, message

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)
REGISTER = (
    "Référence;Reçu le;Canal;Type;Citoyen;Objet;Première réponse\n"
    "2026-000101;03/02/2026 14:20;courriel;réclamation;Amel;Coupure d'eau;04/02/2026 09:00\n"
    ";03/02/2026 15:00;téléphone;demande;Karim;Permis de bâtir;\n"
    ";03/02/2026 15:00;téléphone;demande;Karim;Permis de bâtir;\n"  # the same request twice
    ";05/02/2026;guichet;renseignement;;Horaires;\n"
)


def count(db: Database, model: type) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def snapshot(db: Database) -> tuple[int, int, int]:
    return count(db, CitizenRequest), count(db, RequestEvent), count(db, AuditEntry)


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "registre.csv"
    path.write_text(REGISTER, encoding="utf-8")
    return path


def test_c2_1_a_register_plan_writes_nothing_and_counts_what_its_commit_would_do(
    db: Database, admin: Actor, register: Path
) -> None:
    before = snapshot(db)
    plan = plan_register(db, admin, register, now=NOW)
    assert snapshot(db) == before
    assert plan.counts == PlanCounts(new=3, duplicates=1, invalid=0)
    assert [r.row for r in plan.rows] == [1, 2, 3, 4]
    assert [(w.row, w.column) for w in plan.warnings] == [(4, "received_at")]  # no time
    assert plan.result(skip_invalid=False).as_json()["imported"] == 3


def test_c2_1_committing_a_register_plan_writes_exactly_the_planned_rows_audited(
    db: Database, admin: Actor, register: Path
) -> None:
    plan = plan_register(db, admin, register, now=NOW)
    _, events, audits = snapshot(db)
    result = commit_register_plan(db, admin, plan, now=NOW)
    assert (result.imported, result.skipped_duplicates) == (3, 1)
    assert count(db, CitizenRequest) == plan.counts.new
    assert count(db, RequestEvent) == events + 3 + 1  # imported ×3, the first response
    assert count(db, AuditEntry) == audits + 1
    again = commit_register_plan(db, admin, plan, now=NOW)  # duplicates re-checked in the commit
    assert (again.imported, again.skipped_duplicates) == (0, 4)
    assert count(db, CitizenRequest) == 3


def test_c2_1_the_register_is_read_once_the_commit_never_reads_it_again(
    db: Database, admin: Actor, register: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[Path] = []
    real = requests_file.read_table
    monkeypatch.setattr(
        requests_file, "read_table", lambda path, fields: reads.append(path) or real(path, fields)
    )
    plan = plan_register(db, admin, register, now=NOW)
    register.write_text(REGISTER.splitlines()[0] + "\n", encoding="utf-8")  # emptied meanwhile
    result = commit_register_plan(db, admin, plan, now=NOW)
    assert reads == [register]
    assert result.imported == 3 and count(db, CitizenRequest) == 3


def test_c2_1_an_invalid_plan_commits_nothing_unless_told_to_skip_the_invalid_rows(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "registre.csv"
    path.write_text(REGISTER + ";06/02/2026 10:00;pigeon;demande;;Acte;\n", encoding="utf-8")
    plan = plan_register(db, admin, path, now=NOW)
    assert plan.counts.invalid == 1 and plan.result(skip_invalid=False).imported == 0
    before = snapshot(db)
    refused = commit_register_plan(db, admin, plan, now=NOW)
    assert refused.imported == 0 and [e.column for e in refused.errors] == ["channel"]
    assert snapshot(db) == before
    assert commit_register_plan(db, admin, plan, skip_invalid=True, now=NOW).imported == 3


def test_c2_1_only_request_editors_plan_or_commit_a_register(
    db: Database, admin: Actor, actor_of, register: Path
) -> None:
    director = actor_of(Role.DIRECTOR)
    with pytest.raises(PermissionDenied):
        plan_register(db, director, register, now=NOW)
    plan = plan_register(db, admin, register, now=NOW)
    with pytest.raises(PermissionDenied):
        commit_register_plan(db, director, plan, now=NOW)
    assert count(db, CitizenRequest) == 0


# -- call records (C8.4) ----------------------------------------------------------------------
MASTER = Path(__file__).parent / "data" / "Master.csv"
CALL = (
    '"","98765432","71563500","from-trunk","""A"" <98765432>","SIP/t-1","SIP/201-2","Dial",'
    '"SIP/201,30","2026-03-02 08:15:03","2026-03-02 08:15:11","2026-03-02 08:17:40",157,149,'
    '"ANSWERED","DOCUMENTATION"'
)
MISSED = CALL.replace("SIP/t-1", "SIP/t-9").replace("08:15:03", "09:15:03")
MISSED = MISSED.replace('"ANSWERED"', '"NO ANSWER"').replace('"2026-03-02 08:15:11"', "")


def calls_and_audit(db: Database) -> tuple[int, int]:
    return count(db, CallRecord), count(db, AuditEntry)


def test_c8_4_a_call_records_plan_writes_nothing_and_its_commit_writes_exactly_it(
    db: Database, admin: Actor
) -> None:
    make_lines(db)
    before = calls_and_audit(db)
    plan = plan_cdr(db, admin, MASTER)
    assert calls_and_audit(db) == before
    assert plan.counts.new == len(plan.rows) == plan.report.result.imported == 12
    report = commit_call_records_plan(db, admin, plan)
    assert report.result.imported == 12 and not report.dry_run
    assert report.directions == plan.report.directions
    assert calls_and_audit(db) == (before[0] + 12, before[1] + 1)
    with db.read() as s:
        assert s.scalar(select(func.count()).where(CallRecord.imported_at.is_(None))) == 0
    again = commit_call_records_plan(db, admin, plan)  # stored meanwhile: skipped, not doubled
    assert again.result.imported == 0 and count(db, CallRecord) == 12


def test_c8_4_the_call_records_dry_run_opens_no_write_transaction_to_roll_back(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_lines(db)

    def no_write(**_: object) -> None:
        raise AssertionError("a dry run must not open a write transaction")

    monkeypatch.setattr(db, "write", no_write)
    report = import_cdr(db, admin, MASTER, dry_run=True)
    assert report.dry_run and report.result.imported == 12


def test_c8_4_the_call_records_are_read_once_for_preview_and_import(
    db: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_lines(db)
    path = tmp_path / "Master.csv"
    path.write_text(CALL + "\n" + MISSED + "\n", encoding="utf-8")
    reads: list[Path] = []
    real = cdr.iter_cdr
    monkeypatch.setattr(cdr, "iter_cdr", lambda p, utc=False: reads.append(p) or real(p, utc))
    plan = plan_cdr(db, admin, path)
    path.write_text("", encoding="utf-8")  # emptied meanwhile: the commit does not read it
    report = commit_call_records_plan(db, admin, plan)
    assert reads == [path] and report.result.imported == 2


def test_c8_4_sixteen_column_calls_without_uniqueid_are_each_imported(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    """Two calls of a 16-column file (no uniqueid): both are calls, not one call's tangle
    (a missing uniqueid once counted as the same "None" identifier for every call)."""
    make_lines(db)
    path = tmp_path / "Master.csv"
    path.write_text(CALL + "\n" + MISSED + "\n", encoding="utf-8")
    report = import_cdr(db, admin, path)
    assert (report.result.imported, report.result.skipped_duplicates) == (2, 0)
    assert count(db, CallRecord) == 2


def test_c8_4_a_call_records_plan_with_a_bad_line_is_refused_whole(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    make_lines(db)
    path = tmp_path / "Master.csv"
    path.write_text(CALL + "\n" + MISSED.replace(",157,", ",abc,") + "\n", encoding="utf-8")
    plan = plan_cdr(db, admin, path)
    assert [(e.row, e.column) for e in plan.errors] == [(2, "duration")]
    assert plan.rows == [] and plan.counts.invalid == 1
    with pytest.raises(UserError, match="line 2"):
        commit_call_records_plan(db, admin, plan)
    assert count(db, CallRecord) == 0


def test_c8_4_only_importers_of_calls_plan_or_commit(db: Database, admin: Actor, actor_of) -> None:
    make_lines(db)
    plan = plan_cdr(db, admin, MASTER)
    viewer = actor_of(Role.HR)
    with pytest.raises(PermissionDenied):
        plan_cdr(db, viewer, MASTER)
    with pytest.raises(PermissionDenied):
        commit_call_records_plan(db, viewer, plan)
    assert count(db, CallRecord) == 0


# -- the lines directory (C8.1) --------------------------------------------------------------
DIRECTORY = (
    "Numéro;Type;Libellé\n"
    "71 563 500;standard;Accueil\n"
    "80 100 321;numéro vert;Réclamations\n"
    "71 563 500;standard;Accueil bis\n"  # the same number: one line
)


def test_c8_1_a_directory_plan_writes_nothing_and_its_commit_writes_exactly_it_read_once(
    db: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "annuaire.csv"
    path.write_text(DIRECTORY, encoding="utf-8")
    reads: list[Path] = []
    real = lines_file.read_table
    monkeypatch.setattr(
        lines_file, "read_table", lambda p, fields: reads.append(p) or real(p, fields)
    )
    before = count(db, PhoneLine), count(db, AuditEntry)
    plan = lines_file.plan_lines(db, admin, path)
    assert (count(db, PhoneLine), count(db, AuditEntry)) == before
    assert plan.counts == PlanCounts(new=2, duplicates=1, invalid=0)
    path.write_text("Numéro\n", encoding="utf-8")  # emptied meanwhile: not read again
    result = commit_lines_plan(db, admin, plan)
    assert reads == [path]
    assert (result.imported, result.skipped_duplicates) == (2, 1)
    assert (count(db, PhoneLine), count(db, AuditEntry)) == (before[0] + 2, before[1] + 1)


# -- saved messages (C2.1): the dry run is a plan too ----------------------------------------
def test_c2_1_the_mail_import_dry_run_opens_no_write_transaction(
    db: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.exchange.mail.files import import_messages

    path = tmp_path / "saved.mbox"
    path.write_bytes(mbox(message(message_id="<a@x.tn>"), message(message_id="<b@x.tn>")))

    def no_write(**_: object) -> None:
        raise AssertionError("a dry run must not open a write transaction")

    with monkeypatch.context() as patched:
        patched.setattr(db, "write", no_write)
        dry = import_messages(db, admin, path, dry_run=True)
    assert dry.imported == 2 and count(db, CitizenRequest) == 0
    assert import_messages(db, admin, path).imported == 2


# -- a plan leaves no rights check pending (issue 16 point 2) --------------------------------
def test_c2_1_a_refused_mail_dry_run_leaves_no_rights_check_pending(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    """The plan returned at the refused message, before any transaction: the check require()
    left would have fired in the thread's next transaction, on whatever database."""
    from desktop_app.exchange.mail.files import import_messages
    from desktop_app.services import permissions

    path = tmp_path / "mixed.mbox"
    path.write_bytes(
        mbox(message(message_id="<g@x.tn>"), message(message_id="<b@x.tn>", date=None))
    )
    dry = import_messages(db, admin, path, dry_run=True)
    assert dry.imported == 0 and len(dry.errors) == 1
    assert permissions._pending.get() is None


@pytest.mark.parametrize("importer", ["cdr", "register", "lines"])
def test_c2_1_c8_1_c8_4_an_unreadable_file_leaves_no_rights_check_pending(
    db: Database, admin: Actor, tmp_path: Path, importer: str
) -> None:
    from desktop_app.services import permissions

    missing = tmp_path / "gone.csv"  # refused after require(), before any transaction
    with pytest.raises(UserError):
        if importer == "cdr":
            plan_cdr(db, admin, missing)
        elif importer == "register":
            plan_register(db, admin, missing, now=NOW)
        else:
            lines_file.plan_lines(db, admin, missing)
    assert permissions._pending.get() is None


@pytest.mark.parametrize("importer", ["cdr", "register", "lines", "mail"])
def test_c2_1_c8_1_c8_4_a_commit_refused_before_its_transaction_leaves_no_check_pending(
    db: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, importer: str
) -> None:
    """The write lock not had in time (a long import elsewhere): no transaction began, so none
    confirmed the rights require() left for it."""
    from desktop_app.exchange.mail.files import import_messages
    from desktop_app.services import permissions
    from desktop_app.services.database import DatabaseBusyError

    make_lines(db)
    registre = tmp_path / "registre.csv"
    registre.write_text(REGISTER, encoding="utf-8")
    directory = tmp_path / "annuaire.csv"
    directory.write_text(DIRECTORY, encoding="utf-8")
    saved = tmp_path / "saved.mbox"
    saved.write_bytes(mbox(message(message_id="<a@x.tn>")))
    plans = {
        "cdr": lambda: plan_cdr(db, admin, MASTER),
        "register": lambda: plan_register(db, admin, registre, now=NOW),
        "lines": lambda: lines_file.plan_lines(db, admin, directory),
    }
    plan = plans[importer]() if importer != "mail" else None

    def busy(**_: object) -> None:
        raise DatabaseBusyError("istiqbal.db")

    monkeypatch.setattr(db, "write", busy)
    with pytest.raises(DatabaseBusyError):
        if importer == "cdr":
            commit_call_records_plan(db, admin, plan)  # type: ignore[arg-type]
        elif importer == "register":
            commit_register_plan(db, admin, plan, now=NOW)  # type: ignore[arg-type]
        elif importer == "lines":
            commit_lines_plan(db, admin, plan)  # type: ignore[arg-type]
        else:
            import_messages(db, admin, saved)
    assert permissions._pending.get() is None
