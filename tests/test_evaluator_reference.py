"""The evaluator agrees with the first, pandas-based one (tests/support/reference_evaluator.py) on
random plans over the full catalog: scores, sentences, lists of foods and suggestions."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.edits import AddFood
from planner.core.foods import Catalog
from planner.core.plan import MEALS, Plan
from planner.scoring.evaluator import Evaluator
from planner.scoring.model import DayScore, Preferences
from tests.support.reference_evaluator import ReferenceEvaluator

MONDAY = date(2026, 11, 30)
CATALOG = Catalog.load()
# Curated foods, the foods to limit, SR28 foods with unknown nutrients, and ids that are
# not in the catalog at all.
LIMITS = [f.id for f in CATALOG if f.is_limit]
UNKNOWN_VALUES = [f.id for f in CATALOG if None in f.nutrients.values()][:40]
CURATED = [f.id for f in CATALOG if f.origin == "curated"]
SR28 = [f.id for f in CATALOG if f.origin == "sr28"][::97]
FOODS = CURATED + LIMITS[:30] + UNKNOWN_VALUES + SR28 + ["no-such-food", "sr:99999"]

entries = st.lists(
    st.tuples(
        st.integers(0, 13),
        st.sampled_from(MEALS),
        st.sampled_from(FOODS),
        st.sampled_from([0.5, 1.0, 1.5, 2.0, 3.0]),
    ),
    max_size=60,
)
prefs = st.builds(
    Preferences,
    fiber_target_g=st.sampled_from([None, 20.0, 38.0]),
    acne_prone=st.booleans(),
    avoid_tags=st.sampled_from([frozenset(), frozenset({"dairy"}), frozenset({"gluten", "fish"})]),
)


def same_day(new: DayScore, old: DayScore) -> None:
    assert (new.day, new.date, new.planned) == (old.day, old.date, old.planned)
    assert new.score == pytest.approx(old.score)
    assert [(p.key, p.label, p.max_points, p.sentence) for p in new.parts] == [
        (p.key, p.label, p.max_points, p.sentence) for p in old.parts
    ]
    assert [p.points for p in new.parts] == pytest.approx([p.points for p in old.parts])
    assert new.fiber_g == pytest.approx(old.fiber_g)
    assert (new.fiber_unknown, new.plants, new.unknown_foods) == (
        old.fiber_unknown,
        old.plants,
        old.unknown_foods,
    )
    assert new.servings == pytest.approx(old.servings)
    assert list(new.limit_servings) == list(old.limit_servings)
    assert new.limit_servings == pytest.approx(old.limit_servings)
    assert [(s.key, s.label, s.unit, s.unknown_foods) for s in new.skin] == [
        (s.key, s.label, s.unit, s.unknown_foods) for s in old.skin
    ]
    assert [v for s in new.skin for v in (s.amount, s.share)] == pytest.approx(
        [v for s in old.skin for v in (s.amount, s.share)]
    )
    assert (new.why, new.tip) == (old.why, old.tip)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries, prefs, st.booleans())
def test_scores_match_the_pandas_evaluator(items, preferences, tips):
    plan = Plan(MONDAY, weeks=2)
    for day, meal, food, servings in items:
        AddFood(day, meal, food, servings).apply(plan)
    new = Evaluator(CATALOG, prefs=preferences).evaluate(plan, tips=tips)
    old = ReferenceEvaluator(CATALOG, prefs=preferences).evaluate(plan, tips=tips)
    assert len(new.days) == len(old.days)
    for new_day, old_day in zip(new.days, old.days, strict=True):
        same_day(new_day, old_day)
    for new_week, old_week in zip(new.weeks, old.weeks, strict=True):
        assert new_week.average == pytest.approx(old_week.average)
        assert (new_week.plants, new_week.fermented_days) == (
            old_week.plants,
            old_week.fermented_days,
        )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries, prefs, st.integers(0, 13), st.sampled_from([1, 5, 40]), st.booleans())
def test_suggestions_match_the_pandas_evaluator(items, preferences, day, top, familiar):
    plan = Plan(MONDAY, weeks=2)
    for d, meal, food, servings in items:
        AddFood(d, meal, food, servings).apply(plan)
    new = Evaluator(CATALOG, prefs=preferences).suggest(plan, day, top, familiar_first=familiar)
    old = ReferenceEvaluator(CATALOG, prefs=preferences).suggest(
        plan, day, top, familiar_first=familiar
    )
    assert [(s.food_id, s.name, s.serving_label, s.reason) for s in new] == [
        (s.food_id, s.name, s.serving_label, s.reason) for s in old
    ]
    assert [v for s in new for v in (s.gain, s.new_score)] == pytest.approx(
        [v for s in old for v in (s.gain, s.new_score)]
    )


def test_only_the_days_asked_for_are_scored():
    plan = Plan(MONDAY, weeks=2)
    AddFood(9, "lunch", "kefir").apply(plan)
    result = Evaluator(CATALOG).evaluate(plan, [9, 2], tips=False)
    assert [d.day for d in result.days] == [2, 9]
    assert not result.days[0].planned and result.days[1].planned
    assert [w.week for w in result.weeks] == [0, 1]
