from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.drop import copy_entry, move_entry
from planner.core.edits import (
    AddFood,
    Batch,
    RemoveEntry,
    SetAmount,
    SetStart,
    SetWeeks,
    clear_day,
    copy_day,
    copy_week,
)
from planner.core.plan import MEALS, Change, Entry, Plan
from planner.errors import PlanError

MONDAY = date(2026, 11, 30)


def make_plan() -> Plan:
    plan = Plan(MONDAY)
    AddFood(0, "breakfast", "kefir").apply(plan)
    AddFood(0, "breakfast", "oats", 2).apply(plan)
    AddFood(0, "dinner", "lentils").apply(plan)
    AddFood(2, "lunch", "spinach", 1.5).apply(plan)
    return plan


def test_add_appends_and_merges_the_same_food():
    plan = make_plan()
    assert plan.cell(0, "breakfast") == (Entry("kefir", 1.0), Entry("oats", 2.0))
    AddFood(0, "breakfast", "kefir").apply(plan)
    assert plan.cell(0, "breakfast") == (Entry("kefir", 2.0), Entry("oats", 2.0))


@pytest.mark.parametrize("servings", [0, -1, 20.5, float("nan"), float("inf"), "2", True])
def test_bad_servings_are_refused_and_change_nothing(servings):
    plan = make_plan()
    before = plan.snapshot()
    with pytest.raises(PlanError):
        AddFood(1, "lunch", "kefir", servings).apply(plan)
    with pytest.raises(PlanError):
        SetAmount(0, "breakfast", 0, servings).apply(plan)
    assert plan.snapshot() == before


def test_merging_past_twenty_servings_is_refused():
    plan = make_plan()
    SetAmount(0, "breakfast", 0, 19).apply(plan)
    with pytest.raises(PlanError, match="at most 20"):
        AddFood(0, "breakfast", "kefir", 2).apply(plan)
    assert plan.cell(0, "breakfast")[0] == Entry("kefir", 19.0)


def test_day_and_meal_are_checked():
    plan = make_plan()
    with pytest.raises(PlanError, match="Day 7 does not exist"):
        AddFood(7, "lunch", "kefir").apply(plan)
    with pytest.raises(PlanError, match="not a meal"):
        AddFood(0, "brunch", "kefir").apply(plan)
    with pytest.raises(PlanError):
        RemoveEntry(0, "lunch", 0).apply(plan)


def test_move_and_copy():
    plan = make_plan()
    move_entry(plan, 0, "breakfast", 1, 1, "lunch").apply(plan)
    assert plan.cell(0, "breakfast") == (Entry("kefir", 1.0),)
    assert plan.cell(1, "lunch") == (Entry("oats", 2.0),)
    copy_entry(plan, 1, "lunch", 0, 1, "dinner").apply(plan)
    assert plan.cell(1, "lunch") == plan.cell(1, "dinner") == (Entry("oats", 2.0),)


def test_move_that_would_overflow_rolls_back_entirely():
    plan = make_plan()
    AddFood(1, "lunch", "oats", 19).apply(plan)
    before = plan.snapshot()
    with pytest.raises(PlanError):
        move_entry(plan, 0, "breakfast", 1, 1, "lunch").apply(plan)  # 19 + 2 > 20
    assert plan.snapshot() == before


def test_clear_copy_day_and_copy_week_extend_the_plan():
    plan = make_plan()
    copy_day(plan, 0, 6).apply(plan)
    assert [plan.cell(6, m) for m in MEALS] == [plan.cell(0, m) for m in MEALS]
    clear_day(plan, 0).apply(plan)
    assert plan.is_day_empty(0)
    copy_week(plan, 0, 1).apply(plan)
    assert plan.weeks == 2
    assert plan.cell(9, "lunch") == plan.cell(2, "lunch")
    assert plan.date_of(7) == date(2026, 12, 7)


def test_shrinking_weeks_is_undone_with_its_days():
    plan = make_plan()
    copy_week(plan, 0, 1).apply(plan)
    before = plan.snapshot()
    inverse = SetWeeks(1).apply(plan)
    assert plan.weeks == 1 and plan.entry_count() == 4
    inverse.apply(plan)
    assert plan.snapshot() == before


def test_listeners_hear_which_days_changed():
    plan = make_plan()
    heard: list[Change] = []
    plan.subscribe(heard.append)
    AddFood(3, "snacks", "apple").apply(plan)
    SetStart(date(2026, 12, 7)).apply(plan)
    assert heard[0] == Change(frozenset({3}))
    assert heard[1].reshaped


# Any sequence of edits, undone in reverse, gives back the plan exactly.
cells = st.tuples(st.integers(0, 6), st.sampled_from(MEALS))
edit_specs = st.lists(
    st.one_of(
        st.tuples(
            st.just("add"), cells, st.sampled_from(["kefir", "oats", "x"]), st.integers(1, 8)
        ),
        st.tuples(st.just("remove"), cells, st.integers(0, 3)),
        st.tuples(st.just("move"), cells, st.integers(0, 3), cells),
        st.tuples(st.just("servings"), cells, st.integers(0, 3), st.floats(0.25, 20)),
        st.tuples(st.just("clear"), st.integers(0, 6)),
        st.tuples(st.just("copyday"), st.integers(0, 6), st.integers(0, 6)),
        st.tuples(
            st.just("copyweek"),
        ),
    ),
    max_size=25,
)


def build(plan: Plan, spec):
    kind = spec[0]
    if kind == "add":
        (day, meal), food, n = spec[1], spec[2], spec[3]
        return AddFood(day, meal, food, n)
    if kind == "remove":
        (day, meal), index = spec[1], spec[2]
        return RemoveEntry(day, meal, index)
    if kind == "move":
        (day, meal), index, (to_day, to_meal) = spec[1], spec[2], spec[3]
        return move_entry(plan, day, meal, index, to_day, to_meal)
    if kind == "servings":
        (day, meal), index, n = spec[1], spec[2], spec[3]
        return SetAmount(day, meal, index, n)
    if kind == "clear":
        return clear_day(plan, spec[1])
    if kind == "copyday":
        return copy_day(plan, spec[1], spec[2])
    return copy_week(plan, plan.weeks - 1, plan.weeks)


@settings(max_examples=200, deadline=None)
@given(edit_specs)
def test_undo_restores_every_state(specs):
    plan = make_plan()
    states = [plan.snapshot()]
    inverses = []
    for spec in specs:
        try:
            inverses.append(build(plan, spec).apply(plan))
        except PlanError:
            assert plan.snapshot() == states[-1]  # a refused edit changes nothing
            continue
        states.append(plan.snapshot())
    for inverse in reversed(inverses):
        states.pop()
        redo = inverse.apply(plan)
        assert plan.snapshot() == states[-1]
        redo.apply(plan).apply(plan)  # redo then undo again: still the same
        assert plan.snapshot() == states[-1]


def test_batch_label_and_empty_batch():
    plan = make_plan()
    before = plan.snapshot()
    assert Batch([]).apply(plan).apply(plan) is not None
    assert plan.snapshot() == before
