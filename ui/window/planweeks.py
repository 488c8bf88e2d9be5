"""The Plan menu: weeks (add, insert, delete, move, plan next week, copy to a week, how
many), templates (save a meal, day or week; apply one; the templates dialog), rotation
rules, and File > Export Calendar… on a worker thread.

Every change to the plan is one edit through PlanDocument.apply, so one undo step; after
an undo or redo the grid shows the week it changed (planner.core.weeks.week_to_show).

Nothing of ui.weeks, the calendar (icalendar) or the templates file is imported before it
is first used: this module is on the way to the first paint, they are not.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from planner.core.plan import DAYS_PER_WEEK, MAX_WEEKS, MEAL_LABELS, Change, Plan
from planner.errors import PlanError, PlannerError

from .controller import Controller

if TYPE_CHECKING:
    from planner.core.foods import Catalog
    from planner.core.templates import Template
    from planner.storage.templates import TemplateLibrary
    from ui.weeks.dialogs import CalendarOptions
    from ui.weeks.rules import RulesDialog
    from ui.weeks.templates import TemplatesDialog

    from .mainwindow import MainWindow


class CalendarJob(QObject):
    """Writes one .ics file on a pool thread from a copy of the plan; touches no widget.
    ``done`` carries the path, how many events were written (or None) and an error
    message (or None). No Cancel: the longest plan (52 weeks of the sample week, 1,456
    events) took 0.9 s on a busy 2-CPU machine, and the window stays usable meanwhile."""

    done = Signal(object, object, object)

    def __init__(self, plan: Plan, catalog: Catalog, options: CalendarOptions, path: Path):
        super().__init__()
        self._plan, self._catalog, self._options, self._path = plan, catalog, options, path

    def run(self) -> None:
        count: int | None = None
        error: str | None = None
        try:
            from planner.core.shopping import weeks_days
            from planner.export.ical import export_ical

            opts, plan = self._options, self._plan
            days = None if opts.weeks is None else weeks_days(plan, opts.weeks)
            count = export_ical(
                plan, self._catalog, self._path, times=opts.times, tz=opts.tz, days=days
            )
        except PlannerError as exc:
            error = str(exc)
        except Exception as exc:  # an unexpected failure still ends as a message
            error = f"The calendar could not be written ({exc})."
        self.done.emit(self._path, count, error)


class PlanWeeksController(Controller):
    """Weeks, templates, rules and the calendar, reached from the Plan menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._doc = window.document
        self._library: TemplateLibrary | None = None
        self._library_error = ""  # an unreadable or newer file: left alone, never saved over
        self._calendar_options: CalendarOptions | None = None
        self._calendar_job: CalendarJob | None = None
        self.templates_dialog: TemplatesDialog | None = None
        self.rules_dialog: RulesDialog | None = None
        self._build_actions(window)
        self._doc.planChanged.connect(self._plan_changed)
        self._doc.planReplaced.connect(self.refresh)
        # Which actions apply follows the week shown and the meal selected.
        window.week_model.modelReset.connect(self.refresh)
        window.grid.selectionModel().currentChanged.connect(self.refresh)

    # -- building ------------------------------------------------------------------------------
    def _build_actions(self, window: MainWindow) -> None:
        def make(text: str, slot: Callable[[], object], tip: str, key: str = "") -> QAction:
            action = QAction(text, window)
            action.setStatusTip(tip)
            action.setToolTip(tip)
            if key:
                action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            window.addAction(action)
            return action

        self.add_week_after = make(
            "&Add Empty Week After", self.add_week, "Add an empty week after this one"
        )
        self.insert_week_before = make(
            "&Insert Week Before", self.insert_week, "Add an empty week before this one"
        )
        self.delete_week = make(
            "&Delete Week", self.delete_shown_week, "Delete this week and its foods"
        )
        self.move_week_earlier = make(
            "Move Week &Earlier", self.move_earlier, "Swap this week with the week before it"
        )
        self.move_week_later = make(
            "Move Week &Later", self.move_later, "Swap this week with the week after it"
        )
        self.plan_next_week = make(
            "Plan &Next Week…",
            self.plan_next,
            "Start the week after this one: empty, a copy, or from a template",
        )
        self.copy_week_to = make(
            "&Copy Week To…", self.copy_week, "Copy this week's foods to another week"
        )
        # A dialog, not a box in the week bar: the bar has no room left on an 800-pixel
        # screen (tests/test_ui_comfort.py keeps the window on one).
        self.week_count = make(
            "Number of Wee&ks…",
            self.ask_weeks,
            "How many weeks the plan has; the plan's rules fill the weeks added",
        )
        self.save_meal_template = make(
            "Save &Meal as Template…", self.save_meal, "Keep the selected meal as a template"
        )
        self.save_day_template = make(
            "Save Da&y as Template…", self.save_day, "Keep the selected day as a template"
        )
        self.save_week_template = make(
            "Save &Week as Template…", self.save_week, "Keep this week as a template"
        )
        self.apply_template = make(
            "Apply &Template…",
            self.open_templates,
            "Your templates with their scores: put one into the selected meal, day or week",
            "Ctrl+T",
        )
        self.rules = make(
            "&Rotation Rules…", self.open_rules, "Templates that fill the weeks you add"
        )
        self.export_calendar = make(
            "Export &Calendar…",
            self.export_calendar_file,
            "Write the planned meals as calendar events (.ics)",
        )

    def actions(self) -> list[QAction]:
        """The Plan menu's actions and Export Calendar… (for Help > Keyboard Shortcuts)."""
        return [a for a in vars(self).values() if isinstance(a, QAction)]

    def add_menus(self, bar: QMenuBar) -> None:
        """The Plan menu before the last menu (Help), and Export Calendar… in the File menu
        after Export PDF…."""
        window = self._window
        menus = [a for a in bar.actions() if a.menu() is not None]
        plan_menu = QMenu("&Plan", window)
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
        self.add_week_after.setEnabled(plan.weeks < MAX_WEEKS)
        self.insert_week_before.setEnabled(plan.weeks < MAX_WEEKS)
        self.plan_next_week.setEnabled(plan.weeks < MAX_WEEKS)
        self.delete_week.setEnabled(plan.weeks > 1)
        self.move_week_earlier.setEnabled(week > 0)
        self.move_week_later.setEnabled(week + 1 < plan.weeks)
        self.copy_week_to.setEnabled(plan.weeks < MAX_WEEKS or plan.weeks > 1)
        cell = grid.current_cell()
        self.save_meal_template.setEnabled(cell is not None and bool(plan.cell(*cell)))
        day = grid.current_day()
        self.save_day_template.setEnabled(day is not None and not plan.is_day_empty(day))
        first = week * DAYS_PER_WEEK
        self.save_week_template.setEnabled(
            any(not plan.is_day_empty(d) for d in range(first, first + DAYS_PER_WEEK))
        )
        self.export_calendar.setEnabled(self._calendar_job is None)

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
        self._status(f"{edit.label}.{' ' + summary if summary else ''}")
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
        self._status(f"Copied week {week + 1} to week {target + 1}.")
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

    # -- templates -----------------------------------------------------------------------------
    def library(self) -> TemplateLibrary | None:
        """The user's templates, read on first use (after the first paint); None when the
        file cannot be read (it is then left alone and never saved over). A damaged file is
        moved aside and its message shown once."""
        if self._library is None and not self._library_error:
            from planner.storage.templates import load_or_set_aside, templates_path
            from ui.dialogs import Messages

            try:
                self._library, notice = load_or_set_aside(templates_path())
            except PlannerError as exc:
                self._library_error = str(exc)
                Messages.error(self._window, "Your templates were not loaded", str(exc))
                return None
            if notice:
                Messages.error(self._window, "Your templates file was damaged", notice)
        return self._library

    def _keep(self, make: Callable[[str], Template], what: str, suggestion: str) -> bool:
        from ui.weeks import templates as template_ui

        library = self.library()
        if library is None:
            self._status(f"Templates cannot be saved: {self._library_error}")
            return False
        name = template_ui.ask_template_name(self._window, what, suggestion)
        if name is None:
            return False
        try:
            kept = library.add(make(name))
        except PlannerError as exc:
            self._doc.refused.emit(str(exc))
            return False
        self._status(f"Saved the template “{kept.name}” ({kept.describe().lower()}).")
        if self.templates_dialog is not None:
            self.templates_dialog.fill(select=kept.id)
        return True

    def save_meal(self) -> bool:
        from planner.core.templates import template_from_meal

        cell = self._window.grid.current_cell()
        if cell is None:
            return False
        day, meal = cell
        when = self._doc.plan.date_of(day)
        return self._keep(
            functools.partial(template_from_meal, self._doc.plan, day, meal),
            "this meal",
            f"{MEAL_LABELS[meal]} of {when:%a} {when.day} {when:%b}",
        )

    def save_day(self) -> bool:
        from planner.core.templates import template_from_day

        day = self._window.grid.current_day()
        if day is None:
            return False
        when = self._doc.plan.date_of(day)
        return self._keep(
            functools.partial(template_from_day, self._doc.plan, day),
            "this day",
            f"{when:%A} {when.day} {when:%b}",
        )

    def save_week(self) -> bool:
        from planner.core.templates import template_from_week

        week = self.week
        first = self._doc.plan.date_of(week * DAYS_PER_WEEK)
        return self._keep(
            functools.partial(template_from_week, self._doc.plan, week),
            "this week",
            f"Week of {first.day} {first:%b}",
        )

    def _target(self, kind: str) -> tuple[int, str | None] | None:
        """Where a template of ``kind`` goes: (day, meal) for a meal, (day, None) for a day,
        (week, None) for a week; None when nothing fitting is selected."""
        grid = self._window.grid
        if kind == "week":
            return self.week, None
        if kind == "day":
            day = grid.current_day()
            return None if day is None else (day, None)
        cell = grid.current_cell()
        return None if cell is None else (cell[0], cell[1])

    def _target_text(self) -> tuple[str, tuple[str, ...]]:
        """Where templates go now, in words, and the kinds that fit there."""
        plan, parts, kinds = self._doc.plan, [], []
        cell = self._window.grid.current_cell()
        if cell is not None:
            when = plan.date_of(cell[0])
            day_text = f"{when:%a} {when.day} {when:%b}"
            parts += [f"{day_text} {MEAL_LABELS[cell[1]].lower()} (meal)", f"{day_text} (day)"]
            kinds += ["meal", "day"]
        parts.append(f"week {self.week + 1} (week)")
        kinds.append("week")
        return ", ".join(parts), tuple(kinds)

    def apply_template_to_plan(self, template: Template, add: bool) -> bool:
        """Put ``template`` into the selected meal, day or week as one undo step; replacing
        foods asks first (template_replaces)."""
        from planner.core.templates import apply_template, template_replaces
        from planner.core.weeks import week_to_show

        target = self._target(template.kind)
        if target is None:
            self._doc.refused.emit(f"Select a {template.kind} to put “{template.name}” in.")
            return False
        plan = self._doc.plan
        try:
            if not add:
                replaced = template_replaces(plan, template, *target)
                if replaced:
                    from ui.dialogs import Confirm

                    s = "" if replaced == 1 else "s"
                    question = (
                        f"Replace {replaced} planned food{s} with the template "
                        f"“{template.name}”? Undo brings them back."
                    )
                    if not Confirm.ask(self._window, "Apply Template", question):
                        return False
            edit = apply_template(plan, template, *target, add=add)
        except PlanError as exc:
            self._doc.refused.emit(str(exc))
            return False
        if not self._doc.apply(edit):
            return False
        week = week_to_show(edit, plan)
        if week is not None and week != self.week:
            self._window.weeks.set_week(week)
        self._status(f"{edit.label}.")
        self.refresh()
        return True

    def _scorer(self) -> Callable[[Template], float | None] | None:
        evaluator = self._window.scores.evaluator
        if evaluator is None:  # not loaded yet: the list shows "–"
            return None
        from ui.weeks.templates import template_score

        return functools.partial(template_score, evaluator)

    def open_templates(self) -> TemplatesDialog | None:
        """The templates dialog (window-modal, not blocking): apply, rename, remove, import
        and export. Returns it (tests drive it)."""
        from ui.weeks.templates import TemplatesDialog

        library = self.library()
        if library is None:
            self._status(f"Templates are not available: {self._library_error}")
            return None
        target, kinds = self._target_text()
        dialog = TemplatesDialog(
            library, self._scorer(), target=target, kinds=kinds, parent=self._window
        )
        dialog.applyRequested.connect(self.apply_template_to_plan)
        dialog.finished.connect(self._templates_closed)
        self.templates_dialog = dialog
        if self._window.scores.evaluator is None:  # scores follow once it has loaded
            self._window.scores.ready.connect(self._score_templates)
        dialog.open()
        return dialog

    def _score_templates(self) -> None:
        self._window.scores.ready.disconnect(self._score_templates)
        if self.templates_dialog is not None:
            self.templates_dialog.set_scorer(self._scorer())

    def _templates_closed(self, *_args: object) -> None:
        dialog, self.templates_dialog = self.templates_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    # -- rotation rules ------------------------------------------------------------------------
    def open_rules(self) -> RulesDialog | None:
        """The plan's rules (window-modal, not blocking); each change is an edit."""
        from ui.weeks.rules import RulesDialog

        library = self.library()
        if library is None:
            self._status(f"Rules need your templates: {self._library_error}")
            return None
        anchor = self._doc.plan.date_of(self.week * DAYS_PER_WEEK)
        dialog = RulesDialog(
            lambda: self._doc.plan, self._doc.apply, library, anchor, parent=self._window
        )
        dialog.finished.connect(self._rules_closed)
        self.rules_dialog = dialog
        dialog.open()
        return dialog

    def _rules_closed(self, *_args: object) -> None:
        dialog, self.rules_dialog = self.rules_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    # -- the calendar --------------------------------------------------------------------------
    def export_calendar_file(self) -> bool:
        """Ask for meal times, zone and weeks, then the file; write it on a worker."""
        from ui.weeks.dialogs import CalendarFile, CalendarOptionsDialog

        if self._calendar_job is not None:
            return False
        window = self._window
        options = CalendarOptionsDialog.ask(window, self._doc.plan, self._calendar_options)
        if options is None:
            return False
        self._calendar_options = options
        files = window.files
        path = CalendarFile.ask(window, files.folder() / f"{files.stem()}.ics")
        if path is None:
            return False
        self.start_calendar(options, path)
        return True

    def start_calendar(self, options: CalendarOptions, path: Path) -> None:
        window = self._window
        job = CalendarJob(self._doc.plan.copy(), window.catalog, options, path)
        job.done.connect(self._calendar_done)
        self._calendar_job = job
        self.export_calendar.setEnabled(False)
        window.window_actions.my_foods.setEnabled(False)  # the worker reads the catalog
        self._status(f"Writing {path.name}…", 0)
        QThreadPool.globalInstance().start(job.run)

    @property
    def calendar_running(self) -> bool:
        return self._calendar_job is not None

    def _calendar_done(self, path: Path, count: int | None, error: str | None) -> None:
        from ui.dialogs import Messages

        window = self._window
        self._calendar_job = None
        self.export_calendar.setEnabled(True)
        window.window_actions.my_foods.setEnabled(not window.user_foods_error)
        window.statusBar().clearMessage()
        if error:
            Messages.file_error(window, "Could not export the calendar", path, error)
            return
        window.settings.last_folder = path.parent
        n = count or 0
        self._status(f"Exported {n} meal{'' if n == 1 else 's'} to {path}.", 10000)
