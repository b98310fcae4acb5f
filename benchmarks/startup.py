"""How long the first window (sign-in) takes to appear, then the dashboard after sign-in.

    uv run python benchmarks/startup.py            # 5 runs, prints the median

Each run is a fresh process (imports included), off-screen: the sign-in dialog is shown while the
database opens in the background (as `istiqbal` starts), then a director "signs in" as soon as the
button is enabled (password hashing left out) and the dashboard is timed from there. The database
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
from desktop_app.ui.app import make_application, open_for_sign_in
from desktop_app.config import resolve_database
from desktop_app.i18n import install_language
from desktop_app.ui.direction import apply_direction
from desktop_app.ui.dialogs.login_dialog import LoginDialog
from desktop_app.ui.workers import run_in_background
app = make_application()
lang = install_language(sys.argv[2])
apply_direction(lang)
location = resolve_database(sys.argv[1])
login = LoginDialog(None)
opened = []
task = run_in_background(lambda _p: open_for_sign_in(location), login)
task.finished.connect(opened.append)
login.show()
app.processEvents()
t_dialog = time.perf_counter()  # the first window: sign-in, typing possible
while not opened:
    app.processEvents()
    time.sleep(0.005)
t_open = time.perf_counter()  # the database open and the main window's modules loaded
login.database_ready(opened[0].database)
from desktop_app.services.permissions import viewer_actor
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.state import AppState
t_signed = time.perf_counter()  # a user who signs in once Sign in is enabled (hashing left out)
login.close()
window = MainWindow(AppState(opened[0].database, location, viewer_actor(), lang))
window.show()
home = window.show_page("dashboard")  # its indicators are computed in the background
while not getattr(home, "done", True):
    app.processEvents()
    time.sleep(0.005)
t_filled = time.perf_counter()
print(f"{t_dialog - t0:.3f} {t_open - t0:.3f} {t_filled - t_signed:.3f}")
"""


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.sqlite")
        subprocess.run([sys.executable, "-m", "desktop_app", "--db", db, "demo", "--years", "1"],
                       check=True, capture_output=True, env=env)  # fmt: skip
        for lang in ("ar", "fr"):
            dialog, opened, filled = [], [], []
            for _ in range(runs):
                out = subprocess.run([sys.executable, "-c", CHILD, db, lang], check=True,
                                     capture_output=True, text=True, env=env).stdout  # fmt: skip
                a, b, c = (float(x) for x in out.split())
                dialog.append(a)
                opened.append(b)
                filled.append(c)
            print(f"{lang}: sign-in dialog shown {statistics.median(dialog):.2f} s, database "
                  f"open {statistics.median(opened):.2f} s, dashboard filled "
                  f"{statistics.median(filled):.2f} s after sign-in "
                  f"(median of {runs})")  # fmt: skip


if __name__ == "__main__":
    main()
