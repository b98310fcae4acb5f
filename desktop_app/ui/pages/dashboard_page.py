"""The home page (C8.7): this quarter's indicators as tiles against targets, and the to-do lists."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import sections
from desktop_app.services.dashboard import Dashboard, KpiTile, dashboard
from desktop_app.services.first_steps import FirstStep, first_steps
from desktop_app.services.kpi_status import COLOURS, status_text
from desktop_app.services.periods import period_label
from desktop_app.services.sections import ActionList
from desktop_app.ui import messages
from desktop_app.ui.formatting import bidi_text, format_date, format_number
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.page_header import PageHeader
from desktop_app.ui.workers import query

TILE_COLUMNS = 3
FIRST_TILES = 4 * TILE_COLUMNS  # the rows above the fold at 1366x768, made first
MORE_TILES = 2 * TILE_COLUMNS  # then two rows at each turn of the event loop
ACTIONS_WIDTH = 340  # the to-do column, on the reading side: seen before the tiles


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


_QUOTED = re.compile("\u2068([^\u2069]*)\u2069")
QUOTED_CHARS = 24  # a subject that long keeps a to-do item to two lines in the column


def _shorten_quoted(item: str) -> str:
    """A citizen's subject quoted in a to-do item is cut to a few words: wrapped across lines
    inside an Arabic sentence it read mid-phrase and out of order (issue 14.6)."""

    def cut(match: re.Match[str]) -> str:
        text = match.group(1)
        if len(text) > QUOTED_CHARS:
            text = text[: QUOTED_CHARS - 1].rstrip() + "…"
        return f"\u2068{text}\u2069"

    return _QUOTED.sub(cut, item)


def _figure(value: float | int | None) -> str:
    if value is None:
        return "—"
    return format_number(value, 0 if float(value).is_integer() else 1)


def _tiles_style() -> str:
    """The tiles' colours by state, one style sheet for all of them on their box: a sheet on each
    tile and label (123 of them) was parsed and matched widget by widget as the dashboard was laid
    out, a third of the GUI thread's time filling it (issue 15.3)."""
    rules = [
        "#kpiTile { border: 1px solid #C8CED4; border-radius: 6px; }",
        "#kpiTile QLabel { background: transparent; }",
        "QLabel#kpiState { font-weight: bold; }",
        "QLabel#kpiDetail { color: #3C4650; }",
    ]
    for state, (background, ink) in COLOURS.items():
        rules.append(f'#kpiTile[state="{state}"] {{ background: {background}; }}')
        rules.append(f'QLabel#kpiState[state="{state}"] {{ color: {ink}; }}')
    return "\n".join(rules)


class KpiTileWidget(QFrame):
    """One indicator: its state in words and colour, value, target and change since last quarter."""

    def __init__(self, tile: KpiTile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tile = tile
        self.setObjectName("kpiTile")
        self.setProperty("state", tile.state)  # its colours: TILES_STYLE, set on the tiles' box
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 5, 8, 5)
        layout.setSpacing(1)
        name = _plain(tile.label)
        layout.addWidget(name)
        row = QHBoxLayout()
        self.value_label = QLabel(_figure(tile.value))
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.value_label.setFont(font)
        row.addWidget(self.value_label)
        row.addStretch(1)
        self.state_label = QLabel(status_text(tile.state))
        self.state_label.setObjectName("kpiState")
        self.state_label.setProperty("state", tile.state)
        row.addWidget(self.state_label)
        layout.addLayout(row)
        details = []
        if tile.target is not None:
            details.append(self.tr("Target {target}").format(target=_figure(tile.target)))
        details.append(self.change_text())
        self.detail_label = _plain(" · ".join(details))
        self.detail_label.setObjectName("kpiDetail")
        layout.addWidget(self.detail_label)

    def change_text(self) -> str:
        t = self.tile
        if t.previous is None:
            return self.tr("Last quarter: not measured")
        change = t.change
        if change is None or change == 0:
            return self.tr("Last quarter {previous}, unchanged").format(
                previous=_figure(t.previous)
            )
        arrow = "▲" if change > 0 else "▼"
        sign = "+" if change > 0 else "−"
        return self.tr("Last quarter {previous}, {arrow} {change}").format(
            previous=_figure(t.previous), arrow=arrow, change=f"{sign}{_figure(abs(change))}"
        )


