"""What a drop, a paste or a keyboard move does to a plan: the one place these edits are built.

The foods a drag or a clipboard copy carries (planner.core.carried: ``Carried``) go where
they are dropped through ``drop_edit``; a keyboard move or copy of one entry through
``move_entry`` and ``copy_entry``. The ui asks these functions for the edit; tests and the
CLI use the same functions.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from planner.core.carried import Carried, CarriedFood, Source
from planner.core.edits import AddFood, Batch, Edit, RemoveEntry, entry_at
from planner.core.plan import Plan
from planner.errors import PlanError
from planner.i18n import _


# -- the edits ----------------------------------------------------------------------------------
def drop_edit(
    plan: Plan,
    known: Container[str],
    carried: Carried,
    move: bool,
    token: str,
    day: int,
    meal: str,
) -> Edit | None:
    """The one edit a drop (or paste) onto (day, meal) makes, or None if it changes nothing.

    Foods carried from this plan move (or, with ``move`` False, are copied with their
    amounts); a food from elsewhere is added only if ``known`` (the catalog) holds it.
    Raises PlanError for a stale source.
    """
    own = carried.token == token
    if move and own and all(item.source for item in carried.items):
        return move_edit(plan, carried.items, day, meal)
    adds: list[Edit] = [
        AddFood(day, meal, item.food_id, item.amount, item.unit)
        for item in carried.items
        if (own and item.source) or item.food_id in known
    ]
    if not adds:
        return None
    if len(adds) == 1:
        return adds[0]
    return Batch(adds, label=_("Copy foods") if own else _("Add foods"))


def move_edit(plan: Plan, items: Sequence[CarriedFood], day: int, meal: str) -> Edit | None:
    """Move foods of this plan to (day, meal), merging with the same food there; None when
    every food is already there. Raises PlanError if a food is no longer at its source."""
    moving = [it for it in items if it.source and it.source[:2] != (day, meal)]
    if not moving:
        return None
    sources: set[Source] = set()
    for it in moving:
        assert it.source is not None
        d, m, i = it.source
        entries = plan.cell(d, m) if 0 <= d < plan.day_count else ()
        if not 0 <= i < len(entries) or entries[i].food_id != it.food_id:
            raise PlanError(_("That food is no longer where it was dragged from."))
        sources.add(it.source)
    # Remove from the highest index down so the earlier indices stay valid.
    ordered = sorted(sources, key=lambda s: (s[0], s[1], -s[2]))
    removals: list[Edit] = [RemoveEntry(d, m, i) for d, m, i in ordered]
    adds: list[Edit] = [AddFood(day, meal, it.food_id, it.amount, it.unit) for it in moving]
    return Batch(removals + adds, label=_("Move food") if len(moving) == 1 else _("Move foods"))


def move_entry(plan: Plan, day: int, meal: str, index: int, to_day: int, to_meal: str) -> Edit:
    """Move one entry to another meal (merging with the same food there)."""
    entry = entry_at(plan, day, meal, index)
    plan.check_day(to_day)
    plan.check_meal(to_meal)
    item = CarriedFood(entry.food_id, entry.amount, entry.unit, (day, meal, index))
    return move_edit(plan, [item], to_day, to_meal) or Batch([], label=_("Move food"))


def copy_entry(plan: Plan, day: int, meal: str, index: int, to_day: int, to_meal: str) -> Edit:
    """Copy one entry into another meal (adding to the same food there)."""
    entry = entry_at(plan, day, meal, index)
    return AddFood(to_day, to_meal, entry.food_id, entry.amount, entry.unit, label=_("Copy food"))
