"""What the Recipes controller keeps beside its menu: the Recipes palette's per-portion
scores (worked out together after the paint that asks for them) and what a drop from
outside the plan may add."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from planner.core.plan import RECIPE_PREFIX

if TYPE_CHECKING:
    from planner.recipes.book import RecipeBook
    from planner.recipes.model import Recipe
    from planner.scoring.evaluator import Evaluator

    from .recipes import RecipesController


class PortionScores(QObject):
    """The Recipes palette's per-portion scores (ui.recipes.preview), kept per recipe until
    the book or the evaluator changes. A row painted before its score is known shows
    "score …" and asks for it; the rows asked for are scored together, in one call, just
    after that paint, so a keystroke's frame never waits for them."""

    scored = Signal()  # scores came: the rows that asked can show them

    def __init__(
        self,
        evaluator_of: Callable[[], Evaluator | None],
        book_of: Callable[[], RecipeBook | None],
        parent: QObject | None = None,
    ) -> None:
        """``evaluator_of`` and ``book_of`` must not hold the main window (a window must be
        freed by reference counting: see ui.window.controller)."""
        super().__init__(parent)
        self._evaluator_of, self._book_of = evaluator_of, book_of
        self._scores: dict[str, float | None] = {}
        self._wanted: dict[str, Recipe] = {}
        self._scored_by: object = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)

    def clear(self) -> None:
        self._scores.clear()
        self._wanted.clear()

    def score_of(self, recipe: Recipe) -> float | None:
        evaluator = self._evaluator_of()
        if evaluator is None or self._book_of() is None:
            return None
        if evaluator is not self._scored_by:  # new preferences make a new evaluator
            self.clear()
            self._scored_by = evaluator
        if recipe.id in self._scores:
            return self._scores[recipe.id]
        self._wanted[recipe.id] = recipe
        self._timer.start()
        return None

    def flush(self) -> None:
        """Score the recipes asked for, and let their rows show it."""
        self._timer.stop()
        from ui.recipes.preview import portion_scores

        evaluator, book = self._evaluator_of(), self._book_of()
        wanted, self._wanted = list(self._wanted.values()), {}
        if evaluator is None or book is None or not wanted:
            return
        self._scores.update(portion_scores(evaluator, wanted, book.catalog, book.lookup))
        self.scored.emit()


def has_dishes(entry_ids: set[str]) -> bool:
    return any(entry_id.startswith(RECIPE_PREFIX) for entry_id in entry_ids)


class KnownEntries:
    """What a drop from outside the plan may add (planner.core.drop.drop_edit's ``known``):
    the catalog's foods, and the recipes of the book as "recipe:<id>"."""

    def __init__(self, controller: RecipesController) -> None:
        self._controller = controller

    def __contains__(self, food_id: object) -> bool:
        if not isinstance(food_id, str):
            return False
        if food_id.startswith(RECIPE_PREFIX):
            return food_id[len(RECIPE_PREFIX) :] in self._controller.book
        return food_id in self._controller.catalog
