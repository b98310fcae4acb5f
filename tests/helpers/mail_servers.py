"""Real mail servers on loopback for the e-mail channel's tests (DESIGN.md "Dovecot in tests").

A Dovecot (IMAP with implicit TLS and STARTTLS, LMTP for delivery) runs from a throw-away config
under a temporary folder, with a certificate from a trustme CA made for `localhost` only; an
aiosmtpd SMTP server (implicit TLS, AUTH) hands what it accepts to Dovecot's LMTP, so mail sent
by Istiqbal really lands in the IMAP mailbox. A small TCP proxy can cut a connection after a
number of bytes, to test a fetch dropped midway.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import signal
import smtplib
import socket
import ssl
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DOVECOT = shutil.which("dovecot") or ("/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists()
                                       else None)  # fmt: skip
PASSWORD = "s3cret-pass"
USERS = 400  # addresses user1@body.tn … made once; each test takes fresh ones


def dovecot_missing_reason() -> str | None:
    """Why the real-server tests cannot run here, or None when they can."""
    if DOVECOT is None:
        return "dovecot is not installed (apt-get install dovecot-imapd dovecot-lmtpd)"
    if not Path("/usr/lib/dovecot/lmtp").exists():
        return "dovecot-lmtpd is not installed (apt-get install dovecot-lmtpd)"
    if os.geteuid() != 0:
        return "the throw-away Dovecot needs root to switch to its service users"
    try:
        pwd.getpwnam("dovenull")
        pwd.getpwnam("nobody")
    except KeyError:
        return "the dovenull/nobody users that Debian's dovecot package creates are missing"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Dovecot:
    root: Path
    ca_file: Path
    imaps_port: int
    imap_port: int
    lmtp_port: int
    server_ctx: ssl.SSLContext
    _users: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def add_user(self, prefix: str = "box") -> str:
        """A fresh address with PASSWORD, from the users written before Dovecot started: it
        re-reads passwd-file only when its mtime changes, so two users appended within the
        same second would leave the second unknown."""
        number = next(self._users)
        if number > USERS:
            raise RuntimeError("the throw-away Dovecot has no more users: raise USERS")
        return f"user{number}@body.tn"

    def deliver(self, recipient: str, raw: bytes, sender: str = "citizen@example.tn") -> None:
        with smtplib.LMTP("127.0.0.1", self.lmtp_port) as lmtp:
            lmtp.sendmail(sender, [recipient], raw)

    def deliver_many(self, recipient: str, messages: list[bytes]) -> None:
        with smtplib.LMTP("127.0.0.1", self.lmtp_port) as lmtp:
            for raw in messages:
                lmtp.sendmail("citizen@example.tn", [recipient], raw)

    def stop(self) -> None:
        pid_file = self.root / "run" / "master.pid"
        if pid_file.exists():
            pid = int(pid_file.read_text().split()[0])
            # A throw-away server: killed with its children at once (SIGTERM makes the master
            # wait about 7 s for its children, at the end of every test worker that used it).
            with contextlib.suppress(ProcessLookupError):
                os.killpg(os.getpgid(pid), signal.SIGKILL)
            for _ in range(100):
                if not _running(pid):
                    break
                time.sleep(0.02)
        shutil.rmtree(self.root, ignore_errors=True)


def _running(pid: int) -> bool:
    """Alive and not a zombie (a daemon's parent, init, may be slow to reap it)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


CONFIG = """
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
default_login_user = dovenull
default_internal_user = dovecot
first_valid_uid = 1
mail_location = maildir:~/Maildir
ssl = yes
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login
lmtp_save_to_detail_mailbox = no
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid=nobody gid=nogroup home={root}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    port = {imap}
  }}
  inet_listener imaps {{
    port = {imaps}
    ssl = yes
  }}
}}
service lmtp {{
  inet_listener lmtp {{
    port = {lmtp}
  }}
}}
service auth {{
  unix_listener auth-userdb {{
    mode = 0666
  }}
}}
"""


def start_dovecot() -> Dovecot:
    import trustme

    assert DOVECOT is not None
    root = Path(tempfile.mkdtemp(prefix="istiqbal-dovecot-"))
    root.chmod(0o755)
    for sub in ("run", "state", "mail"):
        (root / sub).mkdir(mode=0o755)
    nobody = pwd.getpwnam("nobody")
    os.chown(root / "mail", nobody.pw_uid, nobody.pw_gid)
    ca = trustme.CA()
    cert = ca.issue_cert("localhost")  # for this name only: 127.0.0.1 does not match
    cert.private_key_pem.write_to_path(str(root / "key.pem"))
    cert.cert_chain_pems[0].write_to_path(str(root / "cert.pem"))
    ca.cert_pem.write_to_path(str(root / "ca.pem"))
    (root / "passwd").write_text(
        "".join(f"user{n}@body.tn:{{PLAIN}}{PASSWORD}::::::\n" for n in range(1, USERS + 1))
    )
    (root / "passwd").chmod(0o644)
    ports = {"imap": free_port(), "imaps": free_port(), "lmtp": free_port()}
    conf = root / "dovecot.conf"
    conf.write_text(CONFIG.format(root=root, **ports))
    # The master daemonizes; its children would hold captured pipes open, so none are captured.
    with (root / "start.log").open("wb") as log_file:
        subprocess.run([DOVECOT, "-c", str(conf)], check=True, stdout=subprocess.DEVNULL,
                       stderr=log_file, timeout=20)  # fmt: skip
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", ports["imaps"]), timeout=0.5).close()
            socket.create_connection(("127.0.0.1", ports["lmtp"]), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.05)
    else:
        log = (root / "dovecot.log").read_text() if (root / "dovecot.log").exists() else ""
        raise RuntimeError(f"dovecot did not start: {log[-2000:]}")
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(server_ctx)
    return Dovecot(root, root / "ca.pem", ports["imaps"], ports["imap"], ports["lmtp"],
                   server_ctx)  # fmt: skip


class _LmtpHandler:
    """aiosmtpd handler: every accepted message goes on to Dovecot's LMTP, or is refused."""

    def __init__(self, dovecot: Dovecot) -> None:
        self.dovecot = dovecot
        self.accepted = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        try:
            with smtplib.LMTP("127.0.0.1", self.dovecot.lmtp_port) as lmtp:
                lmtp.sendmail(envelope.mail_from, envelope.rcpt_tos, envelope.original_content)
        except smtplib.SMTPException as exc:
            return f"451 delivery failed: {exc}"
        self.accepted += 1
        return "250 OK"


@dataclass
class SmtpServer:
    port: int
    handler: _LmtpHandler
    controller: Any

    def stop(self) -> None:
        self.controller.stop()


def start_smtp(dovecot: Dovecot) -> SmtpServer:
    """Implicit TLS on a loopback port, AUTH PLAIN/LOGIN with the Dovecot users' password."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, auth: Any) -> Any:
        ok = getattr(auth, "password", b"") in (PASSWORD.encode(), PASSWORD)
        return AuthResult(success=ok, handled=False)  # handled=True would send no reply

    handler = _LmtpHandler(dovecot)
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port,
                            ssl_context=dovecot.server_ctx, authenticator=authenticate,
                            auth_require_tls=False, server_hostname="localhost")  # fmt: skip
    controller.start()
    return SmtpServer(port, handler, controller)


class DroppingProxy:
    """Forwards 127.0.0.1:port to a target and cuts every connection once the server has sent
    `cut_after` bytes: a connection lost in the middle of a fetch."""

    def __init__(self, target_port: int, cut_after: int) -> None:
        self.target_port = target_port
        self.cut_after = cut_after
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.port = int(self.sock.getsockname()[1])
        self._stop = False
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self._stop:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            threading.Thread(target=self._pipe, args=(client, upstream, None), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, self.cut_after),
                             daemon=True).start()  # fmt: skip

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket, limit: int | None) -> None:
        sent = 0
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if limit is not None and sent + len(data) > limit:
                    dst.sendall(data[: max(0, limit - sent)])
                    break
                dst.sendall(data)
                sent += len(data)
        except OSError:
            pass
        for s in (src, dst):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def stop(self) -> None:
        self._stop = True
        self.sock.close()
