"""Build the food resources from the USDA SR28 flat files.

    python -m tools.catalog_build [--sr28 DIR] [--out DIR] [--spec FILE]

The SR28 folder is ``--sr28``, else the environment variable GUTSKIN_SR28_DIR, else
``../shared/data/usda-sr28`` beside the repository.

Writes two files into ``--out`` (default: the repository's ``resources/``):

* ``sr28.csv.gz``  - every SR28 food, one row each, nutrients per 100 g with
  derived aisle, plant key, categories, limit kind and tags;
* ``catalog.json`` - the curated catalog: the foods listed in
  ``curated_spec.json`` with nutrients per household serving.

The output is byte-for-byte reproducible (sorted rows, fixed number formatting,
gzip header without a timestamp). See docs/catalog.md for the rules.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import math
import os
import re
import sys
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.core.foods import AISLES, CATEGORIES, FLAGS, LIVE_CULTURES, TAGS
from planner.core.foods import LIMIT_KINDS as LIMIT_KIND_WORDS
from planner.core.foods import NUTRIENTS as FOOD_NUTRIENTS

if TYPE_CHECKING:  # pandas is imported where it is used: importing this module stays light
    import pandas as pd

LIMIT_KINDS: tuple[str, ...] = tuple(LIMIT_KIND_WORDS)

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SR28_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "usda-sr28"
SR28_DIR_ENV = "GUTSKIN_SR28_DIR"
DEFAULT_OUT_DIR = REPO_ROOT / "resources"
DEFAULT_SPEC = REPO_ROOT / "resources" / "curated_spec.json"

SR28_CSV_NAME = "sr28.csv.gz"
CATALOG_NAME = "catalog.json"

# Nutrient columns, categories, aisles, limit kinds and tags are the app's own (planner.core.foods),
# so the built data and the code that reads it cannot drift apart.
NUTRIENT_UNITS: dict[str, str] = dict(FOOD_NUTRIENTS)
NUTRIENTS: tuple[str, ...] = tuple(NUTRIENT_UNITS)

COLUMNS: tuple[str, ...] = (
    "id",
    "ndb",
    "name",
    "group",
    "plant",
    "aisle",
    "categories",
    "limit_kind",
    "tags",
    "flags",
    "live_cultures",
    "species",
    "basis",
    "serving_label",
    "serving_grams",
    "servings",
    *NUTRIENTS,
)
NUMBER_COLUMNS: tuple[str, ...] = ("serving_grams", *NUTRIENTS)


# SR28 nutrient numbers (NUTR_DEF.txt).
N_ENERGY = "208"
N_FIBER = "291"
N_SUGARS = "269"
N_VIT_A_RAE = "320"
N_VIT_C = "401"
N_VIT_D_UG = "328"
N_VIT_D_IU = "324"
N_VIT_E = "323"
N_ZINC = "309"
N_ALA = "851"
N_183_UNDIFF = "619"
N_EPA = "629"
N_DPA = "631"
N_DHA = "621"
N_WATER = "255"
N_ALCOHOL = "221"
N_FAT = "204"
N_PROTEIN = "203"
N_CARB = "205"  # carbohydrate by difference
N_LACTOSE = "213"
USED_NUTRIENTS = frozenset(
    {
        N_PROTEIN,
        N_CARB,
        N_LACTOSE,
        N_ENERGY,
        N_FIBER,
        N_SUGARS,
        N_VIT_A_RAE,
        N_VIT_C,
        N_VIT_D_UG,
        N_VIT_D_IU,
        N_VIT_E,
        N_ZINC,
        N_ALA,
        N_183_UNDIFF,
        N_EPA,
        N_DPA,
        N_DHA,
        N_WATER,
        N_ALCOHOL,
        N_FAT,
    }
)
IU_PER_UG_VITAMIN_D = 40.0

# Rule thresholds (docs/catalog.md explains each).
FIBER_PER_100G = 6.0  # EU "high fibre" claim level
FIBER_PER_SERVING = 3.0  # roughly the US "good source" level (10 % of 28 g)
FIBER_PER_100_KCAL = 1.0  # g; keeps the per-serving rule to fibre-dense foods
OILY_FISH_OMEGA3 = 1.0  # g per 100 g
HYDRATING_WATER = 90.0  # g per 100 g
ALCOHOL_LIMIT = 0.5  # g per 100 g, the usual "alcohol-free" ceiling
SOFT_DRINK_SUGARS = 5.0  # g per 100 g, the UK soft drinks levy's lower band
BAKED_SWEET_SUGARS = 15.0  # g per 100 g
DAIRY_FAT = 3.0  # g per 100 g; whole milk is 3.25

# FdGrp_Cd codes.
G_DAIRY_EGG = "0100"
G_SPICES = "0200"
G_BABY = "0300"
G_FATS = "0400"
G_POULTRY = "0500"
G_SOUPS = "0600"
G_SAUSAGES = "0700"
G_BREAKFAST = "0800"
G_FRUITS = "0900"
G_PORK = "1000"
G_VEGETABLES = "1100"
G_NUTS = "1200"
G_BEEF = "1300"
G_BEVERAGES = "1400"
G_FISH = "1500"
G_LEGUMES = "1600"
G_LAMB = "1700"
G_BAKED = "1800"
G_SWEETS = "1900"
G_GRAINS = "2000"
G_FAST = "2100"
G_MEALS = "2200"
G_SNACKS = "2500"
G_NATIVE = "3500"
G_RESTAURANT = "3600"

GROUP_AISLE: dict[str, str] = {
    G_DAIRY_EGG: "dairy",
    G_SPICES: "spices",
    G_BABY: "pantry",
    G_FATS: "pantry",
    G_POULTRY: "meat",
    G_SOUPS: "pantry",
    G_SAUSAGES: "meat",
    G_BREAKFAST: "grains",
    G_FRUITS: "produce",
    G_PORK: "meat",
    G_VEGETABLES: "produce",
    G_NUTS: "pantry",
    G_BEEF: "meat",
    G_BEVERAGES: "drinks",
    G_FISH: "fish",
    G_LEGUMES: "pantry",
    G_LAMB: "meat",
    G_BAKED: "grains",
    G_SWEETS: "pantry",
    G_GRAINS: "grains",
    G_FAST: "prepared",
    G_MEALS: "prepared",
    G_SNACKS: "pantry",
    G_NATIVE: "produce",  # refined by name below
    G_RESTAURANT: "prepared",
}
MEAT_GROUPS = frozenset({G_POULTRY, G_SAUSAGES, G_PORK, G_BEEF, G_LAMB})
# Groups whose foods can be "one plant" for the weekly plant count.
PLANT_GROUPS = frozenset({G_SPICES, G_FRUITS, G_VEGETABLES, G_NUTS, G_LEGUMES, G_GRAINS})


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# --- name patterns -----------------------------------------------------------

RX_FERMENTED = _rx(r"\b(yogh?urts?|kefir|miso|sauerkraut|kimchi|tempeh|natto|kombucha)\b")
# Yogurt desserts and coatings are not cultured foods.
RX_NOT_FERMENTED = _rx(
    r"frozen|covered|coated|coating|dressing|parfait|smoothie|cand(y|ies)|melts|cereal"
    r"|spread|margarine|dessert|juice|babyfood"
)
RX_YOGURT_KEFIR = _rx(r"^(yogh?urt|kefir)\b")

RX_ARTIFICIAL = _rx(
    r"aspartame|sucralose|saccharin|acesulfame|stevia|sugar substitute|sugarless"
    r"|(low[- ]calorie|artificial) sweetener"
)
RX_DIET_WORDS = _rx(r"sugar[- ]free|\bdiet\b|low[- ]calorie|reduced[- ]calorie")
RX_SWEETS_EXEMPT = _rx(r"unsweetened|\bgums\b|pectin")
RX_SWEET_ANYWHERE = _rx(
    r"\bcand(y|ies)\b|\bdesserts?\b|frosty|sundaes?|(?<!alaskan )ice creams?\b"
    r"|frozen yogurt|yogurt, frozen|sherbet|milk shakes?|frozen novelt"
)
RX_SOFT_DRINK = _rx(
    r"carbonated|\bsoda\b|\bcola\b|energy drink|punch|lemonade|limeade|\bdrinks?\b"
    r"|cocktail|\bsweetened\b|tonic|ginger ale|root beer|\bmix\b|powder|\bshakes?\b"
    r"|syrup|smoothie|horchata|nectar|chocolate|cocoa|malted|ovaltine|gatorade"
    r"|powerade|vitamin water|\btea\b"
)
RX_BAKED_SWEET = _rx(
    r"^(cakes?|cookies|pastr(y|ies)|pies?|danish|sweet rolls|toaster pastries|brownies"
    r"|coffeecake|cream puff|eclairs|cinnamon buns|strudel|cheesecake|muffins)\b"
)
RX_ULTRA_SNACK = _rx(
    r"(?<!chocolate )chips|crisps|puffs|twists|extruded|cornnuts|pork skins|chex mix"
    r"|combos|snack mix|oriental mix|\bbars?\b|fruit leather|fruit roll|treats|cracker|sticks"
    r"|popcorn, (microwave|caramel|cheese|oil-popped)"
)
RX_ULTRA_ANYWHERE = _rx(r"(?<!chocolate )\bchips\b|\bcrisps\b|cheese puffs|puffs or twists")
RX_DEEP_FRIED = _rx(
    r"\bfried\b|\bfries\b|french-fried|\bdoughnuts?\b|\bdonuts?\b|fritters?|tempura"
    r"|hush ?pupp|onion rings|churros?|funnel cake|chimichanga|egg rolls?|spring rolls?"
    r"|deep[- ]fried|nuggets|tater tots|hash browns?|corn dogs?"
)
RX_NOT_DEEP_FRIED = _rx(r"stir-fried|pan-fried|pan fried|fast fried|refried|oven-fried|not fried")
RX_DAIRY_LIMIT = _rx(r"\b(milk|cheese|cream)\b")
RX_DAIRY_LIMIT_EXEMPT = _rx(
    r"human|substitute|imitation|dessert topping|whipped topping|non-?dairy|filled"
    r"|\bsoy\b|protein supplement|nutritional supplement"
)

RX_PRODUCE_DRINK = _rx(r"juice|nectar|smoothie|drink")
RX_WATER_PART = _rx(r"^water\b|\bwater$|coconut water")
RX_GREEN_TEA = _rx(r"\btea, green\b")
RX_OLIVE_OIL = _rx(r"^oil, olive\b")
RX_FISH_OIL = _rx(r"\bfish oil\b|^fish oil")

# Phrases that look like dairy/nut/gluten words but are not.
RX_DAIRY_FALSE = _rx(
    r"cream of tartar|cream style|cream substitutes?|coconut (cream|milk)|non-?dairy"
    r"|imitation|substitutes?|dairy-free|soy ?milk|almond milk|rice milk|oat milk"
    r"|human milk|milk, human|(peanut|almond|cashew|nut|seed|sesame|cocoa|apple|fruit)"
    r" butters?|butterbur|butternut|butterhead|butterfish|butter beans|milkfish"
    r"|soy yogurt|tofu yogurt|milk thistle|alaskan ice cream|no cheese|without cheese"
    r"|cream of wheat|cream of rice|custard[- ]apple"
)
RX_DAIRY = _rx(
    r"\b(milk|cheeses?|cream|butter|buttermilk|yogh?urts?|kefir|whey|casein|ghee"
    r"|custards?|ice creams?|milkshakes?|cheesecake|cheeseburgers?|eggnog|milkfat)\b"
)
RX_GLUTEN_FALSE = _rx(
    r"gluten[- ]free|rice cakes?|corn cakes?|popcorn,? cakes|rice crackers?|shrimp cracker"
    r"|fruit roll|candy rolls|rice noodles|cellophane|buckwheat|tortillas?,[^,]*\bcorn\b"
    r"|corn tortillas?|taco shells|rice flour|crab cakes?|fish cakes?|blue corn|kneel down"
    r"|root beer|tootsie roll"
)
RX_GLUTEN = _rx(
    r"\b(wheat|barley|rye|spelt|triticale|kamut|semolina|durum|bulgur|couscous|farina"
    r"|seitan|gluten|malt|malted|bread|breads|breadcrumbs|bagels?|biscuits?|buns?"
    r"|rolls?|croissants?|croutons|crackers?|cookies?|cakes?|muffins?|pastry|pastries"
    r"|pies?|pizzas?|pasta|macaroni|spaghetti|noodles|lasagna|ravioli|tortellini"
    r"|pretzels?|waffles?|pancakes?|doughnuts?|danish|strudel|stuffing|breaded|batter"
    r"|beer|graham|wafers?|brownies?|dumplings?|bran flakes|shredded wheat)\b"
)
RX_FISH_FALSE = _rx(
    r"mushrooms, oyster|oyster mushrooms|oyster crackers|vegetable oyster|goldfish"
    r"|fish-free"
)
RX_SOY = _rx(r"soy|tofu|tempeh|\bmiso\b|natto|edamame|okara|yuba|textured vegetable protein")
RX_NUTS_FALSE = _rx(r"^nuts, (?=coconut)|mouse nuts|nutmeg|doughnuts?|donuts?")
RX_NUTS = _rx(
    r"\b(almonds?|walnuts?|pecans?|hazelnuts?|filberts?|cashews?|pistachios?|macadamias?"
    r"|brazil ?nuts?|brazilnuts|pine ?nuts?|pinon|pignolia|chestnuts?|hickory ?nuts?"
    r"|hickorynuts|beechnuts?|butternuts|pilinuts|peanuts?|nuts?|nutella|praline"
    r"|marzipan)\b"
)
RX_FISH = _rx(
    r"\b(fish|fishes|salmon|tuna|shrimps?|crabs?|lobsters?|clams?|oysters?|scallops?"
    r"|anchov(y|ies)|sardines?|cod|pollock|trout|smelt|herring|caviar|roe|shellfish"
    r"|seafood|octopus|squid|calamari|mussels?|cockles|chiton|sea cucumber|tunicate"
    r"|ascidians|mollusks?|crustaceans?|surimi)\b"
)
RX_MEAT = _rx(
    r"\b(beef|pork|ham|bacon|sausages?|chicken|turkey|lamb|veal|mutton|venison|meats?"
    r"|meatballs?|meatloaf|pepperoni|salami|bologna|frankfurters?|hot ?dogs?|franks"
    r"|lard|tallow|gelatin|eggs?|honey|caribou|moose|seal|whale|walrus|bear|elk"
    r"|buffalo|deer|squirrel|duck|goose|owl|sea lion|hamburgers?|cheeseburgers?"
    r"|burgers?|liver|giblets|jerky)\b"
)
RX_NOT_MEAT = _rx(
    r"meatless|vegetarian|veggie|egg substitute|vegan|\bsoy\b|coconut meat"
    r"|hamburger or hot ?dog|relish|rolls, hamburger|buns, hamburger"
)
# Meat analogues sit in the legume group; there only "with pork" etc. means meat.
RX_LEGUME_WITH_MEAT = _rx(r"\bwith (pork|beef|franks|bacon|ham|chicken|turkey)\b")

# Native foods: the group mixes game, fish, dishes and wild plants.
RX_NATIVE_FISH = _rx(
    r"^(fish|salmon|smelt|steelhead|cockles|octopus|chiton|sea cucumber|ascidians"
    r"|oopah)\b"
)
RX_NATIVE_MEAT = _rx(
    r"^(bear|buffalo|caribou|deer|duck|elk|moose|mutton|owl|sea lion|seal|squirrel"
    r"|walrus|whale)\b"
)
RX_NATIVE_DISH = _rx(
    r"^(acorn stew|agutuk|bread|corned beef|frybread|mush|piki|soup|stew|tamales"
    r"|tennis bread|tortilla)"
)
RX_NATIVE_DRINK = _rx(r"^(tea|chilchen)")

# Plant key: names that are not a single plant (mixtures, drinks, extracts).
RX_NOT_ONE_PLANT = _rx(
    r"juice|nectar|smoothie|\bdrinks?\b|beverage|cocktail|salad|\bmixed\b|\bsauce\b"
    r"|\bsoup\b|\bpies?\b|pie filling|pudding|puffs|pancakes|souffle|relish|candied"
    r"|maraschino|catsup|hummus|falafel|burger|meatless|vegetarian|veggie|succotash"
    r"|\bmix\b|\bblend\b|au gratin|scalloped|hash brown|o'brien|stuffed|mashed, "
    r"|with (pork|beef|franks|cheese|butter|cream|sauce|ham|bacon)|beans, baked"
    r"|chili with beans|refried|peas and|and carrots|and onions|with red and green"
    r"|greens and turnips|yokan|papad|seasoning|soymilk|soy milk|soy sauce"
    r"|protein isolate|protein concentrate|meat extender|coconut (milk|cream|water)"
    r"|mixed nuts|formulated|cottonseed|starch|liquid from|extract|noodles|vermicelli"
    r"|\bbran\b|\bgerm\b|\bpowder, |sweet potato puffs|pumpkin pie|melon balls"
)
RX_BRAND_WORD = re.compile(r"\b[A-Z][A-Z'&.-]{2,}\b")
RX_PARENS = re.compile(r"\([^()]*\)")

OATS_CEREAL = _rx(r"^cereals, oats, (regular and quick|instant, fortified, plain)")
WHOLE_WHEAT_BREAD = _rx(r"^bread, whole-wheat\b")

GRAIN_KEYS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (_rx(p), k)
    for p, k in (
        (r"^rice, brown\b|^rice flour, brown", "brown rice"),
        (r"^wild rice\b", "wild rice"),
        (r"^oats\b|^oat flour\b", "oats"),
        (r"^quinoa\b", "quinoa"),
        (r"^amaranth grain\b", "amaranth"),
        (r"^buckwheat\b", "buckwheat"),
        (r"^barley, hulled|^barley flour", "barley"),
        (r"^wheat, kamut", "kamut"),
        (
            r"^bulgur\b|^wheat, (hard|soft|durum|sprouted)|^wheat flour, whole-grain"
            r"|^pasta, whole-wheat",
            "wheat",
        ),
        (r"^spelt\b", "spelt"),
        (r"^millet\b", "millet"),
        (r"^sorghum grain|^sorghum flour, whole-grain", "sorghum"),
        (r"^teff\b", "teff"),
        (r"^triticale\b", "triticale"),
        (r"^rye grain|^rye flour, dark", "rye"),
        (r"^corn grain|^corn flour, whole-grain|^cornmeal, whole-grain", "corn"),
    )
)

# Legume heads that name one plant (the group also holds meat analogues).
LEGUME_HEADS: dict[str, str] = {
    "chickpeas": "chickpeas",
    "chickpea flour": "chickpeas",
    "lentils": "lentils",
    "lima beans": "lima beans",
    "lupins": "lupins",
    "mothbeans": "moth beans",
    "mung beans": "mung beans",
    "mungo beans": "mungo beans",
    "peanuts": "peanuts",
    "peanut butter": "peanuts",
    "peanut flour": "peanuts",
    "peanut spread": "peanuts",
    "pigeon peas": "pigeon peas",
    "soybeans": "soybeans",
    "soybean": "soybeans",
    "soy flour": "soybeans",
    "miso": "soybeans",
    "natto": "soybeans",
    "tempeh": "soybeans",
    "tofu": "soybeans",
    "okara": "soybeans",
    "yardlong beans": "yardlong beans",
    "winged beans": "winged beans",
    "hyacinth beans": "hyacinth beans",
    "cowpeas": "black-eyed peas",
    "broadbeans": "fava beans",
}
# Produce name heads that differ from the key the same plant has elsewhere.
PLANT_ALIASES: dict[str, str] = {
    "applesauce": "apples",
    "raisins": "grapes",
    "prunes": "plums",
    "prune puree": "plums",
    "lemon peel": "lemons",
    "orange peel": "oranges",
    "grape": "grapes",
    "beet": "beets",
    "turnip": "turnips",
    "carrot": "carrots",
    "onion": "onions",
    "sweet potato": "sweet potatoes",
    "sweet potatoes": "sweet potatoes",
    "sauerkraut": "cabbage",
    "pickles": "cucumber",
    "tomato products": "tomatoes",
    "tomato": "tomatoes",
    "poi": "taro",
    "yambean": "jicama",
    "broadbeans": "fava beans",
    "cowpeas": "black-eyed peas",
    "pigeonpeas": "pigeon peas",
    "edamame": "soybeans",
    "mushroom": "mushrooms",
    "pepper": "sweet peppers",
    "dill weed": "dill",
    "chicory greens": "chicory",
    "mango": "mangos",
    "papaya": "papayas",
    "potato flour": "potatoes",
    "potato wedges": "potatoes",
}
NUT_ALIASES: dict[str, str] = {
    "almond": "almonds",
    "cashew nuts": "cashews",
    "cashew": "cashews",
    "pistachio nuts": "pistachios",
    "macadamia nuts": "macadamias",
    "brazilnuts": "brazil nuts",
    "hickorynuts": "hickory nuts",
    "pilinuts": "pili nuts",
    "hazelnuts or filberts": "hazelnuts",
    "acorn": "acorns",
}
MUSHROOM_SPECIES = frozenset({"shiitake", "enoki", "oyster", "chanterelle", "morel", "maitake"})
SQUASH_VARIETIES = frozenset({"acorn", "butternut", "hubbard", "spaghetti"})
SPICE_SKIP = _rx(
    r"^(salt|vinegar|vanilla|mustard, prepared|horseradish|seasoning|pace)|chili powder"
    r"|curry powder|poultry seasoning|pumpkin pie spice"
)
RX_PLANT_PART_SUFFIX = re.compile(
    r" (greens|leaves|leaf|flowers|shoots|root|roots|tuber|pods|flakes|pulp)$"
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


# --- reading the flat files --------------------------------------------------


def read_sr28_file(
    path: Path, names: Sequence[str], usecols: Sequence[int] | None = None
) -> pd.DataFrame:
    """Read one SR28 flat file as strings; an empty field stays "" (unknown)."""
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    # cp1252: FOOD_DES has curly quotes (0x91/0x92), NUTR_DEF "µ", WEIGHT "é".
    text = raw.decode("cp1252")
    # WEIGHT.txt has some bare CR line ends.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    import pandas as pd

    frame = pd.read_csv(
        io.StringIO(text),
        sep="^",
        quotechar="~",
        header=None,
        names=list(names),
        usecols=list(usecols) if usecols is not None else None,
        dtype=str,
        keep_default_na=False,
        na_filter=False,
        engine="c",
    )
    return frame


def _number(series: pd.Series) -> pd.Series:
    """Numeric column where "" means unknown (NaN), never zero."""
    import pandas as pd

    return pd.to_numeric(series.mask(series == ""))


# --- formatting --------------------------------------------------------------


def round3(value: float) -> float:
    """Three decimals; -0.0 becomes 0.0 so output never shows "-0"."""
    if math.isnan(value):
        return value
    return round(value, 3) + 0.0


def fmt_number(value: float | None) -> str:
    """Fixed, short decimal text: 3 decimals max, no trailing zeros, "" for unknown."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = f"{round3(float(value)):.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _clean_measure(text: str) -> str:
    # ";" and "|" separate measures in the servings column.
    return " ".join(text.replace(";", ",").replace("|", "/").split())


# --- derivation rules --------------------------------------------------------


def _name_parts(name: str) -> list[str]:
    """Lower-case comma parts of a description, parentheticals removed."""
    low = name.lower()
    while True:
        stripped = RX_PARENS.sub(" ", low)
        if stripped == low:
            break
        low = stripped
    parts = [" ".join(p.replace("-", " ").split()) for p in low.split(",")]
    return [p for p in parts if p]


def _has_brand_head(name: str) -> bool:
    head = name.split(",", 1)[0]
    return bool(RX_BRAND_WORD.search(head))


def _nut_seed_key(parts: list[str]) -> str:
    head = parts[0]
    if head in ("nuts", "seeds"):
        if len(parts) < 2:
            return ""
        item = parts[1]
    else:
        item = head
    if item == "flaxseed":
        return "flaxseed"
    if item.startswith("pumpkin and squash"):
        return "pumpkin seeds"
    base = re.sub(
        r"\b(seed kernels|seed butter|seed flour|seed meal|seed|seeds|kernels|butter|flour"
        r"|meal|paste|meat|from shell)\b",
        "",
        item,
    )
    base = " ".join(base.split())
    if not base:
        return ""
    if head == "seeds":
        return f"{base} seeds"
    return NUT_ALIASES.get(base, base)


def _spice_key(parts: list[str], low: str) -> str:
    if SPICE_SKIP.search(low):
        return ""
    if parts[0] == "spices":
        if len(parts) < 2:
            return ""
        item = parts[1]
        if item == "pepper" and len(parts) > 2:
            # White and black pepper are one plant (Piper nigrum); cayenne is a chili.
            return "chili peppers" if "red" in parts[2] else "black pepper"
    else:
        item = parts[0]
    if item == "bay leaf":
        return "bay leaf"
    item = re.sub(r" (seed|seeds|leaf|leaves|weed|powder)$", "", item)
    return PLANT_ALIASES.get(item, item)


def _produce_key(parts: list[str]) -> str:
    """Key for fruits, vegetables and dry legumes from the description head."""
    head = parts[0]
    second = parts[1] if len(parts) > 1 else ""
    if head == "beans":
        if second in ("", "baked", "chili"):
            return ""
        if second == "snap":
            return "green beans"
        if second.startswith("kidney"):
            return "kidney beans"
        variety = {"black turtle": "black", "small white": "white"}.get(second, second)
        return f"{variety} beans"
    if head == "peas":
        if second == "edible podded":
            return "snow peas"
        if "split" in parts[1:3]:
            return "split peas"
        return "peas"
    if head == "peppers":
        return "sweet peppers" if second == "sweet" else "chili peppers"
    if head == "squash":
        if any("zucchini" in p for p in parts):
            return "zucchini"
        third = parts[2] if len(parts) > 2 else ""
        if second == "winter" and third in SQUASH_VARIETIES:
            return f"{third} squash"
        return f"{second} squash" if second in ("summer", "winter") else "squash"
    if head in ("mushrooms", "mushroom"):
        return f"{second} mushrooms" if second in MUSHROOM_SPECIES else "mushrooms"
    if head == "seaweed":
        return second
    if head == "melons":
        return second
    if head == "currants":
        return "grapes" if second == "zante" else "currants"
    if head == "onions":
        if second in ("spring or scallions", "young green"):
            return "spring onions"
        return "welsh onions" if second == "welsh" else "onions"
    if head in ("cabbage", "lettuce", "potatoes", "tomatoes"):
        return head
    if head in ("tomato products", "tomato powder"):
        return "tomatoes"
    if head in LEGUME_HEADS:
        return LEGUME_HEADS[head]
    key = RX_PLANT_PART_SUFFIX.sub("", head)
    key = PLANT_ALIASES.get(key, key)
    if key.endswith(" bean"):
        key += "s"
    return key


def plant_key(name: str, group: str, known: Collection[str] | None = None) -> str:
    """Which plant a food counts as for "distinct plants a week"; "" if none.

    Only foods that essentially are one plant get a key: fruits, vegetables,
    dry legumes and soy foods, nuts and seeds, whole grains, herbs and spices.
    Juices, oils, drinks and mixed dishes do not count. American Indian/Alaska
    Native foods mix game, fish and dishes with wild plants, so there a key is
    kept only if ``known`` (the keys found in the plant groups) contains it.
    """
    low = name.lower()
    if group == G_BREAKFAST:
        return "oats" if OATS_CEREAL.search(low) else ""
    if group == G_BAKED:
        return "wheat" if WHOLE_WHEAT_BREAD.search(low) else ""
    if group == G_GRAINS:
        for pattern, key in GRAIN_KEYS:
            if pattern.search(low):
                return key
        return ""
    if group not in PLANT_GROUPS and group != G_NATIVE:
        return ""
    if RX_NOT_ONE_PLANT.search(low):
        return ""
    if low.startswith("usda commodity"):
        low = re.sub(r"^usda commodity,? ", "", low)
        name = name[len("USDA Commodity") :].lstrip(", ")
    if _has_brand_head(name):
        return ""
    parts = _name_parts(low)
    if not parts:
        return ""
    if group == G_NUTS:
        return _nut_seed_key(parts)
    if group == G_SPICES:
        return _spice_key(parts, low)
    if group == G_LEGUMES and parts[0] not in LEGUME_HEADS and parts[0] not in ("beans", "peas"):
        return ""
    key = _produce_key(parts)
    if group == G_NATIVE and (known is None or key not in known):
        return ""
    return key


def aisle_for(name: str, group: str, plant: str) -> str:
    """Store aisle from the food group, refined by name."""
    low = name.lower()
    if RX_FERMENTED.search(low) and not RX_NOT_FERMENTED.search(low) and group != G_BABY:
        return "fermented"
    if group == G_NATIVE:
        if RX_NATIVE_FISH.search(low):
            return "fish"
        if RX_NATIVE_MEAT.search(low):
            return "meat"
        if RX_NATIVE_DISH.search(low):
            return "prepared"
        if RX_NATIVE_DRINK.search(low):
            return "drinks"
        if low.startswith("oil"):
            return "pantry"
        if low.startswith("cornmeal"):
            return "grains"
        return "produce"
    head = low.split(",", 1)[0]
    if group in (G_FRUITS, G_VEGETABLES) and RX_PRODUCE_DRINK.search(head):
        return "drinks"  # juices, nectars and smoothies sit with the drinks
    if group == G_SPICES and plant and "fresh" in low:
        return "produce"
    if group == G_NUTS and "coconut water" in low:
        return "drinks"
    if group == G_SWEETS and re.search(r"ice cream|frozen yogurt|sherbet", low):
        return "dairy"
    return GROUP_AISLE.get(group, "pantry")


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
    return any(RX_WATER_PART.search(p) for p in _name_parts(low))


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


def omega3_from(nutr: dict[str, float]) -> float:
    """ALA + EPA + DPA + DHA; ALA falls back to undifferentiated 18:3.

    Known parts are summed; unknown only when every part is unknown.
    """
    ala = nutr.get(N_ALA, math.nan)
    if math.isnan(ala):
        ala = nutr.get(N_183_UNDIFF, math.nan)
    parts = [ala, nutr.get(N_EPA, math.nan), nutr.get(N_DPA, math.nan), nutr.get(N_DHA, math.nan)]
    known = [p for p in parts if not math.isnan(p)]
    return sum(known) if known else math.nan


def vitamin_d_from(nutr: dict[str, float]) -> float:
    """Vitamin D in µg; older entries only give IU (40 IU = 1 µg)."""
    ug = nutr.get(N_VIT_D_UG, math.nan)
    if math.isnan(ug):
        iu = nutr.get(N_VIT_D_IU, math.nan)
        return iu / IU_PER_UG_VITAMIN_D
    return ug


def ala_from(nutr: dict[str, float]) -> float:
    """ALA (851); the undifferentiated 18:3 (619) where 851 is absent."""
    ala = nutr.get(N_ALA, math.nan)
    return nutr.get(N_183_UNDIFF, math.nan) if math.isnan(ala) else ala


def epa_dha_from(nutr: dict[str, float]) -> float:
    """EPA (629) + DHA (621); unknown only when both are."""
    known = [v for v in (nutr.get(N_EPA, math.nan), nutr.get(N_DHA, math.nan)) if not math.isnan(v)]
    return sum(known) if known else math.nan


def nutrients_from(
    nutr: dict[str, float], added_sugars: float = math.nan, prebiotic: float = math.nan
) -> dict[str, float]:
    """The output nutrients per 100 g, rounded; NaN where unknown. The two estimates
    are worked out by added_sugars_for and prebiotic_for."""
    values = {
        "energy_kcal": nutr.get(N_ENERGY, math.nan),
        "fiber_g": nutr.get(N_FIBER, math.nan),
        "sugars_g": nutr.get(N_SUGARS, math.nan),
        "vit_a_ug": nutr.get(N_VIT_A_RAE, math.nan),
        "vit_c_mg": nutr.get(N_VIT_C, math.nan),
        "vit_d_ug": vitamin_d_from(nutr),
        "vit_e_mg": nutr.get(N_VIT_E, math.nan),
        "zinc_mg": nutr.get(N_ZINC, math.nan),
        "omega3_g": omega3_from(nutr),
        "protein_g": nutr.get(N_PROTEIN, math.nan),
        "alcohol_g": nutr.get(N_ALCOHOL, math.nan),
        "ala_g": ala_from(nutr),
        "epa_dha_g": epa_dha_from(nutr),
        "added_sugars_g": added_sugars,
        "prebiotic_g": prebiotic,
    }
    return {k: round3(v) for k, v in values.items()}


# --- honest-score data: flags, live cultures, species, estimates ---------------
#
# docs/catalog.md gives every rule below with its source. Estimates carry a short
# "basis" code per food (column ``basis``) that the docs' table of sources explains.

RX_PROCESSED_MEAT = _rx(
    r"\b(bacon|ham|hams|sausages?|salami|pepperoni|bologna|frankfurters?|hot ?dogs?|franks"
    r"|wieners?|corned beef|pastrami|jerky|luncheon|bratwurst|kielbasa|knockwurst|chorizo"
    r"|prosciutto|cured|smoked link|salt pork|spam|dried beef|liverwurst|braunschweiger"
    r"|liver cheese|headcheese|mortadella|summer sausage|polish|vienna sausage|scrapple"
    r"|pate|canned meat|meat spread|potted meat|deviled ham|chipped|corn dogs?|pepperoni)\b"
)
RX_NOT_PROCESSED_MEAT = _rx(r"hamburger|graham|meatless|vegetarian|veggie|\bsoy\b|turkey ham")
PROCESSED_MEAT_GROUPS = frozenset(
    {G_POULTRY, G_PORK, G_BEEF, G_LAMB, G_FAST, G_MEALS, G_RESTAURANT, G_SAUSAGES, G_BREAKFAST}
)
# NOVA group 4 (Monteiro et al. 2019): industrial formulations. Names are the evidence.
RX_UPF_NAME = _rx(
    r"carbonated|\bsoda\b|\bcola\b|energy drink|sports drink|fruit punch|punch drink"
    r"|fruit[- ]flavored drink|drink mix|\bcandies\b|\bcandy\b|frosting|\bmargarine"
    r"|imitation|substitute|non-?dairy|creamer|dessert topping|whipped topping|cheese food"
    r"|cheese spread|pasteurized process|\bramen\b|noodles, .*instant|instant noodle"
    r"|nuggets|\bpatties, breaded"
    r"|toaster pastr|snack cakes?|cream-filled|sandwich cookies|pop-tarts|breakfast bars?"
    r"|granola bars?|cereal bars?|protein bars?|meal replacement|protein powder"
    r"|formulated bar|gelatin desserts?|pudding, .*(ready-to-eat|instant)|ice creams?"
    r"|frozen novelt|\bsherbet\b|frozen yogurt|yogurt, frozen"
)
RX_UPF_MEAT = _rx(r"frankfurter|hot ?dog|bologna|luncheon|salami|pepperoni")
RX_RTE_CEREAL = _rx(r"^cereals ready-to-eat\b")
RX_RTE_CEREAL_PLAIN = _rx(r"shredded wheat|puffed (rice|wheat)|\boat bran\b|wheat germ")
RX_FLAVORED = _rx(
    r"\b(fruit|vanilla|chocolate|strawberr(y|ies)|flavou?red|flavor|lemon|coffee|caramel"
    r"|honey|blueberr(y|ies)|peach|cherr(y|ies)|raspberr(y|ies)|banana|sweetened)\b"
)
RX_SWEETENED = _rx(
    r"(?<!un)sweetened|\bsugar(ed)?\b|syrup|\bhoney\b|candied|glazed|frosted|chocolate|caramel"
    r"|fudge|\bjams?\b|jelly|jellies|marmalade|preserves|molasses|maple|\bpie\b|cakes?\b"
    r"|cookies|dessert|pudding|ice cream|sherbet|toffee|praline|marshmallow"
)
RX_DAIRY_MILK = _rx(r"^(milk|buttermilk|eggnog|milk shakes?)\b|^beverages?, milkshake")
RX_NOT_DAIRY_MILK = _rx(
    r"human|imitation|substitute|\bsoy|rice milk|almond|coconut|\bdry\b|powder|\bmalted\b"
    r"|milk chocolate|milkfish"
)
RX_PLAIN_YOGURT_KEFIR = _rx(r"^(yogh?urt|kefir)\b.*\bplain\b")

# Ingredients nobody eats alone, by the cup.
RX_RAW_PULSE_HEAD = _rx(
    r"^(beans|lentils|chickpeas|peas, split|cowpeas|lupins|lima beans|mung beans|mungo beans"
    r"|broadbeans|pigeon peas|soybeans|hyacinth beans|winged beans|yardlong beans|mothbeans"
    r"|adzuki|yambean)\b"
)
RX_RAW_STATE = _rx(r"\braw\b|\bdry\b(?! roasted)|\buncooked\b|\bunprepared\b")
RX_NOT_RAW_PULSE = _rx(r"sprouted|\bgreen\b|immature|snap|edamame|\bpods?\b")
RX_INGREDIENT = _rx(
    r"\bflours?\b|\bmeal\b(?!s)|\bstarch\b|leavening|baking powder|baking soda|\byeast\b"
    r"|bouillon|\bcubes?\b|gelatin, (dry|unsweetened)|gelatins?, dry powder|\bdry mix"
    r"|\bmix, dry\b|\bdry\b.*\bmix\b|cocoa, dry powder|\bpowder\b|baking chocolate"
    r"|chocolate, baking|vital wheat gluten|\bpectin\b|\bgums?\b|\bprotein isolate"
    r"|protein concentrate|shortening|\blard\b|\btallow\b|\bsuet\b|\bfat, \b|\bsalt\b"
    r"|\bvinegar\b|extract|\bflavoring\b|\brennin\b|\bcream of tartar\b|\bbran\b|\bgerm\b"
)
RX_DRY_FORM = _rx(
    r"\bdry\b(?! roasted)|\bpowder\b|(?<!snack |trail |party )\bmix\b"
    r"|(?<!from )concentrat|dehydrated|\bcubed\b|\bcubes?\b|\bcondensed\b"
    r"|\bgranules\b|^cracker meal|^bread crumbs"
)
RX_DRY_PRODUCE = _rx(r"(?<!from )concentrat|dehydrated|\bpowder\b|dry form|\bdry\b(?! roasted)")
RX_RAW_GRAIN = _rx(
    r"^(rice|wild rice|barley|buckwheat|millet|quinoa|amaranth grain|sorghum grain|teff"
    r"|triticale|spelt|wheat|rye grain|oats|corn grain|bulgur|couscous|kamut|semolina"
    r"|macaroni|pasta|spaghetti|noodles)\b.*\b(raw|dry|uncooked|unenriched, dry)\b"
)
RX_HOT_CEREAL_DRY = _rx(r"^cereals, .*\b(dry|unprepared)\b")
RX_NOT_INGREDIENT = _rx(r"prepared with|cooked|\bboiled\b|ready-to-eat|reconstituted")

# Glycaemic index by food class: Atkinson, Foster-Powell & Brand-Miller 2008, Diabetes
# Care 31:2281, Table 1 (means). The reference portion is the one the glycaemic load
# is taken for (docs/catalog.md says whose); available carbohydrate = SR28 205 minus 291.
GI_CLASSES: tuple[tuple[re.Pattern[str], frozenset[str], int, float], ...] = tuple(
    (_rx(p), frozenset(g), gi, ref)
    for p, g, gi, ref in (
        (r"^bread, (whole-wheat|wheat, whole)", {G_BAKED}, 74, 60.0),
        (
            r"^(bread, (white|wheat|french|italian|pita, white|cracked-wheat|egg)|rolls, "
            r"(dinner|hamburger|hard|french)|bagels, plain|english muffins, plain)",
            {G_BAKED},
            75,
            60.0,
        ),
        (r"^crackers, rice|^rice cakes|^snacks, rice cakes", {G_BAKED, G_SNACKS}, 87, 25.0),
        (r"^cereals ready-to-eat, .*(granola|muesli)", {G_BREAKFAST}, 57, 40.0),
        (r"^cereals ready-to-eat\b", {G_BREAKFAST}, 81, 40.0),
        (r"^cereals, oats, instant", {G_BREAKFAST}, 79, 250.0),
        (r"^cereals, oats, regular and quick", {G_BREAKFAST}, 55, 250.0),
        (r"^rice, white, .*cooked", {G_GRAINS}, 73, 150.0),
        (r"^rice, brown, .*cooked", {G_GRAINS}, 68, 150.0),
        (r"^couscous, cooked", {G_GRAINS}, 65, 150.0),
        (r"^(spaghetti|pasta|macaroni), (?!whole).*cooked", {G_GRAINS}, 49, 180.0),
        (r"^potatoes, mashed, dehydrated", {G_VEGETABLES}, 87, 150.0),
        (
            r"^potatoes, french fried|^fast foods, potato, french fried",
            {G_VEGETABLES, G_FAST},
            63,
            150.0,
        ),
        (
            r"^potatoes, (boiled|baked|microwaved|mashed|russet|white|red)",
            {G_VEGETABLES},
            78,
            150.0,
        ),
        (r"^sweet potato", {G_VEGETABLES}, 63, 150.0),
        (
            r"^beverages, carbonated, (?!.*(low calorie|diet|sugar-free|water|club))",
            {G_BEVERAGES},
            59,
            355.0,
        ),
        (r"^sugars, (granulated|brown|powdered)", {G_SWEETS}, 65, 10.0),
        (r"^honey\b", {G_SWEETS}, 61, 25.0),
        (r"^candies, (?!.*(chocolate|sugar-free|sugarless|dietetic))", {G_SWEETS}, 65, 50.0),
        (r"^watermelon", {G_FRUITS}, 76, 120.0),
        (r"^bananas, raw", {G_FRUITS}, 51, 120.0),
    )
)
HIGH_GL = 20.0  # per reference portion: the usual "high" cut-off (low is <= 10)

# Live cultures (docs/catalog.md says why for each).
LIVE_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (_rx(p), state)
    for p, state in (
        (r"^(yogh?urt|kefir)\b", "live"),
        (r"^natto\b", "live"),
        (r"^tempeh\b", "dead"),
        (r"^sauerkraut, canned|canned.*sauerkraut", "dead"),
        (r"^soup, miso|miso soup", "dead"),
        (r"^miso\b", "unknown"),
        (r"^cabbage, kimchi|kimchi", "unknown"),
        (r"sourdough", "dead"),
        (r"^alcoholic beverage, (beer|wine)|^beverages?, (beer|wine)", "dead"),
        (r"^pickles, cucumber, (dill|sour)", "unknown"),
        (r"^soy sauce", "dead"),
        (r"kombucha", "unknown"),
    )
)
RX_NOT_LIVE = _rx(r"frozen|covered|coated|coating|dressing|babyfood|\bbar\b|cereal|candies|parfait")

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
RX_FREE_ALL = _rx(
    r"^(sugars?|syrups?|honey|molasses|candies|jams?|jellies|marmalade|preserves"
    r"|frostings?|toppings|desserts?, |sweeteners?|gelatin desserts?)\b"
    r"|juice|nectar|carbonated|\bsoda\b|\bcola\b|punch|lemonade|limeade|energy drink"
    r"|sports drink|drink mix|fruit-flavored drink|\bdrinks?\b|cocktail mix|tonic|ginger ale"
)
RX_NO_ADDED_BEVERAGE = _rx(
    r"^(water|beverages, water|beverages, (coffee|tea), .*(brewed|instant)(?!.*(sweetened|"
    r"with sugar|lemon-flavored|flavored))|alcoholic beverage, (beer|wine|distilled))"
)
RX_JUICE_ONLY = _rx(r"juice|nectar")
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
RX_CHICORY_ROOT = _rx(r"^chicory roots\b")
RX_COOKED = _rx(r"\bcooked\b|\bboiled\b|\bcanned\b|\bbaked\b|\broasted\b|\bfried\b|\bmashed\b")
RX_RAW = _rx(r"\braw\b")
RX_NO_PREBIOTIC_BEVERAGE = _rx(
    r"^(water|beverages, water|beverages, carbonated|alcoholic beverage, (wine|distilled))"
    r"|^beverages, (coffee|tea), brewed"
)
RX_PURE_SUGAR = _rx(r"^(sugars?|syrups?|honey)\b")

