"""Issue 12: numbers kept up to date wherever they are published (C8.1) and failed checks listed
(C8.4)."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.data.db import Database
from desktop_app.data.types import utcnow
from desktop_app.services import lines, sections
from desktop_app.services.lines import LineInput
from desktop_app.services.periods import TUNIS, quarter_of
from desktop_app.services.permissions import Actor


def _lists(db: Database, admin: Actor) -> dict[str, sections.ActionList]:
    today = utcnow().astimezone(TUNIS).date()
    return {a.key: a for a in sections.action_lists(db, admin, quarter_of(today), "en")}


def test_c8_1_a_retired_line_still_published_is_listed_until_withdrawn(
    db: Database, admin: Actor
) -> None:
    data = LineInput("71 563 500", "switchboard", "Standard",
                     published=frozenset({"website", "letters"}))  # fmt: skip
    line = lines.create_line(db, admin, data)
    assert _lists(db, admin)["lines_stale_publication"].count == 0
    line = lines.update_line(db, admin, line.id, replace(data, status="retired"),
                             expected_version=line.version)  # fmt: skip
    stale = _lists(db, admin)["lines_stale_publication"]
    assert stale.count == 1 and "71 563 500" in stale.items[0]
    assert stale.page_filter == {"status": "retired"}
    lines.update_line(db, admin, line.id, replace(data, status="retired", published=frozenset()),
                      expected_version=line.version)  # fmt: skip
    assert _lists(db, admin)["lines_stale_publication"].count == 0


def test_c8_1_report_measures_letters_posters_documents_like_the_website(
    db: Database, admin: Actor
) -> None:
    lines.create_line(
        db,
        admin,
        LineInput(
            "71 563 500", "switchboard", "Standard", published=frozenset({"website", "posters"})
        ),
    )
    lines.create_line(db, admin, LineInput("71 563 501", "fax", "Fax",
                                           published=frozenset({"documents"})))  # fmt: skip
    today = utcnow().astimezone(TUNIS).date()
    with db.read() as s:
        ctx = sections.make_context(s, quarter_of(today), None, "en")
        [section] = [x for x in sections.build_sections(s, ctx) if x.key == "lines"]
    [table] = [t for t in section.tables if t.title == "Numbers published, by channel (C8.1)"]
    assert table.rows == [
        ["Website", 1, 50.0],
        ["Letters to citizens", 0, 0.0],
        ["Posters", 1, 50.0],
        ["Forms and administrative documents", 1, 50.0],
    ]


def test_c8_4_lines_whose_latest_check_failed_are_a_dashboard_list(
    db: Database, admin: Actor
) -> None:
    a = lines.create_line(db, admin, LineInput("71 563 500", "switchboard", "Standard"))
    b = lines.create_line(db, admin, LineInput("71 563 501", "fax", "Fax"))
    lines.record_check(db, admin, a.id, "out_of_order")
    lines.record_check(db, admin, b.id, "no_answer")
    lines.record_check(db, admin, b.id, "answered")  # repaired since: its latest check works
    failed = _lists(db, admin)["lines_check_failed"]
    assert failed.count == 1 and "71 563 500" in failed.items[0]
    assert "Out of order" in failed.items[0] or "out" in failed.items[0].lower()
