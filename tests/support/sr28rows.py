"""A plain reader of one row of resources/sr28.csv.gz, written the obvious way: the oracle
that the catalog's fast SR28 loader is checked against."""

from __future__ import annotations

import math

from planner.core.foods import NUTRIENTS, SR28, Food


def _number(value: object) -> float | None:
    if value is None or value == "":
        return None
    number = float(str(value))
    return number if math.isfinite(number) else None


def _words(text: str) -> frozenset[str]:
    return frozenset(part for part in text.split(";") if part)


def food_from_sr28_row(row: dict[str, str]) -> Food:
    grams = float(row["serving_grams"])
    scale = grams / 100.0
    nutrients = {}
    for key in NUTRIENTS:
        per_100 = _number(row.get(key))
        nutrients[key] = None if per_100 is None else per_100 * scale
    return Food(
        id=row["id"],
        name=row["name"],
        categories=_words(row["categories"]),
        serving_label=row["serving_label"],
        grams=grams,
        nutrients=nutrients,
        plant=row["plant"] or None,
        aisle=row["aisle"] or "pantry",
        tags=_words(row["tags"]),
        limit_kind=row["limit_kind"] or None,
        ndb=row["ndb"] or None,
        origin=SR28,
        group=row["group"] or None,
        live_cultures=row.get("live_cultures") or None,
        flags=_words(row.get("flags") or ""),
        species=row.get("species") or None,
    )
