"""A yes-or-no question."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class Confirm:
    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> bool:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(parent, title, text, buttons.Yes | buttons.No, buttons.No)
        return answer == buttons.Yes
