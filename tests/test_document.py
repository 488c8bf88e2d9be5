"""The document's undo stack: merges decided when a command is made, no-op edits push
nothing, a cut and its paste are one step, and a failing listener loses no undo step."""

from __future__ import annotations

from datetime import date

import pytest

from planner.core.edits import AddFood, RemoveEntry, SetAmount, clear_day
from planner.core.plan import Change, Entry, Plan
from ui.document import PlanDocument

MONDAY = date(2026, 11, 30)


@pytest.fixture
def doc(qapp) -> PlanDocument:
    plan = Plan(MONDAY)
    AddFood(0, "breakfast", "kefir").apply(plan)
    return PlanDocument(plan)


def servings(doc: PlanDocument) -> float:
    return doc.plan.cell(0, "breakfast")[0].amount


def test_a_servings_change_after_undo_and_redo_of_a_merged_add_is_its_own_step(doc):
    assert doc.apply(AddFood(0, "breakfast", "kefir"))  # merges: kefir x2
    doc.undo_stack.undo()
    doc.undo_stack.redo()
    assert doc.apply(SetAmount(0, "breakfast", 0, 5.0))
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    assert servings(doc) == 2.0  # only the servings change went back


def test_merged_servings_steps_redo_to_the_last_value(doc):
    for value in (2.0, 3.0, 4.0):
        assert doc.apply(SetAmount(0, "breakfast", 0, value))
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert servings(doc) == 1.0
    doc.undo_stack.redo()
    assert servings(doc) == 4.0


def test_servings_of_another_food_do_not_merge(doc):
    doc.apply(AddFood(0, "lunch", "oats"))
    doc.apply(SetAmount(0, "breakfast", 0, 2.0))
    doc.apply(SetAmount(0, "lunch", 0, 2.0))
    assert doc.undo_stack.count() == 3


@pytest.mark.parametrize(
    "make",
    [lambda plan: clear_day(plan, 3), lambda plan: SetAmount(0, "breakfast", 0, 1.0)],
)
def test_an_edit_that_changes_nothing_pushes_nothing(doc, make):
    assert doc.apply(make(doc.plan))
    assert doc.undo_stack.count() == 0
    assert not doc.modified


def test_a_cut_and_its_paste_are_one_move(doc):
    before = doc.plan.snapshot()
    assert doc.apply(RemoveEntry(0, "breakfast", 0, label="Cut food"), merge_key=("cut", 7))
    assert doc.apply(AddFood(2, "dinner", "kefir"), follows=("cut", 7))
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == "Move food"
    moved = doc.plan.snapshot()
    doc.undo_stack.undo()
    assert doc.plan.snapshot() == before
    doc.undo_stack.redo()
    assert doc.plan.snapshot() == moved
    # A second paste of the same clipboard is a copy: a step of its own.
    assert doc.apply(AddFood(3, "dinner", "kefir"), follows=("cut", 7))
    assert doc.undo_stack.count() == 2


def test_a_paste_of_another_cut_does_not_merge(doc):
    doc.apply(RemoveEntry(0, "breakfast", 0), merge_key=("cut", 1))
    doc.apply(AddFood(2, "dinner", "kefir"), follows=("cut", 2))
    assert doc.undo_stack.count() == 2


def test_a_failing_listener_cannot_leave_an_edit_off_the_stack(doc):
    def fails(change: Change) -> None:
        raise RuntimeError("a view broke")

    doc.plan.subscribe(fails)
    with pytest.raises(RuntimeError):
        doc.apply(AddFood(1, "lunch", "oats"))
    doc.plan.unsubscribe(fails)
    assert doc.undo_stack.count() == 1
    assert doc.modified
    doc.undo_stack.undo()
    assert doc.plan.cell(1, "lunch") == ()
    assert doc.plan.cell(0, "breakfast") == (Entry("kefir"),)
