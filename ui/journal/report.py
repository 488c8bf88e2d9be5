"""File > Export Journal Report…: the span of days (from, to) and the PDF file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

DEFAULT_DAYS = 90  # as `gutskin journal report` without --from


@dataclass(frozen=True)
class ReportOptions:
    path: Path
    first: date
    last: date


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ReportDialog(QDialog):
    def __init__(self, suggested: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Journal Report")
        today = date.today()
        self.first, self.last = QDateEdit(self), QDateEdit(self)
        for edit, day, name in (
            (self.first, today - timedelta(DEFAULT_DAYS - 1), "First day of the report"),
            (self.last, today, "Last day of the report"),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("ddd d MMM yyyy")
            edit.setDate(_qdate(day))
            edit.setAccessibleName(name)
        self.path = QLineEdit(str(suggested), self)
        self.path.setAccessibleName("PDF file")
        browse = QPushButton("Choose…", self)
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("&From:", self.first)
        form.addRow("&To:", self.last)
        form.addRow("&File:", path_row)
        note = QLabel(
            "Trend charts, a table of the check-ins and the open plan's weeks in that span. "
            "Not medical advice: the links it shows are associations, not causes.",
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export Journal Report", self.path.text(), "PDF files (*.pdf)"
        )
        if name:
            self.path.setText(name)

    def options(self) -> ReportOptions | None:
        text = self.path.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        one, other = self.first.date().toPython(), self.last.date().toPython()
        assert isinstance(one, date) and isinstance(other, date)
        first, last = min(one, other), max(one, other)
        return ReportOptions(path if path.suffix else path.with_suffix(".pdf"), first, last)

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: Path) -> ReportOptions | None:
        dialog = cls(suggested, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.options()
