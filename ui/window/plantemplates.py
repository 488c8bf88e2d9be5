"""The Plan menu's templates and rotation rules: the user's template library (read on
first use, never saved over when unreadable), saving the selected meal, day or week as a
template, applying one as one undo step, and the templates and rules dialogs.

A part of PlanWeeksController (ui.window.planweeks), which builds the actions and menus.
Nothing of ui.weeks or the templates file is imported before it is first used.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale

from planner.core.plan import DAYS_PER_WEEK, MEAL_LABELS, meal_word
from planner.errors import PlanError, PlannerError
from planner.i18n import _, ngettext

from .controller import Controller

if TYPE_CHECKING:
    from planner.core.templates import Template
    from planner.storage.templates import TemplateLibrary
    from ui.document import PlanDocument
    from ui.weeks.rules import RulesDialog
    from ui.weeks.templates import TemplatesDialog

    from .mainwindow import MainWindow


class TemplatesPart(Controller):
    """Templates and rules; PlanWeeksController gives ``_doc``, ``week``, ``refresh`` and
    ``_status``."""

    _doc: PlanDocument

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._library: TemplateLibrary | None = None
        self._library_error = ""  # an unreadable or newer file: left alone, never saved over
        self.templates_dialog: TemplatesDialog | None = None
        self.rules_dialog: RulesDialog | None = None

    if TYPE_CHECKING:

        @property
        def week(self) -> int: ...

        def refresh(self, *_args: object) -> None: ...

        def _status(self, text: str, ms: int = 8000) -> None: ...

    def library(self) -> TemplateLibrary | None:
        """The user's templates, read on first use (after the first paint); None when the
        file cannot be read (it is then left alone and never saved over). A damaged file is
        moved aside and its message shown once."""
        if self._library is None and not self._library_error:
            from planner.storage.templates import load_or_set_aside, templates_path

            try:
                self._library, notice = load_or_set_aside(templates_path())
            except PlannerError as exc:
                self._library_error = str(exc)
                self._tell(_("Your templates were not loaded"), str(exc))
                return None
            if notice:
                self._tell(_("Your templates file was damaged"), notice)
        return self._library

    def _tell(self, title: str, text: str) -> None:
        # The dialogs are imported only here: this runs at each start, after the first paint.
        from ui.dialogs import Messages

        Messages.error(self._window, title, text)

    def _keep(self, make: Callable[[str], Template], prompt: str, suggestion: str) -> bool:
        from ui.weeks import templates as template_ui

        library = self.library()
        if library is None:
            self._status(
                _("Templates cannot be saved: {problem}").format(problem=self._library_error)
            )
            return False
        name = template_ui.ask_template_name(self._window, prompt, suggestion)
        if name is None:
            return False
        try:
            kept = library.add(make(name))
        except PlannerError as exc:
            self._doc.refused.emit(str(exc))
            return False
        self._status(
            _("Saved the template “{name}” ({contents}).").format(
                name=kept.name, contents=kept.describe().lower()
            )
        )
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
            _("Name for the template of this meal:"),
            # Translators: a meal template's suggested name, such as "Breakfast of Mon 5 Jan".
            _("{meal} of {day}").format(
                meal=_(MEAL_LABELS[meal]),
                day=QLocale().toString(QDate(when.year, when.month, when.day), "ddd d MMM"),
            ),
        )

    def save_day(self) -> bool:
        from planner.core.templates import template_from_day

        day = self._window.grid.current_day()
        if day is None:
            return False
        when = self._doc.plan.date_of(day)
        return self._keep(
            functools.partial(template_from_day, self._doc.plan, day),
            _("Name for the template of this day:"),
            QLocale().toString(QDate(when.year, when.month, when.day), "dddd d MMM"),
        )

    def save_week(self) -> bool:
        from planner.core.templates import template_from_week

        week = self.week
        first = self._doc.plan.date_of(week * DAYS_PER_WEEK)
        return self._keep(
            functools.partial(template_from_week, self._doc.plan, week),
            _("Name for the template of this week:"),
            _("Week of {day}").format(
                day=QLocale().toString(QDate(first.year, first.month, first.day), "d MMM")
            ),
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
            day_text = QLocale().toString(QDate(when.year, when.month, when.day), "ddd d MMM")
            parts += [
                # Translators: where a meal template goes, such as "Mon 5 Jan breakfast (meal)".
                _("{day} {meal} (meal)").format(day=day_text, meal=meal_word(cell[1])),
                _("{day} (day)").format(day=day_text),
            ]
            kinds += ["meal", "day"]
        parts.append(_("week {number} (week)").format(number=self.week + 1))
        kinds.append("week")
        return ", ".join(parts), tuple(kinds)

    def apply_template_to_plan(self, template: Template, add: bool) -> bool:
        """Put ``template`` into the selected meal, day or week as one undo step; replacing
        foods asks first (template_replaces)."""
        from planner.core.templates import apply_template, template_replaces
        from planner.core.weeks import week_to_show

        target = self._target(template.kind)
        if target is None:
            asks = {
                "meal": _("Select a meal to put “{name}” in."),
                "day": _("Select a day to put “{name}” in."),
                "week": _("Select a week to put “{name}” in."),
            }
            self._doc.refused.emit(asks[template.kind].format(name=template.name))
            return False
        plan = self._doc.plan
        try:
            if not add:
                replaced = template_replaces(plan, template, *target)
                if replaced:
                    from ui.dialogs import Confirm

                    question = ngettext(
                        "Replace {count} planned food with the template “{name}”? "
                        "Undo brings it back.",
                        "Replace {count} planned foods with the template “{name}”? "
                        "Undo brings them back.",
                        replaced,
                    ).format(count=replaced, name=template.name)
                    if not Confirm.ask(self._window, _("Apply Template"), question):
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
        self._status(_("{action}.").format(action=edit.label))
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
            self._status(
                _("Templates are not available: {problem}").format(problem=self._library_error)
            )
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
            self._status(
                _("Rules need your templates: {problem}").format(problem=self._library_error)
            )
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
