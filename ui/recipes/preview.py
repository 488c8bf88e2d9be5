"""What one portion of a recipe is worth: its score as a day of that portion alone, and the
nutrient lines the editor shows. Both come from the recipe's expansion
(planner.recipes.model.expand), so they follow its ingredients exactly; the nutrient values
are the catalog's (USDA SR28 and the curated foods, docs/catalog.md).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from planner.core.edits import AddFood
from planner.core.foods import NUTRIENT_LABELS, NUTRIENTS, Catalog
from planner.core.plan import Plan
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


def portion_plan(recipe: Recipe, catalog: Catalog, lookup: Lookup) -> Plan:
    """A one-week plan whose first lunch is one portion of ``recipe``, entered food by
    food (servings = grams / the food's serving)."""
    from planner.recipes.model import expand

    plan = Plan(_DAY)
    for food_id, grams in expand(recipe, 1.0, lookup):
        food = catalog.get(food_id)
        if food is not None and grams > 0:
            AddFood(0, "lunch", food_id, grams / food.grams).apply(plan)
    return plan


def portion_score(
    evaluator: Evaluator | None, recipe: Recipe, catalog: Catalog, lookup: Lookup
) -> float | None:
    """One portion's score (0-100) as a day of it alone; None while the evaluator is not
    loaded, or for a recipe that cannot be expanded (a missing recipe inside it)."""
    if evaluator is None:
        return None
    try:
        plan = portion_plan(recipe, catalog, lookup)
        return evaluator.score_days(plan, [0], tips=False)[0].score
    except PlannerError:
        return None


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