# Scientific names: SR28's spelling slips and synonyms, and plants SR28 names nowhere.
SPECIES_ALIASES: dict[str, str] = {
    "Capsicum anuum": "Capsicum annuum",
    "Vigna uniguiculata": "Vigna unguiculata",
    "Vaccinium alaskanese": "Vaccinium alaskaense",
    "Vaccinium alaskaenese": "Vaccinium alaskaense",
    "Dolichos lablab": "Lablab purpureus",
    "Dolichos purpureus": "Lablab purpureus",
    "Epilobium angustifolium": "Chamerion angustifolium",
}
# Foods whose plant key is shared by two species: kimchi is napa cabbage.
SPECIES_BY_NAME: tuple[tuple[re.Pattern[str], str], ...] = ((_rx(r"\bkimchi\b"), "Brassica rapa"),)
SPECIES_BY_KEY: dict[str, str] = {
    # SR28 names cultivated blueberries only as "Vaccinium spp.".
    "blueberries": "Vaccinium spp.",
    # Kale is Brassica oleracea; SR28's Scotch kale alone is Brassica napus.
    "kale": "Brassica oleracea",
    "escarole": "Cichorium endivia",
    "malabar spinach": "Basella alba",
    "pimento": "Capsicum annuum",
    "shellie beans": "Phaseolus vulgaris",
    "kanpyo": "Lagenaria siceraria",
}


