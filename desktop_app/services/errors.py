"""UserError: something a person can fix, with a translated sentence; anything else is a bug."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RowError:
    """One bad cell of an imported file; rows count from 1 for the first data row."""

    row: int
    column: str  # the field's key (`number`), as --json gives it
    message: str
    header: str = field(default="", compare=False)  # the column's header as written in the file

    @property
    def column_name(self) -> str:
        """What a person reads: the header as written in their file, else the field's key."""
        return self.header or self.column

    def as_dict(self) -> dict[str, object]:
        return {"row": self.row, "column": self.column, "message": self.message}


class UserError(Exception):
    """Raised with a message already translated into the user's language."""

    def __init__(self, message: str, *, row_errors: list[RowError] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.row_errors: list[RowError] = row_errors or []

    def __str__(self) -> str:
        return self.message


class PermissionDenied(UserError):
    """The signed-in user's role does not allow this; checked in the service, not by the UI."""


class RightsChanged(PermissionDenied):
    """The signed-in user was deactivated, changed role or had their password reset since they
    signed in: the window signs them out (issue 16 point 2)."""


class ConcurrentEdit(UserError):
    """Someone else saved the same record meanwhile; nothing was overwritten."""


def require_version(current: int | None, expected: int | None, message: Callable[[], str]) -> None:
    """Optimistic locking, one rule for every record: a form saves only over the version it read.

    `current` is the stored version now (None: the record was deleted meanwhile); `expected` the
    one the form read (None: the caller read none, e.g. a new record). A mismatch raises
    ConcurrentEdit with the area's own sentence (`message`, translated only when needed), before
    anything is written.
    """
    if current is None or (expected is not None and current != expected):
        raise ConcurrentEdit(message())


@dataclass
class ImportResult:
    """What an import did, in the shape of CONTRACTS.md §1 `--json`."""

    imported: int = 0
    skipped_duplicates: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "imported": self.imported,
            "skipped_duplicates": self.skipped_duplicates,
            "errors": [e.as_dict() for e in self.errors],
            "warnings": [w.as_dict() for w in self.warnings],
        }
