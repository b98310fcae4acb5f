"""The first-run wizard's service: the administrator and the body's settings in one unit of work."""

from __future__ import annotations

from typing import Any

import pytest

from desktop_app.data.db import Database
from desktop_app.services import auth, settings
from desktop_app.services.errors import UserError
from desktop_app.services.first_run import complete_first_run
from desktop_app.services.permissions import Role
from tests.conftest import TEST_PASSWORD


def _answers(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "username": "admin",
        "full_name": "Salma",
        "password": TEST_PASSWORD,
        "body_name_ar": "بلدية المرسى",
        "body_name_fr": "Municipalité de La Marsa",
        "public_email": "contact@lamarsa.gov.tn",
        "language": "fr",
    }
    return {**values, **overrides}


def test_first_run_writes_the_administrator_and_the_settings_together(db: Database) -> None:
    admin = complete_first_run(db, **_answers())
    assert admin.role == Role.ADMIN
    values = settings.get_all(db)
    assert values["body_name_ar"] == "بلدية المرسى"
    assert values["body_name_fr"] == "Municipalité de La Marsa"
    assert values["public_email"] == "contact@lamarsa.gov.tn"
    assert values["default_language"] == "fr"


@pytest.mark.parametrize(
    "bad",
    [
        {"public_email": "not an address"},
        {"body_name_ar": "  "},
        {"body_name_fr": ""},
        {"language": "de"},
        {"password": "short"},
        {"username": "a b"},
    ],
)
def test_a_refused_answer_leaves_no_administrator_so_the_wizard_can_be_retried(
    db: Database, bad: dict[str, Any]
) -> None:
    with pytest.raises(UserError):
        complete_first_run(db, **_answers(**bad))
    assert not auth.has_users(db)
    assert settings.get_all(db)["body_name_ar"] == ""
    complete_first_run(db, **_answers())  # the second try succeeds
    assert auth.has_users(db)


def test_first_run_is_refused_once_an_administrator_exists(db: Database) -> None:
    complete_first_run(db, **_answers())
    with pytest.raises(UserError, match="already exists"):
        complete_first_run(db, **_answers(username="other"))
