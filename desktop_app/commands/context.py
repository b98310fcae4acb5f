"""What every sub-command gets: the parsed arguments, the database location, output helpers."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from dataclasses import dataclass, field
from typing import Any

from desktop_app.config import DatabaseLocation
from desktop_app.data.db import Database
from desktop_app.services.errors import ImportResult
from desktop_app.services.permissions import Actor, system_actor


@dataclass
class CliContext:
    args: argparse.Namespace
    location: DatabaseLocation
    lang: str
    _db: Database | None = field(default=None, repr=False)
    _told_waiting: bool = field(default=False, repr=False)

    @property
    def db(self) -> Database:
        """Opened (and migrated) on first use, so `--help` never touches the database; only a
        command that sets `creates_database` (demo) may start a new file."""
        if self._db is None:
            from desktop_app.services.database import open_database, require_existing

            if not getattr(self.args, "creates_database", False):
                require_existing(self.location)
            self._db = open_database(self.location)
            for notice in self._db.notices:  # said once, on stderr: stdout stays the result
                self.err(notice)
            # Unattended runs wait as long as an import for another writer, saying so once on
            # stderr rather than failing after busy_timeout (issue 16 point 5).
            self._db.write_wait = self._db.long_write_wait
            self._db.waiting = self._say_waiting
        return self._db

    def _say_waiting(self, seconds: int) -> None:
        """Told every second a write waits for the lock; one line on stderr the first time."""
        if not self._told_waiting:
            from desktop_app.services.database import waiting_sentence

            self._told_waiting = True
            self.err(waiting_sentence())

    @property
    def actor(self) -> Actor:
        """Unattended runs act as administrator under the operating-system account's name."""
        try:
            name = getpass.getuser()
        except Exception:  # noqa: BLE001 - getuser raises several kinds when no name exists
            name = "unknown"
        return system_actor(f"cli:{name}")

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()

    def out(self, text: str) -> None:
        print(text)

    def json(self, payload: dict[str, Any]) -> None:
        print(json.dumps(payload, ensure_ascii=False, indent=None, default=str))

    def err(self, text: str) -> None:
        print(text, file=sys.stderr)

    def import_summary(self, result: ImportResult, file: str, dry_run: bool = False) -> int:
        """The human or --json summary every import prints; exit 1 when rows were refused."""
        from desktop_app.i18n import translate

        if getattr(self.args, "json", False):
            self.json(result.as_json())
        else:
            for e in result.errors:
                self.err(
                    translate("cli", "{file}, row {row}, column {column}: {message}").format(
                        file=file, row=e.row, column=e.column_name, message=e.message
                    )
                )
            for w in result.warnings:
                self.err(
                    translate(
                        "cli", "{file}, row {row}, column {column} (warning): {message}"
                    ).format(file=file, row=w.row, column=w.column_name, message=w.message)
                )
            template = (
                translate(
                    "cli", "Checked (nothing written): %n new, {d} already present.", None,
                    result.imported)
                if dry_run
                else translate(
                    "cli", "Imported %n, skipped {d} already present.", None, result.imported)
            )  # fmt: skip
            self.out(template.format(d=result.skipped_duplicates))
        return 1 if result.errors and not getattr(self.args, "skip_invalid", False) else 0
