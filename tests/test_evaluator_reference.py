"""The evaluator agrees with the plain, one-food-at-a-time score
(tests/support/reference_evaluator.py) on random plans over the full catalog, through both
of its group-by paths (pandas for a whole plan, dicts for a re-score of a few days), and its
suggestions' gains are what re-scoring the day with the food added gives."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.edits import AddFood
from planner.core.foods import Catalog
from planner.core.plan import MEALS, Plan
from planner.errors import PlanError
from planner.scoring.evaluator import Evaluator
from planner.scoring.model import PART_KEYS, Preferences
from tests.support.reference_evaluator import ReferenceEvaluator

MONDAY = date(2026, 11, 30)
CATALOG = Catalog.load()
FOODS_ALL = list(CATALOG)
# Curated foods, fermented foods, foods to limit, plants, SR28 foods with unknown values,
# and ids that are not in the catalog at all.
FERMENTED = [f.id for f in FOODS_ALL if f.live_cultures]
FLAGGED = [f.id for f in FOODS_ALL if f.flags][::40]
PLANTS = [f.id for f in FOODS_ALL if f.species][::15]
UNKNOWN_VALUES = [f.id for f in FOODS_ALL if None in f.nutrients.values()][::200]
CURATED = [f.id for f in FOODS_ALL if f.origin == "curated"]
FOODS = CURATED + FERMENTED + FLAGGED + PLANTS + UNKNOWN_VALUES + ["no-such-food", "sr:99999"]

entries = st.lists(
    st.tuples(
        st.integers(0, 13),
        st.sampled_from(MEALS),
        st.sampled_from(FOODS),
        st.sampled_from([0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 7.0]),
    ),
    max_size=60,
)
prefs = st.builds(
    Preferences,
    fiber_target_g=st.sampled_from([None, 20.0, 38.0]),
    acne_prone=st.booleans(),
    avoid_tags=st.sampled_from([frozenset(), frozenset({"dairy"}), frozenset({"gluten", "fish"})]),
)


def make_plan(items) -> Plan:
    plan = Plan(MONDAY, weeks=2)
    for day, meal, food_id, servings in items:
        with contextlib.suppress(PlanError):  # over 20 servings in one entry: left out
            AddFood(day, meal, food_id, servings).apply(plan)
    return plan


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries, prefs)
def test_both_paths_agree_with_the_plain_score(items, preferences):
    plan = make_plan(items)
    evaluator = Evaluator(CATALOG, prefs=preferences)
    reference = ReferenceEvaluator(CATALOG, prefs=preferences)
    whole = evaluator.evaluate(plan, tips=False)
    few = evaluator.score_days(plan, range(plan.day_count), tips=False)
    for new, again in zip(whole.days, few, strict=True):
        expected = reference.day(plan, new.day)
        assert new.planned == (expected is not None) == again.planned
        if expected is None:
            continue
        assert new.score == pytest.approx(expected.score, abs=1e-9)
        assert again.score == pytest.approx(expected.score, abs=1e-9)
        assert [p.points for p in new.parts] == pytest.approx(
            [expected.parts[k] for k in PART_KEYS], abs=1e-9
        )
        assert new.completeness == pytest.approx(expected.completeness)
        assert len(new.plants) == expected.plants
        assert (new.plants, new.unknown, new.limit_servings.keys()) == (
            again.plants,
            again.unknown,
            again.limit_servings.keys(),
        )


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries, st.booleans())
def test_suggestion_gains_are_what_adding_the_food_gives(items, familiar):
    plan = make_plan(items)
    evaluator = Evaluator(CATALOG)
    reference = ReferenceEvaluator(CATALOG)
    before = reference.day(plan, 0)
    for suggestion in evaluator.suggest(plan, 0, top=5, familiar_first=familiar):
        trial = plan.copy()
        AddFood(0, "snacks", suggestion.food_id).apply(trial)
        after = reference.day(trial, 0)
        assert after.score - (before.score if before else 0.0) == pytest.approx(suggestion.gain)


def test_narrowing_a_large_pool_leaves_the_suggestions_as_they_were(catalog, monkeypatch):
    """Suggestions over every food first leave out foods that could not raise the day.
    On random days of the full catalog, sparse and rich (parts at their targets, where
    only a new plant or more energy can help), every food left out gains nothing, and
    the suggestions are exactly those of scoring every food."""
    import random

    import numpy as np

    from planner.scoring import suggestions

    ids = [food.id for food in catalog]
    rng = random.Random(3)
    evaluator = Evaluator(catalog)
    table = evaluator.table()
    everyone = evaluator._pools(table)[1]
    for day in range(30):
        plan = Plan(date(2026, 11, 30))
        rich = day % 2 == 1
        for _entry in range(rng.randrange(25, 45) if rich else rng.randrange(0, 12)):
            amount = rng.choice((2.0, 4.0)) if rich else rng.choice((0.5, 1.0, 3.0))
            AddFood(0, rng.choice(MEALS), rng.choice(ids), amount).apply(plan)
        if day % 4 == 3:  # rich in parts, short of whole-food energy
            plan = Plan.from_entries(
                plan.start, 1, [(0, m, e) for m, _i, e in plan.day_entries(0) if e.amount < 3]
            )
        grouped = suggestions.group_numpy(table, plan, [0], evaluator.resolver)
        base = evaluator._state(table, grouped.rows, grouped.servings, grouped.live)
        may = evaluator._may_raise(table, base, everyone)
        scores, _parts = evaluator._with_one_more(table, base, everyone)
        assert np.all(scores[~may] <= base.score + 1e-9)
        narrowed = Evaluator(catalog).suggest(plan, 0, top=8, swaps=True)
        with monkeypatch.context() as patch:
            patch.setattr(suggestions, "PRUNE_FROM", 10**9)
            whole = Evaluator(catalog).suggest(plan, 0, top=8, swaps=True)
        assert narrowed == whole
