"""Plant names for the plant keys: the grain patterns, pulse heads, aliases of plants and
nuts SR28 names in several ways, and the words that mark a plant part or a food that is
not one plant. tools.catalog.keys reads them.
"""

from __future__ import annotations

import re

from tools.catalog.constants import rx, rx_table

OATS_CEREAL = rx(r"^cereals, oats, (regular and quick|instant, fortified, plain)")

WHOLE_WHEAT_BREAD = rx(r"^bread, whole-wheat\b")

GRAIN_KEYS: tuple[tuple[re.Pattern[str], str], ...] = rx_table(
    (
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

SPICE_SKIP = rx(
    r"^(salt|vinegar|vanilla|mustard, prepared|horseradish|seasoning|pace)|chili powder"
    r"|curry powder|poultry seasoning|pumpkin pie spice"
)

RX_PLANT_PART_SUFFIX = re.compile(
    r" (greens|leaves|leaf|flowers|shoots|root|roots|tuber|pods|flakes|pulp)$"
)
