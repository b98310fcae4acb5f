"""Online backups with rotation and integrity checks of the SQLite file."""

from __future__ import annotations

import glob
import os
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop_app.data.db import connect_read_only

# A `.partial` file untouched for this long belongs to a backup that was interrupted (killed,
# power cut), not to one still being written: its writer touches it continuously.
STALE_PARTIAL_SECONDS = 15 * 60
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class IntegrityReport:
    ok: bool
    problems: list[str]


class BackupTargetError(ValueError):
    """The backup would overwrite the database it copies (or one of its -wal/-shm companions)."""


class BackupVerificationError(Exception):
    """The copy just written is not the database it copied (issue 16: empty 4 KB backups)."""

    def __init__(self, dest: Path, problem: str) -> None:
        super().__init__(f"{dest}: {problem}")
        self.dest = dest
        self.problem = problem


@dataclass(frozen=True)
class Snapshot:
    """What a backup must hold: the source's revision and row counts when it was copied."""

    revision: str | None
    counts: dict[str, int]


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _tables(conn: sqlite3.Connection) -> list[str]:
    """Ordinary tables (virtual full-text tables are counted through their shadow tables)."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
    ).fetchall()
    return [str(r[0]) for r in rows]


def snapshot(conn: sqlite3.Connection) -> Snapshot:
    """Revision and per-table row counts, read in the connection's current transaction."""
    tables = _tables(conn)
    counts = {t: int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in tables}
    revision = None
    if "alembic_version" in tables:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = str(row[0]) if row else None
    return Snapshot(revision, counts)


def verify_copy(dest: Path, expected: Snapshot) -> None:
    """Open the copy read-only: integrity_check, same revision, same rows in every table."""
    try:
        conn = connect_read_only(dest)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            if result != ["ok"]:
                raise BackupVerificationError(dest, "; ".join(str(r) for r in result[:3]))
            got = snapshot(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupVerificationError(dest, str(exc)) from exc
    if got.revision != expected.revision:
        raise BackupVerificationError(
            dest, f"schema revision {got.revision} instead of {expected.revision}"
        )
    for table, count in expected.counts.items():
        if got.counts.get(table) != count:
            raise BackupVerificationError(
                dest, f"table {table} holds {got.counts.get(table)} rows instead of {count}"
            )


def clean_partials(folder: Path, pattern: str = ".*.partial") -> list[Path]:
    """Remove hidden `.partial` files left by interrupted backups (issue 16 point 9)."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    now = time.time()
    for stale in folder.glob(pattern):
        try:
            if stale.is_file() and now - stale.stat().st_mtime > STALE_PARTIAL_SECONDS:
                stale.unlink()
                removed.append(stale)
        except OSError:
            continue  # another process took it meanwhile, or it is not ours to remove
    return removed


def is_companion(source: Path, dest: Path) -> bool:
    """`dest` is the database itself or its -wal/-shm file, by any spelling or link."""
    return any(_same_file(c, dest) for c in (source, Path(f"{source}-wal"), Path(f"{source}-shm")))


def online_backup(source: Path, dest: Path) -> Path:
    """Copy a live database consistently (SQLite's backup API), even while others write to it.

    The copy is written to a temporary file beside `dest`, verified (integrity, schema revision,
    row counts of the source's snapshot it was copied from) and moved over `dest` only then, so
    an existing file is never lost to a failed backup and a backup is never reported done
    without having been read back; `dest` may not be the database itself.
    """
    if is_companion(source, dest):
        raise BackupTargetError(str(dest))
    if not dest.parent.exists():
        dest.parent.mkdir(parents=True, mode=0o700)
    clean_partials(dest.parent, f".{glob.escape(dest.name)}.*.partial")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".partial", dir=dest.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        os.chmod(tmp, 0o600)
        src = connect_read_only(source)
        try:
            # One read transaction: the counts and the copied pages are the same snapshot.
            src.execute("BEGIN")
            expected = snapshot(src)
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
            finally:
                dst.close()
            src.execute("COMMIT")
        finally:
            src.close()
        verify_copy(tmp, expected)
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return dest


def rotated_backup(source: Path, folder: Path, keep: int, reason: str = "auto") -> Path:
    """Write `istiqbal-<reason>-<stamp>.sqlite` into `folder` and keep only the newest `keep`.

    Interrupted backups' hidden `.partial` files are removed here too: rotation never saw them.
    """
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
    clean_partials(folder, ".istiqbal-*.partial")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = online_backup(source, folder / f"istiqbal-{reason}-{stamp}.sqlite")
    mine = sorted(folder.glob(f"istiqbal-{reason}-*.sqlite"), key=lambda p: p.name)
    for old in mine[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return dest


def is_istiqbal_database(path: Path) -> bool:
    """A SQLite file holding Istiqbal's revision table: what `backup --out` may replace."""
    try:
        with path.open("rb") as fh:
            if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return False
        conn = connect_read_only(path)
        try:
            row = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                "AND name IN ('alembic_version', 'audit_log', 'users')"
            ).fetchone()
            return int(row[0]) == 3
        finally:
            conn.close()
    except (OSError, sqlite3.DatabaseError):
        return False


def integrity_check(path: Path) -> IntegrityReport:
    """PRAGMA integrity_check and foreign_key_check on the file, opened read-only."""
    if not path.exists():
        return IntegrityReport(False, [f"{path}: no such file"])
    problems: list[str] = []
    try:
        conn = connect_read_only(path)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
            problems += [r[0] for r in rows if r[0] != "ok"]
            fk = conn.execute("PRAGMA foreign_key_check").fetchall()
            problems += [f"foreign key: table {r[0]} row {r[1]} -> {r[2]}" for r in fk]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        problems.append(str(exc))
    return IntegrityReport(not problems, problems)
