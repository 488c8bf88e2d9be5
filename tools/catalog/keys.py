"""Plant keys and aisles: which plant a food is (one key per plant, so that "different
plants" counts plants, not foods), from its SR28 name and group, and the shop aisle.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from tools.catalog.constants import (
    G_BABY,
    G_BAKED,
    G_BREAKFAST,
    G_FRUITS,
    G_GRAINS,
    G_LEGUMES,
    G_NATIVE,
    G_NUTS,
    G_SPICES,
    G_SWEETS,
    G_VEGETABLES,
    GROUP_AISLE,
    PLANT_GROUPS,
)
from tools.catalog.patterns import (
    RX_BRAND_WORD,
    RX_FERMENTED,
    RX_NATIVE_DISH,
    RX_NATIVE_DRINK,
    RX_NATIVE_FISH,
    RX_NATIVE_MEAT,
    RX_NOT_FERMENTED,
    RX_NOT_ONE_PLANT,
    RX_PARENS,
    RX_PRODUCE_DRINK,
)
from tools.catalog.plantnames import (
    GRAIN_KEYS,
    LEGUME_HEADS,
    MUSHROOM_SPECIES,
    NUT_ALIASES,
    OATS_CEREAL,
    PLANT_ALIASES,
    RX_PLANT_PART_SUFFIX,
    SPICE_SKIP,
    SQUASH_VARIETIES,
    WHOLE_WHEAT_BREAD,
)


def name_parts(name: str) -> list[str]:
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
    parts = name_parts(low)
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
