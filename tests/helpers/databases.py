"""An existing, migrated, empty database file: every command but `demo` refuses a missing one."""

from __future__ import annotations

from pathlib import Path

from desktop_app.config import resolve_database
from desktop_app.services.database import open_database


def new_database(path: Path) -> str:
    open_database(resolve_database(str(path))).dispose()
    return str(path)
