"""Editing the selected meal and food: adding foods (the keyboard and single-click ways to
do what a drop does), cut, copy and paste, removing, the amount and its unit, and the
grid's context menu. The selected food's bar below the grid follows the grid's current
entry from here."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QPoint
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu

from planner.core.amounts import UnitChoice, units_of
from planner.core.measures import sr28_measures
from planner.core.plan import (
    UNIT_GRAM,
    UNIT_OUNCE,
    Entry,
    meal_word,
)
from planner.i18n import _
from ui.models.amounts import weight_text
from ui.models.mime import decode_foods
from ui.views.amount import recipe_units, weight_units

from .controller import Controller

if TYPE_CHECKING:
    from .mainwindow import MainWindow

SERVING_PRESETS = (0.5, 1, 1.5, 2, 3)
# The context menu's amounts in the entry's unit (servings, portions and household
# measures share SERVING_PRESETS).
PRESETS = {UNIT_GRAM: (50, 100, 150, 200, 300), UNIT_OUNCE: (1, 2, 4, 6, 8)}
_CUTS = itertools.count(1)  # tells one cut's clipboard data from another's


class EditController(Controller):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._doc = window.document
        self._grid = window.grid

    def _status(self, text: str, ms: int) -> None:
        self._window.statusBar().showMessage(text, ms)

    def cell_text(self, day: int, meal: str) -> str:
        when = self._doc.plan.date_of(day)
        # Translators: a meal of the plan, such as "Monday breakfast".
        return _("{weekday} {meal}").format(
            weekday=QLocale().dayName(when.isoweekday()), meal=meal_word(meal)
        )

    # -- adding foods --------------------------------------------------------------------------
    def add_palette_food(self) -> None:
        # The chosen food, or a recipe of the Recipes palette ("recipe:<id>").
        entry_id = self._window.palette_panel.current_entry_id()
        if entry_id is None:
            self._status(_("Choose a food in the palette first."), 5000)
            return
        self.add_food(entry_id)

    def add_food(self, food_id: str) -> bool:
        """Add one serving of a food to the selected meal: the same edit as a drop."""
        cell = self._grid.current_cell()
        if cell is None:
            self._status(_("Select a meal in the grid first."), 5000)
            return False
        from planner.core.edits import AddFood  # the edits load on the first edit

        if not self._doc.apply(AddFood(*cell, food_id)):
            return False
        ids = [e.food_id for e in self._doc.plan.cell(*cell)]
        self._grid.set_current(*cell, ids.index(food_id))
        self._status(
            _("Added {food} to {meal}").format(
                food=self._window.week_model.words.name(Entry(food_id)), meal=self.cell_text(*cell)
            ),
            4000,
        )
        return True

    # -- the clipboard -------------------------------------------------------------------------
    def _in_lists(self) -> bool:
        focus = QApplication.focusWidget()
        window = self._window
        return focus in (window.palette_panel.list, window.day_panel.suggestion_list)

    def copy(self) -> None:
        focus = QApplication.focusWidget()
        window = self._window
        if focus is window.palette_panel.list or focus is window.day_panel.suggestion_list:
            view = focus
            mime = view.model().mimeData([view.currentIndex()])
        else:
            entry = self._grid.current_entry()
            if entry is None:
                return
            mime = window.week_model.entries_mime(entry[0], entry[1], [entry[2]])
        QGuiApplication.clipboard().setMimeData(mime)
        self._status(_("Copied."), 3000)

    def cut(self) -> None:
        """Cut the selected food; its paste completes a move, undone in one step."""
        if self._in_lists():
            return
        entry = self._grid.current_entry()
        if entry is None:
            return
        serial = next(_CUTS)
        mime = self._window.week_model.entries_mime(entry[0], entry[1], [entry[2]], cut=serial)
        QGuiApplication.clipboard().setMimeData(mime)
        key = ("cut", self._doc.token, serial)
        from planner.core.edits import RemoveEntry

        self._doc.apply(RemoveEntry(*entry, label=_("Cut food")), merge_key=key)

    def paste(self) -> None:
        cell = self._grid.current_cell()
        if cell is None:
            self._status(_("Select a meal in the grid to paste into."), 5000)
            return
        drag = decode_foods(QGuiApplication.clipboard().mimeData())
        if drag is None:
            self._status(_("The clipboard holds no foods."), 5000)
            return
        follows = ("cut", drag.token, drag.cut) if drag.cut is not None else None
        if self._window.week_model.drop(drag, False, *cell, follows=follows):
            ids = [e.food_id for e in self._doc.plan.cell(*cell)]
            last = drag.items[-1].food_id
            self._grid.set_current(*cell, ids.index(last) if last in ids else 0)

    # -- the selected food ---------------------------------------------------------------------
    def delete_entry(self) -> None:
        if self._in_lists():
            return
        entry = self._grid.current_entry()
        if entry is not None:
            from planner.core.edits import RemoveEntry

            self._doc.apply(RemoveEntry(*entry))

    def current(self) -> Entry | None:
        """The selected entry of the plan, or None."""
        spot = self._grid.current_entry()
        if spot is None:
            return None
        return self._doc.plan.cell(spot[0], spot[1])[spot[2]]

    def set_amount(self, amount: float, unit: str | None = None, label: str = "") -> bool:
        """Set the selected entry's amount (in ``unit``, or in its own): one edit."""
        entry = self._grid.current_entry()
        if entry is None:
            return False
        from planner.core.edits import SetAmount

        edit = SetAmount(*entry, amount, unit)
        if label:
            edit.label = label
        return self._doc.apply(edit)

    def set_servings(self, servings: float) -> bool:
        """The amount in the entry's own unit (servings for most): the name scripts know."""
        return self.set_amount(servings)

    def units_for(self, entry: Entry) -> tuple[UnitChoice, ...]:
        """The units the entry may be given in: a dish's portions; a food's serving, grams,
        ounces and household measures (those once read: ui.window.afterstart reads them
        once the first scores are on screen, and the bar is shown again then)."""
        if entry.is_recipe:
            return recipe_units()
        food = self._window.catalog.get(entry.food_id)
        if food is None:  # a food no longer in the catalog: its own unit only
            return ()
        choices = units_of(food) if sr28_measures.cache_info().currsize else ()
        return choices or weight_units(food)

    def ask_servings(self) -> None:
        """Set Amount…: the dialog for the selected entry's amount and unit."""
        from ui.dialogs import AmountDialog

        current = self.current()
        if current is None:
            return
        name = self._window.week_model.words.name(current)
        chosen = AmountDialog.ask(
            self._window, name, current.amount, current.unit, self.units_for(current)
        )
        if chosen is not None:
            amount, unit = chosen
            self.set_amount(amount, unit if unit != current.unit else None)

    def servings_changed(self, value: float) -> None:
        """The amount box's number changed: the amount in the entry's unit."""
        current = self.current()
        changed = current is not None and abs(current.amount - value) > 1e-9
        if changed and not self.set_amount(value):
            self.show_entry()  # refused: the box shows the plan again

    def unit_chosen(self, unit: str) -> None:
        """The amount box's unit changed: one edit to the same weight in the new unit."""
        current = self.current()
        if current is None or unit == current.unit:
            return
        amount = self._window.entry_bar.amount.converted(current.amount, current.unit, unit)
        if amount is None:
            self._window.show_refusal(
                _("the weight of {food} is not known, so it cannot be given in {unit}.").format(
                    food=self._window.week_model.words.name(current), unit=unit
                )
            )
        elif self.set_amount(amount, unit, label=_("Change unit")):
            return
        self.show_entry()  # refused: the box shows the plan's unit again

    def _preset_chosen(self, action: QAction) -> None:
        value = action.data()
        if isinstance(value, int | float):
            self.set_amount(float(value))

    def entry_text(self, entry: Entry, day: int, meal: str) -> str:
        """The bar's description: the food or dish and its meal."""
        words = self._window.week_model.words
        name, where = words.name(entry), self.cell_text(day, meal)
        if words.is_unknown_recipe(entry):
            return _(
                "{food}, {meal} (not in your recipes: {recipe}, kept in the plan as it is)"
            ).format(food=name, meal=where, recipe=entry.recipe_id)
        # Translators: the selected food and its meal ("Yogurt, Monday breakfast").
        return _("{food}, {meal}").format(food=name, meal=where)

    def weight_text(self, entry: Entry) -> str:
        """What the amount weighs in the setting's unit ("= 244 g", "= 8.6 oz"); "" when
        unknown, or when the amount is given in the setting's own weight unit."""
        words = self._window.week_model.words
        grams = self._window.scores.resolver.grams(entry)
        if grams is None or grams <= 0:
            return ""
        shown = weight_text(grams, words.system)
        return (
            ""
            if shown == words.amount(entry, convert=False)
            else _("= {weight}").format(weight=shown)
        )

    def show_entry(self) -> None:
        """The selected food's bar follows the grid's current entry."""
        entry = self._grid.current_entry()
        bar = self._window.entry_bar
        if entry is None:
            cell = self._grid.current_cell()
            text = (
                _("{meal}: drop a food here, or choose one and press Enter").format(
                    meal=self.cell_text(*cell)
                )
                if cell
                else _("Select a meal to add foods to it")
            )
            bar.show_entry(text, None)
        else:
            current = self._doc.plan.cell(entry[0], entry[1])[entry[2]]
            bar.show_entry(
                self.entry_text(current, entry[0], entry[1]),
                current.amount,
                current.unit,
                self.units_for(current),
                self.weight_text(current),
            )
        self._window.update_actions()

    # -- the grid's context menu ---------------------------------------------------------------
    def grid_menu(self, pos: QPoint) -> None:
        window = self._window
        actions = window.window_actions
        menu = QMenu(window)
        entry = self._grid.current_entry()
        if entry is not None:
            current = self._doc.plan.cell(entry[0], entry[1])[entry[2]]
            words = window.week_model.words
            presets = menu.addMenu(_("Amount"))
            for value in PRESETS.get(current.unit, SERVING_PRESETS):
                shown = Entry(current.food_id, value, current.unit)
                action = presets.addAction(words.amount(shown, convert=False))
                action.setData(value)
                action.setCheckable(True)
                action.setChecked(abs(current.amount - value) < 1e-9)
            presets.triggered.connect(self._preset_chosen)
            menu.addAction(actions.servings)
            menu.addSeparator()
            menu.addActions([actions.cut, actions.copy])
        menu.addAction(actions.paste)
        if entry is not None:
            menu.addAction(actions.delete)
        menu.addSeparator()
        menu.addAction(actions.add)
        menu.addSeparator()
        menu.addActions([actions.copy_day, actions.clear_day])
        menu.exec(pos)
        menu.deleteLater()
