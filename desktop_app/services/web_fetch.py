"""Fetching one web page safely for the link checks and the website audit (C2.2, C2.4).

The standard library's urllib is enough here (no new dependency): we need GET, our own redirect
loop (to record every hop and stop loops), verified TLS, a timeout per read and a hard byte limit
while reading. Nothing is ever executed: the body is only bytes handed to a parser. Every failure
becomes a code and one translated sentence, never an exception.
"""

from __future__ import annotations

import codecs
import functools
import re
import socket
import ssl
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit

from desktop_app import __version__
from desktop_app.i18n import translate

TIMEOUT_S = 10.0
MAX_REDIRECTS = 10
MAX_BYTES = 2 * 1024 * 1024
_CHUNK = 64 * 1024
USER_AGENT = f"Istiqbal/{__version__} (link check; +C2.2)"


@dataclass
class Fetched:
    url: str
    ok: bool = False  # a 2xx answer whose body could be read within the limits
    status: int | None = None
    final_url: str = ""
    redirects: list[tuple[int, str]] = field(default_factory=list)
    elapsed_ms: int | None = None
    problem: str = ""  # "" or a code: bad_url, too_many_redirects, timeout, tls, http, …
    body: bytes = b""
    content_type: str = ""
    charset: str = ""
    truncated: bool = False

    @property
    def sentence(self) -> str:
        return problem_sentence(self.problem, self.status)

    def text(self) -> str:
        """The body decoded in its declared charset (header, then <meta>), else UTF-8; bytes
        that do not decode are replaced, never refused (a windows-1256 site is common here)."""
        charset = self.charset or _meta_charset(self.body[:4096]) or "utf-8"
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = "utf-8"
        return self.body.decode(charset, errors="replace")


def problem_sentence(problem: str, status: int | None = None) -> str:
    return {
        "": translate("web", "The page answered."),
        "bad_url": translate("web", "The address is not a web address (http:// or https://)."),
        "too_many_redirects": translate("web", "The address redirects too many times (a loop)."),
        "timeout": translate("web", "The site did not answer in time."),
        "tls": translate("web", "The site's certificate is not valid for this address."),
        "http": translate("web", "The site answered with error {status}.").format(status=status),
        "unreachable": translate("web", "The site cannot be reached (address unknown or down)."),
        "too_large": translate(
            "web", "The page is larger than the limit; only its start was read."
        ),
        "bomb": translate("web", "The page inflates to more than the limit; it was not read."),
        "soft_404": translate("web", "The page answers but says it does not exist."),
        "login": translate("web", "The page asks to sign in before showing the service."),
    }.get(problem, problem)


_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def _meta_charset(head: bytes) -> str:
    m = _META.search(head)
    return m.group(1).decode("ascii", "replace") if m else ""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """We follow redirects ourselves, to record each hop and to stop a loop."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _opener(context: ssl.SSLContext) -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_NoRedirect(), urllib.request.HTTPSHandler(context=context),
                                       urllib.request.ProxyHandler({}))  # fmt: skip


@functools.cache
def tls_context() -> ssl.SSLContext:
    """Certificates verified against the system's authorities (SSL_CERT_FILE is honoured).
    Made once per process: loading the authorities costs ~0.25 s, more than a fetch (measured
    here: 200 links took 34 s with a context per fetch); an SSLContext is safe to share between
    threads."""
    return ssl.create_default_context()


def _read(resp: object, limit: int, deadline: float, encoding: str) -> tuple[bytes, str]:
    """Read at most `limit` bytes (after gzip/deflate), stopping at the deadline; the problem
    code if a limit was hit."""
    inflate = None
    if encoding in ("gzip", "x-gzip", "deflate"):
        inflate = zlib.decompressobj(wbits=47 if encoding != "deflate" else 15)
    out = bytearray()
    while len(out) < limit:
        if time.monotonic() > deadline:
            return bytes(out), "timeout"
        chunk = resp.read(_CHUNK)  # type: ignore[attr-defined]
        if not chunk:
            return bytes(out), ""
        if inflate is None:
            out += chunk
        else:
            out += inflate.decompress(chunk, limit + 1 - len(out))
            if inflate.unconsumed_tail:
                return bytes(out[:limit]), "bomb"
    return bytes(out[:limit]), "bomb" if inflate is not None else "too_large"


def fetch(url: str, *, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES,
          context: ssl.SSLContext | None = None) -> Fetched:  # fmt: skip
    """GET `url`, following up to MAX_REDIRECTS redirects; never raises for the site's faults."""
    result = Fetched(url=url)
    start = time.monotonic()
    deadline = start + 3 * timeout  # a page that trickles bytes still ends
    opener = _opener(context or tls_context())
    current = url
    seen: set[str] = set()
    try:
        while True:
            parts = urlsplit(current)
            if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
                result.problem = "bad_url"
                break
            if current in seen or len(result.redirects) >= MAX_REDIRECTS:
                result.problem = "too_many_redirects"
                break
            seen.add(current)
            request = urllib.request.Request(current, headers={
                "User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5",
                "Accept-Language": "ar-TN, fr-TN;q=0.9, fr;q=0.8"})  # fmt: skip
            try:
                resp = opener.open(request, timeout=timeout)
            except urllib.error.HTTPError as exc:
                resp = exc  # an HTTPError is a response too (3xx not followed, 4xx, 5xx)
            with resp:
                status = int(resp.status or 0)
                headers: Message = resp.headers
                location = headers.get("Location")
                if 300 <= status < 400 and location:
                    current = urljoin(current, location)
                    result.redirects.append((status, current))
                    continue
                result.status, result.final_url = status, current
                result.content_type = headers.get_content_type()
                result.charset = headers.get_content_charset() or ""
                if not 200 <= status < 300:
                    result.problem = "http"
                    break
                encoding = (headers.get("Content-Encoding") or "").lower()
                body, limit_hit = _read(resp, max_bytes, deadline, encoding)
                result.body, result.problem = body, limit_hit
                result.truncated = limit_hit in ("too_large", "bomb")
                result.ok = limit_hit in ("", "too_large")
                break
    except ssl.SSLError:
        result.problem = "tls"
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, ssl.SSLError):
            result.problem = "tls"
        elif isinstance(reason, TimeoutError | socket.timeout):
            result.problem = "timeout"
        else:
            result.problem = "unreachable"
    except TimeoutError:
        result.problem = "timeout"
    except (OSError, ValueError, UnicodeError):
        result.problem = "unreachable"
    except Exception:  # noqa: BLE001 - http.client raises odd kinds on broken servers
        result.problem = "unreachable"
    result.elapsed_ms = int((time.monotonic() - start) * 1000)
    if result.problem == "too_large":
        result.ok = True  # the service answered; only the audit cares that the page was cut
    return result
