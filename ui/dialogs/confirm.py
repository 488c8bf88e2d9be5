"""A yes-or-no question."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


class Confirm:
    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> bool:
        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Question, title, "", buttons.Yes | buttons.No, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the question may name a food
        box.setText(text)
        box.setDefaultButton(buttons.No)
        return box.exec() == buttons.Yes
