"""The Recipes palette's list: the recipe book's dishes, filtered as the user types, each
dragged (or added with Enter) into a meal exactly as a food is: the same payload, with the
entry id ``recipe:<id>`` (planner.core.drop)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QMimeData, QModelIndex, QObject, Qt

from planner.core.carried import CarriedFood
from planner.core.plan import RECIPE_PREFIX, UNIT_PORTION
from planner.i18n import N_, _, ngettext
from ui.guard import guarded

from .foods import FoodSourceModel, literal_tip
from .mime import encode_foods
from .roles import FOOD_ID_ROLE, SCORE_ROLE, Index

# The recipes package is loaded with the book, after the first paint (ui.window.recipes).
if TYPE_CHECKING:
    from planner.recipes.book import RecipeBook
    from planner.recipes.model import Recipe

# Past the roles of ui.models.roles, so that the two never meet.
RECIPE_ROLE = Qt.ItemDataRole.UserRole + 20
# A recipe's meal type; marked here, translated where shown.
MEAL_LABELS = {
    "breakfast": N_("Breakfast"),
    "lunch": N_("Lunch"),
    "dinner": N_("Dinner"),
    "snack": N_("Snack"),
    "any": N_("Any meal"),
}


def recipe_entry_id(recipe_id: str) -> str:
    return RECIPE_PREFIX + recipe_id


def carried_recipe(recipe_id: str) -> CarriedFood:
    """One portion of a recipe, as a drag or the clipboard carries it."""
    return CarriedFood(recipe_entry_id(recipe_id), 1.0, UNIT_PORTION)


ScoreOf = Callable[["Recipe"], "float | None"]


def portions_text(portions: float) -> str:
    count = QLocale().toString(float(portions), "g", 6)
    return ngettext("{count} portion", "{count} portions", portions).format(count=count)


class RecipeListModel(FoodSourceModel):
    """The recipes of a book that hold every word typed (RecipeBook.search: names, tags and
    ingredients), name matches first. ``score_of`` gives a recipe's per-portion score, or
    None while the scores are not loaded; it is asked only for the rows painted."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._book: RecipeBook | None = None
        self._shown: list[Recipe] = []
        self._text = ""
        self._score_of: ScoreOf = lambda _recipe: None

    def set_book(self, book: RecipeBook | None) -> None:
        self.beginResetModel()
        self._book = book
        self._shown = self._matching()
        self.endResetModel()

    @property
    def book(self) -> RecipeBook | None:
        return self._book

    def set_score_source(self, score_of: ScoreOf) -> None:
        self._score_of = score_of
        self.scores_changed()

    def scores_changed(self) -> None:
        if self._shown:
            self.dataChanged.emit(self.index(0), self.index(len(self._shown) - 1), [SCORE_ROLE])

    def set_filter(self, text: str) -> None:
        if " ".join(text.casefold().split()) == self._text:
            return
        self.beginResetModel()
        self._text = " ".join(text.casefold().split())
        self._shown = self._matching()
        self.endResetModel()

    def _matching(self) -> list[Recipe]:
        if self._book is None:
            return []
        if not self._text:
            return sorted(self._book, key=lambda r: r.name.casefold())
        return self._book.search(self._text)

    def total_count(self) -> int:
        return 0 if self._book is None else len(self._book)

    def recipe(self, row: int) -> Recipe | None:
        item: Recipe | None = self._item(row)
        return item

    def row_of(self, entry_id: str) -> int:
        """The row of a recipe, by its entry id ("recipe:<id>") or its own id."""
        return next(
            (
                r
                for r, recipe in enumerate(self._shown)
                if entry_id in (recipe.id, recipe_entry_id(recipe.id))
            ),
            -1,
        )

    # -- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        # The list's layout asks once per row: kept to the one test (2,000 calls a keystroke).
        return 0 if parent.isValid() else len(self._shown)

    def _rows(self) -> list[Recipe]:
        return self._shown

    def _food_at(self, row: int) -> tuple[str, str] | None:
        recipe = self.recipe(row)
        return None if recipe is None else (recipe_entry_id(recipe.id), recipe.name)

    def mimeData(self, indexes: Sequence[Index]) -> QMimeData:
        recipes = [self.recipe(i.row()) for i in indexes if i.isValid()]
        chosen = [r for r in recipes if r is not None]
        return encode_foods(
            [carried_recipe(r.id) for r in chosen], None, "\n".join(r.name for r in chosen)
        )

    def score(self, recipe: Recipe) -> float | None:
        return self._score_of(recipe)

    def line_two(self, recipe: Recipe) -> str:
        """The row's second line: meal type, yield and the per-portion score."""
        score = self.score(recipe)
        if score is None:
            # Translators: a recipe's score while it is worked out.
            shown = _("score …")
        else:
            shown = _("score {score}").format(score=QLocale().toString(int(f"{score:.0f}")))
        meal = _(MEAL_LABELS[recipe.meal]) if recipe.meal in MEAL_LABELS else recipe.meal
        return f"{meal} · {portions_text(recipe.portions)} · {shown}"

    @guarded()
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._holds(index):
            return None
        recipe = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return recipe.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(recipe)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{recipe.name}, {self.line_two(recipe)}"
        if role == RECIPE_ROLE:
            return recipe
        if role == FOOD_ID_ROLE:
            return recipe_entry_id(recipe.id)
        if role == SCORE_ROLE:
            return self.score(recipe)
        return None

    def _tooltip(self, recipe: Recipe) -> str:
        book = self._book
        lines = [recipe.name, self.line_two(recipe)]
        locale = QLocale()
        if recipe.tags:
            lines.append(_("Tags: {tags}").format(tags=", ".join(sorted(recipe.tags))))
        for item in recipe.ingredients[:12]:
            if item.food_id is not None and book is not None:
                grams = locale.toString(float(item.grams), "g", 6)
                lines.append(f"• {book.catalog.name_of(item.food_id)}, {grams} g")
            elif item.recipe_id is not None and book is not None:
                inner = book.get(item.recipe_id)
                grams = locale.toString(float(item.grams), "g", 6)
                lines.append(f"• {inner.name if inner else item.recipe_id}, {grams} g")
            else:
                lines.append(f"• {item.text}")
        if len(recipe.ingredients) > 12:
            more = len(recipe.ingredients) - 12
            lines.append(
                ngettext("… and {count} more", "… and {count} more", more).format(count=more)
            )
        lines.append(_("Score: one portion alone, as a day (0–100)."))
        return literal_tip("\n".join(lines))


def index_recipe(index: QModelIndex) -> Recipe | None:
    recipe: Recipe | None = index.data(RECIPE_ROLE) if index.isValid() else None
    return recipe
