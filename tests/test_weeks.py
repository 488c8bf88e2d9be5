"""Week edits, templates and rotation rules (planner.core.weeks, templates, rotations)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.edits import AddFood, SetStart, copy_week
from planner.core.plan import MAX_WEEKS, MEALS, Change, Entry, Plan
from planner.core.rotations import (
    AddRule,
    RemoveRule,
    every_week,
    fill_weeks,
    in_turn,
    plan_rules,
    set_rule_enabled,
    weeks_in_turn,
)
from planner.core.templates import (
    apply_template,
    make_template,
    template_from_day,
    template_from_meal,
    template_from_week,
    template_plan,
    template_replaces,
)
from planner.core.weeks import (
    DeleteWeek,
    InsertWeek,
    MoveWeek,
    add_week_after,
    copy_week_replaces,
    delete_week,
    insert_week_before,
    move_week_earlier,
    move_week_later,
    plan_next_week,
    set_week_count,
    week_to_show,
)
from planner.errors import PlanError

MONDAY = date(2026, 11, 30)


def numbered(weeks: int = 3) -> Plan:
    """A plan whose week w holds food "w<w>" on its Monday breakfast and Sunday snacks."""
    plan = Plan(MONDAY, weeks)
    for week in range(weeks):
        AddFood(week * 7, "breakfast", f"w{week}").apply(plan)
        AddFood(week * 7 + 6, "snacks", f"w{week}", 2).apply(plan)
    return plan


def labels(plan: Plan) -> list[str]:
    return [plan.cell(week * 7, "breakfast")[0].food_id for week in range(plan.weeks)]


def applied(plan: Plan, edit):
    return edit.apply(plan)


# -- week edits ---------------------------------------------------------------------------------
def test_add_after_puts_an_empty_week_and_later_weeks_take_later_dates():
    plan = numbered(3)
    found = add_week_after(plan, 0)
    undo = found.edit.apply(plan)
    assert plan.weeks == 4 and plan.start == MONDAY
    assert plan.cell(7, "breakfast") == () and plan.is_day_empty(13)
    assert [plan.cell(w * 7, "breakfast") for w in (0, 2, 3)] == [
        (Entry("w0"),),
        (Entry("w1"),),
        (Entry("w2"),),
    ]
    assert plan.date_of(14) == date(2026, 12, 14)  # week 1's foods now fall a week later
    undo.apply(plan)
    assert plan == numbered(3)


def test_insert_before_the_first_week_shifts_every_week():
    plan = numbered(2)
    insert_week_before(plan, 0).edit.apply(plan)
    assert plan.is_day_empty(0) and labels_after(plan, 1) == ["w0", "w1"]


def labels_after(plan: Plan, first_week: int) -> list[str]:
    return [plan.cell(w * 7, "breakfast")[0].food_id for w in range(first_week, plan.weeks)]


def test_delete_takes_the_week_out_and_undo_puts_it_back():
    plan = numbered(3)
    undo = delete_week(plan, 1).apply(plan)
    assert labels(plan) == ["w0", "w2"] and plan.cell(13, "snacks") == (Entry("w2", 2),)
    assert plan.day_count == 14
    undo.apply(plan)
    assert plan == numbered(3)


def test_the_only_week_cannot_be_deleted_and_nothing_changes():
    plan = numbered(1)
    with pytest.raises(PlanError, match="at least one week"):
        delete_week(plan, 0)
    with pytest.raises(PlanError, match="at least one week"):
        DeleteWeek(0).apply(plan)
    assert plan == numbered(1)


def test_no_week_past_the_maximum():
    plan = Plan(MONDAY, MAX_WEEKS)
    with pytest.raises(PlanError, match=f"at most {MAX_WEEKS} weeks"):
        add_week_after(plan, 0)
    with pytest.raises(PlanError, match=f"at most {MAX_WEEKS} weeks"):
        InsertWeek(0).apply(plan)
    assert plan.weeks == MAX_WEEKS


def test_move_earlier_and_later_swap_neighbours_and_keep_the_start():
    plan = numbered(3)
    move_week_later(plan, 0).apply(plan)
    assert labels(plan) == ["w1", "w0", "w2"] and plan.start == MONDAY
    move_week_earlier(plan, 2).apply(plan)
    assert labels(plan) == ["w1", "w2", "w0"]
    with pytest.raises(PlanError, match="already the first"):
        move_week_earlier(plan, 0)
    with pytest.raises(PlanError, match="already the last"):
        move_week_later(plan, 2)


def test_move_across_several_weeks_and_back():
    plan = numbered(4)
    undo = MoveWeek(3, 0).apply(plan)
    assert labels(plan) == ["w3", "w0", "w1", "w2"]
    undo.apply(plan)
    assert plan == numbered(4)


@pytest.mark.parametrize("week", [-1, 3, True, "1"])
def test_weeks_that_do_not_exist_are_refused(week):
    plan = numbered(3)
    for make in (delete_week, move_week_earlier, move_week_later, add_week_after):
        with pytest.raises(PlanError):
            make(plan, week)
    assert plan == numbered(3)


def test_listeners_hear_the_reshape_and_the_days_that_changed():
    plan = numbered(2)
    heard: list[Change] = []
    plan.subscribe(heard.append)
    InsertWeek(1).apply(plan)
    assert heard[-1].reshaped and heard[-1].days == frozenset(range(7, 21))
    MoveWeek(0, 1).apply(plan)
    assert not heard[-1].reshaped and heard[-1].days == frozenset(range(14))


def test_plan_next_week_empty_copy_and_template():
    plan = numbered(2)
    plan_next_week(plan, 0, "copy").edit.apply(plan)
    assert labels(plan) == ["w0", "w0", "w1"] and plan.cell(13, "snacks") == (Entry("w0", 2),)
    template = make_template("Week A", "week", {(2, "dinner"): [Entry("lentils", 2)]})
    plan_next_week(plan, 2, template).edit.apply(plan)
    assert plan.weeks == 4 and plan.cell(23, "dinner") == (Entry("lentils", 2),)
    plan_next_week(plan, 3).edit.apply(plan)
    assert plan.weeks == 5 and all(plan.is_day_empty(d) for d in range(28, 35))
    day = make_template("Day", "day", {(0, "lunch"): [Entry("kefir")]})
    with pytest.raises(PlanError, match="not a week"):
        plan_next_week(plan, 0, day)


def test_copy_week_replaces_counts_the_foods_a_copy_would_take_out():
    plan = numbered(3)
    assert copy_week_replaces(plan, 0, 3) == 0  # a new week
    assert copy_week_replaces(plan, 0, 1) == 2
    copy_week(plan, 0, 1).apply(plan)
    assert copy_week_replaces(plan, 0, 1) == 0  # the same foods: nothing is lost
    AddFood(8, "lunch", "kimchi").apply(plan)
    assert copy_week_replaces(plan, 0, 1) == 1
    empty = Plan(MONDAY, 2)
    AddFood(0, "lunch", "kefir").apply(empty)
    assert copy_week_replaces(empty, 0, 1) == 0


def test_week_to_show_names_the_week_an_edit_and_its_undo_changed():
    plan = numbered(4)
    edit = MoveWeek(3, 1)
    undo = edit.apply(plan)
    assert week_to_show(edit, plan) == 1
    assert week_to_show(undo, plan) == 3
    delete = delete_week(plan, 3)
    back = delete.apply(plan)
    assert week_to_show(delete, plan) == 2  # clamped to the weeks that are left
    back.apply(plan)
    assert week_to_show(back, plan) == 3
    assert week_to_show(AddFood(15, "lunch", "kefir"), plan) == 2


WEEK_OPS = st.lists(
    st.tuples(
        st.sampled_from(["add", "insert", "delete", "earlier", "later", "next"]),
        st.integers(0, 5),
        st.sampled_from(["empty", "copy"]),
    ),
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(ops=WEEK_OPS, weeks=st.integers(1, 4), with_rule=st.booleans())
def test_any_sequence_of_week_edits_undone_in_reverse_gives_back_the_plan(ops, weeks, with_rule):
    plan = numbered(weeks)
    if with_rule:
        pizza = make_template("Pizza", "meal", {(0, "dinner"): [Entry("pizza")]})
        AddRule(every_week(pizza, 4, "dinner")).apply(plan)
    before = plan.snapshot()
    undos = []
    for op, week, how in ops:
        makers = {
            "add": lambda w: add_week_after(plan, w).edit,
            "insert": lambda w: insert_week_before(plan, w).edit,
            "delete": lambda w: delete_week(plan, w),
            "earlier": lambda w: move_week_earlier(plan, w),
            "later": lambda w: move_week_later(plan, w),
            "next": lambda w, how=how: plan_next_week(plan, w, how).edit,
        }
        middle = plan.snapshot()
        try:
            edit = makers[op](week)
            undos.append(edit.apply(plan))
        except PlanError:
            assert plan.snapshot() == middle  # a refused edit changes nothing
    for undo in reversed(undos):
        undo.apply(plan)
    assert plan.snapshot() == before


# -- templates ----------------------------------------------------------------------------------
def test_templates_from_a_meal_a_day_and_a_week():
    plan = numbered(2)
    AddFood(0, "lunch", "kimchi", 1.5).apply(plan)
    meal = template_from_meal(plan, 0, "lunch", "  Kimchi   lunch ")
    assert meal.name == "Kimchi lunch" and meal.kind == "meal"
    assert meal.cells == ((0, "lunch", (Entry("kimchi", 1.5),)),)
    day = template_from_day(plan, 0, "Monday")
    assert [m for _o, m, _e in day.cells] == ["breakfast", "lunch"]
    week = template_from_week(plan, 1, "Week 2")
    assert week.cells == ((0, "breakfast", (Entry("w1"),)), (6, "snacks", (Entry("w1", 2),)))
    with pytest.raises(PlanError, match="empty"):
        template_from_meal(plan, 1, "dinner", "Nothing")
    with pytest.raises(PlanError, match="name"):
        template_from_day(plan, 0, "   ")


def test_a_template_applies_to_any_meal_day_or_week_as_one_edit():
    plan = numbered(2)
    meal = make_template("Oats", "meal", {(0, "breakfast"): [Entry("oats", 2)]})
    undo = apply_template(plan, meal, 3, "dinner").apply(plan)
    assert plan.cell(3, "dinner") == (Entry("oats", 2),)
    undo.apply(plan)
    assert plan == numbered(2)
    day = make_template("Day", "day", {(0, "lunch"): [Entry("kefir")]})
    assert template_replaces(plan, day, 0) == 1  # the breakfast it would clear
    apply_template(plan, day, 0).apply(plan)
    assert plan.cell(0, "breakfast") == () and plan.cell(0, "lunch") == (Entry("kefir"),)
    week = template_from_week(numbered(1), 0, "W")
    apply_template(plan, week, 1).apply(plan)
    assert plan.cell(7, "breakfast") == (Entry("w0"),)


def test_adding_a_template_merges_with_what_is_there():
    plan = numbered(1)
    meal = make_template("More", "meal", {(0, "lunch"): [Entry("w0", 1.5), Entry("kefir")]})
    apply_template(plan, meal, 0, "breakfast", add=True).apply(plan)
    assert plan.cell(0, "breakfast") == (Entry("w0", 2.5), Entry("kefir"))
    assert template_replaces(plan, meal, 0, "breakfast") == 2
    big = make_template("Big", "meal", {(0, "lunch"): [Entry("w0", 19)]})
    before = plan.snapshot()
    with pytest.raises(PlanError, match="at most 20"):
        apply_template(plan, big, 0, "breakfast", add=True)
    assert plan.snapshot() == before


@pytest.mark.parametrize(
    ("kind", "cells", "message"),
    [
        ("brunch", {(0, "lunch"): [Entry("a")]}, "not a kind"),
        ("meal", {(1, "lunch"): [Entry("a")]}, "does not exist"),
        ("day", {(0, "tea"): [Entry("a")]}, "not a meal"),
        ("meal", {(0, "lunch"): [Entry("a")], (0, "dinner"): [Entry("b")]}, "one meal"),
        ("week", {(7, "lunch"): [Entry("a")]}, "does not exist"),
        ("week", {(0, "lunch"): []}, "at least one food"),
        ("day", {(0, "lunch"): [Entry("a", 0)]}, "more than 0"),
        ("day", {(0, "lunch"): [Entry("a\n")]}, "control"),
    ],
)
def test_a_template_that_cannot_be_is_refused(kind, cells, message):
    with pytest.raises(PlanError, match=message):
        make_template("T", kind, cells)


def test_a_template_becomes_a_plan_to_score():
    day = make_template("D", "day", {(0, "lunch"): [Entry("kefir")]})
    plan = template_plan(day, MONDAY)
    assert plan.weeks == 1 and plan.cell(0, "lunch") == (Entry("kefir"),)
    assert plan.entry_count() == 1


# -- rotation rules -----------------------------------------------------------------------------
def pizza():
    return make_template("Pizza night", "meal", {(0, "dinner"): [Entry("pizza")]})


def test_friday_pizza_fills_each_new_week_but_never_a_meal_placed_by_hand():
    plan = numbered(1)
    AddRule(every_week(pizza(), 4, "dinner")).apply(plan)
    found = add_week_after(plan, 0)
    found.edit.apply(plan)
    assert plan.cell(11, "dinner") == (Entry("pizza"),)  # Friday of week 2
    assert list(found.fill.cells) == [(11, "dinner")] and not found.fill.skipped
    AddFood(4, "dinner", "lentils").apply(plan)
    edit, fill = fill_weeks(plan, [0, 1])
    assert edit is None  # week 2's Friday already has its pizza
    assert [(s.day, s.meal) for s in fill.skipped] == [(4, "dinner")]
    assert "left as placed" in fill.summary(plan) and "Fri 04 Dec" in fill.summary(plan)
    assert plan.cell(4, "dinner") == (Entry("lentils"),)


def test_a_copied_week_keeps_its_meals_and_the_rule_reports_what_it_skipped():
    plan = numbered(1)
    AddFood(4, "dinner", "lentils").apply(plan)
    AddRule(every_week(pizza(), 4, "dinner")).apply(plan)
    found = plan_next_week(plan, 0, "copy")
    found.edit.apply(plan)
    assert plan.cell(11, "dinner") == (Entry("lentils"),)
    assert [(s.day, s.meal, s.rule) for s in found.fill.skipped] == [(11, "dinner", "Pizza night")]


def test_breakfasts_in_turn_by_day_and_by_week():
    a, b, c = (make_template(n, "meal", {(0, "breakfast"): [Entry(n)]}) for n in "abc")
    plan = Plan(MONDAY, 1)
    AddRule(in_turn([a, b, c], "breakfast", anchor=MONDAY, by="day")).apply(plan)
    fill_weeks(plan, [0])[0].apply(plan)
    assert [plan.cell(d, "breakfast")[0].food_id for d in range(7)] == list("abcabca")
    add_week_after(plan, 0).edit.apply(plan)
    assert plan.cell(7, "breakfast")[0].food_id == "b"  # the turns go on from Sunday's "a"
    weekly = Plan(MONDAY, 1)
    AddRule(in_turn([a, b], "breakfast", anchor=MONDAY, by="week")).apply(weekly)
    add_week_after(weekly, 0).edit.apply(weekly)
    add_week_after(weekly, 1).edit.apply(weekly)
    assert [weekly.cell(d, "breakfast") for d in (0, 7, 13, 14)] == [
        (),  # week 1 was there before the rule
        (Entry("b"),),
        (Entry("b"),),
        (Entry("a"),),
    ]


def test_weeks_a_b_c_in_turn():
    weeks = [make_template(n, "week", {(0, "lunch"): [Entry(n)]}) for n in "ABC"]
    plan = Plan(MONDAY, 1)
    AddRule(weeks_in_turn(weeks, anchor=MONDAY)).apply(plan)
    for week in range(4):
        add_week_after(plan, week).edit.apply(plan)
    assert [plan.cell(w * 7, "lunch") for w in range(1, 5)] == [
        (Entry(n),) for n in ("B", "C", "A", "B")
    ]


def test_a_rule_turned_off_fills_nothing_and_rule_edits_undo():
    plan = numbered(1)
    rule = every_week(pizza(), 4, "dinner")
    undo_add = AddRule(rule).apply(plan)
    undo_off = set_rule_enabled(plan, rule.id, False).apply(plan)
    assert not plan_rules(plan)[0].enabled
    add_week_after(plan, 0).edit.apply(plan)
    assert plan.cell(11, "dinner") == ()
    DeleteWeek(1).apply(plan)
    undo_off.apply(plan)
    assert plan_rules(plan)[0].enabled
    undo_remove = RemoveRule(rule.id).apply(plan)
    assert plan.rules == ()
    undo_remove.apply(plan)
    assert plan_rules(plan) == (rule,)
    undo_add.apply(plan)
    assert plan == numbered(1)


def test_rules_are_part_of_the_plan_copy_and_equality():
    plan = numbered(1)
    AddRule(every_week(pizza(), 4, "dinner")).apply(plan)
    twin = plan.copy()
    assert twin == plan and twin.id == plan.id and twin.rules == plan.rules
    assert plan != numbered(1)


def test_rules_are_checked():
    with pytest.raises(PlanError, match="meal"):
        every_week(pizza(), 4)
    with pytest.raises(PlanError, match="weekday"):
        every_week(pizza(), 7, "dinner")
    week = make_template("W", "week", {(0, "lunch"): [Entry("a")]})
    with pytest.raises(PlanError, match="all be meals"):
        weeks_in_turn([week, pizza()], anchor=MONDAY)
    with pytest.raises(PlanError, match="week by week"):
        in_turn([week], None, anchor=MONDAY, by="day")


def test_start_date_changes_keep_the_rotation_on_its_dates():
    plan = Plan(MONDAY, 1)
    AddRule(every_week(pizza(), 4, "dinner")).apply(plan)
    SetStart(date(2026, 12, 2)).apply(plan)  # a Wednesday: Friday is day 2
    add_week_after(plan, 0).edit.apply(plan)
    assert plan.cell(9, "dinner") == (Entry("pizza"),)
    assert plan.date_of(9).weekday() == 4
    assert all(plan.cell(d, "dinner") == () for d in range(7, 14) if d != 9)
    assert MEALS  # the four meals are what a day template spans


def test_weeks_added_with_the_weeks_count_are_filled_by_the_rules_in_one_edit():
    plan = numbered(1)
    AddRule(every_week(pizza(), 4, "dinner")).apply(plan)
    before = plan.snapshot()
    found = set_week_count(plan, 3)
    undo = found.edit.apply(plan)
    assert plan.weeks == 3 and [plan.cell(d, "dinner") for d in (4, 11, 18)] == [
        (),  # week 1 was there before: only new weeks are filled
        (Entry("pizza"),),
        (Entry("pizza"),),
    ]
    assert sorted(found.fill.cells) == [(11, "dinner"), (18, "dinner")]
    undo.apply(plan)
    assert plan.snapshot() == before
    set_week_count(plan, 1).edit.apply(plan)  # no change, no rule
    assert plan.snapshot() == before
    with pytest.raises(PlanError, match="1 to 52 weeks"):
        set_week_count(plan, MAX_WEEKS + 1)
    assert set_week_count(plan, 3, rules=False).fill.cells == {}