def normalise_species(sci: str) -> str:
    """SR28 SciName as "Genus species": the first name given, without authors, varieties
    or groups; "Genus spp." where SR28 names only the genus; "" if it cannot be read."""
    text = RX_PARENS.sub(" ", sci)
    text = re.split(r"\bor\b|\band\b|;|,", text)[0]
    words = text.split()
    if len(words) >= 2 and words[1] in ("spp.", "sp."):
        return f"{words[0].capitalize()} spp."  # a genus stands for itself
    if len(words) < 2 or not words[1].isalpha() or not words[1].islower():
        return ""
    name = f"{words[0].capitalize()} {words[1]}"
    return SPECIES_ALIASES.get(name, name)


def species_for_foods(records: Sequence[tuple[str, str, str, str]]) -> dict[str, str]:
    """Species by NDB for foods with a plant key, from ``(ndb, name, plant, sci)``.

    A food's own SciName when it names a species; else that of the food of the same key
    sharing at least two leading comma parts of the description ("Cabbage, chinese
    (pak-choi), cooked" takes the raw pak-choi's); else the key's own species: a
    hand-kept one, else the commonest named in SR28 for the key, else its genus, else
    the plant key itself, so that the food still counts once.
    """
    real: dict[str, list[tuple[list[str], str]]] = {}
    common: dict[str, Counter[str]] = {}
    for _, name, plant, sci in records:
        species = normalise_species(sci) if plant and sci else ""
        if species:
            common.setdefault(plant, Counter())[species] += 1
            if not species.endswith(" spp."):
                real.setdefault(plant, []).append((name.lower().split(", "), species))

    def canonical(plant: str) -> str:
        if plant in SPECIES_BY_KEY:
            return SPECIES_BY_KEY[plant]
        counts = common.get(plant, Counter())
        ranked = sorted(counts.items(), key=lambda kv: (kv[0].endswith(" spp."), -kv[1], kv[0]))
        return ranked[0][0] if ranked else plant

    out: dict[str, str] = {}
    for ndb, name, plant, sci in records:
        if not plant:
            continue
        species = normalise_species(sci) if sci else ""
        if species.endswith(" spp."):
            species = ""
        parts = name.lower().split(", ")
        if not species:
            best, shared_most = "", 1
            for donor_parts, donor in real.get(plant, []):
                shared = 0
                for a, b in zip(donor_parts, parts, strict=False):
                    if a != b:
                        break
                    shared += 1
                if shared > shared_most or (shared == shared_most > 1 and donor < best):
                    best, shared_most = donor, shared
            species = best
        for pattern, fixed in SPECIES_BY_NAME:
            if pattern.search(name):
                species = fixed
        out[ndb] = species or canonical(plant)
    return out


