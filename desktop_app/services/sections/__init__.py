"""What each area contributes to the quarterly report and the dashboard (C8.7), as plain data.

The report (exchange/excel_report.py) and the dashboard render these generically, so an area adds
its sheet and its action lists without touching the renderers:

- a report section: `@report_section("lines")` on `fn(ctx: SectionContext) -> ReportSection`, one
  sheet of tables (with an optional native chart each);
- an action list: `@action_list("lines_unchecked")` on `fn(ctx: SectionContext) -> ActionList`, the
  things to do now behind an indicator, opening a page with a filter.

Area modules live in this package (sections/lines.py, sections/requests.py …) and are listed in
SECTION_MODULES.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import import_module
from typing import Any, Literal

from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.types import utcnow
from desktop_app.i18n import isolate as i18n_isolate
from desktop_app.i18n import translate
from desktop_app.services import settings as settings_service
from desktop_app.services.periods import Period
from desktop_app.services.permissions import Actor, Perm

# Values a table cell may hold. `str` is ALWAYS written as text (never a formula), dates and
# datetimes as real Excel dates (datetimes are converted to Tunis local time by the renderer).
CellValue = str | int | float | date | datetime | None

SECTION_MODULES: tuple[str, ...] = ("requests", "calls", "lines", "training", "mail")
SECTION_ORDER = ("requests", "mail", "lines", "quality", "traffic", "training")


@dataclass(frozen=True)
class SectionContext:
    session: Session
    period: Period
    previous: Period
    as_of: datetime
    settings: dict[str, Any]
    lang: str  # "ar", "fr" or "en": labels are already translated by the caller's translator
    # Facts read once per unit of work (the period's call counts, say), keyed by what they are
    # and their period: the report hands its sheets the cache its indicators filled.
    cache: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass
class ChartSpec:
    """A native Excel chart over a table: categories from one column, series from others."""

    kind: Literal["bar", "column", "line", "pie"]
    title: str
    category_column: int
    value_columns: list[int]
    y_title: str = ""
    total_row: bool = False  # the table's last row is a total: left out of the chart


@dataclass
class ReportTable:
    title: str
    headers: list[str]
    rows: list[list[CellValue]]
    # column index → Excel number format, e.g. {2: "0.0", 3: "dd/mm/yyyy hh:mm"}
    number_formats: dict[int, str] = field(default_factory=dict)
    chart: ChartSpec | None = None
    note: str = ""  # one sentence under the title, e.g. what "overdue" means


@dataclass
class ReportSection:
    key: str  # one of SECTION_ORDER (or a new one, appended at the end)
    title: str  # the sheet's translated title (≤ 31 characters, no []:*?/\)
    tables: list[ReportTable]


@dataclass
class ActionList:
    key: str
    title: str  # translated: "Requests overdue"
    count: int
    items: list[str]  # the first few, as one line of text each
    page: str  # the page key that lists them all
    page_filter: dict[str, Any] = field(default_factory=dict)  # passed to page.apply_filter(**)


SectionBuilder = Callable[[SectionContext], ReportSection]
ActionBuilder = Callable[[SectionContext], ActionList]
REPORT_SECTIONS: dict[str, SectionBuilder] = {}
ACTION_LISTS: dict[str, ActionBuilder] = {}


# People's text (a subject, a label) inside a sentence of the other script keeps its own
# direction and leaves the sentence's alone: the one FSI/PDI helper, i18n.isolate.
isolate = i18n_isolate


_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def month_label(year: int, month: int) -> str:
    """A month as people write it in the report's language: "juillet 2026", "جويلية 2026"."""
    name = translate("excel_report", _MONTHS[month - 1])
    return translate("excel_report", "{month} {year}").format(month=name, year=year)


def short_period_label(period: Period) -> str:
    """A period in a column heading: "T3 2026", "الثلاثي الثالث 2026", "juillet 2026", "2026"."""
    first, last = period.first_day, period.last_day
    if period.kind == "quarter":
        q = (first.month - 1) // 3 + 1
        text = (
            translate("excel_report", "Q1 {year}"),
            translate("excel_report", "Q2 {year}"),
            translate("excel_report", "Q3 {year}"),
            translate("excel_report", "Q4 {year}"),
        )
        return text[q - 1].format(year=first.year)  # fmt: skip
    if period.kind == "month":
        return month_label(first.year, first.month)
    if period.kind == "year":
        return str(first.year)
    return f"{first:%d/%m/%Y} – {last:%d/%m/%Y}"


def report_section(key: str) -> Callable[[SectionBuilder], SectionBuilder]:
    def register(fn: SectionBuilder) -> SectionBuilder:
        REPORT_SECTIONS[key] = fn
        return fn

    return register


def action_list(key: str) -> Callable[[ActionBuilder], ActionBuilder]:
    def register(fn: ActionBuilder) -> ActionBuilder:
        ACTION_LISTS[key] = fn
        return fn

    return register


def _load() -> None:
    for name in SECTION_MODULES:
        import_module(f"desktop_app.services.sections.{name}")


def make_context(session: Session, period: Period, as_of: datetime | None, lang: str,
                 cache: dict[Any, Any] | None = None) -> SectionContext:  # fmt: skip
    return SectionContext(session, period, period.previous(), as_of or utcnow(),
                          settings_service.load_all(session), lang,
                          {} if cache is None else cache)  # fmt: skip


def build_sections(session: Session, ctx: SectionContext) -> list[ReportSection]:
    _load()
    rank = {k: i for i, k in enumerate(SECTION_ORDER)}
    keys = sorted(REPORT_SECTIONS, key=lambda k: rank.get(k, len(rank)))
    return [REPORT_SECTIONS[k](ctx) for k in keys]


def action_lists(db: Database, actor: Actor, period: Period, lang: str,
                 as_of: datetime | None = None) -> list[ActionList]:  # fmt: skip
    """Every area's to-do list for the dashboard, in one read-only unit of work."""
    actor.require(Perm.READ_ALL)
    _load()
    with db.read() as s:
        ctx = make_context(s, period, as_of, lang)
        return [fn(ctx) for fn in ACTION_LISTS.values()]
