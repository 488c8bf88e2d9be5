"""A nutrient added up over a day's foods, for the numbers shown beside the score (energy
and protein): what is known, and which foods leave it unknown."""

from __future__ import annotations

from planner.core.foods import Catalog
from planner.core.plan import Plan


def day_amount(plan: Plan, catalog: Catalog, day: int, key: str) -> tuple[float, list[str]]:
    """A nutrient summed over a day's foods (servings x the value per serving), and the
    names of the foods whose value is unknown (or that are not in the catalog)."""
    total, unknown = 0.0, []
    for _meal, _index, entry in plan.day_entries(day):
        food = catalog.get(entry.food_id)
        value = None if food is None else food.nutrient(key, entry.servings)
        if value is None:
            unknown.append(catalog.name_of(entry.food_id))
        else:
            total += value
    return total, unknown


def amount_text(total: float, unknown: list[str], unit: str) -> str:
    """ "1,892 kcal"; "at least 40 g" when some foods' values are unknown; "unknown" when
    no food's value is known."""
    if unknown and not total:
        return "unknown"
    text = f"{total:,.0f} {unit}"
    return f"at least {text}" if unknown else text
