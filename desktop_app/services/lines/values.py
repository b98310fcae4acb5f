"""The lines area's fixed values (kinds, statuses, results, publications) and their names."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from desktop_app.i18n import translate

if TYPE_CHECKING:  # rows use the values at import: the annotation only, no cycle
    from desktop_app.services.lines.rows import CheckRow


KINDS = ("switchboard", "green", "short", "call_centre", "fax", "direct", "mobile", "other")
STATUSES = ("in_service", "faulty", "out_of_service", "retired")
RESULTS = ("answered_named", "answered", "no_answer", "busy", "out_of_order", "wrong_destination")
WORKING_RESULTS = frozenset({"answered_named", "answered"})
PUBLICATIONS = ("website", "letters", "posters", "documents")
SOURCES = ("manual", "mystery_call", "import", "round")
CLOCK_SKEW = timedelta(minutes=5)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


# -- labels ------------------------------------------------------------------------------------
def kind_label(kind: str) -> str:
    return {
        "switchboard": translate("lines", "Switchboard"),
        "green": translate("lines", "Green number"),
        "short": translate("lines", "Short number"),
        "call_centre": translate("lines", "Call centre"),
        "fax": translate("lines", "Fax"),
        "direct": translate("lines", "Direct line"),
        "mobile": translate("lines", "Service mobile"),
        "other": translate("lines", "Other"),
    }.get(kind, kind)


def status_label(status: str) -> str:
    return {
        "in_service": translate("lines", "In service"),
        "faulty": translate("lines", "Faulty"),
        "out_of_service": translate("lines", "Out of service"),
        "retired": translate("lines", "Retired"),
    }.get(status, status)


def source_label(source: str) -> str:
    """How a check came about, in the reader's language: stored as a code, never as prose, because
    Arabic and French readers share one database."""
    return {
        "mystery_call": translate("lines", "Mystery call"),
        "import": translate("lines", "Imported"),
        "round": translate("lines", "Verification round"),
    }.get(source, "")


def check_note(check: CheckRow) -> str:
    """The history's notes column: where the check came from, then what the checker wrote."""
    return " — ".join(part for part in (source_label(check.source), check.notes) if part)


def result_label(result: str | None) -> str:
    if result is None:
        return ""
    return {
        "answered_named": translate("lines", "Answered and named the body"),
        "answered": translate("lines", "Answered"),
        "no_answer": translate("lines", "No answer"),
        "busy": translate("lines", "Busy"),
        "out_of_order": translate("lines", "Out of order"),
        "wrong_destination": translate("lines", "Wrong destination"),
    }.get(result, result)


def publication_label(where: str) -> str:
    return {
        "website": translate("lines", "Website"),
        "letters": translate("lines", "Letters"),
        "posters": translate("lines", "Posters"),
        "documents": translate("lines", "Documents"),
    }.get(where, where)
