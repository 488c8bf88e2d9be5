"""Evaluator numbers worked out by hand on a tiny catalog, and the promises the score makes."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from planner.core.edits import AddFood
from planner.core.plan import MEALS, Plan
from planner.scoring.evaluator import Evaluator
from planner.scoring.model import Preferences
from tests.support.tinydata import tiny_catalog

MONDAY = date(2026, 11, 30)
TINY = tiny_catalog()


def plan_with(*items):
    plan = Plan(MONDAY)
    for day, meal, food, servings in items:
        AddFood(day, meal, food, servings).apply(plan)
    return plan


def test_a_day_worked_out_by_hand(tiny_catalog):
    plan = plan_with(
        (0, "breakfast", "kefir", 1),
        (0, "breakfast", "oats", 2),
        (0, "dinner", "lentils", 1),
    )
    day = Evaluator(tiny_catalog).evaluate(plan).days[0]
    # probiotic 1 of 2 -> 12.5; prebiotic 3 of 2 -> 25; fiber 2*4 + 8 = 16 of 30 -> 16;
    # no limit foods -> 20. Total 73.5.
    assert [p.points for p in day.parts] == pytest.approx([12.5, 25, 16, 20])
    assert day.score == pytest.approx(73.5)
    assert [p.sentence for p in day.parts] == [
        "Probiotic 1 of 2 servings",
        "Prebiotic 3 servings: target met",
        "Fiber 16 of 30 g",
        "No foods to limit",
    ]
    assert day.fiber_g == pytest.approx(16)
    assert day.plants == ("lentils", "oats")
    assert day.why == "Score 74: probiotic 1 of 2 servings; fiber 16 of 30 g."
    vit_a = next(s for s in day.skin if s.key == "vit_a_ug")
    assert vit_a.share == pytest.approx(90 / 900)


def test_limit_foods_and_their_sentence(tiny_catalog):
    plan = plan_with(
        (1, "dinner", "beer", 2), (1, "dinner", "fries", 1), (1, "lunch", "spinach", 1)
    )
    day = Evaluator(tiny_catalog).evaluate(plan).days[1]
    # three limit servings empty the limit part; fries' fiber does not count: fiber 2 of 30.
    assert day.part("limit").points == pytest.approx(0)
    assert day.part("limit").sentence == "Limit foods: 2 drinks of alcohol, 1 deep-fried serving"
    assert day.part("fiber").points == pytest.approx(30 * 2 / 30)
    assert day.fiber_g == pytest.approx(6)  # what was eaten, fries included
    assert day.score == pytest.approx(2)


def test_dairy_counts_only_for_acne_prone_and_beyond_one_serving(tiny_catalog):
    plan = plan_with((0, "lunch", "cheese", 2))
    relaxed = Evaluator(tiny_catalog).evaluate(plan).days[0]
    acne = Evaluator(tiny_catalog, prefs=Preferences(acne_prone=True)).evaluate(plan).days[0]
    assert relaxed.part("limit").points == pytest.approx(20)
    assert acne.part("limit").points == pytest.approx(20 * (1 - 1 / 3))
    assert acne.part("limit").sentence == "Limit foods: 1 extra serving of dairy"


def test_fiber_target_is_a_preference(tiny_catalog):
    plan = plan_with((0, "lunch", "lentils", 2))
    day = Evaluator(tiny_catalog, prefs=Preferences(fiber_target_g=25)).evaluate(plan).days[0]
    assert day.part("fiber").points == pytest.approx(30 * 16 / 25)
    assert day.part("fiber").sentence == "Fiber 16 of 25 g"


def test_empty_day_is_not_planned_and_unknown_food_is_reported(tiny_catalog):
    plan = plan_with((0, "lunch", "no-such-food", 1), (1, "lunch", "apple", 1))
    result = Evaluator(tiny_catalog).evaluate(plan)
    assert not result.days[0].planned and result.days[0].score is None
    assert result.days[0].unknown_foods == ("no-such-food",)
    assert result.days[2].why == "Not planned yet."
    apple_day = result.days[1]
    assert apple_day.fiber_unknown == ("Apple",)
    assert "unknown for Apple" in apple_day.part("fiber").sentence


def test_week_average_plants_and_fermented_days(tiny_catalog):
    plan = plan_with(
        (0, "lunch", "kimchi", 2),
        (1, "lunch", "spinach", 1),
        (1, "dinner", "spinach_cooked", 1),
        (3, "lunch", "kefir", 1),
    )
    result = Evaluator(tiny_catalog).evaluate(plan)
    week = result.weeks[0]
    scores = [d.score for d in result.days if d.planned]
    assert week.average == pytest.approx(sum(scores) / 3)
    assert week.plants == ("cabbage", "spinach")  # raw and cooked spinach are one plant
    assert week.fermented_days == 2
    assert week.plants_target == 30


def test_scoring_some_days_gives_what_scoring_the_whole_plan_gives_them(tiny_catalog):
    plan = plan_with(
        (0, "lunch", "kimchi", 2), (1, "lunch", "spinach", 1), (3, "lunch", "kefir", 1)
    )
    evaluator = Evaluator(tiny_catalog)
    whole = evaluator.evaluate(plan)
    assert evaluator.score_days(plan, [3, 1, 1]) == (whole.days[1], whole.days[3])
    assert evaluator.score_days(plan, []) == ()


def test_suggestions_rank_by_gain_and_skip_avoided_tags(tiny_catalog):
    plan = plan_with((0, "lunch", "oats", 2))
    ev = Evaluator(tiny_catalog)
    top = ev.suggest(plan, 0, top=3)
    # Kefir and kimchi both add 12.5 probiotic points; kimchi also adds 2 g fiber (+2).
    assert [s.food_id for s in top][:2] == ["kimchi", "kefir"]
    assert top[0].gain == pytest.approx(14.5)
    assert all(s.gain > 0 for s in top)
    avoid = Evaluator(tiny_catalog, prefs=Preferences(avoid_tags=frozenset({"dairy"})))
    assert "kefir" not in [s.food_id for s in avoid.suggest(plan, 0, top=20)]
    assert "fries" not in [s.food_id for s in ev.suggest(plan, 0, top=20)]


def test_suggestions_match_rescoring_each_food(tiny_catalog):
    plan = plan_with((0, "lunch", "oats", 1), (0, "dinner", "beer", 1))
    ev = Evaluator(tiny_catalog)
    before = ev.evaluate(plan, [0]).days[0].score
    for suggestion in ev.suggest(plan, 0, top=20):
        trial = plan.copy()
        AddFood(0, "snacks", suggestion.food_id).apply(trial)
        after = ev.evaluate(trial, [0]).days[0].score
        assert after - before == pytest.approx(suggestion.gain)


GOOD = ["kefir", "kimchi", "oats", "lentils", "spinach", "apple", "water"]
LIMIT = ["fries", "beer", "cheese"]
day_items = st.lists(
    st.tuples(st.sampled_from(GOOD + LIMIT), st.sampled_from(MEALS), st.integers(1, 4)),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(day_items, st.sampled_from(GOOD + LIMIT), st.booleans(), st.integers(15, 45))
def test_good_foods_never_lower_and_limit_foods_never_raise(items, added, acne, target):
    catalog = TINY
    ev = Evaluator(catalog, prefs=Preferences(fiber_target_g=target, acne_prone=acne))
    plan = Plan(MONDAY)
    for food, meal, servings in items:
        try:
            AddFood(0, meal, food, servings).apply(plan)
        except Exception:
            assume(False)
    # An empty day is "not planned", which is not a score to compare with.
    assume(not plan.is_day_empty(0))
    before = ev.evaluate(plan, [0], tips=False).days[0].score
    AddFood(0, "snacks", added, 1).apply(plan)
    after = ev.evaluate(plan, [0], tips=False).days[0].score
    if added in GOOD:
        assert after >= before - 1e-9
    else:
        assert after <= before + 1e-9
