"""Where things live on disk, and which database to open: --db, ISTIQBAL_DB, the data folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from desktop_app import APP_NAME, APP_ORG

DB_ENV = "ISTIQBAL_DB"
DATA_DIR_ENV = "ISTIQBAL_DATA_DIR"
DEFAULT_DB_NAME = "istiqbal.sqlite"

# Defaults the circulars fix; the database settings override them (services/settings.py).
DEFAULT_DEADLINE_HOURS = 48  # C2.1
DEFAULT_PICKUP_SECONDS = 300  # C8.2
BACKUPS_KEPT = 10


def data_dir() -> Path:
    """The per-user data folder; ISTIQBAL_DATA_DIR redirects it (tests, portable installs)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, APP_ORG, roaming=False))


@dataclass(frozen=True)
class DatabaseLocation:
    """A SQLAlchemy URL plus, for SQLite, the file it names (backups and checks need the file)."""

    url: str
    path: Path | None

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    def display(self) -> str:
        """What the status bar shows: the file, or the URL without its password."""
        if self.path is not None:
            return str(self.path)
        from sqlalchemy.engine import make_url

        try:
            return make_url(self.url).render_as_string(hide_password=True)
        except Exception:  # noqa: BLE001 - a malformed --db: show it without what follows ":"
            scheme, _, rest = self.url.partition("://")
            return f"{scheme}://{rest.rpartition('@')[2]}"


def resolve_database(db: str | None) -> DatabaseLocation:
    """Turn --db (a path or a URL) into a location; a bare path means a SQLite file."""
    raw = db or os.environ.get(DB_ENV) or str(data_dir() / DEFAULT_DB_NAME)
    if "://" in raw:
        if raw.startswith("sqlite:///"):
            file = raw.removeprefix("sqlite:///")
            if file and file != ":memory:":
                path = Path(file).expanduser().absolute()
                return DatabaseLocation(f"sqlite:///{path}", path)
        return DatabaseLocation(raw, None)
    path = Path(raw).expanduser().absolute()
    return DatabaseLocation(f"sqlite:///{path}", path)


def backups_dir(location: DatabaseLocation) -> Path:
    """Automatic backups sit beside the database file, in a folder only the owner can read."""
    base = location.path.parent if location.path is not None else data_dir()
    return base / "backups"
