"""The scoring's name rules run once in the catalog build, not at each start: the shipped
foods carry the rules their names match, and the scores are the same as when the scoring
runs the rules itself, for every food of the catalog."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pandas as pd
import pytest

from planner.core.edits import AddFood
from planner.core.foods import SR28, USER, Catalog, Food
from planner.core.plan import DAYS_PER_WEEK, MAX_WEEKS, Plan
from planner.scoring.evaluator import Evaluator
from planner.scoring.frames import CatalogFrame
from planner.scoring.namerules import NAME_RULES, name_rules_of


@pytest.fixture(scope="module")
def shipped() -> list[Food]:
    return [food for food in Catalog.load() if food.origin != USER]


@pytest.fixture(scope="module")
def unshipped(shipped: list[Food]) -> list[Food]:
    """The same foods as a catalog built before the rules were shipped would give them."""
    return [replace(food, name_rules=None) for food in shipped]


def test_every_shipped_food_carries_the_rules_its_name_matches(shipped: list[Food]) -> None:
    assert len(shipped) > 8_800  # curated and all of SR28
    stale = [f.id for f in shipped if f.name_rules != frozenset(name_rules_of(f.name))]
    assert stale == []  # else: python -m tools.catalog_build
    seen = frozenset().union(*(food.name_rules or frozenset() for food in shipped))
    assert seen == set(NAME_RULES)  # every rule finds some food


def test_the_table_from_shipped_rules_is_the_table_from_running_them(
    shipped: list[Food], unshipped: list[Food]
) -> None:
    fast, slow = CatalogFrame(shipped), CatalogFrame(unshipped)
    pd.testing.assert_frame_equal(fast.df, slow.df)
    assert np.array_equal(fast.amounts, slow.amounts)
    assert np.array_equal(fast.suggestable, slow.suggestable)


def _one_food_a_day(foods: list[Food], start: int) -> Plan:
    plan = Plan(date(2026, 11, 30), MAX_WEEKS)
    for day, food in enumerate(foods[start : start + MAX_WEEKS * DAYS_PER_WEEK]):
        AddFood(day, "lunch", food.id, 1.0).apply(plan)
    return plan


def test_every_food_scores_the_same_either_way(shipped: list[Food], unshipped: list[Food]) -> None:
    """Each food alone on a day, one serving: the whole catalog, 364 days a plan."""
    fast, slow = Evaluator(Catalog(shipped)), Evaluator(Catalog(unshipped))
    for start in range(0, len(shipped), MAX_WEEKS * DAYS_PER_WEEK):
        plan = _one_food_a_day(shipped, start)
        assert fast.evaluate(plan, tips=False) == slow.evaluate(plan, tips=False), start


def test_own_foods_run_the_rules_on_their_own_names() -> None:
    """An own food copied from a shipped one and renamed is scored by its new name."""
    catalog = Catalog.load()
    teas = [f for f in catalog if f.origin == SR28 and "tea" in (f.name_rules or ())]
    tea = teas[int(np.argmax(CatalogFrame(teas).column("tea_cups")))]
    renamed = replace(tea, id="my:drink", name="Hot water", origin=USER)
    frame = CatalogFrame([tea, renamed])
    cups = frame.column("tea_cups")
    assert cups[0] > 0 and cups[1] == 0
