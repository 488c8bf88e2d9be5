"""The two bars around the grid: the week bar above (which week, when the plan starts, how
the week is doing) and the selected food's bar below (its servings, a Remove button).

Plain objects holding their widgets and a layout, not widgets of their own: the window's
central widget lays them out as before, with no extra widget to build at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QLocale, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from planner.core.plan import DAYS_PER_WEEK, EARLIEST_START, LATEST_START, Plan
from planner.i18n import _, ngettext
from ui.models.foods import literal_tip
from ui.settings import METRIC
from ui.views.amount import AmountEditor

if TYPE_CHECKING:
    from planner.core.amounts import UnitChoice
    from planner.scoring.results import WeekScore


def _leaves_undo_to_window(event: QEvent) -> bool:
    """Whether an edit box should let Ctrl+Z and its kin reach the window's Undo and Redo:
    the plan's undo is what a person means there, not the box's own text undo."""
    if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
        return False
    keys = QKeySequence.StandardKey
    if event.matches(keys.Undo) or event.matches(keys.Redo):
        event.ignore()
        return True
    return False


class StartDateEdit(QDateEdit):
    """The plan's start date: one Tab stop (Tab leaves it rather than walking through day,
    month and year, which Left and Right still do), and Ctrl+Z undoes the plan's edits."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)

    def event(self, event: QEvent) -> bool:
        return True if _leaves_undo_to_window(event) else super().event(event)


class ServingsBox(QDoubleSpinBox):
    """The selected food's amount; Ctrl+Z undoes the plan's edits, as everywhere."""

    def event(self, event: QEvent) -> bool:
        return True if _leaves_undo_to_window(event) else super().event(event)


class WeekBar:
    def __init__(self, parent: QWidget) -> None:
        self.week_label = QLabel(_("&Week:"), parent)
        self.week_combo = QComboBox(parent)
        self.week_combo.setAccessibleName(_("Week"))
        self.week_label.setBuddy(self.week_combo)
        self.start_edit = StartDateEdit(parent)
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("ddd d MMM yyyy")
        self.start_edit.setKeyboardTracking(False)  # one edit per date, not per keystroke
        # Page Up to year 9999 once made a plan whose last days are past Python's last date.
        first, last = EARLIEST_START, LATEST_START
        self.start_edit.setDateRange(
            QDate(first.year, first.month, first.day), QDate(last.year, last.month, last.day)
        )
        self.start_edit.setAccessibleName(_("First day of the plan"))
        start_label = QLabel(_("&Starts:"), parent)
        start_label.setBuddy(self.start_edit)
        self.week_average = QLabel(parent)
        self.week_average.setObjectName("weekAverage")
        font = self.week_average.font()
        font.setBold(True)
        self.week_average.setFont(font)
        self.week_plants = QLabel(parent)
        self.week_plants.setObjectName("weekPlants")
        self.week_plants.setFont(font)
        self.week_fermented = QLabel(parent)
        # The longest of the summaries gives way first on a narrow screen (its tooltip keeps
        # the whole text), so the bar never makes the window wider than the screen.
        self.week_fermented.setMinimumWidth(1)
        self.layout = QHBoxLayout()
        self.layout.addWidget(self.week_label)
        self.layout.addWidget(self.week_combo)
        self.layout.addWidget(start_label)
        self.layout.addWidget(self.start_edit)
        self.layout.addStretch(1)
        self.layout.addWidget(self.week_average)
        self.layout.addSpacing(16)
        self.layout.addWidget(self.week_plants)
        self.layout.addSpacing(16)
        self.layout.addWidget(self.week_fermented)

    def show_plan(self, plan: Plan, week: int) -> None:
        """The weeks to choose from and the start date, without emitting their signals."""
        self.week_combo.blockSignals(True)
        self.week_combo.clear()
        for number in range(plan.weeks):
            first = plan.date_of(number * DAYS_PER_WEEK)
            self.week_combo.addItem(
                # Translators: a week in the week chooser; {start} is its first day ("6 Jan").
                _("Week {number} of {weeks} · {start}").format(
                    number=number + 1,
                    weeks=plan.weeks,
                    start=QLocale().toString(QDate(first.year, first.month, first.day), "d MMM"),
                )
            )
        self.week_combo.setCurrentIndex(week)
        self.week_combo.blockSignals(False)
        several = plan.weeks > 1
        self.week_combo.setVisible(several)
        self.week_label.setVisible(several)
        self.start_edit.blockSignals(True)
        self.start_edit.setDate(QDate(plan.start.year, plan.start.month, plan.start.day))
        self.start_edit.blockSignals(False)

    def show_summary(self, score: WeekScore | None) -> None:
        """The week's average, plants and fermented days; None while being scored."""
        if score is None:
            self.week_average.setText(_("Week average: …"))
            self.week_plants.setText(_("Plants: …"))
            self.week_fermented.setText("")
            return
        average = (
            # Translators: the week's average score when no day is planned.
            _("not planned") if score.average is None else QLocale().toString(round(score.average))
        )
        self.week_average.setText(_("Week average: {average}").format(average=average))
        self.week_plants.setText(
            _("Plants: {count} of {target}").format(
                count=len(score.plants), target=score.plants_target
            )
        )
        self.week_plants.setToolTip(
            literal_tip(
                _("Different plants this week: {plants}").format(
                    plants=", ".join(score.plants) or _("none yet")
                )
            )
        )
        fermented = ngettext(
            "Live-culture food on {count} of {days} day",
            "Live-culture food on {count} of {days} days",
            DAYS_PER_WEEK,
        ).format(count=score.fermented_days, days=DAYS_PER_WEEK)
        self.week_fermented.setText(fermented)
        self.week_fermented.setToolTip(fermented)


