"""The shopping list: a week's foods added up into amounts a person buys, grouped by aisle.

Pure Python, no ReportLab: the PDF prints it and the app can show it.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from planner import i18n
from planner.core.amounts import FoodResolver, Resolver
from planner.core.foods import AISLE_LABELS, AISLES, CURATED, Catalog, Food
from planner.core.plan import (
    DAYS_PER_WEEK,
    UNIT_GRAM,
    UNIT_OUNCE,
    UNIT_PORTION,
    UNIT_SERVING,
    Plan,
    format_amount,
)
from planner.i18n import N_, _, ngettext

OTHER_AISLE = "other"
# Translators: the shopping list's heading for foods of no aisle.
OTHER_LABEL = N_("Other")

# Units that read the same for one and many: metric, abbreviations and sizes.
_METRIC = frozenset({"g", "kg", "mg", "mcg", "µg", "ml", "dl", "cl", "l"})
_ABBREVIATIONS = frozenset({"oz", "lb", "lbs", "tbsp", "tsp", "tbs", "fl", "qt", "pt", "gal"})
_SIZES = frozenset({"small", "medium", "large", "jumbo", "extra"})
_INVARIANT = _METRIC | _ABBREVIATIONS | _SIZES | {"whole", "each"}
_MASS_UNITS = frozenset({"g", "gram", "grams", "kg", "mg"})
_IRREGULAR = {
    "leaf": "leaves",
    "loaf": "loaves",
    "half": "halves",
    "knife": "knives",
    "potato": "potatoes",
    "tomato": "tomatoes",
    "mango": "mangoes",
    "fish": "fish",
    "sheep": "sheep",
}
# Plurals that the "-ies" rule would read back wrongly ("cookies" is not "cooky").
_IRREGULAR.update({w: w + "s" for w in ("cookie", "pie", "brownie", "smoothie", "veggie")})
_SINGULAR = {plural: one for one, plural in _IRREGULAR.items()}
# Measures and containers: "1 cup spaghetti" counts cups, whatever follows.
_MEASURES = frozenset(
    {
        *("cup", "tablespoon", "teaspoon", "serving", "portion", "piece", "slice", "item"),
        *("unit", "package", "packet", "container", "can", "bottle", "jar", "box", "pouch"),
        *("bar", "scoop", "stick", "clove", "fillet", "glass", "mug", "bowl", "handful"),
        *("pinch", "dash", "sprig", "head", "bunch", "stalk", "spear", "wedge", "strip"),
        *("cube", "sheet", "envelope", "tube", "loaf", "roll", "link", "drop", "shot"),
    }
)
_STOP = frozenset({"with", "without", "from", "of", "in", "per", "not", "or", "and", "to"})
# Words after a size that describe the food rather than count it ("1 medium raw").
_NOT_COUNTED = frozenset(["raw", "dry", "fresh", "whole", "ripe", "cooked", "frozen", "canned"])
_FRACTIONS = {"¼": 0.25, "½": 0.5, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_ARTICLES = {"a": 1.0, "an": 1.0, "one": 1.0}

# A leading amount: "1", "0.5", ".5", "1/2", "1 1/2", "1-1/2", "1½", "½", followed by a
# space or a letter ("100g"), never by "-3" (a range is not an amount).
_AMOUNT = re.compile(
    r"""^\s*(?:
        (?P<whole>\d+)[\s-]+(?P<num>\d+)/(?P<den>\d+)
      | (?P<fnum>\d+)/(?P<fden>\d+)
      | (?P<dec>\d*\.\d+|\d+)(?P<vulgar>[¼½¾⅓⅔⅛])?
      | (?P<lone>[¼½¾⅓⅔⅛])
    )(?=\s|[^\W\d_]|$)\s*""",
    re.VERBOSE,
)


# -- amounts --------------------------------------------------------------------------------
def parse_serving(label: str) -> tuple[float | None, str]:
    """Split a serving label into its leading amount and the rest: "1/2 cup" -> (0.5, "cup").

    A label with no amount ("handful", "a handful") counts as one; an amount that cannot be
    read ("2-3 pieces") gives (None, label).
    """
    text = " ".join(label.split())
    match = _AMOUNT.match(text)
    if match:
        g = match.groupdict()
        if g["whole"] is not None:
            den = int(g["den"])
            value = int(g["whole"]) + (int(g["num"]) / den if den else math.nan)
        elif g["fnum"] is not None:
            den = int(g["fden"])
            value = int(g["fnum"]) / den if den else math.nan
        elif g["dec"] is not None:
            value = float(g["dec"]) + _FRACTIONS.get(g["vulgar"] or "", 0.0)
        else:
            value = _FRACTIONS[g["lone"]]
        if not math.isfinite(value) or value <= 0:
            return None, text
        return value, text[match.end() :]
    first, _, rest = text.partition(" ")
    if first.casefold() in _ARTICLES and rest:
        return _ARTICLES[first.casefold()], rest
    if text[:1].isalpha():
        return 1.0, text
    return None, text


def format_number(value: float) -> str:
    """A count as people write it: 3, 1.5, 0.75, 2.33 (at most two decimals)."""
    rounded = round(value, 2)
    if i18n.language() not in (i18n.SOURCE_LANGUAGE, i18n.PSEUDO):
        return i18n.format_number(rounded, 2)  # "1,5" where the locale writes it so
    if abs(rounded - round(rounded)) < 1e-9:
        return str(round(rounded))
    return f"{rounded:.2f}".rstrip("0").rstrip(".")


def format_grams(grams: float) -> str:
    """A weight to buy: "729 g", "1.25 kg", "<1 g"."""
    if grams >= 999.5:
        return _("{amount} kg").format(amount=format_number(grams / 1000))
    if 0 < grams < 0.5:
        return _("<1 g")
    return _("{amount} g").format(amount=round(grams))


def _plural(word: str) -> str:
    lower = word.casefold()
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _singular(word: str) -> str:
    lower = word.casefold()
    if lower in _SINGULAR:
        return _SINGULAR[lower]
    if lower.endswith("ies") and len(lower) > 3:
        return word[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _countable(word: str) -> bool:
    return (
        word.isalpha()
        and (word.islower() or word.istitle())
        and word.casefold() not in _INVARIANT
        and word.casefold() not in _NOT_COUNTED
        and not word.endswith("ed")
    )


def _split_word(word: str) -> tuple[str, str] | None:
    """A word and the punctuation after it ("cup," -> ("cup", ",")), or None."""
    match = re.fullmatch(r"([^\W\d_]+)([,;:.)]*)", word)
    return (match[1], match[2]) if match else None


def _counted_index(words: list[str]) -> int | None:
    """Which word of a serving label counts: "cups" in "1 cup, chopped", "eggs" in
    "1 large egg", "crusts" in "1 pie crust (average weight)"."""
    index = 0
    while index < len(words) - 1 and (words[index] in _SIZES or words[index].isupper()):
        index += 1
    parts = _split_word(words[index])
    if parts is None or not _countable(parts[0]):
        return None
    if parts[0].casefold() in _MEASURES or parts[1]:
        return index
    # A noun of several words counts its last one, up to punctuation or a preposition.
    while index + 1 < len(words):
        following = _split_word(words[index + 1])
        if following is None or not _countable(following[0]) or following[0] in _STOP:
            break
        index += 1
        if following[1]:
            break
    return index


def _unit_for(rest: str, amount: float, label_amount: float) -> str:
    """``rest`` with its counted word in the form that fits ``amount``."""
    words = rest.split(" ")
    index = _counted_index(words)
    if index is None:
        return rest
    word, tail = _split_word(words[index]) or (words[index], "")
    one = _singular(word) if label_amount > 1 else word
    words[index] = (one if round(amount, 2) <= 1 else _plural(one)) + tail
    return " ".join(words)


def english_label(food: Food | None) -> bool:
    """Whether a food's serving label is in English, so that English plurals fit it
    ("3 cups"): SR28's and the user's labels always are; a curated food's is translated
    in another language ("1 Tasse"), and is then shown with its count as written."""
    return (
        food is None
        or food.origin != CURATED
        or i18n.language() in (i18n.SOURCE_LANGUAGE, i18n.PSEUDO)
    )


def quantity_parts(
    serving_label: str, grams: float, servings: float, *, inflect: bool = True
) -> tuple[str, str]:
    """The household amount and the weight for ``servings`` servings, e.g. ("3 cups", "729 g").

    The weight is "" when unknown, and the amount is the weight itself for a label in grams.
    ``inflect`` False leaves the label's words as written (a translated label).
    """
    total_grams = grams * servings
    weight = format_grams(total_grams) if math.isfinite(total_grams) and total_grams > 0 else ""
    label_amount, rest = parse_serving(serving_label.strip() or "serving")
    if label_amount is None:
        if not rest:
            return format_number(servings), weight
        # Translators: servings of a serving that has no amount of its own: "3 × a bowl".
        return _("{count} × {serving}").format(count=format_number(servings), serving=rest), weight
    amount = label_amount * servings
    if rest.split(" ")[0].casefold() in _MASS_UNITS and weight:
        return weight, weight
    text = format_number(amount)
    if rest:
        text += " " + (_unit_for(rest, amount, label_amount) if inflect else rest)
    return text, weight


def join_quantity(amount: str, weight: str) -> str:
    return f"{amount} ({weight})" if weight and weight != amount else amount


def quantity_text(
    serving_label: str,
    grams: float,
    servings: float,
    *,
    with_grams: bool = True,
    inflect: bool = True,
) -> str:
    """What to buy for ``servings`` servings of a food served as ``serving_label``.

    "1 cup" x 3 -> "3 cups (729 g)"; "2 tbsp" x 1.5 -> "3 tbsp (...)"; "100 g" x 3 -> "300 g".
    The weight comes from the food's grams per serving, which is what the scores use.
    """
    amount, weight = quantity_parts(serving_label, grams, servings, inflect=inflect)
    return join_quantity(amount, weight) if with_grams else amount


def entry_quantity(food: Food | None, amount: float, unit: str = UNIT_SERVING) -> str:
    """The amount shown next to a food in the week grid: household units, no weight.
    An amount in servings reads in the food's serving ("3 cups"); any other unit as it
    was given ("150 g", "2 cloves", "1 cup, chopped", "2 portions")."""
    if unit == UNIT_GRAM:
        return format_grams(amount)
    if unit in (UNIT_PORTION, UNIT_OUNCE):
        return format_amount(amount, unit)
    if unit != UNIT_SERVING:  # a household measure, in the form that fits the amount
        return f"{format_number(amount)} {_unit_for(unit, amount, 1.0)}"
    if food is None:
        return ngettext("{count} serving", "{count} servings", amount).format(
            count=format_number(amount)
        )
    return quantity_text(
        food.serving_label, food.grams, amount, with_grams=False, inflect=english_label(food)
    )


# -- the list -------------------------------------------------------------------------------
@dataclass(frozen=True)
class ShoppingLine:
    """One food to buy: its servings over the days listed, as an amount and a weight."""

    food_id: str
    name: str
    aisle: str
    servings: float
    amount: str  # e.g. "3 cups"
    weight: str  # e.g. "729 g"; "" when unknown
    grams: float | None = None  # the weight as a number; None when unknown

    @property
    def quantity(self) -> str:
        """e.g. "3 cups (729 g)"."""
        return join_quantity(self.amount, self.weight)


@dataclass(frozen=True)
class AisleGroup:
    """The lines of one aisle, sorted by name."""

    aisle: str
    label: str
    lines: tuple[ShoppingLine, ...]


@dataclass(frozen=True)
class ShoppingList:
    """A list of what to buy by aisle, what is already at home, and unknown foods."""

    groups: tuple[AisleGroup, ...]  # in store order, only aisles with something to buy
    have: tuple[AisleGroup, ...]  # foods the user already has, grouped the same way
    unknown: tuple[tuple[str, float], ...]  # (food id, servings) of foods not in the catalog
    # Each unknown entry's amount as it was planned ("2 portions", "150 g", "3 servings"):
    # a recipe the book lacks, or a unit the food has no weight for, is not in servings.
    unknown_amounts: Mapping[str, str] = field(default_factory=dict)

    @property
    def lines(self) -> tuple[ShoppingLine, ...]:
        return tuple(line for group in self.groups for line in group.lines)

    @property
    def is_empty(self) -> bool:
        return not self.groups and not self.have and not self.unknown


def sort_key(name: str) -> str:
    """Alphabetical order that ignores case and accents ("crème" sorts with "creme")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def week_days(plan: Plan, week: int) -> range:
    first = week * DAYS_PER_WEEK
    return range(first, min(first + DAYS_PER_WEEK, plan.day_count))


