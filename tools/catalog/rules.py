"""The derived columns of sr28.csv.gz: limit kind, categories and tags, with the plant
keys that count as prebiotic or anti-inflammatory.
"""

from __future__ import annotations

import math
import re

from planner.core.foods import CATEGORIES, TAGS
from tools.catalog.constants import (
    ALCOHOL_LIMIT,
    BAKED_SWEET_SUGARS,
    DAIRY_FAT,
    FIBER_PER_100_KCAL,
    FIBER_PER_100G,
    FIBER_PER_SERVING,
    G_BABY,
    G_BAKED,
    G_BEVERAGES,
    G_DAIRY_EGG,
    G_FISH,
    G_FRUITS,
    G_LEGUMES,
    G_NUTS,
    G_SNACKS,
    G_SPICES,
    G_SWEETS,
    G_VEGETABLES,
    HYDRATING_WATER,
    MEAT_GROUPS,
    N_ALCOHOL,
    N_ENERGY,
    N_FAT,
    N_FIBER,
    N_SUGARS,
    N_WATER,
    OILY_FISH_OMEGA3,
    SOFT_DRINK_SUGARS,
)
from tools.catalog.keys import name_parts
from tools.catalog.nutrients import omega3_from
from tools.catalog.patterns import (
    RX_ARTIFICIAL,
    RX_BAKED_SWEET,
    RX_DAIRY,
    RX_DAIRY_FALSE,
    RX_DAIRY_LIMIT,
    RX_DAIRY_LIMIT_EXEMPT,
    RX_DEEP_FRIED,
    RX_DIET_WORDS,
    RX_FERMENTED,
    RX_FISH,
    RX_FISH_FALSE,
    RX_FISH_OIL,
    RX_GLUTEN,
    RX_GLUTEN_FALSE,
    RX_GREEN_TEA,
    RX_LEGUME_WITH_MEAT,
    RX_MEAT,
    RX_NOT_DEEP_FRIED,
    RX_NOT_FERMENTED,
    RX_NOT_MEAT,
    RX_NUTS,
    RX_NUTS_FALSE,
    RX_OLIVE_OIL,
    RX_SOFT_DRINK,
    RX_SOY,
    RX_SWEET_ANYWHERE,
    RX_SWEETS_EXEMPT,
    RX_ULTRA_ANYWHERE,
    RX_ULTRA_SNACK,
    RX_WATER_PART,
    RX_YOGURT_KEFIR,
)

PREBIOTIC_KEYS = frozenset(
    {
        "garlic",
        "onions",
        "spring onions",
        "welsh onions",
        "shallots",
        "leeks",
        "asparagus",
        "oats",
        "bananas",
        "apples",
        "chicory",
        "jerusalem artichokes",
        "dandelion",
        "barley",
        "rye",
    }
)

# Pulses (dry beans, lentils, peas) carry galacto-oligosaccharides; soy foods
# and peanuts are left out as they are eaten mostly as oil-rich or processed foods.
PULSE_PREBIOTIC_EXTRA = frozenset(
    {"lentils", "chickpeas", "split peas", "black-eyed peas", "pigeon peas"}
)

NUT_SEED_ANTI_INFLAMMATORY = frozenset(
    {
        "almonds",
        "walnuts",
        "pecans",
        "hazelnuts",
        "pistachios",
        "cashews",
        "brazil nuts",
        "macadamias",
        "pine nuts",
        "peanuts",
        "flaxseed",
        "chia seeds",
        "hemp seeds",
    }
)

SPICE_ANTI_INFLAMMATORY = frozenset({"turmeric", "ginger"})


def limit_kind_for(name: str, group: str, nutr: dict[str, float]) -> str:
    """The single "limit" kind of a food, or "" if it is not a food to limit.

    Checked in a fixed order so each food gets one kind. Plain yogurt and kefir
    are never limited: they are the fermented foods the plan promotes.
    """
    low = name.lower()
    if RX_YOGURT_KEFIR.search(low) and "frozen" not in low:
        return ""
    alcohol = nutr.get(N_ALCOHOL, math.nan)
    alcoholic_name = low.startswith("alcoholic beverage") and "non-alcoholic" not in low
    if (not math.isnan(alcohol) and alcohol > ALCOHOL_LIMIT) or alcoholic_name:
        return "alcohol"
    if (
        RX_ARTIFICIAL.search(low)
        or (group in (G_BEVERAGES, G_SWEETS, G_BAKED) and RX_DIET_WORDS.search(low))
        or (group == G_BEVERAGES and re.search(r"\bsweeteners\b", low))
    ):
        return "artificial_sweetener"
    if (group == G_SNACKS and RX_ULTRA_SNACK.search(low)) or RX_ULTRA_ANYWHERE.search(low):
        return "ultra_processed"
    if group != G_DAIRY_EGG and RX_DEEP_FRIED.search(low) and not RX_NOT_DEEP_FRIED.search(low):
        return "deep_fried"
    sugars = nutr.get(N_SUGARS, math.nan)
    if group == G_SWEETS and not RX_SWEETS_EXEMPT.search(low):
        return "refined_sugar"
    if RX_SWEET_ANYWHERE.search(low) and not RX_SWEETS_EXEMPT.search(low):
        return "refined_sugar"
    if (
        group == G_BEVERAGES
        and RX_SOFT_DRINK.search(low)
        and "unsweetened" not in low
        and sugars >= SOFT_DRINK_SUGARS
    ):
        return "refined_sugar"
    if group == G_BAKED and RX_BAKED_SWEET.search(low) and sugars >= BAKED_SWEET_SUGARS:
        return "refined_sugar"
    fat = nutr.get(N_FAT, math.nan)
    if (
        group == G_DAIRY_EGG
        and RX_DAIRY_LIMIT.search(low)
        and not RX_DAIRY_LIMIT_EXEMPT.search(low)
        and fat >= DAIRY_FAT
    ):
        return "dairy"
    return ""


