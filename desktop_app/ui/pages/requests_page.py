"""The requests register (C2.1, C2.3, C8.6): every request, its deadline by colour and by words.

Filters, full-text search and sort run in SQL on a paged model, so the page stays instant with
hundreds of thousands of requests. Each minute the time left and the counts move on; the desktop
notification when a request enters its warning window is the main window's (ui/deadline_watcher).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import deadlines, requests, settings, user_categories
from desktop_app.services.permissions import Perm
from desktop_app.services.requests import RequestFilter
from desktop_app.ui.debounce import debounced
from desktop_app.ui.dialogs.request_dialog import (
    CHANNEL_KEYS,
    TYPE_KEYS,
    NewRequestDialog,
    RequestDialog,
)
from desktop_app.ui.formatting import TUNIS, format_datetime
from desktop_app.ui.messages import attempt, show_info
from desktop_app.ui.models.requests_table_model import (
    STATE_COLOURS,
    FirstPage,
    RequestsTableModel,
)
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.date_fields import date_edit, from_qdate
from desktop_app.ui.widgets.menu_button import menu_button
from desktop_app.ui.widgets.page_header import PageHeader
from desktop_app.ui.widgets.tables import table_view
from desktop_app.ui.workers import query, query_pending

STATUS_KEYS = ("new", "assigned", "notice_sent", "answered", "closed")
STATE_KEYS = ("open", "overdue", "due_soon", "on_time", "met", "missed", "notice_overdue")
TICK_MS = 60_000


class RequestsPage(QWidget):
    counted = Signal()  # the counts read in the background are shown
    listed = Signal()  # the first page read in the background is shown

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        values = attempt(self, lambda: settings.get_all(state.db)) or {}
        layout = QVBoxLayout(self)
        layout.addWidget(
            PageHeader(
                self.tr("Citizen requests"),
                self.tr(
                    "Answer every request, or tell the sender what the answer needs, in time. "
                    "{clock}"
                ).format(clock=deadlines.clock_description(values)),
            )
        )

        counts = QHBoxLayout()
        self.overdue_button = self._count_button("overdue")
        self.due_soon_button = self._count_button("due_soon")
        self.open_button = self._count_button("open")
        self.notice_button = self._count_button("notice_overdue")  # C2.1: past the announced date
        for b in (self.overdue_button, self.due_soon_button, self.open_button, self.notice_button):
            counts.addWidget(b)
        counts.addStretch(1)
        layout.addLayout(counts)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        if state.actor.can(Perm.READ_PERSONAL_DATA):
            self.search.setPlaceholderText(self.tr("Search subject, text, citizen…"))
        else:
            self.search.setPlaceholderText(self.tr("Search the subject…"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.apply)
        self.search.textChanged.connect(debounced(self, self.apply))  # once typing pauses
        self.search.setMinimumWidth(220)
        bar.addWidget(self.search, 2)
        self.state_combo = self._combo(self.tr("All deadlines"), STATE_KEYS, self._state_name)
        self.status = self._combo(self.tr("All statuses"), STATUS_KEYS, requests.status_label)
        self.channel = self._combo(self.tr("All channels"), CHANNEL_KEYS, requests.channel_label)
        self.type = self._combo(self.tr("All types"), TYPE_KEYS, requests.type_label)
        # C8.6: every category of the list, inactive ones too (their past requests stay findable).
        names = dict(attempt(self, lambda: user_categories.options(state.db, past_too=True)) or [])
        self.category = self._combo(self.tr("All users"), tuple(names), names.__getitem__)
        for combo in (self.state_combo, self.status, self.channel, self.type, self.category):
            bar.addWidget(combo, 1)
        layout.addLayout(bar)

        bar2 = QHBoxLayout()
        self.agent = QComboBox()
        self.agent.addItem(self.tr("All agents"), None)
        self.agent.addItem(self.tr("Not assigned"), 0)
        for choice in attempt(self, lambda: requests.agent_choices(state.db, state.actor)) or []:
            self.agent.addItem(choice.name(state.lang), choice.id)
        self.agent.currentIndexChanged.connect(self.apply)
        self.agent.setMinimumWidth(180)
        bar2.addWidget(self.agent)
        self.period = QComboBox()
        for label, key in (
            (self.tr("Any date"), ""),
            (self.tr("Today"), "today"),
            (self.tr("Last 7 days"), "7d"),
            (self.tr("This month"), "month"),
            (self.tr("Between…"), "range"),
        ):
            self.period.addItem(label, key)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.period.setMinimumWidth(140)
        bar2.addWidget(self.period)
        today = QDate.currentDate()
        self.since = date_edit(today.addMonths(-1))
        self.until = date_edit(today)
        for d in (self.since, self.until):
            d.setVisible(False)
            d.dateChanged.connect(self.apply)
            bar2.addWidget(d)
        bar2.addStretch(1)
        self.new_button = QPushButton(self.tr("New request…"))
        self.new_button.clicked.connect(self.new_request)
        self.import_button = QPushButton(self.tr("Import a register…"))
        self.import_button.clicked.connect(self.import_file)
        self.new_button.setVisible(state.actor.can(Perm.EDIT_REQUESTS))
        self.import_button.setVisible(state.actor.can(Perm.MANAGE_REQUESTS))
        self.personal = menu_button(self.tr("Personal data"))
        menu = QMenu(self.personal)
        export = menu.addAction(self.tr("Export one citizen's data…"), self.export_citizen)
        export.setVisible(state.actor.can(Perm.EXPORT_CITIZEN_DATA))
        # Shown only to roles that may purge (the service checks again).
        self.purge_action = menu.addAction(self.tr("Remove expired personal data…"), self.purge)
        self.history_action = menu.addAction(
            self.tr("Past removals of personal data…"), self.purge_history
        )
        for action in (self.purge_action, self.history_action):
            action.setVisible(state.actor.can(Perm.PURGE_PERSONAL_DATA))
        self.personal.setMenu(menu)
        self.personal.setVisible(state.actor.can(Perm.EXPORT_CITIZEN_DATA))
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.apply)
        for w in (self.new_button, self.import_button, self.personal, refresh):
            bar2.addWidget(w)
        layout.addLayout(bar2)

        self.model = RequestsTableModel(state, self)
        self._asked = self.model.filter  # the filter apply() last asked for
        self.model.hold()  # the first page is read on the pool, by apply()
        self.model.on_sort = lambda: None  # enabling sorting sorts: apply() below reads once
        self.table = table_view(self.model, stretch=5)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.model.on_sort = self.apply
        self.table.setWordWrap(False)
        # At 1366x768 the columns beside the subject must leave it room: with the internal
        # target (issue 12) they were 1130 px wide, so a supervisor (who sees the citizen) had
        # the internal target cut off behind a scroll bar and the subject squeezed to nothing.
        for column, width in (
            (0, 95),
            (1, 110),
            (2, 85),
            (3, 80),
            (4, 115),
            (6, 105),
            (7, 70),
            (8, 170),
            (9, 150),
        ):
            self.table.setColumnWidth(column, width)
        self.table.setColumnHidden(4, not state.actor.can(Perm.READ_PERSONAL_DATA))
        self.table.doubleClicked.connect(self.open_current)
        layout.addWidget(self.table, 1)
        self.found = QLabel()
        layout.addWidget(self.found)

        # The desktop notification lives in the main window (ui/deadline_watcher.py), from sign-in.
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(TICK_MS)
        self.apply()

    # -- building helpers --------------------------------------------------------------------------
    def _state_name(self, key: str) -> str:
        if key == "open":
            return self.tr("Waiting for a response")
        return deadlines.state_label(key)

    def _combo(self, everything: str, keys: tuple[str, ...], label: Any) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, "")
        for key in keys:
            combo.addItem(label(key), key)
        combo.currentIndexChanged.connect(self.apply)
        return combo

    def _count_button(self, state_key: str) -> QPushButton:
        button = QPushButton()
        background, foreground = STATE_COLOURS.get(state_key, ("#eef2f7", "#2f4f6f"))
        button.setStyleSheet(
            f"QPushButton {{ background: {background}; color: {foreground}; "
            "border: 1px solid #c8ccd2; border-radius: 4px; padding: 4px 12px;"
            " font-weight: bold; }"
        )
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(lambda: self.apply_filter(state=state_key))
        return button

    # -- filtering -------------------------------------------------------------------------------
    def _period_changed(self) -> None:
        custom = self.period.currentData() == "range"
        self.since.setVisible(custom)
        self.until.setVisible(custom)
        self.apply()

    def _bounds(self) -> tuple[datetime | None, datetime | None]:
        key = self.period.currentData()
        today = datetime.now(TUNIS).date()

        def start(d: date) -> datetime:
            return datetime.combine(d, time(0), TUNIS)

        if key == "today":
            return start(today), start(today + timedelta(days=1))
        if key == "7d":
            return start(today - timedelta(days=6)), start(today + timedelta(days=1))
        if key == "month":
            return start(today.replace(day=1)), start(today + timedelta(days=1))
        if key == "range":
            return (
                start(from_qdate(self.since.date())),
                start(from_qdate(self.until.date()) + timedelta(days=1)),
            )
        return None, None

    def current_filter(self) -> RequestFilter:
        since, until = self._bounds()
        return RequestFilter(
            status=self.status.currentData() or "",
            channel=self.channel.currentData() or "",
            type=self.type.currentData() or "",
            category=self.category.currentData() or "",
            agent_id=self.agent.currentData(),
            state=self.state_combo.currentData() or "",
            since=since,
            until=until,
            text=self.search.text(),
        )

    @property
    def pending(self) -> bool:
        """A read of the register is under way: tests and the screenshot command wait on it."""
        return query_pending(self, "list")

    def apply(self) -> None:
        """Read the first page for the filter and order shown on the pool and show it when it
        comes (issue 15.3: at 100 000 requests a text search took 0.1–0.2 s of the GUI thread);
        a read overtaken by a newer one (typing on) is dropped, a failed one leaves the old rows
        showing. The counts follow the same filter, read apart."""
        filt = self._asked = self.current_filter()
        model = self.model
        sort, descending, read_first = model.sort_key, model.descending, model.read_first
        query(self, lambda: read_first(filt, sort, descending),
              lambda first: self._show_first(filt, first), key="list")  # fmt: skip
        self.refresh_counts(filt)

    def _show_first(self, filt: RequestFilter, first: FirstPage) -> None:
        self.model.apply_first(filt, first)
        self.listed.emit()

    def apply_filter(self, **page_filter: Any) -> None:
        """What the dashboard asks for: e.g. apply_filter(state="overdue") (C2.1)."""
        combos = {
            "state": self.state_combo,
            "status": self.status,
            "channel": self.channel,
            "type": self.type,
            "category": self.category,
        }
        widgets = [*combos.values(), self.agent, self.period, self.search]
        for w in widgets:
            w.blockSignals(True)
        try:
            for key, combo in combos.items():
                index = combo.findData(page_filter.get(key, "") or "")
                combo.setCurrentIndex(max(index, 0))
            self.agent.setCurrentIndex(max(self.agent.findData(page_filter.get("agent_id")), 0))
            self.search.setText(str(page_filter.get("text", "")))
            since, until = page_filter.get("since"), page_filter.get("until")
            if isinstance(since, datetime | date) or isinstance(until, datetime | date):
                self.period.setCurrentIndex(self.period.findData("range"))
                for edit, value in ((self.since, since), (self.until, until)):
                    if isinstance(value, datetime):
                        value = value.astimezone(TUNIS).date() - timedelta(
                            days=1 if edit is self.until else 0
                        )
                    if isinstance(value, date):
                        edit.setDate(QDate(value.year, value.month, value.day))
                    edit.setVisible(True)
            else:
                self.period.setCurrentIndex(0)
                self.since.setVisible(False)
                self.until.setVisible(False)
        finally:
            for w in widgets:
                w.blockSignals(False)
        self.apply()

    def refresh_counts(self, flt: RequestFilter | None = None) -> None:
        """The deadline counts and the number matching the filter (by default, the one shown)
        are read in the background: at 100 000 requests a text filter's count scans the table
        (issue 15.3)."""
        db, actor = self.state.db, self.state.actor
        # The filter last asked for: the one shown may still be the previous one while the
        # list for the new one is read, and this count would then overtake the right one.
        flt = flt if flt is not None else self._asked

        def read() -> tuple[dict[str, int], int]:
            return requests.state_counts(db, actor), requests.count_matching(db, actor, flt)

        query(self, read, self._show_counts, key="counts")

    def _show_counts(self, found: tuple[dict[str, int], int]) -> None:
        counts, total = found
        self.overdue_button.setText(self.tr("Overdue: {n}").format(n=counts["overdue"]))
        self.due_soon_button.setText(self.tr("Due soon: {n}").format(n=counts["due_soon"]))
        self.open_button.setText(self.tr("Waiting for a response: {n}").format(n=counts["open"]))
        self.notice_button.setText(
            self.tr("Overdue after notice: {n}").format(n=counts["notice_overdue"])
        )
        self.found.setText(self.tr("%n request(s) match.", None, total))
        self.counted.emit()

    # -- actions ---------------------------------------------------------------------------------
    def open_current(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        if row is None:
            return
        dialog = RequestDialog(self.state, row.id, self)
        dialog.exec()
        if dialog.changed:
            self.apply()

    def new_request(self) -> None:
        dialog = NewRequestDialog(self.state, self)
        if dialog.exec() and dialog.created is not None:
            self.apply()

    def import_file(self) -> None:
        from desktop_app.ui.dialogs.requests_import_dialog import RequestsImportDialog

        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a requests register"), "", self.tr("Registers (*.xlsx *.csv)")
        )
        if not name:
            return
        dialog = RequestsImportDialog(self.state, Path(name), self)
        if dialog.exec() and dialog.outcome is not None:
            show_info(
                self,
                self.tr(
                    "Requests imported: %n; skipped as already present: {d}.",
                    None,
                    dialog.outcome.imported,
                ).format(d=dialog.outcome.skipped_duplicates),
            )
            self.apply()

    def export_citizen(self) -> None:
        from desktop_app.exchange.requests_file import write_citizen_export

        query, ok = QInputDialog.getText(
            self,
            self.tr("Export one citizen's data"),
            self.tr("Citizen's name, e-mail or telephone:"),
        )
        if not ok or not query.strip():
            return
        data = attempt(self, lambda: requests.citizen_data(self.state.db, self.state.actor, query))
        if data is None:
            return
        if not data.requests:
            self.plain_info(self.tr("Nothing is held about “{query}”.").format(query=query))
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the citizen's data"),
            "citizen-data.xlsx",
            self.tr("Workbook (*.xlsx)"),
        )
        if name:
            path = attempt(self, lambda: write_citizen_export(Path(name), data, self.state.lang))
            if path is not None:
                show_info(
                    self,
                    self.tr("Requests written to {path}: %n.", None, len(data.requests)).format(
                        path=path
                    ),
                )

    def purge(self) -> None:
        preview = attempt(self, lambda: requests.purge_preview(self.state.db, self.state.actor))
        if preview is None:
            return
        if preview.count == 0:
            show_info(
                self,
                self.tr(
                    "No request is older than the retention period ({date}): nothing to remove."
                ).format(date=format_datetime(preview.cutoff)),
            )
            return
        shown = ", ".join(preview.references[:20])
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove expired personal data"),
            self.tr(
                "Requests closed, or received and never closed, before {date}, beyond the "
                "retention period: %n. Their citizens' names, contacts, texts and timeline notes "
                "will be removed for good; references, dates and subjects stay for the "
                "statistics. First ones: {refs}. Remove them now?",
                None,
                preview.count,
            ).format(date=format_datetime(preview.cutoff), refs=shown),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.purge_box = box  # tests answer it
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        done = attempt(self, lambda: requests.purge(self.state.db, self.state.actor))
        if done is not None:
            show_info(
                self,
                self.tr(
                    "Requests whose personal data was removed: %n; the removal is recorded.",
                    None,
                    done.count,
                ),
            )
            self.apply()

    def purge_history(self) -> None:
        from desktop_app.ui.dialogs.purge_history_dialog import PurgeHistoryDialog

        records = attempt(self, lambda: requests.purge_history(self.state.db, self.state.actor))
        if records is not None:
            PurgeHistoryDialog(records, self).exec()

    def plain_info(self, text: str) -> None:
        """An information box whose text is never read as rich text (it quotes what was typed)."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Istiqbal"), text,
                          QMessageBox.StandardButton.Ok, self)  # fmt: skip
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    # -- the minute tick ---------------------------------------------------------------------------
    def tick(self) -> None:
        """Each minute: the counts and the time left move on; the table is not re-read."""
        self.model.tick()
        self.refresh_counts()