def weeks_days(plan: Plan, weeks: Iterable[int]) -> list[int]:
    """The days of ``weeks`` (numbered from 0) in order: the days of a shopping list over
    several weeks (``shopping_list(plan, catalog, weeks_days(plan, range(1, 3)))``)."""
    return [day for week in sorted(set(weeks)) for day in week_days(plan, week)]


def _groups(lines: Iterable[ShoppingLine]) -> tuple[AisleGroup, ...]:
    by_aisle: dict[str, list[ShoppingLine]] = {}
    for line in lines:
        by_aisle.setdefault(line.aisle, []).append(line)
    order = [*AISLES, OTHER_AISLE]
    return tuple(
        AisleGroup(
            aisle,
            _(AISLE_LABELS.get(aisle, OTHER_LABEL)),
            tuple(sorted(by_aisle[aisle], key=lambda ln: (sort_key(ln.name), ln.food_id))),
        )
        for aisle in order
        if aisle in by_aisle
    )


def shopping_list(
    plan: Plan,
    catalog: Catalog,
    days: Iterable[int] | None = None,
    *,
    have: Iterable[str] = frozenset(),
    resolver: Resolver | None = None,
) -> ShoppingList:
    """Every food of ``days`` (all by default) added up into one line per food, in its
    household measure and in grams. Each entry is counted through ``resolver`` (default:
    foods of ``catalog`` only; a PlanResolver expands recipes into their ingredients, so a
    dish's garlic is added to the garlic planned on its own)."""
    resolver = resolver or FoodResolver(catalog)
    if days is None:
        entries = (entry for *_, entry in plan.entries())
    else:  # only the days asked for: a week's list costs the same in a plan of any length
        wanted = sorted(day for day in set(days) if 0 <= day < plan.day_count)
        entries = (entry for day in wanted for *_, entry in plan.day_entries(day))
    totals: dict[str, float] = {}
    # Entries the resolver does not know (a food not in the catalog, a unit without a
    # weight): listed apart, with their amount when that is in servings.
    unknown: dict[str, float] = {}
    given: dict[tuple[str, str], float] = {}  # unknown entries' amounts by (id, unit)
    for entry in entries:
        parts = resolver.parts(entry)
        if not parts:
            in_servings = entry.amount if entry.unit == UNIT_SERVING else 0.0
            unknown[entry.food_id] = unknown.get(entry.food_id, 0.0) + in_servings
            key = (entry.food_id, entry.unit)
            given[key] = given.get(key, 0.0) + entry.amount
        for food_id, servings, _heated in parts:
            totals[food_id] = totals.get(food_id, 0.0) + servings
    have_ids = set(have)
    to_buy: list[ShoppingLine] = []
    owned: list[ShoppingLine] = []
    for food_id, servings in totals.items():
        food = catalog.get(food_id)
        if food is None:  # a resolver's part the catalog lost: as unknown
            unknown[food_id] = unknown.get(food_id, 0.0) + servings
            continue
        aisle = food.aisle if food.aisle in AISLES else OTHER_AISLE
        amount, weight = quantity_parts(
            food.serving_label, food.grams, servings, inflect=english_label(food)
        )
        grams = food.grams * servings if food.grams > 0 else None
        line = ShoppingLine(food_id, food.name, aisle, servings, amount, weight, grams)
        (owned if food_id in have_ids else to_buy).append(line)
    amounts: dict[str, list[str]] = {}
    for (food_id, unit), total in given.items():
        amounts.setdefault(food_id, []).append(entry_quantity(None, total, unit))
    return ShoppingList(
        _groups(to_buy),
        _groups(owned),
        tuple(sorted(unknown.items())),
        {food_id: " + ".join(texts) for food_id, texts in amounts.items()},
    )
