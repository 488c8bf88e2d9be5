"""A nutrient added up over a day's foods, for the numbers shown beside the score (energy
and protein): what is known, and which foods leave it unknown."""

from __future__ import annotations

from collections.abc import Sequence

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
    return day_amounts(plan, catalog, day, (key,), resolver)[key]


def day_amounts(
    plan: Plan,
    catalog: Catalog,
    day: int,
    keys: Sequence[str],
    resolver: Resolver | None = None,
) -> dict[str, tuple[float, list[str]]]:
    """``day_amount`` for several nutrients, the day's entries resolved once."""
    resolver = resolver or FoodResolver(catalog)
    totals = dict.fromkeys(keys, 0.0)
    unknown: dict[str, list[str]] = {key: [] for key in keys}
    for _meal, _index, entry in plan.day_entries(day):
        parts = [(catalog.get(food_id), servings) for food_id, servings, _ in resolver.parts(entry)]
        for key in keys:
            values = [None if food is None else food.nutrient(key, n) for food, n in parts]
            if not values or None in values:
                unknown[key].append(catalog.name_of(entry.food_id))
            else:
                totals[key] += sum(v for v in values if v is not None)
    return {key: (totals[key], unknown[key]) for key in keys}


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
