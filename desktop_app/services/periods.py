"""Reporting periods (CONTRACTS.md §1): 2026-Q3, 2026-07, 2026, or 2026-07-01..2026-09-30.

Boundaries are local midnights in Africa/Tunis; a period is the half-open [start, end).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from desktop_app.i18n import translate
from desktop_app.services.errors import UserError

TUNIS = ZoneInfo("Africa/Tunis")


def local_midnight(day: date) -> datetime:
    """The instant a local day starts, as aware UTC."""
    return datetime.combine(day, time(0), TUNIS).astimezone(UTC)


def local_date(moment: datetime) -> date:
    return moment.astimezone(TUNIS).date()


@dataclass(frozen=True)
class Period:
    first_day: date  # included
    last_day: date  # included
    kind: str  # "quarter", "month", "year" or "range"
    text: str  # as the user wrote it, normalised

    @property
    def start(self) -> datetime:
        return local_midnight(self.first_day)

    @property
    def end(self) -> datetime:
        return local_midnight(self.last_day + timedelta(days=1))

    def contains(self, moment: datetime) -> bool:
        return self.start <= moment < self.end

    def previous(self) -> Period:
        """The same kind just before: Q3 → Q2, July → June, a range → as long before."""
        if self.kind == "quarter":
            q = (self.first_day.month - 1) // 3 + 1
            year, q = (self.first_day.year, q - 1) if q > 1 else (self.first_day.year - 1, 4)
            return parse_period(f"{year}-Q{q}")
        if self.kind == "month":
            prev = self.first_day - timedelta(days=1)
            return parse_period(f"{prev.year}-{prev.month:02d}")
        if self.kind == "year":
            return parse_period(str(self.first_day.year - 1))
        length = (self.last_day - self.first_day).days + 1
        last = self.first_day - timedelta(days=1)
        first = last - timedelta(days=length - 1)
        return parse_period(f"{first.isoformat()}..{last.isoformat()}")


def _month_end(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def parse_period(text: str) -> Period:
    raw = text.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-[Qq]([1-4])", raw):
            year, q = int(m[1]), int(m[2])
            return Period(date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter",
                          f"{year}-Q{q}")  # fmt: skip
        if m := re.fullmatch(r"(\d{4})-(\d{2})", raw):
            year, month = int(m[1]), int(m[2])
            return Period(date(year, month, 1), _month_end(year, month), "month",
                          f"{year}-{month:02d}")  # fmt: skip
        if m := re.fullmatch(r"(\d{4})", raw):
            year = int(m[1])
            return Period(date(year, 1, 1), date(year, 12, 31), "year", str(year))
        if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})", raw):
            first, last = date.fromisoformat(m[1]), date.fromisoformat(m[2])
            if last < first:
                # Said as such: the general "not a period" quoted CLI syntax at a window user
                # who had only picked two dates in the wrong order (issue 14.9).
                raise UserError(
                    translate(
                        "periods",
                        "The start date {first} is after the end date {last}: the dates are "
                        "reversed.",
                    ).format(first=first.strftime("%d/%m/%Y"), last=last.strftime("%d/%m/%Y"))
                )
            return Period(first, last, "range", f"{first.isoformat()}..{last.isoformat()}")
    except ValueError:
        pass
    raise UserError(
        translate(
            "periods",
            "“{text}” is not a period: write 2026-Q3, 2026-07, 2026 or 2026-07-01..2026-09-30.",
        ).format(text=text)
    )


def quarter_of(day: date) -> Period:
    return parse_period(f"{day.year}-Q{(day.month - 1) // 3 + 1}")


# -- how a period is said (the report, the dashboard, the Reports page). The translation context
# stays "excel_report", where these texts were first written, so no translation is lost.
def _day(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def month_name(month: int) -> str:
    return (
        translate("excel_report", "January"), translate("excel_report", "February"),
        translate("excel_report", "March"), translate("excel_report", "April"),
        translate("excel_report", "May"), translate("excel_report", "June"),
        translate("excel_report", "July"), translate("excel_report", "August"),
        translate("excel_report", "September"), translate("excel_report", "October"),
        translate("excel_report", "November"), translate("excel_report", "December"),
    )[month - 1]  # fmt: skip


def period_label(period: Period) -> str:
    """The period as a director says it: "Quarter 3 2026", "July 2026", "Year 2026" or a range."""
    first, last = period.first_day, period.last_day
    if period.kind == "quarter":
        return translate("excel_report", "Quarter {q} {year}").format(
            q=(first.month - 1) // 3 + 1, year=first.year
        )
    if period.kind == "month":
        return translate("excel_report", "{month} {year}").format(
            month=month_name(first.month), year=first.year
        )
    if period.kind == "year":
        return translate("excel_report", "Year {year}").format(year=first.year)
    return translate("excel_report", "{first} to {last}").format(first=_day(first), last=_day(last))


def period_with_days(period: Period) -> str:
    """ "Quarter 3 2026 (1/07/2026 to 30/09/2026)"; a range is its days already, said once."""
    if period.kind == "range":
        return period_label(period)
    return translate("excel_report", "{period} ({first} to {last})").format(
        period=period_label(period), first=_day(period.first_day), last=_day(period.last_day)
    )
