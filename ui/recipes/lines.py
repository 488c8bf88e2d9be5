"""The Recipe editor's ingredient lines: their units, the table's rows, and finding and
adding ingredients.

An amount is given in grams or in one of the food's household measures (SR28's WEIGHT
table, planner.recipes.measures), a recipe used as an ingredient in grams or portions of
it; changing the unit converts the amount so the grams stay the same. A live-culture food
can be marked ``heated`` (cooked with the dish). ``IngredientLines`` is a part of
``RecipeEditor`` (ui.recipes.editor), which owns the widgets and the draft.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from planner.core.foods import Food
from planner.errors import PlannerError
from planner.i18n import N_, _
from planner.recipes.measures import measures_of
from planner.recipes.model import MAX_GRAMS, Ingredient, Recipe, check_cycles
from ui.recipes.draft import GRAMS, PORTION, Draft, Line

if TYPE_CHECKING:
    from planner.core.foods import Catalog
    from planner.recipes.book import RecipeBook

MAX_FOUND = 60  # foods and recipes listed for a search
LIVE_HINT = N_("Cooked with the dish: its live cultures do not survive (no live-culture credit).")


class IngredientLines:
    """The ingredient lines of ``RecipeEditor``: it provides the attributes below."""

    book: RecipeBook
    catalog: Catalog
    table: QTableWidget
    found: QListWidget
    message: QLabel
    _original: Recipe | None
    _draft: Draft
    _row_keys: list[tuple[str | None, str | None, str]]

    if TYPE_CHECKING:  # provided by RecipeEditor

        def push(self, after: Draft, text: str, key: str = "") -> None: ...

        def _recipe_of(self, draft: Draft) -> Recipe | None: ...

    # -- lines of a recipe ------------------------------------------------------------------
    def _draft_of(self, recipe: Recipe) -> Draft:
        lines = []
        for item in recipe.ingredients:
            if item.is_note:
                lines.append(Line(text=item.text))
                continue
            amount, unit = item.grams, GRAMS
            if item.measure and item.count and item.measure in self.units_of(item):
                amount, unit = item.count, item.measure
            lines.append(Line(item.food_id, item.recipe_id, amount, unit, item.heated, item.text))
        return Draft(
            recipe.name,
            recipe.portions,
            recipe.meal,
            ", ".join(sorted(recipe.tags)),
            recipe.method,
            tuple(lines),
        )

    # -- units -------------------------------------------------------------------------------
    def units_of(self, line: Line | Ingredient) -> dict[str, float]:
        """The units a line's amount can be given in, with the grams of one of each."""
        if line.recipe_id is not None:
            inner = self.book.get(line.recipe_id)
            units = {GRAMS: 1.0}
            if inner is not None and inner.total_grams > 0:
                units[PORTION] = inner.total_grams / inner.portions
            return units
        food = self.catalog.get(line.food_id or "")
        units = {GRAMS: 1.0}
        if food is None:
            return units
        for measure in measures_of(food):
            units.setdefault(measure.unit, measure.grams_each)
        return units

    def grams_of(self, line: Line) -> float:
        return line.amount * self.units_of(line).get(line.unit, 1.0)

    def line_name(self, line: Line) -> str:
        if line.food_id is not None:
            return self.catalog.name_of(line.food_id)
        if line.recipe_id is not None:
            inner = self.book.get(line.recipe_id)
            # Translators: an ingredient that is a recipe of its own.
            return _("Recipe: {recipe}").format(recipe=inner.name if inner else line.recipe_id)
        # Translators: an ingredient line kept as text, not matched to a food.
        return _("Note: {text}").format(text=line.text)

    def _is_live(self, line: Line) -> bool:
        food = self.catalog.get(line.food_id or "")
        return food is not None and "probiotic" in food.categories

    # -- the ingredient table ------------------------------------------------------------------
    def _show_lines(self, lines: tuple[Line, ...]) -> None:
        keys = [line.key for line in lines]
        if keys != self._row_keys:
            self._row_keys = keys
            self.table.setRowCount(0)
            self.table.setRowCount(len(lines))
            for row, line in enumerate(lines):
                self._make_row(row, line)
        for row, line in enumerate(lines):
            self._fill_row(row, line)

    def _make_row(self, row: int, line: Line) -> None:
        name = QTableWidgetItem(self.line_name(line))
        name.setToolTip(self.line_name(line))
        self.table.setItem(row, 0, name)
        remove = QPushButton(_("Remove"), self.table)
        remove.setAutoDefault(False)
        remove.setAccessibleName(_("Remove {ingredient}").format(ingredient=self.line_name(line)))
        remove.clicked.connect(lambda _c=False, r=row: self.remove_line(r))
        self.table.setCellWidget(row, 4, remove)
        if line.food_id is None and line.recipe_id is None:
            return  # a note: no amount
        amount = QDoubleSpinBox(self.table)
        amount.setAccessibleName(
            _("Amount of {ingredient}").format(ingredient=self.line_name(line))
        )
        amount.setRange(0, MAX_GRAMS)
        amount.setDecimals(2)
        amount.setKeyboardTracking(False)  # a step when the number is done, not per digit
        amount.valueChanged.connect(lambda value, r=row: self.set_amount(r, value))
        self.table.setCellWidget(row, 1, amount)
        unit = QComboBox(self.table)
        unit.setAccessibleName(_("Unit of {ingredient}").format(ingredient=self.line_name(line)))
        for name_ in self.units_of(line):
            unit.addItem(name_, name_)
        unit.activated.connect(lambda _i, r=row: self._unit_chosen(r))
        self.table.setCellWidget(row, 2, unit)
        if self._is_live(line):
            heated = QCheckBox(self.table)
            heated.setAccessibleName(
                _("{ingredient} is heated").format(ingredient=self.line_name(line))
            )
            heated.setToolTip(_(LIVE_HINT))
            heated.toggled.connect(lambda on, r=row: self.set_heated(r, on))
            self.table.setCellWidget(row, 3, heated)

    def _fill_row(self, row: int, line: Line) -> None:
        amount = self.table.cellWidget(row, 1)
        if isinstance(amount, QDoubleSpinBox) and abs(amount.value() - line.amount) > 1e-9:
            amount.blockSignals(True)
            amount.setValue(line.amount)
            amount.blockSignals(False)
        unit = self.table.cellWidget(row, 2)
        if isinstance(unit, QComboBox):
            at = unit.findData(line.unit)
            if at >= 0 and unit.currentIndex() != at:
                unit.setCurrentIndex(at)
        heated = self.table.cellWidget(row, 3)
        if isinstance(heated, QCheckBox) and heated.isChecked() != line.heated:
            heated.blockSignals(True)
            heated.setChecked(line.heated)
            heated.blockSignals(False)

    def _set_line(self, row: int, line: Line, text: str, key: str = "") -> None:
        lines = list(self._draft.lines)
        if 0 <= row < len(lines):
            lines[row] = line
            self.push(replace(self._draft, lines=tuple(lines)), text, key)

    def set_amount(self, row: int, value: float) -> None:
        if 0 <= row < len(self._draft.lines):
            line = self._draft.lines[row]
            self._set_line(
                row,
                replace(line, amount=value),
                _("Amount of {ingredient}").format(ingredient=self.line_name(line)),
            )

    def set_unit(self, row: int, unit: str) -> None:
        """Another unit for a line: the amount is converted, so the grams stay the same."""
        if not 0 <= row < len(self._draft.lines):
            return
        line = self._draft.lines[row]
        units = self.units_of(line)
        if unit not in units or unit == line.unit:
            return
        grams = self.grams_of(line)
        amount = round(grams / units[unit], 2)
        self._set_line(
            row,
            replace(line, unit=unit, amount=amount),
            _("Unit of {ingredient}").format(ingredient=self.line_name(line)),
        )

    def _unit_chosen(self, row: int) -> None:
        unit = self.table.cellWidget(row, 2)
        if isinstance(unit, QComboBox):
            self.set_unit(row, str(unit.currentData()))

    def set_heated(self, row: int, heated: bool) -> None:
        if 0 <= row < len(self._draft.lines):
            line = self._draft.lines[row]
            what = (_("Heated: {ingredient}") if heated else _("Not heated: {ingredient}")).format(
                ingredient=self.line_name(line)
            )
            self._set_line(row, replace(line, heated=heated), what)

    def remove_line(self, row: int) -> None:
        lines = list(self._draft.lines)
        if 0 <= row < len(lines):
            gone = lines.pop(row)
            self.push(
                replace(self._draft, lines=tuple(lines)),
                _("Remove {ingredient}").format(ingredient=self.line_name(gone)),
            )

    # -- finding and adding ingredients ----------------------------------------------------------
    def _find(self, text: str) -> None:
        self.found.clear()
        if not text.strip():
            return
        # Foods first (curated and own before SR28's, each in the search's order), then
        # the recipes that could go inside this one.
        foods: list[Food] = self.catalog.search(text)
        foods.sort(key=lambda food: food.origin == "sr28")
        for food in foods[:MAX_FOUND]:
            item = QListWidgetItem(food.name, self.found)
            item.setData(Qt.ItemDataRole.UserRole, ("food", food.id))
        own_id = self._original.id if self._original else None
        for recipe in self.book.search(text)[:10]:
            if recipe.id != own_id:
                item = QListWidgetItem(_("Recipe: {recipe}").format(recipe=recipe.name), self.found)
                item.setData(Qt.ItemDataRole.UserRole, ("recipe", recipe.id))
        if self.found.count():
            self.found.setCurrentRow(0)

    def add_found(self) -> bool:
        item = self.found.currentItem()
        if item is None:
            self.message.setText(_("Type part of a food's or recipe's name, then choose it."))
            return False
        kind, ident = item.data(Qt.ItemDataRole.UserRole)
        return self.add_food(ident) if kind == "food" else self.add_recipe(ident)

    def add_food(self, food_id: str) -> bool:
        """Add a food: one of its own serving to start with."""
        food = self.catalog.get(food_id)
        if food is None:
            return False
        line = Line(food_id=food_id, amount=food.grams, unit=GRAMS)
        units = self.units_of(line)
        first = next(iter(m for m in measures_of(food)), None)
        if first is not None and first.unit in units:
            line = replace(line, amount=first.count, unit=first.unit)
        return self._add(line)

    def add_recipe(self, recipe_id: str) -> bool:
        """Add another recipe: one portion of it. A recipe that would make a circle is
        refused with the book's message."""
        inner = self.book.get(recipe_id)
        if inner is None:
            return False
        line = Line(recipe_id=recipe_id, amount=1.0, unit=PORTION)
        trial = self._recipe_of(replace(self._draft, lines=(*self._draft.lines, line)))
        if trial is not None:
            try:
                check_cycles(trial, self.book.lookup_with(trial))
            except PlannerError as exc:
                self.message.setText(str(exc))
                return False
        return self._add(line)

    def _add(self, line: Line) -> bool:
        self.push(
            replace(self._draft, lines=(*self._draft.lines, line)),
            _("Add {ingredient}").format(ingredient=self.line_name(line)),
        )
        self.table.selectRow(len(self._draft.lines) - 1)
        return True

    # -- the recipe ----------------------------------------------------------------------------
    def _ingredient(self, line: Line) -> Ingredient:
        if line.food_id is None and line.recipe_id is None:
            return Ingredient.note(line.text)
        grams = self.grams_of(line)
        measured = line.unit != GRAMS
        return Ingredient(
            line.food_id,
            line.recipe_id,
            grams=round(grams, 3),
            measure=line.unit if measured else None,
            count=line.amount if measured else None,
            text=line.text,
            heated=line.heated and self._is_live(line),
        )
