"""Copy Day To…: the day whose foods a day's foods replace."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QWidget,
)

from planner.core.plan import DAYS_PER_WEEK, Plan
from planner.i18n import _

from .parts import ok_cancel, stack


def _day_text(plan: Plan, day: int) -> str:
    when = plan.date_of(day)
    # The weekday, day and month as the language writes them (QLocale follows the app's).
    text = QLocale().toString(QDate(when.year, when.month, when.day), "dddd d MMMM")
    if plan.weeks > 1:
        # Translators: a day of a plan of several weeks, e.g. "Monday 7 December (week 2)".
        return _("{date} (week {week})").format(date=text, week=day // DAYS_PER_WEEK + 1)
    return text


class CopyDayDialog(QDialog):
    def __init__(self, plan: Plan, day: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Copy Day"))
        self.target = QComboBox(self)
        for other in range(plan.day_count):
            if other != day:
                self.target.addItem(_day_text(plan, other), other)
        following = next(
            (i for i in range(self.target.count()) if self.target.itemData(i) > day), 0
        )
        self.target.setCurrentIndex(following)
        form = QFormLayout()
        form.addRow(QLabel(_("Copy the foods of {day} to:").format(day=_day_text(plan, day)), self))
        form.addRow(_("&Day:"), self.target)
        note = QLabel(_("The foods planned on that day are replaced. Undo brings them back."), self)
        note.setWordWrap(True)
        form.addRow(note)
        stack(self, form, ok_cancel(self, _("Copy")))

    @classmethod
    def ask(cls, parent: QWidget | None, plan: Plan, day: int) -> int | None:
        dialog = cls(plan, day, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return int(dialog.target.currentData())
