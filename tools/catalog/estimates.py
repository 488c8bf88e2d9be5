"""Estimates SR28 does not give: added (free) sugars after Louie et al. 2015 as adapted
by Kibblewhite et al. 2017, and prebiotic carbohydrate from published tables. Each carries
a "basis" code that docs/catalog.md's table of sources explains.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection

from tools.catalog.constants import (
    G_BABY,
    G_BAKED,
    G_BEEF,
    G_BEVERAGES,
    G_BREAKFAST,
    G_DAIRY_EGG,
    G_FATS,
    G_FISH,
    G_FRUITS,
    G_GRAINS,
    G_LAMB,
    G_LEGUMES,
    G_NATIVE,
    G_NUTS,
    G_PORK,
    G_POULTRY,
    G_SPICES,
    G_SWEETS,
    G_VEGETABLES,
    MEAT_GROUPS,
    N_LACTOSE,
    N_SUGARS,
    N_WATER,
    rx,
)
from tools.catalog.patterns import (
    RX_ARTIFICIAL,
    RX_BAKED_SWEET,
    RX_DIET_WORDS,
    RX_FLAVORED,
    RX_RTE_CEREAL,
    RX_SWEETENED,
)
from tools.catalog.rules import PULSE_PREBIOTIC_EXTRA

# Free sugars: Louie et al. 2015 (Eur J Clin Nutr 69:154) as adapted to WHO free
# sugars by Kibblewhite et al. 2017 (Nutrients 9:1292, appendix A), steps 1-3 and 5.
NO_ADDED_GROUPS = frozenset(
    {
        G_SPICES,
        G_FATS,
        G_POULTRY,
        G_PORK,
        G_BEEF,
        G_LAMB,
        G_FISH,
        G_VEGETABLES,
        G_LEGUMES,
        G_NUTS,
        G_GRAINS,
        G_FRUITS,
        G_DAIRY_EGG,
        G_NATIVE,
    }
)

RX_FREE_ALL = rx(
    r"^(sugars?|syrups?|honey|molasses|candies|jams?|jellies|marmalade|preserves"
    r"|frostings?|toppings|desserts?, |sweeteners?|gelatin desserts?)\b"
    r"|juice|nectar|carbonated|\bsoda\b|\bcola\b|punch|lemonade|limeade|energy drink"
    r"|sports drink|drink mix|fruit-flavored drink|\bdrinks?\b|cocktail mix|tonic|ginger ale"
)

RX_NO_ADDED_BEVERAGE = rx(
    r"^(water|beverages, water|beverages, (coffee|tea), .*(brewed|instant)(?!.*(sweetened|"
    r"with sugar|lemon-flavored|flavored))|alcoholic beverage, (beer|wine|distilled))"
)

RX_JUICE_ONLY = rx(r"juice|nectar")

# Reference sugars of the unsweetened counterpart (Louie step 5), g/100 g:
# plain whole-milk yogurt 01116 has 4.66 g; whole milk 01077 5.05 g (both SR28).
PLAIN_YOGURT_SUGARS = 4.66

PLAIN_MILK_SUGARS = 5.05

# Louie step 10 (no recipe, no counterpart): half of total sugars taken as added.
MIXED_SHARE = 0.5

# Prebiotic carbohydrate (inulin-type fructans + GOS + resistant starch), g/100 g of
# the food as SR28 describes it. Keys are (plant key, name pattern).
PREBIOTIC_SOURCES: dict[str, str] = {
    "moshfegh1999": (
        "Moshfegh A.J., Friday J.E., Goldman J.P., Chug Ahuja J.K. (1999) The presence of"
        " inulin and oligofructose in the diets of Americans. J Nutr 129:1407S-1411S,"
        " Table 1 (inulin, g/100 g, raw); van Loo J. et al. (1995) Crit Rev Food Sci"
        " Nutr 35:525-552 for the ranges"
    ),
    "tosh2013": (
        "Tosh S.M. et al. (2013) Nutritional profile and carbohydrate characterization of"
        " spray-dried lentil, pea and chickpea ingredients. Foods 2:338-349: resistant"
        " starch + oligosaccharides of cooked pulses (chickpea 4.44 + 1.88, lentil"
        " 4.75 + 2.59, pea 5.17 + 3.49 g/100 g powder at 7.0, 5.7, 6.3 % moisture),"
        " scaled to the SR28 food's dry matter (SR28 255)"
    ),
    "tosh2013-mean": (
        "Mean of Tosh S.M. et al. (2013) Foods 2:338-349 for chickpea, lentil and pea"
        " (7.9 g resistant starch + oligosaccharides per 100 g dry matter), transferred"
        " to other cooked pulses and scaled to the SR28 food's dry matter (SR28 255)"
    ),
    "raatz2016": (
        "Raatz S.K. et al. (2016) Resistant starch analysis of commonly consumed"
        " potatoes. Food Chem 208:297-300: boiled 2.4, baked 3.6, chilled 4.3 g/100 g"
    ),
    "none": "No inulin-type fructans, GOS or resistant starch: an animal food, fat, sugar or drink",
}

# (dry-matter fraction of prebiotic carbohydrate) for Tosh et al. 2013.
TOSH_DM: dict[str, float] = {
    "chickpeas": (4.44 + 1.88) / (100 - 7.03),
    "lentils": (4.75 + 2.59) / (100 - 5.66),
    "split peas": (5.17 + 3.49) / (100 - 6.30),
    "peas": (5.17 + 3.49) / (100 - 6.30),
}

TOSH_MEAN_DM = sum(TOSH_DM[k] for k in ("chickpeas", "lentils", "split peas")) / 3

# Moshfegh et al. 1999, Table 1, inulin column (g/100 g raw).
FRUCTAN_RAW: dict[str, float] = {
    "chicory": 41.6,  # chicory root
    "jerusalem artichokes": 18.0,
    "dandelion": 13.5,
    "garlic": 12.5,
    "leeks": 6.5,
    "onions": 4.3,
    "shallots": 4.3,  # borrowed from onion, same genus and use
    "spring onions": 4.3,
    "welsh onions": 4.3,
    "asparagus": 2.5,
    "bananas": 0.5,
}

RX_CHICORY_ROOT = rx(r"^chicory roots\b")

RX_COOKED = rx(r"\bcooked\b|\bboiled\b|\bcanned\b|\bbaked\b|\broasted\b|\bfried\b|\bmashed\b")

RX_RAW = rx(r"\braw\b")

RX_NO_PREBIOTIC_BEVERAGE = rx(
    r"^(water|beverages, water|beverages, carbonated|alcoholic beverage, (wine|distilled))"
    r"|^beverages, (coffee|tea), brewed"
)

RX_PURE_SUGAR = rx(r"^(sugars?|syrups?|honey)\b")


def added_sugars_for(name: str, group: str, nutr: dict[str, float], live: str) -> tuple[float, str]:
    """Estimated free sugars, g/100 g, and the rule's basis code (docs/catalog.md)."""
    low = name.lower()
    total = nutr.get(N_SUGARS, math.nan)
    sweet = RX_SWEETENED.search(low) is not None
    if total == 0.0:
        return 0.0, "S1"  # step 1: no sugars at all
    if group == G_BABY:
        return math.nan, "S0"  # baby foods and formulas are not estimated
    diet = RX_ARTIFICIAL.search(low) or RX_DIET_WORDS.search(low)
    if diet and group in (G_BEVERAGES, G_SWEETS) and not sweet:
        return 0.0, "S2"  # sweetened with non-sugar sweeteners only
    if group == G_DAIRY_EGG and (low.startswith(("yogurt", "kefir", "milk", "buttermilk"))):
        if not RX_FLAVORED.search(low) and "sweetened" not in low.replace("unsweetened", ""):
            return 0.0, "S2"
        # step 5: sweetened dairy less the plain counterpart's lactose
        plain = PLAIN_MILK_SUGARS if low.startswith(("milk", "buttermilk")) else PLAIN_YOGURT_SUGARS
        lactose = nutr.get(N_LACTOSE, math.nan)
        intrinsic = lactose if not math.isnan(lactose) else plain
        if math.isnan(total):
            return math.nan, "S5"
        return max(0.0, 100.0 * (total - intrinsic) / (100.0 - intrinsic)), "S5"
    if group in MEAT_GROUPS or group == G_FISH:
        if math.isnan(total):
            return (math.nan, "S10") if sweet else (0.0, "S2")
        return total, "S4"  # meat and fish carry no sugar of their own: any is added
    if group == G_BEVERAGES and RX_NO_ADDED_BEVERAGE.search(low) and not sweet:
        return 0.0, "S2"
    if RX_FREE_ALL.search(low) or group == G_SWEETS:
        return total, "S3"  # step 3: sugars, sweets, juices and soft drinks are all free
    if group in NO_ADDED_GROUPS and not sweet:
        return 0.0, "S2"  # step 2: plain foods of groups without added sugar
    if group == G_BAKED and RX_BAKED_SWEET.search(low) and not re.search(r"fruit|raisin", low):
        return total, "S3"  # step 3(g): sweet baked goods without fruit
    if group == G_BREAKFAST and RX_RTE_CEREAL.search(low) and not re.search(r"fruit|raisin", low):
        return total, "S3"
    plain_starch = re.search(
        r"^bread|^rolls|^bagels|^english muffins|^tortillas|^crackers|^cereals, ", low
    )
    fruit = re.search(r"fruit|raisin", low)
    if group in (G_BAKED, G_BREAKFAST) and plain_starch and not sweet and not fruit:
        return 0.0, "S2"  # step 2(c,d): plain breads, cereals and crackers
    if math.isnan(total):
        return math.nan, "S10"
    return total * MIXED_SHARE, "S10"  # step 10: half of the sugars of a mixed food


