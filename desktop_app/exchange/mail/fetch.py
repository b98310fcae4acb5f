"""`mail fetch` (C2.1): new messages of each configured mailbox, by UID, into requests.

Only UIDs above the last one read are fetched (UIDVALIDITY kept; when it changes the folder is
read again and the identities keep duplicates out). Messages are fetched in batches; a batch is
written together with the new last UID in one transaction, so a connection dropped midway
leaves nothing half-imported and the next fetch resumes after the last batch written. A
message that cannot be read is kept aside with its UID; the others are imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from desktop_app.data.db import Database
from desktop_app.data.types import utcnow
from desktop_app.exchange.mail.imap import ImapReader, MailServerError, ServerAccount
from desktop_app.exchange.mail.reader import read_all
from desktop_app.i18n import translate
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import UserError
from desktop_app.services.mail import Incoming, MailError, MailResult, ingest, size_limit
from desktop_app.services.mail import mailboxes as mailbox_service
from desktop_app.services.mail.mailboxes import MailboxConfig
from desktop_app.services.permissions import Actor, Perm
from desktop_app.services.progress import Cancelled, NoProgress, Progress

BATCH = 200


@dataclass
class FetchOutcome:
    address: str
    ok: bool
    sentence: str
    result: MailResult = field(default_factory=MailResult)


def imap_account(config: MailboxConfig, password: str) -> ServerAccount:
    return ServerAccount(config.imap_host, config.imap_port, config.imap_security, config.login,
                         password, config.ca_file)  # fmt: skip


def fetch_mailbox(
    db: Database,
    actor: Actor,
    config: MailboxConfig,
    *,
    password: str | None = None,
    batch: int = BATCH,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> FetchOutcome:
    actor.require(Perm.EDIT_REQUESTS)
    assert config.id is not None
    progress = progress or NoProgress()
    now = now or utcnow()
    result = MailResult()
    try:
        secret = password or mailbox_service.password_of(config)
    except UserError as exc:
        return _failed(db, config, exc.message, now)
    limit = size_limit(settings_service.get_all(db))
    try:
        with ImapReader(imap_account(config, secret), config.folder) as reader:
            with db.read() as s:
                state = mailbox_service.fetch_state(s, config.id, config.folder)
            last = state.last_uid if state.uidvalidity == reader.uidvalidity else 0
            uids = reader.uids_after(last)
            for start in range(0, len(uids), batch):
                if progress.cancelled():
                    raise Cancelled()
                chunk = uids[start : start + batch]
                fetched = list(reader.fetch(chunk))  # the whole batch is read before writing
                incoming = [
                    Incoming(raw, f"{config.address}:{uid}", when, config.id, config.folder, uid)
                    for uid, when, raw in fetched
                ]
                arrivals, refused = read_all(incoming, limit)
                with db.write() as s:
                    part = ingest(db, actor, arrivals, refused, keep_failed=True,
                                  what=config.address, now=now, session=s)  # fmt: skip
                    mailbox_service.record_fetch(
                        s, config.id, config.folder, now=now, ok=True,
                        outcome=_summary(result, part), uidvalidity=reader.uidvalidity,
                        last_uid=max(chunk),
                    )  # fmt: skip
                _merge(result, part)
                progress.report(start + len(chunk), len(uids))
            if not uids:
                with db.write() as s:
                    mailbox_service.record_fetch(s, config.id, config.folder, now=now, ok=True,
                                                 outcome=_summary(result, MailResult()),
                                                 uidvalidity=reader.uidvalidity,
                                                 last_uid=last)  # fmt: skip
    except MailServerError as exc:
        sentence = mailbox_service.server_failure(
            exc.stage, "IMAP", config.imap_host, config.imap_port, exc.detail
        )
        outcome = _failed(db, config, sentence, now)
        outcome.result = result
        return outcome
    if config.auto_acknowledge and result.request_ids:
        from desktop_app.exchange.mail.outbox import acknowledge_new

        lang = str(settings_service.get_all(db).get("default_language", "ar"))
        acknowledge_new(db, actor, result.request_ids, lang if lang in ("ar", "fr") else "ar")
    return FetchOutcome(config.address, True, _summary(result, MailResult()), result)


def _merge(total: MailResult, part: MailResult) -> None:
    total.imported += part.imported
    total.skipped_duplicates += part.skipped_duplicates
    total.replies += part.replies
    total.automatic += part.automatic
    total.failed += part.failed
    total.request_ids += part.request_ids


def _summary(done: MailResult, part: MailResult) -> str:
    return translate(
        "mail", "New requests: {n}; replies: {r}; automatic: {a}; kept aside as unreadable: {f}."
    ).format(
        n=done.imported + part.imported,
        r=done.replies + part.replies,
        a=done.automatic + part.automatic,
        f=len(done.failed) + len(part.failed),
    )


def _failed(db: Database, config: MailboxConfig, sentence: str, now: datetime) -> FetchOutcome:
    assert config.id is not None
    with db.write() as s:
        mailbox_service.record_fetch(s, config.id, config.folder, now=now, ok=False,
                                     outcome=sentence)  # fmt: skip
    return FetchOutcome(config.address, False, sentence)


def fetch_all(
    db: Database,
    actor: Actor,
    *,
    address: str | None = None,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> list[FetchOutcome]:
    """Every active mailbox, or the one named; one mailbox failing does not stop the others."""
    actor.require(Perm.EDIT_REQUESTS)
    with db.read() as s:
        boxes = mailbox_service.active_mailboxes(s)
    if address:
        boxes = [b for b in boxes if b.address == address.strip().lower()]
        if not boxes:
            raise UserError(
                translate("mail", "No active mailbox has the address {address}.").format(
                    address=address
                )
            )
    if not boxes:
        raise UserError(translate("mail", "No mailbox is configured: add one in Settings."))
    outcomes = [fetch_mailbox(db, actor, b, progress=progress, now=now) for b in boxes]
    from desktop_app.exchange.mail.outbox import send_due

    send_due(db, actor)  # failed sendings whose retry time has come (C2.1: they must arrive)
    return outcomes


def outcome_errors(outcomes: list[FetchOutcome]) -> list[MailError]:
    """For --json: each mailbox that could not be read, then each message kept aside."""
    errors = [MailError(o.address, o.sentence) for o in outcomes if not o.ok]
    return errors + [e for o in outcomes for e in o.result.failed]
