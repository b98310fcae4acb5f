"""Opening the database: migrate after a backup, and turn storage failures into sentences."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from desktop_app.config import BACKUPS_KEPT, DatabaseLocation, backups_dir
from desktop_app.data.backup import (
    BackupTargetError,
    BackupVerificationError,
    integrity_check,
    is_companion,
    is_istiqbal_database,
    online_backup,
    rotated_backup,
)
from desktop_app.data.db import (
    Database,
    DatabaseBusyError,
    DatabaseLocationError,
    UnsafeModeError,
    connect_read_only,
    make_engine,
    tighten_mode,
)
from desktop_app.data.schema import (
    ForeignDatabaseError,
    ForeignKeyViolation,
    NewerSchemaError,
    current_revision,
    head_revision,
    needs_upgrade,
    schema_state,
    structure_problems,
    upgrade_database,
)
from desktop_app.i18n import translate
from desktop_app.services.errors import UserError
from desktop_app.services.permissions import Actor, Perm, require_now

__all__ = [
    "DatabaseBusyError", "busy_sentence", "waiting_sentence", "open_database", "check_database",
]  # fmt: skip

log = logging.getLogger(__name__)


def busy_sentence(where: str) -> str:
    """A second writer waited for a long import (or another program) longer than it may."""
    return translate(
        "database",
        "The database {where} is busy with another long task (an import, an upgrade); "
        "nothing was changed: try again when it ends.",
    ).format(where=where)


def waiting_sentence() -> str:
    """Said while a writer waits for another one to release the database (issue 16 point 5)."""
    return translate("database", "Waiting for another task using the database (an import)…")


def _bad_location() -> UserError:
    return UserError(
        translate(
            "database",
            "--db must be a SQLite file path or a postgresql+psycopg://user:password@server/name "
            "URL.",
        )
    )


def _reason(exc: BaseException) -> str:
    """The driver's first line, without SQLAlchemy's "(psycopg.OperationalError)" prefix."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        exc = exc.orig
    lines = str(exc).strip().splitlines()
    first = lines[0] if lines else type(exc).__name__
    if first.startswith("(") and ") " in first:
        first = first.split(") ", 1)[1]
    return first.strip()


def _foreign(location: DatabaseLocation) -> UserError:
    return UserError(
        translate(
            "database",
            "The database {where} holds another program's tables, not Istiqbal's; "
            "nothing was changed. Choose an empty or an Istiqbal database.",
        ).format(where=location.display())
    )


