"""Debounced slots: a search that queries once the user pauses typing, not on every keystroke."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

SEARCH_PAUSE_MS = 250  # long enough for a word typed at speed, short enough to feel immediate


def debounced(
    parent: QObject, fn: Callable[[], object], ms: int = SEARCH_PAUSE_MS
) -> Callable[..., None]:
    """A slot taking any arguments that calls `fn()` once, `ms` after the last call."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(fn)

    def restart(*_args: object) -> None:
        timer.start()

    return restart
