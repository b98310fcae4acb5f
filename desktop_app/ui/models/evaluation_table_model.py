"""Call evaluations, newest first, keyset-paged (they accumulate year after year)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from desktop_app.i18n import localized_name
from desktop_app.services import evaluations
from desktop_app.services.evaluations import EvaluationFilter, EvaluationRow
from desktop_app.ui.formatting import format_datetime, format_number, format_phone
from desktop_app.ui.models.keyset_table_model import KeysetTableModel
from desktop_app.ui.state import AppState

# A first page read on the pool, with each row's texts already written (issue 15.3).
FirstPage = list[tuple[EvaluationRow, tuple[str, ...]]]


class EvaluationTableModel(KeysetTableModel[EvaluationRow]):
    def __init__(self, state: AppState, parent: object = None) -> None:
        super().__init__(parent)
        self.state = state
        self.filter = EvaluationFilter()
        self._texts: dict[int, tuple[str, ...]] = {}  # row id -> its columns, written ahead

    def headers(self) -> Sequence[str]:
        return (self.tr("When"), self.tr("Agent"), self.tr("Line"), self.tr("How"),
                self.tr("Picked up after"), self.tr("Score"), self.tr("Evaluator"),
                self.tr("Comment"))  # fmt: skip

    def fetch_after(self, last: EvaluationRow | None, limit: int) -> list[EvaluationRow]:
        return evaluations.evaluation_page(self.state.db, self.state.actor, self.filter,
                                           after=last, limit=limit)  # fmt: skip

    def texts(self, row: EvaluationRow) -> tuple[str, ...]:
        """Every column of `row` as shown. Touches no widget and only QtCore (QLocale is made
        afresh in the calling thread, translate() is thread-safe): read_first() runs it on the
        pool, so dates are not formatted on the GUI thread when the page opens (issue 15.3)."""
        if not row.answered:
            pickup = QCoreApplication.translate("EvaluationTableModel", "not answered")
        else:
            pickup = QCoreApplication.translate("EvaluationTableModel", "{n} s").format(
                n=row.pickup_seconds
            )
        return (
            format_datetime(row.at),
            localized_name(row.agent_ar, row.agent_fr, self.state.lang),
            format_phone(row.line_number), evaluations.method_label(row.method), pickup,
            format_number(row.score, 1), row.evaluator_name, row.comment.replace("\n", " "),
        )  # fmt: skip

    def display(self, row: EvaluationRow, column: int) -> str:
        texts = self._texts.get(row.id)
        if texts is None:  # a later page, fetched as the person scrolls: 200 rows at most
            texts = self._texts[row.id] = self.texts(row)
        return texts[column]

    def extra_data(self, row: EvaluationRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 7 and row.comment:
            return row.comment
        return None

    # -- read on the pool, shown on the GUI thread (issue 15.3) --------------------------------
    def read_first(self, filt: EvaluationFilter) -> FirstPage:
        """The first page for `filt` with its texts, touching no widget: the half of reload()
        that the Evaluations page runs on the pool."""
        page = evaluations.evaluation_page(self.state.db, self.state.actor, filt,
                                           after=None, limit=self.page_size)  # fmt: skip
        return [(row, self.texts(row)) for row in page]

    def apply_first(self, filt: EvaluationFilter, page: FirstPage) -> None:
        """Show a first page read by read_first(), on the GUI thread; later pages follow it."""
        self.filter = filt
        self.beginResetModel()
        self._rows = [row for row, _ in page]
        self._texts = {row.id: texts for row, texts in page}
        self._exhausted = len(page) < self.page_size
        self.endResetModel()

    def reload(self) -> None:
        """Fetch first, then reset with the first page in place; a failing query leaves the old
        rows showing."""
        self.apply_first(self.filter, self.read_first(self.filter))
