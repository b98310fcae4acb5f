"""The register sorts on every column fast and right at scale (C2.1, C2.3): index-served keyset
pages, the agent column by the name shown, the category with its NULLs."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event

from desktop_app.data.db import Database
from desktop_app.data.models import Agent
from desktop_app.services import requests, user_categories
from desktop_app.services.permissions import Actor
from desktop_app.services.requests import RequestFilter
from desktop_app.services.requests import register as register_module
from tests.services.test_requests_service import T0, new


def agents(db: Database) -> dict[str, int]:
    """Ids in the opposite order of the French names, and Arabic names in yet another order."""
    made = {}
    with db.write() as s:
        for fr, ar in (("Zied", "أمين"), ("Mouna", "سامي"), ("amel", "بشير")):
            agent = Agent(name_fr=fr, name_ar=ar)
            s.add(agent)
            s.flush()
            made[fr] = agent.id
    return made


def all_pages(db: Database, actor: Actor, sort: str, descending: bool, **kw: Any) -> list[Any]:
    seen: list[requests.RequestRow] = []
    after = None
    flt = kw.pop("flt", RequestFilter())
    while True:
        page = requests.list_page(db, actor, flt, sort=sort,
                                  descending=descending, after=after, limit=3, now=T0,
                                  **kw)  # fmt: skip
        seen += page
        if len(page) < 3:
            return seen
        after = page[-1]


@pytest.fixture
def register(db: Database, admin: Actor) -> dict[str, int]:
    ids = agents(db)
    plan = [None, ids["Zied"], ids["Mouna"], ids["amel"], ids["Zied"], None, ids["amel"]]
    # C8.6: a category the body added (seeded "other" is kept for past data, not offered)
    foreign = user_categories.add(db, admin, name_ar="الأجانب", name_fr="Étrangers")
    cats = [None, "elderly", "disability", None, foreign, "elderly", None]
    for i, (agent, category) in enumerate(zip(plan * 2, cats * 2, strict=True)):
        new(db, admin, agent_id=agent, category=category, subject=f"S{i}",
            received_at=T0 + timedelta(minutes=i), now=T0 + timedelta(hours=1))  # fmt: skip
    return ids


@pytest.mark.parametrize("descending", [False, True])
def test_agent_column_sorts_by_the_name_shown_not_the_id(
    db: Database, admin: Actor, register: dict[str, int], descending: bool
) -> None:
    for lang, order in (
        ("fr", ["", "amel", "Mouna", "Zied"]),
        ("ar", ["", "Zied", "amel", "Mouna"]),
    ):
        rows = all_pages(db, admin, "agent", descending, lang=lang)
        assert len({r.id for r in rows}) == len(rows) == 14
        names = [r.agent_name_fr if r.agent_id else "" for r in rows]
        groups = list(dict.fromkeys(names))
        assert groups == (order[::-1] if descending else order), lang
        for name in groups:  # within one agent, by date of receipt
            times = [r.received_at for r in rows if (r.agent_name_fr if r.agent_id else "") == name]
            assert times == sorted(times, reverse=descending)


def test_category_sort_pages_through_requests_without_a_category(
    db: Database, admin: Actor, register: dict[str, int]
) -> None:
    rows = all_pages(db, admin, "category", False)
    assert len({r.id for r in rows}) == 14
    assert [r.category or "" for r in rows] == sorted(r.category or "" for r in rows)
    elderly = all_pages(db, admin, "agent", False, flt=RequestFilter(category="elderly"))
    assert {r.category for r in elderly} == {"elderly"} and len(elderly) == 4


def test_every_sort_is_served_by_an_index_in_its_order(
    db: Database, admin: Actor, register: dict[str, int]
) -> None:
    """No sort of the whole table (TEMP B-TREE), no full scan: each page is an index range."""
    captured: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if "FROM requests" in statement and "ORDER BY" in statement:
            captured.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        for sort in requests.SORT_KEYS:
            for descending in (False, True):
                first = requests.list_page(db, admin, RequestFilter(), sort=sort,
                                           descending=descending, limit=3, now=T0)  # fmt: skip
                captured.clear()
                requests.list_page(db, admin, RequestFilter(), sort=sort, descending=descending,
                                   after=first[-1], limit=3, now=T0)  # fmt: skip
                statement, params = captured[-1]
                with db.engine.connect() as conn:
                    plan = " | ".join(
                        str(r[-1])
                        for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params)
                    )
                assert "TEMP B-TREE" not in plan, (sort, plan)
                assert "SEARCH requests USING INDEX" in plan or (
                    "SEARCH requests USING INTEGER PRIMARY KEY" in plan
                ), (sort, plan)
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", ["agent", "category"])
def test_filtered_group_sorts_agree_whether_few_or_many_requests_match(
    db: Database,
    admin: Actor,
    register: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
    sort: str,
    descending: bool,
) -> None:
    """Few matches: one query sorted by the groups' rank; many: a walk over the groups."""
    flt = RequestFilter(type="complaint")
    few = [r.id for r in all_pages(db, admin, sort, descending, flt=flt)]
    monkeypatch.setattr(register_module, "_FEW_MATCHES", 0)  # the register reads it
    many = [r.id for r in all_pages(db, admin, sort, descending, flt=flt)]
    unfiltered = [r.id for r in all_pages(db, admin, sort, descending)]
    assert few == many == unfiltered and len(few) == 14
