"""An unexpected error: what went wrong, what was kept, continue or quit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


class CrashDialog:
    CONTINUE, QUIT = "continue", "quit"

    @classmethod
    def ask(
        cls, parent: QWidget | None, what: str, kept: str, log: Path | None, details: str
    ) -> str:
        """Tells what went wrong, what was kept and where the details are; CONTINUE or QUIT."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle("Something went wrong")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"The app ran into a problem it did not expect:\n{what}")
        where = (
            f"The details were written to {log}."
            if log
            else "The details could not be written to a log file."
        )
        box.setInformativeText(
            f"{kept} {where} You can keep working; if something looks wrong, save your "
            "plan and restart the app."
        )
        box.setDetailedText(details)
        keep_going = box.addButton("&Continue", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("&Quit", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep_going)
        box.exec()
        return cls.CONTINUE if box.clickedButton() is keep_going else cls.QUIT
