"""The importers' one shape (issue 15 point 4): a plan writes nothing, its commit writes exactly
what it planned, and the file is read once (C2.1, C8.1, C8.4)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.data.db import Database
from desktop_app.data.models import AuditEntry, CitizenRequest, RequestEvent
from desktop_app.exchange import requests_file
from desktop_app.exchange.requests_file import plan_register
from desktop_app.services.errors import PermissionDenied
from desktop_app.services.imports import PlanCounts
from desktop_app.services.permissions import Actor, Role
from desktop_app.services.requests import commit_register_plan

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
