"""The starter library: every recipe loads, names real foods, and scores well."""

from __future__ import annotations

from datetime import date

import pytest

from planner.core.plan import Entry, Plan
from planner.recipes.book import RecipeBook, load_starter
from planner.recipes.model import MEAL_TYPES, missing_foods
from planner.scoring.evaluator import Evaluator

START = date(2026, 11, 30)


@pytest.fixture(scope="module")
def book(catalog):
    return RecipeBook.load(catalog)


def _day_score(catalog, pairs) -> float:
    entries = [(0, "lunch", Entry(fid, grams / catalog[fid].grams)) for fid, grams in pairs]
    score = Evaluator(catalog).evaluate(Plan.from_entries(START, 1, entries)).days[0].score
    assert score is not None
    return score


def test_the_library_covers_every_meal_with_methods(book):
    recipes = load_starter()
    assert len(recipes) >= 24
    assert len({r.id for r in recipes}) == len(recipes)
    meals = {r.meal for r in recipes}
    assert {"breakfast", "lunch", "dinner", "snack"} <= meals <= set(MEAL_TYPES)
    for recipe in recipes:
        assert recipe.method.count("\n") >= 1, recipe.name  # a few lines
        assert len(recipe.counted) >= 3 or recipe.meal == "snack", recipe.name


def test_every_ingredient_is_a_catalog_food(book, catalog):
    assert missing_foods(book, catalog) == []
    for recipe in book:
        facts = book.profile(recipe)
        assert 50 <= facts.grams <= 800, recipe.name  # a realistic portion
        assert facts.nutrients["energy_kcal"] is not None, recipe.name


def test_the_named_dishes_of_the_issue_are_there(book):
    names = " | ".join(r.name.casefold() for r in book)
    dishes = (
        "overnight oats with kefir and berries", "lentil soup", "salmon with asparagus",
        "kimchi rice bowl", "chickpea and spinach curry", "miso soup with tofu",
    )  # fmt: skip
    for words in dishes:
        assert words in names
    miso = book["miso-soup-tofu"]
    assert "after" in miso.method.casefold() or "off the heat" in miso.method.casefold()
    assert book.profile(miso).live_cultures == "live"


def test_each_portion_scores_above_a_plain_refined_meal(book, catalog):
    # white bread and cheddar: nothing to limit in the current score, but nothing for the gut
    refined = _day_score(catalog, [("sr:18069", 58.0), ("cheddar", 28.35)])
    scores = {r.name: _day_score(catalog, book.expand(r, 1)) for r in book}
    low = {name: score for name, score in scores.items() if score <= refined}
    assert not low, f"below the refined meal ({refined:.1f}): {low}"
    ordered = sorted(scores.values())
    assert ordered[len(ordered) // 2] > 1.5 * refined  # the median recipe, well above
