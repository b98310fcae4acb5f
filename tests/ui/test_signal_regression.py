"""Guards the PySide6 pin: 6.12.0 on Python 3.11 dies in bool_dealloc after many Signal.emit()."""

from __future__ import annotations

import subprocess
import sys

CODE = """
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    fired = Signal(bool)

app = QCoreApplication([])
e = Emitter()
seen = []
e.fired.connect(lambda v: seen.append(v))
for i in range(10_000):
    e.fired.emit(i % 2 == 0)
print(len(seen))
"""


def test_ten_thousand_signal_emits_exit_cleanly() -> None:
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True,
                            timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "10000"
