"""Published mailboxes (C2.1): their servers, where each address is published, the password in
the system keyring only, and where fetching stopped (UIDVALIDITY + last UID per folder)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import Mailbox, MailFetchState
from desktop_app.data.models.mail import PUBLISHED_ON, SECURITIES
from desktop_app.i18n import translate
from desktop_app.services import audit, credentials
from desktop_app.services.errors import UserError, require_version
from desktop_app.services.permissions import Actor, Perm

_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[A-Za-z]{2,}$")
_HOST = re.compile(r"^[A-Za-z0-9.\-:\[\]]{1,253}$")


@dataclass(frozen=True)
class MailboxConfig:
    """A mailbox as Settings shows and saves it; never holds the password."""

    address: str
    imap_host: str
    smtp_host: str
    username: str = ""
    imap_port: int = 993
    imap_security: str = "tls"
    smtp_port: int = 465
    smtp_security: str = "tls"
    folder: str = "INBOX"
    ca_file: str = ""
    published_on: tuple[str, ...] = ("website",)
    auto_acknowledge: bool = False
    active: bool = True
    id: int | None = None
    version: int | None = None

    @property
    def login(self) -> str:
        return self.username or self.address

    @property
    def secret_account(self) -> str:
        return f"mail:{self.address}"


def _to_config(m: Mailbox) -> MailboxConfig:
    return MailboxConfig(
        id=m.id, version=m.version, address=m.address, imap_host=m.imap_host,
        imap_port=m.imap_port, imap_security=m.imap_security, smtp_host=m.smtp_host,
        smtp_port=m.smtp_port, smtp_security=m.smtp_security, username=m.username,
        folder=m.folder, ca_file=m.ca_file,
        published_on=tuple(p for p in m.published_on.split(",") if p),
        auto_acknowledge=m.auto_acknowledge, active=m.active,
    )  # fmt: skip


def list_mailboxes(db: Database, actor: Actor) -> list[MailboxConfig]:
    actor.require(Perm.VIEW_SETTINGS)
    with db.read() as s:
        return [_to_config(m) for m in s.scalars(select(Mailbox).order_by(Mailbox.address))]


def active_mailboxes(session: Session) -> list[MailboxConfig]:
    """For unattended work (fetch, probe, sending) inside another unit of work."""
    rows = session.scalars(select(Mailbox).where(Mailbox.active).order_by(Mailbox.address))
    return [_to_config(m) for m in rows]


def load_mailbox(session: Session, mailbox_id: int) -> MailboxConfig | None:
    m = session.get(Mailbox, mailbox_id)
    return _to_config(m) if m else None


def check(config: MailboxConfig) -> MailboxConfig:
    """One sentence for the first thing wrong; the cleaned configuration otherwise."""
    c = replace(
        config,
        address=config.address.strip().lower(),
        imap_host=config.imap_host.strip(),
        smtp_host=config.smtp_host.strip(),
        username=config.username.strip(),
        folder=config.folder.strip() or "INBOX",
        ca_file=config.ca_file.strip(),
    )
    if not _EMAIL.match(c.address):
        raise UserError(
            translate("mail", "“{value}” is not an e-mail address.").format(value=c.address)
        )
    for host in (c.imap_host, c.smtp_host):
        if not _HOST.match(host):
            raise UserError(translate("mail", "“{value}” is not a server name.").format(value=host))
    for port in (c.imap_port, c.smtp_port):
        if not 1 <= port <= 65535:
            raise UserError(translate("mail", "A port is a number from 1 to 65535."))
    if c.imap_security not in SECURITIES or c.smtp_security not in SECURITIES:
        raise UserError(
            translate("mail", "Connections are always encrypted: choose TLS or STARTTLS.")
        )
    if any(p not in PUBLISHED_ON for p in c.published_on):
        raise UserError(translate("mail", "Unknown place of publication."))
    if c.ca_file and not Path(c.ca_file).is_file():
        raise UserError(
            translate("mail", "The certificate authority file {file} does not exist.").format(
                file=c.ca_file
            )
        )
    return c


def save_mailbox(
    db: Database, actor: Actor, config: MailboxConfig, password: str | None = None
) -> MailboxConfig:
    """Administrator only. The password goes to the system keyring first: where only an
    insecure store exists, credentials refuses with one sentence and nothing is saved."""
    actor.require(Perm.EDIT_SETTINGS)
    c = check(config)
    if c.id is None and not password:
        raise UserError(translate("mail", "Give the mailbox's password."))
    if password:
        credentials.store_secret(c.secret_account, password)
    with db.write() as s:
        other = s.scalar(select(Mailbox.id).where(Mailbox.address == c.address))
        if other is not None and other != c.id:
            raise UserError(
                translate("mail", "A mailbox with the address {address} already exists.").format(
                    address=c.address
                )
            )
        if c.id is None:
            m = Mailbox(address=c.address)
            s.add(m)
            before = None
        else:
            found = s.get(Mailbox, c.id)
            if found is None:
                raise UserError(translate("mail", "This mailbox no longer exists."))
            require_version(
                found.version,
                c.version,
                lambda: translate("mail", "The mailbox {address} was changed meanwhile; reopen it.")
                .format(address=found.address),
            )  # fmt: skip
            m, before = found, {"address": found.address, "imap_host": found.imap_host}
        m.address, m.imap_host, m.imap_port = c.address, c.imap_host, c.imap_port
        m.imap_security, m.smtp_host, m.smtp_port = c.imap_security, c.smtp_host, c.smtp_port
        m.smtp_security, m.username, m.folder = c.smtp_security, c.username, c.folder
        m.ca_file, m.published_on = c.ca_file, ",".join(c.published_on)
        m.auto_acknowledge, m.active = c.auto_acknowledge, c.active
        s.flush()
        audit.record(s, actor, "create" if before is None else "update", "mailbox", m.id,
                     before=before, after={"address": m.address, "imap_host": m.imap_host,
                                           "smtp_host": m.smtp_host,
                                           "published_on": m.published_on})  # fmt: skip
        return _to_config(m)


def delete_mailbox(db: Database, actor: Actor, mailbox_id: int) -> None:
    actor.require(Perm.EDIT_SETTINGS)
    with db.write() as s:
        m = s.get(Mailbox, mailbox_id)
        if m is None:
            return
        s.execute(delete(Mailbox).where(Mailbox.id == mailbox_id))
        audit.record(s, actor, "delete", "mailbox", mailbox_id, before={"address": m.address})


def password_of(config: MailboxConfig) -> str:
    """The password from the keyring, or one sentence saying it is missing."""
    secret = credentials.load_secret(config.secret_account)
    if not secret:
        raise UserError(
            translate(
                "mail", "No password is stored for {address}: enter it again in Settings."
            ).format(address=config.address)
        )
    return secret


@dataclass(frozen=True)
class FetchState:
    uidvalidity: int
    last_uid: int
    last_fetch_at: datetime | None
    last_outcome: str
    last_ok: bool


def fetch_state(session: Session, mailbox_id: int, folder: str) -> FetchState:
    row = session.scalar(
        select(MailFetchState).where(
            MailFetchState.mailbox_id == mailbox_id, MailFetchState.folder == folder
        )
    )
    if row is None:
        return FetchState(0, 0, None, "", True)
    return FetchState(row.uidvalidity, row.last_uid, row.last_fetch_at, row.last_outcome,
                      row.last_ok)  # fmt: skip


def record_fetch(
    session: Session,
    mailbox_id: int,
    folder: str,
    *,
    now: datetime,
    outcome: str,
    ok: bool,
    uidvalidity: int | None = None,
    last_uid: int | None = None,
) -> None:
    """Where fetching stopped; written in the same transaction as the messages it read."""
    row = session.scalar(
        select(MailFetchState).where(
            MailFetchState.mailbox_id == mailbox_id, MailFetchState.folder == folder
        )
    )
    if row is None:
        row = MailFetchState(mailbox_id=mailbox_id, folder=folder, uidvalidity=0, last_uid=0)
        session.add(row)
    if uidvalidity is not None:
        row.uidvalidity = uidvalidity
    if last_uid is not None:
        row.last_uid = last_uid
    row.last_fetch_at, row.last_outcome, row.last_ok = now, outcome[:2000], ok


def server_failure(stage: str, server: str, host: str, port: int, detail: str = "") -> str:
    """The one sentence that says exactly what failed talking to a mail server (Settings'
    "Test connection", fetch, probe): the name, the connection, the certificate, the login, or
    the folder."""
    where = f"{host}:{port}"
    sentences = {
        "dns": translate("mail", "The {server} server name {host} cannot be found (DNS)."),
        "connect": translate(
            "mail", "The {server} server {host} does not answer or cut the connection."
        ),
        "tls": translate(
            "mail",
            "The {server} server {host} has no valid certificate for that name, or refused "
            "the encrypted connection (TLS).",
        ),
        "login": translate(
            "mail", "The {server} server {host} refused the user name or the password."
        ),
        "folder": translate("mail", "The folder does not exist on the {server} server {host}."),
        "refused": translate("mail", "The {server} server {host} refused the message."),
    }
    sentence = sentences.get(
        stage, translate("mail", "The {server} server {host} answered in an unexpected way.")
    ).format(server=server, host=where)
    return f"{sentence} ({detail[:200]})" if detail else sentence


@dataclass(frozen=True)
class LastFetch:
    at: datetime | None
    ok: bool
    outcome: str


def last_fetch(db: Database, actor: Actor) -> LastFetch | None:
    """The most recent fetch of any mailbox, for the window's status bar; None before any."""
    if not actor.can(Perm.EDIT_REQUESTS):
        actor.require(Perm.READ_ALL)
    with db.read() as s:
        row = s.scalar(
            select(MailFetchState)
            .where(MailFetchState.last_fetch_at.is_not(None))
            .order_by(MailFetchState.last_fetch_at.desc())
            .limit(1)
        )
        if row is None:
            return None
        failing = s.scalar(
            select(MailFetchState.last_outcome).where(MailFetchState.last_ok.is_(False)).limit(1)
        )
        return LastFetch(row.last_fetch_at, failing is None, failing or row.last_outcome)