class ActionListBox(QGroupBox):
    """The things to do behind an indicator; the button opens the page filtered on them."""

    def __init__(self, action: ActionList, parent: QWidget | None = None, shown: int = 3
                 ) -> None:  # fmt: skip
        super().__init__(parent)
        self.action = action
        # A group box's title never wraps: one longer than the column ("Mises à jour juridiques
        # pas encore transmises à tous les agents") widened the whole column past its edge at
        # 1366x768, and every to-do line was cut. The title is shortened; the tooltip is whole.
        full = self.tr("{title} ({count})").format(title=action.title, count=action.count)
        around = full.replace(action.title, "", 1)  # the count and its brackets
        room = ACTIONS_WIDTH - 90 - self.fontMetrics().horizontalAdvance(around)
        title = self.fontMetrics().elidedText(action.title, Qt.TextElideMode.ElideRight, room)
        self.setTitle(full.replace(action.title, title, 1))
        self.setToolTip(full)
        layout = QVBoxLayout(self)
        for item in action.items[:shown]:  # the first few; the button shows them all
            # The line reads in the interface's direction, whatever script the item starts with.
            mark = (
                "\u200f" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "\u200e"
            )
            line = _plain(f"{mark}• {bidi_text(_shorten_quoted(item))}")
            line.setToolTip(item)
            layout.addWidget(line)
        if not action.items:
            layout.addWidget(_plain(self.tr("Nothing to do.")))
        self.open_button = QPushButton(self.tr("Show them all"))
        self.open_button.setEnabled(action.count > 0)
        self.open_button.clicked.connect(self.open_page)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeading)

    def open_page(self) -> None:
        window = self.window()
        opener = getattr(window, "open_filtered", None)
        if callable(opener):
            opener(self.action.page, **self.action.page_filter)