def _is_plain_water(name: str) -> bool:
    low = name.lower()
    if "prepared with" in low or "tonic" in low:
        return False
    return any(RX_WATER_PART.search(p) for p in name_parts(low))


def _fiber_rich(nutr: dict[str, float], serving_grams: float) -> bool:
    """High in fibre per 100 g, or a good source per serving that is not just a big
    portion of an energy-dense food (pizza, burgers)."""
    fiber = nutr.get(N_FIBER, math.nan)
    if math.isnan(fiber):
        return False
    if fiber >= FIBER_PER_100G:
        return True
    energy = nutr.get(N_ENERGY, math.nan)
    dense = math.isnan(energy) or energy <= 0 or fiber / energy * 100.0 >= FIBER_PER_100_KCAL
    return dense and fiber * serving_grams / 100.0 >= FIBER_PER_SERVING


def categories_for(
    name: str,
    group: str,
    plant: str,
    aisle: str,
    limit_kind: str,
    nutr: dict[str, float],
    serving_grams: float,
) -> list[str]:
    """Gut-skin categories, in CATEGORIES order. A limit food has no other category."""
    if limit_kind:
        return ["limit"]
    low = name.lower()
    found: set[str] = set()
    if RX_FERMENTED.search(low) and not RX_NOT_FERMENTED.search(low) and group != G_BABY:
        found.add("probiotic")
    pulse = group == G_LEGUMES and (plant.endswith(" beans") or plant in PULSE_PREBIOTIC_EXTRA)
    if plant in PREBIOTIC_KEYS or pulse:
        found.add("prebiotic")
    if group != G_SPICES and _fiber_rich(nutr, serving_grams):
        # Spices are eaten by the pinch, so their per-100 g fibre means little.
        found.add("fiber")
    omega3 = omega3_from(nutr)
    oily = (group == G_FISH or RX_FISH_OIL.search(low)) and omega3 >= OILY_FISH_OMEGA3
    if (
        oily
        or plant.endswith("berries")
        or plant == "currants"
        or (group in (G_NUTS, G_LEGUMES) and plant in NUT_SEED_ANTI_INFLAMMATORY)
        or plant in SPICE_ANTI_INFLAMMATORY
        or (group == G_BEVERAGES and RX_GREEN_TEA.search(low))
        or RX_OLIVE_OIL.search(low)
    ):
        found.add("anti_inflammatory")
    water = nutr.get(N_WATER, math.nan)
    if not math.isnan(water) and water >= HYDRATING_WATER:
        produce = group in (G_FRUITS, G_VEGETABLES) and aisle == "produce"
        drink = group in (G_BEVERAGES, G_NUTS) and _is_plain_water(name)
        if produce or drink:
            found.add("hydrating")
    return [c for c in CATEGORIES if c in found]


def tags_for(name: str, group: str, aisle: str, nutr: dict[str, float]) -> list[str]:
    """Dietary tags in TAGS order, from the food group and words in the name."""
    low = name.lower()
    found: set[str] = set()
    dairy_text = RX_DAIRY_FALSE.sub(" ", low)
    is_egg = group == G_DAIRY_EGG and re.match(r"^eggs?\b|^egg ", low) is not None
    dairy_group = group == G_DAIRY_EGG and not is_egg and not RX_DAIRY_FALSE.search(low)
    if dairy_group or RX_DAIRY.search(dairy_text):
        found.add("dairy")
    gluten_text = RX_GLUTEN_FALSE.sub(" ", low)
    if (
        "gluten-free" not in low
        and "gluten free" not in low
        and (RX_GLUTEN.search(gluten_text) or (group == G_BAKED and gluten_text == low))
    ):
        found.add("gluten")
    # Meat cuts have fishy names ("oyster blade"); only other groups are searched.
    fish_words = group not in MEAT_GROUPS and RX_FISH.search(RX_FISH_FALSE.sub(" ", low))
    if group == G_FISH or aisle == "fish" or fish_words:
        found.add("fish")
    if RX_SOY.search(low):
        found.add("soy")
    if RX_NUTS.search(RX_NUTS_FALSE.sub(" ", low)):
        found.add("nuts")
    alcohol = nutr.get(N_ALCOHOL, math.nan)
    if (not math.isnan(alcohol) and alcohol > ALCOHOL_LIMIT) or (
        low.startswith("alcoholic beverage") and "non-alcoholic" not in low
    ):
        found.add("alcohol")
    animal_group = group in MEAT_GROUPS or group in (G_DAIRY_EGG, G_FISH)
    if group == G_LEGUMES:
        animal_words = RX_LEGUME_WITH_MEAT.search(low) is not None
    else:
        animal_words = RX_MEAT.search(low) is not None and not RX_NOT_MEAT.search(low)
    if group == G_DAIRY_EGG and RX_DAIRY_FALSE.search(low) and not is_egg:
        animal_group = False  # imitation milk, cream substitutes
    if (
        animal_group
        or aisle in ("meat", "fish")
        or "dairy" in found
        or "fish" in found
        or animal_words
        or RX_FISH_OIL.search(low)
    ):
        found.add("animal")
    return [t for t in TAGS if t in found]
