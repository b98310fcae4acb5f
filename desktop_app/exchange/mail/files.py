"""Saved messages for `mail import`: one `.eml`, an mbox, or every `.eml` of a folder (C2.1).

What a body exports from Outlook or Thunderbird. Each message is named for errors as the file's
path, or `PATH#N` for the N-th message of an mbox (CONTRACTS.md §5); the rules are services/mail.
"""

from __future__ import annotations

import re
import stat
from datetime import datetime
from pathlib import Path

from desktop_app.data.db import Database
from desktop_app.exchange.mail.parse import looks_like_mbox, split_mbox
from desktop_app.exchange.mail.reader import read_all
from desktop_app.i18n import translate
from desktop_app.services import mail as mail_service
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import UserError
from desktop_app.services.mail import Incoming, MailError, MailResult
from desktop_app.services.permissions import Actor
from desktop_app.services.progress import Progress

MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024  # an mbox larger than 2 GB is split first
# A message starts with a header field "Name:" (RFC 5322 §2.2: printable ASCII but the colon).
_FIRST_HEADER = re.compile(rb"[!-9;-~]+[ \t]*:")


def _read(path: Path, cap: int) -> bytes:
    """Regular files only (a FIFO would block forever); refused above `cap` bytes."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise UserError(translate("mail", "{file} is not a regular file.").format(file=path))
    if info.st_size > cap:
        raise UserError(
            translate("mail", "{file} is too large to import ({size} MB).").format(
                file=path, size=info.st_size // (1024 * 1024)
            )
        )
    return path.read_bytes()


def read_sources(path: Path, limit: int) -> tuple[list[Incoming], list[MailError]]:
    """The messages under `path`; a file that cannot be read is one error naming it."""
    if not path.exists():
        raise UserError(translate("mail", "{file} does not exist.").format(file=path))
    files = (
        sorted(p for p in path.iterdir() if p.suffix.lower() == ".eml") if path.is_dir() else [path]
    )
    if path.is_dir() and not files:
        raise UserError(
            translate("mail", "The folder {file} holds no .eml file.").format(file=path)
        )
    messages: list[Incoming] = []
    errors: list[MailError] = []
    for file in files:
        try:
            data = _read(file, MAX_FILE_BYTES)
        except UserError as exc:
            errors.append(MailError(str(file), exc.message))
            continue
        except OSError as exc:
            errors.append(
                MailError(
                    str(file),
                    translate("mail", "The file cannot be read ({reason}).").format(
                        reason=exc.strerror or type(exc).__name__
                    ),
                )
            )
            continue
        if file.suffix.lower() != ".eml" and looks_like_mbox(data):
            for number, chunk in enumerate(split_mbox(data), start=1):
                messages.append(Incoming(chunk, f"{file}#{number}"))
        elif not data.strip():
            # Said as such: it was reported as a message without Received: or Date: header.
            errors.append(MailError(str(file), translate("mail", "The file is empty.")))
        elif not _FIRST_HEADER.match(data := data.removeprefix(b"\xef\xbb\xbf").lstrip()):
            errors.append(MailError(str(file), translate(
                "mail", "The file is not a saved e-mail (it does not start with headers such "
                "as From: or Date:); save messages as .eml, or a mailbox as mbox."
            )))  # fmt: skip
        else:  # without a UTF-8 mark an editor put before the headers: they would not parse
            messages.append(Incoming(data, str(file)))
    return messages, errors


def import_messages(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> MailResult:
    """`mail import`: all-or-nothing unless skip_invalid; dry_run writes nothing."""
    limit = mail_service.size_limit(settings_service.get_all(db))
    messages, file_errors = read_sources(path, limit)
    if file_errors and not skip_invalid:
        return MailResult(errors=file_errors)
    arrivals, refused = read_all(messages, limit, progress)
    result = mail_service.ingest(db, actor, arrivals, refused, dry_run=dry_run,
                                 skip_invalid=skip_invalid, what=path.name, progress=progress,
                                 now=now)  # fmt: skip
    result.errors = file_errors + result.errors
    return result
