"""DESIGN.md's dependency rule: nothing outside desktop_app/ui reaches PySide6.QtWidgets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import desktop_app

PACKAGE = Path(desktop_app.__file__).parent


def _modules_outside_ui() -> list[str]:
    names = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = rel.parts
        if "ui" in parts or "versions" in parts or parts[-1] in ("env", "__main__"):
            continue
        names.append(".".join(p for p in parts if p != "__init__"))
    return sorted(set(names))


def test_no_module_outside_ui_imports_qtwidgets() -> None:
    modules = _modules_outside_ui()
    assert "desktop_app.services.auth" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6.QtWidgets')]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ui_never_imports_the_orm() -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in (PACKAGE / "ui").rglob("*.py")
        if any(
            needle in p.read_text(encoding="utf-8")
            for needle in ("import sqlalchemy", "from sqlalchemy", "data.models", "Session(")
        )
    ]
    assert offenders == []


def test_threads_live_only_in_workers() -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if p.name != "workers.py"
        and any(
            w in p.read_text(encoding="utf-8") for w in ("QThreadPool", "QRunnable", "QThread(")
        )
    ]
    assert offenders == []
