"""Bytes of one e-mail → a clean message: decoded headers, plain text, attachments, within limits.

Untrusted input (C2.1 intake): the message is read with the fast `compat32` parser, headers are cut
before decoding, at most MAX_PARTS MIME parts and MAX_DEPTH levels of attached messages are walked,
HTML becomes text with nothing fetched, NUL and control characters are dropped, and every charset
a Tunisian inbox holds (windows-1256, latin-1, RFC 2047/2231) is decoded with undecodable bytes
replaced, never refused. No rule lives here: what becomes a request is services/mail.py's call.
"""

from __future__ import annotations

import codecs
import email
import re
from datetime import UTC, datetime
from email import policy
from email.header import decode_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser

from desktop_app.services.mail.model import Attachment, ParsedMessage

MAX_PARTS = 500  # a real message has a handful; past this the rest is ignored, not refused
MAX_BOUNDARY_LINES = 5_000  # refused before parsing: no real message has that many parts
MAX_DEPTH = 8  # message/rfc822 inside message/rfc822 ...: deeper levels are not read
MAX_HEADER_CHARS = 8_000  # a header value is cut to this before decoding
MAX_TEXT_CHARS = 200_000  # the plain-text body kept for the request
MAX_ATTACHMENTS = 50
PROBE_HEADER = "X-Istiqbal-Probe"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MSGID = re.compile(r"<([^<>\s]{1,900})>")


class MessageError(Exception):
    """This message cannot be read (the caller names the file); the sentence is in `message`."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code)
        self.code = code  # too_large | no_date | no_sender | unreadable
        self.detail = detail


def clean_text(value: str) -> str:
    """No NUL or control characters (PostgreSQL refuses NUL; a terminal obeys escapes)."""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def _codec(charset: str | None) -> str:
    name = (charset or "").strip().strip('"').lower()
    if name in ("", "us-ascii", "ascii", "unknown-8bit", "x-unknown"):
        return "utf-8"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "utf-8"  # an unknown charset: read as UTF-8 with bad bytes replaced


def decode_bytes(data: bytes, charset: str | None) -> str:
    codec = _codec(charset)
    try:
        text = data.decode(codec, "replace")
    except (LookupError, UnicodeError):
        text = data.decode("utf-8", "replace")
    if codec == "utf-8" and "\ufffd" in text and charset in (None, ""):
        text = data.decode("windows-1256", "replace")  # undeclared: Tunisian Outlook's default
    return text


def decode_header_value(raw: object) -> str:
    """RFC 2047 words in any charset; raw 8-bit headers as UTF-8; cut long values first."""
    if raw is None:
        return ""
    if isinstance(raw, email.header.Header):
        raw = str(raw)
    value = str(raw)[:MAX_HEADER_CHARS]
    if "=?" not in value and value.isascii():  # the common case: nothing to decode
        return " ".join(_CONTROL.sub("", value).split())
    try:
        parts = decode_header(value)
        decoded = "".join(
            chunk.decode(_codec(cs), "replace") if isinstance(chunk, bytes) else chunk
            for chunk, cs in parts
        )
    except (LookupError, ValueError, AssertionError, email.errors.HeaderParseError):
        decoded = value
    decoded = decoded.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return " ".join(clean_text(decoded).split())


def _header(msg: Message, name: str) -> str:
    try:
        return decode_header_value(msg.get(name))
    except Exception:  # noqa: BLE001 - a broken header reads as absent, never a crash
        return ""


def _ids(value: str) -> list[str]:
    return _MSGID.findall(value)[:100]


def _date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # "-0000": the time is UTC, the zone unknown
    if not 1990 <= moment.year <= 2200:
        return None
    return moment.astimezone(UTC)


def _topmost_received(msg: Message) -> datetime | None:
    """The first Received: header was added by the body's own server: when it arrived."""
    for value in (msg.get_all("Received") or [])[:1]:
        text = str(value)[:MAX_HEADER_CHARS]
        if ";" in text:
            return _date(" ".join(text.rsplit(";", 1)[1].split()))
    return None


