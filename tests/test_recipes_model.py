"""The recipe model: expansion, nesting and cycles, derived facts, and the property that a
recipe's day totals equal those of its ingredients entered one by one."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.foods import NUTRIENTS, Catalog, Food
from planner.core.plan import Entry, Plan
from planner.errors import RecipeError
from planner.recipes.book import RecipeBook
from planner.recipes.model import HEATED, LIVE, NO_CULTURES, Ingredient, Recipe, expand
from planner.recipes.profile import profile
from planner.recipes.recipejson import recipe_from_json, recipe_to_json
from planner.scoring.evaluator import Evaluator
from tests.support.recipegen import eaten_by_hand, ingredients, nested_dish

START = date(2026, 11, 30)


def food(food_id: str, grams: float = 100.0, fiber: float | None = 2.0, **kw) -> Food:
    return Food(
        id=food_id,
        name=kw.pop("name", food_id.title()),
        categories=frozenset(kw.pop("categories", ())),
        serving_label="1 serving",
        grams=grams,
        nutrients={key: (fiber if key == "fiber_g" else 1.0) for key in NUTRIENTS},
        **kw,
    )


def rec(recipe_id: str, *items: Ingredient, portions: float = 2.0, name: str = "") -> Recipe:
    return Recipe(recipe_id, name or recipe_id.title(), portions, tuple(items))


def test_expand_scales_by_portions_and_nests_by_weight():
    dressing = rec(
        "dressing", Ingredient("oil", grams=30), Ingredient("lemon", grams=10), portions=4
    )
    salad = rec("salad", Ingredient("kale", grams=200), Ingredient(recipe_id="dressing", grams=20))
    book = {r.id: r for r in (dressing, salad)}
    # 1 portion of 2: 100 g kale and 10 g of a 40 g dressing, a quarter of each of its foods
    assert expand(salad, 1, book.get) == [("kale", 100.0), ("oil", 7.5), ("lemon", 2.5)]


def test_a_cycle_is_refused_with_its_names():
    catalog = Catalog([food("oil")])
    book = RecipeBook(catalog, [rec("a", Ingredient("oil", grams=1), name="Base")])
    book.put(rec("b", Ingredient(recipe_id="a", grams=5), name="Sauce"))
    looped = rec("a", Ingredient(recipe_id="b", grams=5), name="Base")
    with pytest.raises(RecipeError, match="Base → Sauce → Base"):
        book.put(looped)
    assert book["a"].counted[0].food_id == "oil"  # the book is unchanged
    with pytest.raises(RecipeError, match="itself"):
        rec("c", Ingredient(recipe_id="c", grams=5))


def test_a_note_is_kept_and_weighs_nothing():
    recipe = rec("r", Ingredient("oil", grams=10), Ingredient.note("salt to taste"))
    assert recipe.notes == ("salt to taste",)
    assert expand(recipe, 2, {}.get) == [("oil", 10.0)]
    assert recipe_from_json(recipe_to_json(recipe)) == recipe


def test_partial_unknowns_stay_unknown_with_a_floor():
    catalog = Catalog([food("a", fiber=3.0), food("b", fiber=None, name="Mystery")])
    recipe = rec("r", Ingredient("a", grams=100), Ingredient("b", grams=100), portions=1)
    facts = profile(recipe, catalog, {}.get)
    assert facts.nutrients["fiber_g"] is None
    assert facts.known["fiber_g"] == pytest.approx(3.0)
    assert facts.unknown_from["fiber_g"] == ("Mystery",)
    assert facts.nutrients["vit_c_mg"] == pytest.approx(2.0)


def test_categories_need_half_a_serving_but_a_food_to_limit_always_counts():
    catalog = Catalog(
        [
            food("spice", grams=2, categories={"anti_inflammatory"}),
            food("bean", grams=100, categories={"fiber"}),
            food("sugar", grams=4, categories={"limit"}, limit_kind="refined_sugar"),
        ]
    )
    recipe = rec(
        "r", Ingredient("spice", grams=1), Ingredient("bean", grams=200),
        Ingredient("sugar", grams=0.5), portions=2,
    )  # fmt: skip
    facts = profile(recipe, catalog, {}.get)
    assert facts.categories == {"fiber", "limit"}
    assert facts.category_servings["anti_inflammatory"] == pytest.approx(0.25)


def test_live_cultures_survive_only_when_not_heated():
    catalog = Catalog([food("miso", categories={"probiotic"}), food("tofu")])
    cold = rec("cold", Ingredient("tofu", grams=100), Ingredient("miso", grams=20))
    boiled = rec("hot", Ingredient("tofu", grams=100), Ingredient("miso", grams=20, heated=True))
    plain = rec("plain", Ingredient("tofu", grams=100))
    assert profile(cold, catalog, {}.get).live_cultures == LIVE
    assert profile(boiled, catalog, {}.get).live_cultures == HEATED
    assert profile(plain, catalog, {}.get).live_cultures == NO_CULTURES


def test_search_finds_names_and_ingredients(catalog):
    book = RecipeBook.load(catalog)
    assert next(r.id for r in book.search("lentil soup")) == "lentil-soup-leek"
    by_ingredient = book.search("kefir")
    assert "overnight-oats-kefir-berries" in {r.id for r in by_ingredient}
    assert all(r.meal in ("breakfast", "any") for r in book.search("", meal="breakfast"))


# -- the property ----------------------------------------------------------------------


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    outer=ingredients,
    inner=ingredients,
    inner_grams=st.floats(5, 300, allow_nan=False),
    portions=st.sampled_from([1.0, 2.0, 3.0, 4.0]),
    eaten=st.sampled_from([0.5, 1.0, 1.5]),
)
def test_a_recipe_scores_as_its_ingredients_entered_one_by_one(
    catalog, outer, inner, inner_grams, portions, eaten
):
    base, dish = nested_dish(outer, inner, inner_grams, portions)
    book = RecipeBook(catalog, [base, dish])
    by_hand = eaten_by_hand(outer, inner, inner_grams, portions, eaten)
    if any(g / catalog[f].grams > 20 for f, g in by_hand):
        return  # more than a plan entry may hold today

    def day(pairs):
        entries = [(0, "lunch", Entry(f, g / catalog[f].grams)) for f, g in pairs]
        return Evaluator(catalog).evaluate(Plan.from_entries(START, 1, entries)).days[0]

    one_by_one = day(by_hand)
    expanded = day(book.expand(dish, eaten))
    assert expanded.score == pytest.approx(one_by_one.score)
    assert expanded.fiber_g == pytest.approx(one_by_one.fiber_g)
    assert expanded.plants == one_by_one.plants
    assert expanded.limit_servings == pytest.approx(one_by_one.limit_servings)
    for a, b in zip(expanded.skin, one_by_one.skin, strict=True):
        assert a.amount == pytest.approx(b.amount)
    # and the recipe's derived per-portion nutrients agree with the evaluator's day (its
    # plants and category amounts follow the score's own rules: minimum portions, species)
    facts = book.profile(dish)
    assert facts.known["fiber_g"] * eaten == pytest.approx(one_by_one.fiber_g)
    assert math.isfinite(one_by_one.score)
