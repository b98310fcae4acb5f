"""C8.6: the particular categories of users are a list the body keeps (circular 18/2019)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from desktop_app.data.db import Database
from desktop_app.data.models import AuditEntry
from desktop_app.services import kpis, requests, user_categories
from desktop_app.services.errors import ConcurrentEdit, PermissionDenied, UserError
from desktop_app.services.periods import parse_period
from desktop_app.services.permissions import Actor, Role
from desktop_app.services.report_language import report_language
from desktop_app.services.requests import RequestFilter
from desktop_app.services.sections import build_sections, make_context

T0 = datetime(2026, 2, 2, 9, tzinfo=UTC)


def label_of(code: str, lang: str) -> str:
    return user_categories.label(code, lang)


def row(db: Database, admin: Actor, code: str) -> user_categories.CategoryRow:
    return next(c for c in user_categories.list_categories(db, admin) if c.code == code)


def new(db: Database, admin: Actor, category: str | None, minutes: int = 0) -> requests.RequestRow:
    when = T0 + timedelta(minutes=minutes)
    return requests.create_request(db, admin, channel="web", type="request", subject="Permis",
                                   category=category, received_at=when, now=when)  # fmt: skip


def test_c8_6_seeded_with_disability_and_elderly_other_kept_for_past_data(
    db: Database, admin: Actor
) -> None:
    rows = user_categories.list_categories(db, admin)
    assert [(r.code, r.active) for r in rows] == [
        ("disability", True), ("elderly", True), ("other", False)
    ]  # fmt: skip
    assert rows[0].label("ar") == "ذوو الإعاقة" and rows[1].label("fr") == "Personnes âgées"
    assert rows[0].label("en") == "Person with a disability"
    assert [code for code, _ in user_categories.options(db)] == ["disability", "elderly"]


def test_c8_6_add_rename_deactivate_are_audited_and_versioned(db: Database, admin: Actor) -> None:
    code = user_categories.add(db, admin, name_ar="الأجانب", name_fr="Étrangers  ")
    assert code == "etrangers"
    added = row(db, admin, code)
    assert added.active and added.name_fr == "Étrangers" and added.sort_order == 4
    assert code in [c for c, _ in user_categories.options(db)]
    user_categories.rename(db, admin, code, name_ar="الأجانب المقيمون",
                           name_fr="Étrangers résidents", version=added.version)  # fmt: skip
    renamed = row(db, admin, code)
    assert renamed.label("fr") == "Étrangers résidents"
    with pytest.raises(ConcurrentEdit):  # a stale version: someone changed it meanwhile
        user_categories.set_active(db, admin, code, False, version=added.version)
    user_categories.set_active(db, admin, code, False, version=renamed.version)
    assert not row(db, admin, code).active
    assert code not in [c for c, _ in user_categories.options(db)]
    assert code in [c for c, _ in user_categories.options(db, past_too=True)]
    with db.read() as s:
        actions = [a for a, e in s.execute(select(AuditEntry.action, AuditEntry.entity))
                   if e == "user_category"]  # fmt: skip
    assert actions == ["create", "update", "update"]


def test_c8_6_names_are_required_and_unique(db: Database, admin: Actor) -> None:
    with pytest.raises(UserError, match="Arabic and its French"):
        user_categories.add(db, admin, name_ar="", name_fr="Étrangers")
    with pytest.raises(UserError, match="already"):
        user_categories.add(db, admin, name_ar="شيء", name_fr="personnes âgées")


def test_c8_6_only_administrator_and_supervisor_edit_the_list(
    db: Database, admin: Actor, actor_of
) -> None:
    for role in (Role.AGENT, Role.HR, Role.DIRECTOR):
        with pytest.raises(PermissionDenied):
            user_categories.add(db, actor_of(role), name_ar="أ", name_fr="A")
    assert user_categories.add(db, actor_of(Role.SUPERVISOR), name_ar="أ", name_fr="A") == "a"


def test_c8_6_a_category_in_use_is_never_deleted_an_unused_one_may_be(
    db: Database, admin: Actor
) -> None:
    new(db, admin, "elderly")
    elderly = row(db, admin, "elderly")
    assert elderly.in_use == 1
    with pytest.raises(UserError, match="deactivate it instead"):
        user_categories.delete(db, admin, "elderly", version=elderly.version)
    mistake = user_categories.add(db, admin, name_ar="خطأ", name_fr="Erreur")
    user_categories.delete(db, admin, mistake, version=row(db, admin, mistake).version)
    assert mistake not in [r.code for r in user_categories.list_categories(db, admin)]


def test_c8_6_at_least_one_category_stays_in_use(db: Database, admin: Actor) -> None:
    user_categories.set_active(
        db, admin, "elderly", False, version=row(db, admin, "elderly").version
    )
    with pytest.raises(UserError, match="at least one"):
        user_categories.set_active(db, admin, "disability", False,
                                   version=row(db, admin, "disability").version)  # fmt: skip


def test_c8_6_new_requests_take_an_active_category_only(db: Database, admin: Actor) -> None:
    code = user_categories.add(db, admin, name_ar="الأجانب", name_fr="Étrangers")
    assert new(db, admin, code).category == code
    with pytest.raises(UserError, match="no longer in use"):
        new(db, admin, "other")
    with pytest.raises(UserError, match="not a particular category"):
        new(db, admin, "children")


def test_c8_6_a_deactivated_category_keeps_its_past_requests_in_register_and_report(
    db: Database, admin: Actor
) -> None:
    code = user_categories.add(db, admin, name_ar="الأجانب", name_fr="Étrangers")
    past = new(db, admin, code)
    new(db, admin, "elderly", minutes=5)
    user_categories.set_active(db, admin, code, False, version=row(db, admin, code).version)
    with pytest.raises(UserError):
        new(db, admin, code, minutes=10)
    found = requests.list_page(db, admin, RequestFilter(category=code), now=T0 + timedelta(hours=1))
    assert [r.reference for r in found] == [past.reference]
    assert requests.category_label(code) == "Étrangers"  # English shows the French name
    period = parse_period("2026-02")
    as_of = T0 + timedelta(days=3)
    for lang, name in (("fr", "Étrangers"), ("ar", "الأجانب")):
        with report_language(lang), db.read() as s:
            ctx = make_context(s, period, as_of, lang)
            [section] = [x for x in build_sections(s, ctx) if x.key == "requests"]
            by_category = {r[0]: r[1] for r in section.tables[3].rows}
            # C8.6 req_special_category counts the deactivated category's past request too
            value = kpis.compute_in(s, period, as_of, only=("req_special_category",))
        assert by_category[name] == 1 and by_category[label_of("elderly", lang)] == 1
        assert value == {"req_special_category": 2}
