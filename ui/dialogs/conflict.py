"""The plan's file changed on disk since it was opened: overwrite it, save as, or reload."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from planner.i18n import _


class ConflictDialog:
    OVERWRITE, SAVE_AS, RELOAD, CANCEL = "overwrite", "save_as", "reload", "cancel"

    @classmethod
    def ask(cls, parent: QWidget | None, path: Path, reason: str, *, can_overwrite: bool) -> str:
        """One of OVERWRITE, SAVE_AS, RELOAD or CANCEL. Without ``can_overwrite`` (the path
        became a link) only Save As and Cancel are offered."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("The file changed on disk"))
        box.setTextFormat(Qt.TextFormat.PlainText)  # names a file
        box.setText(reason)
        role = QMessageBox.ButtonRole
        answers: dict[QAbstractButton, str] = {}
        if can_overwrite:
            box.setInformativeText(
                _(
                    "Overwrite replaces that version with yours. Save As keeps both. Reload "
                    "opens that version and drops your changes."
                )
            )
            answers[box.addButton(_("&Overwrite"), role.DestructiveRole)] = cls.OVERWRITE
        else:
            box.setInformativeText(_("Save your plan under another name to keep it."))
        save_as = box.addButton(_("Save &As…"), role.AcceptRole)
        answers[save_as] = cls.SAVE_AS
        if can_overwrite:
            answers[box.addButton(_("&Reload"), role.ResetRole)] = cls.RELOAD
        answers[box.addButton(QMessageBox.StandardButton.Cancel)] = cls.CANCEL
        box.setDefaultButton(save_as)
        box.exec()
        return answers.get(box.clickedButton(), cls.CANCEL)