def _storage_error(location: DatabaseLocation, exc: BaseException) -> UserError:
    text = str(exc).lower()
    where = location.display()
    if "locked" in text or "busy" in text:
        return UserError(
            translate(
                "database", "The database {where} is locked by another program; try again later."
            ).format(where=where)
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return UserError(
            translate(
                "database",
                "The file {where} is damaged or is not an Istiqbal database; restore a backup.",
            ).format(where=where)
        )
    if "readonly" in text or "read-only" in text or "permission" in text:
        return UserError(
            translate("database", "The database {where} cannot be written to.").format(where=where)
        )
    if location.path is not None and location.path.is_dir():
        return UserError(
            translate("database", "{where} is a folder, not a database file.").format(where=where)
        )
    if "unable to open database file" in text or isinstance(exc, OSError):
        # SQLite's English words added nothing a user could act on (issue 14.8).
        return UserError(
            translate(
                "database",
                "The database {where} cannot be opened: its folder does not exist or cannot be "
                "written to.",
            ).format(where=where)
        )
    return UserError(
        translate("database", "The database {where} cannot be opened: {reason}").format(
            where=where, reason=_reason(exc)
        )
    )


def _read_only_engine(path: Path) -> Engine:
    """An engine over the file opened read-only by URI: it can neither create nor change it."""
    from sqlalchemy import create_engine

    engine = create_engine("sqlite://", creator=lambda: connect_read_only(path))

    from sqlalchemy import event

    @event.listens_for(engine, "begin")
    def _begin(conn: object) -> None:  # the driver's transaction handling is off
        return None

    return engine


def _refuse_unless_ours(location: DatabaseLocation) -> None:
    """Decide on an existing file without changing it (issue 16 point 8).

    Another program's database or one from a newer Istiqbal is refused before any connection
    that could switch it to WAL, tighten its mode or leave -wal/-shm files beside it.
    """
    path = location.path
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return
    state, revision = _peek_state(location)
    if state == "foreign":
        raise _foreign(location)
    if state == "newer":
        raise _newer(location, revision)


def _peek_state(location: DatabaseLocation) -> tuple[str, str | None]:
    assert location.path is not None
    engine = _read_only_engine(location.path)
    try:
        return schema_state(engine), current_revision(engine)
    except (OperationalError, DBAPIError, sqlite3.DatabaseError) as exc:
        raise _storage_error(location, exc) from exc
    finally:
        engine.dispose()


def _newer(location: DatabaseLocation, revision: str | None) -> UserError:
    return UserError(
        translate(
            "database",
            "The database {where} was made by a newer version of Istiqbal ({rev}); "
            "install that version. Nothing was changed.",
        ).format(where=location.display(), rev=revision)
    )


def _tighten(location: DatabaseLocation) -> list[str]:
    """An existing database readable by others is made 0600, and the person told once (C8.1 /
    law 2004-63); a mode that cannot be changed is refused."""
    if location.path is None:
        return []
    notices: list[str] = []
    for path in (location.path, Path(f"{location.path}-wal"), Path(f"{location.path}-shm")):
        try:
            changed = tighten_mode(path)
        except UnsafeModeError as exc:
            raise UserError(
                translate(
                    "database",
                    "The database {where} can be read by other users (mode {mode}) and Istiqbal "
                    "cannot change that; ask its owner to make it readable by its owner only.",
                ).format(where=location.display(), mode=f"{exc.mode:o}")
            ) from exc
        if changed and path == location.path:
            notice = translate(
                "database",
                "The database {where} could be read by other users; it is now readable by its "
                "owner only.",
            ).format(where=location.display())
            log.warning(notice)
            notices.append(notice)
    return notices


def require_existing(location: DatabaseLocation) -> None:
    """Only the window's first start and `demo` may create a database: any other command given a
    mistyped path would otherwise write an empty database and report on nothing (issue 14.2)."""
    path = location.path
    if path is None or path.is_file():
        return
    where = location.display()
    if path.is_dir():
        raise UserError(
            translate("database", "{where} is a folder, not a database file.").format(where=where)
        )
    raise UserError(
        translate("database", "The database file {where} does not exist.").format(where=where)
    )


def open_database(location: DatabaseLocation, *, migrate: bool = True) -> Database:
    """Open (creating if new) and upgrade; an existing file is backed up first, and the backup
    verified before the upgrade runs (issue 16)."""
    _refuse_unless_ours(location)
    notices = _tighten(location)
    try:
        engine = make_engine(location.url, sqlite_path=location.path)
    except DatabaseLocationError as exc:
        raise UserError(
            translate(
                "database",
                "The database file {where} is on a network share, where SQLite loses data; "
                "use a PostgreSQL server to share data between PCs (--db postgresql+psycopg://…).",
            ).format(where=exc)
        ) from exc
    except ModuleNotFoundError as exc:
        if location.url.startswith("postgresql+psycopg:") and (exc.name or "").startswith(
            "psycopg"
        ):
            raise UserError(
                translate(
                    "database",
                    "PostgreSQL support is not installed: run “uv sync --extra postgresql”.",
                )
            ) from exc
        raise _bad_location() from exc
    except (ArgumentError, NoSuchModuleError, ValueError, TypeError) as exc:
        raise _bad_location() from exc
    except OSError as exc:
        raise _storage_error(location, exc) from exc
    db = Database(engine, location.display())
    db.notices.extend(notices)
    if not migrate:
        return db

    def backup_first() -> None:
        if location.path is not None:
            rotated_backup(location.path, backups_dir(location), BACKUPS_KEPT, "before-upgrade")

    try:
        upgraded = needs_upgrade(engine)
        upgrade_database(engine, before_upgrade=backup_first)
    except NewerSchemaError as exc:
        engine.dispose()
        raise _newer(location, exc.revision) from exc
    except BackupVerificationError as exc:
        engine.dispose()
        raise UserError(
            translate(
                "database",
                "The backup made before upgrading {where} did not read back as a copy of it "
                "({problem}); the upgrade was not made. Free some disk space or check the "
                "backups folder, then try again.",
            ).format(where=location.display(), problem=exc.problem)
        ) from exc
    except OSError as exc:
        engine.dispose()
        raise UserError(
            translate(
                "database",
                "The backup made before upgrading {where} could not be written ({reason}); "
                "the upgrade was not made.",
            ).format(where=location.display(), reason=exc.strerror or exc)
        ) from exc
    except ForeignDatabaseError as exc:
        engine.dispose()
        raise _foreign(location) from exc
    except ForeignKeyViolation as exc:
        engine.dispose()
        raise UserError(
            translate(
                "database", "Upgrading {where} would break links between records; nothing changed."
            ).format(where=location.display())
        ) from exc
    except (OperationalError, DBAPIError, sqlite3.DatabaseError) as exc:
        engine.dispose()
        raise _storage_error(location, exc) from exc
    if upgraded:
        _fill_call_parties(db)
    return db


def _fill_call_parties(db: Database) -> None:
    """Call records from before 0008_i17 get the citizen's number in E.164 (`party`) right after
    the upgrade, so the missed-call indicators (C2.4) count them too; the rule lives in
    services/callbacks.py, which a migration may not import."""
    from desktop_app.services import callbacks

    with db.write() as s:
        callbacks.fill_parties(s)


def check_database(location: DatabaseLocation) -> list[str]:
    """Problems found in the file (empty when sound); PostgreSQL checks itself."""
    if location.path is None:
        return []
    problems = integrity_check(location.path).problems
    if problems:
        return problems
    try:
        conn = connect_read_only(location.path)
        try:
            row = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
            revision = (
                conn.execute("SELECT version_num FROM alembic_version").fetchone() if row else None
            )
            if revision is None or revision[0] != head_revision():
                return []  # empty, older (checked after its upgrade), newer or foreign: not here
            found = structure_problems(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [_structure_sentence(kind, name) for kind, name in found]


def _structure_sentence(kind: str, name: str) -> str:
    """One sentence per problem `check` finds in a sound file's structure (issue 16 point 9)."""
    if kind == "audit_chain":
        return translate(
            "database",
            "audit entry {id} does not follow from the entries before it: the audit trail was "
            "added to or changed outside Istiqbal",
        ).format(id=name)
    if kind == "trigger":
        return translate(
            "database",
            "the safeguard {name} is missing (the audit trail or the search index "
            "is no longer protected)",
        ).format(name=name)
    if kind == "table":
        return translate("database", "the table {name} is missing").format(name=name)
    return translate("database", "the index {name} is missing").format(name=name)


def database_schema_state(location: DatabaseLocation) -> str:
    """The schema state of `schema_state`, read without migrating or changing the file.

    A database made by a newer version, or another program's, is refused as a UserError.
    """
    if location.path is not None:
        engine = _read_only_engine(location.path)
    else:
        engine = open_database(location, migrate=False).engine
    try:
        state = schema_state(engine)
        revision = current_revision(engine)
    except (OperationalError, DBAPIError, sqlite3.DatabaseError) as exc:
        raise _storage_error(location, exc) from exc
    finally:
        engine.dispose()
    if state == "foreign":
        raise _foreign(location)
    if state == "newer":
        raise _newer(location, revision)
    return state


def backup_database(
    db: Database,
    actor: Actor,
    location: DatabaseLocation,
    out: Path | None = None,
    *,
    force: bool = False,
) -> Path:
    """A verified online backup; `out` replaces only an earlier Istiqbal backup unless `force`."""
    require_now(db, actor, Perm.BACKUP)  # a demoted or deactivated user backs up nothing
    if location.path is None:
        raise UserError(
            translate(
                "database",
                "Back up a PostgreSQL database with pg_dump; Istiqbal backs up SQLite files.",
            )
        )
    if (
        out is not None
        and out.exists()
        and not force
        and not is_companion(location.path, out)
        and (out.is_dir() or not is_istiqbal_database(out))
    ):
        raise UserError(
            translate(
                "database",
                "{path} exists and is not an Istiqbal backup; choose another file, or add "
                "--force to replace it.",
            ).format(path=out)
        )
    try:
        if out is not None:
            return online_backup(location.path, out)
        return rotated_backup(location.path, backups_dir(location), BACKUPS_KEPT, "manual")
    except BackupTargetError as exc:
        raise UserError(
            translate(
                "database",
                "The backup cannot be written over the database itself ({path}); "
                "choose another file.",
            ).format(path=exc)
        ) from exc
    except BackupVerificationError as exc:
        raise UserError(
            translate(
                "database",
                "The backup did not read back as a copy of the database ({problem}); "
                "nothing was kept.",
            ).format(problem=exc.problem)
        ) from exc
    except (OSError, sqlite3.DatabaseError) as exc:
        raise UserError(
            translate("database", "The backup could not be written: {reason}").format(reason=exc)
        ) from exc
