"""Agents (C8.2, C8.5): the list, and one agent's page gathering their training, guides read,
legal updates they were told of, recognitions, the equipment of their post and plan gaps.

Other areas' tabs on an agent's page are handed to the page (`profile_tabs`: the call-quality
area's evaluations, ui/widgets/agent_evaluations_tab.py, passed by the page registry), so this
module never imports them and nothing registers itself by being imported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import agent_profile, equipment
from desktop_app.services.agent_profile import AgentProfile as AgentProfileData
from desktop_app.services.agents import AgentInfo
from desktop_app.services.agents_common import topic_label
from desktop_app.services.permissions import Perm
from desktop_app.ui.debounce import debounced
from desktop_app.ui.dialogs.agent_dialog import AgentDialog
from desktop_app.ui.formatting import format_date, format_number, format_phone, local
from desktop_app.ui.messages import attempt, show_error
from desktop_app.ui.models.agents_table_model import AgentsTableModel
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import (
    fill_table,
    fit_placeholder,
    mark,
    select_row,
)
from desktop_app.ui.widgets.page_header import PageHeader
from desktop_app.ui.widgets.tables import read_only_table, table_view
from desktop_app.ui.workers import drop_queries, query, query_pending

# A tab another area adds to every agent's page: its translated title, and
# `factory(state, agent_id)` building it when an agent is shown.
ProfileTab = tuple[Callable[[], str], Callable[[AppState, int], QWidget]]


class AgentProfile(QWidget):
    """Everything about one agent, read-only; HR edits through AgentDialog. The tabs fill in
    from one background read (issue 15.3); `filled` says so with the agent's id."""

    filled = Signal(int)

    def __init__(
        self,
        state: AppState,
        parent: QWidget | None = None,
        profile_tabs: Sequence[ProfileTab] = (),
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.profile_tabs = tuple(profile_tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        self.name = QLabel()
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.name.setFont(font)
        layout.addWidget(self.name)
        self.details = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("other_name", self.tr("Other name")),
            ("staff", self.tr("Staff number")),
            ("unit", self.tr("Unit")),
            ("post", self.tr("Post and extension")),
            ("lines", self.tr("Lines answered")),
            ("dates", self.tr("Active")),
            ("account", self.tr("User account")),
        ):
            value = QLabel()
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setWordWrap(True)
            self.fields[key] = value
            self.details.addRow(label, value)
        layout.addLayout(self.details)
        self.tabs = QTabWidget()
        self.training = read_only_table(
            [
                self.tr("Date"),
                self.tr("Session"),
                self.tr("Topic"),
                self.tr("Hours"),
                self.tr("Attended"),
                self.tr("Score"),
            ],
            stretch=1,
        )
        self.gaps = read_only_table(
            [self.tr("Rule"), self.tr("Due since"), self.tr("Last trained")]
        )
        self.guides = read_only_table(
            [
                self.tr("Guide"),
                self.tr("Current version"),
                self.tr("Version read"),
                self.tr("Read on"),
            ]
        )
        self.updates = read_only_table(
            [self.tr("Reference"), self.tr("Date of the text"), self.tr("Informed on")]
        )
        self.awards = read_only_table(
            [self.tr("Period"), self.tr("Award"), self.tr("Reason"), self.tr("Awarded on")],
            stretch=2,
        )
        self.equipment = read_only_table(
            [self.tr("Equipment"), self.tr("Condition"), self.tr("Note")], stretch=2
        )
        training_box = QWidget()
        box = QVBoxLayout(training_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.training, 3)
        self.gaps_label = QLabel(self.tr("Training plan rules not met"))
        box.addWidget(self.gaps_label)
        box.addWidget(self.gaps, 1)
        self.tabs.addTab(training_box, self.tr("Training"))
        self.tabs.addTab(self.guides, self.tr("Guides read"))
        self.tabs.addTab(self.updates, self.tr("Legal updates"))
        self.tabs.addTab(self.awards, self.tr("Recognitions"))
        self.tabs.addTab(self.equipment, self.tr("Post equipment"))
        self._extra: list[QWidget] = []
        layout.addWidget(self.tabs, 1)

    def show_agent(self, agent: AgentInfo | None) -> None:
        shown = self.tabs.currentIndex()  # the same tab stays open from one agent to the next
        for w in self._extra:
            self.tabs.removeTab(self.tabs.indexOf(w))
            w.deleteLater()
        self._extra = []
        if agent is None:
            self.name.setText(self.tr("Choose an agent in the list."))
            for value in self.fields.values():
                value.setText("")
            drop_queries(self)  # a read for the agent shown before must not fill the page
            self._fill(None)
            return
        db, actor, lang = self.state.db, self.state.actor, self.state.lang
        self.name.setText(agent.name(lang))
        other = agent.name_fr if lang == "ar" else agent.name_ar
        self.fields["other_name"].setText(other if other != agent.name(lang) else "")
        self.fields["staff"].setText(agent.staff_number)
        self.fields["unit"].setText(agent.unit)
        self.fields["post"].setText(" — ".join(x for x in (agent.post_name, agent.extension) if x))
        self.fields["lines"].setText(
            ("، " if lang == "ar" else ", ").join(format_phone(n) for n in agent.line_numbers)
            or self.tr("none")
        )
        since = format_date(agent.active_from) if agent.active_from else "…"
        until = format_date(agent.active_to) if agent.active_to else self.tr("today")
        self.fields["dates"].setText(
            self.tr("from {start} to {end}").format(start=since, end=until)
        )
        self.fields["account"].setText(
            agent.user_label or self.tr("none: the agent does not sign in to Istiqbal")
        )
        self._fill(None)  # the previous agent's rows go at once; this one's follow
        today = date.today()
        query(self, lambda: agent_profile.profile(db, actor, agent.id, agent.post_id, today),
              self._fill, self._failed)  # fmt: skip
        for title, factory in self.profile_tabs:
            widget = attempt(self, partial(factory, self.state, agent.id))
            if widget is not None:
                self._extra.append(widget)
                self.tabs.addTab(widget, title())
        if 0 <= shown < self.tabs.count():
            self.tabs.setCurrentIndex(shown)

    def _failed(self, exc: BaseException) -> None:
        self._fill(None)
        show_error(self, exc)

    def _fill(self, found: AgentProfileData | None) -> None:
        """The tabs of the agent read by `agent_profile.profile` in the background (None: empty)."""
        history = found.training if found else []
        fill_table(
            self.training,
            [
                [
                    format_date(t.held_on),
                    t.title,
                    topic_label(t.topic),
                    format_number(t.duration_hours, 1),
                    self.tr("Yes") if t.attended else self.tr("Absent"),
                    format_number(t.score, 0) if t.score is not None else "",
                ]
                for t in history
            ],
            stretch=1,
        )
        gaps = found.gaps if found else []
        fill_table(
            self.gaps,
            [
                [
                    g.rule_name,
                    format_date(g.due_on),
                    format_date(g.last_on) if g.last_on else self.tr("never"),
                ]
                for g in gaps
            ],
        )
        for i in range(len(gaps)):
            mark(i, self.gaps, "#b00020")
        self.gaps_label.setText(
            self.tr("Training plan rules not met")
            if gaps or found is None
            else self.tr("The agent meets every rule of the training plan.")
        )
        read = found.guides if found else []
        fill_table(
            self.guides,
            [
                [
                    g["title"],
                    g["doc_version"],
                    g["acknowledged_version"] or self.tr("not read"),
                    format_date(local(g["acknowledged_at"])) if g["acknowledged_at"] else "",
                ]
                for g in read
            ],
        )
        for i, g in enumerate(read):
            if not g["current"]:
                mark(i, self.guides, "#b00020")
        notices = found.notices if found else []
        fill_table(
            self.updates, [[ref, format_date(pub), format_date(told)] for ref, pub, told in notices]
        )
        awards = found.awards if found else []
        fill_table(
            self.awards,
            [
                [a.period, a.award, a.reason.replace("\n", " "), format_date(a.awarded_on)]
                for a in awards
            ],
            stretch=2,
        )
        items = found.equipment if found else []
        fill_table(
            self.equipment,
            [
                [equipment.kind_label(i.kind), equipment.condition_label(i.condition), i.note]
                for i in items
            ],
            stretch=2,
        )
        for r, piece in enumerate(items):
            if piece.condition != "working":
                mark(r, self.equipment, "#b00020")
        if found is not None:
            self.filled.emit(found.agent_id)


class AgentsPage(QWidget):
    def __init__(
        self,
        state: AppState,
        parent: QWidget | None = None,
        profile_tabs: Sequence[ProfileTab] = (),
    ) -> None:
        super().__init__(parent)
        self.state = state
        layout = QVBoxLayout(self)
        layout.addWidget(
            PageHeader(
                self.tr("Reception agents"),
                self.tr(
                    "Who answers the public, on which lines and at which post, and everything "
                    "about their training, guides and recognition (C8.3, C8.5, C8.6)."
                ),
            )
        )
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("New agent…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        for b in (self.add_button, self.edit_button):
            b.setEnabled(state.actor.can(Perm.EDIT_AGENTS))
            bar.addWidget(b)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        fit_placeholder(self.search, self.tr("Search name, staff number, unit…"))
        self.active_only = QCheckBox(self.tr("Active agents only"))
        self.active_only.setChecked(True)
        bar.addStretch(1)
        bar.addWidget(self.search)
        bar.addWidget(self.active_only)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.model = AgentsTableModel(state, self)
        self.view = table_view(self.model, alternate=True)
        self.view.doubleClicked.connect(self.edit_agent)
        self.profile = AgentProfile(state, profile_tabs=profile_tabs)
        split.addWidget(self.view)
        split.addWidget(self.profile)
        split.setSizes([440, 680])  # the profile has seven tabs
        layout.addWidget(split, 1)
        self.add_button.clicked.connect(self.add_agent)
        self.edit_button.clicked.connect(self.edit_agent)
        self.search.textChanged.connect(debounced(self, self.refresh))  # once typing pauses
        self.active_only.toggled.connect(lambda _on: self.refresh())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self._wanted: int | None = None  # the agent to choose when the list read comes back
        self.refresh()

    @property
    def pending(self) -> bool:
        """A read of the list is under way: tests and the screenshot command wait on it."""
        return query_pending(self, "list")

    def refresh(self, select_id: int | None = None) -> None:
        """Read the list on the pool and show it when it comes (issue 15.3: with 150 agents the
        read took 0.3 s on the GUI thread); the agent chosen before (or `select_id`) stays chosen.
        A read overtaken by a newer one (typing on in the search) is dropped."""
        current = next(
            (x for x in (select_id, self._wanted, self.selected_id()) if x is not None), None
        )
        self._wanted = current
        self.model.search = self.search.text()
        self.model.only_active = self.active_only.isChecked()
        search, only_active, read = self.model.search, self.model.only_active, self.model.read
        query(self, lambda: read(search, only_active), self._show_list, self._list_failed,
              key="list")  # fmt: skip

    def _selection_changed(self) -> None:
        if self.pending:  # chosen while the list is read: the answer keeps this choice
            self._wanted = self.selected_id()
        self._show_selected()

    def _list_failed(self, exc: BaseException) -> None:
        self._wanted = None  # the next refresh starts from what is chosen then
        show_error(self, exc)

    def _show_list(self, rows: list[AgentInfo]) -> None:
        wanted, self._wanted = self._wanted, None
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        row = self.model.row_of(wanted) if wanted is not None else -1
        select_row(self.view, row if row >= 0 else 0)
        self._show_selected()

    def selected(self) -> AgentInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_id(self) -> int | None:
        agent = self.selected()
        return agent.id if agent else None

    def _show_selected(self) -> None:
        self.profile.show_agent(self.selected())

    def add_agent(self) -> None:
        dialog = AgentDialog(self.state, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self.refresh(dialog.saved.id)

    def edit_agent(self) -> None:
        agent = self.selected()
        if agent is None or not self.state.actor.can(Perm.EDIT_AGENTS):
            return
        dialog = AgentDialog(self.state, agent, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self.refresh(dialog.saved.id)

    def apply_filter(
        self, agent_id: int | None = None, active_only: bool | None = None, search: str = ""
    ) -> None:
        """The dashboard opens one agent (`agent_id`) or a search."""
        if active_only is not None:
            self.active_only.setChecked(active_only)
        if agent_id is not None:
            self.active_only.setChecked(False)
        self.search.setText(search)
        self.refresh(agent_id)
