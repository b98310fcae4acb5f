"""Periods of CONTRACTS.md §1, cut at local midnights in Africa/Tunis (C8.7's quarterly report)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop_app.services.errors import UserError
from desktop_app.services.kpis import median, pct
from desktop_app.services.periods import parse_period


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [("2026-Q3", date(2026, 7, 1), date(2026, 9, 30)), ("2026-02", date(2026, 2, 1),
     date(2026, 2, 28)), ("2024", date(2024, 1, 1), date(2024, 12, 31)),
     ("2026-07-01..2026-09-30", date(2026, 7, 1), date(2026, 9, 30))],
)  # fmt: skip
def test_every_period_form_of_the_contract_parses(text: str, first: date, last: date) -> None:
    period = parse_period(text)
    assert (period.first_day, period.last_day) == (first, last)


def test_boundaries_are_tunis_midnights() -> None:
    period = parse_period("2026-Q3")
    assert period.start == datetime(2026, 6, 30, 23, 0, tzinfo=UTC)  # UTC+1, no DST
    assert period.end == datetime(2026, 9, 30, 23, 0, tzinfo=UTC)
    assert period.contains(datetime(2026, 9, 30, 22, 59, tzinfo=UTC))  # 23:59 local, last day
    assert not period.contains(period.end)


@pytest.mark.parametrize(
    ("text", "previous"),
    [("2026-Q1", "2025-Q4"), ("2026-Q3", "2026-Q2"), ("2026-01", "2025-12"), ("2026", "2025"),
     ("2026-07-01..2026-07-10", "2026-06-21..2026-06-30")],
)  # fmt: skip
def test_previous_period_is_the_same_kind_just_before(text: str, previous: str) -> None:
    assert parse_period(text).previous().text == previous


@pytest.mark.parametrize("text", ["2026-Q5", "2026-13", "Q3", ""])
def test_bad_periods_get_a_clear_error(text: str) -> None:
    with pytest.raises(UserError, match="not a period"):
        parse_period(text)


def test_ratios_over_nothing_are_empty_and_medians_average_the_middle() -> None:
    assert pct(0, 0) is None
    assert pct(1, 3) == 33.3
    assert median([]) is None
    assert median([4, 1, 3, 2]) == 2.5
    assert median([5, 1, 3]) == 3


def test_a_range_given_backwards_says_the_dates_are_reversed_c8_7() -> None:
    """The window and the CLI both said "is not a period: write 2026-Q3…" (issue 14.9)."""
    with pytest.raises(UserError) as exc:
        parse_period("2026-09-30..2026-07-01")
    assert exc.value.message == (
        "The start date 30/09/2026 is after the end date 01/07/2026: the dates are reversed."
    )
