"""The command line of CONTRACTS.md §1: exit codes, one-sentence errors, never a traceback.

Most run in-process through `main()`; the first two keep a real process for its exit code."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.config import DatabaseLocation
from desktop_app.services.permissions import Actor
from tests.helpers.cli import run_cli, run_cli_subprocess
from tests.helpers.databases import new_database


def _user_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM users").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def small_db(location: DatabaseLocation, admin: Actor) -> Path:
    """A database with one administrator: quicker than `demo` for the backup tests."""
    assert location.path is not None
    return location.path


@pytest.mark.slow  # the real default demo in three real processes (~30 s)
def test_demo_then_check_then_screenshot_succeed(tmp_path: Path) -> None:
    """The foundation's definition of done (issue #2)."""
    db = str(tmp_path / "demo.sqlite")
    demo = run_cli_subprocess("--db", db, "demo")
    assert demo.returncode == 0, demo.stderr
    assert "supervisor" in demo.stdout and "director" in demo.stdout
    if sys.platform != "win32":
        assert stat.S_IMODE(Path(db).stat().st_mode) == 0o600
    check = run_cli_subprocess("--db", db, "check")
    assert check.returncode == 0, check.stderr
    png = tmp_path / "settings-ar.png"
    shot = run_cli_subprocess("--db", db, "screenshot", "--page", "settings", "--lang", "ar",
                              "--out", str(png))  # fmt: skip
    assert shot.returncode == 0, shot.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_demo_refuses_a_database_in_use(small_db: Path) -> None:
    again = run_cli("--db", str(small_db), "demo")
    assert again.returncode == 1
    assert "empty database" in again.stderr
    assert _user_count(small_db) == 1


def test_check_of_a_damaged_file_exits_1_with_one_sentence(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"garbage" * 500)
    result = run_cli_subprocess("--db", str(bad), "check")
    assert result.returncode == 1
    assert "damaged" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_wrong_command_line_exits_2() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["no-such-command"])
    assert exc.value.code == 2


