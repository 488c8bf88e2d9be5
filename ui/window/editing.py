"""Editing the selected meal and food: adding foods (the keyboard and single-click ways to
do what a drop does), cut, copy and paste, removing, servings, and the grid's context menu.
The selected food's bar below the grid follows the grid's current entry from here."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu

from planner.core.edits import AddFood, RemoveEntry, SetAmount
from planner.core.plan import MEAL_LABELS
from ui.models.mime import decode_foods

from .controller import Controller

if TYPE_CHECKING:
    from .mainwindow import MainWindow

SERVING_PRESETS = (0.5, 1, 1.5, 2, 3)
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
        return f"{when:%A} {MEAL_LABELS[meal].lower()}"

    # -- adding foods --------------------------------------------------------------------------
    def add_palette_food(self) -> None:
        food = self._window.palette_panel.current_food()
        if food is None:
            self._status("Choose a food in the palette first.", 5000)
            return
        self.add_food(food.id)

    def add_food(self, food_id: str) -> bool:
        """Add one serving of a food to the selected meal: the same edit as a drop."""
        cell = self._grid.current_cell()
        if cell is None:
            self._status("Select a meal in the grid first.", 5000)
            return False
        if not self._doc.apply(AddFood(*cell, food_id)):
            return False
        ids = [e.food_id for e in self._doc.plan.cell(*cell)]
        self._grid.set_current(*cell, ids.index(food_id))
        self._status(
            f"Added {self._window.catalog.name_of(food_id)} to {self.cell_text(*cell)}", 4000
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
        self._status("Copied.", 3000)

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
        self._doc.apply(RemoveEntry(*entry, label="Cut food"), merge_key=key)

    def paste(self) -> None:
        cell = self._grid.current_cell()
        if cell is None:
            self._status("Select a meal in the grid to paste into.", 5000)
            return
        drag = decode_foods(QGuiApplication.clipboard().mimeData())
        if drag is None:
            self._status("The clipboard holds no foods.", 5000)
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
            self._doc.apply(RemoveEntry(*entry))

    def set_servings(self, servings: float) -> bool:
        entry = self._grid.current_entry()
        if entry is None:
            return False
        return self._doc.apply(SetAmount(*entry, servings))

    def ask_servings(self) -> None:
        from ui.dialogs import ServingsDialog

        entry = self._grid.current_entry()
        if entry is None:
            return
        current = self._doc.plan.cell(entry[0], entry[1])[entry[2]]
        name = self._window.catalog.name_of(current.food_id)
        value = ServingsDialog.ask(self._window, name, current.amount)
        if value is not None:
            self.set_servings(value)

    def servings_changed(self, value: float) -> None:
        entry = self._grid.current_entry()
        if entry is None:
            return
        current = self._doc.plan.cell(entry[0], entry[1])[entry[2]]
        if abs(current.amount - value) > 1e-9:
            self.set_servings(value)

    def _preset_chosen(self, action: QAction) -> None:
        value = action.data()
        if isinstance(value, int | float):
            self.set_servings(float(value))

    def show_entry(self) -> None:
        """The selected food's bar follows the grid's current entry."""
        entry = self._grid.current_entry()
        if entry is None:
            cell = self._grid.current_cell()
            text = (
                f"{self.cell_text(*cell)}: drop a food here, or choose one and press Enter"
                if cell
                else "Select a meal to add foods to it"
            )
            self._window.entry_bar.show_entry(text, None)
        else:
            current = self._doc.plan.cell(entry[0], entry[1])[entry[2]]
            name = self._window.catalog.name_of(current.food_id)
            text = f"{name}, {self.cell_text(entry[0], entry[1])}"
            self._window.entry_bar.show_entry(text, current.amount)
        self._window.update_actions()

    # -- the grid's context menu ---------------------------------------------------------------
    def grid_menu(self, pos: QPoint) -> None:
        window = self._window
        actions = window.window_actions
        menu = QMenu(window)
        entry = self._grid.current_entry()
        if entry is not None:
            current = self._doc.plan.cell(entry[0], entry[1])[entry[2]]
            servings = menu.addMenu("Servings")
            for value in SERVING_PRESETS:
                action = servings.addAction(f"{value:g}")
                action.setData(value)
                action.setCheckable(True)
                action.setChecked(abs(current.amount - value) < 1e-9)
            servings.triggered.connect(self._preset_chosen)
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