class EntryBar:
    """The selected food or dish: its amount with its unit, and a button to remove it, the
    keyboard and single-click way to do what the context menu does."""

    def __init__(self, parent: QWidget, system: str = METRIC) -> None:
        self.entry_label = QLabel(parent)
        self.entry_label.setObjectName("entryLabel")
        # A long food name is cut on a narrow window rather than widening it (tooltip: all).
        self.entry_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # A food's name is the user's (or a file's) text: shown as written, never as HTML
        # (an <img> in a name made Qt read the file it names, a pipe or /dev/zero).
        self.entry_label.setTextFormat(Qt.TextFormat.PlainText)
        self.amount = AmountEditor(parent, ServingsBox(parent), system)
        self.servings = self.amount.spin  # the name scripts and tests know
        self.unit = self.amount.combo
        self.servings.setAccessibleName(_("Amount of the selected food"))
        self.unit.setAccessibleName(_("Unit of the selected food's amount"))
        amount_label = QLabel(_("A&mount:"), parent)
        amount_label.setBuddy(self.servings)
        # The amount's weight in the setting's unit (grams or ounces), when known.
        self.weight_label = QLabel(parent)
        self.weight_label.setObjectName("entryWeight")
        self.weight_label.setAccessibleName(_("Weight of the selected food"))
        self.remove_button = QPushButton(_("Remove"), parent)
        self.remove_button.setAccessibleName(_("Remove the selected food"))
        self.remove_button.setToolTip(_("Remove the selected food from its meal (Delete)"))
        self.layout = QHBoxLayout()
        self.layout.addWidget(self.entry_label, 1)
        self.layout.addWidget(amount_label)
        self.layout.addLayout(self.amount.row)
        self.layout.addWidget(self.weight_label)
        self.layout.addWidget(self.remove_button)

    def show_entry(
        self,
        text: str,
        amount: float | None,
        unit: str = "serving",
        choices: tuple[UnitChoice, ...] = (),
        weight: str = "",
    ) -> None:
        """The selected entry's description, amount, the units it may be given in and
        what it weighs (``amount`` None: nothing is selected)."""
        self.entry_label.setText(text)
        self.entry_label.setToolTip(literal_tip(text))
        self.weight_label.setText(weight)
        self.weight_label.setVisible(bool(weight))
        if amount is None:
            self.amount.show_amount(1.0, unit, choices)
        else:
            self.amount.show_amount(amount, unit, choices)
        self.amount.set_enabled(amount is not None)
        self.remove_button.setEnabled(amount is not None)
