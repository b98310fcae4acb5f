"""`istiqbal demo` fills only an empty database; every demo user changes the printed password."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop_app.data.db import Database
from desktop_app.data.models import PhoneLine, User
from desktop_app.services import demo
from desktop_app.services.errors import UserError


@pytest.fixture
def quick_demo(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the users and settings: the areas' data are not what these tests are about."""
    monkeypatch.setattr(demo, "DEMO_STEPS", [demo._settings_step])


def test_demo_refuses_a_database_holding_lines_but_no_users(db: Database, quick_demo) -> None:
    with db.write() as s:
        s.add(PhoneLine(number="+21671563500", kind="switchboard", label="Standard"))
    with pytest.raises(UserError, match="phone_lines"):
        demo.fill_demo(db)
    with db.read() as s:
        assert s.scalars(select(User)).first() is None


def test_demo_goes_into_a_freshly_migrated_database(db: Database, quick_demo) -> None:
    """What the migrations seed (office timetable, first scorecard) does not count as use."""
    assert set(demo.fill_demo(db)) == {u[0] for u in demo.DEMO_USERS}


def test_every_demo_user_including_the_admin_must_change_the_printed_password(
    db: Database, quick_demo
) -> None:
    demo.fill_demo(db)
    with db.read() as s:
        flags = dict(s.execute(select(User.username, User.must_change_password)).all())
    assert flags == {u[0]: True for u in demo.DEMO_USERS}
