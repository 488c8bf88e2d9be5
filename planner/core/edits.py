"""Edits to a plan. Each applies itself and returns its inverse, so undo is one call.

An edit that would break the plan raises PlanError and leaves the plan unchanged.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from planner.core.plan import (
    DAYS_PER_WEEK,
    MEALS,
    UNIT_PORTION,
    UNIT_SERVING,
    Cell,
    Change,
    Entry,
    Plan,
    check_amount,
    check_entry,
    check_start,
)
from planner.errors import PlanError
from planner.i18n import N_, _


class Edit(ABC):
    label: str = N_("Edit")

    @abstractmethod
    def apply(self, plan: Plan) -> Edit:
        """Change ``plan`` and return the edit that undoes this one."""


def entry_at(plan: Plan, day: int, meal: str, index: int) -> Entry:
    plan.check_day(day)
    plan.check_meal(meal)
    entries = plan.cell(day, meal)
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(entries):
        raise PlanError(_("There is no food {index} in that meal.").format(index=repr(index)))
    return entries[index]


@dataclass
class InsertEntry(Edit):
    """Put an entry at ``index`` of a meal (the inverse of RemoveEntry)."""

    day: int
    meal: str
    index: int
    entry: Entry
    label: str = field(default_factory=lambda: _("Add food"))

    def apply(self, plan: Plan) -> Edit:
        plan.check_day(self.day)
        plan.check_meal(self.meal)
        entry = check_entry(self.entry)
        index = max(0, min(self.index, len(plan.cell(self.day, self.meal))))
        plan._insert(self.day, self.meal, index, entry)
        plan._changed(Change(frozenset({self.day})))
        return RemoveEntry(self.day, self.meal, index, label=self.label)


@dataclass
class RemoveEntry(Edit):
    """Take the entry at ``index`` out of a meal."""

    day: int
    meal: str
    index: int
    label: str = field(default_factory=lambda: _("Remove food"))

    def apply(self, plan: Plan) -> Edit:
        entry_at(plan, self.day, self.meal, self.index)
        entry = plan._pop(self.day, self.meal, self.index)
        plan._changed(Change(frozenset({self.day})))
        return InsertEntry(self.day, self.meal, self.index, entry, label=self.label)


@dataclass
class SetAmount(Edit):
    """Change the amount (and, given ``unit``, the unit) of the entry at ``index`` of a
    meal; ``unit`` None keeps the entry's unit."""

    day: int
    meal: str
    index: int
    amount: float
    unit: str | None = None
    label: str = field(default_factory=lambda: _("Change amount"))

    def apply(self, plan: Plan) -> Edit:
        old = entry_at(plan, self.day, self.meal, self.index)
        new = check_entry(Entry(old.food_id, self.amount, self.unit or old.unit))
        if new != old:  # the same amount in the same unit changes nothing
            plan._replace(self.day, self.meal, self.index, new)
            plan._changed(Change(frozenset({self.day})))
        return SetAmount(self.day, self.meal, self.index, old.amount, old.unit, label=self.label)


@dataclass
class AddFood(Edit):
    """Add an amount of a food (or, with a recipe's entry id, portions of a recipe) to a
    meal; the same food there in the same unit gets the amount added."""

    day: int
    meal: str
    food_id: str
    amount: float = 1.0
    unit: str | None = None  # None: servings of a food, portions of a recipe
    label: str = field(default_factory=lambda: _("Add food"))

    def apply(self, plan: Plan) -> Edit:
        plan.check_day(self.day)
        plan.check_meal(self.meal)
        if not isinstance(self.food_id, str) or not self.food_id:
            raise PlanError(_("A food needs an id."))
        added = check_entry(Entry(self.food_id, self.amount, self.unit or _default_unit(self)))
        entries = plan.cell(self.day, self.meal)
        for index, entry in enumerate(entries):
            if entry.food_id == added.food_id and entry.unit == added.unit:
                total = check_amount(entry.amount + added.amount, added.unit)
                return SetAmount(self.day, self.meal, index, total, label=self.label).apply(plan)
        return InsertEntry(self.day, self.meal, len(entries), added, label=self.label).apply(plan)


