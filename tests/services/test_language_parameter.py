"""Language is a parameter (DESIGN.md): services translate with a Translator of their own, with
no Qt application and without touching the application's translators (C8.7)."""

from __future__ import annotations

import subprocess
import sys
import threading

from desktop_app.i18n import Translator, current_language, speaking, translate
from desktop_app.services.kpi_labels import labels

_NO_APPLICATION = """
from PySide6.QtCore import QCoreApplication
from desktop_app.i18n import Translator, speaking
from desktop_app.services.kpi_labels import labels
with speaking(Translator("ar")):
    ar = labels()["req_received"]
with speaking(Translator("fr")):
    fr = labels()["req_received"]
assert QCoreApplication.instance() is None
print(ar, fr, labels()["req_received"], sep="|")
"""


def test_labels_in_any_language_without_a_qt_application_c8_7() -> None:
    done = subprocess.run([sys.executable, "-c", _NO_APPLICATION], capture_output=True,
                          text=True, timeout=60, check=True)  # fmt: skip
    assert done.stdout.strip().split("|") == [
        Translator("ar").translate("kpi", "Requests received"),
        Translator("fr").translate("kpi", "Requests received"),
        "Requests received",
    ]
    assert "المطالب" in done.stdout and "Requêtes" in done.stdout


def test_a_translator_speaks_in_its_own_thread_only() -> None:
    seen: dict[str, str] = {}
    inside, go_on = threading.Event(), threading.Event()

    def worker() -> None:
        with speaking(Translator("ar")):
            seen["worker"] = translate("kpi", "Requests received")
            seen["worker_lang"] = current_language()
            inside.set()
            go_on.wait(10)

    thread = threading.Thread(target=worker)
    thread.start()
    assert inside.wait(10)
    seen["here"] = translate("kpi", "Requests received")  # the tests' application: English
    go_on.set()
    thread.join(10)
    assert seen["worker"] == Translator("ar").translate("kpi", "Requests received")
    assert seen["worker_lang"] == "ar"
    assert seen["here"] == "Requests received"


def test_english_and_unknown_texts_answer_with_the_source() -> None:
    assert Translator("en").translate("kpi", "Requests received") == "Requests received"
    assert Translator("ar").translate("kpi", "No such text") == "No such text"
    with speaking(Translator("fr")):
        assert labels()["req_received"] == Translator("fr").translate("kpi", "Requests received")
        assert current_language() == "fr"
