"""Turning plan entries into what was eaten: servings of foods (the resolver).

An entry is an amount in a unit (planner.core.plan.Entry); scores, sums and lists need
servings of catalog foods, because a food's nutrients are per serving. A resolver gives
an entry's parts, (food id, servings of that food, heated), and its weight in grams.
``FoodResolver`` knows foods only (servings, grams, ounces and household measures); the
recipes layer adds recipes (planner.recipes.resolve.PlanResolver), which the core and
scoring cannot import, so they are given a resolver instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from planner.core.foods import Catalog, Food
from planner.core.measures import measures_of
from planner.core.plan import (
    GRAMS_PER_OUNCE,
    UNIT_GRAM,
    UNIT_OUNCE,
    UNIT_PORTION,
    UNIT_SERVING,
    Entry,
)
from planner.i18n import _

# (food id, servings of that food, heated): ``heated`` marks a food cooked with a dish,
# whose live cultures do not survive (scoring gives it no live-culture credit).
Part = tuple[str, float, bool]
_RESERVED = frozenset({UNIT_SERVING, UNIT_GRAM, UNIT_OUNCE, UNIT_PORTION})


class Resolver(Protocol):
    """Every resolver gives a catalog food in servings as itself, ((id, amount, False),):
    scoring's re-score relies on it and looks such entries up without asking."""

    def parts(self, entry: Entry) -> Sequence[Part]:
        """What the entry is made of; empty when its food, recipe or unit is unknown."""
        ...

    def grams(self, entry: Entry) -> float | None:
        """The entry's weight, or None when unknown."""
        ...

    @property
    def revision(self) -> object:
        """Changes whenever what an entry is made of may have changed (the catalog, a
        recipe book): what is worked out from parts is kept under it."""
        ...


@dataclass(frozen=True, slots=True)
class UnitChoice:
    """A unit a food can be given in: ``unit`` as an entry stores it, ``label`` as a
    person reads it, ``grams`` the weight of one (None when the food's weight is unknown)."""

    unit: str
    label: str
    grams: float | None


def _weight_known(food: Food) -> bool:
    return food.grams > 0  # NaN and 0 both fail


def units_of(food: Food) -> tuple[UnitChoice, ...]:
    """The units a food can be given in, for the amount box: its serving, grams and
    ounces when its serving's weight is known, then its household measures (SR28's
    WEIGHT table; each unit once, the first measure of that name giving its weight)."""
    # Translators: the food's own serving, in the amount box: "serving (1 cup)".
    serving = UnitChoice(
        UNIT_SERVING, _("serving ({serving})").format(serving=food.serving_label), None
    )
    if not _weight_known(food):
        return (serving,)
    label = _("serving ({serving}, {grams} g)").format(
        serving=food.serving_label, grams=f"{food.grams:g}"
    )
    serving = UnitChoice(UNIT_SERVING, label, food.grams)
    found = [serving, UnitChoice(UNIT_GRAM, "g", 1.0),
             UnitChoice(UNIT_OUNCE, "oz", GRAMS_PER_OUNCE)]  # fmt: skip
    seen = set(_RESERVED)
    for measure in measures_of(food):
        unit = measure.unit
        # "3 cloves" after "1 clove" is the same unit for a person.
        if unit in seen or unit.removesuffix("s") in seen or len(unit) > 60:
            continue
        seen.add(unit)
        found.append(UnitChoice(unit, unit, measure.grams_each))
    return tuple(found)


def grams_per_unit(food: Food, unit: str) -> float | None:
    """The weight of one ``unit`` of ``food``, or None when unknown."""
    if not _weight_known(food):
        return None
    if unit == UNIT_SERVING:
        return food.grams
    if unit == UNIT_GRAM:
        return 1.0
    if unit == UNIT_OUNCE:
        return GRAMS_PER_OUNCE
    if unit == UNIT_PORTION:
        return None
    for measure in measures_of(food):
        if measure.unit == unit:
            return measure.grams_each
    return None


def servings_of(food: Food, amount: float, unit: str) -> float | None:
    """``amount`` of ``unit`` of ``food`` in servings of it, or None when it cannot be
    known (a unit the food has no weight for)."""
    if unit == UNIT_SERVING:
        return amount
    each = grams_per_unit(food, unit)
    return None if each is None else amount * each / food.grams


class FoodResolver:
    """Entries of catalog foods in servings, grams, ounces or household measures;
    recipes are unknown here. Conversions of household measures are kept per (food,
    unit), because looking up a food's measures reads SR28's table."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        # (food id, unit) -> (the food converted, servings per unit): an own food edited
        # later is another Food object, so its entry is worked out again.
        self._per_unit: dict[tuple[str, str], tuple[Food, float | None]] = {}

    def _servings(self, entry: Entry) -> tuple[Food, float] | None:
        food = self.catalog.get(entry.food_id)
        if food is None:
            return None
        unit = entry.unit
        if unit == UNIT_SERVING:  # the common case first: no conversion
            return food, entry.amount
        key = (entry.food_id, unit)
        cached = self._per_unit.get(key)
        if cached is None or cached[0] is not food:
            each = grams_per_unit(food, unit)
            cached = self._per_unit[key] = (food, None if each is None else each / food.grams)
        factor = cached[1]
        return None if factor is None else (food, entry.amount * factor)

    @property
    def revision(self) -> object:
        return self.catalog.revision

    def parts(self, entry: Entry) -> Sequence[Part]:
        found = self._servings(entry)
        return () if found is None else ((entry.food_id, found[1], False),)

    def grams(self, entry: Entry) -> float | None:
        found = self._servings(entry)
        if found is None or not _weight_known(found[0]):
            return None
        return found[0].grams * found[1]
