"""Edits of whole weeks: add an empty week after or before any week, delete one, move one
earlier or later, and "plan next week" (empty, a copy, or from a template).

The plan's start date stays; the days after the change shift, so each week keeps its
foods and takes the dates of its new place. Each edit returns its exact inverse, and
``week_to_show`` tells the ui which week an edit (or its undo) changed.

When a week is added the plan's rotation rules fill its empty meals (planner.core.rotations)
inside the same edit, so adding a week and what the rules put in it is one undo step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from planner.core.edits import (
    AddFood,
    Batch,
    Edit,
    InsertEntry,
    RemoveEntry,
    SetAmount,
    SetCells,
    SetWeeks,
)
from planner.core.plan import (
    DAYS_PER_WEEK,
    MAX_WEEKS,
    MEALS,
    Change,
    Entry,
    Plan,
    check_entry,
)
from planner.core.rotations import RuleFill, Skipped, plan_rules, propose_week
from planner.core.templates import Template, check_week
from planner.errors import PlanError
from planner.i18n import _

# A week's meals relative to its first day: (offset 0-6, meal) -> foods.
WeekCells = Mapping[tuple[int, str], tuple[Entry, ...]]


def week_cells(plan: Plan, week: int) -> dict[tuple[int, str], tuple[Entry, ...]]:
    """The meals of ``week`` that hold foods, keyed by (day offset, meal)."""
    first = check_week(plan, week) * DAYS_PER_WEEK
    return {
        (offset, meal): plan.cell(first + offset, meal)
        for offset in range(DAYS_PER_WEEK)
        for meal in MEALS
        if plan.cell(first + offset, meal)
    }


def _check_content(content: WeekCells) -> None:
    for (offset, meal), entries in content.items():
        if isinstance(offset, bool) or not isinstance(offset, int):
            raise PlanError(_("Day {offset} is not a day of a week.").format(offset=repr(offset)))
        if not 0 <= offset < DAYS_PER_WEEK:
            raise PlanError(_("Day {offset} is not a day of a week.").format(offset=repr(offset)))
        Plan.check_meal(meal)
        for entry in entries:
            check_entry(entry)


@dataclass
class InsertWeek(Edit):
    """Put a new week at position ``at`` (0 = before the first, ``plan.weeks`` = after the
    last) holding ``content``; the weeks from ``at`` on move one week later."""

    at: int
    content: WeekCells = field(default_factory=dict)
    label: str = field(default_factory=lambda: _("Add week"))

    def apply(self, plan: Plan) -> Edit:
        at = self.at
        if isinstance(at, bool) or not isinstance(at, int) or not 0 <= at <= plan.weeks:
            raise PlanError(_("A week cannot be put at position {at}.").format(at=repr(at)))
        if plan.weeks >= MAX_WEEKS:
            raise PlanError(
                _("A plan has at most {count} weeks; delete one first.").format(count=MAX_WEEKS)
            )
        _check_content(self.content)
        old_count = plan.day_count
        first = at * DAYS_PER_WEEK
        plan._set_weeks(plan.weeks + 1)
        for day in range(old_count - 1, first - 1, -1):  # from the end, so nothing is overwritten
            for meal in MEALS:
                plan._put_cell(day + DAYS_PER_WEEK, meal, plan.cell(day, meal))
                plan._put_cell(day, meal, ())
        for (offset, meal), entries in self.content.items():
            plan._put_cell(first + offset, meal, tuple(entries))
        plan._changed(Change(frozenset(range(first, plan.day_count)), reshaped=True))
        return DeleteWeek(at, label=self.label)


@dataclass
class DeleteWeek(Edit):
    """Take out ``week`` and its foods; the weeks after it move one week earlier."""

    week: int
    label: str = field(default_factory=lambda: _("Delete week"))

    def apply(self, plan: Plan) -> Edit:
        week = check_week(plan, self.week)
        if plan.weeks == 1:
            raise PlanError(_("A plan has at least one week: this is its only week."))
        content = week_cells(plan, week)
        old_count = plan.day_count
        for day in range(week * DAYS_PER_WEEK, old_count):
            later = day + DAYS_PER_WEEK
            for meal in MEALS:
                plan._put_cell(day, meal, plan.cell(later, meal) if later < old_count else ())
        plan._set_weeks(plan.weeks - 1)
        plan._changed(Change(frozenset(range(week * DAYS_PER_WEEK, plan.day_count)), reshaped=True))
        return InsertWeek(week, content, label=self.label)


@dataclass
class MoveWeek(Edit):
    """Move ``week`` to position ``to``; the weeks between shift by one to make room.
    Dates stay where they are: the foods move to the dates of their new week."""

    week: int
    to: int
    label: str = field(default_factory=lambda: _("Move week"))

    def apply(self, plan: Plan) -> Edit:
        week = check_week(plan, self.week)
        to = check_week(plan, self.to)
        if week != to:
            low, high = min(week, to), max(week, to)
            order = list(range(low, high + 1))
            order.insert(to - low, order.pop(week - low))
            contents = [week_cells(plan, w) for w in order]
            for place, content in zip(range(low, high + 1), contents, strict=True):
                first = place * DAYS_PER_WEEK
                for offset in range(DAYS_PER_WEEK):
                    for meal in MEALS:
                        plan._put_cell(first + offset, meal, content.get((offset, meal), ()))
            days = range(low * DAYS_PER_WEEK, (high + 1) * DAYS_PER_WEEK)
            plan._changed(Change(frozenset(days)))
        return MoveWeek(to, week, label=self.label)


# -- what the ui calls ------------------------------------------------------------------------
@dataclass(frozen=True)
class WeekEdit:
    """An edit of weeks ready to apply, and what the plan's rules did in it."""

    edit: Edit
    fill: RuleFill = field(default_factory=lambda: RuleFill({}))


