"""What every page needs to call services: the database, the signed-in actor, the language."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.config import DatabaseLocation
from desktop_app.data.db import Database
from desktop_app.services.permissions import Actor


@dataclass
class AppState:
    db: Database
    location: DatabaseLocation
    actor: Actor
    lang: str

    def __post_init__(self) -> None:
        # Every committed write through the window's database ends in the change signal.
        from desktop_app.ui.changes import watch_database

        watch_database(self.db)
