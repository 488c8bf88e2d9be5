"""Small dialogs: the options of File > Export Calendar… and its file, Plan Next Week, and
Copy Week To…."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time
from pathlib import Path

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from planner.core.plan import DAYS_PER_WEEK, MAX_WEEKS, MEAL_LABELS, MEALS, Plan
from planner.core.templates import Template
from planner.core.weeks import copy_week_replaces
from planner.export.ical import DEFAULT_TIMES
from ui.dialogs.parts import note, ok_cancel, stack

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
        about = "One event per planned meal. Importing the file again updates its events."
        stack(self, form, note(about, self), ok_cancel(self, "Export…"))

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
        stack(self, form, note(text, self), ok_cancel(self))

    @classmethod
    def ask(
        cls, parent: QWidget | None, plan: Plan, week: int, templates: list[Template]
    ) -> str | Template | None:
        """ "empty", "copy", a week Template, or None if cancelled."""
        dialog = cls(plan, week, templates, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.source.currentData()


class CalendarFile:
    """Where File > Export Calendar… writes its .ics file."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent, "Export Calendar", str(suggested), "Calendar files (*.ics)"
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".ics")


def week_text(plan: Plan, week: int) -> str:
    first = plan.date_of(week * DAYS_PER_WEEK)
    return f"Week {week + 1} ({first.day} {first:%b})"


class CopyWeekDialog(QDialog):
    """Copy Week To…: the week (or a new week after the last) that gets a copy of ``week``;
    it says how many foods the copy would replace before anything changes."""

    def __init__(self, plan: Plan, week: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Copy Week")
        self._plan, self._week = plan, week
        self.target = QComboBox(self)
        self.target.setAccessibleName("Copy to")
        for other in range(plan.weeks):
            if other != week:
                self.target.addItem(week_text(plan, other), other)
        self.target.addItem("A new week after the last", plan.weeks)
        following = next(
            (i for i in range(self.target.count()) if self.target.itemData(i) > week), 0
        )
        self.target.setCurrentIndex(following)
        self.note = note("", self)
        form = QFormLayout()
        form.addRow(QLabel(f"Copy the foods of {week_text(plan, week).lower()} to:", self))
        form.addRow("&Week:", self.target)
        stack(self, form, self.note, ok_cancel(self, "Copy"))
        self.target.currentIndexChanged.connect(self._target_changed)
        self._target_changed()

    def _target_changed(self, *_args: object) -> None:
        replaced = copy_week_replaces(self._plan, self._week, int(self.target.currentData()))
        if replaced:
            self.note.setText(
                f"{replaced} food{' is' if replaced == 1 else 's are'} planned there and will "
                "be replaced. Undo brings them back."
            )
        else:
            self.note.setText("Nothing planned there is replaced.")

    @classmethod
    def ask(cls, parent: QWidget | None, plan: Plan, week: int) -> int | None:
        """The week to copy to (``plan.weeks`` for a new one), or None if cancelled."""
        dialog = cls(plan, week, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return int(dialog.target.currentData())


class WeekCountDialog:
    """Plan > Number of Weeks…: how many weeks the plan has."""

    @classmethod
    def ask(cls, parent: QWidget | None, weeks: int) -> int | None:
        value, ok = QInputDialog.getInt(
            parent,
            "Number of Weeks",
            "Weeks in the plan (rules fill the weeks added; weeks taken off take their foods):",
            weeks,
            1,
            MAX_WEEKS,
        )
        return value if ok else None