def live_cultures_for(name: str, group: str) -> str:
    """ "live", "dead" or "unknown" for a fermented food; "" for any other."""
    low = name.lower()
    if group == G_BABY or RX_NOT_LIVE.search(low):
        return ""
    for pattern, state in LIVE_RULES:
        if pattern.search(low):
            return state
    return ""


def glycemic_load(name: str, group: str, nutr: dict[str, float]) -> float:
    """Glycaemic load of the food's reference portion, NaN if no GI class fits."""
    low = name.lower()
    carbs = nutr.get(N_CARB, math.nan) - nutr.get(N_FIBER, 0.0)
    for pattern, groups, gi, ref in GI_CLASSES:
        if group in groups and pattern.search(low):
            return gi * max(carbs, 0.0) * ref / 100.0 / 100.0
    return math.nan


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


def flags_for(
    name: str,
    group: str,
    limit: str,
    nutr: dict[str, float],
    added: float,
    live: str,
) -> list[str]:
    """Flags in FLAGS order (docs/catalog.md gives each rule and its source)."""
    low = name.lower()
    found: set[str] = set()
    if (
        group in PROCESSED_MEAT_GROUPS
        and (group == G_SAUSAGES or RX_PROCESSED_MEAT.search(low))
        and not RX_NOT_PROCESSED_MEAT.search(low)
        and not re.search(r"\bmeatless|vegetarian", low)
    ):
        found.add("processed_meat")
    if group != G_DAIRY_EGG and RX_DEEP_FRIED.search(low) and not RX_NOT_DEEP_FRIED.search(low):
        found.add("deep_fried")
    # The limit rule also files "diet" baked goods here; the flag wants a sweetener named,
    # or a diet drink or sweet.
    artificial = RX_ARTIFICIAL.search(low) is not None or (
        limit == "artificial_sweetener" and group in (G_BEVERAGES, G_SWEETS)
    )
    if artificial:
        found.add("artificial_sweetener")
    rte_sweet = RX_RTE_CEREAL.search(low) and not RX_RTE_CEREAL_PLAIN.search(low)
    upf = (
        limit == "ultra_processed"
        or RX_UPF_NAME.search(low)
        or (RX_UPF_MEAT.search(low) and not RX_NOT_MEAT.search(low))
        or (group == G_SAUSAGES and not re.search(r"^(bacon|ham)\b", low))
        or (group == G_SNACKS and RX_ULTRA_SNACK.search(low))
        or group in (G_FAST, G_MEALS)
        or rte_sweet
        or artificial
        or (group == G_SWEETS and not re.search(r"^(sugars?|honey|syrups?|molasses)\b", low))
        or (group == G_BAKED and RX_BAKED_SWEET.search(low))
        or (
            group == G_DAIRY_EGG
            and re.match(r"^(yogh?urt|kefir)\b", low)
            and RX_FLAVORED.search(low)
        )
    )
    if upf and not (group == G_FAST and re.search(r"salad, vegetable.*without dressing", low)):
        found.add("ultra_processed")
    energy = nutr.get(N_ENERGY, math.nan)
    sugar_share = added * 4.0 / energy if energy and energy > 0 and not math.isnan(added) else 0.0
    sweet_name = (
        limit == "refined_sugar"
        or (group == G_SWEETS and not RX_SWEETS_EXEMPT.search(low) and not artificial)
        or (RX_SWEET_ANYWHERE.search(low) and not RX_SWEETS_EXEMPT.search(low))
        or (
            group == G_BEVERAGES
            and RX_FREE_ALL.search(low)
            and not artificial
            and not RX_JUICE_ONLY.search(low)
            and "unsweetened" not in low
        )
        or (group == G_BAKED and RX_BAKED_SWEET.search(low))
    )
    # Juices carry free sugars (counted in added_sugars_g) but are not sugar-sweetened.
    juice = RX_JUICE_ONLY.search(low) is not None and not RX_SWEETENED.search(low)
    by_share = sugar_share >= 0.2 and added >= 2.5 and not juice and group != G_BABY
    if not artificial and (sweet_name or by_share):
        found.add("sugar_sweetened")
    plain_cultured = (
        RX_PLAIN_YOGURT_KEFIR.search(low)
        and live == "live"
        and added == 0.0
        and not RX_FLAVORED.search(low)
    )
    if plain_cultured:
        found.add("plain_fermented_dairy")
    if group == G_DAIRY_EGG and RX_DAIRY_MILK.search(low) and not RX_NOT_DAIRY_MILK.search(low):
        found.add("dairy_milk")
    if (
        group == G_BEVERAGES
        and re.search(r"\bmilk\b", low)
        and re.search(r"chocolate|shake|malted", low)
    ) and not re.search(r"soy|almond|rice|coconut|\bdry\b|powder|mix\b", low):
        found.add("dairy_milk")
    gl = glycemic_load(name, group, nutr)
    if not math.isnan(gl) and gl >= HIGH_GL:
        found.add("high_gl")
    raw_pulse = (
        group == G_LEGUMES
        and (RX_RAW_PULSE_HEAD.search(low) or "mature seeds" in low)
        and RX_RAW_STATE.search(low)
        and ("mature seeds" in low or not RX_NOT_RAW_PULSE.search(low))
        and not re.search(r"sprouted|roasted|^peanut", low)
    )
    if raw_pulse:
        found.update(("raw_pulse", "not_eaten_alone"))
    head = ", ".join(low.split(", ")[:2])  # "Soup, bouillon cubes", "Wheat flour, white"
    ingredient = (
        (
            group not in (G_SWEETS, G_SNACKS, G_BAKED, G_FAST, G_MEALS, G_RESTAURANT, G_BABY)
            and RX_INGREDIENT.search(head)
            and not RX_NOT_INGREDIENT.search(low)
        )
        or (group == G_GRAINS and RX_RAW_GRAIN.search(low))
        or (group == G_BREAKFAST and RX_HOT_CEREAL_DRY.search(low))
        or group == G_SPICES
        or (group == G_FATS and re.search(r"^(oil|fat|lard|shortening|margarine|butter)", low))
        or re.search(r"^sugars, (granulated|brown|powdered|maple)", low)
        or re.search(r"^(leavening|gelatins?|cocoa, dry|baking|cornmeal|tapioca, pearl)", low)
    )
    # Dry mixes, powders, concentrates and bouillon wait to be made into something.
    dry_form = (
        group in (G_SOUPS, G_SWEETS, G_BAKED, G_BEVERAGES, G_BREAKFAST) and RX_DRY_FORM.search(low)
    ) or (group in (G_FRUITS, G_VEGETABLES, G_DAIRY_EGG) and RX_DRY_PRODUCE.search(low))
    made = re.search(r"prepared|diluted|stewed|^alcoholic", low)
    if dry_form and not RX_NOT_INGREDIENT.search(low) and not made:
        found.add("not_eaten_alone")
    if ingredient and not re.search(r"^(milk|yogurt|kefir|beverages)", low):
        found.add("not_eaten_alone")
    return [f for f in FLAGS if f in found]


