"""Review an import of recipes: each ingredient line, its match and confidence; confirm it,
pick another food (searching the whole catalog), or keep the line as a note.

The choices are made on the import's own objects (planner.recipes.importing.LineMatch),
so what this dialog shows is what will be saved. ``ImportReview.ask`` returns the recipes
to save, or None if the user cancels.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.core.foods import Catalog
from planner.errors import PlannerError
from planner.i18n import N_, _, ngettext
from planner.recipes.importing import CONFIRMED, NOTE, ImportedRecipe, LineMatch
from planner.recipes.model import Recipe

MAX_FOUND = 200  # foods listed for a search: enough to choose from, quick to fill

COLUMNS = (N_("Line"), N_("Food"), N_("Grams"), N_("Confidence"), N_("Use"))
USE_FOOD, USE_NOTE = "food", "note"


class FoodSearch(QDialog):
    """Pick a food from the whole catalog by typing part of its name."""

    def __init__(self, catalog: Catalog, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Choose a Food"))
        self._catalog = catalog
        self.query = QLineEdit(text, self)
        self.query.setAccessibleName(_("Food name"))
        self.query.setPlaceholderText(_("Type part of a food's name"))
        self.found = QListWidget(self)
        self.found.setAccessibleName(_("Foods found"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.found, 1)
        layout.addWidget(buttons)
        self.query.textChanged.connect(self._search)
        self.found.itemDoubleClicked.connect(lambda _item: self.accept())
        self._search(text)
        self.resize(460, 420)

    def _search(self, text: str) -> None:
        self.found.clear()
        foods = self._catalog.search(text) if text.strip() else []
        # curated and own foods first, as in the palette
        foods.sort(key=lambda food: (food.origin == "sr28", food.name.casefold()))
        for food in foods[:MAX_FOUND]:
            item = QListWidgetItem(food.name, self.found)
            item.setData(Qt.ItemDataRole.UserRole, food.id)
        if self.found.count():
            self.found.setCurrentRow(0)

    def chosen(self) -> str | None:
        item = self.found.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    @classmethod
    def ask(cls, parent: QWidget | None, catalog: Catalog, text: str) -> str | None:
        dialog = cls(catalog, text, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()


class ImportReview(QDialog):
    """The recipes of one import, one at a time, with a table of their lines."""

    def __init__(
        self, imported: list[ImportedRecipe], catalog: Catalog, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Review Imported Recipes"))
        self.imported = imported
        self.catalog = catalog
        self.recipes = QListWidget(self)
        self.recipes.setAccessibleName(_("Imported recipes"))
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setAccessibleName(_("Ingredient lines"))
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.summary = QLabel(self)
        splitter = QSplitter(self)
        splitter.addWidget(self.recipes)
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.message)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Save Recipes"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        for imported_recipe in imported:
            QListWidgetItem(self._recipe_label(imported_recipe), self.recipes)
        self.recipes.currentRowChanged.connect(self._show_recipe)
        if imported:
            self.recipes.setCurrentRow(0)
        self._update_summary()
        self.resize(980, 560)

    # -- the list of recipes ---------------------------------------------------------------
    @staticmethod
    def _recipe_label(imported: ImportedRecipe) -> str:
        waiting = len(imported.needs_review)
        if not waiting:
            return imported.raw.name
        return ngettext(
            "{recipe} ({count} to review)", "{recipe} ({count} to review)", waiting
        ).format(recipe=imported.raw.name, count=waiting)

    def _update_summary(self) -> None:
        waiting = sum(len(item.needs_review) for item in self.imported)
        count = len(self.imported)
        recipes = ngettext("{count} recipe", "{count} recipes", count).format(count=count)
        if waiting:
            # Translators: {recipes} is "1 recipe" or "3 recipes".
            text = ngettext(
                "{recipes}; {count} line to review. Lines not confirmed are saved as notes.",
                "{recipes}; {count} lines to review. Lines not confirmed are saved as notes.",
                waiting,
            ).format(recipes=recipes, count=waiting)
        else:
            # Translators: {recipes} is "1 recipe" or "3 recipes".
            text = _("{recipes}, every line decided.").format(recipes=recipes)
        self.summary.setText(text)
        for row, item in enumerate(self.imported):
            widget = self.recipes.item(row)
            if widget is not None:
                widget.setText(self._recipe_label(item))

    def current(self) -> ImportedRecipe | None:
        row = self.recipes.currentRow()
        return self.imported[row] if 0 <= row < len(self.imported) else None

    # -- the table of lines ------------------------------------------------------------------
    def _show_recipe(self, row: int) -> None:
        self.table.setRowCount(0)
        if not 0 <= row < len(self.imported):
            return
        lines = self.imported[row].lines
        self.table.setRowCount(len(lines))
        for index, line in enumerate(lines):
            self._fill_row(index, line)
        self.table.resizeColumnsToContents()

    def _fill_row(self, index: int, line: LineMatch) -> None:
        text = QTableWidgetItem(line.parsed.text)
        text.setToolTip(line.parsed.text)
        self.table.setItem(index, 0, text)
        foods = QComboBox(self.table)
        foods.setAccessibleName(_("Food for line {number}").format(number=index + 1))
        for candidate in line.candidates:
            foods.addItem(
                _("{food} ({confidence}%)").format(
                    food=candidate.name, confidence=_percent(candidate.confidence)
                ),
                candidate.food_id,
            )
        foods.addItem(_("Another food…"), None)
        foods.setCurrentIndex(0 if line.candidates else foods.count() - 1)
        self.table.setCellWidget(index, 1, foods)
        grams = QDoubleSpinBox(self.table)
        grams.setAccessibleName(_("Grams for line {number}").format(number=index + 1))
        grams.setRange(0, 20_000)
        grams.setDecimals(1)
        grams.setSuffix(" g")
        # Translators: shown in place of an ingredient's grams while they are not known.
        grams.setSpecialValueText(_("amount?"))
        grams.setValue(line.amount.grams if line.amount else 0)
        self.table.setCellWidget(index, 2, grams)
        confidence = QTableWidgetItem(self._confidence_text(line))
        self.table.setItem(index, 3, confidence)
        use = QComboBox(self.table)
        use.setAccessibleName(_("Use line {number}").format(number=index + 1))
        use.addItem(_("Use the food"), USE_FOOD)
        use.addItem(_("Keep as a note"), USE_NOTE)
        use.setCurrentIndex(0 if line.status == CONFIRMED else 1)
        self.table.setCellWidget(index, 4, use)
        foods.activated.connect(lambda _i, r=index: self._food_changed(r))
        grams.editingFinished.connect(lambda r=index: self._decide(r, USE_FOOD))
        use.activated.connect(lambda _i, r=index: self._decide(r, self._use(r)))

    @staticmethod
    def _confidence_text(line: LineMatch) -> str:
        if line.status == CONFIRMED:
            return _("{confidence}% ✓").format(confidence=_percent(line.confidence))
        if line.status == NOTE:
            # Translators: an imported ingredient line kept as a note.
            return _("note")
        return _("{confidence}%, review").format(confidence=_percent(line.confidence))

    def _use(self, row: int) -> str:
        widget = self.table.cellWidget(row, 4)
        return str(widget.currentData()) if isinstance(widget, QComboBox) else USE_NOTE

    def _food_changed(self, row: int) -> None:
        """Another food for the row: its grams come from the line's own amount in that
        food's measures (the box still shows the old food's weight)."""
        foods = self.table.cellWidget(row, 1)
        if not isinstance(foods, QComboBox):
            return
        chosen = foods.currentData()
        if chosen is None:  # "Another food…": search the whole catalog
            current = self.current()
            text = current.lines[row].parsed.food if current else ""
            chosen = FoodSearch.ask(self, self.catalog, text)
            if chosen is None:
                return
        self._decide(row, USE_FOOD, chosen, weigh=False)

    def _decide(
        self, row: int, use: str, food_id: str | None = None, *, weigh: bool = True
    ) -> None:
        """Apply the row's choice to its line, and show the line as it now stands.
        ``weigh``: the grams in the row's box are the user's (else the line's amount is
        weighed again for the food, and the box is used only if that cannot be done)."""
        recipe = self.current()
        if recipe is None:
            return
        line = recipe.lines[row]
        self.message.clear()
        if use == USE_NOTE:
            line.keep_as_note()
        else:
            foods = self.table.cellWidget(row, 1)
            grams_box = self.table.cellWidget(row, 2)
            if food_id is None and isinstance(foods, QComboBox):
                food_id = foods.currentData()
            typed = grams_box.value() if isinstance(grams_box, QDoubleSpinBox) else 0.0
            shown = line.amount.grams if line.amount is not None else 0.0
            user_grams = typed if weigh and typed > 0 and abs(typed - shown) >= 0.05 else None
            try:
                line.confirm(self.catalog, food_id, user_grams)
            except PlannerError as exc:
                self.message.setText(str(exc))
        self.table.blockSignals(True)
        self._fill_row(row, line)
        self.table.blockSignals(False)
        self._update_summary()

    # -- the result ----------------------------------------------------------------------------
    def result_recipes(self) -> list[Recipe]:
        """The recipes as the lines now stand; ids are made unique by whoever saves them."""
        return [item.recipe() for item in self.imported]

    @classmethod
    def ask(
        cls, parent: QWidget | None, imported: list[ImportedRecipe], catalog: Catalog
    ) -> list[Recipe] | None:
        dialog = cls(imported, catalog, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_recipes()


def _percent(value: float) -> str:
    return QLocale().toString(round(value))
