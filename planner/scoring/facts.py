"""The raw facts of every food the scoring table is built from, column by column: from
Food objects, or straight from a deferred SR28 table's text (planner.scoring.frames builds
the scoring columns on them)."""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from planner.core.catalogfiles import Sr28Table, sr28_damaged
from planner.core.foods import CURATED, FLAGS, NUTRIENTS, SR28, SR28_PREFIX, TAGS, USER, Food
from planner.scoring.namerules import name_rule_mask, name_rules_of

ORIGIN_RANK = {CURATED: 0, USER: 1, SR28: 2}
TAG_BITS = {tag: 1 << bit for bit, tag in enumerate(TAGS)}
FLAG_BITS = {flag: 1 << bit for bit, flag in enumerate(FLAGS)}


def tag_mask(tags: frozenset[str] | set[str]) -> int:
    mask = 0
    for tag in tags:
        mask |= TAG_BITS.get(tag, 0)
    return mask


def mask_of_flags(flags: frozenset[str]) -> int:
    mask = 0
    for flag in flags:
        mask |= FLAG_BITS.get(flag, 0)  # a flag the scoring does not read counts for nothing
    return mask


def _masks(sets: Sequence[frozenset[str]], mask_of: Callable[[frozenset[str]], int]) -> np.ndarray:
    """``mask_of`` each set as one int64 array, worked out once per distinct set: the
    catalog shares one frozenset per distinct list of flags (a few dozen for 8,789 foods)."""
    known: dict[frozenset[str], int] = {}
    out = []
    for words in sets:
        mask = known.get(words)
        if mask is None:
            mask = known[words] = mask_of(words)
        out.append(mask)
    return np.array(out, dtype=np.int64)


def _name_rules(food: Food) -> frozenset[str]:
    """The name rules of a food: shipped with the catalog's own foods, worked out here for
    the user's (whose names change) and for a catalog that does not carry them."""
    if food.name_rules is not None and food.origin != USER:
        return food.name_rules
    return frozenset(name_rules_of(food.name))


# A table by column: numbers as arrays, text and sets of words as lists, by name.
Columns = dict[str, Any]


def catalog_facts(foods: Sequence[Food], sr28: Sr28Table | None) -> Columns:
    """The raw per-serving facts of every food, column by column, one row per food in the
    catalog's order, NaN for unknown ("id" is the food ids): ``foods``, or, with a deferred
    SR28 table (Catalog.derived), the curated foods, that table's and the user's own. The
    parts are joined column by column, so the columns are typed alike either way."""
    if sr28 is None:
        parts = [_foods_columns(foods)]
    else:
        own = [food for food in foods if food.origin == USER]
        others = [food for food in foods if food.origin != USER]
        parts = [_foods_columns(others), _sr28_columns(sr28), _foods_columns(own)]
    return {name: _joined([part[name] for part in parts]) for name in parts[0]}


def _joined(values: list[Sequence[object] | np.ndarray]) -> Sequence[object] | np.ndarray:
    arrays = [value for value in values if isinstance(value, np.ndarray)]
    if len(arrays) == len(values):
        return np.concatenate(arrays)
    return [item for value in values for item in value]


# The SR28 table's text columns the scoring reads (a table may lack the newer ones).
_SR28_TEXT = (
    "id",
    "name",
    "group",
    "plant",
    "aisle",
    "categories",
    "tags",
    "flags",
    "live_cultures",
    "species",
    "name_rules",
    "serving_label",
)


