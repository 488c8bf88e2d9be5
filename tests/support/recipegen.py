"""What the recipe properties share: random dishes of curated foods that use a base recipe,
and the foods such a dish holds worked out by hand."""

from __future__ import annotations

from hypothesis import strategies as st

from planner.recipes.model import Ingredient, Recipe

CURATED_IDS = [
    "kefir", "garlic", "onion", "lentils", "oats", "salmon", "turmeric", "sugar", "cola",
    "cheddar", "blueberries", "olive-oil", "spinach", "kimchi", "miso", "whole-milk",
]  # fmt: skip

# A recipe's foods: (curated food id, grams in the whole recipe).
ingredients = st.lists(
    st.tuples(st.sampled_from(CURATED_IDS), st.floats(1, 400, allow_nan=False)),
    min_size=1,
    max_size=8,
)


def nested_dish(
    outer: list[tuple[str, float]],
    inner: list[tuple[str, float]],
    inner_grams: float,
    portions: float,
) -> tuple[Recipe, Recipe]:
    """A base of ``inner`` (3 portions) and a dish of ``outer`` plus ``inner_grams`` of it."""
    base = Recipe("base", "Base", 3, tuple(Ingredient(fid, grams=g) for fid, g in inner))
    dish = Recipe(
        "dish",
        "Dish",
        portions,
        (
            *(Ingredient(fid, grams=g) for fid, g in outer),
            Ingredient(recipe_id="base", grams=inner_grams),
        ),
    )
    return base, dish


def eaten_by_hand(
    outer: list[tuple[str, float]],
    inner: list[tuple[str, float]],
    inner_grams: float,
    portions: float,
    eaten: float,
) -> list[tuple[str, float]]:
    """The grams of each food in ``eaten`` portions of the nested dish: each outer food's
    share of the portions, the base's foods by the base's share of its own weight."""
    by_hand = [(fid, g * eaten / portions) for fid, g in outer]
    base_share = inner_grams * eaten / portions / sum(g for _f, g in inner)
    return by_hand + [(fid, g * base_share) for fid, g in inner]
