"""The PyInstaller bundle builds from build.spec, stays under 150 MB and runs the headless commands.

Issue 15 point 7: a bundle that was tried by hand once stops working when a module, a data file or a
Qt plugin it needs goes missing (holidays' calendars, tzdata, Alembic's scripts, the Arabic .qm,
the offscreen platform, the PDF writer). One build (a few minutes on two cores) serves every check.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None,
        reason="pyinstaller is not installed (it is a dev dependency: uv sync)",
    ),
    pytest.mark.skipif(
        sys.platform.startswith("linux") and shutil.which("objdump") is None,
        reason="binutils (objdump, strip) is not installed: PyInstaller and build.spec need it",
    ),
]

ROOT = Path(__file__).resolve().parent.parent
LIMIT_MB = 150
EXECUTABLE = "istiqbal.exe" if sys.platform == "win32" else "istiqbal"


Runner = Callable[..., "subprocess.CompletedProcess[str]"]


def folder_size(folder: Path) -> int:
    """Bytes on disk as a user would copy them (symbolic links count as links, not twice)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build once for the module, outside the source tree (never into build/ or dist/)."""
    where = tmp_path_factory.mktemp("bundle")
    done = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(where / "dist"), "--workpath", str(where / "work"), "build.spec"],
        cwd=ROOT, capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-4000:]
    folder = where / "dist" / "istiqbal"
    assert (folder / EXECUTABLE).is_file()
    return folder


@pytest.fixture(scope="module")
def run(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Runner:
    """`istiqbal ARGS` from the bundle, offscreen, with a data folder of its own."""
    home = tmp_path_factory.mktemp("bundle-home")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ISTIQBAL_DATA_DIR": str(home / "data"),
        "ISTIQBAL_LANG": "en",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "share"),
    }
    env.pop("ISTIQBAL_DB", None)
    # The bundle must not lean on the development environment's Python.
    for key in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):
        env.pop(key, None)

    def call(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [str(bundle / EXECUTABLE), *args],
            cwd=home, env=env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        assert done.returncode == 0, f"{args}: exit {done.returncode}\n{done.stderr[-3000:]}"
        assert "Traceback" not in done.stderr, done.stderr[-3000:]
        return done

    return call


def test_bundle_is_under_150_mb(bundle: Path) -> None:
    size_mb = folder_size(bundle) / 1e6
    assert size_mb < LIMIT_MB, f"the bundle is {size_mb:.0f} MB (limit {LIMIT_MB} MB)"


def test_bundle_keeps_what_the_app_loads_and_drops_the_rest(bundle: Path) -> None:
    """Excluding too much breaks the bundle only on a user's machine: name what must stay."""
    files = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    names = {name.rsplit("/", 1)[-1] for name in files}
    assert {"istiqbal_ar.qm", "istiqbal_fr.qm", "qtbase_ar.qm", "qtbase_fr.qm"} <= names
    assert any(n.startswith(("libqoffscreen", "qoffscreen")) for n in names)
    if sys.platform.startswith("linux"):
        assert "libqxcb.so" in names
    assert any(f.endswith("migrations/env.py") for f in files)
    assert any("/migrations/versions/" in f for f in files)
    assert any(f.endswith("tzdata/zoneinfo/Africa/Tunis") for f in files)
    # Qt's other languages and the modules nothing imports stay out.
    assert "qtbase_de.qm" not in names
    assert not any(n.startswith(("libQt6Quick", "Qt6Quick", "libQt6Pdf", "Qt6Pdf")) for n in names)


def test_bundle_runs_the_headless_commands(run: Runner, tmp_path: Path) -> None:
    """demo, screenshot (Arabic, offscreen), report, the directory poster (QPdfWriter + segno's QR
    code) and a mail import, each from the frozen executable, each leaving its file."""
    call = run
    db = str(tmp_path / "demo.sqlite")
    call("--db", db, "demo", "--years", "1")
    assert Path(db).stat().st_size > 0

    png = tmp_path / "x.png"
    call("--db", db, "screenshot", "--page", "dashboard", "--out", str(png), "--lang", "ar")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    xlsx = tmp_path / "r.xlsx"
    call("--db", db, "report", "--period", "2026-Q3", "--out", str(xlsx))
    assert xlsx.read_bytes()[:2] == b"PK"

    pdf = tmp_path / "d.pdf"
    call("--db", db, "directory", "--out", str(pdf), "--lang", "ar")
    assert pdf.read_bytes()[:5] == b"%PDF-"

    msg = EmailMessage()
    msg["From"] = "citoyen@example.tn"
    msg["To"] = "accueil@example.tn"
    msg["Subject"] = "طلب وثيقة"
    msg["Message-ID"] = "<bundle-1@example.tn>"
    msg["Date"] = "Mon, 02 Nov 2026 09:00:00 +0100"
    msg.set_content("نرجو مدّنا بنسخة من القرار.")
    eml = tmp_path / "in.eml"
    eml.write_bytes(bytes(msg))
    done = call("--db", db, "mail", "import", str(eml), "--json")
    assert '"imported": 1' in done.stdout, done.stdout