def _new_week(plan: Plan, at: int, content: WeekCells, rules: bool, label: str) -> WeekEdit:
    if plan.weeks >= MAX_WEEKS:
        raise PlanError(
            _("A plan has at most {count} weeks; delete one first.").format(count=MAX_WEEKS)
        )
    filled = dict(content)
    fill = RuleFill({})
    if rules:
        enabled = [rule for rule in plan_rules(plan) if rule.enabled]
        # The new week takes the dates of position ``at``: the plan's start stays.
        fill = propose_week(
            enabled,
            plan.date_of(at * DAYS_PER_WEEK),
            0,
            lambda cell: filled.get(cell, ()),
        )
        filled.update(fill.cells)
        first = at * DAYS_PER_WEEK  # report the plan's day numbers, not offsets
        fill = RuleFill(
            {(first + d, m): e for (d, m), e in fill.cells.items()},
            tuple(Skipped(first + s.day, s.meal, s.rule) for s in fill.skipped),
        )
    return WeekEdit(InsertWeek(at, filled, label=label), fill)


def add_week_after(plan: Plan, week: int, *, rules: bool = True) -> WeekEdit:
    """An empty week after ``week`` (filled by the plan's rules unless ``rules`` is False)."""
    check_week(plan, week)
    return _new_week(
        plan, week + 1, {}, rules, _("Add week after week {week}").format(week=week + 1)
    )


def insert_week_before(plan: Plan, week: int, *, rules: bool = True) -> WeekEdit:
    check_week(plan, week)
    return _new_week(
        plan, week, {}, rules, _("Insert week before week {week}").format(week=week + 1)
    )


def delete_week(plan: Plan, week: int) -> Edit:
    check_week(plan, week)
    if plan.weeks == 1:
        raise PlanError(_("A plan has at least one week: this is its only week."))
    return DeleteWeek(week, label=_("Delete week {week}").format(week=week + 1))


def move_week_earlier(plan: Plan, week: int) -> Edit:
    check_week(plan, week)
    if week == 0:
        raise PlanError(_("Week 1 is already the first week."))
    return MoveWeek(week, week - 1, label=_("Move week {week} earlier").format(week=week + 1))


def move_week_later(plan: Plan, week: int) -> Edit:
    check_week(plan, week)
    if week == plan.weeks - 1:
        raise PlanError(_("Week {week} is already the last week.").format(week=week + 1))
    return MoveWeek(week, week + 1, label=_("Move week {week} later").format(week=week + 1))


