"""Plan entries of recipes turned into what was eaten: the resolver that knows recipes.

``PlanResolver(catalog, book)`` answers for foods as planner.core.amounts.FoodResolver does,
and for a recipe entry ("recipe:<id>", in portions) with the foods of those portions,
each in servings of that food and with the ``heated`` mark of its ingredient line: a
live-culture food cooked with the dish gives no live-culture credit (scoring reads the
mark). A recipe used inside another passes its own mark down: a heated base heats all of
its foods.

One portion's parts are worked out once per recipe and kept while the recipe, the recipes
it uses and the catalog stay the same (a re-score after an edit looks each recipe up in
a dict and scales its parts).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from planner.core.amounts import FoodResolver, Part
from planner.core.foods import Catalog
from planner.core.plan import RECIPE_PREFIX, UNIT_PORTION, Entry, Plan
from planner.errors import RecipeError
from planner.i18n import _
from planner.recipes.book import RecipeBook
from planner.recipes.model import Recipe, expand_marked

if TYPE_CHECKING:  # numpy stays out of a plain import of the resolver
    from planner.scoring.results import Suggestion
    from planner.scoring.suggestions import Suggester

# What a cached expansion depends on: each recipe used (by id, the object seen) and the
# catalog's revision.
_Deps = tuple[tuple[tuple[str, Recipe], ...], int]


def recipe_entry_id(recipe: Recipe | str) -> str:
    """The plan entry id of a recipe: "recipe:" + its id."""
    return RECIPE_PREFIX + (recipe if isinstance(recipe, str) else recipe.id)


def heated_expansion(
    recipe: Recipe, portions: float, book: RecipeBook
) -> list[tuple[str, float, bool]]:
    """The foods of ``portions`` of the recipe as (food id, grams, heated), in recipe
    order (planner.recipes.model.expand_marked over the book). Raises RecipeError for a
    missing recipe, a cycle or nesting deeper than MAX_DEPTH."""
    return expand_marked(recipe, portions, book.get)


def suggest_recipes(
    evaluator: Suggester,
    plan: Plan,
    day: int,
    top: int = 3,
    *,
    meal: str | None = None,
) -> list[Suggestion]:
    """The book's recipes (those for ``meal``, a meal type, and those for any meal) ranked
    by how much one portion would raise the day's score; [] unless the evaluator counts
    entries through a PlanResolver."""
    resolver = evaluator.resolver
    if not isinstance(resolver, PlanResolver):
        return []
    recipes = resolver.book.search("", meal=meal)
    candidates = [(Entry(recipe_entry_id(r), 1.0, UNIT_PORTION), r.name) for r in recipes]
    return evaluator.suggest_entries(plan, day, candidates, top)


class PlanResolver:
    """Foods through FoodResolver, recipes through the book (see the module's note). An
    entry of a recipe the book lacks, in a unit other than portions, or holding a food
    the catalog lacks, has no parts: the plan reports it as unknown."""

    def __init__(self, catalog: Catalog, book: RecipeBook) -> None:
        self.catalog = catalog
        self.book = book
        self._foods = FoodResolver(catalog)
        # recipe id -> (what it depends on, one portion's parts and grams; None: unknown)
        self._portions: dict[str, tuple[_Deps, tuple[tuple[Part, ...], float] | None]] = {}
        # An entry's parts as last worked out, with the book's and the catalog's revisions
        # then: a re-score asks for each dish of the day several times per edit.
        self._entry_parts: dict[Entry, tuple[tuple[int, int], Sequence[Part]]] = {}

    @property
    def revision(self) -> object:
        return (self.book.revision, self.catalog.revision)

    def parts(self, entry: Entry) -> Sequence[Part]:
        if not entry.is_recipe:
            return self._foods.parts(entry)
        stamp = (self.book.revision, self.catalog.revision)
        known = self._entry_parts.get(entry)
        if known is not None and known[0] == stamp:
            return known[1]
        one = self._portion(entry)
        found: Sequence[Part] = ()
        if one is not None:
            amount = entry.amount
            found = (
                one[0]
                if amount == 1.0
                else tuple(
                    (food_id, servings * amount, heated) for food_id, servings, heated in one[0]
                )
            )
        if len(self._entry_parts) >= 4096:  # a plan's dishes and amounts, many times over
            self._entry_parts.clear()
        self._entry_parts[entry] = (stamp, found)
        return found

    def grams(self, entry: Entry) -> float | None:
        if not entry.is_recipe:
            return self._foods.grams(entry)
        one = self._portion(entry)
        return None if one is None else one[1] * entry.amount

    def name_of(self, food_id: str) -> str:
        """A food's or a recipe's name, as lists and prints show an entry."""
        if food_id.startswith(RECIPE_PREFIX):
            recipe = self.book.get(food_id[len(RECIPE_PREFIX) :])
            if recipe is None:
                # Translators: a plan names a recipe the book lacks; {id} is its id.
                return _("Unknown recipe ({id})").format(id=food_id)
            return recipe.name
        return self.catalog.name_of(food_id)

    def recipe_of(self, entry: Entry) -> Recipe | None:
        """The recipe an entry names, or None (a food, or a recipe the book lacks)."""
        recipe_id = entry.recipe_id
        return None if recipe_id is None else self.book.get(recipe_id)

    def _portion(self, entry: Entry) -> tuple[tuple[Part, ...], float] | None:
        if entry.unit != UNIT_PORTION:
            return None
        recipe_id = entry.recipe_id
        assert recipe_id is not None
        cached = self._portions.get(recipe_id)
        if cached is not None and self._current(cached[0]):
            return cached[1]
        recipe = self.book.get(recipe_id)
        if recipe is None:
            return None  # not cached: the recipe may be added to the book later
        used: list[tuple[str, Recipe]] = []
        try:
            result = self._as_servings(expand_marked(recipe, 1.0, self.book.get, used))
        except RecipeError:
            result = None
        self._portions[recipe_id] = ((tuple(used), self.catalog.revision), result)
        return result

    def _current(self, deps: _Deps) -> bool:
        used, revision = deps
        if revision != self.catalog.revision:
            return False
        get = self.book.get
        return all(get(recipe_id) is recipe for recipe_id, recipe in used)

    def _as_servings(
        self, foods: list[tuple[str, float, bool]]
    ) -> tuple[tuple[Part, ...], float] | None:
        """Grams of foods as servings of each (the same food and mark added up), and
        the grams in all; None when a food is unknown or has no weight."""
        merged: dict[tuple[str, bool], float] = {}
        grams = 0.0
        for food_id, amount, heated in foods:
            food = self.catalog.get(food_id)
            if food is None or not food.grams > 0:
                return None
            merged[food_id, heated] = merged.get((food_id, heated), 0.0) + amount / food.grams
            grams += amount
        if not merged:
            return None  # a recipe of notes only: nothing eaten that can be counted
        parts = tuple((food_id, servings, heated) for (food_id, heated), servings in merged.items())
        return parts, grams