def _default_unit(edit: AddFood) -> str:
    return UNIT_PORTION if Entry(edit.food_id).is_recipe else UNIT_SERVING


@dataclass
class Batch(Edit):
    """Several edits as one: all apply, or none (any failure rolls back what had applied).
    Listeners hear one change when the batch is done."""

    edits: Sequence[Edit]
    label: str = field(default_factory=lambda: _("Edit"))

    def apply(self, plan: Plan) -> Edit:
        inverses: list[Edit] = []
        with plan.grouped():
            try:
                for edit in self.edits:
                    inverses.append(edit.apply(plan))
            except BaseException:
                for inverse in reversed(inverses):
                    inverse.apply(plan)
                raise
        return Batch(list(reversed(inverses)), label=self.label)


@dataclass
class SetCells(Edit):
    """Replace the contents of whole meals; the base of clear, copy day and copy week."""

    cells: Mapping[Cell, tuple[Entry, ...]] = field(default_factory=dict)
    label: str = field(default_factory=lambda: _("Edit"))

    def apply(self, plan: Plan) -> Edit:
        for (day, meal), entries in self.cells.items():
            plan.check_day(day)
            plan.check_meal(meal)
            for entry in entries:
                check_entry(entry)
        old = {cell: plan.cell(*cell) for cell in self.cells}
        changed = {cell for cell, entries in self.cells.items() if tuple(entries) != old[cell]}
        for day, meal in changed:
            plan._put_cell(day, meal, tuple(self.cells[(day, meal)]))
        if changed:  # a cell given what it already holds changes nothing
            plan._changed(Change(frozenset(day for day, _ in changed)))
        return SetCells(old, label=self.label)


def _day_cells(plan: Plan, day: int, source: int | None) -> dict[Cell, tuple[Entry, ...]]:
    return {(day, meal): (plan.cell(source, meal) if source is not None else ()) for meal in MEALS}


def clear_day(plan: Plan, day: int) -> Edit:
    plan.check_day(day)
    return SetCells(_day_cells(plan, day, None), label=_("Clear day"))


def copy_day(plan: Plan, day: int, to_day: int) -> Edit:
    """Make ``to_day`` hold what ``day`` holds (its own foods are replaced)."""
    plan.check_day(day)
    plan.check_day(to_day)
    return SetCells(_day_cells(plan, to_day, day), label=_("Copy day"))


@dataclass
class SetWeeks(Edit):
    """Make the plan ``weeks`` long; the inverse puts back the foods of dropped days."""

    weeks: int
    label: str = field(default_factory=lambda: _("Change weeks"))

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
        if self.weeks != old_weeks:
            plan._changed(Change(frozenset(range(plan.day_count)), reshaped=True))
        inverse: list[Edit] = [SetWeeks(old_weeks, label=self.label)]
        if dropped:
            inverse.append(SetCells(dropped, label=self.label))
        return Batch(inverse, label=self.label)


def copy_week(plan: Plan, week: int, to_week: int) -> Edit:
    """Copy one week's foods over another; copying to the week after the last adds it."""
    if not 0 <= week < plan.weeks:
        raise PlanError(_("Week {week} does not exist.").format(week=week + 1))
    if not 0 <= to_week <= plan.weeks:
        raise PlanError(_("Week {to_week} does not exist.").format(to_week=to_week + 1))
    edits: list[Edit] = []
    if to_week == plan.weeks:
        edits.append(SetWeeks(plan.weeks + 1))
    cells = {
        (to_week * DAYS_PER_WEEK + offset, meal): plan.cell(week * DAYS_PER_WEEK + offset, meal)
        for offset in range(DAYS_PER_WEEK)
        for meal in MEALS
    }
    edits.append(SetCells(cells))
    return Batch(edits, label=_("Copy week"))


@dataclass
class SetStart(Edit):
    """Move the plan to start on another date; its foods stay on their days."""

    start: date
    label: str = field(default_factory=lambda: _("Change start date"))

    def apply(self, plan: Plan) -> Edit:
        start = check_start(self.start)
        old = plan.start
        if start != old:
            plan._start = start
            plan._changed(Change(frozenset(range(plan.day_count)), reshaped=True))
        return SetStart(old, label=self.label)
