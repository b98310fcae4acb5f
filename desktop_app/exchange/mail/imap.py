"""IMAP4rev1 reading by UID: implicit TLS or STARTTLS, the certificate always verified (an optional
CA file for an internal server, never "ignore errors"), the folder opened read-only (EXAMINE)
and messages read with BODY.PEEK[], so nothing is marked, moved or deleted on the server."""

from __future__ import annotations

import contextlib
import imaplib
import re
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType

STAGES = ("dns", "connect", "tls", "login", "folder", "protocol")
_FETCH_HEAD = re.compile(rb"UID (\d+)|INTERNALDATE \"([^\"]+)\"")


class MailServerError(Exception):
    """A conversation with a server failed at one stage (dns, connect, tls, login, folder,
    protocol); services turn it into the sentence a supervisor reads."""

    def __init__(self, stage: str, detail: str) -> None:
        super().__init__(f"{stage}: {detail}")
        self.stage = stage
        self.detail = detail


@dataclass(frozen=True)
class ServerAccount:
    host: str
    port: int
    security: str  # tls | starttls
    username: str
    password: str
    ca_file: str = ""
    timeout: float = 30.0


def tls_context(ca_file: str = "") -> ssl.SSLContext:
    """The system's trusted authorities, or the administrator's CA file; hostnames checked."""
    ctx = ssl.create_default_context(cafile=ca_file or None)
    ctx.check_hostname = True
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


def resolve(host: str, port: int) -> None:
    try:
        socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise MailServerError("dns", str(exc)) from exc


def _text(exc: BaseException) -> str:
    if isinstance(exc, imaplib.IMAP4.error) and exc.args:
        arg = exc.args[0]
        return arg.decode("utf-8", "replace") if isinstance(arg, bytes) else str(arg)
    return str(exc) or type(exc).__name__


def internal_date(value: bytes) -> datetime | None:
    try:
        moment = datetime.strptime(value.decode().strip(), "%d-%b-%Y %H:%M:%S %z")
    except ValueError:
        return None
    return moment.astimezone(UTC)


class _Imap4Tls(imaplib.IMAP4_SSL):
    """IMAP4_SSL that closes its socket when the TLS handshake fails (the standard one leaks it,
    which a fetch every few minutes against a bad certificate would pile up)."""

    def _create_socket(self, timeout: float | None) -> socket.socket:
        sock = socket.create_connection((self.host, self.port), timeout)
        try:
            wrapped: socket.socket = self.ssl_context.wrap_socket(sock, server_hostname=self.host)
            return wrapped
        except BaseException:
            sock.close()
            raise


class ImapReader:
    """One logged-in, read-only session on one folder."""

    def __init__(self, account: ServerAccount, folder: str) -> None:
        self.account = account
        self.folder = folder
        self.imap: imaplib.IMAP4 | None = None
        self.uidvalidity = 0

    def __enter__(self) -> ImapReader:
        a = self.account
        resolve(a.host, a.port)
        ctx = tls_context(a.ca_file)
        try:
            if a.security == "tls":
                self.imap = _Imap4Tls(a.host, a.port, ssl_context=ctx, timeout=a.timeout)
            else:
                self.imap = imaplib.IMAP4(a.host, a.port, timeout=a.timeout)
                self.imap.starttls(ssl_context=ctx)
        except ssl.SSLError as exc:
            self._abandon()
            raise MailServerError("tls", _text(exc)) from exc
        except imaplib.IMAP4.error as exc:
            self._abandon()
            raise MailServerError("tls", _text(exc)) from exc  # no STARTTLS offered
        except OSError as exc:
            self._abandon()
            raise MailServerError("connect", _text(exc)) from exc
        try:
            self.imap.login(a.username, a.password)
        except imaplib.IMAP4.error as exc:
            self.close()
            raise MailServerError("login", _text(exc)) from exc
        except OSError as exc:
            self.close()
            raise MailServerError("connect", _text(exc)) from exc
        try:
            typ, answer = self.imap.select(_quote(self.folder), readonly=True)
            if typ != "OK":
                self.close()
                raise MailServerError("folder", _text(imaplib.IMAP4.error(answer[0])))
            _, data = self.imap.response("UIDVALIDITY")
            self.uidvalidity = int(data[0]) if data and data[0] else 0
        except imaplib.IMAP4.error as exc:
            self.close()
            raise MailServerError("folder", _text(exc)) from exc
        except OSError as exc:
            self.close()
            raise MailServerError("connect", _text(exc)) from exc
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self.imap is not None:
            try:
                if self.imap.state == "SELECTED":
                    self.imap.close()
                self.imap.logout()
            except (imaplib.IMAP4.error, OSError):
                self._abandon()
            self.imap = None

    def _abandon(self) -> None:
        """Drop a connection that failed midway without another word to the server."""
        if self.imap is not None:
            with contextlib.suppress(OSError, AttributeError):
                self.imap.shutdown()
            self.imap = None

    def uids_after(self, last_uid: int) -> list[int]:
        """UIDs above last_uid (`n:*` always names the highest, so filter)."""
        assert self.imap is not None
        try:
            typ, data = self.imap.uid("SEARCH", f"UID {last_uid + 1}:*")
        except (imaplib.IMAP4.error, OSError) as exc:
            raise MailServerError("protocol", _text(exc)) from exc
        if typ != "OK":
            raise MailServerError("protocol", str(data))
        uids = [int(u) for u in (data[0] or b"").split()]
        return sorted(u for u in uids if u > last_uid)

    def has_header(self, name: str, value: str) -> bool:
        """Whether a message with this header value is in the folder (a probe's token)."""
        assert self.imap is not None
        try:
            typ, data = self.imap.uid("SEARCH", "HEADER", name, f'"{value}"')
        except (imaplib.IMAP4.error, OSError) as exc:
            raise MailServerError("protocol", _text(exc)) from exc
        return typ == "OK" and bool((data[0] or b"").split())

    def refresh(self) -> None:
        """NOOP: lets the server report messages that arrived meanwhile."""
        assert self.imap is not None
        try:
            self.imap.noop()
        except (imaplib.IMAP4.error, OSError) as exc:
            raise MailServerError("connect", _text(exc)) from exc

    def fetch(self, uids: list[int]) -> Iterator[tuple[int, datetime | None, bytes]]:
        """(uid, INTERNALDATE, raw bytes) for each UID, read with BODY.PEEK[] (not marked seen)."""
        assert self.imap is not None
        wanted = ",".join(str(u) for u in uids)
        try:
            typ, data = self.imap.uid("FETCH", wanted, "(UID INTERNALDATE BODY.PEEK[])")
        except (imaplib.IMAP4.error, OSError) as exc:
            raise MailServerError("protocol", _text(exc)) from exc
        if typ != "OK":
            raise MailServerError("protocol", str(data)[:200])
        for item in data:
            if not isinstance(item, tuple) or len(item) < 2:
                continue
            head, raw = item[0], item[1]
            uid, when = None, None
            for m in _FETCH_HEAD.finditer(head):
                if m.group(1):
                    uid = int(m.group(1))
                elif m.group(2):
                    when = internal_date(m.group(2))
            if uid is not None and isinstance(raw, bytes):
                yield uid, when, raw


def _quote(folder: str) -> str:
    """imaplib sends the name as given: quote it (spaces, non-ASCII needs modified UTF-7)."""
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'
