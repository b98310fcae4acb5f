"""Times the e-mail channel at scale (C2.1): `mail import` of an mbox of 10 000 messages, and
`mail fetch` of 1 000 new messages from a loopback Dovecot, each beside a naive baseline that
takes one message per transaction (and, for fetch, one UID FETCH per message).

uv run python benchmarks/mail_speed.py [--messages 10000] [--fetch 1000] [--naive 1000]

The naive import runs over the first --naive messages only (it is slow by design) and its rate
is given per message beside the real one. The fetch part needs Dovecot (dovecot-imapd,
dovecot-lmtpd, root); without it it is skipped with the reason.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from desktop_app.config import resolve_database
from desktop_app.exchange.mail.fetch import fetch_mailbox
from desktop_app.exchange.mail.files import import_messages, read_sources
from desktop_app.exchange.mail.reader import read_all
from desktop_app.i18n import ensure_core_application
from desktop_app.services import mail as mail_service
from desktop_app.services.database import open_database
from desktop_app.services.mail.mailboxes import MailboxConfig, save_mailbox
from desktop_app.services.permissions import system_actor
from tests.helpers.mail_data import mbox, message


def corpus(n: int) -> list[bytes]:
    out = []
    for i in range(n):
        arabic = ("windows-1256", "السلام عليكم، أطلب مضمون ولادة عدد " + str(i))
        french = ("iso-8859-1", f"Bonjour, je demande l'extrait n° {i}.")
        charset, body = arabic if i % 2 else french
        out.append(message(message_id=f"<bench{i}@example.tn>", sender=f"c{i}@example.tn",
                           name="Citoyen", subject=f"Demande {i}", body=body,
                           charset=charset))  # fmt: skip
    return out


def bench_import(folder: Path, n: int, naive_n: int) -> None:
    path = folder / "big.mbox"
    path.write_bytes(mbox(*corpus(n)))
    actor = system_actor("bench")
    db = open_database(resolve_database(str(folder / "import.sqlite")))
    started = time.perf_counter()
    result = import_messages(db, actor, path)
    bulk = time.perf_counter() - started
    assert result.imported == n, result.as_json()
    print(f"mail import, {n} messages in one mbox: {bulk:.2f} s ({n / bulk:.0f} messages/s)")
    db.dispose()
    naive_db = open_database(resolve_database(str(folder / "naive.sqlite")))
    messages, _ = read_sources(path, 10 * 1024 * 1024)
    started = time.perf_counter()
    for incoming in messages[:naive_n]:
        arrivals, refused = read_all([incoming], 10 * 1024 * 1024)
        mail_service.ingest(naive_db, actor, arrivals, refused)  # one transaction each
    naive = time.perf_counter() - started
    rate, whole = naive_n / naive, naive * n / naive_n
    print(f"  naive baseline, one message per transaction, {naive_n} messages: {naive:.2f} s "
          f"({rate:.0f} messages/s; {n} would take ~{whole:.0f} s)")  # fmt: skip
    naive_db.dispose()


def bench_fetch(folder: Path, n: int) -> None:
    from tests.helpers.mail_servers import PASSWORD, dovecot_missing_reason, start_dovecot

    reason = dovecot_missing_reason()
    if reason:
        print(f"mail fetch: skipped ({reason})")
        return
    import keyring

    from tests.helpers.memory_keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())  # the benchmark only: the product uses the system store
    dovecot = start_dovecot()
    try:
        actor = system_actor("bench")
        for label, batch in (("batches of 200", 200), ("naive, one message per fetch", 1)):
            db = open_database(resolve_database(str(folder / f"fetch{batch}.sqlite")))
            box = save_mailbox(db, actor, MailboxConfig(
                address=dovecot.add_user("bench"), imap_host="localhost",
                imap_port=dovecot.imaps_port, smtp_host="localhost",
                ca_file=str(dovecot.ca_file)), password=PASSWORD)  # fmt: skip
            dovecot.deliver_many(box.address, corpus(n))
            started = time.perf_counter()
            outcome = fetch_mailbox(db, actor, box, batch=batch)
            took = time.perf_counter() - started
            assert outcome.ok and outcome.result.imported == n, outcome.sentence
            print(f"mail fetch, {n} new messages from loopback Dovecot ({label}): {took:.2f} s")
            db.dispose()
    finally:
        dovecot.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--fetch", type=int, default=1_000)
    parser.add_argument("--naive", type=int, default=1_000)
    args = parser.parse_args()
    ensure_core_application()
    with tempfile.TemporaryDirectory() as tmp:
        bench_import(Path(tmp), args.messages, args.naive)
        bench_fetch(Path(tmp), args.fetch)


if __name__ == "__main__":
    main()
