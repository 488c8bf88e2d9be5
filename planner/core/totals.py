"""A nutrient added up over a day's foods, for the numbers shown beside the score (energy
and protein): what is known, and which foods leave it unknown."""

from __future__ import annotations

from planner import i18n
from planner.core.amounts import FoodResolver, Resolver
from planner.core.foods import Catalog
from planner.core.plan import Plan
from planner.i18n import _


def day_amount(
    plan: Plan, catalog: Catalog, day: int, key: str, resolver: Resolver | None = None
) -> tuple[float, list[str]]:
    """A nutrient summed over a day's foods (servings x the value per serving, each entry
    through ``resolver``), and the names of the foods whose value is unknown (or that are
    not in the catalog)."""
    resolver = resolver or FoodResolver(catalog)
    total, unknown = 0.0, []
    for _meal, _index, entry in plan.day_entries(day):
        values = []
        for food_id, servings, _heated in resolver.parts(entry):
            food = catalog.get(food_id)
            values.append(None if food is None else food.nutrient(key, servings))
        if not values or None in values:
            unknown.append(catalog.name_of(entry.food_id))
        else:
            total += sum(v for v in values if v is not None)
    return total, unknown


def amount_text(total: float, unknown: list[str], unit: str) -> str:
    """ "1,892 kcal"; "at least 40 g" when some foods' values are unknown; "unknown" when
    no food's value is known."""
    if unknown and not total:
        # Translators: a day's total of a nutrient when no food's value is known.
        return _("unknown")
    # Translators: a day's total of a nutrient in its unit: "1,892 kcal".
    # English as it always read, without loading Babel; other languages by the CLDR.
    english = i18n.language() in (i18n.SOURCE_LANGUAGE, i18n.PSEUDO)
    amount = f"{total:,.0f}" if english else i18n.format_number(total, 0)
    text = _("{amount} {unit}").format(amount=amount, unit=unit)
    return _("at least {amount}").format(amount=text) if unknown else text
