"""The call-quality demo step: it follows `demo --years`, leaves fax lines alone and writes the
importer's call key (C8.4, C8.7)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from desktop_app.data.db import Database
from desktop_app.data.models import CallRecord, CampaignCall, Evaluation, PhoneLine
from desktop_app.services import campaigns
from desktop_app.services.demo import DemoContext
from desktop_app.services.demo_calls import demo_calls_step
from desktop_app.services.permissions import Actor
from desktop_app.services.traffic import natural_key

NOW = datetime(2026, 6, 15, 10, 0, tzinfo=UTC)


@pytest.fixture
def two_years(db: Database, admin: Actor) -> int:
    """Two years of demo calls on the demo lines plus a fax line; returns the fax line's id."""
    with db.write() as s:
        s.add_all([
            PhoneLine(number="+21671740000", kind="switchboard", label="Standard"),
            PhoneLine(number="+21671740001", kind="fax", label="Fax"),
            PhoneLine(number="+21680100321", kind="green", label="Numéro vert"),
        ])  # fmt: skip
        s.flush()
        fax = s.scalar(select(PhoneLine.id).where(PhoneLine.kind == "fax"))
    demo_calls_step(DemoContext(db, admin, random.Random(3), 2, NOW))
    assert fax is not None
    return fax


@pytest.mark.slow
def test_demo_calls_follow_years_skip_the_fax_line_and_key_calls_like_the_importer(
    db: Database, two_years: int
) -> None:
    with db.read() as s:
        first_eval = s.scalar(select(func.min(Evaluation.at)))
        first_call = s.scalar(select(func.min(CallRecord.start)))
        assert first_eval is not None and first_call is not None
        assert first_eval < NOW - timedelta(days=600)
        assert first_call < NOW - timedelta(days=700)
        for column in (Evaluation.line_id, CallRecord.line_id, CampaignCall.line_id):
            on_fax = s.scalar(select(func.count()).where(column == two_years))
            assert on_fax == 0, column
        # The importer's call key (UTC start), so the same call in a Master.csv is recognised.
        rows = s.execute(
            select(CallRecord.natural_key, CallRecord.start, CallRecord.src, CallRecord.dst,
                   CallRecord.channel).limit(50)
        ).all()  # fmt: skip
    assert len(rows) == 50
    for key, start, src, dst, channel in rows:
        assert key == natural_key(start, src, dst, channel)


def test_a_campaign_leaves_out_fax_lines_unless_chosen_c8_7(db: Database, admin: Actor) -> None:
    from datetime import date

    with db.write() as s:
        lines = [PhoneLine(number="+21671740000", kind="switchboard"),
                 PhoneLine(number="+21671740001", kind="fax")]  # fmt: skip
        s.add_all(lines)
        s.flush()
        switchboard, fax = lines[0].id, lines[1].id
    first, last = date(2026, 3, 2), date(2026, 3, 6)
    every = campaigns.plan(db, admin, "Q1", first, last, 2, seed=1)
    chosen = campaigns.plan(db, admin, "Fax too", first, last, 1, [switchboard, fax], seed=1)
    with db.read() as s:

        def lines_of(campaign: int) -> set[int]:
            return set(s.scalars(select(CampaignCall.line_id)
                                 .where(CampaignCall.campaign_id == campaign)))  # fmt: skip

        assert lines_of(every) == {switchboard}
        assert lines_of(chosen) == {switchboard, fax}
