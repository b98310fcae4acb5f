"""Call evaluations (C8.2, C8.7): the list, mystery-call campaigns, coaching, the scorecard."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import campaigns, evaluations, scorecards, settings, training
from desktop_app.services.permissions import Perm
from desktop_app.ui.formatting import format_date, format_datetime, format_number, format_phone
from desktop_app.ui.messages import attempt
from desktop_app.ui.models.evaluation_table_model import EvaluationTableModel
from desktop_app.ui.models.rows_table_model import RowsTableModel
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.page_header import PageHeader
from desktop_app.ui.widgets.tables import Resize, table_view
from desktop_app.ui.widgets.trend_chart import TrendChart
from desktop_app.ui.workers import query, query_pending


class EvaluationsPage(QWidget):
    TABS = ("list", "campaigns", "coaching", "scorecard")

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.can_edit = state.actor.can(Perm.EDIT_EVALUATIONS)
        layout = QVBoxLayout(self)
        layout.addWidget(PageHeader(
            self.tr("Call evaluations"),
            self.tr("Supervisor listening, mystery calls and citizen feedback, scored on the "
                    "weighted scorecard (C8.2, C8.7)."),
        ))  # fmt: skip
        self.tabs = QTabWidget()
        self.tabs.addTab(self._list_tab(), self.tr("Evaluations"))
        self.tabs.addTab(self._campaigns_tab(), self.tr("Mystery-call campaigns"))
        self.tabs.addTab(self._coaching_tab(), self.tr("Coaching"))
        self.tabs.addTab(self._scorecard_tab(), self.tr("Scorecard"))
        layout.addWidget(self.tabs, 1)
        self._coaching_stale = True  # read when the Coaching tab is first shown (issue 15.3)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.refresh()

    # -- evaluations --------------------------------------------------------------------------
    def _list_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New evaluation…"))
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        self.new_button.clicked.connect(self.new_evaluation)
        self.new_button.setVisible(self.can_edit)
        QShortcut(QKeySequence("Ctrl+N"), self).activated.connect(self.new_evaluation)
        self.method_filter = QComboBox()
        self.method_filter.addItem(self.tr("Every method"), "")
        for m in evaluations.METHODS:
            self.method_filter.addItem(evaluations.method_label(m), m)
        self.method_filter.currentIndexChanged.connect(self.refresh_list)
        bar.addWidget(self.new_button)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Method")))
        bar.addWidget(self.method_filter)
        layout.addLayout(bar)
        self.model = EvaluationTableModel(self.state, self)
        self.model.hold()  # the first page comes from refresh_list(), read on the pool
        self.table = table_view(self.model, resize=Resize.ResizeToContents, stretch_last=True)
        # Columns of set widths and rows of one fixed height: fitting them to their contents
        # measured every row on the GUI thread when the page opened (issue 15.3). A long
        # comment is elided; its tooltip gives the whole text.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((120, 150, 100, 140, 115, 60, 220)):
            self.table.setColumnWidth(col, width)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        layout.addWidget(self.table, 1)
        return tab

    def new_evaluation(self, **prefill: Any) -> int | None:
        if not self.can_edit:
            return None
        from desktop_app.ui.dialogs.evaluation_dialog import EvaluationDialog

        dialog = EvaluationDialog(self.state, self, **prefill)
        dialog.exec()
        if dialog.saved_id is not None:
            self.refresh()
        return dialog.saved_id

    @property
    def pending(self) -> bool:
        """A read of the evaluations list is under way: tests and the screenshot wait on it."""
        return query_pending(self, "list")

    def refresh_list(self) -> None:
        """Read the first page of evaluations, with its dates written, on the pool and show it
        when it comes (issue 15.3: opening the page must not block the window). A read overtaken
        by a newer one (the method changed meanwhile) is dropped; a failed read leaves the old
        rows showing, with the usual message."""
        from desktop_app.services.evaluations import EvaluationFilter

        filt = EvaluationFilter(method=self.method_filter.currentData() or "")
        read_first = self.model.read_first
        query(self, lambda: read_first(filt),
              lambda page: self.model.apply_first(filt, page), key="list")  # fmt: skip

    # -- campaigns ----------------------------------------------------------------------------
    def _campaigns_tab(self) -> QWidget:
        tab = QWidget()
        layout = QGridLayout(tab)
        self.campaign_model: RowsTableModel[campaigns.CampaignInfo] = RowsTableModel(
            [self.tr("Campaign"), self.tr("From"), self.tr("To"), self.tr("Planned"),
             self.tr("Made"), self.tr("Answered"), self.tr("Mean score")],
            lambda c: (c.name, format_date(c.first_day), format_date(c.last_day),
                       format_number(c.planned), format_number(c.done),
                       format_number(c.answered), format_number(c.average, 1)),
            self, numeric=(3, 4, 5, 6),
        )  # fmt: skip
        self.campaign_table = table_view(
            self.campaign_model, resize=Resize.ResizeToContents, stretch=0
        )
        self.campaign_table.selectionModel().currentRowChanged.connect(self.refresh_calls)
        plan = QPushButton(self.tr("Plan a campaign…"))
        plan.clicked.connect(self.plan_campaign)
        plan.setVisible(self.can_edit)
        self.pending_only = QCheckBox(self.tr("Only the calls still to make"))
        self.pending_only.setChecked(True)
        self.pending_only.toggled.connect(self.refresh_calls)
        self.call_model: RowsTableModel[campaigns.PlannedCall] = RowsTableModel(
            [self.tr("Call at"), self.tr("Line"), self.tr("Result")],
            lambda c: (format_datetime(c.planned_at), self._line_text(c), self._result_text(c)),
            self,
        )  # fmt: skip
        self.call_table = table_view(self.call_model, resize=Resize.ResizeToContents, stretch=1)
        self.call_table.doubleClicked.connect(self.record_result)
        self.result_button = QPushButton(self.tr("Record the result…"))
        self.result_button.clicked.connect(self.record_result)
        self.result_button.setVisible(self.can_edit)
        layout.addWidget(plan, 0, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addWidget(self.campaign_table, 1, 0)
        top_right = QHBoxLayout()
        top_right.addWidget(self.pending_only)
        top_right.addStretch(1)
        top_right.addWidget(self.result_button)
        layout.addLayout(top_right, 0, 1)
        layout.addWidget(self.call_table, 1, 1)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        return tab

    @staticmethod
    def _line_text(call: campaigns.PlannedCall) -> str:
        number = format_phone(call.line_number)
        return f"{number} — {call.line_label}" if call.line_label else number

    def _result_text(self, call: campaigns.PlannedCall) -> str:
        if call.evaluation_id is None:
            return self.tr("to make")
        if not call.answered:
            return self.tr("not answered")
        return self.tr("score {score}").format(score=format_number(call.score, 1))

    def plan_campaign(self) -> None:
        from desktop_app.ui.dialogs.campaign_dialog import CampaignDialog

        dialog = CampaignDialog(self.state, self)
        if dialog.exec() and dialog.saved_id is not None:
            self.refresh_campaigns()

    def refresh_campaigns(self) -> None:
        rows = attempt(self, lambda: campaigns.list_campaigns(self.state.db, self.state.actor))
        self.campaign_model.set_rows(rows or [])
        if rows:
            self.campaign_table.setCurrentIndex(self.campaign_model.index(0, 0))
        self.refresh_calls()

    def refresh_calls(self) -> None:
        campaign = self.campaign_model.row_at(self.campaign_table.currentIndex().row())
        if campaign is None:
            self.call_model.set_rows([])
            return
        rows = attempt(self, lambda: campaigns.campaign_calls(
            self.state.db, self.state.actor, campaign.id,
            pending_only=self.pending_only.isChecked()))  # fmt: skip
        self.call_model.set_rows(rows or [])

    def record_result(self) -> None:
        call = self.call_model.row_at(self.call_table.currentIndex().row())
        if call is None or call.evaluation_id is not None:
            return
        if self.new_evaluation(line_id=call.line_id, method="mystery", at=call.planned_at,
                               campaign_call_id=call.id):  # fmt: skip
            self.refresh_campaigns()

    # -- coaching -----------------------------------------------------------------------------
    def _coaching_tab(self) -> QWidget:
        tab = QWidget()
        layout = QHBoxLayout(tab)
        self.agent_model: RowsTableModel[evaluations.AgentScore] = RowsTableModel(
            [self.tr("Agent"), self.tr("Evaluations"), self.tr("Mean score")],
            lambda a: (a.name(self.state.lang), format_number(a.count),
                       format_number(a.average, 1)),
            self, numeric=(1, 2),
        )  # fmt: skip
        self.agent_table = table_view(self.agent_model, resize=Resize.ResizeToContents)
        self.agent_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.agent_table.selectionModel().currentRowChanged.connect(self.show_coaching)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Last twelve months, lowest score first")))
        left.addWidget(self.agent_table, 1)
        layout.addLayout(left, 2)
        right = QVBoxLayout()
        self.coach_title = QLabel()
        self.coach_title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.coach_title.font()
        font.setBold(True)
        self.coach_title.setFont(font)
        self.trend = TrendChart()
        self.criteria_model: RowsTableModel[evaluations.CriterionStat] = RowsTableModel(
            [self.tr("Criterion"), self.tr("Met"), self.tr("Training that addresses it")],
            lambda c: (c.label(self.state.lang), self.tr("{pct} %").format(
                pct=format_number(c.yes_pct, 1)), scorecards.topic_label(c.training_topic)),
            self, numeric=(1,),
        )  # fmt: skip
        self.criteria_table = table_view(
            self.criteria_model, resize=Resize.ResizeToContents, stretch_last=True
        )
        self.topics = QLabel()
        self.topics.setWordWrap(True)
        self.topics.setTextFormat(Qt.TextFormat.PlainText)
        self.comments = QPlainTextEdit()
        self.comments.setReadOnly(True)
        right.addWidget(self.coach_title)
        right.addWidget(self.trend, 3)
        right.addWidget(QLabel(self.tr("Weakest criteria")))
        right.addWidget(self.criteria_table, 3)
        right.addWidget(self.topics)
        right.addWidget(QLabel(self.tr("Comments of the evaluators")))
        right.addWidget(self.comments, 2)
        layout.addLayout(right, 3)
        return tab

    def refresh_agents(self, below: float | None = None) -> None:
        since = datetime.now(UTC) - timedelta(days=365)
        rows = attempt(self, lambda: evaluations.agent_scores(self.state.db, self.state.actor,
                                                              since)) or []  # fmt: skip
        if below is not None:
            rows = [r for r in rows if r.average is not None and r.average < below]
        self.agent_model.set_rows(rows)
        if rows:
            self.agent_table.setCurrentIndex(self.agent_model.index(0, 0))
        self.show_coaching()

    def show_coaching(self) -> None:
        agent = self.agent_model.row_at(self.agent_table.currentIndex().row())
        if agent is None:
            self.coach_title.setText(self.tr("No agent evaluated yet."))
            self.trend.set_data([])
            self.criteria_model.set_rows([])
            self.topics.clear()
            self.comments.clear()
            return
        since = datetime.now(UTC) - timedelta(days=365)
        view = attempt(self, lambda: evaluations.coaching(self.state.db, self.state.actor,
                                                          agent.agent_id, since))  # fmt: skip
        if view is None:
            return
        target = float(settings.get(self.state.db, "target.evals_score_avg"))
        self.coach_title.setText(self.tr("{name}: mean score {score}, evaluations: %n "
                                         "(target {target})", None, view.count).format(
            name=agent.name(self.state.lang), score=format_number(view.average, 1),
            target=format_number(target, 0)))  # fmt: skip
        self.trend.set_data([(p.month.strftime("%m/%y"), p.average) for p in view.trend], target)
        self.criteria_model.set_rows(view.weakest(5))
        # The training that addresses the weak criteria, with when the agent last attended it
        # (C8.5: train periodically; the agents area holds the records).
        history = attempt(self, lambda: training.agent_history(
            self.state.db, self.state.actor, agent.agent_id)) or []  # fmt: skip
        last_on: dict[str, date] = {}
        for item in history:  # newest first
            if item.attended:
                last_on.setdefault(item.topic, item.held_on)
        names = [
            self.tr("{topic} (last attended {day})").format(
                topic=scorecards.topic_label(t), day=format_date(last_on[t]))
            if t in last_on
            else self.tr("{topic} (never attended)").format(topic=scorecards.topic_label(t))
            for t in view.topics()
        ]  # fmt: skip
        self.topics.setText(self.tr("Training to propose: {topics}").format(
            topics="; ".join(names)) if names else self.tr("No weak criterion."))  # fmt: skip
        self.comments.setPlainText("\n".join(
            f"{format_datetime(c.at)} — {evaluations.method_label(c.method)} — {c.comment}"
            for c in view.comments[:20]))  # fmt: skip

    # -- scorecard ----------------------------------------------------------------------------
    def _scorecard_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.card_note = QLabel()
        self.card_note.setWordWrap(True)
        self.card_model: RowsTableModel[scorecards.Criterion] = RowsTableModel(
            [self.tr("Criterion"), self.tr("Weight"), self.tr("May be not applicable"),
             self.tr("Training topic")],
            lambda c: (c.label(self.state.lang), format_number(c.weight),
                       self.tr("yes") if c.may_be_na else self.tr("no"),
                       scorecards.topic_label(c.training_topic)),
            self, numeric=(1,),
        )  # fmt: skip
        bar = QHBoxLayout()
        self.edit_card_button = QPushButton(self.tr("Edit the scorecard…"))
        self.edit_card_button.clicked.connect(self.edit_scorecard)
        self.edit_card_button.setEnabled(self.state.actor.can(Perm.EDIT_SCORECARD))
        if not self.edit_card_button.isEnabled():
            self.edit_card_button.setToolTip(self.tr("Only an administrator edits the scorecard."))
        self.card_saved = QLabel()
        self.card_saved.setWordWrap(True)
        self.card_saved.hide()
        bar.addWidget(self.edit_card_button)
        bar.addWidget(self.card_saved, 1)
        layout.addLayout(bar)
        layout.addWidget(self.card_note)
        layout.addWidget(
            table_view(self.card_model, resize=Resize.ResizeToContents, stretch_last=True), 1
        )
        return tab

    def edit_scorecard(self) -> None:
        """C8.2/C8.7: an administrator writes a new version; past scores stay as they were."""
        from desktop_app.ui.dialogs.scorecard_dialog import ScorecardDialog

        dialog = attempt(self, lambda: ScorecardDialog(self.state, self))
        if dialog is None or not dialog.exec() or dialog.saved is None:
            return
        self.refresh_scorecard()
        self.card_saved.setText(self.tr(
            "Version {n} saved. The evaluations recorded before keep their scores."
        ).format(n=dialog.saved.number))  # fmt: skip
        self.card_saved.show()

    def refresh_scorecard(self) -> None:
        card = attempt(self, lambda: scorecards.current(self.state.db, self.state.actor))
        if card is None:
            return
        self.card_model.set_rows(card.criteria)
        self.card_note.setText(self.tr(
            "Version {n}. A criterion answered “not applicable” does not count; the score is the "
            "weight of the criteria met over the weight of those that apply, 0–100. Changing the "
            "scorecard never changes past scores.").format(n=card.number))  # fmt: skip

    # -- page ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.refresh_list()
        self.refresh_campaigns()
        self._coaching_stale = True
        self._tab_shown(self.tabs.currentIndex())
        self.refresh_scorecard()

    def _tab_shown(self, index: int) -> None:
        """The coaching view (every agent's mean score over a year, then the first agent's
        coaching) is read when its tab is shown, not each time the page opens or a change
        arrives: it was most of what opening the page still cost (issue 15.3)."""
        if index == self.TABS.index("coaching") and self._coaching_stale:
            self._coaching_stale = False
            self.refresh_agents()

    def apply_filter(self, tab: str = "list", below: float | None = None, **_: object) -> None:
        """For the dashboard: `tab="coaching", below=target` lists the agents under the target."""
        if tab == "coaching":
            self._coaching_stale = False  # read just below, with the dashboard's filter
        if tab in self.TABS:
            self.tabs.setCurrentIndex(self.TABS.index(tab))
        if tab == "coaching":
            self.refresh_agents(below)
