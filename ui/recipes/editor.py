"""New Recipe / Edit Recipe: one recipe of the user's own.

The dialog edits a draft (``Draft``: the fields and the ingredient lines as shown), never
the book: Cancel leaves everything saved as it was. Every change is a step on the dialog's
own undo stack (Ctrl+Z, Ctrl+Shift+Z), typing in one field being one step. Ingredients are
found by searching the whole catalog and the other recipes; an amount is given in grams or
in one of the food's household measures (SR28's WEIGHT table, planner.recipes.measures), a
recipe used as an ingredient in grams or portions of it. A live-culture food can be marked
``heated`` (cooked with the dish). The preview shows one portion's score and nutrients as
the draft stands (ui.recipes.preview), and the line under it the first thing that keeps the
draft from being saved.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.core.foods import CATEGORY_LABELS, Food
from planner.errors import PlannerError
from planner.i18n import N_, _
from planner.recipes.measures import measures_of
from planner.recipes.model import (
    MAX_GRAMS,
    MAX_PORTIONS,
    MEAL_TYPES,
    OWN,
    Ingredient,
    Recipe,
    check_cycles,
    clean_text,
)
from planner.recipes.profile import profile
from ui.models.recipes import MEAL_LABELS
from ui.recipes.preview import number, nutrient_lines

if TYPE_CHECKING:
    from planner.recipes.book import RecipeBook

GRAMS, PORTION = "g", "portion"
MAX_FOUND = 60  # foods and recipes listed for a search
COLUMNS = (N_("Ingredient"), N_("Amount"), N_("Unit"), N_("Heated"), "")
LIVE_HINT = N_("Cooked with the dish: its live cultures do not survive (no live-culture credit).")


@dataclass(frozen=True, slots=True)
class Line:
    """An ingredient line as the editor shows it: a food or recipe with an amount in a
    unit, or a note (text only)."""

    food_id: str | None = None
    recipe_id: str | None = None
    amount: float = 0.0
    unit: str = GRAMS
    heated: bool = False
    text: str = ""

    @property
    def key(self) -> tuple[str | None, str | None, str]:
        """What the line is (not how much): a row is rebuilt only when this changes."""
        return self.food_id, self.recipe_id, self.text


@dataclass(frozen=True, slots=True)
class Draft:
    name: str = ""
    portions: float = 2.0
    meal: str = "any"
    tags: str = ""
    method: str = ""
    lines: tuple[Line, ...] = ()


def tags_of(text: str) -> frozenset[str]:
    return frozenset(
        clean_text(word).casefold() for word in text.replace(";", ",").split(",") if word.strip()
    )


class DraftCommand(QUndoCommand):
    """One change of the draft; consecutive typing in one field merges into one step."""

    def __init__(self, editor: RecipeEditor, before: Draft, after: Draft, text: str, key: str):
        super().__init__(text)
        self._editor, self.before, self.after, self.key = editor, before, after, key

    def id(self) -> int:
        return 1 if self.key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, DraftCommand) or other.key != self.key:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self._editor.show_draft(self.after)

    def undo(self) -> None:
        self._editor.show_draft(self.before)


class _UndoKeys(QObject):
    """Ctrl+Z and Ctrl+Shift+Z in a text field step the dialog's undo stack: the field's
    own undo would undo its typing behind the dialog's back."""

    def __init__(self, stack: QUndoStack) -> None:
        super().__init__(stack)
        self._stack = stack

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(event, QKeyEvent):
            return False
        undo = event.matches(QKeySequence.StandardKey.Undo)
        redo = event.matches(QKeySequence.StandardKey.Redo) or (
            event.key() == Qt.Key.Key_Z
            and event.modifiers()
            == Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
        if not (undo or redo):
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # the key comes to the field, and so to this filter
            return True
        if redo:
            self._stack.redo()
        else:
            self._stack.undo()
        return True


class RecipeEditor(QDialog):
    """Write or change one recipe. ``save(recipe)`` is called on Save and returns "" when
    the recipe was kept, or the sentence why not (the dialog then stays open)."""

    def __init__(
        self,
        book: RecipeBook,
        recipe: Recipe | None = None,
        *,
        save: Callable[[Recipe], str] | None = None,
        score_of: Callable[[Recipe], float | None] | None = None,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.book, self.catalog = book, book.catalog
        self._original = recipe
        self._save = save
        self._score_of = score_of
        self.saved: Recipe | None = None
        self.setWindowTitle(
            title or (_("Edit Recipe") if recipe and recipe.id else _("New Recipe"))
        )
        self.undo_stack = QUndoStack(self)
        self._draft = Draft() if recipe is None else self._draft_of(recipe)
        self._row_keys: list[tuple[str | None, str | None, str]] = []
        self._build()
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.show_draft(self._draft)
        self.undo_stack.setClean()
        self.resize(980, 640)

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        self.name = QLineEdit(self)
        self.name.setAccessibleName(_("Recipe name"))
        self.name.setPlaceholderText(_("e.g. Lentil soup with garlic and leek"))
        self.portions = QDoubleSpinBox(self)
        self.portions.setAccessibleName(_("Portions"))
        self.portions.setRange(0.5, MAX_PORTIONS)
        self.portions.setDecimals(1)
        self.portions.setSingleStep(1)
        self.meal = QComboBox(self)
        self.meal.setAccessibleName(_("Meal type"))
        for meal in MEAL_TYPES:
            self.meal.addItem(_(MEAL_LABELS[meal]), meal)
        self.tags = QLineEdit(self)
        self.tags.setAccessibleName(_("Tags"))
        self.tags.setPlaceholderText(_("words separated by commas: quick, vegetarian"))
        self.method = QPlainTextEdit(self)
        self.method.setAccessibleName(_("Method"))
        self.method.setPlaceholderText(_("How it is made, in a few lines"))
        self.method.setUndoRedoEnabled(False)  # the dialog's undo covers it
        self.method.setTabChangesFocus(True)
        self.method.setMaximumHeight(110)  # the ingredients take the room
        form = QFormLayout()
        for text, field in (
            (_("&Name:"), self.name),
            (_("&Portions:"), self.portions),
            (_("&Meal:"), self.meal),
            (_("&Tags:"), self.tags),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        method_label = QLabel(_("Met&hod:"), self)
        method_label.setBuddy(self.method)
        form.addRow(method_label, self.method)

        self.search = QLineEdit(self)
        self.search.setAccessibleName(_("Find an ingredient"))
        self.search.setPlaceholderText(_("Find a food or recipe to add"))
        self.search.setClearButtonEnabled(True)
        self.found = QListWidget(self)
        self.found.setAccessibleName(_("Foods and recipes found"))
        self.found.setMaximumHeight(110)
        self.add_button = QPushButton(_("&Add Ingredient"), self)
        find_label = QLabel(_("&Find:"), self)
        find_label.setBuddy(self.search)
        find_row = QHBoxLayout()
        find_row.addWidget(find_label)
        find_row.addWidget(self.search, 1)
        find_row.addWidget(self.add_button)

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setAccessibleName(_("Ingredients"))
        self.table.setHorizontalHeaderLabels([_(c) if c else c for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.score = QLabel(self)
        self.score.setObjectName("recipeScore")
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.nutrients = QFormLayout()
        preview = QGroupBox(_("One portion"), self)
        preview_layout = QVBoxLayout(preview)
        preview_layout.addWidget(self.score)
        preview_layout.addLayout(self.nutrients)
        preview_layout.addWidget(self.facts)
        source = QLabel(
            _("Nutrients: USDA SR28 and the catalog's sources (docs/catalog.md)."), preview
        )
        source.setWordWrap(True)
        preview_layout.addWidget(source)
        preview_layout.addStretch(1)
        preview.setMinimumWidth(250)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setObjectName("recipeMessage")
        self.message.setStyleSheet("color: #c03030")

        Button = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(Button.Save | Button.Cancel, self)
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        self.undo_action = self.undo_stack.createUndoAction(self, _("&Undo"))
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, _("&Redo"))
        self.redo_action.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        )
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        undo_button = QPushButton(_("Undo"), self)
        undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(undo_button.setEnabled)
        redo_button = QPushButton(_("Redo"), self)
        redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canRedoChanged.connect(redo_button.setEnabled)
        undo_button.setEnabled(False)
        redo_button.setEnabled(False)
        self._keys = _UndoKeys(self.undo_stack)
        for text_field in (self.name, self.tags, self.search, self.method):
            text_field.installEventFilter(self._keys)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(find_row)
        left.addWidget(self.found)
        left.addWidget(self.table, 3)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(preview, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(undo_button)
        bottom.addWidget(redo_button)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)

        self.name.textEdited.connect(lambda text: self._change(_("Name"), "name", name=text))
        self.tags.textEdited.connect(lambda text: self._change(_("Tags"), "tags", tags=text))
        self.method.textChanged.connect(self._method_changed)
        self.portions.valueChanged.connect(
            lambda value: self._change(_("Portions"), "portions", portions=value)
        )
        self.meal.activated.connect(
            lambda _i: self._change(_("Meal"), "", meal=str(self.meal.currentData()))
        )
        self.search.textChanged.connect(self._find)
        self.search.returnPressed.connect(self.add_found)
        self.found.itemActivated.connect(lambda _item: self.add_found())
        self.add_button.clicked.connect(self.add_found)
        self._find("")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a field (the ingredient search above all) adds or moves on; it never
        # presses Save behind the user's back, as a dialog's default button would.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    # -- the draft ---------------------------------------------------------------------------
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

    @property
    def draft(self) -> Draft:
        return self._draft

    def _change(self, text: str, key: str, **fields: object) -> None:
        after = replace(self._draft, **fields)  # type: ignore[arg-type]
        self.push(after, text, key)

    def push(self, after: Draft, text: str, key: str = "") -> None:
        """Make ``after`` the draft, as one step of the undo stack."""
        if after == self._draft:
            return
        self.undo_stack.push(DraftCommand(self, self._draft, after, text, key))

    def _method_changed(self) -> None:
        text = self.method.toPlainText()
        if text != self._draft.method:
            self._change(_("Method"), "method", method=text)

    def show_draft(self, draft: Draft) -> None:
        """Make the widgets show ``draft`` (a step done, undone or redone)."""
        self._draft = draft
        for widget, setter, value in (
            (self.name, self.name.setText, draft.name),
            (self.tags, self.tags.setText, draft.tags),
        ):
            if widget.text() != value:
                widget.blockSignals(True)
                setter(value)
                widget.blockSignals(False)
        if self.method.toPlainText() != draft.method:
            self.method.blockSignals(True)
            self.method.setPlainText(draft.method)
            self.method.blockSignals(False)
        if abs(self.portions.value() - draft.portions) > 1e-9:
            self.portions.blockSignals(True)
            self.portions.setValue(draft.portions)
            self.portions.blockSignals(False)
        meal = MEAL_TYPES.index(draft.meal) if draft.meal in MEAL_TYPES else len(MEAL_TYPES) - 1
        if self.meal.currentIndex() != meal:
            self.meal.setCurrentIndex(meal)
        self._show_lines(draft.lines)
        self.refresh_preview()

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

    def problem(self, draft: Draft | None = None) -> tuple[str, QWidget | None]:
        """The first thing that keeps the draft from being a recipe, and the field to fix."""
        draft = draft or self._draft
        if not draft.name.strip():
            return _("Give the recipe a name."), self.name
        if not any(line.food_id or line.recipe_id for line in draft.lines):
            return _(
                "Add at least one ingredient: find a food or recipe above the list."
            ), self.search
        for row, line in enumerate(draft.lines):
            if line.food_id is None and line.recipe_id is None:
                continue
            grams = self.grams_of(line)
            if not (math.isfinite(grams) and 0 < grams <= MAX_GRAMS):
                return (
                    _(
                        "{ingredient}: the amount must be more than 0 and at most "
                        "{most} g (now {grams} g)."
                    ).format(
                        ingredient=self.line_name(line),
                        most=number(MAX_GRAMS, 0),
                        grams=number(grams, 1),
                    ),
                    self.table.cellWidget(row, 1),
                )
        try:
            self._build_recipe(draft)
        except PlannerError as exc:
            return str(exc), None
        return "", None

    def _build_recipe(self, draft: Draft) -> Recipe:
        base = self._original
        return Recipe(
            id=base.id if base else "",
            name=clean_text(draft.name),
            portions=draft.portions,
            ingredients=tuple(self._ingredient(line) for line in draft.lines),
            method=clean_text(draft.method, lines=True),
            tags=tags_of(draft.tags),
            meal=draft.meal,
            origin=OWN,
            source=base.source if base else "",
        )

    def _recipe_of(self, draft: Draft) -> Recipe | None:
        try:
            return self._build_recipe(draft)
        except PlannerError:
            return None

    def recipe(self) -> Recipe | None:
        """The draft as a recipe, or None while it is not one (see ``problem``)."""
        return None if self.problem()[0] else self._recipe_of(self._draft)

    def refresh_preview(self) -> None:
        """The score and nutrients of one portion as the draft stands, and its problem."""
        problem, _field = self.problem()
        self.message.setText(problem)
        while self.nutrients.rowCount():
            self.nutrients.removeRow(0)
        recipe = self._recipe_of(self._draft)
        if recipe is None or not recipe.counted:
            self.score.setText(_("Score of one portion: add ingredients to see it"))
            self.facts.setText("")
            return
        try:
            facts = profile(recipe, self.catalog, self.book.lookup_with(recipe))
        except PlannerError as exc:
            self.score.setText(_("Score of one portion: not known"))
            self.facts.setText(str(exc))
            return
        score = self._score_of(recipe) if self._score_of else None
        self.score.setText(
            _("Score of one portion: …")
            if score is None
            else _("Score of one portion: {score} / 100").format(score=number(score, 0))
        )
        self.score.setToolTip(_("What a day of this one portion alone would score (0–100)."))
        for label, value in nutrient_lines(facts):
            # Translators: a form's label, such as "Fiber:".
            self.nutrients.addRow(_("{label}:").format(label=label), QLabel(value))
        categories = [_(CATEGORY_LABELS[c]) for c in CATEGORY_LABELS if c in facts.categories]
        live = {
            # Translators: a recipe's live cultures survive.
            "live": _("live"),
            "heated": _("heated (none alive)"),
            # Translators: a recipe has no live-culture food.
            "none": _("none"),
        }
        plants = len(facts.plants)
        lines = [
            _("{grams} g a portion.").format(grams=number(facts.grams, 0)),
            _("Categories: {categories}.").format(categories=", ".join(categories) or _("none")),
            (_("Plants: {count} ({plants}).") if plants else _("Plants: {count}.")).format(
                count=plants, plants=", ".join(facts.plants)
            ),
            _("Live cultures: {state}.").format(
                state=live.get(facts.live_cultures, facts.live_cultures)
            ),
        ]
        self.facts.setText("\n".join(lines))

    def try_save(self) -> bool:
        problem, field = self.problem()
        if problem:
            self.message.setText(problem)
            if field is not None:
                field.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        recipe = self._recipe_of(self._draft)
        assert recipe is not None
        if self._save is not None:
            refused = self._save(recipe)
            if refused:
                self.message.setText(refused)
                return False
        self.saved = recipe
        self.undo_stack.setClean()
        self.accept()
        return True

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        book: RecipeBook,
        recipe: Recipe | None,
        *,
        save: Callable[[Recipe], str] | None = None,
        score_of: Callable[[Recipe], float | None] | None = None,
        title: str = "",
    ) -> Recipe | None:
        dialog = cls(book, recipe, save=save, score_of=score_of, title=title, parent=parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.saved
        finally:
            dialog.deleteLater()
