"""Running `istiqbal` in the test's own process: `cli.main()` with its output captured.

A subprocess costs ~1.5 s of imports per call; `main()` costs what the command does. A few tests
keep real subprocess runs (`run_cli_subprocess`) for exit codes and the no-QtWidgets rule.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class CliRun:
    """What a subprocess run would give: exit code and the two streams as text."""

    returncode: int
    stdout: str
    stderr: str


@contextlib.contextmanager
def _environment(extra: dict[str, str]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in extra}
    os.environ.update(extra)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


_APP: list[object] = []


def _ensure_qapplication() -> None:
    """main() would make a bare QCoreApplication, and the window tests that run later in this
    process need a QApplication (one per process): make that one first, as pytest-qt would."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    if QCoreApplication.instance() is None:
        _APP.append(QApplication([]))


def run_cli(*args: str, env: dict[str, str] | None = None) -> CliRun:
    """`istiqbal ARGS` through `cli.main()`; argparse's exit (2) becomes the return code.

    Any other exception propagates and fails the test: in a real run it would be a traceback.
    """
    from desktop_app.cli import main

    _ensure_qapplication()
    out, err = io.StringIO(), io.StringIO()
    with (
        _environment({"ISTIQBAL_LANG": "en", **(env or {})}),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return CliRun(code, out.getvalue(), err.getvalue())


def run_cli_subprocess(
    *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m desktop_app ARGS` in a new process, as a user or a scheduled task runs it."""
    full_env = {**os.environ, "ISTIQBAL_LANG": "en", **(env or {})}
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], capture_output=True,
                          text=True, env=full_env, timeout=120)  # fmt: skip
