"""What one portion of a recipe is worth: its score as a day of that portion alone, and the
nutrient lines the editor shows. Both come from the recipe's expansion
(planner.recipes.model.expand), so they follow its ingredients exactly; the nutrient values
are the catalog's (USDA SR28 and the curated foods, docs/catalog.md).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QLocale

from planner.core.foods import CATEGORY_LABELS, NUTRIENT_LABELS, NUTRIENTS, Catalog
from planner.core.plan import (
    DAYS_PER_WEEK,
    MAX_GRAMS,
    MAX_WEEKS,
    RECIPE_PREFIX,
    UNIT_GRAM,
    UNIT_PORTION,
    Entry,
    Plan,
)
from planner.i18n import _

if TYPE_CHECKING:
    from planner.recipes.book import RecipeBook
    from planner.recipes.model import Lookup, Recipe
    from planner.recipes.profile import Profile
    from planner.scoring.evaluator import Evaluator

# A fixed Monday: the score of a portion does not depend on the date.
_DAY = date(2026, 11, 30)
DRAFT_ID = "new recipe, not saved"  # spaces: no recipe id of a book has them (slug)
# The nutrients the editor's preview lists, in this order.
PREVIEW_NUTRIENTS = ("energy_kcal", "protein_g", "fiber_g", "prebiotic_g", "omega3_g",
                     "vit_c_mg", "zinc_mg", "added_sugars_g")  # fmt: skip


class _Recipes:
    """The recipes a resolver may look up: those being scored (a draft among them) over
    the book's (planner.recipes.resolve.PlanResolver asks ``get`` and ``revision``)."""

    revision = 0  # unchanged while its resolver lives: one preview's scores

    def __init__(self, scored: dict[str, Recipe], lookup: Lookup) -> None:
        self._scored, self._lookup = scored, lookup

    def get(self, recipe_id: str) -> Recipe | None:
        return self._scored.get(recipe_id) or self._lookup(recipe_id)


def portion_scores(
    evaluator: Evaluator | None, recipes: Sequence[Recipe], catalog: Catalog, lookup: Lookup
) -> dict[str, float | None]:
    """Each recipe's one-portion score (0-100) as a day of it alone, by id: all scored
    in one call, a day each, through a PlanResolver, so that a live-culture food heated
    with the dish earns no live-culture credit, as in the plan. None while the evaluator
    is not loaded, or for a recipe that cannot be expanded (a missing recipe inside it)."""
    from planner.recipes.resolve import PlanResolver

    found: dict[str, float | None] = {recipe.id: None for recipe in recipes}
    if evaluator is None or not recipes:
        return found
    # A new recipe has no id yet: it is scored under one no recipe of the book can have.
    keyed = {(recipe.id or DRAFT_ID): recipe for recipe in recipes}
    book = cast("RecipeBook", _Recipes(keyed, lookup))
    scorer = copy.copy(evaluator)  # the same settings and tables, another resolver
    scorer.resolver = PlanResolver(catalog, book)
    keys = list(keyed)
    per_plan = MAX_WEEKS * DAYS_PER_WEEK
    for first in range(0, len(keys), per_plan):
        batch = keys[first : first + per_plan]
        entries = [
            (day, "lunch", Entry(RECIPE_PREFIX + key, 1.0, UNIT_PORTION))
            for day, key in enumerate(batch)
        ]
        plan = Plan.from_entries(_DAY, -(-len(batch) // DAYS_PER_WEEK), entries)
        for scored in scorer.score_days(plan, range(len(batch)), tips=False):
            key = batch[scored.day]
            found[keyed[key].id] = scored.score
    return found


def portion_plan(recipe: Recipe, catalog: Catalog, lookup: Lookup) -> Plan:
    """A one-week plan whose first lunch is one portion of ``recipe``, its foods entered
    one by one in grams (as a person would enter them without recipes)."""
    from planner.recipes.model import expand

    entries = []
    for food_id, grams in expand(recipe, 1.0, lookup):
        while grams > 1e-9:
            part = min(grams, MAX_GRAMS)
            entries.append((0, "lunch", Entry(food_id, part, UNIT_GRAM)))
            grams -= part
    return Plan.from_entries(_DAY, 1, entries)


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
            # Translators: an amount and its unit ("12 g", "3.5 mg").
            text = _("{amount} {unit}").format(
                amount=number(value, 0 if value >= 10 else 1), unit=unit
            )
        elif facts.known.get(key):
            text = _("at least {amount} {unit}").format(
                amount=number(facts.known[key], 1), unit=unit
            )
        else:
            # Translators: a nutrient's amount when a food of the recipe lacks it.
            text = _("unknown")
        rows.append((_(NUTRIENT_LABELS[key]), text))
    return rows


def number(value: float, decimals: int) -> str:
    """``value`` as the user's locale writes it (QLocale follows the app's language)."""
    return QLocale().toString(float(value), "f", decimals)


def facts_text(facts: Profile) -> str:
    """The lines under a recipe's preview: a portion's weight, its categories, its plants
    and whether its live cultures survive."""
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
    return "\n".join(lines)