def test_backup_writes_a_sound_copy(small_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "copy.sqlite"
    assert main(["--db", str(small_db), "backup", "--out", str(out)]) == 0
    assert main(["--db", str(out), "check"]) == 0
    assert _user_count(out) == 1


def test_errors_are_in_the_language_asked_for(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"garbage" * 500)
    result = run_cli("--db", str(bad), "check", "--lang", "fr")
    assert result.returncode == 1
    assert "endommag" in result.stderr  # « … est endommagée … »


def test_unknown_screenshot_page_is_a_clear_error(tmp_path: Path) -> None:
    db = new_database(tmp_path / "x.sqlite")
    result = run_cli("--db", db, "screenshot", "--page", "nowhere", "--out",
                     str(tmp_path / "x.png"))  # fmt: skip
    assert result.returncode == 1
    assert "nowhere" in result.stderr and "Traceback" not in result.stderr


def test_screenshot_pictures_the_tab_asked_for_and_names_the_tabs_when_wrong(
    tmp_path: Path,
) -> None:
    """README pictures of the training plan and guides (C8.3, C8.5) come from `--tab`."""
    db = new_database(tmp_path / "x.sqlite")
    first, plan = tmp_path / "first.png", tmp_path / "plan.png"
    for out, tab in ((first, "1"), (plan, "2")):
        shot = run_cli("--db", db, "screenshot", "--page", "training", "--tab", tab, "--out",
                       str(out))  # fmt: skip
        assert shot.returncode == 0, shot.stderr
        assert shot.stderr == ""
    assert first.read_bytes() != plan.read_bytes()
    wrong = run_cli("--db", db, "screenshot", "--page", "training", "--tab", "40", "--out",
                    str(tmp_path / "x.png"))  # fmt: skip
    assert wrong.returncode == 1
    assert "Training plan" in wrong.stderr and "Traceback" not in wrong.stderr
    untabbed = run_cli("--db", db, "screenshot", "--page", "dashboard", "--tab", "2", "--out",
                       str(tmp_path / "x.png"))  # fmt: skip
    assert untabbed.returncode == 1
    assert untabbed.stderr.strip() == "The page “dashboard” has no tabs."


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_backup_over_the_live_database_is_refused_and_loses_nothing(
    small_db: Path, suffix: str
) -> None:
    result = run_cli("--db", str(small_db), "backup", "--out", f"{small_db}{suffix}")
    assert result.returncode == 1
    assert "database itself" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert _user_count(small_db) == 1


def test_backup_over_the_database_by_another_spelling_is_refused(
    small_db: Path, tmp_path: Path
) -> None:
    (tmp_path / "sub").mkdir()
    other = tmp_path / "sub" / ".." / small_db.name
    assert main(["--db", str(small_db), "backup", "--out", str(other)]) == 1
    link = tmp_path / "link.sqlite"
    link.symlink_to(small_db)
    assert main(["--db", str(small_db), "backup", "--out", str(link)]) == 1
    assert _user_count(small_db) == 1


def test_a_failed_backup_leaves_the_existing_file_untouched(tmp_path: Path) -> None:
    from desktop_app.data.backup import online_backup

    not_a_database = tmp_path / "garbage.sqlite"
    not_a_database.write_bytes(b"garbage" * 500)
    out = tmp_path / "previous-backup.sqlite"
    out.write_bytes(b"the previous backup")
    with pytest.raises(sqlite3.DatabaseError):
        online_backup(not_a_database, out)
    assert out.read_bytes() == b"the previous backup"
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []


def test_backup_replaces_an_older_backup_with_a_private_sound_copy(
    small_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "copy.sqlite"
    assert main(["--db", str(small_db), "backup", "--out", str(out)]) == 0
    conn = sqlite3.connect(small_db)
    cols = (
        "full_name, role, password_hash, active, must_change_password, failed_logins, "
        "created_at, version"
    )
    conn.execute(f"INSERT INTO users (username, {cols}) SELECT 'second', {cols} FROM users")
    conn.commit()
    conn.close()
    os.chmod(out, 0o644)
    assert main(["--db", str(small_db), "backup", "--out", str(out)]) == 0  # an older backup
    assert _user_count(out) == 2
    if sys.platform != "win32":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "url",
    [
        "mysql://x/y",
        "postgresql+psycopg2://u@h/x",
        "postgresql+psycopg://u:p@h:notaport/x",
        "nosuchdialect://somewhere",
    ],
)
def test_a_wrong_db_url_is_one_sentence_not_a_traceback(url: str) -> None:
    result = run_cli("--db", url, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "--db must be a SQLite file path or a postgresql+psycopg://user:password@server/name URL."
    ]


def test_an_unreachable_postgresql_server_is_named_without_the_driver_class() -> None:
    pytest.importorskip("psycopg")
    result = run_cli("--db", "postgresql+psycopg://u:secret@127.0.0.1:1/x", "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "(psycopg." not in result.stderr and "secret" not in result.stderr
    assert "127.0.0.1" in result.stderr


def _tables(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return sorted(
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        )
    finally:
        conn.close()


@pytest.fixture
def foreign_file(tmp_path: Path) -> Path:
    path = tmp_path / "accounts.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("command", [["check"], ["demo"], ["lines", "export", "out.xlsx"]])
def test_another_programs_database_is_refused_and_left_as_it_was(
    foreign_file: Path, command: list[str]
) -> None:
    result = run_cli("--db", str(foreign_file), *command)
    assert result.returncode == 1
    assert "another program's tables" in result.stderr and "Traceback" not in result.stderr
    assert _tables(foreign_file) == ["invoices"]


def test_check_of_a_missing_file_says_so_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.sqlite"
    result = run_cli("--db", str(missing), "check")
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "damaged" not in result.stderr
    assert not missing.exists()


def test_check_reports_an_old_schema_without_migrating_it(tmp_path: Path) -> None:
    import shutil

    old = tmp_path / "old.sqlite"
    shutil.copyfile(Path(__file__).parents[1] / "data" / "rev_0001_foundation.sqlite", old)
    before = old.read_bytes()
    result = run_cli("--db", str(old), "check")
    assert result.returncode == 0, result.stderr
    assert "needs an upgrade" in result.stdout
    assert old.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_screenshot_to_an_unwritable_place_is_one_sentence(tmp_path: Path) -> None:
    result = run_cli("--db", new_database(tmp_path / "x.sqlite"), "screenshot", "--page",
                     "settings", "--out", "/proc/nope/x.png")  # fmt: skip
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "/proc/nope/x.png" in result.stderr


@pytest.mark.parametrize("size", ["abc", "1366", "0x0", "12x-3"])
def test_a_wrong_screenshot_size_is_a_wrong_command_line(tmp_path: Path, size: str) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(tmp_path / "x.sqlite"), "screenshot", "--page", "settings",
              "--out", str(tmp_path / "x.png"), "--size", size])  # fmt: skip
    assert exc.value.code == 2
    assert not (tmp_path / "x.sqlite").exists()


def test_issue16_4_a_database_that_cannot_be_written_is_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mode-0400 database opens for reading, then its first write fails deep in SQLite; as
    root the mode does not bite, so the driver's refusal is raised where the write happens."""
    from sqlalchemy.exc import OperationalError

    from desktop_app.services.lines import directory_import

    db = new_database(tmp_path / "istiqbal.sqlite")
    source = tmp_path / "annuaire.csv"
    source.write_text("Numéro;Type\n71 563 500;standard\n", encoding="utf-8")

    def readonly(*_a: object, **_k: object) -> None:
        raise OperationalError(
            "INSERT", {}, sqlite3.OperationalError("attempt to write a readonly database")
        )

    monkeypatch.setattr(directory_import, "commit_lines_plan", readonly)
    assert main(["--db", db, "lines", "import", str(source)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.endswith("attempt to write a readonly database") and "istiqbal.sqlite" in err
    assert "\n" not in err and "Traceback" not in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes whatever the modes say")
def test_issue16_4_check_under_an_unreadable_folder_is_one_sentence(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    assert run_cli("--db", str(folder / "istiqbal.sqlite"), "demo").returncode == 0
    folder.chmod(0)
    try:
        done = run_cli("--db", str(folder / "istiqbal.sqlite"), "check")
    finally:
        folder.chmod(0o700)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "command",
    [
        ["report", "--period", "2026-Q3", "--out", "r.xlsx"],
        ["backup"],
        ["lines", "export", "l.xlsx"],
        ["screenshot", "--page", "settings", "--out", "s.png"],
    ],
)
def test_every_command_but_demo_refuses_a_database_that_does_not_exist(
    tmp_path: Path, command: list[str]
) -> None:
    """A mistyped --db used to create a folder and an empty database, and `report` then wrote a
    report of zeros for "Public body" and exited 0 (issue 14.2)."""
    missing = tmp_path / "no-such-folder" / "istiqbal.sqlite"
    args = [str(tmp_path / a) if a.endswith((".xlsx", ".png")) else a for a in command]
    result = run_cli("--db", str(missing), *args)
    assert result.returncode == 1
    assert result.stderr.strip() == f"The database file {missing} does not exist."
    assert not (tmp_path / "no-such-folder").exists()
    assert not any(tmp_path.glob("*.xlsx")) and not any(tmp_path.glob("*.png"))


def test_check_of_a_folder_says_it_is_a_folder(tmp_path: Path) -> None:
    result = run_cli("--db", str(tmp_path), "check")
    assert result.returncode == 1
    assert result.stderr.strip() == f"{tmp_path} is a folder, not a database file."


@pytest.mark.slow  # a year of demo data (~10 s)
def test_demo_still_creates_its_database(tmp_path: Path) -> None:
    db = tmp_path / "fresh" / "demo.sqlite"
    assert main(["--db", str(db), "demo", "--years", "1"]) == 0
    assert db.is_file()
