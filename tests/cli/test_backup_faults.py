"""Issue 16 points 1, 8 and 9: backups that are verified, odd folder names, refused files
left untouched, `--out` that replaces only a backup, leftovers of interrupted backups."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.config import resolve_database
from desktop_app.data.schema import head_revision
from desktop_app.services import auth
from desktop_app.services.database import open_database
from desktop_app.services.errors import UserError

STORED_OLD = Path(__file__).parents[1] / "data" / "rev_0004_agents.sqlite"


def _count(path: Path, table: str = "users") -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def _revision(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()


def _populated(folder: Path) -> Path:
    """A database with an administrator and a few requests, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "istiqbal.sqlite"
    db = open_database(resolve_database(str(path)))
    try:
        admin = auth.create_first_admin(db, "admin", "Admin", "correct horse battery").actor()
        from desktop_app.services import requests as requests_service

        for i in range(5):
            requests_service.create_request(db, admin, channel="email", type="request",
                                            subject=f"subject {i}")  # fmt: skip
    finally:
        db.dispose()
    return path


@pytest.mark.parametrize("folder_name", ["Accueil #2", "a?b", "100% sûr"])
def test_obligation_backup_of_a_database_in_a_folder_with_hash_or_question_mark_holds_its_rows(
    tmp_path: Path, folder_name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 16 point 1: `Accueil #2` gave a 4 KB empty backup reported as done."""
    source = _populated(tmp_path / folder_name)
    out = tmp_path / folder_name / "copy.sqlite"
    assert main(["--db", str(source), "backup", "--out", str(out)]) == 0
    assert _count(out, "requests") == 5 and _count(out, "users") == 1
    assert _revision(out) == head_revision()
    assert main(["--db", str(source), "backup"]) == 0  # the rotated one too
    rotated = list((tmp_path / folder_name / "backups").glob("istiqbal-manual-*.sqlite"))
    assert len(rotated) == 1 and _count(rotated[0], "requests") == 5


@pytest.mark.parametrize("folder_name", ["Accueil #2", "a?b"])
def test_obligation_check_reads_the_named_file_and_creates_no_stray_file(
    tmp_path: Path, folder_name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _populated(tmp_path / folder_name)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    assert main(["--db", str(source), "check"]) == 0
    out = capsys.readouterr().out
    assert "sound." in out and "empty" not in out
    after = sorted(p.name for p in tmp_path.rglob("*"))
    # SQLite's own -wal/-shm beside a WAL database may appear; no other file anywhere.
    assert [n for n in after if n not in before and not n.endswith(("-wal", "-shm"))] == []
    assert not (tmp_path / "Accueil ").exists() and not (tmp_path / "a").exists()


def test_obligation_automatic_backup_before_an_upgrade_in_a_hash_folder_is_a_full_copy(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "Accueil #2"
    folder.mkdir()
    old = folder / "old.sqlite"
    shutil.copyfile(STORED_OLD, old)
    users = _count(old)
    open_database(resolve_database(str(old))).dispose()
    backups = list((folder / "backups").glob("istiqbal-before-upgrade-*.sqlite"))
    assert len(backups) == 1
    assert _count(backups[0]) == users and _revision(backups[0]) == _revision(STORED_OLD)


def test_obligation_a_backup_that_does_not_read_back_stops_the_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failed verification is a sentence and the database stays at its old revision."""
    from desktop_app.data import backup

    old = tmp_path / "old.sqlite"
    shutil.copyfile(STORED_OLD, old)
    real = backup.snapshot

    def short_copy(conn: sqlite3.Connection) -> backup.Snapshot:
        snap = real(conn)
        if "partial" in str(conn.execute("PRAGMA database_list").fetchone()[2]):
            return backup.Snapshot(snap.revision, {**snap.counts, "users": 0})  # rows lost
        return snap

    monkeypatch.setattr(backup, "snapshot", short_copy)
    with pytest.raises(UserError, match="upgrade was not made"):
        open_database(resolve_database(str(old)))
    assert _revision(old) == _revision(STORED_OLD)
    assert list((tmp_path / "backups").glob("*.sqlite")) == []
    assert list((tmp_path / "backups").glob(".*.partial")) == []


def test_backup_out_refuses_to_replace_a_file_that_is_not_a_backup_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 16 point 9: `backup --out report.docx` silently replaced the document."""
    source = _populated(tmp_path / "db")
    doc = tmp_path / "report.docx"
    doc.write_bytes(b"PK\x03\x04 a letter to the minister")
    assert main(["--db", str(source), "backup", "--out", str(doc)]) == 1
    err = capsys.readouterr().err
    assert "not an Istiqbal backup" in err and "--force" in err
    assert doc.read_bytes() == b"PK\x03\x04 a letter to the minister"
    assert main(["--db", str(source), "backup", "--out", str(doc), "--force"]) == 0
    assert _count(doc, "requests") == 5


def test_interrupted_backups_leftovers_are_removed_by_the_next_backup(tmp_path: Path) -> None:
    """Issue 16 point 9: hidden `.partial` files (148 MB, 239 MB) were never removed."""
    source = _populated(tmp_path / "db")
    backups = tmp_path / "db" / "backups"
    backups.mkdir(mode=0o700)
    stale = backups / ".istiqbal-manual-20260101-000000-000000.sqlite.abcd.partial"
    stale.write_bytes(b"x" * 4096)
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = backups / ".istiqbal-manual-20260101-000001-000000.sqlite.efgh.partial"
    fresh.write_bytes(b"y")  # another backup being written right now: not ours to remove
    out_stale = tmp_path / ".copy.sqlite.ijkl.partial"
    out_stale.write_bytes(b"z")
    os.utime(out_stale, (old, old))
    assert main(["--db", str(source), "backup"]) == 0
    assert main(["--db", str(source), "backup", "--out", str(tmp_path / "copy.sqlite")]) == 0
    assert not stale.exists() and fresh.exists() and not out_stale.exists()


def _stat(path: Path) -> tuple[bytes, int, int]:
    st = path.stat()
    return path.read_bytes(), st.st_mtime_ns, st.st_mode


def _journal_mode(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("kind", ["foreign", "newer"])
@pytest.mark.parametrize("command", [["check"], ["backup"], ["lines", "export", "x.xlsx"]])
def test_obligation_a_refused_file_is_not_changed_at_all(
    tmp_path: Path, kind: str, command: list[str]
) -> None:
    """Issue 16 point 8: a refused file was first converted to WAL."""
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    if kind == "foreign":
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    else:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
        conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    os.chmod(path, 0o644)
    assert _journal_mode(path) == "delete"
    before = _stat(path)
    listing = sorted(p.name for p in tmp_path.iterdir())
    assert main(["--db", str(path), *command]) == 1
    assert _stat(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no -wal, -shm, backups
    assert _journal_mode(path) == "delete"
