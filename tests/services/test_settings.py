"""Settings carry the circulars' defaults (48 h, C2.1; 300 s, C8.2) and refuse nonsense."""

from __future__ import annotations

import pytest

from desktop_app.data.db import Database
from desktop_app.services import settings
from desktop_app.services.errors import UserError
from desktop_app.services.permissions import Actor


def test_defaults_follow_the_circulars_c2_1_and_c8_2(db: Database) -> None:
    values = settings.get_all(db)
    assert values["deadline_hours"] == 48
    assert values["pickup_seconds"] == 300


def test_saved_values_are_read_back_by_every_unit_of_work(db: Database, admin: Actor) -> None:
    settings.update(db, admin, {"deadline_hours": "24", "body_name_fr": "Mairie"})
    assert settings.get(db, "deadline_hours") == 24
    assert settings.get(db, "body_name_fr") == "Mairie"


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [("deadline_hours", 0, "at least"), ("pickup_seconds", "abc", "not valid"),
     ("no_such_setting", 1, "Unknown"), ("public_email", "not-an-address", "e-mail")],
)  # fmt: skip
def test_invalid_settings_are_refused_and_nothing_changes(db, admin, key, value, message) -> None:
    before = settings.get_all(db)
    with pytest.raises(UserError, match=message):
        settings.update(db, admin, {"deadline_hours": 24, key: value})
    assert settings.get_all(db) == before


def test_changing_the_deadline_in_settings_moves_stored_deadlines_c2_1(
    db: Database, admin: Actor
) -> None:
    """The Settings page saves through settings.update; the register's deadlines must follow."""
    from datetime import UTC, datetime, timedelta

    from desktop_app.services import requests

    received = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    row = requests.create_request(db, admin, channel="email", type="request", subject="Permis",
                                  received_at=received, now=received)  # fmt: skip
    assert row.deadline_at == received + timedelta(hours=48)
    settings.update(db, admin, {"deadline_hours": 24, "body_name_fr": "Mairie"})
    moved = requests.get_request(db, admin, row.id, now=received).row
    # Issue 12: the setting moves the internal target; the legal deadline stays 48 h (C2.1).
    assert moved.internal_deadline_at == received + timedelta(hours=24)
    assert moved.deadline_at == received + timedelta(hours=48)
    assert settings.get(db, "body_name_fr") == "Mairie"
