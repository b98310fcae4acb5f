"""Progress: how long work reports how far it got and learns it was cancelled."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    def report(self, done: int, total: int) -> None: ...

    def cancelled(self) -> bool: ...


class NoProgress:
    """For the command line and tests: reports nowhere, never cancelled."""

    def report(self, done: int, total: int) -> None:
        return None

    def cancelled(self) -> bool:
        return False


class Cancelled(Exception):
    """The user pressed Cancel; the unit of work was rolled back."""
