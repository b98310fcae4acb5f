"""The training page's recognition tab: suggested candidates for a period, and awards (C8.5)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import localized_name
from desktop_app.services import recognition
from desktop_app.services.periods import parse_period, quarter_of
from desktop_app.services.permissions import Perm
from desktop_app.ui.dialogs.recognition_dialog import RecognitionDialog
from desktop_app.ui.formatting import format_date, format_number
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import fill_table, selected_id
from desktop_app.ui.widgets.tables import read_only_table


class RecognitionTab(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period")))
        self.period = QLineEdit(quarter_of(date.today()).previous().text)
        self.period.setMaximumWidth(200)
        self.period.setToolTip(self.tr("2026-Q3, 2026-07, 2026 or 2026-07-01..2026-09-30"))
        show = QPushButton(self.tr("Show"))
        self.award_button = QPushButton(self.tr("Recognise the selected agent…"))
        self.award_button.setEnabled(state.actor.can(Perm.EDIT_AGENTS))
        bar.addWidget(self.period)
        bar.addWidget(show)
        bar.addStretch(1)
        bar.addWidget(self.award_button)
        layout.addLayout(bar)
        note = QLabel(
            self.tr(
                "Candidates are ranked on training hours attended and assessment "
                "scores in the period, and on call evaluations. The overall score is the "
                "mean of the parts the agent has data for, listed under “Based on”."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        layout.addWidget(note)
        split = QSplitter(Qt.Orientation.Vertical)
        self.sources = list(recognition.SCORE_SOURCES)
        self.ranking = read_only_table(
            [
                self.tr("Rank"),
                self.tr("Agent"),
                self.tr("Sessions"),
                self.tr("Hours"),
                self.tr("Assessment"),
                *recognition.source_labels(self.sources),
                self.tr("Overall /100"),
                self.tr("Based on"),
                self.tr("Awards"),
            ],
            stretch=1,
        )
        self.awards = read_only_table(
            [
                self.tr("Awarded on"),
                self.tr("Agent"),
                self.tr("Period"),
                self.tr("Award"),
                self.tr("Reason"),
            ],
            stretch=4,
        )
        split.addWidget(self.ranking)
        split.addWidget(self.awards)
        split.setSizes([300, 200])
        layout.addWidget(split, 1)
        show.clicked.connect(self.refresh)
        self.period.returnPressed.connect(self.refresh)
        self.award_button.clicked.connect(self.award)
        self.refresh()

    def refresh(self) -> None:
        period = attempt(self, lambda: parse_period(self.period.text()))
        if period is None:
            return
        self.period.setText(period.text)
        rows = (
            attempt(self, lambda: recognition.ranking(self.state.db, self.state.actor, period))
            or []
        )
        lang = self.state.lang
        sep = "، " if lang == "ar" else ", "
        fill_table(
            self.ranking,
            [
                [
                    str(i + 1),
                    localized_name(c.name_ar, c.name_fr, lang),
                    str(c.sessions),
                    format_number(c.hours, 1),
                    format_number(c.assessment, 0),
                    *[format_number(c.sources.get(k), 0) for k in self.sources],
                    format_number(c.composite, 0) if c.counted else "—",
                    sep.join(recognition.part_labels(c.counted)) or self.tr("no data"),
                    str(c.awards) if c.awards else "",
                ]
                for i, c in enumerate(rows)
            ],
            stretch=1,
            data=[c.agent_id for c in rows],
        )
        # the first column holds the rank; keep the agent id on it for "Recognise…"
        awards = (
            attempt(self, lambda: recognition.list_awards(self.state.db, self.state.actor)) or []
        )
        fill_table(
            self.awards,
            [
                [
                    format_date(a.awarded_on),
                    localized_name(a.name_ar, a.name_fr, lang),
                    a.period,
                    a.award,
                    a.reason.replace("\n", " "),
                ]
                for a in awards
            ],
            stretch=4,
        )

    def award(self) -> None:
        agent_id = selected_id(self.ranking)
        dialog = RecognitionDialog(
            self.state,
            self.period.text(),
            agent_id,
            parent=self,
        )
        if dialog.exec():
            self.refresh()
