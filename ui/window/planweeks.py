"""The Plan menu: its actions and menus, and the edits of weeks (add, insert, delete, move,
plan next week, copy to a week, how many). Templates and rotation rules are in
ui.window.plantemplates, File > Export Calendar… in ui.window.calendarexport: parts of
the one controller made here.

Every change to the plan is one edit through PlanDocument.apply, so one undo step; after
an undo or redo the grid shows the week it changed (planner.core.weeks.week_to_show).

Nothing of ui.weeks, the calendar (icalendar) or the templates file is imported before it
is first used: this module is on the way to the first paint, they are not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar

from planner.core.plan import DAYS_PER_WEEK, MAX_WEEKS, Change
from planner.errors import PlanError
from planner.i18n import _

from .calendarexport import CalendarPart
from .plantemplates import TemplatesPart

if TYPE_CHECKING:
    from .mainwindow import MainWindow


class PlanWeeksController(TemplatesPart, CalendarPart):
    """Weeks, templates, rules and the calendar, reached from the Plan menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._doc = window.document
        self._enabled: tuple[bool, ...] = ()  # the actions' states refresh last set
        self._build_actions(window)
        self._doc.planChanged.connect(self._plan_changed)
        self._doc.planReplaced.connect(self.refresh)
        # Which actions apply follows the week shown and the meal selected.
        window.week_model.modelReset.connect(self.refresh)
        window.grid.selectionModel().currentChanged.connect(self.refresh)

    # -- building ------------------------------------------------------------------------------
    def _build_actions(self, window: MainWindow) -> None:
        make = self._make_action
        self.add_week_after = make(
            _("&Add Empty Week After"), self.add_week, _("Add an empty week after this one")
        )
        self.insert_week_before = make(
            _("&Insert Week Before"), self.insert_week, _("Add an empty week before this one")
        )
        self.delete_week = make(
            _("&Delete Week"), self.delete_shown_week, _("Delete this week and its foods")
        )
        self.move_week_earlier = make(
            _("Move Week &Earlier"), self.move_earlier, _("Swap this week with the week before it")
        )
        self.move_week_later = make(
            _("Move Week &Later"), self.move_later, _("Swap this week with the week after it")
        )
        self.plan_next_week = make(
            _("Plan &Next Week…"),
            self.plan_next,
            _("Start the week after this one: empty, a copy, or from a template"),
        )
        self.copy_week_to = make(
            _("&Copy Week To…"), self.copy_week, _("Copy this week's foods to another week")
        )
        # A dialog, not a box in the week bar: the bar has no room left on an 800-pixel
        # screen (tests/test_ui_comfort.py keeps the window on one).
        self.week_count = make(
            _("Number of Wee&ks…"),
            self.ask_weeks,
            _("How many weeks the plan has; the plan's rules fill the weeks added"),
        )
        self.save_meal_template = make(
            _("Save &Meal as Template…"), self.save_meal, _("Keep the selected meal as a template")
        )
        self.save_day_template = make(
            _("Save Day a&s Template…"), self.save_day, _("Keep the selected day as a template")
        )
        self.save_week_template = make(
            _("Save &Week as Template…"), self.save_week, _("Keep this week as a template")
        )
        self.apply_template = make(
            _("Apply &Template…"),
            self.open_templates,
            _("Your templates with their scores: put one into the selected meal, day or week"),
            "Ctrl+T",
        )
        self.rules = make(
            _("&Rotation Rules…"), self.open_rules, _("Templates that fill the weeks you add")
        )
        self.export_calendar = make(
            _("Export &Calendar…"),
            self.export_calendar_file,
            _("Write the planned meals as calendar events (.ics)"),
        )

    def actions(self) -> list[QAction]:
        """The Plan menu's actions and Export Calendar… (for Help > Keyboard Shortcuts)."""
        return [a for a in vars(self).values() if isinstance(a, QAction)]

    def add_menus(self, bar: QMenuBar) -> None:
        """The Plan menu before the last menu (Help), and Export Calendar… in the File menu
        after Export PDF…."""
        window = self._window
        menus = [a for a in bar.actions() if a.menu() is not None]
        # One Plan menu: the week actions join the auto-planner's, when it made the menu.
        shared = next((a.menu() for a in menus if a.text() == _("&Plan")), None)
        plan_menu = shared if isinstance(shared, QMenu) else QMenu(_("&Plan"), window)
        if shared is not None:
            plan_menu.addSeparator()
        plan_menu.addActions([self.add_week_after, self.insert_week_before, self.delete_week])
        plan_menu.addActions([self.move_week_earlier, self.move_week_later])
        plan_menu.addSeparator()
        plan_menu.addActions([self.plan_next_week, self.copy_week_to, self.week_count])
        plan_menu.addSeparator()
        plan_menu.addActions(
            [self.save_meal_template, self.save_day_template, self.save_week_template]
        )
        plan_menu.addAction(self.apply_template)
        plan_menu.addSeparator()
        plan_menu.addAction(self.rules)
        plan_menu.aboutToShow.connect(self.refresh)
        self.menu = plan_menu
        if menus:
            if shared is None:
                bar.insertMenu(menus[-1], plan_menu)
            file_menu = menus[0].menu()
            assert isinstance(file_menu, QMenu)
            entries = file_menu.actions()
            pdf = window.window_actions.pdf
            after = entries.index(pdf) + 1 if pdf in entries else len(entries)
            if after < len(entries):
                file_menu.insertAction(entries[after], self.export_calendar)
            else:
                file_menu.addAction(self.export_calendar)
        else:
            bar.addMenu(plan_menu)
        self.refresh()

    # -- following the plan --------------------------------------------------------------------
    @property
    def week(self) -> int:
        return self._window.week_model.week

    def refresh(self, *_args: object) -> None:
        """Which actions apply, after the plan or the week shown changed."""
        plan = self._doc.plan
        week = min(self.week, plan.weeks - 1)
        grid = self._window.grid
        cell, day = grid.current_cell(), grid.current_day()
        first = week * DAYS_PER_WEEK
        enabled = (
            plan.weeks < MAX_WEEKS,
            plan.weeks < MAX_WEEKS,
            plan.weeks < MAX_WEEKS,
            plan.weeks > 1,
            week > 0,
            week + 1 < plan.weeks,
            plan.weeks < MAX_WEEKS or plan.weeks > 1,
            cell is not None and plan.cell_size(*cell) > 0,
            day is not None and not plan.is_day_empty(day),
            any(not plan.is_day_empty(d) for d in range(first, first + DAYS_PER_WEEK)),
            self._calendar_job is None,
        )
        if enabled == self._enabled:  # most edits change none of them
            return
        self._enabled = enabled
        actions = (
            self.add_week_after,
            self.insert_week_before,
            self.plan_next_week,
            self.delete_week,
            self.move_week_earlier,
            self.move_week_later,
            self.copy_week_to,
            self.save_meal_template,
            self.save_day_template,
            self.save_week_template,
            self.export_calendar,
        )
        for action, on in zip(actions, enabled, strict=True):
            action.setEnabled(on)

    def _plan_changed(self, _change: Change) -> None:
        self.refresh()

    # -- edits of weeks ------------------------------------------------------------------------
    def _status(self, text: str, ms: int = 8000) -> None:
        self._window.statusBar().showMessage(text, ms)

    def _apply_week_edit(self, make: Callable[..., Any], *args: object) -> bool:
        """Build a week edit (an Edit, or a WeekEdit with what the rules filled), apply it as
        one undo step, show the week it changed and say what happened."""
        from planner.core.weeks import WeekEdit, week_to_show

        plan = self._doc.plan
        try:
            made = make(plan, *args)
        except PlanError as exc:
            self._doc.refused.emit(str(exc))
            return False
        edit, fill = (made.edit, made.fill) if isinstance(made, WeekEdit) else (made, None)
        if not self._doc.apply(edit):
            return False
        week = week_to_show(edit, plan)
        if week is not None:
            self._window.weeks.set_week(week)
        summary = fill.summary(plan) if fill is not None else ""
        done = _("{action}.").format(action=edit.label)
        self._status(f"{done} {summary}" if summary else done)
        self.refresh()
        return True

    def add_week(self) -> bool:
        from planner.core.weeks import add_week_after

        return self._apply_week_edit(add_week_after, self.week)

    def insert_week(self) -> bool:
        from planner.core.weeks import insert_week_before

        return self._apply_week_edit(insert_week_before, self.week)

    def delete_shown_week(self) -> bool:
        from planner.core.weeks import delete_week

        return self._apply_week_edit(delete_week, self.week)

    def move_earlier(self) -> bool:
        from planner.core.weeks import move_week_earlier

        return self._apply_week_edit(move_week_earlier, self.week)

    def move_later(self) -> bool:
        from planner.core.weeks import move_week_later

        return self._apply_week_edit(move_week_later, self.week)

    def plan_next(self) -> bool:
        from planner.core.weeks import plan_next_week
        from ui.weeks.dialogs import PlanNextWeekDialog

        library = self.library()
        templates = library.of_kind("week") if library is not None else []
        source = PlanNextWeekDialog.ask(self._window, self._doc.plan, self.week, templates)
        if source is None:
            return False
        return self._apply_week_edit(plan_next_week, self.week, source)

    def copy_week(self) -> bool:
        """Copy the shown week to a week the user picks; the dialog says first how many
        foods the copy would replace (copy_week_replaces)."""
        from planner.core.edits import copy_week
        from ui.weeks.dialogs import CopyWeekDialog

        week = self.week
        target = CopyWeekDialog.ask(self._window, self._doc.plan, week)
        if target is None:
            return False
        if not self._doc.apply(copy_week, self._doc.plan, week, target):
            return False
        self._window.weeks.set_week(target)
        self._status(
            _("Copied week {number} to week {target}.").format(number=week + 1, target=target + 1)
        )
        self.refresh()
        return True

    def ask_weeks(self) -> bool:
        from ui.weeks.dialogs import WeekCountDialog

        weeks = WeekCountDialog.ask(self._window, self._doc.plan.weeks)
        return weeks is not None and self.set_weeks(weeks)

    def set_weeks(self, weeks: int) -> bool:
        """The plan becomes ``weeks`` long (set_week_count): the plan's rules fill the
        weeks added, in the same undo step; weeks taken off the end take their foods."""
        from planner.core.weeks import set_week_count

        if weeks == self._doc.plan.weeks:
            return True
        done = self._apply_week_edit(set_week_count, weeks)
        if done and self.week >= self._doc.plan.weeks:
            self._window.weeks.set_week(self._doc.plan.weeks - 1)
        return done
