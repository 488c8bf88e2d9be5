"""Recipes as candidates: each recipe of the book (starter and own) is one dish the
planner may put in a meal, made of the foods ``RecipeBook.expand`` gives for a portion.

Everything comes from the recipe's ingredients, nothing is typed: the score's sums,
plants and skin nutrients through the evaluator's own arithmetic over the expanded foods
(planner.autoplan.candidates.candidate_from_items), the tags checked through those foods
(a recipe with yogurt is dairy), the live-culture status from the book's profile (a
live-culture food cooked with the dish gives none). The meals come from the recipe's meal
type ("any" fits every meal; "snack" is the plan's snacks), and the portions from a small
set: one, and one and a half or two where a portion is small.

The auto-planner's layer sits beside planner.recipes, so the book is handed in (the CLI
and the window have one) and used only through its methods.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from planner.autoplan.candidates import Candidate, candidate_from_items
from planner.autoplan.roles import ALL, BREAKFAST, DINNER, LUNCH, SNACKS
from planner.core.plan import RECIPE_PREFIX, UNIT_PORTION, Entry
from planner.errors import RecipeError
from planner.scoring.evaluator import Evaluator

if TYPE_CHECKING:
    from planner.recipes.book import RecipeBook
    from planner.recipes.model import Recipe

RECIPE_ROLE = "recipe"
RECIPE_ORIGIN = "recipe"
PREFIX = RECIPE_PREFIX  # a plan entry's id for a recipe: PREFIX + the recipe's id

MEAL_FIT: dict[str, frozenset[str]] = {
    "breakfast": frozenset({BREAKFAST}),
    "lunch": frozenset({LUNCH}),
    "dinner": frozenset({DINNER}),
    "snack": frozenset({SNACKS}),
    "any": ALL,
}
# A portion under these kcal is small: it may come as one and a half (a snack's dip, a
# side salad) or two (a cup of miso soup), each still under LARGEST_KCAL.
SMALL_KCAL = 300.0
LARGEST_KCAL = 450.0
LIVE = "live"  # planner.recipes.model.LIVE


def recipe_units(kcal: float) -> tuple[float, ...]:
    """The portions a recipe may be planned in: one, and more where a portion is small."""
    if not 0 < kcal < SMALL_KCAL:
        return (1.0,)
    return (1.0, *(u for u in (1.5, 2.0) if u * kcal <= LARGEST_KCAL))


def recipe_candidate(evaluator: Evaluator, book: RecipeBook, recipe: Recipe) -> Candidate | None:
    """The candidate for one recipe, or None when it cannot be counted (a food missing
    from the catalog, a missing inner recipe, no ingredients)."""
    catalog = evaluator.catalog
    # A portion as the evaluator will count the plan's entry, when its resolver knows
    # recipes (planner.recipes.resolve.PlanResolver): each food with its heated mark.
    parts = evaluator.resolver.parts(Entry(PREFIX + recipe.id, 1.0, UNIT_PORTION))
    whole = bool(parts)
    items: list[tuple[str, float]] = [(food_id, servings) for food_id, servings, _h in parts]
    heated = [h for _f, _s, h in parts]
    if not whole:
        # The book's own expansion; a recipe whose cultures are all cooked gives no
        # live-culture credit (the profile says so for the whole recipe).
        try:
            expanded = book.expand(recipe, 1.0)
            live = book.profile(recipe).live_cultures == LIVE
        except RecipeError:
            return None
        for food_id, grams in expanded:
            food = catalog.get(food_id)
            if food is None or food.grams <= 0:
                return None
            items.append((food_id, grams / food.grams))
        heated = [not live] * len(items)
    if not items:
        return None
    table = evaluator.table()
    kcal = sum(
        float(table.column("energy_kcal")[table.row_of[f]]) * s
        for f, s in items
        if f in table.row_of
    )
    made = candidate_from_items(
        evaluator,
        PREFIX + recipe.id,
        recipe.name,
        RECIPE_ROLE,
        items,
        recipe_units(kcal),
        origin=RECIPE_ORIGIN,
        meals=MEAL_FIT.get(recipe.meal, ALL),
        heated=heated,
        recipe_id=recipe.id,
        whole=whole,
    )
    if made is not None and made.limit and BREAKFAST in made.meals:
        # A dish holding a food to limit never starts the day (as foods to limit).
        made = _without_breakfast(made)
    return made


def _without_breakfast(cand: Candidate) -> Candidate | None:
    meals = cand.meals - {BREAKFAST}
    return replace(cand, meals=meals) if meals else None


def recipe_candidates(evaluator: Evaluator, book: RecipeBook) -> list[Candidate]:
    """A candidate for every recipe of the book that can be counted, in the book's order."""
    found = []
    for recipe in book:
        made = recipe_candidate(evaluator, book, recipe)
        if made is not None:
            found.append(made)
    return found
