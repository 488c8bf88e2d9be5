"""How a plan entry reads in the window: its name (a food's, a dish's, or "unknown recipe"),
its amount in its unit with weights in grams or ounces by the metric/US setting, and a
recipe's ingredients for the planned portions.

One ``EntryWords`` is shared by the grid, the selected food's bar and the status messages,
so that an entry reads the same everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale

from planner.core.foods import Catalog
from planner.core.plan import (
    GRAMS_PER_OUNCE,
    UNIT_GRAM,
    UNIT_OUNCE,
    UNIT_PORTION,
    UNIT_SERVING,
    Entry,
)
from planner.i18n import N_, _, ngettext
from ui.settings import METRIC, US

if TYPE_CHECKING:
    from planner.recipes.book import RecipeBook
    from planner.recipes.model import Ingredient, Recipe

# Translators: what the grid calls a dish the recipe book no longer holds.
UNKNOWN_RECIPE = N_("unknown recipe")
# Household measures that take an "s" when there are several ("2 cloves"); abbreviations
# ("tbsp", "oz") and sizes ("medium") do not, so only these nouns are made plural.
_COUNTABLE = frozenset(
    [
        "bar",
        "bottle",
        "can",
        "clove",
        "container",
        "cup",
        "egg",
        "fillet",
        "floret",
        "head",
        "leaf",
        "link",
        "loaf",
        "muffin",
        "package",
        "packet",
        "patty",
        "piece",
        "pod",
        "portion",
        "scoop",
        "serving",
        "slice",
        "spear",
        "sprig",
        "stalk",
        "stick",
        "strip",
        "tablespoon",
        "teaspoon",
        "wedge",
    ]
)
# Fractions a cook writes: "½ cup", "1 ¼ cups".
_FRACTIONS = ((0.25, "¼"), (1 / 3, "⅓"), (0.5, "½"), (2 / 3, "⅔"), (0.75, "¾"))


def number_text(value: float) -> str:
    """An amount as a person writes it: at most two decimals, no trailing zeros, in the
    app's language ("1,5" in German: QLocale follows the language the app set)."""
    return _g(round(value, 2))


def _g(value: float) -> str:
    """Python's "{:g}" as the language writes numbers."""
    return QLocale().toString(float(value), "g", 6)


def count_text(value: float) -> str:
    """A count of a household measure, with the common fractions a cook uses: "1 ½"."""
    whole = int(value)
    rest = value - whole
    for fraction, glyph in _FRACTIONS:
        if abs(rest - fraction) < 0.01:
            return f"{QLocale().toString(whole)} {glyph}" if whole else glyph
    return number_text(value)


def plural(unit: str, count: float) -> str:
    """ "cup" -> "cups" for more than one; "cup, chopped" -> "cups, chopped"; units that
    are not countable nouns stay as written."""
    if count <= 1 + 1e-9:  # "½ cup", "1 cup"
        return unit
    head, sep, tail = unit.partition(",")
    words = head.split(" ")
    if words and words[-1].casefold() in _COUNTABLE:
        words[-1] += "s"
    return " ".join(words) + sep + tail


def weight_text(grams: float, system: str) -> str:
    """A weight in the setting's unit: "150 g", "2.5 g"; "5.3 oz", "0.35 oz"."""
    if system == US:
        ounces = grams / GRAMS_PER_OUNCE
        if 0 < ounces < 0.005:
            return f"<{_rounded(0.01, 2)} oz"  # a pinch is not nothing
        return f"{_rounded(ounces, 1 if ounces >= 1 else 2)} oz"
    if 0 < grams < 0.05:
        return f"<{_rounded(0.1, 1)} g"
    return f"{_rounded(grams, 0 if grams >= 10 else 1)} g"


def _rounded(value: float, places: int) -> str:
    """``value`` to ``places`` decimals, thousands grouped, no trailing zeros: "1,033", as
    the language writes it ("1.033" in German). Rounded as Python rounds, then written."""
    locale = QLocale()
    text = locale.toString(float(f"{value:.{places}f}"), "f", places)
    point = locale.decimalPoint()
    return text.rstrip("0").rstrip(point) if places and point in text else text


