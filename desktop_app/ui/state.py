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
