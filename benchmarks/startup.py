"""How long the window takes to appear, and then the dashboard's figures, on a demo database.

    uv run python benchmarks/startup.py            # 5 runs, prints the median

Each run is a fresh process (imports included), off-screen, signed in as a director; the database
is migrated and filled once beforehand so the runs measure an ordinary morning start.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import time, sys
t0 = time.perf_counter()
from desktop_app.ui.app import make_application
from desktop_app.config import resolve_database
from desktop_app.i18n import install_language
from desktop_app.services.database import open_database
from desktop_app.services.permissions import viewer_actor
from desktop_app.ui.main_window import MainWindow, apply_direction
from desktop_app.ui.state import AppState
t_import = time.perf_counter()
app = make_application()
lang = install_language(sys.argv[2])
apply_direction(lang)
location = resolve_database(sys.argv[1])
db = open_database(location)
window = MainWindow(AppState(db, location, viewer_actor(), lang))
window.show()
app.processEvents()
t_shown = time.perf_counter()
home = window.show_page("dashboard")  # its indicators are computed in the background
while not getattr(home, "done", True):
    app.processEvents()
    time.sleep(0.005)
t_filled = time.perf_counter()
print(f"{t_import - t0:.3f} {t_shown - t0:.3f} {t_filled - t0:.3f}")
"""


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.sqlite")
        subprocess.run([sys.executable, "-m", "desktop_app", "--db", db, "demo", "--years", "1"],
                       check=True, capture_output=True, env=env)  # fmt: skip
        for lang in ("ar", "fr"):
            imports, shown, filled = [], [], []
            for _ in range(runs):
                out = subprocess.run([sys.executable, "-c", CHILD, db, lang], check=True,
                                     capture_output=True, text=True, env=env).stdout  # fmt: skip
                a, b, c = (float(x) for x in out.split())
                imports.append(a)
                shown.append(b)
                filled.append(c)
            print(f"{lang}: imports {statistics.median(imports):.2f} s, window shown "
                  f"{statistics.median(shown):.2f} s, dashboard filled "
                  f"{statistics.median(filled):.2f} s (median of {runs})")  # fmt: skip


if __name__ == "__main__":
    main()
