"""The home page's figures (C8.7): this quarter's indicators against targets and last quarter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desktop_app.data.db import Database
from desktop_app.data.types import utcnow
from desktop_app.services import settings as settings_service
from desktop_app.services.first_steps import without_data
from desktop_app.services.kpi_labels import labels
from desktop_app.services.kpi_status import LOWER_IS_BETTER, status, target_of
from desktop_app.services.kpis import KPI_IDS, compute_in
from desktop_app.services.periods import Period, local_date, quarter_of
from desktop_app.services.permissions import Actor, Perm

# Tiles are shown worst first, so what needs a decision is at the top left (top right in Arabic).
_RANK = {"bad": 0, "watch": 1, "good": 2, "none": 3, "unmeasured": 4, "no_data": 5}


@dataclass(frozen=True)
class KpiTile:
    id: str
    label: str
    value: float | int | None
    previous: float | int | None
    target: float | None
    state: str  # good, watch, bad, none (no target), unmeasured or no_data (nothing recorded)

    @property
    def change(self) -> float | None:
        if self.value is None or self.previous is None:
            return None
        return round(float(self.value) - float(self.previous), 1)

    @property
    def improved(self) -> bool | None:
        """Whether the change is for the better (lower is better for delays and backlogs)."""
        change = self.change
        if not change:
            return None
        return change < 0 if self.id in LOWER_IS_BETTER else change > 0


@dataclass(frozen=True)
class Dashboard:
    period: Period
    previous: Period
    tiles: list[KpiTile]
    settings: dict[str, Any]


def dashboard(db: Database, actor: Actor, today: date | None = None,
              as_of: datetime | None = None) -> Dashboard:  # fmt: skip
    """The current quarter so far, judged as of now, beside the whole previous quarter."""
    as_of = as_of or utcnow()
    return compare(db, actor, quarter_of(today or local_date(as_of)), as_of)


def compare(db: Database, actor: Actor, period: Period, as_of: datetime | None = None
            ) -> Dashboard:  # fmt: skip
    """Any period's indicators beside the previous one's (also the Reports page's preview)."""
    actor.require(Perm.READ_ALL)
    as_of = as_of or utcnow()
    with db.read() as s:
        values = settings_service.load_all(s)
        current = compute_in(s, period, as_of)
        previous = compute_in(s, period.previous(), as_of)
        empty = without_data(s, list(KPI_IDS))
    names = labels()
    tiles = [
        KpiTile(k, names.get(k, k), current.get(k), previous.get(k), target_of(values, k),
                "no_data" if k in empty and not current.get(k)
                else status(k, current.get(k), target_of(values, k)))
        for k in KPI_IDS
    ]  # fmt: skip
    tiles.sort(key=lambda t: _RANK[t.state])
    return Dashboard(period, period.previous(), tiles, values)
