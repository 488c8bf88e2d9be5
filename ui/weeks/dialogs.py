"""Small dialogs: the options of File > Export Calendar…, and Plan Next Week."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from planner.core.plan import MEAL_LABELS, MEALS, Plan
from planner.core.templates import Template
from planner.export.ical import DEFAULT_TIMES

FLOATING = "Floating (the same clock time wherever you are)"


@dataclass
class CalendarOptions:
    """What File > Export Calendar… asks: meal times, time zone, weeks (from 0)."""

    times: dict[str, time] = field(default_factory=lambda: dict(DEFAULT_TIMES))
    tz: str | None = None
    weeks: range | None = None


class CalendarOptionsDialog(QDialog):
    def __init__(
        self, plan: Plan, options: CalendarOptions | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Calendar")
        options = options or CalendarOptions()
        form = QFormLayout()
        self.times: dict[str, QTimeEdit] = {}
        for meal in MEALS:
            edit = QTimeEdit(self)
            edit.setDisplayFormat("HH:mm")
            value = options.times.get(meal, DEFAULT_TIMES[meal])
            edit.setTime(QTime(value.hour, value.minute))
            edit.setAccessibleName(f"{MEAL_LABELS[meal]} time")
            self.times[meal] = edit
            form.addRow(f"{MEAL_LABELS[meal]}:", edit)
        self.zone = QComboBox(self)
        self.zone.setEditable(True)
        self.zone.addItem(FLOATING, None)
        if options.tz:
            self.zone.addItem(options.tz, options.tz)
            self.zone.setCurrentIndex(1)
        self.zone.setToolTip("A time zone such as Europe/Paris, or floating times")
        form.addRow("&Time zone:", self.zone)
        self.first, self.last = QSpinBox(self), QSpinBox(self)
        for box in (self.first, self.last):
            box.setRange(1, plan.weeks)
        weeks = options.weeks or range(plan.weeks)
        self.first.setValue(min(weeks.start + 1, plan.weeks))
        self.last.setValue(min(weeks.stop, plan.weeks))
        form.addRow("From &week:", self.first)
        form.addRow("To w&eek:", self.last)
        note = QLabel(
            "One event per planned meal. Importing the file again updates its events.", self
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def options(self) -> CalendarOptions:
        times = {meal: time(e.time().hour(), e.time().minute()) for meal, e in self.times.items()}
        text = self.zone.currentText().strip()
        tz = None if text in ("", FLOATING) else text
        first, last = sorted((self.first.value(), self.last.value()))
        return CalendarOptions(times, tz, range(first - 1, last))

    @classmethod
    def ask(
        cls, parent: QWidget | None, plan: Plan, options: CalendarOptions | None = None
    ) -> CalendarOptions | None:
        dialog = cls(plan, options, parent)
        return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None


class PlanNextWeekDialog(QDialog):
    """Start the week after ``week``: empty, a copy of it, or one of the week templates."""

    def __init__(
        self, plan: Plan, week: int, templates: list[Template], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Plan Next Week")
        self.source = QComboBox(self)
        self.source.addItem("Empty", "empty")
        self.source.addItem(f"A copy of week {week + 1}", "copy")
        for template in templates:
            if template.kind == "week":
                self.source.addItem(f"Template: {template.name}", template)
        form = QFormLayout()
        form.addRow("&Start it:", self.source)
        later = plan.weeks - week - 1
        text = "The plan's rules fill the meals left empty."
        if later:
            text += f" The {later} week{'' if later == 1 else 's'} after it move one week later."
        note = QLabel(text, self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    @classmethod
    def ask(
        cls, parent: QWidget | None, plan: Plan, week: int, templates: list[Template]
    ) -> str | Template | None:
        """ "empty", "copy", a week Template, or None if cancelled."""
        dialog = cls(plan, week, templates, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.source.currentData()
