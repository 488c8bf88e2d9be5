"""What one portion of a recipe is worth: its score as a day of that portion alone, and the
nutrient lines the editor shows. Both come from the recipe's expansion
(planner.recipes.model.expand), so they follow its ingredients exactly; the nutrient values
are the catalog's (USDA SR28 and the curated foods, docs/catalog.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from planner.core.foods import NUTRIENT_LABELS, NUTRIENTS, Catalog
from planner.core.plan import DAYS_PER_WEEK, MAX_SERVINGS, MAX_WEEKS, Entry, Plan
from planner.errors import PlannerError

if TYPE_CHECKING:
    from planner.recipes.model import Lookup, Recipe
    from planner.recipes.profile import Profile
    from planner.scoring.evaluator import Evaluator

# A fixed Monday: the score of a portion does not depend on the date.
_DAY = date(2026, 11, 30)
# The nutrients the editor's preview lists, in this order.
PREVIEW_NUTRIENTS = ("energy_kcal", "protein_g", "fiber_g", "prebiotic_g", "omega3_g",
                     "vit_c_mg", "zinc_mg", "added_sugars_g")  # fmt: skip


def _portion_entries(
    recipe: Recipe, catalog: Catalog, lookup: Lookup, day: int
) -> list[tuple[int, str, Entry]]:
    """One portion of ``recipe`` as the lunch of ``day``, food by food (servings = grams
    / the food's serving; a food past the most servings one entry holds is split over
    several entries, which the score adds up as it does any day's)."""
    from planner.recipes.model import expand

    entries = []
    for food_id, grams in expand(recipe, 1.0, lookup):
        food = catalog.get(food_id)
        if food is None or grams <= 0:
            continue
        servings = grams / food.grams
        while servings > 1e-9:
            part = min(servings, MAX_SERVINGS)
            entries.append((day, "lunch", Entry(food_id, part)))
            servings -= part
    return entries


def portion_plan(recipe: Recipe, catalog: Catalog, lookup: Lookup) -> Plan:
    """A one-week plan whose first lunch is one portion of ``recipe``."""
    return Plan.from_entries(_DAY, 1, _portion_entries(recipe, catalog, lookup, 0))


def portion_scores(
    evaluator: Evaluator | None, recipes: Sequence[Recipe], catalog: Catalog, lookup: Lookup
) -> dict[str, float | None]:
    """Each recipe's one-portion score (0-100) as a day of it alone, by id: all scored
    in one call, a day each. None while the evaluator is not loaded, or for a recipe that
    cannot be expanded (a missing recipe inside it)."""
    found: dict[str, float | None] = {recipe.id: None for recipe in recipes}
    if evaluator is None or not recipes:
        return found
    per_plan = MAX_WEEKS * DAYS_PER_WEEK
    for first in range(0, len(recipes), per_plan):
        batch = recipes[first : first + per_plan]
        entries: list[tuple[int, str, Entry]] = []
        days: dict[int, str] = {}
        for day, recipe in enumerate(batch):
            try:
                entries += _portion_entries(recipe, catalog, lookup, day)
            except PlannerError:
                continue
            days[day] = recipe.id
        if not days:
            continue
        plan = Plan.from_entries(_DAY, -(-len(batch) // DAYS_PER_WEEK), entries)
        for scored in evaluator.score_days(plan, days, tips=False):
            found[days[scored.day]] = scored.score
    return found


def portion_score(
    evaluator: Evaluator | None, recipe: Recipe, catalog: Catalog, lookup: Lookup
) -> float | None:
    """One recipe's ``portion_scores``."""
    return portion_scores(evaluator, [recipe], catalog, lookup)[recipe.id]


def nutrient_lines(facts: Profile) -> list[tuple[str, str]]:
    """(label, value) of a portion's main nutrients: "unknown" when a food lacks the
    value, "at least" the known part when only some foods give it."""
    rows = []
    for key in PREVIEW_NUTRIENTS:
        unit = NUTRIENTS[key]
        value = facts.nutrients.get(key)
        if value is not None:
            text = f"{value:.0f} {unit}" if value >= 10 else f"{value:.1f} {unit}"
        elif facts.known.get(key):
            text = f"at least {facts.known[key]:.1f} {unit}"
        else:
            text = "unknown"
        rows.append((NUTRIENT_LABELS[key], text))
    return rows
