"""Message boxes: an error, a file that could not be read or written, a file written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from planner.i18n import _


class Messages:
    """Message boxes, as classmethods so tests can record them instead of showing them."""

    @classmethod
    def error(cls, parent: QWidget | None, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    @classmethod
    def file_error(cls, parent: QWidget | None, action: str, path: Path, reason: str) -> None:
        """A file that could not be opened or written: names the file, then the reason."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, action, "", QMessageBox.StandardButton.Ok, parent
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # the reason may quote the file's content
        # Translators: {action} is a window title such as "Could not open the plan".
        box.setText(_("{action}: {file}").format(action=action, file=path.name))
        box.setInformativeText(reason)
        box.setDetailedText(str(path))
        box.exec()

    @classmethod
    def done_with_open(cls, parent: QWidget | None, title: str, text: str, path: Path) -> None:
        """Tells a file was written, with a button that opens it in the default app."""
        box = QMessageBox(
            QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Close, parent
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # the text names a file
        box.setText(text)
        # Translators: a button that opens the file just written in its default app.
        open_button = box.addButton(_("Open"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(open_button)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
