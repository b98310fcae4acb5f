"""The loopback website of tools/demo_website.py, for tests and benchmarks (HTTP and HTTPS)."""

from __future__ import annotations

import importlib.util
import ssl
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path
from types import ModuleType

TOOL = Path(__file__).resolve().parents[2] / "tools" / "demo_website.py"


def site_module() -> ModuleType:
    if "istiqbal_demo_website" not in sys.modules:
        spec = importlib.util.spec_from_file_location("istiqbal_demo_website", TOOL)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["istiqbal_demo_website"] = module
        spec.loader.exec_module(module)
    return sys.modules["istiqbal_demo_website"]


@contextmanager
def running_site(context: ssl.SSLContext | None = None) -> Iterator[str]:
    server: ThreadingHTTPServer
    server, url = site_module().serve(context=context)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()
