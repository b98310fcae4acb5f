"""About: version, the circulars implemented, where the data lives."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop_app import __version__
from desktop_app.ui.formatting import ltr


class AboutDialog(QDialog):
    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Istiqbal"))
        layout = QVBoxLayout(self)
        text = QLabel()
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setText(
            "<h2>Istiqbal — استقبال</h2>"
            + "<p>" + self.tr("Version {version}").format(version=__version__) + "</p>"
            + "<p>" + self.tr("Helps the citizen-reception unit of a public body meet, prove and "
                              "improve the obligations of circular no. 8 of 19 March 2020 (phone "
                              "reception) and circular no. 2 of 3 April 2020 (remote services).")
            + "</p><p>" + self.tr("Database: {where}").format(where=ltr(_escape(database))) + "</p>"
            + "<p>" + self.tr("Built with Qt for Python {version}.").format(version=pyside_version)
            + "</p>"
        )  # fmt: skip
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
