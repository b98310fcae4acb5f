"""The online-services catalogue, its checklist, its link checks against a loopback site (C2.2)."""

from __future__ import annotations

import ssl
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
import trustme

from desktop_app.data.db import Database
from desktop_app.services import eservices, service_links, web_fetch
from desktop_app.services.errors import ConcurrentEdit, PermissionDenied, UserError
from desktop_app.services.eservices import ServiceInput
from desktop_app.services.kpis import compute
from desktop_app.services.periods import parse_period
from desktop_app.services.permissions import Actor, Role
from tests.helpers.web_site import running_site


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with running_site() as url:
        yield url


def _svc(url: str, **kw: object) -> ServiceInput:
    base = dict(
        name_ar="مضمون ولادة",
        name_fr="Extrait de naissance",
        url=url,
        description="Demander un extrait d'acte de naissance en ligne, sans file d'attente.",
        requirements="Carte d'identité nationale",
        unit="État civil",
        on_website=True,
    )
    base.update(kw)
    return ServiceInput(**base)  # type: ignore[arg-type]


def test_supervisor_edits_agent_reads_and_edits_are_versioned_and_audited_c2_2(
    db: Database, actor_of: Callable[[Role], Actor], site: str
) -> None:
    sup, agent = actor_of(Role.SUPERVISOR), actor_of(Role.AGENT)
    row = eservices.create_service(db, sup, _svc(site + "/index.html"))
    with pytest.raises(PermissionDenied):
        eservices.create_service(db, agent, _svc(site + "/x"))
    assert [r.id for r in eservices.list_services(db, agent)] == [row.id]
    new = eservices.update_service(db, sup, row.id, _svc(site + "/y", unit="Urbanisme"),
                                   expected_version=row.version)  # fmt: skip
    assert new.version == row.version + 1
    with pytest.raises(ConcurrentEdit):
        eservices.update_service(db, sup, row.id, _svc(site + "/z"), expected_version=row.version)

    eservices.update_service(db, sup, row.id, _svc(site + "/y", withdrawn=True),
                             expected_version=new.version)  # fmt: skip
    assert eservices.list_services(db, agent) == []
    kept = eservices.list_services(db, agent, include_withdrawn=True)
    assert kept[0].withdrawn_at is not None


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "www.x.tn", ""])
def test_a_link_that_is_not_http_is_refused_in_one_sentence_c2_2(
    db: Database, admin: Actor, url: str
) -> None:
    with pytest.raises(UserError, match="not a web address"):
        eservices.create_service(db, admin, _svc(url))
    assert eservices.list_services(db, admin, include_withdrawn=True) == []


def test_checklist_lists_each_failing_point_c2_2(db: Database, admin: Actor, site: str) -> None:
    good = eservices.create_service(db, admin, _svc(site + "/index.html"))
    eservices.mark_reviewed(db, admin, good.id, expected_version=good.version)
    eservices.create_service(db, admin, _svc(site + "/missing", description="Court",
                                             requirements="", name_fr="Mauvais"))  # fmt: skip
    service_links.check_links(db, admin)
    rows = {r.name_fr: r for r in eservices.list_services(db, admin)}
    assert set(rows["Mauvais"].problems) == {"description", "requirements", "link", "reach",
                                             "review"}  # fmt: skip
    assert rows["Extrait de naissance"].problems == ("reach",)  # no website audit yet
    assert [r.name_fr for r in eservices.failing_services(db, admin)] == [
        "Extrait de naissance", "Mauvais"]  # fmt: skip
    old = date.today() - timedelta(days=400)
    r = rows["Extrait de naissance"]
    eservices.mark_reviewed(db, admin, r.id, expected_version=r.version, on=old)
    again = {x.name_fr: x for x in eservices.list_services(db, admin)}
    assert "review" in again["Extrait de naissance"].problems


