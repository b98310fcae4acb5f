"""The audit trail (administrators): who changed what and when, with the values before and after."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, time, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import audit
from desktop_app.services.audit import AuditFilter
from desktop_app.ui.formatting import TUNIS
from desktop_app.ui.messages import attempt
from desktop_app.ui.models.audit_table_model import AuditTableModel
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.date_fields import date_edit, from_qdate
from desktop_app.ui.widgets.page_header import PageHeader
from desktop_app.ui.widgets.tables import Resize, table_view


class AuditPage(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        layout = QVBoxLayout(self)
        layout.addWidget(PageHeader(
            self.tr("Audit trail"),
            self.tr("Every change is recorded here and can be neither edited nor deleted "
                    "(law 2004-63 on personal data)."),
        ))  # fmt: skip
        bar = QHBoxLayout()
        self.user = QComboBox()
        self.entity = QComboBox()
        self.action = QComboBox()
        self.since = date_edit(QDate.currentDate().addMonths(-1))
        self.until = date_edit(QDate.currentDate())
        facets = attempt(self, lambda: audit.audit_facets(state.db, state.actor)) or {}
        labels: dict[str, Callable[[str], str]] = {
            "username": str,
            "entity": audit.entity_label,
            "action": audit.action_label,
        }
        for combo, key in ((self.user, "username"), (self.entity, "entity"),
                           (self.action, "action")):  # fmt: skip
            combo.addItem(self.tr("(all)"), "")
            # The label people read; the code stays the item's data, which the filter uses.
            shown = [(labels[key](value), value) for value in facets.get(key, [])]
            for text, value in sorted(shown, key=lambda pair: pair[0].lower()):
                combo.addItem(text, value)
            combo.currentIndexChanged.connect(self.apply)
        for label, w in ((self.tr("User"), self.user), (self.tr("Record"), self.entity),
                         (self.tr("Action"), self.action), (self.tr("From"), self.since),
                         (self.tr("To"), self.until)):  # fmt: skip
            bar.addWidget(QLabel(label))
            bar.addWidget(w)
        self.since.dateChanged.connect(self.apply)
        self.until.dateChanged.connect(self.apply)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.apply)
        bar.addStretch(1)
        bar.addWidget(refresh)
        layout.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = AuditTableModel(state, self)
        self.table = table_view(self.model, resize=Resize.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([400, 160])
        layout.addWidget(splitter, 1)
        self.apply()

    def current_filter(self) -> AuditFilter:
        def start_of(d: QDate) -> datetime:
            return datetime.combine(from_qdate(d), time(0), TUNIS)

        return AuditFilter(
            username=self.user.currentData() or "",
            entity=self.entity.currentData() or "",
            action=self.action.currentData() or "",
            since=start_of(self.since.date()),
            until=start_of(self.until.date()) + timedelta(days=1),
        )

    def apply(self) -> None:
        self.model.filter = self.current_filter()
        attempt(self, self.model.reload)
        self.details.clear()

    def _show_details(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        if row is None:
            self.details.clear()
            return

        def pretty(text: str | None) -> str:
            if not text:
                return "—"
            return json.dumps(json.loads(text), ensure_ascii=False, indent=2)

        self.details.setPlainText(
            self.tr("Before:") + "\n" + pretty(row.before_json) + "\n\n"
            + self.tr("After:") + "\n" + pretty(row.after_json)
        )  # fmt: skip
