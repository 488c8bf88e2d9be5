"""Small dialogs: the options of File > Export Calendar… and its file, Plan Next Week, and
Copy Week To…."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QTime
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
from planner.i18n import N_, _, ngettext
from ui.dialogs.parts import note, ok_cancel, stack

FLOATING = N_("Floating (the same clock time wherever you are)")


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
        self.setWindowTitle(_("Export Calendar"))
        options = options or CalendarOptions()
        form = QFormLayout()
        self.times: dict[str, QTimeEdit] = {}
        for meal in MEALS:
            edit = QTimeEdit(self)
            edit.setDisplayFormat("HH:mm")
            value = options.times.get(meal, DEFAULT_TIMES[meal])
            edit.setTime(QTime(value.hour, value.minute))
            label = _(MEAL_LABELS[meal])
            # Translators: the time of a meal's calendar event, such as "Breakfast time".
            edit.setAccessibleName(_("{meal} time").format(meal=label))
            self.times[meal] = edit
            form.addRow(_("{label}:").format(label=label), edit)
        self.zone = QComboBox(self)
        self.zone.setEditable(True)
        self.zone.addItem(_(FLOATING), None)
        if options.tz:
            self.zone.addItem(options.tz, options.tz)
            self.zone.setCurrentIndex(1)
        self.zone.setToolTip(_("A time zone such as Europe/Paris, or floating times"))
        form.addRow(_("&Time zone:"), self.zone)
        self.first, self.last = QSpinBox(self), QSpinBox(self)
        for box in (self.first, self.last):
            box.setRange(1, plan.weeks)
        weeks = options.weeks or range(plan.weeks)
        self.first.setValue(min(weeks.start + 1, plan.weeks))
        self.last.setValue(min(weeks.stop, plan.weeks))
        form.addRow(_("From &week:"), self.first)
        form.addRow(_("To w&eek:"), self.last)
        about = _("One event per planned meal. Importing the file again updates its events.")
        stack(self, form, note(about, self), ok_cancel(self, _("Export…")))

    def options(self) -> CalendarOptions:
        times = {meal: time(e.time().hour(), e.time().minute()) for meal, e in self.times.items()}
        text = self.zone.currentText().strip()
        tz = None if text in ("", _(FLOATING)) else text
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
        self.setWindowTitle(_("Plan Next Week"))
        self.source = QComboBox(self)
        self.source.addItem(_("Empty"), "empty")
        self.source.addItem(_("A copy of week {number}").format(number=week + 1), "copy")
        for template in templates:
            if template.kind == "week":
                self.source.addItem(
                    _("Template: {template}").format(template=template.name), template
                )
        form = QFormLayout()
        form.addRow(_("&Start it:"), self.source)
        later = plan.weeks - week - 1
        text = _("The plan's rules fill the meals left empty.")
        if later:
            text += " " + ngettext(
                "The {count} week after it moves one week later.",
                "The {count} weeks after it move one week later.",
                later,
            ).format(count=later)
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
        name, _filter = QFileDialog.getSaveFileName(
            parent, _("Export Calendar"), str(suggested), _("Calendar files (*.ics)")
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".ics")


def week_text(plan: Plan, week: int) -> str:
    first = plan.date_of(week * DAYS_PER_WEEK)
    # Translators: a week of the plan and its first day, such as "Week 2 (12 Jan)".
    return _("Week {number} ({start})").format(
        number=week + 1,
        start=QLocale().toString(QDate(first.year, first.month, first.day), "d MMM"),
    )


class CopyWeekDialog(QDialog):
    """Copy Week To…: the week (or a new week after the last) that gets a copy of ``week``;
    it says how many foods the copy would replace before anything changes."""

    def __init__(self, plan: Plan, week: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Copy Week"))
        self._plan, self._week = plan, week
        self.target = QComboBox(self)
        self.target.setAccessibleName(_("Copy to"))
        for other in range(plan.weeks):
            if other != week:
                self.target.addItem(week_text(plan, other), other)
        self.target.addItem(_("A new week after the last"), plan.weeks)
        following = next(
            (i for i in range(self.target.count()) if self.target.itemData(i) > week), 0
        )
        self.target.setCurrentIndex(following)
        self.note = note("", self)
        first = plan.date_of(week * DAYS_PER_WEEK)
        form = QFormLayout()
        form.addRow(
            QLabel(
                _("Copy the foods of week {number} ({start}) to:").format(
                    number=week + 1,
                    start=QLocale().toString(QDate(first.year, first.month, first.day), "d MMM"),
                ),
                self,
            )
        )
        form.addRow(_("&Week:"), self.target)
        stack(self, form, self.note, ok_cancel(self, _("Copy")))
        self.target.currentIndexChanged.connect(self._target_changed)
        self._target_changed()

    def _target_changed(self, *_args: object) -> None:
        replaced = copy_week_replaces(self._plan, self._week, int(self.target.currentData()))
        if replaced:
            self.note.setText(
                ngettext(
                    "{count} food is planned there and will be replaced. Undo brings it back.",
                    "{count} foods are planned there and will be replaced. Undo brings them back.",
                    replaced,
                ).format(count=replaced)
            )
        else:
            self.note.setText(_("Nothing planned there is replaced."))

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
            _("Number of Weeks"),
            _("Weeks in the plan (rules fill the weeks added; weeks taken off take their foods):"),
            weeks,
            1,
            MAX_WEEKS,
        )
        return value if ok else None
