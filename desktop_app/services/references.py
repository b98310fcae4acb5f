"""Request references `YYYY-NNNNNN`: per-year counters that imported references cannot break.

Issue 16 point 3: the next number used to be the highest stored reference plus one, so an
imported `2026-999999` gave `2026-1000000`, which the six-digit query never saw again: every
later request collided. Numbers now come from `reference_counters` (one row per year, updated
under the write lock), and an imported reference of the generated pattern moves its year's
counter past it, so that re-importing a register keeps its references and new ones follow
them. Numbers past 999999 take a seventh digit: they never wrap and never collide.
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.data.models import CitizenRequest, ReferenceCounter
from desktop_app.services.periods import TUNIS

# The generated pattern, up to nine digits (what an integer counter and a person can read).
GENERATED = re.compile(r"^(\d{4})-(\d{6,9})$")


def format_reference(year: int, number: int) -> str:
    return f"{year:04d}-{number:06d}"


def _highest_stored(session: Session, year: int) -> int:
    """The highest number of the pattern already stored for `year` (a counter's first value)."""
    ref = CitizenRequest.reference
    highest = 0
    for digits in range(6, 10):
        last = session.scalar(
            select(func.max(ref)).where(
                ref.like(f"{year:04d}-" + "_" * digits), func.length(ref) == 5 + digits
            )
        )
        if last and last[5:].isdigit():
            highest = max(highest, int(last[5:]))
    return highest


def _counter(session: Session, year: int) -> ReferenceCounter:
    row = session.get(ReferenceCounter, year, with_for_update=True)
    if row is None:
        row = ReferenceCounter(year=year, last_number=_highest_stored(session, year))
        session.add(row)
    return row


def next_reference(session: Session, year: int) -> str:
    """Reserve the next reference of `year` in the caller's (write) transaction."""
    row = _counter(session, year)
    while True:
        row.last_number += 1
        reference = format_reference(year, row.last_number)
        taken = session.scalar(
            select(CitizenRequest.id).where(CitizenRequest.reference == reference)
        )
        if taken is None:
            session.flush([row])
            return reference


class ReferenceAllocator:
    """Hands out consecutive references per year within one transaction (imports, demo data).

    It moves the same counters as next_reference, so what it hands out is reserved for good.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.counters: dict[int, ReferenceCounter] = {}

    def _row(self, year: int) -> ReferenceCounter:
        if year not in self.counters:
            self.counters[year] = _counter(self.session, year)
        return self.counters[year]

    def take(self, received_at: datetime) -> str:
        year = received_at.astimezone(TUNIS).year
        row = self._row(year)
        row.last_number += 1
        return format_reference(year, row.last_number)

    def observe(self, reference: str) -> None:
        """A reference given in a file: generated ones continue after it, never under it."""
        found = GENERATED.match(reference)
        if found:
            row = self._row(int(found[1]))
            row.last_number = max(row.last_number, int(found[2]))
