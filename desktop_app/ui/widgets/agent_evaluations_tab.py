"""The "Call evaluations" tab of an agent's page (C8.2, C8.5, C8.7): every evaluation of the
agent's calls, newest first, with the mean score.

The page registry hands `PROFILE_TAB` to the agents page, so the agents page never imports the
call-quality area itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.services import evaluations
from desktop_app.services.evaluations import EvaluationFilter
from desktop_app.services.permissions import Perm
from desktop_app.ui.formatting import format_datetime, format_number, format_phone
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import fill_table
from desktop_app.ui.widgets.tables import read_only_table
from desktop_app.ui.workers import query

# The evaluations, their mean, and the table's texts written in the worker.
Found = tuple[list[evaluations.EvaluationRow], evaluations.Coaching, list[list[str]]]
SHOWN = 500  # an agent has tens of evaluations a year; the evaluations page pages the rest


class AgentEvaluationsTab(QWidget):
    """Read-only: the evaluations are recorded on the call evaluations page."""

    filled = Signal()  # the evaluations read in the background are shown

    def __init__(self, state: AppState, agent_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.agent_id = agent_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = read_only_table(
            [
                self.tr("Date"),
                self.tr("Line"),
                self.tr("Method"),
                self.tr("Score"),
                self.tr("Comment"),
            ],
            stretch=4,
        )
        layout.addWidget(self.table, 1)
        self.rows: list[evaluations.EvaluationRow] = []
        if not state.actor.can(Perm.READ_ALL):
            self.summary.setText(self.tr("Your role does not allow reading call evaluations."))
            self.table.hide()
            return
        self.refresh()

    def refresh(self) -> None:
        """The agent's evaluations and mean are read in the background (issue 15.3): the tab is
        built each time an agent is chosen, and must not hold up the click."""
        db, actor, agent_id = self.state.db, self.state.actor, self.agent_id
        flt = EvaluationFilter(agent_id=agent_id)

        def read() -> Found:
            rows = evaluations.evaluation_page(db, actor, flt, limit=SHOWN)
            return rows, evaluations.coaching(db, actor, agent_id), _cells(rows)

        query(self, read, self._show)

    def _show(self, found: Found) -> None:
        self.rows, view, cells = found
        if not self.rows:
            self.summary.setText(self.tr("No call of this agent has been evaluated yet."))
        else:
            self.summary.setText(
                self.tr("Evaluations: %n, mean score {score} out of 100.", None, view.count).format(
                    score=format_number(view.average, 1)
                )
            )
        fill_table(self.table, cells, stretch=4)
        self.filled.emit()


def _cells(rows: list[evaluations.EvaluationRow]) -> list[list[str]]:
    """The table's texts, written in the worker with the read (issue 15.3): formatting 500 dates
    took 0.1 s of the GUI thread each time an agent was chosen. No widget is touched; dates go
    through format_datetime, whose QLocale is made in the calling thread."""
    return [
        [
            format_datetime(r.at),
            format_phone(r.line_number),
            evaluations.method_label(r.method),
            _score_text(r),
            r.comment.replace("\n", " "),
        ]
        for r in rows
    ]


def _score_text(row: evaluations.EvaluationRow) -> str:
    score = format_number(row.score, 1)
    if not row.answered:
        return QCoreApplication.translate("AgentEvaluationsTab", "{score} (not answered)").format(
            score=score
        )
    return score


def _title() -> str:
    return QCoreApplication.translate("AgentEvaluationsTab", "Call evaluations")


def _factory(state: AppState, agent_id: int) -> QWidget:
    return AgentEvaluationsTab(state, agent_id)


# (title, factory) for AgentsPage(profile_tabs=...).
PROFILE_TAB = (_title, _factory)