# --- the SR28 table ----------------------------------------------------------


def _measures(weights: pd.DataFrame) -> dict[str, list[tuple[str, float]]]:
    """Household measures per food in Seq order, as (label, grams)."""
    table = weights.assign(
        seq=_number(weights["seq"]),
        amount=_number(weights["amount"]),
        grams=_number(weights["grams"]),
    ).sort_values(["ndb", "seq"], kind="stable")
    out: dict[str, list[tuple[str, float]]] = {}
    for ndb, amount, desc, grams in zip(
        table["ndb"], table["amount"], table["desc"], table["grams"], strict=True
    ):
        label = _clean_measure(f"{fmt_number(amount)} {desc}")
        out.setdefault(ndb, []).append((label, float(grams)))
    return out


def _nutrient_values(nut_data: pd.DataFrame) -> dict[str, dict[str, float]]:
    used = nut_data[nut_data["nutr"].isin(USED_NUTRIENTS)]
    values = _number(used["value"])
    out: dict[str, dict[str, float]] = {}
    for ndb, nutr, value in zip(used["ndb"], used["nutr"], values, strict=True):
        out.setdefault(ndb, {})[nutr] = float(value)
    return out


def build_sr28_table(sr28_dir: Path | str) -> pd.DataFrame:
    """One row per SR28 food with derived fields; nutrients per 100 g (NaN = unknown)."""
    sr28_dir = Path(sr28_dir)
    foods = read_sr28_file(
        sr28_dir / "FOOD_DES.txt", ["ndb", "group", "name", "sci"], usecols=[0, 1, 2, 9]
    )
    groups = read_sr28_file(sr28_dir / "FD_GROUP.txt", ["group", "group_name"])
    group_names = dict(zip(groups["group"], groups["group_name"], strict=True))
    weights = read_sr28_file(
        sr28_dir / "WEIGHT.txt", ["ndb", "seq", "amount", "desc", "grams"], usecols=range(5)
    )
    nut_data = read_sr28_file(
        sr28_dir / "NUT_DATA.txt.gz", ["ndb", "nutr", "value"], usecols=[0, 1, 2]
    )
    measures = _measures(weights)
    values = _nutrient_values(nut_data)

    records = sorted(zip(foods["ndb"], foods["group"], foods["name"], strict=True))
    sci_names = dict(zip(foods["ndb"], foods["sci"], strict=True))
    known = frozenset(plant_key(name, group) for _, group, name in records) - {""}
    plants = {ndb: plant_key(name, group, known) for ndb, group, name in records}
    species = species_for_foods(
        [(ndb, name, plants[ndb], sci_names[ndb]) for ndb, _, name in records]
    )
    rows: list[dict[str, Any]] = []
    for ndb, group, name in records:
        nutr = values.get(ndb, {})
        food_measures = measures.get(ndb, [])
        serving_label, serving_grams = food_measures[0] if food_measures else ("100 g", 100.0)
        plant = plants[ndb]
        limit = limit_kind_for(name, group, nutr)
        food_species = species.get(ndb, "")
        if limit:
            plant = food_species = ""  # a food to limit never earns plant credit
        aisle = aisle_for(name, group, plant)
        cats = categories_for(name, group, plant, aisle, limit, nutr, serving_grams)
        tags = tags_for(name, group, aisle, nutr)
        live = live_cultures_for(name, group)
        added, added_basis = added_sugars_for(name, group, nutr, live)
        prebiotic, prebiotic_basis = prebiotic_for(name, group, plants[ndb], nutr, tags)
        flags = flags_for(name, group, limit, nutr, added, live)
        basis = [f"A:{added_basis}"] + ([f"P:{prebiotic_basis}"] if prebiotic_basis else [])
        rows.append(
            {
                "id": f"sr:{ndb}",
                "ndb": ndb,
                "name": name,
                "group": group_names[group],
                "plant": plant,
                "aisle": aisle,
                "categories": ";".join(cats),
                "limit_kind": limit,
                "tags": ";".join(tags),
                "flags": ";".join(flags),
                "live_cultures": live,
                "species": food_species,
                "basis": ";".join(basis),
                "serving_label": serving_label,
                "serving_grams": round3(serving_grams),
                "servings": ";".join(f"{lbl}|{fmt_number(g)}" for lbl, g in food_measures),
                **nutrients_from(nutr, added, prebiotic),
            }
        )
    import pandas as pd

    table = pd.DataFrame(rows, columns=list(COLUMNS))
    return table.astype({c: "float64" for c in NUMBER_COLUMNS})