class _HtmlText(HTMLParser):
    """HTML to text with the standard library's tokenizer: no image, style or link is fetched."""

    _BLOCK = frozenset(
        ("br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "table", "blockquote")
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head", "title"):
            self.skip += 1
        elif tag in self._BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "title"):
            self.skip = max(0, self.skip - 1)
        elif tag in self._BLOCK:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(data)


def html_to_text(html: str) -> str:
    parser = _HtmlText()
    try:
        parser.feed(html[: MAX_TEXT_CHARS * 5])
        parser.close()
    except Exception:  # noqa: BLE001 - the tokenizer on hostile markup: keep what it read
        pass
    lines = [" ".join(line.split()) for line in "".join(parser.out).splitlines()]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def safe_filename(raw: str, index: int) -> str:
    """No folder, no control character, no leading dot, not too long (`../../x` → `x`)."""
    name = clean_text(raw).replace("\\", "/").split("/")[-1]
    name = re.sub(r"[<>:\"|?*\x00-\x1f]", "_", name).strip().lstrip(".").strip()
    if len(name) > 120:
        stem, dot, ext = name.rpartition(".")
        name = (stem[:100] + dot + ext[:15]) if dot and len(ext) <= 15 else name[:120]
    return name or f"attachment-{index}"


def _payload(part: Message) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001 - invalid base64/quoted-printable: whatever decodes
        data = None
    if isinstance(data, bytes):
        return data
    raw = part.get_payload()
    return raw.encode("utf-8", "replace") if isinstance(raw, str) else b""


def _filename(part: Message) -> str:
    try:
        name = part.get_filename()  # RFC 2231 parameters are collapsed here
    except Exception:  # noqa: BLE001
        name = None
    return decode_header_value(name) if name else ""


class _Walker:
    def __init__(self) -> None:
        self.parts = 0
        self.plain: list[str] = []
        self.html: list[str] = []
        self.attachments: list[Attachment] = []
        self.bounced: list[str] = []
        self.report = False

    def walk(self, part: Message, depth: int) -> None:
        self.parts += 1
        if self.parts > MAX_PARTS or depth > MAX_DEPTH:
            return
        ctype = (part.get_content_type() or "text/plain").lower()
        if part.is_multipart():
            if ctype == "multipart/report":
                self.report = True
            children = part.get_payload()
            if ctype == "message/rfc822" and self.report:
                for child in children if isinstance(children, list) else []:
                    if isinstance(child, Message):
                        self.bounced += _ids(str(child.get("Message-ID", "")))
            if ctype == "message/rfc822":
                self._attach(part, ctype, part.as_bytes() if depth < 3 else b"")
                return  # an attached message is kept whole, not read into the body
            for child in children if isinstance(children, list) else []:
                if isinstance(child, Message):
                    self.walk(child, depth + 1)
            return
        disposition = str(part.get("Content-Disposition", "")).split(";")[0].strip().lower()
        name = _filename(part)
        if ctype == "text/rfc822-headers" and self.report:
            self.bounced += _ids(_payload(part).decode("latin-1"))
        if disposition != "attachment" and not name and ctype in ("text/plain", "text/html"):
            text = decode_bytes(_payload(part), part.get_content_charset())
            (self.plain if ctype == "text/plain" else self.html).append(text)
            return
        if ctype.startswith("multipart/") or (not name and ctype == "text/plain"):
            return
        self._attach(part, ctype, _payload(part), name)

    def _attach(self, part: Message, ctype: str, data: bytes, name: str = "") -> None:
        if len(self.attachments) >= MAX_ATTACHMENTS:
            return
        index = len(self.attachments) + 1
        if not name and ctype == "message/rfc822":
            name = f"message-{index}.eml"
        self.attachments.append(Attachment(safe_filename(name, index), ctype[:100], data))


def _automatic(msg: Message, sender: str, report: bool) -> str:
    auto = str(msg.get("Auto-Submitted", "")).strip().lower()
    if auto and not auto.startswith("no"):
        return "auto-submitted"
    if report or (msg.get_content_type() or "").lower() == "multipart/report":
        return "dsn"
    if msg.get("X-Autoreply") or msg.get("X-Autorespond"):
        return "vacation"
    precedence = str(msg.get("Precedence", "")).strip().lower()
    if precedence in ("auto_reply", "bulk", "junk", "list"):
        return "vacation" if precedence == "auto_reply" else "bulk"
    local = sender.split("@")[0]
    if local in ("mailer-daemon", "postmaster") or str(msg.get("Return-Path", "")).strip() == "<>":
        return "dsn"
    return ""


def parse_message(raw: bytes, limit: int) -> ParsedMessage:
    """Read one message; MessageError when it is over `limit` bytes or cannot be read at all."""
    if len(raw) > limit:
        raise MessageError("too_large", str(len(raw)))
    if raw.count(b"\n--") > MAX_BOUNDARY_LINES:
        raise MessageError("unreadable", "parts")  # thousands of parts: built to exhaust
    try:
        msg = email.message_from_bytes(raw, policy=policy.compat32)
        walker = _Walker()
        walker.walk(msg, 0)
    except (RecursionError, MemoryError) as exc:
        raise MessageError("unreadable", type(exc).__name__) from exc
    from_value = _header(msg, "From") or _header(msg, "Sender")
    addresses = getaddresses([from_value]) if from_value else []
    name, address = addresses[0] if addresses else ("", "")
    sender = clean_text(address).strip().lower()[:200]
    text = "\n\n".join(t.strip() for t in walker.plain if t.strip())
    if not text and walker.html:
        text = "\n\n".join(html_to_text(h) for h in walker.html)
    headers_text = "\n".join(
        f"{key}: {decode_header_value(value)}"
        for key, value in msg.items()[:60]
        if key.lower() in ("from", "to", "cc", "date", "subject", "message-id", "reply-to")
    )
    return ParsedMessage(
        message_id=(_ids(str(msg.get("Message-ID", ""))[:MAX_HEADER_CHARS]) or [""])[0],
        in_reply_to=_ids(str(msg.get("In-Reply-To", ""))[:MAX_HEADER_CHARS]),
        references=_ids(str(msg.get("References", ""))[:MAX_HEADER_CHARS]),
        sender=sender,
        sender_name=" ".join(name.split())[:200],
        to=_header(msg, "To")[:500],
        subject=_header(msg, "Subject")[:500],
        date=_date(_header(msg, "Date")),
        received=_topmost_received(msg),
        text=clean_text(text)[:MAX_TEXT_CHARS],
        attachments=walker.attachments,
        automatic=_automatic(msg, sender, walker.report),
        bounced_ids=walker.bounced[:20],
        probe_token=_header(msg, PROBE_HEADER)[:64],
        headers_text=headers_text,
        size=len(raw),
    )


def split_mbox(data: bytes) -> list[bytes]:
    """An mbox's messages: each starts with a `From ` line at the start of a line (mboxrd's
    `>From ` quoting is undone), the separator line itself not part of the message."""
    if not data.startswith(b"From "):
        return [data]
    chunks = re.split(rb"(?:^|\r?\n)From [^\n]*\n", data)
    out = []
    for chunk in chunks:
        if not chunk.strip():
            continue
        out.append(re.sub(rb"(?m)^>(>*From )", rb"\1", chunk))
    return out


def looks_like_mbox(data: bytes) -> bool:
    return data.startswith(b"From ") and b"\n" in data[:1000]
