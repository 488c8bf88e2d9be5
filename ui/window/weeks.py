"""Days and weeks: which week the grid shows, the plan's start date, the week bar, the day
panel for the selected day, and the edits of whole days and weeks."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QModelIndex

from planner.core.plan import DAYS_PER_WEEK, MEALS, UNIT_PORTION, Change, Entry
from planner.core.totals import DayTotals
from planner.i18n import _, ngettext
from ui.models.amounts import weight_text
from ui.panels.daypanel import EVERYDAY

from .controller import Controller

if TYPE_CHECKING:
    from planner.core.edits import Edit
    from planner.scoring.results import Suggestion

    from .mainwindow import MainWindow


class WeekController(Controller):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._doc = window.document
        self._grid = window.grid
        self._model = window.week_model
        self._bar = window.week_bar
        self._scores = window.scores
        self._totals: DayTotals | None = None  # the day panel's energy and protein
        self._weights: tuple = (None, None, None, {})  # see _serving_weights

    def selected_day(self) -> int | None:
        return self._grid.current_day()

    # -- edits of days and weeks ---------------------------------------------------------------
    def copy_day(self) -> None:
        from planner.core.edits import copy_day
        from ui.dialogs import CopyDayDialog

        day = self.selected_day()
        if day is None:
            return
        target = CopyDayDialog.ask(self._window, self._doc.plan, day)
        if target is not None and self._doc.apply(copy_day, self._doc.plan, day, target):
            self.show_day(target)

    def clear_day(self) -> None:
        from planner.core.edits import clear_day

        day = self.selected_day()
        if day is not None:
            self._doc.apply(clear_day, self._doc.plan, day)

    def copy_week(self) -> None:
        from planner.core.edits import copy_week
        from planner.core.weeks import copy_week_replaces
        from ui.dialogs import Confirm

        week = self._model.week
        plan = self._doc.plan
        # Copy Day asks before it replaces foods; so does this, when the copy would take
        # some out (not for an empty week, nor one that already holds the same foods).
        replaced = copy_week_replaces(plan, week, week + 1)
        if replaced and not Confirm.ask(
            self._window,
            _("Copy Week"),
            ngettext(
                "Week {next} already has foods ({count} would be replaced). "
                "Replace them with week {number}'s?",
                "Week {next} already has foods ({count} would be replaced). "
                "Replace them with week {number}'s?",
                replaced,
            ).format(next=week + 2, count=replaced, number=week + 1),
        ):
            return
        if self._doc.apply(copy_week, plan, week, week + 1):
            self.set_week(week + 1)
            self._window.statusBar().showMessage(
                _("Copied week {number} to week {target}.").format(
                    number=week + 1, target=week + 2
                ),
                5000,
            )

    def history_stepped(
        self, change: Change, spot: tuple[int, str, int] | None, text: str, edit: Edit
    ) -> None:
        """After an undo or redo, show where the plan changed: its week, its meal, and the
        food that changed. A week edit (insert, delete, move) shows the week it names
        (planner.core.weeks.week_to_show). A step that changed no food that is still there
        (a new start date, an undone Copy Week) keeps the selection where it still exists,
        else the nearest day left."""
        from planner.core.weeks import week_to_show

        plan = self._doc.plan
        selected = self.selected_day()
        week = week_to_show(edit, plan)
        if spot is not None and (week is None or spot[0] // DAYS_PER_WEEK == week):
            self.set_week(spot[0] // DAYS_PER_WEEK)
            self._grid.set_current(*spot)
        elif week is not None:
            current = self._grid.current_cell()
            self.set_week(week)
            self._grid.set_current(week * DAYS_PER_WEEK, current[1] if current else MEALS[0])
        elif selected is None or selected >= plan.day_count:
            day = min(min(change.days, default=0), plan.day_count - 1)
            current = self._grid.current_cell()
            self.set_week(day // DAYS_PER_WEEK)
            self._grid.set_current(day, current[1] if current else MEALS[0])
        self.refresh_week_bar()
        self.show_selected_day()
        self._window.editing.show_entry()
        self._window.statusBar().showMessage(_("{action}.").format(action=text), 5000)

    # -- which week is shown -------------------------------------------------------------------
    def set_week(self, week: int) -> None:
        column = max(0, self._grid.currentIndex().column())
        row = max(0, self._grid.currentIndex().row())
        self._model.set_week(week)
        self._grid.setCurrentIndex(self._model.index(row, column))
        self.refresh_week_bar()
        self.show_selected_day()

    def show_day(self, day: int) -> None:
        """Bring a day into view (switching week if needed) and select it."""
        self.set_week(day // DAYS_PER_WEEK)
        row = max(0, self._grid.currentIndex().row())
        self._grid.setCurrentIndex(self._model.index(row, day % DAYS_PER_WEEK))

    def previous_week(self) -> None:
        if self._model.week > 0:
            self.set_week(self._model.week - 1)

    def next_week(self) -> None:
        if self._model.week + 1 < self._doc.plan.weeks:
            self.set_week(self._model.week + 1)

    def week_chosen(self, index: int) -> None:
        self.set_week(index)

    def start_chosen(self, qdate: QDate) -> None:
        chosen = date(qdate.year(), qdate.month(), qdate.day())
        if chosen != self._doc.plan.start:
            from planner.core.edits import SetStart

            self._doc.apply(SetStart(chosen))

    # -- the week bar and the day panel follow the plan and the scores ----------------------
    def refresh_week_bar(self) -> None:
        self._bar.show_plan(self._doc.plan, self._model.week)
        self.refresh_week_summary()
        self._window.update_actions()

    def refresh_week_summary(self) -> None:
        weeks = self._scores.week_scores
        week = self._model.week
        self._bar.show_summary(weeks[week] if week < len(weeks) else None)

    def scores_updated(self, days: frozenset[int]) -> None:
        self._model.set_scores(self._scores.day_scores, days)
        self.refresh_week_summary()
        day = self.selected_day()
        panel = self._window.day_panel
        if day is not None and (day in days or not panel.suggestions.rowCount()):
            self.show_selected_day()

    def cell_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not previous.isValid() or current.column() != previous.column():
            self.show_selected_day()
        self._window.update_actions()

    def _serving_weights(self, suggestions: list[Suggestion]) -> dict[str, str]:
        """What one serving (or portion) of each suggestion weighs, in grams or ounces by
        the metric/US setting."""
        system = self._window.week_model.words.system
        resolver, revision = self._scores.resolver, self._window.catalog.revision
        # A serving's weight changes only with the resolver (recipes), the catalog (own
        # foods) and the setting: kept until one of them does.
        if self._weights[:3] != (resolver, revision, system):
            self._weights = (resolver, revision, system, {})
        known = self._weights[3]
        found = {}
        for item in suggestions:
            text = known.get(item.food_id)
            if text is None:
                one = Entry(item.food_id)
                if one.is_recipe:
                    one = Entry(item.food_id, 1.0, UNIT_PORTION)
                grams = resolver.grams(one)
                text = known[item.food_id] = (
                    weight_text(grams, system) if grams is not None and grams > 0 else ""
                )
            if text:
                found[item.food_id] = text
        return found

    def show_selected_day(self) -> None:
        panel = self._window.day_panel
        day = self.selected_day()
        if day is None or day >= self._doc.plan.day_count:
            panel.show_day(None, "")
            panel.show_suggestions([])
            return
        plan, catalog = self._doc.plan, self._window.catalog
        when = plan.date_of(day)
        heading = QLocale().toString(QDate(when.year, when.month, when.day), "dddd d MMMM")
        resolver = self._scores.resolver  # dishes count by their ingredients
        totals = self._totals
        if totals is None or totals.resolver is not resolver or totals.catalog is not catalog:
            totals = DayTotals(catalog, resolver, [key for key, _label, _unit in EVERYDAY])
            self._totals = totals
        everyday = totals.of(plan, day)
        panel.show_day(self._scores.day_scores.get(day), heading, everyday)
        if self._scores.is_ready:
            suggestions = self._scores.suggest(day)
            panel.show_suggestions(suggestions, self._serving_weights(suggestions))
