"""The latest audit of the body's website (C2.4, C8.1, C2.1), a button to run a new one, and the
one-click confirmation of a line's "on website" from what the site showed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.services import website
from desktop_app.services.permissions import Perm
from desktop_app.ui.formatting import format_datetime, ltr
from desktop_app.ui.messages import attempt, show_error
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import fill_table
from desktop_app.ui.widgets.tables import read_only_table


class WebsiteAuditDialog(QDialog):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.outcome: website.AuditResult | None = None
        self.setWindowTitle(self.tr("Website audit"))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = read_only_table(
            [self.tr("Number"), self.tr("Line"), self.tr("Finding"), self.tr("Written as")],
            stretch=1,
        )
        layout.addWidget(self.table, 1)
        bar = QHBoxLayout()
        self.run_button = QPushButton(self.tr("Audit the website now"))
        self.confirm_button = QPushButton(self.tr("Confirm “on website” for this line"))
        self.confirm_button.setVisible(state.actor.can(Perm.EDIT_LINES))
        close = QPushButton(self.tr("Close"))
        bar.addWidget(self.run_button)
        bar.addWidget(self.confirm_button)
        bar.addStretch(1)
        bar.addWidget(close)
        layout.addLayout(bar)
        self.run_button.clicked.connect(self.run_audit)
        self.confirm_button.clicked.connect(self.confirm)
        self.table.itemSelectionChanged.connect(self._selected)
        close.clicked.connect(self.accept)
        self.show_result(attempt(self, lambda: website.latest_audit(state.db, state.actor)))

    def show_result(self, result: website.AuditResult | None) -> None:
        self.outcome = result
        if result is None:
            self.summary.setText(self.tr("The website has not been audited yet."))
            fill_table(self.table, [])
            self._selected()
            return
        parts = [self.tr("Audit of {url} on {when}.").format(
            url=result.url, when=format_datetime(result.at))]  # fmt: skip
        if not result.ok:
            parts.append(result.error)
        else:
            parts.append(self.tr("Pages read: {n}.").format(n=len(result.pages)))
            if result.email_on_front_page is True:
                parts.append(self.tr("The published e-mail address is on the front page (C2.1)."))
            elif result.email_on_front_page is False:
                parts.append(self.tr("The published e-mail address is NOT on the front page "
                                     "(C2.1)."))  # fmt: skip
        self.summary.setText(" ".join(parts))
        rows = [f for f in result.findings if f.status != "ok"] + result.by_status("ok")
        self._rows = rows
        # Numbers isolated left to right: in Arabic "71 774 580" read "580 774 71" and
        # "(+216) 71 774 510" lost its order.
        fill_table(self.table, [[ltr(f.display), f.label, website.status_label(f.status),
                                 "، ".join(ltr(w) for w in f.written)
                                 if self.layoutDirection() == Qt.LayoutDirection.RightToLeft
                                 else ", ".join(f.written)] for f in rows], stretch=1)  # fmt: skip
        self.table.resizeColumnsToContents()
        self._selected()

    def _current(self) -> website.Finding | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        if not rows or self.outcome is None:
            return None
        return self._rows[rows[0].row()]

    def _selected(self) -> None:
        f = self._current()
        self.confirm_button.setEnabled(f is not None and f.status == "unmarked")

    def run_audit(self) -> None:
        from desktop_app.ui.workers import run_with_progress

        db, actor = self.state.db, self.state.actor
        self.run_button.setEnabled(False)

        def done(result: Any) -> None:
            self.run_button.setEnabled(True)
            self.show_result(result)

        def failed(exc: BaseException) -> None:
            self.run_button.setEnabled(True)
            show_error(self, exc)

        run_with_progress(self, self.tr("Reading the website…"),
                          lambda progress: website.audit_website(db, actor, progress),
                          done, failed)  # fmt: skip

    def confirm(self) -> None:
        f, result = self._current(), self.outcome
        if f is None or result is None or result.id is None or f.line_id is None:
            return
        audit_id, line_id = result.id, f.line_id
        attempt(self, lambda: website.confirm_on_website(
            self.state.db, self.state.actor, audit_id, line_id))  # fmt: skip
        f.status = "ok"
        self.show_result(result)
