"""One optimistic-locking rule for every record (issue 15 point 4): errors.require_version."""

from __future__ import annotations

import pytest

from desktop_app.services.errors import ConcurrentEdit, require_version


def _message() -> str:
    return "changed meanwhile"


def test_the_version_read_is_the_version_stored_nothing_raised() -> None:
    require_version(3, 3, _message)


def test_no_version_read_compares_nothing() -> None:
    require_version(7, None, _message)


@pytest.mark.parametrize(("current", "expected"), [(4, 3), (None, 3), (None, None)])
def test_a_newer_or_deleted_record_is_a_concurrent_edit_with_the_areas_sentence(
    current: int | None, expected: int | None
) -> None:
    with pytest.raises(ConcurrentEdit, match="changed meanwhile"):
        require_version(current, expected, _message)


def test_the_sentence_is_translated_only_when_needed() -> None:
    asked: list[bool] = []
    require_version(1, 1, lambda: asked.append(True) or "x")
    assert asked == []
