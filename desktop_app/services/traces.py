"""What personal data leaves behind once purged, and the audit's keyed hash (issue 16 point 6).

Blanking a citizen's name in `requests` is not enough under law 2004-63: the FTS5 index keeps the
old tokens in segments until they are merged, freed pages keep their bytes, and the WAL keeps
whole old page images until a checkpoint. A purge therefore runs with `secure_delete` (freed
space is zeroed), merges the index (`optimize`) and then checkpoints the WAL into the file.
The right-of-access audit stores an HMAC-SHA256 under a random per-database key kept in
`local_secrets`, so a dictionary of names hashed without the key matches nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import LocalSecret

AUDIT_KEY = "audit_fingerprint"


def fingerprint_key(session: Session) -> bytes:
    """This database's HMAC key, made on first use inside the caller's (write) unit of work."""
    value = session.scalar(select(LocalSecret.value).where(LocalSecret.name == AUDIT_KEY))
    if value is None:
        try:
            with session.begin_nested():  # two PCs making it at once: the first one wins
                session.add(LocalSecret(name=AUDIT_KEY, value=secrets.token_hex(32)))
        except IntegrityError:
            pass
        value = session.scalar(select(LocalSecret.value).where(LocalSecret.name == AUDIT_KEY))
    assert value is not None
    return bytes.fromhex(value)


def keyed_hash(key: bytes, folded: str) -> str:
    return hmac.new(key, folded.encode("utf-8"), hashlib.sha256).hexdigest()


def scrub_freed_space(session: Session) -> None:
    """Zero what the following statements free (SQLite); the flag stays on the connection,
    which only makes later deletes a little slower."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA secure_delete = ON"))


def merge_search_index(session: Session) -> None:
    """Rewrite the FTS5 index in one segment: the purged tokens' old segments are freed (and,
    with secure_delete, zeroed)."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("INSERT INTO requests_fts(requests_fts) VALUES ('optimize')"))


def checkpoint(db: Database) -> bool:
    """Copy the WAL into the file and empty it, so old page images holding the purged text go.
    False when another connection's open read kept it from completing (it completes later)."""
    if not db.is_sqlite:
        return True
    with db.engine.connect().execution_options(istiqbal_begin="") as conn:
        busy, _log, _done = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
    return not busy
