"""What a drop or a paste onto a cell of the grid does to the plan: one edit."""

from __future__ import annotations

from collections.abc import Sequence

from planner.core.edits import AddFood, Batch, Edit, RemoveEntry
from planner.core.foods import Catalog
from planner.core.plan import Plan
from planner.errors import PlanError

from .mime import DragItem, FoodDrag


def drop_edit(
    plan: Plan,
    catalog: Catalog,
    drag: FoodDrag,
    move: bool,
    token: str,
    day: int,
    meal: str,
) -> Edit | None:
    """The one edit a drop (or paste) onto (day, meal) makes, or None if it changes nothing.

    Foods dragged within this plan move (or, with ``move`` False, are copied with their
    servings); any other food adds its servings. Raises PlanError for a stale source.
    """
    own = drag.token == token
    if move and own and all(item.source for item in drag.items):
        return _move_edit(plan, drag.items, day, meal)
    adds: list[Edit] = []
    for item in drag.items:
        # A food from another plan or app must be one this catalog knows.
        if (own and item.source) or item.food_id in catalog:
            adds.append(AddFood(day, meal, item.food_id, item.servings))
    if not adds:
        return None
    if len(adds) == 1:
        return adds[0]
    return Batch(adds, label="Add foods" if not own else "Copy foods")


def _move_edit(plan: Plan, items: Sequence[DragItem], day: int, meal: str) -> Edit | None:
    moving = [it for it in items if it.source and it.source[:2] != (day, meal)]
    if not moving:
        return None
    for it in moving:
        d, m, i = it.source  # type: ignore[misc]
        entries = plan.cell(d, m) if 0 <= d < plan.day_count else ()
        if not 0 <= i < len(entries) or entries[i].food_id != it.food_id:
            raise PlanError("That food is no longer where it was dragged from.")
    # Remove from the highest index down so the earlier indices stay valid.
    sources = sorted({it.source for it in moving}, key=lambda s: (s[0], s[1], -s[2]))  # type: ignore[index]
    removals: list[Edit] = [RemoveEntry(d, m, i) for d, m, i in sources]  # type: ignore[misc]
    adds: list[Edit] = [AddFood(day, meal, it.food_id, it.servings) for it in moving]
    return Batch(removals + adds, label="Move food" if len(moving) == 1 else "Move foods")