def prebiotic_for(
    name: str, group: str, plant: str, nutr: dict[str, float], tags: Collection[str]
) -> tuple[float, str]:
    """Estimated prebiotic carbohydrate, g/100 g, and its source key (PREBIOTIC_SOURCES)."""
    low = name.lower()
    water = nutr.get(N_WATER, math.nan)
    if plant == "chicory" and not RX_CHICORY_ROOT.search(low):
        return math.nan, ""  # fructan values are for the root, not the leaves
    raw = RX_RAW.search(low) and not RX_COOKED.search(low)
    if plant in FRUCTAN_RAW and raw and (plant != "dandelion" or "greens" in low):
        return FRUCTAN_RAW[plant], "moshfegh1999"
    if plant == "potatoes" and re.search(r"^potatoes, (boiled|baked)", low):
        return (2.4 if "boiled" in low else 3.6), "raatz2016"
    pulse = group == G_LEGUMES and (plant.endswith(" beans") or plant in PULSE_PREBIOTIC_EXTRA)
    cooked = re.search(r"\b(cooked|boiled|canned)\b", low) and not re.search(
        r"\bwith\b|sauce|baked|refried|fried|sprouted", low
    )
    if (pulse or plant in TOSH_DM) and cooked and group == G_LEGUMES and not math.isnan(water):
        if plant in TOSH_DM:
            return TOSH_DM[plant] * (100.0 - water), "tosh2013"
        return TOSH_MEAN_DM * (100.0 - water), "tosh2013-mean"
    animal_only = group in MEAT_GROUPS or group in (G_FISH, G_DAIRY_EGG)
    plant_part = re.search(
        r"breaded|batter|fruit|cereal|granola|vegetable|beans|potato|rice|pasta|noodle"
        r"|bread|sauce|gravy|stuffing|onion|garlic|banana|chocolate",
        low,
    )
    if animal_only and not plant_part:
        return 0.0, "none"
    if group == G_FATS and re.search(r"^(oil|fat|lard|shortening|butter|margarine)", low):
        return 0.0, "none"
    if RX_PURE_SUGAR.search(low) or (group == G_BEVERAGES and RX_NO_PREBIOTIC_BEVERAGE.search(low)):
        return 0.0, "none"
    return math.nan, ""