def sr28_csv_bytes(table: pd.DataFrame) -> bytes:
    """The table as gzip-compressed UTF-8 CSV, identical bytes for identical input."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(COLUMNS)
    number_set = set(NUMBER_COLUMNS)
    for record in table.itertuples(index=False, name=None):
        writer.writerow(
            fmt_number(v) if c in number_set else v for c, v in zip(COLUMNS, record, strict=True)
        )
    buffer = io.BytesIO()
    # mtime=0 and no file name keep the gzip header constant.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
        gz.write(text.getvalue().encode("utf-8"))
    return buffer.getvalue()


def load_sr28_csv(path: Path | str) -> pd.DataFrame:
    """Read sr28.csv.gz back with the same types build_sr28_table returns."""
    import pandas as pd

    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8")
    for column in NUMBER_COLUMNS:
        frame[column] = _number(frame[column]).astype("float64")
    return frame


# --- the curated catalog -----------------------------------------------------

RX_SLUG = re.compile(r"^[a-z0-9_-]+$")
SPEC_REQUIRED = frozenset(
    {
        "id",
        "name",
        "categories",
        "ndb",
        "serving_label",
        "grams",
        "plant",
        "aisle",
        "tags",
        "limit_kind",
    }
)
# species, live_cultures and flags replace what the SR28 rules give for the food.
SPEC_OPTIONAL = frozenset({"overrides", "note", "species", "live_cultures", "flags"})
ADDED_BASIS_TEXT: dict[str, str] = {
    "S0": "Not estimated (baby foods and formulas)",
    "S1": "SR28 total sugars (269) are 0, so free sugars are 0 (Louie et al. 2015 step 1)",
    "S2": (
        "A plain food of a group with no added sugar: 0 (Louie et al. 2015, Eur J Clin Nutr"
        " 69:154, step 2, as adapted to WHO free sugars by Kibblewhite et al. 2017,"
        " Nutrients 9:1292)"
    ),
    "S3": (
        "All SR28 total sugars (269) are free sugars: sugars, sweets, juices, soft drinks,"
        " sweet baked goods and ready-to-eat cereals (Louie et al. 2015 step 3;"
        " Kibblewhite et al. 2017)"
    ),
    "S4": (
        "Meat and fish have no sugar of their own: SR28 total sugars (269) are counted as"
        " added (Louie et al. 2015, objective steps)"
    ),
    "S5": (
        "SR28 total sugars less the plain counterpart's lactose (SR28 213, else plain"
        " yogurt 01116 or whole milk 01077), by Louie et al. 2015 step 5"
    ),
    "S10": "Half of SR28 total sugars (269) of a mixed food (Louie et al. 2015 step 10)",
}
SOURCE_TEXT = (
    "USDA SR28 (public domain): U.S. Department of Agriculture, Agricultural Research "
    "Service, Nutrient Data Laboratory. USDA National Nutrient Database for Standard "
    "Reference, Release 28 (2015, revised 2016); foods cited by NDB number. Values "
    "without an SR28 figure name their own source; null means unknown, not zero."
)


class SpecError(ValueError):
    """The curated spec is inconsistent with itself or with SR28."""


def _check_spec_item(item: dict[str, Any], sr28_rows: dict[str, dict[str, Any]]) -> None:
    food_id = item.get("id", "?")

    def fail(message: str) -> SpecError:
        return SpecError(f"{food_id}: {message}")

    if not isinstance(food_id, str) or not RX_SLUG.match(food_id):
        raise fail("id must be a lowercase slug")
    missing = SPEC_REQUIRED - item.keys()
    unknown = item.keys() - SPEC_REQUIRED - SPEC_OPTIONAL
    if missing or unknown:
        raise fail(f"missing fields {sorted(missing)}, unknown fields {sorted(unknown)}")
    cats = item["categories"]
    # An empty list is allowed: everyday staples (eggs, chicken) fill meals.
    if any(c not in CATEGORIES for c in cats) or len(set(cats)) != len(cats):
        raise fail(f"bad categories {cats}")
    if "limit" in cats and len(cats) > 1:
        raise fail("a limit food has no other category")
    limit_kind = item.get("limit_kind")
    if ("limit" in cats) != (limit_kind is not None):
        raise fail("limit_kind is set exactly when the food is a limit food")
    if limit_kind is not None and limit_kind not in LIMIT_KINDS:
        raise fail(f"bad limit_kind {limit_kind}")
    live = item.get("live_cultures", "")
    if live is not None and live != "" and live not in LIVE_CULTURES:
        raise fail(f"bad live_cultures {live}")
    if "flags" in item and any(f not in FLAGS for f in item["flags"]):
        raise fail(f"bad flags {item['flags']}")
    if item["aisle"] not in AISLES:
        raise fail(f"bad aisle {item['aisle']}")
    if any(t not in TAGS for t in item["tags"]):
        raise fail(f"bad tags {item['tags']}")
    if not (isinstance(item["grams"], int | float) and item["grams"] > 0):
        raise fail("grams must be positive")
    plant = item.get("plant")
    if plant is not None and limit_kind is not None:
        raise fail("a limit food has no plant key")
    ndb = item.get("ndb")
    if ndb is not None:
        if ndb not in sr28_rows:
            raise fail(f"NDB {ndb} is not in SR28")
        sr_plant = sr28_rows[ndb]["plant"]
        if sr_plant and plant != sr_plant:
            raise fail(f"plant {plant!r} differs from the SR28 key {sr_plant!r}")
    for nutrient, override in item.get("overrides", {}).items():
        if nutrient not in NUTRIENT_UNITS:
            raise fail(f"override of unknown nutrient {nutrient}")
        if not isinstance(override.get("per_100g"), int | float):
            raise fail(f"override {nutrient} needs a number")
        if not str(override.get("source", "")).strip():
            raise fail(f"override {nutrient} needs a source")


def build_curated(spec: list[dict[str, Any]], sr28: pd.DataFrame) -> dict[str, Any]:
    """The curated catalog: spec foods with per-serving nutrients from SR28 or overrides."""
    sr28_rows = {row["ndb"]: row for row in sr28.to_dict("records")}
    seen: set[str] = set()
    foods: list[dict[str, Any]] = []
    for item in spec:
        _check_spec_item(item, sr28_rows)
        if item["id"] in seen:
            raise SpecError(f"{item['id']}: duplicate id")
        seen.add(item["id"])
        ndb = item.get("ndb")
        grams = float(item["grams"])
        overrides = item.get("overrides", {})
        row = sr28_rows.get(ndb) if ndb is not None else None
        nutrients: dict[str, float | None] = {}
        sources = {k: v["source"] for k, v in overrides.items()}
        for nutrient in NUTRIENTS:
            if nutrient in overrides:
                per_100g = float(overrides[nutrient]["per_100g"])
            elif row is not None:
                per_100g = float(row[nutrient])
            else:
                per_100g = math.nan
            nutrients[nutrient] = None if math.isnan(per_100g) else round3(per_100g * grams / 100.0)
        if row is not None:
            # The estimates name their method, as the overrides name their source.
            basis = dict(part.split(":", 1) for part in row["basis"].split(";") if part)
            added_basis = basis.get("A", "")
            if "added_sugars_g" not in overrides and nutrients["added_sugars_g"] is not None:
                sources["added_sugars_g"] = ADDED_BASIS_TEXT[added_basis]
            if "prebiotic_g" not in overrides and basis.get("P") in PREBIOTIC_SOURCES:
                sources["prebiotic_g"] = PREBIOTIC_SOURCES[basis["P"]]
        live = item.get("live_cultures", row["live_cultures"] if row is not None else "")
        flags = item.get("flags", row["flags"].split(";") if row is not None else [])
        species = item.get("species", row["species"] if row is not None else "")
        foods.append(
            {
                "id": item["id"],
                "name": item["name"],
                "categories": [c for c in CATEGORIES if c in item["categories"]],
                "ndb": ndb,
                "serving_label": item["serving_label"],
                "grams": grams,
                "plant": item.get("plant"),
                "aisle": item["aisle"],
                "tags": [t for t in TAGS if t in item["tags"]],
                "limit_kind": item.get("limit_kind"),
                "nutrients": nutrients,
                "sources": sources,
                "live_cultures": live or None,
                "flags": [f for f in FLAGS if f in flags],
                "species": (species or item["plant"]) if item.get("plant") else None,
            }
        )
    return {
        "format": "gutskin-catalog",
        "version": 1,
        "source": SOURCE_TEXT,
        "nutrients": dict(NUTRIENT_UNITS),
        "foods": foods,
    }


def catalog_json_bytes(catalog: dict[str, Any]) -> bytes:
    text = json.dumps(catalog, indent=1, ensure_ascii=False, sort_keys=True, allow_nan=False)
    return (text + "\n").encode("utf-8")


def load_spec(path: Path | str) -> list[dict[str, Any]]:
    spec = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(spec, list):
        raise SpecError("the curated spec must be a JSON list")
    return spec


# --- command line ------------------------------------------------------------


def _parse_args(argv: Iterable[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tools.catalog_build",
        description="Build resources/sr28.csv.gz and resources/catalog.json from USDA SR28.",
    )
    parser.add_argument(
        "--sr28",
        type=Path,
        default=None,
        help=f"SR28 folder (default: ${SR28_DIR_ENV}, else {DEFAULT_SR28_DIR})",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT_DIR, help="output folder")
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC, help="curated spec JSON")
    return parser.parse_args(None if argv is None else list(argv))


def sr28_dir(given: Path | str | None = None) -> Path:
    """The SR28 folder: ``given``, else $GUTSKIN_SR28_DIR, else the default beside the
    repository."""
    if given:
        return Path(given)
    from_env = os.environ.get(SR28_DIR_ENV, "").strip()
    return Path(from_env) if from_env else DEFAULT_SR28_DIR


def main(argv: Iterable[str] | None = None) -> int:
    args = _parse_args(argv)
    args.sr28 = sr28_dir(args.sr28)
    if not (args.sr28 / "FOOD_DES.txt").is_file():
        print(f"SR28 files not found in {args.sr28}", file=sys.stderr)
        return 2
    table = build_sr28_table(args.sr28)
    try:
        catalog = build_curated(load_spec(args.spec), table)
    except SpecError as error:
        print(f"curated spec: {error}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    csv_path = args.out / SR28_CSV_NAME
    catalog_path = args.out / CATALOG_NAME
    csv_path.write_bytes(sr28_csv_bytes(table))
    catalog_path.write_bytes(catalog_json_bytes(catalog))
    print(f"{csv_path}: {len(table)} foods")
    print(f"{catalog_path}: {len(catalog['foods'])} curated foods")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
