"""The one shape of every file import: a plan (parsed, validated, counted, nothing written), then
the commit of that plan in one transaction.

exchange/ reads a file into plain rows (file, row and column for every error, the hostile-file
guards); a service builds and checks the domain rows against the database and returns a plan
without writing, which the window previews and `--dry-run` prints; a second service call commits
the plan, all-or-nothing, audited, waiting for another writer as imports may (issue 16 point 5).
The file is read once: a commit never reads it again, so what the preview showed is what is written
(duplicates are re-checked inside the commit's transaction, for what others added meanwhile).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from desktop_app.services.errors import ImportResult, RowError


@dataclass(frozen=True)
class PlanCounts:
    """What a commit of the plan would do, for the preview and `--dry-run`."""

    new: int = 0  # records it would create
    duplicates: int = 0  # rows already present (earlier in the file or in the database)
    invalid: int = 0  # rows refused, each with its errors
    updated: int = 0  # records already present it would change (a missed call now answered)


class FileRow(Protocol):
    """One data row of a tabular file as exchange read it (exchange/tabular.py's TabularRow)."""

    @property
    def number(self) -> int: ...  # 1 = the first data row after the header

    @property
    def values(self) -> dict[str, Any]: ...

    def text(self, key: str) -> str:
        """The cell as trimmed text, '' when empty."""
        ...


class ImportPlan(Protocol):
    """What every importer's plan offers (lines, requests register, call records)."""

    file: str

    @property
    def errors(self) -> list[RowError]: ...

    @property
    def warnings(self) -> list[RowError]: ...

    @property
    def counts(self) -> PlanCounts: ...

    def result(self, skip_invalid: bool) -> ImportResult:
        """The dry run's outcome: what the commit would report, in the --json shape."""
        ...


def invalid_rows(errors: list[RowError]) -> int:
    """Rows refused: a row with three bad cells is one row."""
    return len({e.row for e in errors})
