"""The website audit against a loopback site: numbers written the Tunisian ways, the inventory,
the published address on the front page, hostile pages (C2.4, C8.1, C2.1, C2.2)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from desktop_app.data.db import Database
from desktop_app.data.models import PhoneLine
from desktop_app.services import eservices, settings, website
from desktop_app.services.errors import PermissionDenied, UserError
from desktop_app.services.permissions import Actor, Role
from tests.helpers.web_site import running_site


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with running_site() as url:
        yield url


def _lines(db: Database) -> dict[str, int]:
    rows = [("+21671563500", "in_service", True, "answered"),
            ("+21671563520", "in_service", False, "answered_named"),
            ("+21680100321", "retired", True, "answered"),
            ("+21671563599", "in_service", True, "answered"),
            ("+21671774500", "in_service", True, "out_of_order")]  # fmt: skip
    with db.write() as s:
        made = [PhoneLine(number=n, status=st, on_website=w, last_check_result=r, label=n)
                for n, st, w, r in rows]  # fmt: skip
        s.add_all(made)
        s.flush()
        return {m.number: m.id for m in made}


def test_numbers_written_the_tunisian_ways_are_compared_with_the_inventory_c2_4_c8_1(
    db: Database, admin: Actor, site: str, actor_of: Callable[[Role], Actor]
) -> None:
    ids = _lines(db)
    settings.update(db, admin, {"public_email": "contact@commune.tn"})
    data = eservices.ServiceInput("خدمة", "Service", site + "/ok/svc")
    svc = eservices.create_service(db, admin, data)
    result = website.audit_website(db, admin, url=site + "/numbers")
    assert result.ok
    status = {f.number: f.status for f in result.findings}
    assert status["+21671563500"] == "ok"  # written "71 563 500" and "(+216) 71.563.500"
    assert status["+21671563520"] == "unmarked"  # Arabic-Indic digits ٧١ ٥٦٣ ٥٢٠
    assert status["+21680100321"] == "retired"  # the green number 80 100 321
    assert status["+21671563599"] == "missing"
    assert status["+21671563577"] == "unknown"
    assert status["+21671774500"] == "faulty"  # inside 100 000 nested <div> (/deep)
    assert "+21671999999" not in status  # scripts are neither run nor read
    written = next(f for f in result.findings if f.number == "+21671563500").written
    assert set(written) >= {"71 563 500"}
    assert result.email_on_front_page is True
    assert {"contact@commune.tn", "accueil@commune.tn"} <= set(result.emails)
    skipped = dict(result.skipped)
    assert "larger than the limit" in skipped[site + "/big"]
    assert "inflates" in skipped[site + "/bomb"]
    assert "redirects too many times" in skipped[site + "/loop"]
    assert "error 404" in skipped[site + "/missing"]
    assert site + "/cp1256" in result.pages
    assert status["+21671774521"] == "unknown"  # read from the windows-1256 page
    assert eservices.get_service(db, admin, svc.id).clicks_from_home == 1

    kept = website.latest_audit(db, admin)
    assert kept is not None and kept.id == result.id and kept.findings == result.findings
    website.confirm_on_website(db, admin, result.id or 0, ids["+21671563520"])
    with db.read() as s:
        assert s.get(PhoneLine, ids["+21671563520"]).on_website is True  # type: ignore[union-attr]
    with pytest.raises(UserError, match="did not find"):
        website.confirm_on_website(db, admin, result.id or 0, ids["+21671563599"])
    with pytest.raises(PermissionDenied):
        website.confirm_on_website(db, actor_of(Role.DIRECTOR), result.id or 0, ids["+21671563520"])


def test_front_page_without_the_published_address_is_reported_c2_1(
    db: Database, admin: Actor, site: str
) -> None:
    settings.update(db, admin, {"public_email": "autre@commune.tn"})
    result = website.audit_website(db, admin, url=site + "/numbers")
    assert result.email_on_front_page is False
    assert any("NOT on the front page" in line for line in website.report_lines(result))


@pytest.mark.parametrize(("url", "words"), [
    ("http://127.0.0.1:9/", "cannot be read"),
    ("ftp://example.tn/", "not a web address"),
    ("LOOP", "redirects too many times"),
])  # fmt: skip
def test_a_site_that_is_down_or_a_bad_address_is_one_sentence_and_kept_c2_4(
    db: Database, admin: Actor, site: str, url: str, words: str
) -> None:
    result = website.audit_website(db, admin, url=site + "/loop" if url == "LOOP" else url)
    assert not result.ok and words in result.error and "\n" not in result.error
    kept = website.latest_audit(db, admin)
    assert kept is not None and not kept.ok and kept.error == result.error


def test_without_an_address_in_settings_the_audit_says_so(db: Database, admin: Actor) -> None:
    with pytest.raises(UserError, match="Settings"):
        website.audit_website(db, admin)
