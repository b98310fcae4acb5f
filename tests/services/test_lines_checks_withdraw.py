"""Issue 12: line checks keep their seconds, and a mistaken check can be withdrawn (C8.1)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from desktop_app.data.db import Database
from desktop_app.data.models import AuditEntry, LineCheck
from desktop_app.data.types import utcnow
from desktop_app.services import lines
from desktop_app.services.errors import UserError
from desktop_app.services.lines import LineInput
from desktop_app.services.permissions import Actor, Role


def _line(db: Database, admin: Actor) -> lines.LineRow:
    return lines.create_line(db, admin, LineInput(number="71 563 500", kind="switchboard"))


def test_c8_1_a_check_keeps_its_seconds(db: Database, admin: Actor) -> None:
    line = _line(db, admin)
    at = datetime(2026, 3, 2, 9, 15, 42, tzinfo=UTC)
    lines.record_check(db, admin, line.id, "answered", at=at)
    [check] = lines.checks_page(db, admin, line.id)
    assert check.at == at and check.at.second == 42


def test_c8_1_a_mistaken_check_is_withdrawn_by_its_author_within_a_day(
    db: Database, admin: Actor, actor_of
) -> None:
    line = _line(db, admin)
    earlier = utcnow() - timedelta(hours=3)
    lines.record_check(db, admin, line.id, "answered", at=earlier)
    lines.record_check(db, admin, line.id, "no_answer")
    mistaken = lines.withdrawable_check(db, admin, line.id)
    assert mistaken is not None and mistaken.result == "no_answer"
    supervisor = actor_of(Role.SUPERVISOR)
    with pytest.raises(UserError, match="Only the person"):
        lines.withdraw_check(db, supervisor, mistaken.id, "wrong line")
    with pytest.raises(UserError, match="why"):
        lines.withdraw_check(db, admin, mistaken.id, " ")
    with pytest.raises(UserError, match="within a day"):
        lines.withdraw_check(db, admin, mistaken.id, "wrong", now=utcnow() + timedelta(days=2))
    lines.withdraw_check(db, admin, mistaken.id, "Clicked the wrong result")
    [left] = lines.checks_page(db, admin, line.id)
    assert left.result == "answered"
    row = lines.get_line(db, admin, line.id)
    assert row.last_check_result == "answered" and row.last_checked_at == earlier
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "withdraw_check")).one()
        assert "no_answer" in entry.before_json and "Clicked the wrong" in entry.after_json
        assert s.scalar(select(LineCheck.id).where(LineCheck.id == mistaken.id)) is None
