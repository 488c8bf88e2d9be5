"""A nutrient added up over a day's foods, for the numbers shown beside the score (energy
and protein): what is known, and which foods leave it unknown."""

from __future__ import annotations

from collections.abc import Sequence

from planner import i18n
from planner.core.amounts import FoodResolver, Resolver
from planner.core.foods import Catalog
from planner.core.plan import Entry, Plan
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
    return DayTotals(catalog, resolver or FoodResolver(catalog), keys).of(plan, day)


class DayTotals:
    """``day_amounts`` of some nutrients through one resolver, each entry's values kept
    while the catalog is unchanged: after an edit, summing the day again reads only the
    entry that changed. A new resolver (other recipes) needs a new DayTotals."""

    def __init__(self, catalog: Catalog, resolver: Resolver, keys: Sequence[str]) -> None:
        self.catalog, self.resolver, self.keys = catalog, resolver, tuple(keys)
        self._revision = catalog.revision
        # entry -> its value of each key (None: unknown), and its name
        self._values: dict[Entry, tuple[tuple[float | None, ...], str]] = {}

    def of(self, plan: Plan, day: int) -> dict[str, tuple[float, list[str]]]:
        if self._revision != self.catalog.revision:  # own foods changed: names, values
            self._values.clear()
            self._revision = self.catalog.revision
        totals = [0.0] * len(self.keys)
        unknown: list[list[str]] = [[] for _key in self.keys]
        for _meal, _index, entry in plan.day_entries(day):
            values, name = self._values.get(entry) or self._entry_values(entry)
            for i, value in enumerate(values):
                if value is None:
                    unknown[i].append(name)
                else:
                    totals[i] += value
        return {key: (totals[i], unknown[i]) for i, key in enumerate(self.keys)}

    def _entry_values(self, entry: Entry) -> tuple[tuple[float | None, ...], str]:
        catalog = self.catalog
        parts = [(catalog.get(food_id), n) for food_id, n, _heated in self.resolver.parts(entry)]
        found: list[float | None] = []
        for key in self.keys:
            values = [None if food is None else food.nutrient(key, n) for food, n in parts]
            known = [v for v in values if v is not None]
            # An entry counts whole or not at all: one unknown part makes it unknown.
            found.append(sum(known) if values and len(known) == len(values) else None)
        if len(self._values) >= 4096:
            self._values.clear()
        result = (tuple(found), catalog.name_of(entry.food_id))
        self._values[entry] = result
        return result


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
