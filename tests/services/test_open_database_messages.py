"""A --db the window cannot open is said in one translated sentence, not SQLite's English (14.8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.config import resolve_database
from desktop_app.services.database import open_database, require_existing
from desktop_app.services.errors import UserError


def test_a_folder_is_named_as_a_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError) as exc:
        open_database(resolve_database(str(tmp_path)))
    assert exc.value.message == f"{tmp_path} is a folder, not a database file."


def test_an_unreachable_folder_says_why_without_sqlites_words(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserError) as exc:
        open_database(resolve_database(str(blocker / "sub" / "x.sqlite")))
    assert "its folder does not exist or cannot be written to" in exc.value.message
    assert "unable to open" not in exc.value.message and "Errno" not in exc.value.message


def test_require_existing_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        require_existing(resolve_database(str(tmp_path / "none.sqlite")))
