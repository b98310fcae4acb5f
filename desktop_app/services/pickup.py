"""C8.2's «في أقل من خمس دقائق» (in less than five minutes): the one rule for "picked up in time".

Strictly less than the pickup setting, which may shorten the five minutes and never lengthen them
(a stored value above 300 s, from before the rule, is read as 300 s). The evaluations, their
indicator, the quality sheet and the traffic buckets all ask here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement

LEGAL_SECONDS = 300  # «أقل من خمس دقائق»


def limit(values: Mapping[str, Any]) -> int:
    """The pickup limit in force, in seconds: the setting, never above 300 s."""
    return min(int(values.get("pickup_seconds", LEGAL_SECONDS)), LEGAL_SECONDS)


def in_time(seconds: int | None, limit_seconds: int) -> bool:
    """Picked up in less than the limit; exactly the limit is too late («أقل من»)."""
    return seconds is not None and seconds < limit_seconds


def condition(column: Any, limit_seconds: int) -> ColumnElement[bool]:
    """The SQL twin of in_time()."""
    result: ColumnElement[bool] = column < limit_seconds
    return result


def ring_bounds(limit_seconds: int) -> tuple[int, ...]:
    """Time-to-answer buckets' upper bounds, the last being the pickup limit: every call of the
    buckets below it was picked up in time, and the open last bucket holds the late ones."""
    return (*(b for b in (10, 30, 60) if b < limit_seconds), limit_seconds)
