"""Edits to a plan. Each applies itself and returns its inverse, so undo is one call.

An edit that would break the plan raises PlanError and leaves the plan unchanged.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from planner.core.plan import (
    DAYS_PER_WEEK,
    MEALS,
    Cell,
    Change,
    Entry,
    Plan,
    check_servings,
    check_start,
)
from planner.errors import PlanError


class Edit(ABC):
    label: str = "Edit"

    @abstractmethod
    def apply(self, plan: Plan) -> Edit:
        """Change ``plan`` and return the edit that undoes this one."""


def _check_index(plan: Plan, day: int, meal: str, index: int) -> Entry:
    plan.check_day(day)
    plan.check_meal(meal)
    entries = plan.cell(day, meal)
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(entries):
        raise PlanError(f"There is no food {index!r} in that meal.")
    return entries[index]


@dataclass
class InsertEntry(Edit):
    """Put an entry at ``index`` of a meal (the inverse of RemoveEntry)."""

    day: int
    meal: str
    index: int
    entry: Entry
    label: str = "Add food"

    def apply(self, plan: Plan) -> Edit:
        plan.check_day(self.day)
        plan.check_meal(self.meal)
        check_servings(self.entry.servings)
        index = max(0, min(self.index, len(plan.cell(self.day, self.meal))))
        plan._insert(self.day, self.meal, index, self.entry)
        plan._notify(Change(frozenset({self.day})))
        return RemoveEntry(self.day, self.meal, index, label=self.label)


@dataclass
class RemoveEntry(Edit):
    """Take the entry at ``index`` out of a meal."""

    day: int
    meal: str
    index: int
    label: str = "Remove food"

    def apply(self, plan: Plan) -> Edit:
        _check_index(plan, self.day, self.meal, self.index)
        entry = plan._pop(self.day, self.meal, self.index)
        plan._notify(Change(frozenset({self.day})))
        return InsertEntry(self.day, self.meal, self.index, entry, label=self.label)


@dataclass
class SetServings(Edit):
    """Change the servings of the entry at ``index`` of a meal."""

    day: int
    meal: str
    index: int
    servings: float
    label: str = "Change servings"

    def apply(self, plan: Plan) -> Edit:
        old = _check_index(plan, self.day, self.meal, self.index)
        servings = check_servings(self.servings)
        plan._replace(self.day, self.meal, self.index, Entry(old.food_id, servings))
        plan._notify(Change(frozenset({self.day})))
        return SetServings(self.day, self.meal, self.index, old.servings, label=self.label)


@dataclass
class AddFood(Edit):
    """Add servings of a food to a meal; a food already there gets the servings added."""

    day: int
    meal: str
    food_id: str
    servings: float = 1.0
    label: str = "Add food"

    def apply(self, plan: Plan) -> Edit:
        plan.check_day(self.day)
        plan.check_meal(self.meal)
        servings = check_servings(self.servings)
        if not isinstance(self.food_id, str) or not self.food_id:
            raise PlanError("A food needs an id.")
        entries = plan.cell(self.day, self.meal)
        for index, entry in enumerate(entries):
            if entry.food_id == self.food_id:
                total = entry.servings + servings
                check_servings(total)
                return SetServings(self.day, self.meal, index, total, label=self.label).apply(plan)
        return InsertEntry(
            self.day, self.meal, len(entries), Entry(self.food_id, servings), label=self.label
        ).apply(plan)


@dataclass
class Batch(Edit):
    """Several edits as one: all apply, or none (a failure rolls back what had applied)."""

    edits: Sequence[Edit]
    label: str = "Edit"

    def apply(self, plan: Plan) -> Edit:
        inverses: list[Edit] = []
        try:
            for edit in self.edits:
                inverses.append(edit.apply(plan))
        except PlanError:
            for inverse in reversed(inverses):
                inverse.apply(plan)
            raise
        return Batch(list(reversed(inverses)), label=self.label)


def MoveEntry(plan: Plan, day: int, meal: str, index: int, to_day: int, to_meal: str) -> Edit:
    """Move one entry to another meal (merging with the same food there)."""
    entry = _check_index(plan, day, meal, index)
    if (day, meal) == (to_day, to_meal):
        return Batch([], label="Move food")
    return Batch(
        [RemoveEntry(day, meal, index), AddFood(to_day, to_meal, entry.food_id, entry.servings)],
        label="Move food",
    )


def CopyEntry(plan: Plan, day: int, meal: str, index: int, to_day: int, to_meal: str) -> Edit:
    entry = _check_index(plan, day, meal, index)
    return AddFood(to_day, to_meal, entry.food_id, entry.servings, label="Copy food")


@dataclass
class SetCells(Edit):
    """Replace the contents of whole meals; the base of clear, copy day and copy week."""

    cells: Mapping[Cell, tuple[Entry, ...]] = field(default_factory=dict)
    label: str = "Edit"

    def apply(self, plan: Plan) -> Edit:
        for (day, meal), entries in self.cells.items():
            plan.check_day(day)
            plan.check_meal(meal)
            for entry in entries:
                check_servings(entry.servings)
        old = {cell: plan.cell(*cell) for cell in self.cells}
        for (day, meal), entries in self.cells.items():
            plan._put_cell(day, meal, tuple(entries))
        plan._notify(Change(frozenset(day for day, _ in self.cells)))
        return SetCells(old, label=self.label)


def _day_cells(plan: Plan, day: int, source: int | None) -> dict[Cell, tuple[Entry, ...]]:
    return {(day, meal): (plan.cell(source, meal) if source is not None else ()) for meal in MEALS}


def ClearDay(plan: Plan, day: int) -> Edit:
    plan.check_day(day)
    return SetCells(_day_cells(plan, day, None), label="Clear day")


def CopyDay(plan: Plan, day: int, to_day: int) -> Edit:
    """Make ``to_day`` hold what ``day`` holds (its own foods are replaced)."""
    plan.check_day(day)
    plan.check_day(to_day)
    return SetCells(_day_cells(plan, to_day, day), label="Copy day")


@dataclass
class SetWeeks(Edit):
    """Make the plan ``weeks`` long; the inverse puts back the foods of dropped days."""

    weeks: int
    label: str = "Change weeks"

    def apply(self, plan: Plan) -> Edit:
        old_weeks = plan.weeks
        plan._set_weeks(self.weeks)  # validates before anything changes
        first_gone = self.weeks * DAYS_PER_WEEK
        dropped = {
            (day, meal): plan.cell(day, meal)
            for day in range(first_gone, old_weeks * DAYS_PER_WEEK)
            for meal in MEALS
            if plan.cell(day, meal)
        }
        plan._drop_days_from(first_gone)
        plan._notify(Change(frozenset(range(plan.day_count)), reshaped=True))
        inverse: list[Edit] = [SetWeeks(old_weeks, label=self.label)]
        if dropped:
            inverse.append(SetCells(dropped, label=self.label))
        return Batch(inverse, label=self.label)


def CopyWeek(plan: Plan, week: int, to_week: int) -> Edit:
    """Copy one week's foods over another; copying to the week after the last adds it."""
    if not 0 <= week < plan.weeks:
        raise PlanError(f"Week {week + 1} does not exist.")
    if not 0 <= to_week <= plan.weeks:
        raise PlanError(f"Week {to_week + 1} does not exist.")
    edits: list[Edit] = []
    if to_week == plan.weeks:
        edits.append(SetWeeks(plan.weeks + 1))
    cells = {
        (to_week * DAYS_PER_WEEK + offset, meal): plan.cell(week * DAYS_PER_WEEK + offset, meal)
        for offset in range(DAYS_PER_WEEK)
        for meal in MEALS
    }
    edits.append(SetCells(cells))
    return Batch(edits, label="Copy week")


@dataclass
class SetStart(Edit):
    """Move the plan to start on another date; its foods stay on their days."""

    start: date
    label: str = "Change start date"

    def apply(self, plan: Plan) -> Edit:
        start = check_start(self.start)
        old = plan.start
        plan._start = start
        plan._notify(Change(frozenset(range(plan.day_count)), reshaped=True))
        return SetStart(old, label=self.label)


def add_many(day: int, meal: str, items: Iterable[Entry], label: str = "Paste") -> Edit:
    """Add several entries to one meal as one edit (paste)."""
    return Batch([AddFood(day, meal, e.food_id, e.servings) for e in items], label=label)
