"""Call evaluations, newest first, keyset-paged (they accumulate year after year)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from desktop_app.i18n import localized_name
from desktop_app.services import evaluations
from desktop_app.services.evaluations import EvaluationFilter, EvaluationRow
from desktop_app.ui.formatting import format_datetime, format_number, format_phone
from desktop_app.ui.models.keyset_table_model import KeysetTableModel
from desktop_app.ui.state import AppState


class EvaluationTableModel(KeysetTableModel[EvaluationRow]):
    def __init__(self, state: AppState, parent: object = None) -> None:
        super().__init__(parent)
        self.state = state
        self.filter = EvaluationFilter()

    def headers(self) -> Sequence[str]:
        return (self.tr("When"), self.tr("Agent"), self.tr("Line"), self.tr("How"),
                self.tr("Picked up after"), self.tr("Score"), self.tr("Evaluator"),
                self.tr("Comment"))  # fmt: skip

    def fetch_after(self, last: EvaluationRow | None, limit: int) -> list[EvaluationRow]:
        return evaluations.evaluation_page(self.state.db, self.state.actor, self.filter,
                                           after=last, limit=limit)  # fmt: skip

    def display(self, row: EvaluationRow, column: int) -> str:
        if column == 4:
            if not row.answered:
                return self.tr("not answered")
            return self.tr("{n} s").format(n=row.pickup_seconds)
        values = (
            format_datetime(row.at),
            localized_name(row.agent_ar, row.agent_fr, self.state.lang),
            format_phone(row.line_number), evaluations.method_label(row.method), "",
            format_number(row.score, 1), row.evaluator_name, row.comment.replace("\n", " "),
        )  # fmt: skip
        return values[column]

    def extra_data(self, row: EvaluationRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 7 and row.comment:
            return row.comment
        return None
