"""New Recipe / Edit Recipe: one recipe of the user's own.

The dialog edits a draft (``Draft``: the fields and the ingredient lines as shown, in
ui.recipes.draft), never the book: Cancel leaves everything saved as it was. Every change is
a step on the dialog's own undo stack (Ctrl+Z, Ctrl+Shift+Z), typing in one field being one
step. Ingredients are found by searching the whole catalog and the other recipes; their
amounts, units and rows are ui.recipes.lines. The preview shows one portion's score and
nutrients as the draft stands (ui.recipes.preview), and the line under it the first thing
that keeps the draft from being saved.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from planner.errors import PlannerError
from planner.i18n import N_, _
from planner.recipes.model import (
    MAX_GRAMS,
    MAX_PORTIONS,
    MEAL_TYPES,
    OWN,
    Recipe,
    clean_text,
)
from planner.recipes.profile import profile
from ui.models.recipes import MEAL_LABELS
from ui.recipes.draft import GRAMS as GRAMS  # re-exported: the tests give amounts in it
from ui.recipes.draft import Draft, DraftCommand, UndoKeys, tags_of
from ui.recipes.lines import IngredientLines
from ui.recipes.preview import facts_text, number, nutrient_lines

if TYPE_CHECKING:
    from planner.recipes.book import RecipeBook

COLUMNS = (N_("Ingredient"), N_("Amount"), N_("Unit"), N_("Heated"), "")


class RecipeEditor(QDialog, IngredientLines):
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
        self._keys = UndoKeys(self.undo_stack)
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
        self.facts.setText(facts_text(facts))

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
