"""Engines and units of work: SQLite pragmas, BEGIN IMMEDIATE writers, network-share refusal."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

BUSY_TIMEOUT_MS = 10_000
# How long a writer waits for another one (a long import) before saying the database is busy
# (issue 16 point 5): a save from the window waits WRITE_WAIT_S, an import or a command run from
# the command line LONG_WRITE_WAIT_S. The lock is asked for again every WAIT_SLICE_S seconds,
# and whoever waits is told each time.
WRITE_WAIT_S = 30.0
LONG_WRITE_WAIT_S = 120.0
WAIT_SLICE_S = 1.0
_NETWORK_FS = {
    "nfs", "nfs4", "cifs", "smbfs", "smb3", "9p", "afs", "ncpfs", "fuse.sshfs", "sshfs",
    "davfs", "fuse.davfs2", "glusterfs", "ceph", "fuse.glusterfs", "lustre",
}  # fmt: skip


class DatabaseLocationError(Exception):
    """The database cannot live where it was asked to (network share, unwritable folder)."""


class DatabaseBusyError(Exception):
    """Another connection kept the write lock longer than busy_timeout (a long import, say)."""


class UnsafeModeError(Exception):
    """The database file can be read by others and its mode cannot be changed (not the owner)."""

    def __init__(self, path: Path, mode: int) -> None:
        super().__init__(f"{path}: {mode:o}")
        self.path = path
        self.mode = mode


def sqlite_uri(path: Path, **params: str) -> str:
    """A `file:` URI naming exactly `path`, with SQLite URI parameters (mode=ro, ...).

    Issue 16: a folder named `Accueil #2` or `a?b` gave `file:/…/Accueil #2/x?mode=ro`, which
    SQLite reads as the file `/…/Accueil ` (the rest a fragment): backups came out empty and
    `check` created a stray file. `as_uri()` percent-escapes `#`, `?` and `%`.
    """
    uri = Path(os.path.abspath(path)).as_uri()
    return f"{uri}?{urlencode(params)}" if params else uri


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot create or change the file: to look before accepting it."""
    return sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True, isolation_level=None)


def tighten_mode(path: Path) -> bool:
    """Make an existing file readable by its owner only (law 2004-63); True when it was changed.

    Raises UnsafeModeError when group or others can read it and chmod is refused.
    """
    if sys.platform == "win32" or not path.exists():
        return False
    mode = stat.S_IMODE(path.stat().st_mode)
    if not mode & 0o077:
        return False
    try:
        os.chmod(path, mode & 0o700)
    except OSError as exc:
        raise UnsafeModeError(path, mode) from exc
    return True


def private_output(path: Path) -> Path:
    """Prepare a file about to receive personal data (an export, a workbook) as mode 0600.

    It is created empty 0600 (or an existing file tightened) before the writer opens it, so
    no other user can open it even while it is being written; a writer that truncates keeps the
    mode. Issue 16 point 7: exports were written 0644.
    """
    if sys.platform == "win32":
        return path
    if path.exists():
        if path.is_file():
            os.chmod(path, 0o600)
        return path
    old_umask = os.umask(0o077)
    try:
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    finally:
        os.umask(old_umask)
    return path


def is_network_path(path: Path, mounts_text: str | None = None) -> bool:
    """True when the file would sit on a network file system, where SQLite's WAL does not work.

    `mounts_text` stands in for /proc/mounts in tests.
    """
    text = str(path)
    if sys.platform == "win32":
        if text.startswith(("\\\\", "//")):
            return True
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0] + "\\"
        drive_remote = 4
        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == drive_remote)
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8")
        except OSError:
            return False
    mounts = mounts_text.splitlines()
    target = os.path.realpath(text)
    best, best_fs = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_fs = mount_point, parts[2]
    return best_fs in _NETWORK_FS


def create_private_file(path: Path) -> None:
    """Create the database file readable by its owner only (law 2004-63), before SQLite opens it."""
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    old_umask = os.umask(0o077)
    try:
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    finally:
        os.umask(old_umask)
    if sys.platform != "win32":
        os.chmod(path, 0o600)


