"""Plan > Fill Week, Fill Empty Meals, Re-roll Meal and Re-roll Day: the constraints
dialog (remembered in the settings), the fill on a worker thread with its progress and a
Cancel button in the status bar, and the result applied as one undo step."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QThreadPool
from PySide6.QtWidgets import QPushButton

from planner.core.plan import DAYS_PER_WEEK, MEALS, Cell
from planner.i18n import _

from .controller import Controller

if TYPE_CHECKING:
    from planner.autoplan.model import Settings
    from planner.autoplan.solve import AutoplanResult
    from planner.recipes.book import RecipeBook
    from ui.autoplan.worker import AutoplanJob

    from .mainwindow import MainWindow


class _Target:
    """What a fill was asked to plan: the document, the plan's shape and the meals to
    fill as they were. The fill is worked out on a copy; its cells are set only if these
    are still what it was asked for, so that it never lands on another plan, on a week
    that moved, or over meals edited meanwhile."""

    def __init__(self, window: MainWindow, cells: list[Cell]) -> None:
        document = window.document
        plan = document.plan
        self.token = document.token
        self.shape = (plan.start, plan.weeks)
        self.cells = {cell: tuple(plan.cell(*cell)) for cell in cells}

    def changed(self, window: MainWindow) -> str:
        """Why the fill may no longer be set ("" when it may), said after "Not changed:"."""
        document = window.document
        plan = document.plan
        if document.token != self.token:
            return _("another plan was opened while the week was being filled.")
        if (plan.start, plan.weeks) != self.shape or any(
            tuple(plan.cell(*cell)) != entries for cell, entries in self.cells.items()
        ):
            return _(
                "the meals being filled were changed or moved meanwhile; fill them again "
                "to plan them as they are now."
            )
        return ""


class AutoplanController(Controller):
    """One fill at a time; the plan may be edited meanwhile (the fill is worked out on a
    copy, and its cells are set when it ends, as one undo step, unless the plan was
    replaced or the meals it fills were changed or moved meanwhile: see ``_Target``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._job: AutoplanJob | None = None
        self._target: _Target | None = None
        self._cancel_button: QPushButton | None = None
        self._seed = int.from_bytes(os.urandom(4), "big")  # Re-roll: another seed each time
        self.last_result: AutoplanResult | None = None

    @property
    def running(self) -> bool:
        return self._job is not None

    def _settings(self) -> Settings:
        from planner.autoplan.model import settings_from_dict

        window = self._window
        remembered = settings_from_dict(window.settings.autoplan)
        from dataclasses import replace

        return replace(remembered, pantry=frozenset(window.pantry.food_ids))

    def _book(self) -> RecipeBook | None:
        """A copy of the window's recipe book (the fill reads it on a worker thread while
        recipes may be edited), or the starter recipes and the person's own read afresh
        when the window has none; None, with the reason in the status bar, if they cannot
        be read: the fill goes on with foods."""
        from planner.errors import PlannerError
        from planner.recipes.book import RecipeBook, open_own

        window = self._window
        shown = getattr(window, "recipe_book", None)  # the book the window scores by
        try:
            if isinstance(shown, RecipeBook):
                return RecipeBook(window.catalog, list(shown))
            own, message = open_own()
            book = RecipeBook.load(window.catalog, own)
        except (PlannerError, OSError) as exc:
            window.statusBar().showMessage(
                _("Recipes not planned: {problem}").format(problem=exc), 10000
            )
            return None
        if message:
            window.statusBar().showMessage(message, 10000)
        return book

    def _ask(self, title: str) -> Settings | None:
        from planner.autoplan.model import settings_to_dict
        from ui.autoplan.dialog import AutoplanDialog

        window = self._window
        chosen = AutoplanDialog.ask(window, self._settings(), title, window.catalog, self._book())
        if chosen is not None:
            self._window.settings.autoplan = settings_to_dict(chosen)
        return chosen

    def _week(self) -> int:
        return self._window.week_model.week

    def fill_week(self) -> None:
        """Refill every meal of the week shown."""
        if self.running:
            return
        settings = self._ask(_("Fill Week"))
        if settings is not None:
            first = self._week() * DAYS_PER_WEEK
            cells = [(d, m) for d in range(first, first + DAYS_PER_WEEK) for m in MEALS]
            self.start(settings, cells, _("Fill week"))

    def fill_empty(self) -> None:
        """Fill the empty meals of the week shown; meals holding food stay as they are."""
        if self.running:
            return
        settings = self._ask(_("Fill Empty Meals"))
        if settings is not None:
            plan = self._window.document.plan
            first = self._week() * DAYS_PER_WEEK
            cells = [
                (d, m)
                for d in range(first, first + DAYS_PER_WEEK)
                for m in MEALS
                if not plan.cell(d, m)
            ]
            if not cells:
                self._window.statusBar().showMessage(_("Every meal of this week holds food."), 5000)
                return
            self.start(settings, cells, _("Fill empty meals"))

    def reroll_meal(self) -> None:
        """Plan the selected meal again, with another seed; the rest of the week counts."""
        cell = self._window.grid.current_cell()
        if cell is not None and not self.running:
            self.start(self._settings(), [cell], _("Re-roll meal"))

    def reroll_day(self) -> None:
        day = self._window.grid.current_day()
        if day is not None and not self.running:
            self.start(self._settings(), [(day, m) for m in MEALS], _("Re-roll day"))

    def show_explanation(self) -> None:
        """Plan > Why These Foods: the last fill, per day why and what each dish adds."""
        from ui.autoplan.dialog import ExplanationDialog, explanation_text

        if self.last_result is None:
            self._window.statusBar().showMessage(_("Fill a week first."), 5000)
            return
        dialog = ExplanationDialog(self._window, explanation_text(self.last_result))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()  # not modal: the week stays in reach

    def start(self, settings: Settings, cells: list[Cell], label: str) -> None:
        from ui.autoplan.worker import AutoplanJob

        window = self._window
        self._seed += 1
        week = cells[0][0] // DAYS_PER_WEEK
        job = AutoplanJob(
            window.document.plan.copy(),
            window.catalog,
            window.scores.preferences,
            settings,
            week,
            cells,
            self._seed,
            label,
            self._book() if settings.recipes else None,
        )
        job.done.connect(self._done)
        job.progress.connect(self._progress)
        self._job = job
        self._target = _Target(window, cells)
        self._set_enabled(False)
        window.statusBar().showMessage(
            # Translators: {action} is the fill's name, such as "Fill week".
            _("{action}: planning…").format(action=label)
        )
        self.cancel_button().show()
        QThreadPool.globalInstance().start(job.run)

    def _set_enabled(self, enabled: bool) -> None:
        actions = self._window.window_actions
        for action in (actions.fill_week, actions.fill_empty, actions.reroll_meal,
                       actions.reroll_day, actions.my_foods):  # fmt: skip
            action.setEnabled(enabled)  # the worker reads the catalog: own foods wait

    def _progress(self, share: float) -> None:
        if self._job is not None:
            self._window.statusBar().showMessage(
                _("Planning… {percent} %").format(percent=QLocale().toString(round(100 * share)))
            )

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel.set()
            self._window.statusBar().showMessage(_("Cancelling the fill…"))

    def cancel_button(self) -> QPushButton:
        if self._cancel_button is None:
            button = QPushButton(_("Cancel"), self._window)
            button.setToolTip(_("Stop planning; nothing is changed"))
            button.setAccessibleName(_("Cancel the fill"))
            button.clicked.connect(self.cancel)
            self._window.statusBar().addPermanentWidget(button)
            self._cancel_button = button
        return self._cancel_button

    def _done(self, result: AutoplanResult | None, error: str | None, cancelled: bool) -> None:
        window = self._window
        target, self._job, self._target = self._target, None, None
        self._set_enabled(True)
        if self._cancel_button is not None:
            self._cancel_button.hide()
        bar = window.statusBar()
        if cancelled:
            bar.showMessage(_("The fill was cancelled; nothing changed."), 5000)
            return
        if error is not None or result is None:
            window.show_refusal(error or _("The week could not be filled."))
            return
        moved_on = target.changed(window) if target is not None else ""
        if moved_on:
            window.show_refusal(moved_on)
            return
        if not window.document.apply(result.edit):
            return
        self.last_result = result
        relaxed = " ".join(r.sentence for r in result.relaxed)
        if result.average is None:
            done = _("{action}.").format(action=result.edit.label)
        else:
            # Translators: {action} is the fill's name, such as "Fill week".
            done = _("{action}: average score {score}.").format(
                action=result.edit.label, score=QLocale().toString(round(result.average))
            )
        bar.showMessage(f"{done} {relaxed}".strip(), 15000)
