"""Progress: how long work reports how far it got and learns it was cancelled."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


class Progress(Protocol):
    """What long work is handed. It may also have `waiting(seconds)`, told about once a second
    while the work waits for another writer to release the database (see waiting_of)."""

    def report(self, done: int, total: int) -> None: ...

    def cancelled(self) -> bool: ...


def waiting_of(progress: Progress | None) -> Callable[[int], None] | None:
    """The progress's `waiting` method when it has one, for Database.write(waiting=...).

    Optional so that a Progress written before issue 16 point 5 (a test's) still fits.
    """
    waiting: Callable[[int], None] | None = getattr(progress, "waiting", None)
    return waiting


class NoProgress:
    """For the command line and tests: reports nowhere, never cancelled."""

    def report(self, done: int, total: int) -> None:
        return None

    def cancelled(self) -> bool:
        return False

    def waiting(self, seconds: int) -> None:
        return None


class Cancelled(Exception):
    """The user pressed Cancel; the unit of work was rolled back."""
