"""`services check`, `website audit`, `directory` as scripts run them (CONTRACTS §1; C2.2, C2.4)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.config import resolve_database
from desktop_app.services import eservices, settings
from desktop_app.services.database import open_database
from desktop_app.services.permissions import system_actor
from tests.helpers.web_site import running_site


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with running_site() as url:
        yield url


@pytest.fixture
def db_file(tmp_path: Path, site: str) -> Path:
    path = tmp_path / "i.sqlite"
    db = open_database(resolve_database(str(path)))
    actor = system_actor()
    settings.update(db, actor, {"website_url": site + "/index.html", "body_name_fr": "Commune"})
    for name, p in (("ok", "/ok/1"), ("gone", "/missing")):
        eservices.create_service(db, actor, eservices.ServiceInput(name, name, site + p))
    db.dispose()
    return path


def test_services_check_json_lists_failures_c2_2(
    db_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_file), "services", "check", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["checked"], out["ok"]) == (2, 1)
    assert out["failures"] == [{"service": "gone", "message": "The site answered with error 404."}]


def test_website_audit_json_and_a_site_that_is_down_exits_1_in_one_sentence_c2_4(
    db_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_file), "website", "audit", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] and "+21671774500" in {f["number"] for f in out["findings"]}
    assert main(["--db", str(db_file), "website", "audit", "--url", "http://127.0.0.1:9/"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("The website http://127.0.0.1:9/ cannot be read") and "\n" not in err


def test_directory_html_and_a_wrong_extension_c8_1(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "d.html"
    assert main(["--db", str(db_file), "directory", "--out", str(out), "--lang", "fr"]) == 0
    assert out.read_text(encoding="utf-8").startswith('<section class="istiqbal-directory"')
    assert main(["--db", str(db_file), "directory", "--out", str(tmp_path / "d.doc")]) == 1
    assert "a .pdf, .html or .txt file" in capsys.readouterr().err
