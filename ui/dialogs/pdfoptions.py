"""Export PDF: the file, the paper and what the PDF holds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from .files import FileDialogs
from .parts import ok_cancel, stack


@dataclass(frozen=True)
class PdfOptions:
    path: Path
    paper: str = "a4"
    shopping: bool = True
    notes: bool = False


class PdfOptionsDialog(QDialog):
    def __init__(self, suggested: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export PDF")
        self.path = QLineEdit(str(suggested), self)
        self.path.setAccessibleName("PDF file")
        browse = QPushButton("C&hoose…", self)
        browse.setAccessibleName("Choose the PDF file")
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.paper = QComboBox(self)
        self.paper.addItem("A4", "a4")
        self.paper.addItem("US Letter", "letter")
        self.paper.setAccessibleName("Paper size")
        self.shopping = QCheckBox("Add a &shopping list by aisle", self)
        self.shopping.setChecked(True)
        self.notes = QCheckBox("Add a page for &notes", self)
        form = QFormLayout()
        # A row of several widgets gets a label of our own: the form's would show "&File:"
        # with no field to give the mnemonic to.
        file_label = QLabel("&File:", self)
        file_label.setBuddy(self.path)
        form.addRow(file_label, path_row)
        form.addRow("&Paper:", self.paper)
        form.addRow(self.shopping)
        form.addRow(self.notes)
        stack(self, form, ok_cancel(self, "Export"))
        self.resize(520, self.sizeHint().height())

    def _browse(self) -> None:
        chosen = FileDialogs.save_pdf(self, Path(self.path.text()))
        if chosen:
            self.path.setText(str(chosen))

    def options(self) -> PdfOptions | None:
        text = self.path.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return PdfOptions(
            path=path if path.suffix else path.with_suffix(".pdf"),
            paper=str(self.paper.currentData()),
            shopping=self.shopping.isChecked(),
            notes=self.notes.isChecked(),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: Path) -> PdfOptions | None:
        dialog = cls(suggested, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.options()
