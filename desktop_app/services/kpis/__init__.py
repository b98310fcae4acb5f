"""The indicators of CONTRACTS.md §3: one registry, one function per id, grouped by area.

Each area module (requests.py, lines.py, calls.py, agents.py …) decorates its functions with
@indicator("<id>"); compute() runs them all inside one read-only unit of work. A ratio over zero
items is None (empty in the report), never 0; percentages are rounded to one decimal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import import_module
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.types import utcnow
from desktop_app.services import settings
from desktop_app.services.periods import Period, local_date
from desktop_app.services.permissions import Actor, Perm

# The contract's order: the KPIs sheet lists them so.
KPI_IDS: tuple[str, ...] = (
    "req_received", "req_assessable", "req_on_time", "req_on_time_pct", "req_notice",
    "req_first_response_median_h", "req_overdue_open_end", "req_closed", "req_complaints",
    "req_special_category", "req_email_received", "req_email_on_time_pct",
    "req_backdated", "req_notice_overdue_end",  # C2.1, issue 12
    "mail_addresses_ok_pct", "services_count", "services_links_ok_pct",
    "lines_active", "lines_checked_pct", "lines_working_pct",
    "lines_on_website_pct", "faults_reported", "faults_open_end", "fault_repair_mean_h",
    "evals_count", "evals_pickup_ok_pct", "evals_greeting_pct", "evals_named_body_pct",
    "evals_score_avg", "cdr_calls", "cdr_answered_pct", "cdr_ring_median_s", "cdr_peak_hour",
    "cdr_missed", "cdr_missed_reached_pct", "cdr_callback_median_min",
    "training_sessions", "training_person_hours", "agents_active", "agents_trained_pct",
    "agents_special_categories_pct",
)  # fmt: skip

# Area modules holding @indicator functions; each is imported by compute().
AREA_MODULES: tuple[str, ...] = ("requests", "calls", "lines", "agents", "services", "mail")


@dataclass(frozen=True)
class KpiContext:
    session: Session
    period: Period
    as_of: datetime
    settings: dict[str, Any]
    # Facts several indicators share (the period's requests, say), read once per computation —
    # or once per report, when the report hands the same cache to every computation and sheet.
    cache: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    def shared(self, key: str, load: Callable[[], Any]) -> Any:
        return shared_fact(self.cache, key, self.period, self.as_of, load)

    @property
    def start(self) -> datetime:
        return self.period.start

    @property
    def end(self) -> datetime:
        return self.period.end

    @property
    def at_end(self) -> datetime:
        """The instant the "at end" indicators (overdue open requests, open faults, active lines)
        look at: the end of P, or as_of while P is still running — a request is not overdue on
        31/12 before 31/12 has come. Past periods (end ≤ as_of) are unchanged."""
        return min(self.period.end, self.as_of)

    @property
    def at_end_day(self) -> date:
        """The local day of at_end for day-based facts (agents active at end)."""
        return min(self.period.last_day, local_date(self.as_of))


def shared_fact(cache: dict[Any, Any], key: str, period: Period, as_of: datetime,
                load: Callable[[], Any]) -> Any:  # fmt: skip
    """`load()` once per cache for this period and as_of (a cache may serve several periods)."""
    full = (key, period.start, period.end, as_of)
    if full not in cache:
        cache[full] = load()
    return cache[full]


Indicator = Callable[[KpiContext], float | int | None]
INDICATORS: dict[str, Indicator] = {}
# The decorated function keeps its own signature, so evals_count(ctx) stays an int to its callers.
_F = TypeVar("_F", bound=Indicator)


def indicator(kpi_id: str) -> Callable[[_F], _F]:
    if kpi_id not in KPI_IDS:
        raise ValueError(f"{kpi_id} is not an indicator of CONTRACTS.md §3")

    def register(fn: _F) -> _F:
        INDICATORS[kpi_id] = fn
        return fn

    return register


def pct(numerator: int, denominator: int) -> float | None:
    """100 × n / d with one decimal; None over zero items (the contract: empty, not 0)."""
    if denominator == 0:
        return None
    return round(100.0 * numerator / denominator, 1)


def median(values: list[float]) -> float | None:
    """The mean of the two middle values for an even count (the contract's definition)."""
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2


def _load_areas() -> None:
    for name in AREA_MODULES:
        import_module(f"desktop_app.services.kpis.{name}")


def compute_in(session: Session, period: Period, as_of: datetime | None = None,
               only: tuple[str, ...] | None = None,
               cache: dict[Any, Any] | None = None) -> dict[str, float | int | None]:  # fmt: skip
    """Every indicator (or `only` these) for the period; ids without an implementation are None.

    `cache`: facts read once for the whole unit of work (the report shares it with its sheets).
    """
    _load_areas()
    ctx = KpiContext(session, period, as_of or utcnow(), settings.load_all(session),
                     {} if cache is None else cache)  # fmt: skip
    values: dict[str, float | int | None] = {}
    for kpi_id in only or KPI_IDS:
        fn = INDICATORS.get(kpi_id)
        values[kpi_id] = fn(ctx) if fn is not None else None
    return values


def compute(db: Database, actor: Actor, period: Period, as_of: datetime | None = None,
            only: tuple[str, ...] | None = None) -> dict[str, float | int | None]:  # fmt: skip
    actor.require(Perm.READ_ALL)
    with db.read() as s:
        return compute_in(s, period, as_of, only)
