"""A small website on loopback: the demo body's site, plus the hostile pages the tests need.

Run `uv run python tools/demo_website.py` (port 8765) beside `istiqbal demo` to try the link
checks and the website audit without the internet. Tests and benchmarks/services_links.py start
the same server in a thread (`serve()`), over HTTP or HTTPS.

Extra routes: /redirect/N (a chain of N redirects), /loop (redirects forever), /soft404 (200 that
says "page introuvable"), /login (a login wall), /slow?ms=N, /big (20 MB), /bomb (a gzip bomb),
/deep (100 000 nested elements), /cp1256 (a windows-1256 page), /ok/N (a small page).
"""

from __future__ import annotations

import argparse
import gzip
import ssl
import threading
import time
from functools import lru_cache
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parent.parent / "resources" / "demo_website"
BIG_BYTES = 20 * 1024 * 1024


@lru_cache(maxsize=1)
def _bomb() -> bytes:
    return gzip.compress(b"<html><body>" + b"\0" * BIG_BYTES, compresslevel=9)


class Handler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, directory=str(ROOT), **kwargs)  # type: ignore[arg-type]

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
        pass

    def _send(self, code: int, body: bytes, ctype: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:  # fmt: skip
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _redirect(self, to: str) -> None:
        self._send(302, b"", headers={"Location": to})

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        if path.startswith("/redirect/"):
            n = int(path.rsplit("/", 1)[1] or 0)
            return self._redirect(f"/redirect/{n - 1}" if n > 1 else "/index.html")
        if path == "/loop":
            return self._redirect("/loop")
        if path == "/soft404":
            return self._send(200, b"<html><body><h1>Page introuvable</h1></body></html>")
        if path == "/login":
            body = ("<html><body><form><p>Connectez-vous</p><input type='password' name='p'>"
                    "</form></body></html>")  # fmt: skip
            return self._send(200, body.encode())
        if path == "/slow":
            time.sleep(int(query.get("ms", ["2000"])[0]) / 1000)
            return self._send(200, b"<html><body>slow but fine</body></html>")
        if path.startswith("/ok/"):
            return self._send(200, f"<html><body>service {path[4:]}</body></html>".encode())
        if path == "/big":
            return self._big()
        if path == "/bomb":
            return self._send(200, _bomb(), headers={"Content-Encoding": "gzip"})
        if path == "/deep":
            return self._send(200, b"<div>" * 100_000 + b"71 774 500" + b"</div>" * 100_000)
        if path == "/numbers":  # the ways Tunisian sites write numbers (tests)
            body = ("<html><body><p>Standard : 71 563 500</p><p>Fax : (+216) 71.563.500</p>"
                    "<p>الحالة المدنية : ٧١ ٥٦٣ ٥٢٠</p><p>Numéro vert : 80 100 321</p>"
                    "<p>Ancien : 71 563 577</p><p>contact@commune.tn</p>"
                    "<a href='/big'>a</a><a href='/bomb'>b</a><a href='/deep'>c</a>"
                    "<a href='/cp1256'>d</a><a href='/missing'>e</a><a href='/ok/svc'>f</a>"
                    "<a href='mailto:accueil@commune.tn'>g</a><a href='/loop'>h</a>"
                    "<script>var t = '71 999 999';</script></body></html>")  # fmt: skip
            return self._send(200, body.encode())
        if path == "/cp1256":
            text = "<html><body><p>الصفحة غير موجودة</p><p>الهاتف: 71 774 521</p></body></html>"
            return self._send(200, text.encode("cp1256"), "text/html; charset=windows-1256")
        return super().do_GET()

    def _big(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(BIG_BYTES))
        self.end_headers()
        chunk = b"<p>" + b"x" * 65_529 + b"</p>\n"
        try:
            for _ in range(BIG_BYTES // len(chunk)):
                self.wfile.write(chunk)
            self.wfile.write(b" " * (BIG_BYTES % len(chunk)))
        except OSError:  # the client stopped reading at its limit
            pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        self._send(code, f"<html><body>{code}</body></html>".encode())


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


def serve(host: str = "127.0.0.1", port: int = 0, context: ssl.SSLContext | None = None
          ) -> tuple[ThreadingHTTPServer, str]:  # fmt: skip
    """Start in a daemon thread; returns the server (call shutdown()) and its base URL."""
    server = _Server((host, port), Handler)
    scheme = "http"
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
        scheme = "https"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"{scheme}://{host}:{server.server_address[1]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    server, url = serve(port=args.port)
    print(f"Demo website at {url}/ — Ctrl+C to stop")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
