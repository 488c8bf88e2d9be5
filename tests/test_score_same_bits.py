"""A day's score does not depend on which other days are scored with it: the grid (a
day re-scored alone after an edit), the week's average and the PDF (the whole plan at
once) show the same numbers, to the last bit, on any processor."""

from __future__ import annotations

import random

import numpy as np

from planner.core.edits import AddFood
from planner.core.plan import MEALS, Plan
from planner.scoring.evaluator import Evaluator
from planner.scoring.formula import SUM_KEYS, weighted_sum
from tests.support.gui import START


def test_the_formula_gives_a_row_the_same_bits_alone_or_among_others(catalog):
    evaluator = Evaluator(catalog)
    rng = np.random.default_rng(7)
    # Sums over the range real days reach, and beyond it (clipped ramps, big loads).
    sums = rng.random((200, len(SUM_KEYS))) * rng.choice([1.0, 10.0, 100.0, 1000.0], (200, 1))
    parts, completeness, scores = evaluator.points(sums.copy())
    load = evaluator.load(sums.copy())
    for i in range(len(sums)):
        one_parts, one_completeness, one_score = evaluator.points(sums[i : i + 1].copy())
        assert np.array_equal(one_parts[:, 0], parts[:, i])
        assert one_completeness[0] == completeness[i] and one_score[0] == scores[i]
        assert evaluator.load(sums[i].copy())[0] == load[i]


def test_days_scored_alone_equal_the_whole_plan_scored_at_once(catalog):
    foods = sorted(food.id for food in catalog)[::7]
    picker = random.Random(11)
    plan = Plan(START, weeks=4)
    for day in range(plan.day_count - 2):  # the last two days stay empty
        for _ in range(picker.randint(1, 9)):
            amount = picker.choice([0.5, 1.0, 1.5, 2.0, 3.0])
            AddFood(day, picker.choice(MEALS), picker.choice(foods), amount).apply(plan)
    evaluator = Evaluator(catalog)
    whole = evaluator.evaluate(plan, tips=False)
    alone = [evaluator.score_days(plan, [day], tips=False)[0] for day in range(plan.day_count)]
    assert alone == list(whole.days)
    for week, summary in enumerate(whole.weeks):
        in_week = tuple(alone[week * 7 : week * 7 + 7])
        assert evaluator.week_score(plan, week, in_week) == summary


def test_the_weighted_sum_has_the_same_bits_for_few_rows_and_many():
    """Few rows take one accumulate call and many a loop over the columns: both add left
    to right, so a day alone and among a whole plan's agree to the bit."""
    rng = np.random.default_rng(7)
    for columns in (1, 5, 8, 12):
        values = rng.random((200, columns)) * rng.choice([1e-3, 1.0, 50.0, 1e6], size=columns)
        for weights in (rng.random(columns), rng.random((columns, 5))):
            many = weighted_sum(values, weights)
            for row in range(0, 200, 7):
                few = weighted_sum(values[row : row + 1], weights)
                assert np.array_equal(few[0], many[row])