def _install_sqlite_events(engine: Engine, wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The driver's own transaction handling is off; _on_begin emits BEGIN itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the lock up front: a deferred read-then-write transaction fails at once
        # with "database is locked" despite busy_timeout (measured, DESIGN.md). Everything else
        # (opening, schema checks, reads) is a deferred transaction that never waits for a
        # writer under WAL (issue 16 point 5); Database.write() asks for IMMEDIATE, waiting at
        # most `istiqbal_wait_ms` for it so that it can say it is waiting and ask again.
        options = conn.get_execution_options()
        mode = options.get("istiqbal_begin", "DEFERRED")
        if not mode:
            return
        wait_ms = options.get("istiqbal_wait_ms")
        if wait_ms is None:
            conn.exec_driver_sql(f"BEGIN {mode}")
            return
        conn.exec_driver_sql(f"PRAGMA busy_timeout={int(wait_ms)}")
        try:
            conn.exec_driver_sql(f"BEGIN {mode}")
        finally:
            conn.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def make_engine(url: str, *, sqlite_path: Path | None = None, echo: bool = False) -> Engine:
    """One engine per database; for a SQLite file, refuse a network share and create it 0600.

    The file's engine is built from the path itself, never from URL text, where `?` and `#`
    in a folder name would be read as a query or a fragment (issue 16).
    """
    if url.startswith("sqlite"):
        target: str | URL = url
        if sqlite_path is not None:
            if is_network_path(sqlite_path):
                raise DatabaseLocationError(str(sqlite_path))
            if not sqlite_path.exists():
                create_private_file(sqlite_path)
            target = URL.create("sqlite", database=str(sqlite_path))
        engine = create_engine(target, echo=echo)
        _install_sqlite_events(engine, wal=sqlite_path is not None)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


# session.info key: the names of the records a unit of work changed (services/audit.py adds the
# audited entity); write() hands them to the after-commit listeners.
CHANGED = "istiqbal_changed"

Waiting = Callable[[int], None]
"""Told the whole seconds a writer has waited so far for another one, about once a second."""


class Database:
    """The engine plus the two kinds of unit of work services use: write() and read()."""

    def __init__(self, engine: Engine, display: str = "") -> None:
        self.engine = engine
        self._after_commit: list[Callable[[frozenset[str]], None]] = []
        self.display = display or engine.url.render_as_string(hide_password=True)
        self.notices: list[str] = []  # said once to the person opening it (a tightened mode)
        # Bounds of the wait for another writer (seconds): an ordinary save, and an import or a
        # command-line run (the command line sets write_wait to long_write_wait).
        self.write_wait = WRITE_WAIT_S
        self.long_write_wait = LONG_WRITE_WAIT_S
        # Told of every wait whoever asked for it (the command line prints one line).
        self.waiting: Waiting | None = None
        self._write_engine = engine.execution_options(istiqbal_begin="IMMEDIATE")
        self._writer = sessionmaker(bind=self._write_engine, expire_on_commit=False)
        self._reader = sessionmaker(
            bind=engine.execution_options(istiqbal_begin="DEFERRED"), expire_on_commit=False
        )

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def write(
        self, *, wait: float | None = None, waiting: Waiting | None = None
    ) -> Iterator[Session]:
        """One service call = one transaction, committed on success, rolled back on any error.

        The write lock is taken before any work is done. While another writer holds it (a long
        import) the lock is asked for again every second for at most `wait` seconds (default
        `write_wait`), and `waiting` and `self.waiting` are told the seconds waited each time;
        only then DatabaseBusyError, which the callers turn into one sentence, not a traceback
        (issue 16 point 5). The other writer's work stays all-or-nothing: nothing is split.
        After a commit, the listeners of `after_commit` hear what it changed (nothing on error).
        """
        session, transaction = self._locked(self.write_wait if wait is None else wait, waiting)
        try:
            info = session.info
            with session, transaction:
                yield session
            changed = frozenset(info.get(CHANGED, ()))
        except OperationalError as exc:
            if _is_busy(exc):
                raise DatabaseBusyError(self.display) from exc
            raise
        if changed:
            for listener in list(self._after_commit):
                listener(changed)

    def after_commit(self, listener: Callable[[frozenset[str]], None]) -> Callable[[], None]:
        """Call `listener` with the names of what each committed write changed (the window
        turns them into its change signal); returns the function that stops it. Listeners run
        in the thread that wrote."""
        self._after_commit.append(listener)
        return lambda: self._after_commit.remove(listener)

    def _locked(self, bound: float, waiting: Waiting | None) -> tuple[Session, SessionTransaction]:
        """A session whose transaction holds the write lock (BEGIN IMMEDIATE done)."""
        started = time.monotonic()
        while True:
            attempt = time.monotonic()
            slice_ms = max(0, int(min(WAIT_SLICE_S, bound - (attempt - started)) * 1000))
            session = self._writer(
                bind=self._write_engine.execution_options(istiqbal_wait_ms=slice_ms)
            )
            try:
                transaction = session.begin()
                session.connection()  # BEGIN IMMEDIATE now, before the caller does any work
                return session, transaction
            except OperationalError as exc:
                session.close()
                if not _is_busy(exc):
                    raise
                waited = time.monotonic() - started
                if waited >= bound:
                    raise DatabaseBusyError(self.display) from exc
                for listener in (self.waiting, waiting):
                    if listener is not None:
                        listener(round(waited))
                # Never sooner than a slice after the last try (a lock refused at once), nor
                # past the bound.
                pause = min(WAIT_SLICE_S - (time.monotonic() - attempt), bound - waited)
                if pause > 0:
                    time.sleep(pause)
            except BaseException:
                session.close()
                raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work; it never takes the write lock."""
        with self._reader() as session:
            try:
                yield session
            finally:
                session.rollback()

    def dispose(self) -> None:
        self.engine.dispose()


def _is_busy(exc: OperationalError) -> bool:
    text = str(exc.orig if exc.orig is not None else exc).lower()
    return "database is locked" in text or "database is busy" in text
