"""Citizens' personal data (law 2004-63): the retention purge and the right of access."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    and_,
    func,
    insert,
    or_,
    select,
)

from desktop_app.data.db import Database
from desktop_app.data.models import CitizenRequest, RequestEvent, RequestPurge
from desktop_app.data.models.base import table_of
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import audit, callbacks, traces
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import UserError
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Actor, Perm
from desktop_app.services.requests.common import normalise_contact
from desktop_app.services.requests.lifecycle import get_request
from desktop_app.services.requests.rows import RequestDetail


# -- personal data (law 2004-63) -------------------------------------------------------------------
@dataclass(frozen=True)
class PurgePreview:
    cutoff: datetime
    count: int
    references: list[str] = field(default_factory=list)  # the first ones, to show


def _purge_cutoff(values: Mapping[str, Any], now: datetime) -> datetime:
    years = int(values.get("retention_years", 5))
    local = now.astimezone(TUNIS)
    try:
        cut = local.replace(year=local.year - years)
    except ValueError:  # 29 February
        cut = local.replace(year=local.year - years, day=28)
    return cut.astimezone(UTC)


def _purgeable(cutoff: datetime) -> Any:
    """Closed before the cut-off, or never closed and received before it (law 2004-63: a
    request left open is no reason to keep a citizen's data for ever)."""
    r = CitizenRequest
    return and_(
        r.purged_at.is_(None),
        or_(
            and_(r.closed_at.is_not(None), r.closed_at < cutoff),
            and_(r.closed_at.is_(None), r.received_at < cutoff),
        ),
    )


def _purge_order() -> Any:
    r = CitizenRequest
    return func.coalesce(r.closed_at, r.received_at)


def purge_preview(
    db: Database, actor: Actor, now: datetime | None = None, shown: int = 50
) -> PurgePreview:
    """What a purge would remove now: requests closed longer ago than the retention period,
    and requests never closed received longer ago than it."""
    actor.require(Perm.PURGE_PERSONAL_DATA)
    now = now or utcnow()
    with db.read() as s:
        cutoff = _purge_cutoff(settings_service.load_all(s), now)
        count = s.scalar(select(func.count(CitizenRequest.id)).where(_purgeable(cutoff))) or 0
        refs = list(
            s.scalars(
                select(CitizenRequest.reference)
                .where(_purgeable(cutoff))
                .order_by(_purge_order(), CitizenRequest.id)
                .limit(shown)
            )
        )
        return PurgePreview(cutoff, int(count), refs)


def purge(db: Database, actor: Actor, now: datetime | None = None) -> PurgePreview:
    """Remove citizens' names, contacts, texts and timeline notes; keep what the statistics need.

    The reference, dates, channel, type, category, subject line and deadline facts stay, so past
    reports still add up; a RequestPurge row and an audit entry record what was removed.
    """
    actor.require(Perm.PURGE_PERSONAL_DATA)
    now = now or utcnow()
    r = CitizenRequest
    requests_table, events_table = table_of(CitizenRequest), table_of(RequestEvent)
    with db.write() as s:
        traces.scrub_freed_space(s)  # issue 16 point 6: no readable trace in freed pages
        cutoff = _purge_cutoff(settings_service.load_all(s), now)
        targets = s.execute(
            select(r.id, r.reference).where(_purgeable(cutoff)).order_by(_purge_order(), r.id)
        ).all()
        ids = [i for i, _ in targets]
        refs = [ref for _, ref in targets]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            s.execute(
                requests_table.update()
                .where(requests_table.c.id.in_(chunk))
                .values(
                    citizen="",
                    contact="",
                    body="",
                    purged_at=now,
                    version=requests_table.c.version + 1,
                )
            )
            s.execute(
                events_table.update().where(events_table.c.request_id.in_(chunk)).values(text="")
            )
            s.execute(
                insert(events_table),
                [
                    {
                        "request_id": i,
                        "at": now,
                        "kind": "purged",
                        "username": actor.username,
                        "user_id": actor.user_id,
                        "text": "",
                        "recorded_at": now,
                    }
                    for i in chunk
                ],
            )
        s.add(
            RequestPurge(
                at=now,
                username=actor.username,
                cutoff=cutoff,
                count=len(ids),
                references_json=json.dumps(refs),
            )
        )
        if ids:
            traces.merge_search_index(s)  # the old FTS segments still held the words
        # Callers' numbers in the call records follow the same retention period (law 2004-63).
        numbers = callbacks.purge_numbers_in(s, cutoff)
        after = {"cutoff": cutoff, "count": len(ids), "call_numbers": numbers}
        audit.record(s, actor, "purge", "request", "", after=after)
    if ids or numbers:
        traces.checkpoint(db)  # the WAL's old page images held them too
    return PurgePreview(cutoff, len(ids), refs)


@dataclass(frozen=True)
class PurgeRecord:
    at: datetime
    username: str
    cutoff: datetime
    count: int
    references: list[str]


def purge_history(db: Database, actor: Actor) -> list[PurgeRecord]:
    actor.require(Perm.PURGE_PERSONAL_DATA)
    with db.read() as s:
        return [
            PurgeRecord(p.at, p.username, p.cutoff, p.count, json.loads(p.references_json))
            for p in s.scalars(select(RequestPurge).order_by(RequestPurge.at.desc()))
        ]


@dataclass(frozen=True)
class CitizenData:
    """Everything held about one citizen: the right of access of law 2004-63."""

    query: str
    requests: list[RequestDetail]


def fold_name(name: str) -> str:
    """A name compared case- and accent-insensitively: "Élodie" and "élodie", "ELODIE" match.

    SQLite's lower() folds ASCII only, so names are compared here, in Python."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(kept.split())


def query_fingerprint(query: str, key: bytes) -> str:
    """What the audit trail keeps of a right-of-access query: an HMAC under this database's own
    key (services/traces.py), never the name/contact, and no plain hash a dictionary reverses."""
    return traces.keyed_hash(key, fold_name(query))


fingerprint_key = traces.fingerprint_key


def citizen_data(
    db: Database, actor: Actor, query: str, now: datetime | None = None
) -> CitizenData:
    """Requests whose contact equals the given e-mail/phone, or whose citizen name equals it
    (ignoring case, accents and extra spaces). The audit trail records that an export was made,
    by whom, how many requests, and a fingerprint of the query — not the personal data."""
    actor.require(Perm.EXPORT_CITIZEN_DATA)
    wanted = query.strip()
    if not wanted:
        raise UserError(translate("requests", "Give the citizen's name, e-mail or telephone."))
    try:
        contact = normalise_contact(wanted)
    except UserError:
        contact = ""
    r = CitizenRequest
    folded = fold_name(wanted)
    with db.read() as s:
        ids: list[int] = []
        # Names are folded in Python (SQLite's lower() is ASCII only); only ids and names are
        # read, in one pass, and purged requests have no name left to match.
        for id_, citizen, contact_ in s.execute(
            select(r.id, r.citizen, r.contact)
            .where(r.purged_at.is_(None))
            .order_by(r.received_at, r.id)
        ):
            if (contact and contact_ == contact) or (citizen and fold_name(citizen) == folded):
                ids.append(id_)
    details = [get_request(db, actor, i, now) for i in ids]
    with db.write() as s:
        audit.record(
            s,
            actor,
            "export",
            "citizen_data",
            "",
            after={
                "query_hmac": query_fingerprint(wanted, traces.fingerprint_key(s)),
                "by": "contact" if contact else "name",
                "requests": len(ids),
            },
        )
    return CitizenData(wanted, details)
