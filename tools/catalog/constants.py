"""The catalog build's shared constants: file names and folders, the SR28 nutrient numbers
and food groups, the columns of sr28.csv.gz and the thresholds the rules use (each with
its source), and ``rx`` for the case-insensitive name patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from planner.core.foods import LIMIT_KINDS as LIMIT_KIND_WORDS
from planner.core.foods import NUTRIENTS as FOOD_NUTRIENTS

LIMIT_KINDS: tuple[str, ...] = tuple(LIMIT_KIND_WORDS)

REPO_ROOT = Path(__file__).resolve().parents[2]

DEFAULT_SR28_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "usda-sr28"

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
    "name_rules",
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


def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def rx_table(rows: Iterable[tuple[str, str]]) -> tuple[tuple[re.Pattern[str], str], ...]:
    """A table of (pattern, value) rules with each pattern compiled, first match first."""
    return tuple((rx(pattern), value) for pattern, value in rows)
