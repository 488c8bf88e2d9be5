"""A recipe's derived facts: what one portion holds (nutrients, with the unknown ones
named, category servings, plants, diet tags, foods to limit and live-culture status), all
computed from ``expand`` in planner.recipes.model; nothing is typed by hand."""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.core.foods import CATEGORIES, NUTRIENTS, Catalog, Food
from planner.recipes.model import (
    CATEGORY_MIN_SERVINGS,
    HEATED,
    LIVE,
    MAX_DEPTH,
    NO_CULTURES,
    Lookup,
    Recipe,
    expand,
)


@dataclass(frozen=True)
class Profile:
    """What one portion of a recipe holds, derived from its ingredients.

    ``nutrients[key]`` is None (unknown) when any food contributing to the portion has no
    value for it; ``known[key]`` is the sum over the foods whose value is known (a floor,
    as the day panel shows it), and ``unknown_from[key]`` names the foods missing it.
    A food not in the catalog makes every nutrient unknown and is named in ``missing``.
    """

    grams: float
    nutrients: dict[str, float | None]
    known: dict[str, float]
    unknown_from: dict[str, tuple[str, ...]]
    category_servings: dict[str, float]
    categories: frozenset[str]
    plants: tuple[str, ...]
    diet_tags: frozenset[str]
    live_cultures: str
    missing: tuple[str, ...] = ()
    limit_kinds: tuple[str, ...] = field(default=())


def profile(recipe: Recipe, catalog: Catalog, lookup: Lookup) -> Profile:
    """The derived facts of one portion of ``recipe``."""
    parts = expand(recipe, 1.0, lookup)
    known = dict.fromkeys(NUTRIENTS, 0.0)
    unknown_from: dict[str, list[str]] = {key: [] for key in NUTRIENTS}
    servings = dict.fromkeys(CATEGORIES, 0.0)
    plants: set[str] = set()
    tags: set[str] = set()
    limit_kinds: set[str] = set()
    missing: list[str] = []
    for food_id, grams in parts:
        food = catalog.get(food_id)
        if food is None:
            if food_id not in missing:
                missing.append(food_id)
            continue
        share = grams / food.grams
        for key in NUTRIENTS:
            value = food.nutrients.get(key)
            if value is None:
                if food.name not in unknown_from[key]:
                    unknown_from[key].append(food.name)
            else:
                known[key] += value * share
        for category in food.categories:
            servings[category] += share
        if food.plant:
            plants.add(food.plant)
        tags.update(food.tags)
        if food.limit_kind:
            limit_kinds.add(food.limit_kind)
    nutrients: dict[str, float | None] = {
        key: None if (missing or unknown_from[key]) else known[key] for key in NUTRIENTS
    }
    categories = frozenset(
        cat
        for cat, amount in servings.items()
        if (amount > 0 if cat == "limit" else amount >= CATEGORY_MIN_SERVINGS)
    )
    return Profile(
        grams=sum(grams for _fid, grams in parts),
        nutrients=nutrients,
        known=known,
        unknown_from={key: tuple(names) for key, names in unknown_from.items()},
        category_servings=servings,
        categories=categories,
        plants=tuple(sorted(plants)),
        diet_tags=frozenset(tags),
        live_cultures=_live_cultures(recipe, catalog, lookup),
        missing=tuple(missing),
        limit_kinds=tuple(sorted(limit_kinds)),
    )


def _live_cultures(recipe: Recipe, catalog: Catalog, lookup: Lookup, depth: int = 0) -> str:
    """LIVE if a live-culture food is added without being heated (in this recipe or one it
    uses, unless that recipe is itself heated), HEATED if every one is cooked, else
    NO_CULTURES."""
    seen = NO_CULTURES
    for item in recipe.counted:
        status = NO_CULTURES
        if item.food_id is not None:
            food = catalog.get(item.food_id)
            if food is not None and "probiotic" in food.categories:
                status = LIVE
        elif item.recipe_id is not None and depth < MAX_DEPTH:
            inner = lookup(item.recipe_id)
            if inner is not None:
                status = _live_cultures(inner, catalog, lookup, depth + 1)
        if status == LIVE and item.heated:
            status = HEATED
        if status == LIVE:
            return LIVE
        if status == HEATED:
            seen = HEATED
    return seen


def food_grams_to_servings(food: Food, grams: float) -> float:
    """Grams of a food as the plan's servings of it (what a plan entry holds today)."""
    return grams / food.grams
