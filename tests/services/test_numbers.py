"""One number format per language, from Qt's ar_TN / fr_TN data, whatever the window's language."""

from __future__ import annotations

import pytest

from desktop_app.services.numbers import format_number


@pytest.mark.parametrize(
    ("lang", "value", "decimals", "expected"),
    [
        ("ar", 6564, 0, "6.564"),
        ("ar", 90.14, 1, "90,1"),
        ("fr", 6564, 0, "6\u202f564"),
        ("fr", 59.0, 1, "59,0"),
        ("en", 6564, 0, "6,564"),
        ("ar", None, 1, "—"),
        ("ar", 12.0, 0, "12"),
    ],
)
def test_each_language_writes_its_numbers_one_way_c8_7(lang, value, decimals, expected) -> None:
    """The window showed 4.633 while the report's Arabic text said 6,564 (issue 14.5)."""
    assert format_number(value, lang, decimals) == expected


def test_the_language_is_a_parameter_not_the_default_locale() -> None:
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale("ar_TN"))
    try:
        assert format_number(6564, "fr") == "6\u202f564"
        assert format_number(6564, "en") == "6,564"
    finally:
        QLocale.setDefault(before)


def test_the_report_sentences_use_the_same_format() -> None:
    from desktop_app.exchange.excel_report import _num

    assert _num(6564, "ar") == "6.564" and _num(90.14, "ar") == "90,1"
    assert _num(6564.0, "fr") == "6\u202f564"
