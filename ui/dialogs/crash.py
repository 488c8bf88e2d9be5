"""An unexpected error: what went wrong, what was kept, continue or quit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from planner.i18n import _


class CrashDialog:
    CONTINUE, QUIT = "continue", "quit"

    @classmethod
    def ask(
        cls, parent: QWidget | None, what: str, kept: str, log: Path | None, details: str
    ) -> str:
        """Tells what went wrong, what was kept and where the details are; CONTINUE or QUIT."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(_("Something went wrong"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(_("The app ran into a problem it did not expect:\n{what}").format(what=what))
        where = (
            _("The details were written to {log}.").format(log=log)
            if log
            else _("The details could not be written to a log file.")
        )
        # Translators: {kept} says what was kept of the plan, {where} where the details are.
        box.setInformativeText(
            _(
                "{kept} {where} You can keep working; if something looks wrong, save your "
                "plan and restart the app."
            ).format(kept=kept, where=where)
        )
        box.setDetailedText(details)
        keep_going = box.addButton(_("&Continue"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("&Quit"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep_going)
        box.exec()
        return cls.CONTINUE if box.clickedButton() is keep_going else cls.QUIT
