"""Issue 16 point 6 (law 2004-63): after the retention purge no readable trace of the citizen's
name or words is left in the database file, its WAL or the full-text index; the right-of-access
audit keeps a keyed hash that a dictionary of names cannot reverse."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select, text

from desktop_app.config import DatabaseLocation
from desktop_app.data.db import Database
from desktop_app.data.models import AuditEntry
from desktop_app.services import requests
from desktop_app.services.permissions import Actor
from tests.services.test_requests_service import new

NOW = datetime(2026, 3, 2, 10, tzinfo=UTC)
NAME = "Zoubeida Kchaou"
WORDS = "Quokkaphone marmelade"  # two words found nowhere else in the file


def file_bytes(location: DatabaseLocation) -> bytes:
    assert location.path is not None
    data = location.path.read_bytes()
    for suffix in ("-wal", "-journal"):
        extra = Path(f"{location.path}{suffix}")
        if extra.exists():
            data += extra.read_bytes()
    return data


def test_issue16_6_a_purge_leaves_no_trace_of_the_citizen_in_the_file(
    db: Database, admin: Actor, location: DatabaseLocation
) -> None:
    old = new(db, admin, citizen=NAME, contact="z.kchaou@gnet.tn", body=WORDS,
              received_at=NOW - timedelta(days=6 * 365), now=NOW)  # fmt: skip
    requests.respond(db, admin, old.id, "answer", f"Réponse à {NAME}", now=NOW,
                     at=NOW - timedelta(days=6 * 365 - 1),
                     late_reason="copied from the paper register")  # fmt: skip
    for i in range(30):  # other requests, so the index has several segments to merge
        new(db, admin, citizen=f"Citoyen {i}", body=f"texte {i}", now=NOW)
    before = file_bytes(location)
    assert NAME.encode() in before or b"Quokkaphone" in before  # the test sees the file
    assert requests.purge(db, admin, now=NOW).count == 1

    after = file_bytes(location)
    for trace in (NAME, "Zoubeida", "Kchaou", "kchaou", "zoubeida", "z.kchaou", "Quokkaphone",
                  "quokkaphone", "marmelade"):  # fmt: skip
        assert trace.encode() not in after, trace
    with db.read() as s:  # and the search no longer finds the request by those words
        hits = s.execute(
            text("SELECT rowid FROM requests_fts WHERE requests_fts MATCH 'kchaou OR marmelade'")
        ).all()
    assert hits == []
    assert requests.list_page(db, admin, requests.RequestFilter(text="Kchaou"), now=NOW) == []


def test_issue16_6_the_access_audit_keeps_a_keyed_hash_a_dictionary_cannot_match(
    db: Database, admin: Actor
) -> None:
    new(db, admin, citizen="Mohamed Ben Salah", contact="m.bensalah@gnet.tn")
    requests.citizen_data(db, admin, "Mohamed Ben Salah")
    with db.read() as s:
        [entry] = s.scalars(select(AuditEntry.after_json).where(AuditEntry.action == "export"))
    kept = json.loads(entry or "{}")["query_hmac"]
    dictionary = ["Mohamed Ben Salah", "mohamed ben salah", "Ali Trabelsi", "Amel Gharbi"]
    for name in dictionary:
        for folded in (name, requests.fold_name(name)):
            digest = hashlib.sha256(folded.encode()).hexdigest()
            assert not digest.startswith(kept[:16]) and kept not in digest
            guessed = hmac.new(b"", folded.encode(), hashlib.sha256).hexdigest()
            assert kept not in guessed
    with db.write() as s:  # the database's own key reproduces it (for an auditor with the file)
        key = requests.fingerprint_key(s)
    assert requests.query_fingerprint("mohamed  BEN salah", key) == kept
    assert requests.query_fingerprint("Mohamed Ben Salah", b"another key") != kept
