"""The audit trail's hash chain: each row's hash covers the previous row's hash and its content.

The append-only triggers refuse UPDATE and DELETE, but an INSERT made by hand with sqlite3 (or a
dropped trigger) would go unseen; with the chain, `check` finds the first row that does not follow
from the ones before it (issue 16 point 9).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

# The columns a row's hash covers, in this order (not id: it is only known after the insert).
CONTENT = (
    "at", "user_id", "username", "action", "entity", "entity_id", "before_json", "after_json",
)  # fmt: skip
SELECT_CHAIN = f"SELECT id, {', '.join(CONTENT)}, row_hash FROM audit_log ORDER BY id"  # noqa: S608


def _at_text(value: Any) -> str:
    """The moment as UTC text, whether it comes as a datetime or as SQLite's stored text."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if not isinstance(moment, datetime):
        return str(moment)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")


def row_hash(previous: str | None, content: Sequence[Any]) -> str:
    """SHA-256 of the previous hash and the row's CONTENT values (canonical JSON)."""
    at, user_id, *rest = content
    values = [previous or "", _at_text(at), None if user_id is None else int(user_id), *rest]
    payload = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def first_broken(rows: Iterable[Sequence[Any]]) -> int | None:
    """The id of the first row (id, *CONTENT, row_hash) whose hash does not follow, else None."""
    previous: str | None = None
    for row in rows:
        row_id, content, stored = row[0], row[1:-1], row[-1]
        expected = row_hash(previous, content)
        if stored != expected:
            return int(row_id)
        previous = expected
    return None
