"""One command path: edits are built once in the domain, batches are heard once, an edit
that changes nothing is not an undo step, and a listener's failure cannot leave an edit
off the undo stack."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from planner.core.carried import Carried, CarriedFood
from planner.core.drop import drop_edit, move_entry
from planner.core.edits import (
    AddFood,
    Batch,
    Edit,
    RemoveEntry,
    SetAmount,
    SetCells,
    SetStart,
    SetWeeks,
    clear_day,
    copy_day,
)
from planner.core.plan import Change, Entry, Plan

MONDAY = date(2026, 11, 30)


def filled() -> Plan:
    plan = Plan(MONDAY)
    for day, meal, food in [(0, "breakfast", "kefir"), (0, "breakfast", "oats"), (2, "lunch", "x")]:
        AddFood(day, meal, food).apply(plan)
    return plan


@dataclass
class Explodes(Edit):
    """An edit that fails with something other than PlanError."""

    def apply(self, plan: Plan) -> Edit:
        raise RuntimeError("boom")


def test_a_batch_is_heard_as_one_change():
    plan = filled()
    heard: list[Change] = []
    plan.subscribe(heard.append)
    Batch(
        [AddFood(1, "lunch", "kefir"), AddFood(3, "dinner", "oats"), RemoveEntry(2, "lunch", 0)]
    ).apply(plan)
    assert heard == [Change(frozenset({1, 2, 3}))]


def test_a_batch_rolls_back_on_any_failure():
    plan = filled()
    before = plan.snapshot()
    with pytest.raises(RuntimeError):
        Batch([AddFood(1, "lunch", "kefir"), Explodes()]).apply(plan)
    assert plan.snapshot() == before


@pytest.mark.parametrize(
    "make",
    [
        lambda plan: SetAmount(0, "breakfast", 0, 1.0),
        lambda plan: clear_day(plan, 5),
        lambda plan: copy_day(plan, 4, 5),  # two empty days
        lambda plan: SetStart(MONDAY),
        lambda plan: SetWeeks(1),
        lambda plan: SetCells({(0, "breakfast"): plan.cell(0, "breakfast")}),
        lambda plan: Batch([]),
    ],
)
def test_an_edit_that_changes_nothing_is_not_heard(make):
    plan = filled()
    heard: list[Change] = []
    plan.subscribe(heard.append)
    with plan.grouped() as group:
        make(plan).apply(plan)
    assert group.change is None
    assert heard == []


def test_every_listener_hears_a_change_before_a_failure_is_raised():
    plan = filled()
    heard: list[Change] = []

    def fails(change: Change) -> None:
        raise ValueError("listener broke")

    plan.subscribe(fails)
    plan.subscribe(heard.append)
    with pytest.raises(ValueError):
        AddFood(1, "lunch", "kefir").apply(plan)
    assert heard == [Change(frozenset({1}))]
    assert plan.cell(1, "lunch") == (Entry("kefir"),)


def test_a_drop_move_and_a_keyboard_move_are_the_same_edit():
    plan, twin = filled(), filled()
    carried = Carried("doc", (CarriedFood("oats", 1.0, source=(0, "breakfast", 1)),))
    dropped = drop_edit(plan, {"oats"}, carried, True, "doc", 3, "dinner")
    assert dropped is not None
    dropped.apply(plan)
    move_entry(twin, 0, "breakfast", 1, 3, "dinner").apply(twin)
    assert plan == twin
    assert plan.cell(3, "dinner") == (Entry("oats"),)
