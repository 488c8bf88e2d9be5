"""How much a plan may hold: the plan file's limits, which edits are held to as well.

Apart from planner.storage.planfile (which re-exports them) so that the window's edits and
the CSV reader can check them without loading the plan file's reader, its upgrades and
the rotation rules it carries.
"""

from __future__ import annotations

from collections.abc import Iterable

from planner.core.plan import MEALS, Plan
from planner.i18n import _, format_number

# A meal of 200 foods or a plan of 20,000 is far past any real week; the limits keep a
# hostile file from tying up the app (the grid and the scores handle far more than this).
MAX_CELL_ENTRIES = 200
MAX_PLAN_ENTRIES = 20_000


def limit_problem(plan: Plan, days: Iterable[int] | None = None) -> str:
    """Why ``plan`` holds more than a plan file may (looking only at ``days`` if given).

    The loader refuses such files, so edits are held to the same limits (ui.document): the
    app never writes a plan it would not open again. Returns "" when all is well.
    """
    if plan.entry_count() > MAX_PLAN_ENTRIES:
        return _("A plan can hold at most {most} foods.").format(
            most=format_number(MAX_PLAN_ENTRIES, 0)
        )
    for day in range(plan.day_count) if days is None else days:
        if day < plan.day_count and any(
            len(plan.cell(day, meal)) > MAX_CELL_ENTRIES for meal in MEALS
        ):
            return _("A meal can hold at most {most} foods.").format(most=MAX_CELL_ENTRIES)
    return ""
