"""A plan's entry: a food or a recipe in a meal, and how much of it, in which unit.

The units an amount can be in, their bounds and the checks a plan runs on an entry before it
holds it; planner.core.plan re-exports these names, as most modules import them from there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from planner.errors import PlanError
from planner.i18n import N_, _, ngettext, pgettext

# A plan entry's id for a recipe: RECIPE_PREFIX + the recipe's id.
RECIPE_PREFIX = "recipe:"
# The units an entry's amount can be in; any other unit is one of the food's household
# measures ("cup", "clove", "tbsp, chopped"), as SR28's WEIGHT table names them.
UNIT_SERVING, UNIT_GRAM, UNIT_OUNCE, UNIT_PORTION = "serving", "g", "oz", "portion"
GRAMS_PER_OUNCE = 28.349523125  # the international avoirdupois ounce (1959)
MAX_SERVINGS = 20.0  # servings of a food, or portions of a recipe
MAX_GRAMS = 5000.0
MAX_OUNCES = MAX_GRAMS / GRAMS_PER_OUNCE  # the same weight as MAX_GRAMS: about 176 oz
MAX_MEASURES = 50.0  # "50 cloves", "50 tbsp"
MAX_UNIT = 60  # characters of a unit's name (SR28's longest measure names are shorter)
# What check_amount says of a bad amount in each built-in unit: (not a number, not more
# than 0, above the bound); whole sentences, as each language words them its own way.
_AMOUNT_ERRORS: dict[str, tuple[str, str, str]] = {
    UNIT_SERVING: (
        N_("Servings must be a number, not {value}."),
        N_("Servings must be more than 0."),
        N_("Servings can be at most {bound}."),
    ),
    UNIT_PORTION: (
        N_("Portions must be a number, not {value}."),
        N_("Portions must be more than 0."),
        N_("Portions can be at most {bound}."),
    ),
    UNIT_GRAM: (
        N_("Grams must be a number, not {value}."),
        N_("Grams must be more than 0."),
        N_("Grams can be at most {bound}."),
    ),
    UNIT_OUNCE: (
        N_("Ounces must be a number, not {value}."),
        N_("Ounces must be more than 0."),
        N_("Ounces can be at most {bound}."),
    ),
}
# Translators: {unit} is a household measure such as "cup" or "clove".
_MEASURE_ERRORS = (
    N_("The amount in {unit} must be a number, not {value}."),
    N_("The amount in {unit} must be more than 0."),
    N_("The amount in {unit} can be at most {bound}."),
)


# The built-in units and their bounds; a household measure's bound is MAX_MEASURES.
_BOUNDS = {UNIT_SERVING: MAX_SERVINGS, UNIT_PORTION: MAX_SERVINGS, UNIT_GRAM: MAX_GRAMS,
           UNIT_OUNCE: MAX_OUNCES}  # fmt: skip
_UNITS = frozenset(_BOUNDS)


def max_amount(unit: str) -> float:
    """The largest amount an entry may have in ``unit``."""
    return _BOUNDS.get(unit, MAX_MEASURES)


def check_unit(unit: object) -> str:
    """A unit's name, or PlanError: a short printable name."""
    if type(unit) is str and unit in _UNITS:  # the common case, once per entry of a file
        return unit
    if not isinstance(unit, str) or not unit.strip():
        raise PlanError(_("{value} is not a unit.").format(value=repr(str(unit)[:20])))
    if len(unit) > MAX_UNIT:
        raise PlanError(
            ngettext(
                "A unit's name can have at most {count} character.",
                "A unit's name can have at most {count} characters.",
                MAX_UNIT,
            ).format(count=MAX_UNIT)
        )
    if any(ord(c) < 32 or ord(c) == 127 or 0xD800 <= ord(c) <= 0xDFFF for c in unit):
        raise PlanError(_("A unit's name holds control characters."))
    return unit


def check_amount(amount: object, unit: object = UNIT_SERVING) -> float:
    """An amount in ``unit`` as a float, or PlanError: a positive number within the
    unit's bound (20 servings or portions, 5,000 g, about 176 oz, 50 of a measure)."""
    unit = check_unit(unit)
    not_number, not_positive, too_much = _AMOUNT_ERRORS.get(unit, _MEASURE_ERRORS)
    if isinstance(amount, bool) or not isinstance(amount, int | float):
        raise PlanError(_(not_number).format(unit=unit, value=f"{amount!r:.40}"))
    value = float(amount)
    if not math.isfinite(value) or value <= 0:
        raise PlanError(_(not_positive).format(unit=unit))
    bound = max_amount(unit)
    if value > bound:
        raise PlanError(_(too_much).format(unit=unit, bound=f"{bound:.4g}"))
    return value


def check_entry(entry: object) -> Entry:
    """``entry`` if it is an Entry whose amount and unit a plan can hold (a recipe is
    given in portions, a food never is); raises PlanError."""
    if not isinstance(entry, Entry):
        raise PlanError(_("{value} is not a food of a meal.").format(value=repr(str(entry)[:40])))
    given, unit = entry.amount, entry.unit
    if type(given) is float and type(unit) is str:  # the common case, once per loaded entry
        bound = _BOUNDS.get(unit)
        # (NaN fails the comparison and takes the full check, which names it)
        if bound is not None and 0.0 < given <= bound and entry.is_recipe == (unit == UNIT_PORTION):
            return entry
    amount = check_amount(given, unit)
    if entry.is_recipe != (entry.unit == UNIT_PORTION):
        raise PlanError(
            _("A recipe is planned in portions.")
            if entry.is_recipe
            else _("Only a recipe is planned in portions.")
        )
    if type(entry.amount) is float:
        return entry
    return Entry(entry.food_id, amount, entry.unit)  # an int amount becomes a float


def format_amount(amount: float, unit: str, times: str = "x") -> str:
    """An entry's amount as the grid and lists show it: "x1.5" (servings, as before
    amounts had units), "2 portions", "150 g", "5 oz", "2 cup"."""
    if unit == UNIT_SERVING:
        return f"{times}{amount:g}"
    if unit == UNIT_PORTION:
        return ngettext("{amount} portion", "{amount} portions", amount).format(
            amount=f"{amount:g}"
        )
    # Translators: an amount in a unit: "150 g", "2 cup".
    return pgettext("amount", "{amount} {unit}").format(amount=f"{amount:g}", unit=unit)


@dataclass(frozen=True, slots=True)
class Entry:
    """A food or a recipe in a meal, and how much of it.

    ``food_id`` is a food's id or RECIPE_PREFIX + a recipe's id; ``amount`` is in
    ``unit``: "serving" (the food's catalog serving), "g", "oz", "portion" (recipes only)
    or one of the food's household measures. Readers turn an entry into what was eaten
    through a resolver (planner.core.amounts), never through ``amount`` alone: 150 g is
    not 150 servings."""

    food_id: str
    amount: float = 1.0
    unit: str = UNIT_SERVING

    @property
    def is_recipe(self) -> bool:
        return self.food_id.startswith(RECIPE_PREFIX)

    @property
    def recipe_id(self) -> str | None:
        return self.food_id[len(RECIPE_PREFIX) :] if self.is_recipe else None