def _sr28_columns(table: Sr28Table) -> Columns:
    """The facts ``_foods_columns`` gives for the table's foods (Sr28Table.foods), read
    column by column from its text without making a Food each (several times faster),
    with Python's csv reader and float() as the foods are read, so both agree to the bit
    (tests/test_catalog_loading.py); nutrients per serving. Numpy only: the first scores
    do not wait for pandas."""
    import csv

    try:
        reader = csv.reader(io.StringIO(table.text))
        header = next(reader)
        rows = list(reader)
        width = len(header)
        for number, row in enumerate(rows, start=2):
            if len(row) != width:
                raise ValueError(f"line {number} has {len(row)} cells, not {width}")
        cells = dict(zip(header, zip(*rows, strict=True) if rows else [()] * width, strict=True))
        columns = {name: list(cells[name]) for name in _SR28_TEXT if name in cells}
        ids: list[str] = columns["id"]
        names, labels = columns["name"], columns["serving_label"]
        wrong = [food_id for food_id in ids if not food_id.startswith(SR28_PREFIX)]
        if wrong:  # lookups rely on the prefix
            raise ValueError(f"food id {wrong[0]!r} does not start with {SR28_PREFIX!r}")
        grams = _numbers(cells["serving_grams"])
        if np.isnan(grams).any():
            raise ValueError("a food without its serving's weight")
        nutrients = {
            key: _per_serving(_numbers(cells[key]) if key in cells else None, grams)
            for key in NUTRIENTS
        }
    except (ValueError, KeyError, TypeError, StopIteration) as exc:
        raise sr28_damaged(exc) from exc
    empty = [""] * len(ids)

    def text(name: str) -> list[str]:
        return columns.get(name, empty)  # a column the table lacks (it predates it): empty

    def sets(name: str) -> list[frozenset[str]]:
        found: dict[str, frozenset[str]] = {}
        for value in set(text(name)):
            found[value] = frozenset(part for part in value.split(";") if part)
        return [found[value] for value in text(name)]

    flags = sets("flags")
    if "name_rules" in columns:
        rules = sets("name_rules")
    else:  # an older table: the scoring runs the rules
        rules = [frozenset(name_rules_of(name)) for name in names]
    return {
        "id": ids,
        "name": names,
        "serving_label": labels,
        "grams": grams,
        "origin_rank": np.full(len(ids), ORIGIN_RANK[SR28], dtype=np.int64),
        "tag_mask": _masks(sets("tags"), tag_mask),
        "group": text("group"),
        "plant": [value or None for value in text("plant")],
        "species": [value or None for value in text("species")],
        "live_cultures": [value or None for value in text("live_cultures")],
        "flags": flags,
        "flag_mask": _masks(flags, mask_of_flags),
        "name_rules": _masks(rules, name_rule_mask),
        "categories": sets("categories"),
        "aisle": [value or "pantry" for value in text("aisle")],
        **nutrients,
    }


def _numbers(cells: Sequence[str]) -> np.ndarray:
    """A column's numbers as Python's float() reads them, NaN for an empty cell."""
    nan = math.nan
    return np.array([float(cell) if cell else nan for cell in cells], dtype=float)


def _per_serving(per_100g: np.ndarray | None, grams: np.ndarray) -> np.ndarray:
    """A nutrient per 100 g, per serving: NaN where unknown or not finite (as
    catalogfiles._sr28_foods reads it)."""
    if per_100g is None:
        return np.full(len(grams), np.nan)
    value = per_100g * (grams / 100.0)
    return np.where(np.isfinite(value), value, np.nan)


def _foods_columns(foods: Sequence[Food]) -> Columns:
    """The raw per-serving facts of each food, by column, NaN for unknown."""
    flags = [food.flags for food in foods]
    return {
        "id": [food.id for food in foods],
        "name": [food.name for food in foods],
        "serving_label": [food.serving_label for food in foods],
        "grams": np.array([food.grams for food in foods], dtype=float),
        "origin_rank": np.array([ORIGIN_RANK[f.origin] for f in foods], dtype=np.int64),
        "tag_mask": _masks([food.tags for food in foods], tag_mask),
        "group": [food.group or "" for food in foods],
        "plant": [food.plant for food in foods],
        "species": [food.species for food in foods],
        "live_cultures": [food.live_cultures for food in foods],
        "flags": flags,
        "flag_mask": _masks(flags, mask_of_flags),
        "name_rules": _masks([_name_rules(food) for food in foods], name_rule_mask),
        "categories": [food.categories for food in foods],
        "aisle": [food.aisle for food in foods],
        # None (unknown) becomes NaN
        **{key: np.array([f.nutrients.get(key) for f in foods], dtype=float) for key in NUTRIENTS},
    }
