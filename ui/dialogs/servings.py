"""Set Amount…: how much of the selected food or dish, in which unit."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from planner.core.amounts import UnitChoice
from planner.i18n import _


class AmountDialog:
    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        name: str,
        amount: float,
        unit: str,
        choices: Sequence[UnitChoice],
    ) -> tuple[float, str] | None:
        """The amount and unit chosen for ``name`` (None: cancelled). Choosing another unit
        converts the amount shown, so that the weight stays the same."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDialog, QFormLayout, QLabel

        from ui.views.amount import AmountEditor

        from .parts import ok_cancel, stack

        dialog = QDialog(parent)
        dialog.setWindowTitle(_("Amount"))
        # The name is the user's (or a file's) text: shown as written, never as HTML.
        label = QLabel(_("How much {food}:").format(food=name), dialog)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        editor = AmountEditor(dialog)
        editor.show_amount(amount, unit, choices)
        editor.unitChosen.connect(editor.convert_to)
        form = QFormLayout()
        form.addRow(label)
        amount_label = QLabel(_("&Amount:"), dialog)
        amount_label.setBuddy(editor.spin)
        form.addRow(amount_label, editor.row)
        stack(dialog, form, ok_cancel(dialog))
        editor.spin.setFocus()
        editor.spin.selectAll()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return editor.amount(), editor.unit()


# The dialog's name before amounts had units; scripts and tests know it.
ServingsDialog = AmountDialog