def test_link_checks_keep_status_redirects_final_url_and_flag_soft_404_and_login_c2_2(
    db: Database, admin: Actor, site: str
) -> None:
    paths = {
        "ok": "/redirect/3",
        "soft": "/soft404",
        "login": "/login",
        "gone": "/missing",
        "loop": "/loop",
        "big": "/big",
        "bomb": "/bomb",
        "ar": "/cp1256",
    }
    ids = {k: eservices.create_service(db, admin, _svc(site + p, name_fr=k)).id
           for k, p in paths.items()}  # fmt: skip
    summary = service_links.check_links(db, admin)
    assert summary.checked == len(paths)
    latest = {k: service_links.history(db, admin, i)[0] for k, i in ids.items()}
    ok = latest["ok"]
    assert ok.ok and ok.status == 200 and ok.final_url == site + "/index.html"
    assert ok.redirects.count("\n") == 2 and ok.redirects.startswith(f"302 {site}/redirect/2")
    assert latest["soft"].problem == "soft_404" and not latest["soft"].ok
    assert latest["login"].problem == "login"
    assert (latest["gone"].problem, latest["gone"].status) == ("http", 404)
    assert latest["loop"].problem == "too_many_redirects"
    assert latest["big"].ok  # 20 MB: the service answered; only the first bytes were read
    assert latest["bomb"].problem == "bomb"
    assert latest["ar"].problem == "soft_404"  # «الصفحة غير موجودة» read in windows-1256
    assert "redirects too many times" in service_links.describe(latest["loop"])


def test_a_slow_site_times_out_and_history_keeps_the_failure_c2_2(
    db: Database, admin: Actor, site: str
) -> None:
    svc = eservices.create_service(db, admin, _svc(site + "/slow?ms=1500"))
    started = time.monotonic()
    service_links.check_links(db, admin, timeout=0.3)
    assert time.monotonic() - started < 1.4
    first = service_links.history(db, admin, svc.id)[0]
    assert first.problem == "timeout" and "did not answer in time" in first.detail
    assert eservices.get_service(db, admin, svc.id).last_check_ok is False


def test_tls_is_verified_a_certificate_for_another_name_fails_c2_2(
    db: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ca = trustme.CA()
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    monkeypatch.setattr(web_fetch, "tls_context",
                        lambda: ssl.create_default_context(cafile=str(ca_file)))  # fmt: skip
    for names, expect in ((["127.0.0.1"], ""), (["other.example.tn"], "tls")):
        server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert(*names).configure_cert(server_ctx)
        with running_site(server_ctx) as url:
            assert url.startswith("https://")
            got = web_fetch.fetch(url + "/index.html", timeout=3)
            assert got.problem == expect, got
    assert "certificate" in web_fetch.problem_sentence("tls")


def test_unreachable_site_is_one_sentence_and_kpis_count_the_catalogue_c2_2(
    db: Database, admin: Actor, site: str
) -> None:
    eservices.create_service(db, admin, _svc(site + "/index.html", name_fr="a"))
    eservices.create_service(db, admin, _svc("http://127.0.0.1:9/nothing", name_fr="b"))
    summary = service_links.check_links(db, admin, timeout=2)
    assert summary.ok == 1 and "cannot be reached" in summary.failures[0][1]
    period = parse_period(str(date.today().year))
    kpis = compute(db, admin, period)
    assert kpis["services_count"] == 2 and kpis["services_links_ok_pct"] == 50.0


def test_indicators_judge_by_the_latest_check_before_end_and_skip_withdrawn_c2_2(
    db: Database, admin: Actor
) -> None:
    from datetime import UTC, datetime

    from desktop_app.data.models import OnlineService, ServiceLinkCheck

    jan, mar, jun = (datetime(2026, m, 1, tzinfo=UTC) for m in (1, 3, 6))
    with db.write() as s:
        a = OnlineService(name_fr="a", url="https://a.tn", created_at=jan)
        b = OnlineService(name_fr="b", url="https://b.tn", created_at=jan)
        gone = OnlineService(name_fr="c", url="https://c.tn", created_at=jan, withdrawn_at=mar)
        s.add_all([a, b, gone])
        s.flush()
        s.add_all([ServiceLinkCheck(service_id=a.id, at=jan, ok=True),
                   ServiceLinkCheck(service_id=a.id, at=jun, ok=False),  # after Q1: not seen
                   ServiceLinkCheck(service_id=b.id, at=jan, ok=False),
                   ServiceLinkCheck(service_id=gone.id, at=jan, ok=True)])  # fmt: skip
    q1 = compute(db, admin, parse_period("2026-Q1"), as_of=jun)
    assert (q1["services_count"], q1["services_links_ok_pct"]) == (2, 50.0)
    q2 = compute(db, admin, parse_period("2026-Q2"), as_of=datetime(2026, 7, 1, tzinfo=UTC))
    assert (q2["services_count"], q2["services_links_ok_pct"]) == (2, 0.0)  # a failed in June
    h2 = compute(
        db, admin, parse_period("2026-07-01..2026-12-31"), as_of=datetime(2027, 1, 1, tzinfo=UTC)
    )
    assert h2["services_links_ok_pct"] == 0.0
