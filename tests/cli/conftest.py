"""In-process calls of main() share the test session's QApplication (pytest-qt's qapp)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> None:
    return None
