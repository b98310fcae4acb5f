"""`mail import` (CONTRACTS §5, C2.1, C2.3): saved messages become requests, threads, automatic
records; duplicates, charsets, attachments, limits and hostile messages."""

from __future__ import annotations

import base64
import json
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.cli import main
from desktop_app.data.db import Database
from desktop_app.data.models import (
    CitizenRequest,
    MailAttachment,
    MailMessage,
    MailSending,
    RequestEvent,
)
from desktop_app.exchange.mail.files import import_messages
from desktop_app.exchange.mail.parse import parse_message, safe_filename
from desktop_app.services.permissions import Actor
from tests.helpers.databases import new_database
from tests.helpers.mail_data import mbox, message


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def requests_of(db: Database) -> list[CitizenRequest]:
    with db.read() as s:
        rows = list(s.scalars(select(CitizenRequest).order_by(CitizenRequest.id)))
        s.expunge_all()
        return rows


def count(db: Database, model: type) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_c2_1_arabic_windows_1256_message_becomes_one_email_request(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    raw = message(name="محمد التونسي", subject="طلب مضمون ولادة", body="السلام عليكم، أطلب مضمونا.",
                  charset="windows-1256", date="Tue, 03 Nov 2026 10:15:00 +0100")  # fmt: skip
    result = import_messages(db, admin, write(tmp_path, "a.eml", raw))
    assert (result.imported, result.errors) == (1, [])
    [req] = requests_of(db)
    assert req.channel == "email" and req.contact == "citizen@example.tn"
    assert req.citizen == "محمد التونسي" and req.subject == "طلب مضمون ولادة"
    assert "أطلب مضمونا" in req.body
    assert req.received_at == datetime(2026, 11, 3, 9, 15, tzinfo=UTC)  # from Date: (no Received)


def test_c2_1_latin1_french_and_rfc2231_attachment_kept_under_a_sanitised_name(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    files = [("pièce jointe.pdf", b"%PDF-1.4 a"), ("../../x", b"evil")]
    raw = message(name="Hélène Gâchet", subject="Réclamation éclairage", body="Éclairage en panne",
                  charset="iso-8859-1", attachments=files)  # fmt: skip
    import_messages(db, admin, write(tmp_path, "b.eml", raw))
    [req] = requests_of(db)
    assert req.citizen == "Hélène Gâchet" and req.subject == "Réclamation éclairage"
    assert req.body == "Éclairage en panne"
    with db.read() as s:
        files = list(s.execute(select(MailAttachment.filename, MailAttachment.request_id,
                                      MailAttachment.data)))  # fmt: skip
    assert [(f, r, d) for f, r, d in files] == [
        ("pièce jointe.pdf", req.id, b"%PDF-1.4 a"),
        ("x", req.id, b"evil"),
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../x", "x"),
        ("..\\..\\windows\\system32\\x.dll", "x.dll"),
        ("a\x00b\x1b[31m.pdf", "ab[31m.pdf"),
        ("...", "attachment-3"),
        ("", "attachment-3"),
    ],
)
def test_attachment_names_lose_folders_and_control_characters(raw: str, expected: str) -> None:
    assert safe_filename(raw, 3) == expected


def test_reimport_adds_nothing_and_without_message_id_sender_date_body_identify(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    a = message(message_id="<same@x.tn>")
    b = message(message_id=None, body="Sans identifiant")
    path = write(tmp_path, "box.mbox", mbox(a, b))
    first = import_messages(db, admin, path)
    again = import_messages(db, admin, path)
    assert (first.imported, first.skipped_duplicates) == (2, 0)
    assert (again.imported, again.skipped_duplicates) == (0, 2)
    c = message(message_id=None, body="Sans identifiant, autre texte")
    third = import_messages(db, admin, write(tmp_path, "c.eml", c))
    assert third.imported == 1
    assert len(requests_of(db)) == 3


def test_c2_3_reply_by_in_reply_to_or_reference_in_subject_joins_the_timeline(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    first = message(message_id="<q1@example.tn>", subject="Demande d'extrait")
    import_messages(db, admin, write(tmp_path, "1.eml", first))
    [req] = requests_of(db)
    reply = message(message_id="<q2@example.tn>", subject="Re: Demande",
                    headers={"In-Reply-To": "<q1@example.tn>"}, body="Voici la pièce")  # fmt: skip
    by_subject = message(message_id="<q3@example.tn>", subject=f"Complément {req.reference}",
                         body="Encore")  # fmt: skip
    result = import_messages(db, admin, write(tmp_path, "2.mbox", mbox(reply, by_subject)))
    assert (result.imported, result.replies) == (0, 2)
    assert len(requests_of(db)) == 1
    with db.read() as s:
        kinds = list(s.scalars(select(RequestEvent.kind).where(RequestEvent.request_id == req.id)))
        linked = s.scalar(select(func.count()).where(MailMessage.request_id == req.id))
    assert kinds.count("mail_in") == 2 and linked == 3


def test_a_reply_in_the_same_mbox_joins_the_new_request(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    first = message(message_id="<t1@example.tn>")
    reply = message(message_id="<t2@example.tn>", headers={"References": "<t1@example.tn>"})
    result = import_messages(db, admin, write(tmp_path, "t.mbox", mbox(first, reply)))
    assert (result.imported, result.replies) == (1, 1)
    [req] = requests_of(db)
    with db.read() as s:
        assert s.scalar(select(func.count()).where(MailMessage.request_id == req.id)) == 2


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto-Submitted": "auto-replied"},
        {"X-Autoreply": "yes"},
        {"Precedence": "auto_reply"},
    ],
)
def test_automatic_messages_are_recorded_never_requests(
    db: Database, admin: Actor, tmp_path: Path, headers: dict[str, str]
) -> None:
    raw = message(subject="Absence du bureau", headers=headers)
    result = import_messages(db, admin, write(tmp_path, "auto.eml", raw))
    assert (result.imported, result.automatic) == (0, 1)
    assert requests_of(db) == []
    with db.read() as s:
        assert s.scalar(select(MailMessage.kind)) == "automatic"


def test_a_bounce_of_a_message_we_sent_marks_that_sending_failed(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    with db.write() as s:
        s.add(MailSending(kind="answer", status="sent", to_address="x@example.tn",
                          message_id="sent-1@body.tn"))  # fmt: skip
    dsn = (
        b"From: MAILER-DAEMON@body.tn\nTo: bureau@body.tn\nSubject: Undelivered\n"
        b"Date: Tue, 03 Nov 2026 10:15:00 +0100\nMessage-ID: <dsn1@body.tn>\n"
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="R"\n\n'
        b"--R\nContent-Type: text/plain\n\nDelivery failed.\n"
        b"--R\nContent-Type: message/delivery-status\n\nAction: failed\n"
        b"--R\nContent-Type: text/rfc822-headers\n\nMessage-ID: <sent-1@body.tn>\n"
        b"--R--\n"
    )
    result = import_messages(db, admin, write(tmp_path, "dsn.eml", dsn))
    assert (result.imported, result.automatic) == (0, 1)
    with db.read() as s:
        assert s.scalar(select(MailSending.status)) == "failed"


def test_received_at_is_the_topmost_received_header_else_date_else_an_error(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    raw = message(received="Wed, 04 Nov 2026 08:00:00 +0100", date="Mon, 02 Nov 2026 23:00 +0100")
    import_messages(db, admin, write(tmp_path, "r.eml", raw))
    assert requests_of(db)[0].received_at == datetime(2026, 11, 4, 7, 0, tzinfo=UTC)
    undated = message(message_id="<nd@x.tn>", date=None)
    path = write(tmp_path, "undated.eml", undated)
    result = import_messages(db, admin, path)
    assert result.imported == 0
    assert [e.file for e in result.errors] == [str(path)]
    assert "Date" in result.errors[0].message


def test_all_or_nothing_unless_skip_invalid_and_dry_run_writes_nothing(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    good = message(message_id="<g@x.tn>")
    bad = message(message_id="<b@x.tn>", date=None)
    path = write(tmp_path, "mixed.mbox", mbox(good, bad))
    result = import_messages(db, admin, path)
    assert result.imported == 0 and requests_of(db) == []
    assert [e.file for e in result.errors] == [f"{path}#2"]
    dry = import_messages(db, admin, path, skip_invalid=True, dry_run=True)
    assert dry.imported == 1 and requests_of(db) == []
    done = import_messages(db, admin, path, skip_invalid=True)
    assert done.imported == 1 and len(requests_of(db)) == 1


def test_html_only_becomes_text_without_anything_fetched() -> None:
    html = (
        b"From: a@example.tn\nDate: Tue, 03 Nov 2026 10:15:00 +0100\n"
        b"Content-Type: text/html; charset=utf-8\n\n"
        b"<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>"
        b'<p>Bonjour</p><img src="http://tracker.example/x.png"><p>Ligne&nbsp;2</p></body></html>'
    )
    parsed = parse_message(html, 10**7)
    assert parsed.text == "Bonjour\n\nLigne 2"
    assert "tracker" not in parsed.text and "alert" not in parsed.text


def test_a_message_over_the_size_limit_is_an_error_for_its_file(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    from desktop_app.services import settings as settings_service

    with db.write() as s:
        settings_service.save(s, admin, {"mail_size_limit_mb": 1})
    raw = message(attachments=[("big.pdf", b"x" * 1_200_000)])
    path = write(tmp_path, "big.eml", raw)
    result = import_messages(db, admin, path)
    assert result.imported == 0
    assert result.errors[0].file == str(path) and "1 MB" in result.errors[0].message


def _nested(depth: int) -> bytes:
    raw = b"From: a@example.tn\nDate: Tue, 03 Nov 2026 10:15:00 +0100\n\nfin\n"
    for _ in range(depth):
        raw = (b"From: a@example.tn\nDate: Tue, 03 Nov 2026 10:15:00 +0100\n"
               b"Content-Type: message/rfc822\n\n" + raw)  # fmt: skip
    return raw


def _parts(n: int) -> bytes:
    head = (b"From: a@example.tn\nDate: Tue, 03 Nov 2026 10:15:00 +0100\n"
            b'Content-Type: multipart/mixed; boundary="B"\n\n')  # fmt: skip
    return head + b"--B\nContent-Type: text/plain\n\nx\n" * n + b"--B--\n"


def _zip_bomb() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("bomb.txt", b"\0" * 50_000_000)
    data = base64.encodebytes(buffer.getvalue())
    return (b"From: a@example.tn\nDate: Tue, 03 Nov 2026 10:15:00 +0100\n"
            b'Content-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: text/plain\n\nzip\n'
            b'--B\nContent-Type: application/zip; name="b.zip"\n'
            b"Content-Transfer-Encoding: base64\n\n" + data + b"--B--\n")  # fmt: skip


HOSTILE = {
    "10000_parts": _parts(10_000),
    "1mb_header": b"Subject: " + b"a" * 1_000_000 + b"\nFrom: a@example.tn\n"
    b"Date: Tue, 03 Nov 2026 10:15:00 +0100\n\nx\n",
    "nested_100": _nested(100),
    "zip_bomb": _zip_bomb(),
    "nul_bytes": b"From: a@example.tn\nDate: Tue, 03 Nov 2026 10:15:00 +0100\n"
    b"Subject: a\0b\n\nc\0d\n",
    "bad_base64": b"From: a@example.tn\nDate: Tue, 03 Nov 2026 10:15:00 +0100\n"
    b"Content-Transfer-Encoding: base64\n\n!!!not base64@@@\n",
    "unknown_charset": b"From: a@example.tn\nDate: Tue, 03 Nov 2026 10:15:00 +0100\n"
    b"Subject: =?x-klingon?q?abc?=\nContent-Type: text/plain; charset=x-klingon\n\n\xff\xfeabc\n",
    "traversal": message(attachments=[("../../x", b"data")]),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_messages_read_within_a_second_or_refused_naming_the_file(
    db: Database, admin: Actor, tmp_path: Path, name: str
) -> None:
    path = write(tmp_path, f"{name}.eml", HOSTILE[name])
    started = time.perf_counter()
    result = import_messages(db, admin, path)
    assert time.perf_counter() - started < 1.0
    if result.errors:
        assert result.errors[0].file == str(path) and result.imported == 0
        assert count(db, MailMessage) == 0
    else:
        assert result.imported == 1
        [req] = requests_of(db)
        assert "\0" not in req.subject + req.body
        with db.read() as s:
            names = list(s.scalars(select(MailAttachment.filename)))
        assert all("/" not in n and "\0" not in n for n in names)


def test_cli_json_names_the_message_of_an_mbox(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = new_database(tmp_path / "cli.sqlite")  # every command but demo needs one
    path = write(tmp_path, "in.mbox", mbox(message(message_id="<1@x.tn>"),
                                            message(message_id="<2@x.tn>", date=None)))  # fmt: skip
    code = main(["--db", db_path, "mail", "import", str(path), "--json"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 1
    assert payload["imported"] == 0 and payload["skipped_duplicates"] == 0
    assert payload["errors"][0]["file"] == f"{path}#2"
    code = main(["--db", db_path, "mail", "import", str(path), "--skip-invalid", "--json"])
    assert code == 0 and json.loads(capsys.readouterr().out)["imported"] == 1
    code = main(["--db", db_path, "mail", "import", str(tmp_path / "none.eml")])
    captured = capsys.readouterr()
    assert code == 1 and "none.eml" in captured.err and "Traceback" not in captured.err


def test_a_folder_of_eml_files_is_read_in_name_order(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    write(folder, "2.eml", message(message_id="<f2@x.tn>", subject="Deux"))
    write(folder, "1.EML", message(message_id="<f1@x.tn>", subject="Un"))
    write(folder, "notes.txt", b"not a message")
    result = import_messages(db, admin, folder)
    assert result.imported == 2
    assert [r.subject for r in requests_of(db)] == ["Un", "Deux"]


def test_an_empty_file_or_one_that_is_no_message_is_said_so_c2_1(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    """Both were reported as a message "with neither a usable Received: nor Date: header"."""
    empty = write(tmp_path, "empty.mbox", b"")
    other = write(tmp_path, "scan.eml", b"%PDF-1.4\n\x00\xff binary")
    for path, words in ((empty, "empty"), (other, "not a saved e-mail")):
        result = import_messages(db, admin, path)
        assert result.imported == 0 and len(result.errors) == 1
        assert result.errors[0].file == str(path) and words in result.errors[0].message
    bom = write(tmp_path, "bom.eml", b"\xef\xbb\xbf" + message(message_id="<bom@x.tn>"))
    assert import_messages(db, admin, bom).imported == 1  # a BOM before the headers is fine


def test_cli_summary_gives_each_count_after_its_name_c2_1(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The summary "Imported 1 new requests" was wrong for one message in every language."""
    path = write(tmp_path, "one.eml", message(message_id="<one@x.tn>"))
    db_path = str(tmp_path / "istiqbal.sqlite")
    assert main(["--db", db_path, "mail", "import", str(path)]) == 0
    assert capsys.readouterr().out.strip() == (
        "New requests imported: 1; replies to a request: 0; automatic messages: 0; "
        "skipped as already present: 0."
    )