class DashboardPage(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        outer = QVBoxLayout(self)
        self.header = PageHeader(
            self.tr("Dashboard"),
            self.tr("This quarter's indicators against their targets (C8.7). Worst first."),
        )
        outer.addWidget(self.header)
        self.period_label = _plain("")
        self.period_label.setStyleSheet("font-weight: bold;")
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(self.period_label, 1)
        top.addWidget(refresh)
        outer.addLayout(top)
        # Two columns: what to do now on the reading side (left in French, right in Arabic), the
        # indicators beside it — a director sees the to-do lists without scrolling (C8.7).
        split = QHBoxLayout()
        self.actions_body = QWidget()
        self.actions_layout = QVBoxLayout(self.actions_body)
        self.actions_layout.setContentsMargins(0, 0, 4, 0)
        actions_scroll = self._scroll(self.actions_body)
        actions_scroll.setFixedWidth(ACTIONS_WIDTH)
        split.addWidget(actions_scroll)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        split.addWidget(self._scroll(self.body), 1)
        outer.addLayout(split, 1)
        self.tiles: list[KpiTileWidget] = []
        self.action_boxes: list[ActionListBox] = []
        self.first_step_keys: list[str] = []
        self.first_steps_box: QGroupBox | None = None
        self._shown_serial = 0  # which answer the tiles still to add belong to
        self.reload()

    @staticmethod
    def _scroll(body: QWidget) -> QScrollArea:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        return scroll

    def _clear(self) -> None:
        for layout in (self.body_layout, self.actions_layout):
            while layout.count():
                item = layout.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.deleteLater()
        self.tiles, self.action_boxes = [], []

    def reload(self) -> None:
        """Indicators and to-do lists are computed in the background: the window shows at once
        at start-up (the dashboard is the home page) and fills in when they come back."""
        self.done = False  # the background job has come back (with figures or an error)
        self.period_label.setText(self.tr("Computing this quarter's indicators…"))
        db, actor, lang = self.state.db, self.state.actor, self.state.lang

        def compute() -> tuple[Dashboard, list[ActionList], list[FirstStep]]:
            data = dashboard(db, actor)
            lists = sections.action_lists(db, actor, data.period, lang)
            return data, lists, first_steps(db, actor)

        # A reload overtaken by a newer one (a change signal while computing) is not shown.
        self._task = query(self, compute, self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.period_label.setText("")
        self.done = True
        messages.show_error(self, exc)

    def _show(self, result: tuple[Dashboard, list[ActionList], list[FirstStep]]) -> None:
        data, lists, steps = result
        self.done = False  # until the last tiles are added
        self._clear()
        self.period_label.setText(self.tr("{period}, from {first} to {last}").format(
            period=period_label(data.period), first=format_date(data.period.first_day),
            last=format_date(data.period.last_day)))  # fmt: skip
        self._first_steps(steps)
        self._actions(lists, bool(steps))
        grid = self._tiles_box()
        self.body_layout.addStretch(1)
        self.actions_layout.addStretch(1)
        # The worst tiles now, the others a few rows at each turn of the event loop (issue
        # 15.3): making, polishing and laying out the forty tiles at once kept the window still
        # for 100–150 ms as the page filled; what a tile costs is paid when it is new.
        self._add_tiles(grid, data.tiles[:FIRST_TILES])
        self._shown_serial += 1
        self._later_tiles(self._shown_serial, grid, data.tiles[FIRST_TILES:])

    def _later_tiles(self, serial: int, grid: QGridLayout, rest: list[KpiTile]) -> None:
        """Add `rest` a few tiles at the next turn of the event loop, and so on; then done."""
        if not rest:
            self.done = True
            return

        def more() -> None:
            if serial == self._shown_serial:  # not shown again meanwhile (that grid is gone)
                self._add_tiles(grid, rest[:MORE_TILES])
                self._later_tiles(serial, grid, rest[MORE_TILES:])

        QTimer.singleShot(0, self, more)

    @property
    def filling(self) -> bool:
        """Tiles are still being added: the screenshot command waits for the last."""
        return not self.done

    def _first_steps(self, steps: list[FirstStep]) -> None:
        """A new installation's checklist, shortening as each step is done (issue 14.4)."""
        self.first_step_keys = [step.key for step in steps]
        self.first_steps_box = None
        if not steps:
            return
        box = QGroupBox(self.tr("First steps (%n left)", None, len(steps)))
        self.first_steps_box = box
        column = QVBoxLayout(box)
        for step in steps:
            # One row a step, its hint in a tooltip: the to-do lists below stay on screen at
            # 1366×768 (C8.7) while the checklist is long.
            row = QHBoxLayout()
            title = _plain(step.title)
            title.setToolTip(step.hint)
            row.addWidget(title, 1)
            button = QPushButton(self.tr("Open"))
            button.setToolTip(step.hint)
            button.clicked.connect(lambda _=False, page=step.page: self._open(page))
            row.addWidget(button)
            column.addLayout(row)
        self.actions_layout.addWidget(box)

    def _open(self, page: str) -> None:
        opener = getattr(self.window(), "show_page", None)
        if callable(opener):
            opener(page)

    def _actions(self, lists: list[ActionList], setting_up: bool = False) -> None:
        lists = [a for a in lists if a.count]  # an empty to-do list is noise here
        if not lists and setting_up:
            return  # "nothing to do" would mislead while the first steps are not done
        box = QGroupBox(self.tr("To do now"))
        column = QVBoxLayout(box)
        for action in lists:
            widget = ActionListBox(action)
            self.action_boxes.append(widget)
            column.addWidget(widget)
        if not lists:
            column.addWidget(_plain(self.tr("Nothing to do now.")))
        self.actions_layout.addWidget(box)

    def _tiles_box(self) -> QGridLayout:
        """The indicators' box, empty, in its place; _add_tiles fills its grid."""
        box = QGroupBox(self.tr("Indicators"))
        box.setStyleSheet(_tiles_style())
        grid = QGridLayout(box)
        grid.setSpacing(6)
        for c in range(TILE_COLUMNS):
            grid.setColumnStretch(c, 1)
        self.body_layout.addWidget(box)
        return grid

    def _add_tiles(self, grid: QGridLayout, tiles: list[KpiTile]) -> None:
        for tile in tiles:
            i = len(self.tiles)
            widget = KpiTileWidget(tile)
            self.tiles.append(widget)
            grid.addWidget(widget, i // TILE_COLUMNS, i % TILE_COLUMNS)
