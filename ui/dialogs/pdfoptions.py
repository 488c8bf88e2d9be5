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
    QSpinBox,
    QWidget,
)

from planner.i18n import _

from .files import FileDialogs, typed_path
from .parts import ok_cancel, stack


@dataclass(frozen=True)
class PdfOptions:
    path: Path
    paper: str = "a4"
    shopping: bool = True
    notes: bool = False
    recipes: bool = False  # each planned dish with its ingredients and method
    # (first, last) weeks from 0, printed with one shopping list for all of them; None:
    # every week, each with its own list
    weeks: tuple[int, int] | None = None

    def week_list(self) -> list[int] | None:
        """The weeks to print (numbered from 0), or None for every week."""
        return None if self.weeks is None else list(range(self.weeks[0], self.weeks[1] + 1))


class PdfOptionsDialog(QDialog):
    def __init__(self, suggested: Path, parent: QWidget | None = None, weeks: int = 1) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Export PDF"))
        self._suggested = suggested
        self.path = QLineEdit(str(suggested), self)
        self.path.setAccessibleName(_("PDF file"))
        browse = QPushButton(_("C&hoose…"), self)
        browse.setAccessibleName(_("Choose the PDF file"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.paper = QComboBox(self)
        self.paper.addItem(_("A4"), "a4")
        self.paper.addItem(_("US Letter"), "letter")
        self.paper.setAccessibleName(_("Paper size"))
        self.shopping = QCheckBox(_("Add a &shopping list by aisle"), self)
        self.shopping.setChecked(True)
        self.notes = QCheckBox(_("Add a page for &notes"), self)
        self.recipes = QCheckBox(_("Add the &recipes of the dishes planned"), self)
        form = QFormLayout()
        # A row of several widgets gets a label of our own: the form's would show "&File:"
        # with no field to give the mnemonic to.
        file_label = QLabel(_("&File:"), self)
        file_label.setBuddy(self.path)
        form.addRow(file_label, path_row)
        form.addRow(_("&Paper:"), self.paper)
        form.addRow(self.shopping)
        form.addRow(self.notes)
        form.addRow(self.recipes)
        # A range of weeks with one shopping list for all of them (a plan of several weeks).
        self.some_weeks = QCheckBox(_("Only &weeks, with one shopping list for them:"), self)
        self.first_week, self.last_week = QSpinBox(self), QSpinBox(self)
        for box, name in ((self.first_week, _("First week")), (self.last_week, _("Last week"))):
            box.setRange(1, max(1, weeks))
            box.setAccessibleName(name)
            box.setEnabled(False)
        self.last_week.setValue(max(1, weeks))
        self.some_weeks.toggled.connect(self.first_week.setEnabled)
        self.some_weeks.toggled.connect(self.last_week.setEnabled)
        weeks_row = QHBoxLayout()
        weeks_row.addWidget(self.first_week)
        weeks_row.addWidget(self.last_week)
        if weeks > 1:
            form.addRow(self.some_weeks, weeks_row)
        else:
            for widget in (self.some_weeks, self.first_week, self.last_week):
                widget.hide()
        stack(self, form, ok_cancel(self, _("Export")))
        self.resize(520, self.sizeHint().height())

    def _browse(self) -> None:
        chosen = FileDialogs.save_pdf(self, Path(self.path.text()))
        if chosen:
            self.path.setText(str(chosen))

    def options(self) -> PdfOptions | None:
        path = typed_path(self.path.text(), self._suggested, ".pdf")
        if path is None:
            return None
        return PdfOptions(
            path=path,
            paper=str(self.paper.currentData()),
            shopping=self.shopping.isChecked(),
            notes=self.notes.isChecked(),
            recipes=self.recipes.isChecked(),
            weeks=self.chosen_weeks(),
        )

    def chosen_weeks(self) -> tuple[int, int] | None:
        if not self.some_weeks.isChecked():
            return None
        first, last = sorted((self.first_week.value(), self.last_week.value()))
        return first - 1, last - 1

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: Path, weeks: int = 1) -> PdfOptions | None:
        """The options, or None if cancelled; ``weeks`` is how many weeks the plan has."""
        dialog = cls(suggested, parent, weeks)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.options()
