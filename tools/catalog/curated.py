"""The curated catalog: curated_spec.json checked item by item, and each food's nutrients
per household serving from its SR28 row, written as catalog.json.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.core.foods import AISLES, CATEGORIES, FLAGS, LIVE_CULTURES, TAGS
from planner.scoring.namerules import name_rules_of
from tools.catalog.constants import LIMIT_KINDS, NUTRIENT_UNITS, NUTRIENTS
from tools.catalog.estimates import PREBIOTIC_SOURCES
from tools.catalog.reading import round3

if TYPE_CHECKING:  # pandas is imported where it is used: importing stays light
    import pandas as pd


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
                # The scoring's name rules, run here once instead of at each start.
                "name_rules": list(name_rules_of(item["name"])),
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
