"""Glycaemic load per reference portion, from the glycaemic index of a food's class
(Atkinson, Foster-Powell & Brand-Miller 2008, Diabetes Care 31:2281, Table 1) and its
available carbohydrate (SR28 205 minus 291); used by the acne-prone limit.
"""

from __future__ import annotations

import math
import re

from tools.catalog.constants import (
    G_BAKED,
    G_BEVERAGES,
    G_BREAKFAST,
    G_FAST,
    G_FRUITS,
    G_GRAINS,
    G_SNACKS,
    G_SWEETS,
    G_VEGETABLES,
    N_CARB,
    N_FIBER,
    rx,
)

# Glycaemic index by food class: Atkinson, Foster-Powell & Brand-Miller 2008, Diabetes
# Care 31:2281, Table 1 (means). The reference portion is the one the glycaemic load
# is taken for (docs/catalog.md says whose); available carbohydrate = SR28 205 minus 291.
GI_CLASSES: tuple[tuple[re.Pattern[str], frozenset[str], int, float], ...] = tuple(
    (rx(p), frozenset(g), gi, ref)
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


def glycemic_load(name: str, group: str, nutr: dict[str, float]) -> float:
    """Glycaemic load of the food's reference portion, NaN if no GI class fits."""
    low = name.lower()
    carbs = nutr.get(N_CARB, math.nan) - nutr.get(N_FIBER, 0.0)
    for pattern, groups, gi, ref in GI_CLASSES:
        if group in groups and pattern.search(low):
            return gi * max(carbs, 0.0) * ref / 100.0 / 100.0
    return math.nan
