"""Online backups with rotation and integrity checks of the SQLite file."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class IntegrityReport:
    ok: bool
    problems: list[str]


class BackupTargetError(ValueError):
    """The backup would overwrite the database it copies (or one of its -wal/-shm companions)."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def online_backup(source: Path, dest: Path) -> Path:
    """Copy a live database consistently (SQLite's backup API), even while others write to it.

    The copy is written to a temporary file beside `dest` and moved over it only once complete, so
    an existing file is never lost to a failed backup; `dest` may not be the database itself.
    """
    for companion in (source, Path(f"{source}-wal"), Path(f"{source}-shm")):
        if _same_file(companion, dest):
            raise BackupTargetError(str(dest))
    if not dest.parent.exists():
        dest.parent.mkdir(parents=True, mode=0o700)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".partial", dir=dest.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        os.chmod(tmp, 0o600)
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return dest


def rotated_backup(source: Path, folder: Path, keep: int, reason: str = "auto") -> Path:
    """Write `istiqbal-<reason>-<stamp>.sqlite` into `folder` and keep only the newest `keep`."""
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = online_backup(source, folder / f"istiqbal-{reason}-{stamp}.sqlite")
    mine = sorted(folder.glob(f"istiqbal-{reason}-*.sqlite"), key=lambda p: p.name)
    for old in mine[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return dest


def integrity_check(path: Path) -> IntegrityReport:
    """PRAGMA integrity_check and foreign_key_check on the file, opened read-only."""
    if not path.exists():
        return IntegrityReport(False, [f"{path}: no such file"])
    problems: list[str] = []
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
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
