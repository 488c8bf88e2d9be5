"""Save, discard or cancel the changes of the open plan."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from planner.i18n import _


class UnsavedChanges:
    SAVE, DISCARD, CANCEL = "save", "discard", "cancel"

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> str:
        """Save, discard or cancel: the answer as one of SAVE, DISCARD, CANCEL."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Unsaved changes"))
        box.setTextFormat(Qt.TextFormat.PlainText)  # the name is a file's or the user's
        box.setText(_("Save the changes to {name}?").format(name=name))
        box.setInformativeText(_("Your changes will be lost if you don't save them."))
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
        box.setDefaultButton(buttons.Save)
        answer = box.exec()
        if answer == buttons.Save:
            return cls.SAVE
        if answer == buttons.Discard:
            return cls.DISCARD
        return cls.CANCEL