def plan_next_week(
    plan: Plan,
    week: int,
    source: Literal["empty", "copy"] | Template = "empty",
    *,
    rules: bool = True,
) -> WeekEdit:
    """A new week right after ``week`` (later weeks move one week on): empty, a copy of
    ``week``, or a week template; the plan's rules then fill the meals still empty."""
    check_week(plan, week)
    if isinstance(source, Template):
        if source.kind != "week":
            raise PlanError(_("“{name}” is not a week template.").format(name=source.name))
        content: WeekCells = {(o, m): e for o, m, e in source.cells}
        label = _("Plan next week from “{name}”").format(name=source.name)
    elif source == "copy":
        content = week_cells(plan, week)
        label = _("Plan next week as a copy of week {week}").format(week=week + 1)
    elif source == "empty":
        content, label = {}, _("Plan next week")
    else:
        raise PlanError(
            _("{source} is not a way to start a week (empty, copy, a template).").format(
                source=repr(source)
            )
        )
    return _new_week(plan, week + 1, content, rules, label)


def set_week_count(plan: Plan, weeks: int, *, rules: bool = True) -> WeekEdit:
    """Make the plan ``weeks`` long (the weeks spin box): weeks added at the end are filled
    by the plan's rules, in the same edit; weeks taken off the end take their foods."""
    edit = SetWeeks(weeks, label=_("Change weeks"))
    if not rules or isinstance(weeks, bool) or not isinstance(weeks, int) or weeks <= plan.weeks:
        return WeekEdit(edit)
    if weeks > MAX_WEEKS:
        raise PlanError(
            _("A plan has 1 to {most} weeks, not {weeks}.").format(most=MAX_WEEKS, weeks=weeks)
        )
    enabled = [rule for rule in plan_rules(plan) if rule.enabled]
    cells: dict[tuple[int, str], tuple[Entry, ...]] = {}
    skipped: list[Skipped] = []
    for week in range(plan.weeks, weeks):  # new weeks are empty: nothing is skipped...
        first = week * DAYS_PER_WEEK
        found = propose_week(enabled, plan.date_of(first), first, lambda _cell: ())
        cells.update(found.cells)
        skipped.extend(found.skipped)  # ...but two rules may want one meal
    if not cells:
        return WeekEdit(edit, RuleFill({}, tuple(skipped)))
    return WeekEdit(
        Batch([edit, SetCells(cells, label=_("Change weeks"))], label=_("Change weeks")),
        RuleFill(cells, tuple(skipped)),
    )


def copy_week_replaces(plan: Plan, week: int, to_week: int) -> int:
    """How many foods copying ``week`` over ``to_week`` would take out (meals that would
    change and hold foods), so the ui can ask first, as Copy Day does. 0 when the copy adds
    a week after the last or ``to_week`` is empty."""
    check_week(plan, week)
    if to_week == plan.weeks:
        return 0
    check_week(plan, to_week)
    source, target = week * DAYS_PER_WEEK, to_week * DAYS_PER_WEEK
    return sum(
        len(plan.cell(target + offset, meal))
        for offset in range(DAYS_PER_WEEK)
        for meal in MEALS
        if plan.cell(target + offset, meal) != plan.cell(source + offset, meal)
    )


def week_to_show(edit: Edit, plan: Plan) -> int | None:
    """The week an edit changed, for the ui to bring into view once the edit (or, for an
    undo, the inverse) has been applied to ``plan``; None if it changed no week's foods
    (a rule edit)."""
    week: int | None = None
    if isinstance(edit, InsertWeek):
        week = edit.at
    elif isinstance(edit, DeleteWeek):
        week = edit.week
    elif isinstance(edit, MoveWeek):
        week = edit.to
    elif isinstance(edit, AddFood | InsertEntry | RemoveEntry | SetAmount):
        week = edit.day // DAYS_PER_WEEK
    elif isinstance(edit, SetCells) and edit.cells:
        week = min(day for day, _meal in edit.cells) // DAYS_PER_WEEK
    elif isinstance(edit, Batch):
        for part in edit.edits:
            week = week_to_show(part, plan)
            if week is not None:
                break
    if week is None:
        return None
    return max(0, min(week, plan.weeks - 1))
