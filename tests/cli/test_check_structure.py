"""Issue 16 point 9: `check` sees a dropped audit trigger, a missing index and an audit row
inserted by hand, each as one sentence with exit 1."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.config import DatabaseLocation
from desktop_app.data.audit_chain import SELECT_CHAIN, first_broken
from desktop_app.data.db import Database
from desktop_app.services.permissions import Actor


@pytest.fixture
def sound_db(db: Database, location: DatabaseLocation, admin: Actor) -> Path:
    from desktop_app.services import requests

    requests.create_request(db, admin, channel="email", type="request", subject="chained")
    assert location.path is not None
    return location.path


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--db", str(path), "check"])
    captured = capsys.readouterr()
    return code, captured.err


def test_every_audit_row_written_by_istiqbal_is_chained(sound_db: Path) -> None:
    with sqlite3.connect(sound_db) as conn:
        rows = conn.execute(SELECT_CHAIN).fetchall()
    assert len(rows) >= 2 and all(r[-1] for r in rows)
    assert first_broken(rows) is None


def test_issue16_an_audit_row_inserted_by_hand_is_named_by_check(
    sound_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _check(sound_db, capsys) == (0, "")
    with sqlite3.connect(sound_db) as conn:
        conn.execute(
            "INSERT INTO audit_log (at, username, action, entity, entity_id) "
            "VALUES ('2026-01-01 00:00:00', 'admin', 'delete', 'request', '1')"
        )
        forged = conn.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    code, err = _check(sound_db, capsys)
    assert code == 1
    assert err.strip().splitlines() == [
        f"The database {sound_db} is damaged: audit entry {forged} does not follow from the "
        "entries before it: the audit trail was added to or changed outside Istiqbal"
    ]


@pytest.mark.parametrize(
    ("statement", "name"),
    [("DROP TRIGGER audit_log_no_update", "audit_log_no_update"),
     ("DROP TRIGGER requests_fts_insert", "requests_fts_insert"),
     ("DROP INDEX ix_audit_log_at", "ix_audit_log_at")],
)  # fmt: skip
def test_issue16_a_dropped_trigger_or_index_is_named_by_check(
    sound_db: Path, capsys: pytest.CaptureFixture[str], statement: str, name: str
) -> None:
    with sqlite3.connect(sound_db) as conn:
        conn.execute(statement)
    code, err = _check(sound_db, capsys)
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and name in err and "damaged" in err
