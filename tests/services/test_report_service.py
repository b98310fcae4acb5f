"""Generating the evaluation report: history, permissions, safe writing (C8.7)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.data.db import Database
from desktop_app.exchange.excel_report import write_workbook
from desktop_app.services import report
from desktop_app.services.errors import PermissionDenied, UserError
from desktop_app.services.permissions import Actor, Role
from desktop_app.services.progress import Cancelled
from tests.report_fakes import CURRENT, fake_registries  # noqa: F401

AS_OF = datetime(2026, 10, 5, 9, 0, tzinfo=UTC)


@pytest.mark.usefixtures("fake_registries")
def test_generate_records_history_with_who_and_figures_c8_7(
    db: Database,
    actor_of,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    director = actor_of(Role.DIRECTOR)
    out = tmp_path / "q3.xlsx"
    result = report.generate(db, director, "2026-Q3", out, "fr", AS_OF, write=write_workbook)
    assert result.as_json() == {
        "out": str(out),
        "period": {"from": "2026-07-01", "to": "2026-09-30"},
        "kpis": result.kpis,
    }
    assert result.kpis["req_received"] == CURRENT["req_received"]
    (row,) = report.history(db, director)
    assert row.who == "A director" and row.period_text == "2026-Q3" and row.lang == "fr"
    assert row.kpis["req_on_time_pct"] == 80.0
    assert Path(row.file_name) == out.resolve()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".xlsx"] == ["q3.xlsx"]


def test_hr_may_not_make_reports_c8_7(db: Database, actor_of, tmp_path: Path) -> None:  # noqa: ANN001
    with pytest.raises(PermissionDenied):
        report.generate(
            db, actor_of(Role.HR), "2026-Q3", tmp_path / "x.xlsx", "fr", AS_OF, write=write_workbook
        )
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_locked_output_gives_one_clear_sentence_c8_7(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    out = folder / "q3.xlsx"
    out.write_bytes(b"old report")
    folder.chmod(0o500)
    try:
        with pytest.raises(UserError, match="open in another program"):
            report.generate(db, admin, "2026-Q3", out, "fr", AS_OF, write=write_workbook)
    finally:
        folder.chmod(0o700)
    assert out.read_bytes() == b"old report"
    assert report.history(db, admin) == []


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_folder_refusing_the_temporary_file_is_one_clear_sentence_c8_7(
    db: Database, admin: Actor
) -> None:
    """/proc refuses any new file even to root (chmod does not stop root), as a read-only folder
    would: the report names the folder instead of a traceback, and records nothing."""
    with pytest.raises(UserError, match="Cannot write in the folder /proc"):
        report.generate(
            db, admin, "2026-Q3", Path("/proc/q3.xlsx"), "en", AS_OF, write=write_workbook
        )
    assert report.history(db, admin) == []


def test_replace_refused_keeps_old_file_and_no_temp_c8_7(
    db: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a workbook open in Excel with PermissionError."""
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "q3.xlsx"
    out.write_bytes(b"old report")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(report.os, "replace", refuse)
    with pytest.raises(UserError) as err:
        report.generate(db, admin, "2026-Q3", out, "en", AS_OF, write=write_workbook)
    assert "close it and try again" in err.value.message and "\n" not in err.value.message
    assert out.read_bytes() == b"old report"
    assert [p.name for p in out.parent.iterdir()] == ["q3.xlsx"]


def test_bad_target_and_period_are_user_errors_c8_7(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    with pytest.raises(UserError, match="xlsx"):
        report.generate(
            db, admin, "2026-Q3", tmp_path / "q3.pdf", "fr", AS_OF, write=write_workbook
        )
    with pytest.raises(UserError, match="does not exist"):
        report.generate(
            db, admin, "2026-Q3", tmp_path / "nope" / "q3.xlsx", "fr", AS_OF, write=write_workbook
        )
    with pytest.raises(UserError, match="not a period"):
        report.generate(
            db, admin, "2026-Q5", tmp_path / "q3.xlsx", "fr", AS_OF, write=write_workbook
        )


def test_cancel_writes_nothing_c8_7(db: Database, admin: Actor, tmp_path: Path) -> None:
    class CancelAtOnce:
        def report(self, done: int, total: int) -> None:
            return None

        def cancelled(self) -> bool:
            return True

    with pytest.raises(Cancelled):
        report.generate(
            db,
            admin,
            "2026",
            tmp_path / "y.xlsx",
            "ar",
            AS_OF,
            CancelAtOnce(),
            write=write_workbook,
        )
    assert list(tmp_path.glob("*.xlsx")) == []
    assert report.history(db, admin) == []


def test_clock_in_force_on_cover_c8_7(db: Database, admin: Actor, tmp_path: Path) -> None:
    out = tmp_path / "q3.xlsx"
    report.generate(db, admin, "2026-Q3", out, "en", AS_OF, write=write_workbook)
    cover = load_workbook(out)["Cover"]
    texts = [c.value for row in cover.iter_rows() for c in row if c.value]
    # Issue 12: the cover names the legal deadline first, then the body's internal target (C2.1).
    assert any(str(t).startswith("Legal deadline: 48 hours after receipt") for t in texts)
    assert "Admin Istrateur" in texts
