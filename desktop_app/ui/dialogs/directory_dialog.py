"""The public directory (C8.1, C2.4): the poster in Arabic or French, the front-page fragment,
the footer text, and the lines left out with why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import directory
from desktop_app.ui.formatting import ltr
from desktop_app.ui.messages import attempt, show_info
from desktop_app.ui.state import AppState


class DirectoryDialog(QDialog):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(self.tr("Public directory"))
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Language of the directory")))
        self.lang = QComboBox()
        self.lang.addItem("العربية", "ar")
        self.lang.addItem("Français", "fr")
        self.lang.setCurrentIndex(0 if state.lang == "ar" else 1)
        top.addWidget(self.lang)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Only verified data goes out. Lines left out:")))
        self.left_out = QPlainTextEdit()
        self.left_out.setReadOnly(True)
        layout.addWidget(self.left_out, 1)
        layout.addWidget(QLabel(self.tr("Text for the foot of letters:")))
        self.footer = QPlainTextEdit()
        self.footer.setReadOnly(True)
        self.footer.setFixedHeight(60)
        layout.addWidget(self.footer)
        bar = QHBoxLayout()
        pdf = QPushButton(self.tr("Save the poster (PDF)…"))
        frag = QPushButton(self.tr("Save the web fragment (HTML)…"))
        copy = QPushButton(self.tr("Copy the footer text"))
        close = QPushButton(self.tr("Close"))
        for b in (pdf, frag, copy):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(close)
        layout.addLayout(bar)
        pdf.clicked.connect(lambda: self.save("pdf"))
        frag.clicked.connect(lambda: self.save("html"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.footer.toPlainText()))
        close.clicked.connect(self.accept)
        self.lang.currentIndexChanged.connect(self.refresh)
        self.data: directory.DirectoryData | None = None
        self.refresh()

    def refresh(self) -> None:
        lang = str(self.lang.currentData())
        self.data = attempt(self, lambda: directory.collect(self.state.db, self.state.actor,
                                                            lang=lang))  # fmt: skip
        if self.data is None:
            return
        # The number isolated and, in Arabic, each line marked right-to-left: begun by a number
        # it read "300 742 71 — …" laid out left to right, the reason before the line's name.
        mark = "\u200f" if self.data.lang == "ar" else ""
        text = "\n".join(f"{mark}{ltr(x.display)} — {x.label}: {x.reason}"
                          for x in self.data.left_out)  # fmt: skip
        self.left_out.setPlainText(text or self.tr("None."))
        self.footer.setPlainText(directory.footer_text(self.data))

    def save(self, kind: str) -> None:
        data = self.data
        if data is None:
            return
        filters = self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("Web page (*.html)")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the directory"),
                                              f"directory_{data.lang}.{kind}", filters)  # fmt: skip
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != f".{kind}":
            path = path.with_suffix(f".{kind}")
        if attempt(self, lambda: directory.write(data, path)):
            show_info(self, self.tr("Saved to {file}.").format(file=path))
