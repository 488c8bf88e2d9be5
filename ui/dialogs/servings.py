"""Set Servings…: the servings of the selected food."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from planner.core.plan import MAX_SERVINGS


class ServingsDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, name: str, servings: float) -> float | None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDialog, QInputDialog, QLabel

        # Built rather than QInputDialog.getDouble, whose label would render a food named
        # "<h1>…" as HTML: the label is found and made plain once the dialog has made it.
        dialog = QInputDialog(parent)
        dialog.setWindowTitle("Servings")
        dialog.setInputMode(QInputDialog.InputMode.DoubleInput)
        dialog.setDoubleRange(0.25, MAX_SERVINGS)
        dialog.setDoubleDecimals(2)
        dialog.setDoubleStep(0.5)
        dialog.setDoubleValue(servings)
        dialog.setLabelText(f"Servings of {name}:")
        for label in dialog.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.doubleValue()
