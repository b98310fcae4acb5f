"""Every test gets its own data folder and a fresh SQLite database; no real user path leaks."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import argon2
import pytest

from desktop_app.config import DatabaseLocation, resolve_database
from desktop_app.data.db import Database, create_private_file
from desktop_app.services import auth, demo
from desktop_app.services.database import open_database
from desktop_app.services.permissions import Actor, Role

# One process holds one Qt application: the command line's QCoreApplication and the window
# tests' QApplication must be the same object, so the tests create the QApplication first.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEST_PASSWORD = "correct horse battery"

# argon2's cheapest profile: hashing with the product's parameters costs ~0.1 s a user, and the
# tests make thousands. Only this process uses it (subprocess runs of the CLI hash for real).
auth.set_password_hasher(argon2.PasswordHasher.from_parameters(argon2.profiles.CHEAPEST))


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database migrated to head once per session; each test's `db` is a copy of it.

    Copying a file costs ~3 ms where running every migration costs ~0.3 s."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    open_database(resolve_database(str(path))).dispose()
    assert not path.with_name(path.name + "-wal").exists(), "the WAL must be checkpointed"
    return path


@pytest.fixture(scope="session")
def demo_year(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """A year of demo data (seed 2020) made once for the whole run, whichever worker asks first:
    making it costs ~10 s, copying it a few ms. Modules that only read it copy it."""
    base = tmp_path_factory.getbasetemp()
    root = base if worker_id == "master" else base.parent  # shared by pytest-xdist's workers
    target, claim, failed = (root / f"demo-year.{ext}" for ext in ("sqlite", "claim", "failed"))
    try:
        os.close(os.open(claim, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:  # another worker makes it: wait for it
        deadline = time.monotonic() + 300
        while not target.exists():
            assert not failed.exists(), "the demo database could not be made (see the other worker)"
            assert time.monotonic() < deadline, "the demo database took more than 5 minutes"
            time.sleep(0.2)
        return target
    try:
        scratch = root / f"demo-year-{worker_id}"
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("ISTIQBAL_DATA_DIR", str(scratch / "data"))
            database = open_database(resolve_database(str(scratch / "demo.sqlite")))
            demo.fill_demo(database, years=1, seed=2020)
            database.dispose()  # checkpoints the WAL: the file alone is the whole database
        os.replace(scratch / "demo.sqlite", target)  # appears whole or not at all
    except BaseException:
        failed.touch()
        raise
    return target


def copy_template(template: Path, target: Path) -> None:
    """A fresh migrated database at `target`, private like one the product creates."""
    create_private_file(target)
    shutil.copyfile(template, target)


@pytest.fixture(autouse=True)
def data_tmpdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Redirect the data folder and forget any ISTIQBAL_DB of the machine running the tests."""
    folder = tmp_path / "data"
    monkeypatch.setenv("ISTIQBAL_DATA_DIR", str(folder))
    monkeypatch.delenv("ISTIQBAL_DB", raising=False)
    monkeypatch.setenv("ISTIQBAL_LANG", "en")
    return folder


@pytest.fixture(autouse=True)
def fresh_login_throttle() -> Iterator[None]:
    """The slow-down lives in the process: one test's wrong tries must not delay the next."""
    auth.LOGIN_THROTTLE.clear()
    yield
    auth.LOGIN_THROTTLE.clear()


@pytest.fixture
def location(tmp_path: Path) -> DatabaseLocation:
    return resolve_database(str(tmp_path / "istiqbal.sqlite"))


@pytest.fixture
def db(location: DatabaseLocation, migrated_template: Path) -> Iterator[Database]:
    assert location.path is not None
    copy_template(migrated_template, location.path)
    database = open_database(location)
    yield database
    database.dispose()


@pytest.fixture
def admin(db: Database) -> Actor:
    return auth.create_first_admin(db, "admin", "Admin Istrateur", TEST_PASSWORD).actor()


@pytest.fixture
def actor_of(db: Database, admin: Actor) -> Callable[[Role], Actor]:
    """A signed-in user of the given role, created through the service like a real one."""
    made: dict[Role, Actor] = {Role.ADMIN: admin}

    def make(role: Role) -> Actor:
        if role not in made:
            user, _ = auth.create_user(db, admin, f"user-{role.value}", f"A {role.value}", role,
                                       TEST_PASSWORD)  # fmt: skip
            made[role] = user.actor()
        return made[role]

    return make


@pytest.fixture(autouse=True)
def english_after_each_test() -> Iterator[None]:
    """A test that switches the language (CLI --lang, a report in French) must not leak it."""
    yield
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        from desktop_app.i18n import install_language

        install_language("en")


@pytest.fixture(scope="session", autouse=True)
def _one_qt_application(qapp: object) -> None:
    """In-process `main()` would otherwise make a bare QCoreApplication first, and a window or
    poster test later in the same process could not have its QApplication (one per process)."""
    return None
