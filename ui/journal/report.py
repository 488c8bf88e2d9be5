"""File > Export Journal Report…: the span of days (from, to) and the PDF file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from planner.i18n import _
from ui.dialogs.files import typed_path
from ui.dialogs.parts import date_range, note, ok_cancel, picked_range, stack

DEFAULT_DAYS = 90  # as `gutskin journal report` without --from


@dataclass(frozen=True)
class ReportOptions:
    path: Path
    first: date
    last: date


class ReportDialog(QDialog):
    def __init__(self, suggested: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Export Journal Report"))
        self._suggested = suggested
        today = date.today()
        first = today - timedelta(DEFAULT_DAYS - 1)
        # Translators: completes the date fields' names, "First day of the report".
        self.first, self.last = date_range(self, first, today, _("the report"))
        self.path = QLineEdit(str(suggested), self)
        self.path.setAccessibleName(_("PDF file"))
        browse = QPushButton(_("Choose…"), self)
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(_("&From:"), self.first)
        form.addRow(_("&To:"), self.last)
        form.addRow(_("&File:"), path_row)
        about = _(
            "Trend charts, a table of the check-ins and the open plan's weeks in that span. "
            "Not medical advice: the links it shows are associations, not causes."
        )
        stack(self, form, note(about, self), ok_cancel(self, _("Export")))
        self.resize(520, self.sizeHint().height())

    def _browse(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export Journal Report"), self.path.text(), _("PDF files (*.pdf)")
        )
        if name:
            self.path.setText(name)

    def options(self) -> ReportOptions | None:
        path = typed_path(self.path.text(), self._suggested, ".pdf")
        if path is None:
            return None
        first, last = picked_range(self.first, self.last)
        return ReportOptions(path, first, last)

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: Path) -> ReportOptions | None:
        dialog = cls(suggested, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.options()
