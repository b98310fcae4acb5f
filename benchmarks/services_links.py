"""Times the link checks of 200 online services against the loopback demo website (C2.2).

180 links answer at once and 20 answer after `--slow-ms` (default 2 000 ms). The catalogue is
checked twice in the same run: concurrently on the bounded pool (service_links.MAX_WORKERS) and
one at a time, the baseline. The target: ≤ 10 s concurrent.

uv run python benchmarks/services_links.py [--links 200] [--slow 20] [--slow-ms 2000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.config import resolve_database  # noqa: E402
from desktop_app.data.models import OnlineService  # noqa: E402
from desktop_app.i18n import ensure_core_application  # noqa: E402
from desktop_app.services import service_links  # noqa: E402
from desktop_app.services.database import open_database  # noqa: E402
from desktop_app.services.permissions import system_actor  # noqa: E402
from tests.helpers.web_site import running_site  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=200)
    parser.add_argument("--slow", type=int, default=20)
    parser.add_argument("--slow-ms", type=int, default=2000)
    args = parser.parse_args()
    ensure_core_application()
    with tempfile.TemporaryDirectory() as tmp, running_site() as site:
        db = open_database(resolve_database(str(Path(tmp) / "bench.sqlite")))
        with db.write() as s:
            for i in range(args.links):
                url = f"{site}/slow?ms={args.slow_ms}&i={i}" if i < args.slow else f"{site}/ok/{i}"
                s.add(OnlineService(name_fr=f"Service {i}", name_ar=f"خدمة {i}", url=url))
        actor = system_actor("bench")
        figures = {}
        for label, workers in (("concurrent", service_links.MAX_WORKERS), ("one at a time", 1)):
            start = time.perf_counter()
            summary = service_links.check_links(db, actor, workers=workers)
            figures[label] = time.perf_counter() - start
            assert summary.ok == args.links, summary.failures[:3]
            print(f"{label:>14}: {figures[label]:6.2f} s for {summary.checked} links "
                  f"({args.slow} answering after {args.slow_ms} ms), all working")  # fmt: skip
        db.dispose()
    print(f"speed-up: × {figures['one at a time'] / figures['concurrent']:.1f}")


if __name__ == "__main__":
    main()
