"""The day panel's energy and protein: kept per entry, they must always equal the day
summed afresh, through edits and changes to the user's own foods."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from planner.core.amounts import FoodResolver
from planner.core.edits import AddFood, RemoveEntry, SetAmount
from planner.core.food import Food
from planner.core.plan import MEALS, Plan
from planner.core.totals import DayTotals, day_amounts
from tests.support.tinydata import tiny_catalog

KEYS = ("energy_kcal", "protein_g")


def test_kept_totals_equal_the_day_summed_afresh():
    catalog = tiny_catalog()
    soup = Food(
        id="my:soup",
        name="Soup",
        categories=frozenset({"fiber"}),
        serving_label="1 bowl",
        grams=300.0,
        nutrients={"energy_kcal": 150.0, "protein_g": 9.0},
    )
    catalog.set_user_foods([soup])
    totals = DayTotals(catalog, FoodResolver(catalog), KEYS)
    plan = Plan(date(2026, 11, 30))
    rng = random.Random(5)
    ids = [food.id for food in catalog] + ["no-such-food"]
    for _step in range(80):
        meal = rng.choice(MEALS)
        cell = plan.cell(0, meal)
        roll = rng.random()
        if cell and roll < 0.3:
            RemoveEntry(0, meal, rng.randrange(len(cell))).apply(plan)
        elif cell and roll < 0.6:
            SetAmount(0, meal, rng.randrange(len(cell)), rng.choice((0.5, 1.0, 2.5))).apply(plan)
        else:
            AddFood(0, meal, rng.choice(ids), rng.choice((1.0, 2.0))).apply(plan)
        assert totals.of(plan, 0) == day_amounts(plan, catalog, 0, KEYS)
    AddFood(0, "lunch", "my:soup").apply(plan)
    before = totals.of(plan, 0)
    # The soup edited in My Foods: its protein is no longer known, its energy changed.
    catalog.set_user_foods([replace(soup, nutrients={"energy_kcal": 90.0})])
    after = totals.of(plan, 0)
    assert after == day_amounts(plan, catalog, 0, KEYS) != before
    assert "Soup" in after["protein_g"][1] and "Soup" not in before["protein_g"][1]
