"""Opening the database: migrate after a backup, and turn storage failures into sentences."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from desktop_app.config import BACKUPS_KEPT, DatabaseLocation, backups_dir
from desktop_app.data.backup import (
    BackupTargetError,
    integrity_check,
    online_backup,
    rotated_backup,
)
from desktop_app.data.db import Database, DatabaseLocationError, make_engine
from desktop_app.data.schema import (
    ForeignDatabaseError,
    ForeignKeyViolation,
    NewerSchemaError,
    current_revision,
    schema_state,
    upgrade_database,
)
from desktop_app.i18n import translate
from desktop_app.services.errors import UserError
from desktop_app.services.permissions import Actor, Perm


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
    """Open (creating if new) and upgrade; an existing file is backed up first."""
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
    if not migrate:
        return db

    def backup_first() -> None:
        if location.path is not None:
            rotated_backup(location.path, backups_dir(location), BACKUPS_KEPT, "before-upgrade")

    try:
        upgrade_database(engine, before_upgrade=backup_first)
    except NewerSchemaError as exc:
        engine.dispose()
        raise UserError(
            translate(
                "database",
                "The database {where} was made by a newer version of Istiqbal ({rev}); "
                "install that version. Nothing was changed.",
            ).format(where=location.display(), rev=exc.revision)
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
    return db


def check_database(location: DatabaseLocation) -> list[str]:
    """Problems found in the file (empty when sound); PostgreSQL checks itself."""
    if location.path is None:
        return []
    return integrity_check(location.path).problems


def database_schema_state(location: DatabaseLocation) -> str:
    """The schema state of `schema_state`, read without migrating or changing the file.

    A database made by a newer version, or another program's, is refused as a UserError.
    """
    if location.path is not None:
        from sqlalchemy import create_engine

        engine = create_engine(f"sqlite:///file:{location.path}?mode=ro&uri=true")
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
        raise UserError(
            translate(
                "database",
                "The database {where} was made by a newer version of Istiqbal ({rev}); "
                "install that version. Nothing was changed.",
            ).format(where=location.display(), rev=revision)
        )
    return state


def backup_database(
    db: Database, actor: Actor, location: DatabaseLocation, out: Path | None = None
) -> Path:
    actor.require(Perm.BACKUP)
    if location.path is None:
        raise UserError(
            translate(
                "database",
                "Back up a PostgreSQL database with pg_dump; Istiqbal backs up SQLite files.",
            )
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
    except (OSError, sqlite3.DatabaseError) as exc:
        raise UserError(
            translate("database", "The backup could not be written: {reason}").format(reason=exc)
        ) from exc
