"""Save and Cancel at the foot of an editing dialog: one place, so every dialog behaves alike."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox


def save_buttons(dialog: QDialog, save: Callable[[], object]) -> QDialogButtonBox:
    """Save runs `save` (which validates and closes the dialog itself); Cancel rejects."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    return buttons
