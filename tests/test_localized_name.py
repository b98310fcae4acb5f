"""One localized_name for every name kept in Arabic and French (issue 15 point 4)."""

from __future__ import annotations

import pytest

from desktop_app.i18n import localized_name
from desktop_app.services.agents_common import message_name
from desktop_app.services.requests import AgentChoice


@pytest.mark.parametrize(
    ("ar", "fr", "lang", "shown"),
    [
        ("نور", "Nour", "ar", "نور"),
        ("نور", "Nour", "fr", "Nour"),
        ("نور", "Nour", "en", "Nour"),  # English reads the French
        ("", "Nour", "ar", "Nour"),  # the other language rather than nothing
        ("نور", "", "fr", "نور"),
        ("", "", "ar", ""),
    ],
)
def test_a_name_in_the_readers_language_else_the_other(
    ar: str, fr: str, lang: str, shown: str
) -> None:
    assert localized_name(ar, fr, lang) == shown


def test_rows_and_messages_use_the_same_rule() -> None:
    assert AgentChoice(1, "", "Nour").name("ar") == "Nour"
    assert message_name("نور", "") == "نور"
