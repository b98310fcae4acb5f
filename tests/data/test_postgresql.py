"""The same schema and rules on PostgreSQL, for PCs sharing one server (skipped without one)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from desktop_app.config import resolve_database
from desktop_app.data.db import Database
from desktop_app.data.schema import current_revision, head_revision
from desktop_app.services import auth, settings
from desktop_app.services.database import open_database

URL = os.environ.get("ISTIQBAL_TEST_POSTGRES_URL", "")
pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.skipif(not URL, reason="set ISTIQBAL_TEST_POSTGRES_URL to a scratch database"),
]


@pytest.fixture
def pg() -> Iterator[Database]:
    scratch = create_engine(URL)
    with scratch.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    scratch.dispose()
    db = open_database(resolve_database(URL))
    yield db
    db.dispose()


def test_schema_migrates_to_head_on_postgresql(pg: Database) -> None:
    assert current_revision(pg.engine) == head_revision()


def test_users_settings_and_audit_work_on_postgresql(pg: Database) -> None:
    admin = auth.create_first_admin(pg, "admin", "Admin", "correct horse battery").actor()
    settings.update(pg, admin, {"deadline_hours": 24})
    assert settings.get(pg, "deadline_hours") == 24
    assert auth.login(pg, "admin", "correct horse battery").username == "admin"


def test_audit_log_is_append_only_on_postgresql(pg: Database) -> None:
    admin = auth.create_first_admin(pg, "admin", "Admin", "correct horse battery").actor()
    settings.update(pg, admin, {"deadline_hours": 24})
    with pytest.raises(DBAPIError, match="append-only"), pg.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET action = 'forged'"))
    with pytest.raises(DBAPIError, match="append-only"), pg.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log"))


def test_register_search_on_postgresql_is_literal_and_uses_the_trigram_indexes(
    pg: Database,
) -> None:
    """C2.3 on PostgreSQL: each word an ILIKE with % and _ taken literally (issue 4), served by
    the trigram GIN indexes of 0007_requests_sort."""
    from desktop_app.services import requests
    from desktop_app.services.requests import RequestFilter

    admin = auth.create_first_admin(pg, "admin", "Admin", "correct horse battery").actor()
    for subject in ("Remise de 100% des pénalités", "Remise de 1000 dinars", "Fuite d'eau_rue"):
        requests.create_request(pg, admin, channel="web", type="request", subject=subject,
                                citizen="Élodie Ben Ammar")  # fmt: skip

    def found(words: str) -> list[str]:
        return sorted(r.subject for r in requests.list_page(pg, admin, RequestFilter(text=words)))

    assert found("100%") == ["Remise de 100% des pénalités"]
    assert found("eau_rue") == ["Fuite d'eau_rue"]
    assert found("d_eau") == []  # _ is not "any character"
    assert len(found("remise")) == 2 and found("élodie remise") == found("remise")
    with pg.engine.connect() as conn:
        names = set(
            conn.scalars(text("SELECT indexname FROM pg_indexes WHERE tablename = 'requests'"))
        )
        assert {"ix_requests_subject_trgm", "ix_requests_body_trgm",
                "ix_requests_citizen_trgm"} <= names  # fmt: skip
        conn.execute(text(
            "INSERT INTO requests (reference, received_at, channel, type, citizen, contact,"
            " subject, body, status, deadline_at, created_at, version)"
            " SELECT 'X-' || n, now(), 'web', 'request', '', '', 'Sujet ' || md5(n::text), '',"
            " 'new', now(), now(), 1 FROM generate_series(1, 20000) AS n"))  # fmt: skip
        conn.execute(text("ANALYZE requests"))
        conn.execute(text("SET enable_seqscan = off"))
        plan = " ".join(conn.scalars(text(
            "EXPLAIN SELECT id FROM requests WHERE body ILIKE '%remise%'")))  # fmt: skip
        assert "ix_requests_body_trgm" in plan  # the text has no other index


def test_call_traffic_counted_in_sql_equals_the_per_call_count_on_postgresql(
    pg: Database,
) -> None:
    """Issue 7 on PostgreSQL: hour buckets read in UTC whatever the session's time zone, the
    same figures as the call-by-call count (C8.4)."""
    from desktop_app.services import kpis, office_hours, traffic
    from desktop_app.services.periods import parse_period
    from tests.services.test_traffic_aggregated import (
        CDR_IDS,
        PERIODS,
        fill,
        new_traffic,
        reference_cdr,
        reference_traffic,
    )

    admin = auth.create_first_admin(pg, "admin", "Admin", "correct horse battery").actor()
    fill(pg)
    for text_ in PERIODS:
        period = parse_period(text_)
        with pg.read() as s:
            s.execute(text("SET TIME ZONE 'America/New_York'"))  # not the server's, not UTC
            table = office_hours.load(s)
            grouped = traffic._aggregated(s, period.start, period.end, None, table)
            assert grouped is not None, text_
            assert grouped == traffic._per_call(s, period.start, period.end, None, table), text_
            assert new_traffic(s, period) == reference_traffic(s, period.start, period.end)
            expected = reference_cdr(s, period.start, period.end)
        assert kpis.compute(pg, admin, period, only=CDR_IDS) == expected, text_