class EntryWords:
    """Names, amounts and descriptions of plan entries, for one catalog, recipe book and
    unit system (``set_book`` and ``set_system`` follow the window's)."""

    def __init__(
        self, catalog: Catalog, book: RecipeBook | None = None, system: str = METRIC
    ) -> None:
        self.catalog = catalog
        self.book = book
        self.system = system if system in (METRIC, US) else METRIC

    def set_book(self, book: RecipeBook | None) -> None:
        self.book = book

    def set_system(self, system: str) -> None:
        self.system = system if system in (METRIC, US) else METRIC

    # -- recipes -------------------------------------------------------------------------
    def recipe(self, entry: Entry) -> Recipe | None:
        """The entry's recipe, or None (a food, or a recipe the book does not hold)."""
        rid = entry.recipe_id
        return None if rid is None or self.book is None else self.book.get(rid)

    def is_unknown_recipe(self, entry: Entry) -> bool:
        return entry.is_recipe and self.recipe(entry) is None

    # -- one entry -----------------------------------------------------------------------
    def name(self, entry: Entry) -> str:
        """The food's or dish's name; "unknown recipe" for a dish not in the book (the
        entry stays in the plan, nothing is lost)."""
        if entry.is_recipe:
            recipe = self.recipe(entry)
            return _(UNKNOWN_RECIPE) if recipe is None else recipe.name
        return self.catalog.name_of(entry.food_id)

    def amount(self, entry: Entry, *, convert: bool = True) -> str:
        """The amount as the grid shows it: "x1.5" (servings, as always), "×2 portions",
        "150 g" or "5.3 oz" (by the setting, whichever unit the entry is in; with
        ``convert`` False, in the entry's own unit), "2 cups"."""
        amount, unit = entry.amount, entry.unit
        if not convert and unit in (UNIT_GRAM, UNIT_OUNCE):
            return f"{number_text(amount)} {unit}"
        if unit == UNIT_SERVING:
            return f"x{_g(amount)}"
        if unit == UNIT_PORTION:
            # Translators: portions of a dish planned in a meal, e.g. "×2 portions".
            return ngettext("×{count} portion", "×{count} portions", amount).format(
                count=number_text(amount)
            )
        if unit == UNIT_GRAM:
            return weight_text(amount, self.system)
        if unit == UNIT_OUNCE:
            return weight_text(amount * GRAMS_PER_OUNCE, self.system)
        return f"{count_text(amount)} {plural(unit, amount)}"

    def line(self, entry: Entry) -> str:
        """Name and amount: "Kefir x1", "Lentil soup ×2 portions", "Oats 40 g"."""
        return f"{self.name(entry)} {self.amount(entry)}"

    def ingredients(self, entry: Entry) -> list[str]:
        """A recipe entry's ingredient lines scaled to its portions ("Garlic: 2 cloves
        (6 g)", "Lentils, cooked: 200 g", notes as written); [] for a food or an unknown
        recipe."""
        recipe = self.recipe(entry)
        if recipe is None or entry.unit != UNIT_PORTION:
            return []
        scale = entry.amount / recipe.portions
        return [self._ingredient(item, scale) for item in recipe.ingredients]

    def _ingredient(self, item: Ingredient, scale: float) -> str:
        if item.is_note:
            return item.text
        if item.food_id is not None:
            name = self.catalog.name_of(item.food_id)
        else:
            inner = (
                None
                if self.book is None or item.recipe_id is None
                else self.book.get(item.recipe_id)
            )
            name = inner.name if inner is not None else _(UNKNOWN_RECIPE)
        weight = weight_text(item.grams * scale, self.system)
        if item.measure and item.count and item.measure not in (UNIT_GRAM, UNIT_OUNCE):
            count = item.count * scale
            return f"{name}: {count_text(count)} {plural(item.measure, count)} ({weight})"
        return f"{name}: {weight}"

    def description(self, entry: Entry) -> str:
        """The entry's line, and for a recipe its ingredients for those portions, one a
        line: the cell's tooltip and what a screen reader says."""
        if self.is_unknown_recipe(entry):
            # Translators: {name} is "unknown recipe", {id} the recipe's id in the plan file.
            return _(
                "{name} {amount} ({id}): not in your recipes, kept in the plan as it is"
            ).format(name=_(UNKNOWN_RECIPE), amount=self.amount(entry), id=entry.recipe_id)
        items = self.ingredients(entry)
        if not items:
            return self.line(entry)
        return f"{self.line(entry)}:\n" + "\n".join(f"  • {item}" for item in items)

    def spoken(self, entry: Entry) -> str:
        """The entry on one line, for a screen reader: a dish says it is one and what is
        in it."""
        if self.is_unknown_recipe(entry):
            return self.description(entry)
        items = self.ingredients(entry)
        if not entry.is_recipe:
            return self.line(entry)
        if not items:
            return _("{dish}, a dish of no ingredients").format(dish=self.line(entry))
        return _("{dish}, a dish of {ingredients}").format(
            dish=self.line(entry), ingredients=", ".join(items)
        )
