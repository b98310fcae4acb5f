"""Issue 16 point 7: every file Istiqbal writes with personal data is readable by its owner only
(law 2004-63); an existing database readable by others is tightened at open, once, and said."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.config import DatabaseLocation, resolve_database
from desktop_app.data import db as db_module
from desktop_app.data.db import Database
from desktop_app.exchange.requests_file import write_citizen_export
from desktop_app.services import requests
from desktop_app.services.database import open_database
from desktop_app.services.errors import UserError
from desktop_app.services.permissions import Actor

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def lax_umask() -> Iterator[None]:
    """The umask most desktops have: files come out 0644 unless Istiqbal says otherwise."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_issue16_an_existing_0644_database_is_tightened_once_and_said(
    location: DatabaseLocation, admin: Actor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert location.path is not None
    os.chmod(location.path, 0o644)
    capsys.readouterr()
    out = tmp_path / "lines.xlsx"
    assert main(["--db", str(location.path), "lines", "export", str(out)]) == 0
    err = capsys.readouterr().err
    assert mode(location.path) == 0o600
    assert err.count("now readable by its owner only") == 1
    assert main(["--db", str(location.path), "lines", "export", str(out)]) == 0
    assert "readable by its owner only" not in capsys.readouterr().err


def test_issue16_a_mode_that_cannot_be_changed_is_refused_with_one_sentence(
    location: DatabaseLocation, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the file's owner chmod always works (and root may do anything), so the refusal of a
    file owned by someone else is simulated by the chmod it would get."""
    assert location.path is not None
    os.chmod(location.path, 0o644)

    def refused(path: object, mode: int) -> None:
        raise PermissionError(1, "Operation not permitted", str(path))

    monkeypatch.setattr(db_module.os, "chmod", refused)
    with pytest.raises(UserError, match="can be read by other users") as exc:
        open_database(resolve_database(str(location.path)))
    assert "\n" not in exc.value.message and "644" in exc.value.message


def test_issue16_exports_and_backups_with_personal_data_are_owner_only(
    db: Database, location: DatabaseLocation, admin: Actor, tmp_path: Path, lax_umask: None
) -> None:
    assert location.path is not None
    requests.create_request(db, admin, channel="email", type="request", subject="s",
                            citizen="Amel Jaziri")  # fmt: skip
    lines_out = tmp_path / "lines.xlsx"
    lines_out.write_bytes(b"")
    os.chmod(lines_out, 0o644)  # an earlier export, written by a version without this fix
    assert main(["--db", str(location.path), "lines", "export", str(lines_out)]) == 0
    citizen = write_citizen_export(tmp_path / "amel.xlsx", requests.citizen_data(db, admin, "Amel"))
    report = tmp_path / "report.xlsx"
    assert main(["--db", str(location.path), "report", "--period", "2026-Q1",
                 "--out", str(report)]) == 0  # fmt: skip
    backup = tmp_path / "copy.sqlite"
    assert main(["--db", str(location.path), "backup", "--out", str(backup)]) == 0
    assert main(["--db", str(location.path), "backup"]) == 0
    rotated = next((tmp_path / "backups").glob("istiqbal-manual-*.sqlite"))
    modes = {p.name: mode(p) for p in (lines_out, citizen, report, backup, rotated)}
    assert set(modes.values()) == {0o600}, modes
    assert mode(tmp_path / "backups") == 0o700
