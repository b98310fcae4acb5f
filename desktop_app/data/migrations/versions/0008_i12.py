"""The legal deadline of C2.1 apart from the body's internal target; notices that say why; steps
entered after the fact.

C2.1 says «في أجل أقصاه 48 ساعة» (48 hours at most): `deadline_at` becomes received + 48 h for
every request, and what the clock in force gave (a working-hours clock, a shorter length) is kept
as `internal_deadline_at`, never later than the legal deadline. A notice records its reason, the
documents or bodies, the answer date announced and how the sender was told; `answered_at` is the
first answer (a notice is not one); `close_reason` says why a request ended; an event entered more
than 15 minutes after the time it is dated keeps the reason given. A deadline_hours setting above
48 (the old form accepted 720) is brought back to 48. C8.2 «حسن توجيه المتصلين وإرشادهم»: the
scorecard in use gains "directed the caller to the competent service" as a NEW version, so every
past evaluation keeps the version and the score it was given.

Revision ID: 0008_i12
Revises: 0007_requests_sort
Create Date: 2026-12-06
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from alembic import op

from desktop_app.data.types import UtcDateTime

revision = "0008_i12"
down_revision = "0008_i17"
branch_labels = None
depends_on = None

LEGAL = timedelta(hours=48)


def upgrade() -> None:
    with op.batch_alter_table("requests") as batch:
        batch.add_column(sa.Column("internal_deadline_at", UtcDateTime(), nullable=True))
        batch.add_column(sa.Column("answered_at", UtcDateTime(), nullable=True))
        batch.add_column(sa.Column("notice_reason", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("notice_detail", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("notice_answer_by", UtcDateTime(), nullable=True))
        batch.add_column(
            sa.Column("notice_told_via", sa.String(length=200), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("close_reason", sa.String(length=16), nullable=True))
    with op.batch_alter_table("request_events") as batch:
        batch.add_column(sa.Column("late_reason", sa.Text(), nullable=False, server_default=""))
    _recompute()
    _directed_criterion()


# C8.2: key, Arabic, French, weight, training topic, may be N/A (a caller who needed no directing).
_DIRECTED = ("directed", "حسن توجيه المتصل وإرشاده إلى المصلحة المختصة",
             "Oriente l'appelant vers le service compétent", 10, "reception", True)  # fmt: skip


def _directed_criterion() -> None:
    from datetime import UTC, datetime

    bind = op.get_bind()
    cards = sa.table("scorecards", sa.column("id", sa.Integer), sa.column("number", sa.Integer),
                     sa.column("note", sa.String), sa.column("created_at", UtcDateTime()),
                     sa.column("created_by", sa.String))  # fmt: skip
    criteria = sa.table(
        "scorecard_criteria", sa.column("scorecard_id", sa.Integer),
        sa.column("position", sa.Integer), sa.column("key", sa.String),
        sa.column("label_ar", sa.String), sa.column("label_fr", sa.String),
        sa.column("weight", sa.Integer), sa.column("training_topic", sa.String),
        sa.column("may_be_na", sa.Boolean),
    )  # fmt: skip
    latest = bind.execute(
        sa.select(cards.c.id, cards.c.number).order_by(cards.c.number.desc()).limit(1)
    ).first()
    if latest is None:
        return
    rows = bind.execute(
        sa.select(criteria.c.key, criteria.c.label_ar, criteria.c.label_fr, criteria.c.weight,
                  criteria.c.training_topic, criteria.c.may_be_na)
        .where(criteria.c.scorecard_id == latest.id).order_by(criteria.c.position)
    ).all()  # fmt: skip
    if any(r.key == _DIRECTED[0] for r in rows):
        return
    if bind.dialect.name == "postgresql":
        # 0005 seeded scorecard 1 with an explicit id, which left PostgreSQL's sequence at its
        # start: move it past the rows there, or this insert (and the editor's next) collides.
        bind.execute(sa.text("SELECT setval(pg_get_serial_sequence('scorecards', 'id'), "
                             "(SELECT MAX(id) FROM scorecards))"))  # fmt: skip
    new_id = bind.execute(
        cards.insert().values(number=latest.number + 1, note="C8.2 (issue 12)",
                              created_at=datetime.now(UTC), created_by="istiqbal")
        .returning(cards.c.id)
    ).scalar_one()  # fmt: skip
    keep = [tuple(r) for r in rows] + [_DIRECTED]
    bind.execute(criteria.insert(), [
        {"scorecard_id": new_id, "position": i, "key": k, "label_ar": ar, "label_fr": fr,
         "weight": w, "training_topic": t, "may_be_na": na}
        for i, (k, ar, fr, w, t, na) in enumerate(keep)
    ])  # fmt: skip


def _recompute() -> None:
    bind = op.get_bind()
    meta = sa.MetaData()
    requests = sa.Table(
        "requests",
        meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("received_at", UtcDateTime()),
        sa.Column("deadline_at", UtcDateTime()),
        sa.Column("internal_deadline_at", UtcDateTime()),
        sa.Column("answered_at", UtcDateTime()),
        sa.Column("status", sa.String(16)),
        sa.Column("first_response_at", UtcDateTime()),
        sa.Column("first_response_kind", sa.String(8)),
        sa.Column("closed_at", UtcDateTime()),
        sa.Column("close_reason", sa.String(16)),
    )
    events = sa.Table(
        "request_events",
        meta,
        sa.Column("request_id", sa.Integer),
        sa.Column("kind", sa.String(16)),
        sa.Column("at", UtcDateTime()),
    )
    answers = dict(
        bind.execute(
            sa.select(events.c.request_id, sa.func.min(events.c.at))
            .where(events.c.kind == "answer")
            .group_by(events.c.request_id)
        ).all()
    )
    stmt = (
        requests.update()
        .where(requests.c.id == sa.bindparam("rid"))
        .values(
            deadline_at=sa.bindparam("legal"),
            internal_deadline_at=sa.bindparam("internal"),
            answered_at=sa.bindparam("answered"),
            close_reason=sa.bindparam("reason"),
        )
    )
    last = 0
    while True:
        rows = bind.execute(
            sa.select(
                requests.c.id, requests.c.received_at, requests.c.deadline_at,
                requests.c.first_response_at, requests.c.first_response_kind,
                requests.c.closed_at,
            ).where(requests.c.id > last).order_by(requests.c.id).limit(5000)
        ).all()  # fmt: skip
        if not rows:
            break
        updates = []
        for rid, received, old, first, kind, closed in rows:
            legal = received + LEGAL
            answered = answers.get(rid)
            if answered is None and kind == "answer":
                answered = first  # an imported register row: its first response was the answer
            updates.append(
                {
                    "rid": rid,
                    "legal": legal,
                    "internal": min(old, legal),
                    "answered": answered,
                    "reason": "answered" if closed is not None else None,
                }
            )
        bind.execute(stmt, updates)
        last = rows[-1][0]
    settings = sa.table("settings", sa.column("key", sa.String), sa.column("value_json", sa.Text))
    current = bind.execute(
        sa.select(settings.c.value_json).where(settings.c.key == "deadline_hours")
    ).scalar()
    if current is not None and int(current) > 48:
        bind.execute(
            settings.update().where(settings.c.key == "deadline_hours").values(value_json="48")
        )


def downgrade() -> None:
    with op.batch_alter_table("request_events") as batch:
        batch.drop_column("late_reason")
    with op.batch_alter_table("requests") as batch:
        for column in (
            "close_reason", "notice_told_via", "notice_answer_by", "notice_detail",
            "notice_reason", "answered_at", "internal_deadline_at",
        ):  # fmt: skip
            batch.drop_column(column)
