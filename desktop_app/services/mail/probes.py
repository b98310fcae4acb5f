"""Proof that every published address receives mail (C2.1 «التثبت من اشتغال جميع عناوين البريد
الإلكتروني المنشورة»): probes sent and found, the addresses not proven in 30 days or failing,
and mail_addresses_ok_pct (CONTRACTS §3)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import Mailbox, MailProbe
from desktop_app.data.types import utcnow
from desktop_app.services import audit
from desktop_app.services.permissions import Actor, Perm

PROVEN_FOR = timedelta(days=30)


def new_token() -> str:
    return secrets.token_hex(16)


def record_sent(db: Database, actor: Actor, mailbox_id: int, address: str, token: str,
                at: datetime) -> int:  # fmt: skip
    actor.require(Perm.EDIT_REQUESTS)
    with db.write() as s:
        row = MailProbe(mailbox_id=mailbox_id, address=address, token=token, sent_at=at)
        s.add(row)
        s.flush()
        audit.record(s, actor, "check", "mail_probe", row.id, after={"address": address})
        return row.id


def record_result(
    db: Database, probe_id: int, *, arrived_at: datetime | None, error: str = ""
) -> None:
    with db.write() as s:
        row = s.get(MailProbe, probe_id)
        if row is None:
            return
        if arrived_at is not None:
            row.arrived_at, row.status, row.error = arrived_at, "arrived", ""
        elif row.arrived_at is None:
            row.status, row.error = "failed", error[:2000]


@dataclass(frozen=True)
class AddressProof:
    address: str
    published_on: tuple[str, ...]
    last_probe_at: datetime | None
    ok: bool  # the latest probe arrived
    proven: bool  # ... and within the last 30 days
    error: str


def published_mailboxes(session: Session) -> list[Mailbox]:
    """Active mailboxes published somewhere (website, letters, posters)."""
    return [m for m in session.scalars(select(Mailbox).where(Mailbox.active)) if m.published_on]


def _latest(session: Session, address: str, before: datetime) -> MailProbe | None:
    return session.scalar(
        select(MailProbe)
        .where(MailProbe.address == address, MailProbe.sent_at < before)
        .order_by(MailProbe.sent_at.desc(), MailProbe.id.desc())
        .limit(1)
    )


def proofs(db: Database, actor: Actor, now: datetime | None = None) -> list[AddressProof]:
    """Each published address with its latest probe; for Settings and the dashboard."""
    if not actor.can(Perm.EDIT_REQUESTS):
        actor.require(Perm.READ_ALL)
    now = now or utcnow()
    with db.read() as s:
        out = []
        for m in published_mailboxes(s):
            p = _latest(s, m.address, now + timedelta(seconds=1))
            ok = p is not None and p.status == "arrived"
            out.append(AddressProof(
                m.address, tuple(m.published_on.split(",")), p.sent_at if p else None, ok,
                ok and p is not None and p.sent_at >= now - PROVEN_FOR, p.error if p else "",
            ))  # fmt: skip
        return out


def unproven(db: Database, actor: Actor, now: datetime | None = None) -> list[AddressProof]:
    """The dashboard's list: published addresses not proven in 30 days, or failing."""
    return [p for p in proofs(db, actor, now) if not p.proven]


def proven_addresses(session: Session, now: datetime) -> list[str]:
    """Published addresses whose latest probe arrived within the last 30 days (C2.1)."""
    out = []
    for m in published_mailboxes(session):
        p = _latest(session, m.address, now + timedelta(seconds=1))
        if p is not None and p.status == "arrived" and p.sent_at >= now - PROVEN_FOR:
            out.append(m.address)
    return out


def addresses_ok_pct(session: Session, end: datetime) -> tuple[int, int]:
    """(addresses whose latest probe before end arrived, published addresses)."""
    published = published_mailboxes(session)
    ok = 0
    for m in published:
        p = _latest(session, m.address, end)
        ok += p is not None and p.status == "arrived" and (p.arrived_at or end) <= end
    return ok, len(published)
