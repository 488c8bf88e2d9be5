"""The catalog as tables: the numpy table the evaluator joins a plan's entries to, and the
same columns as a pandas DataFrame for analysis.

The evaluator works on ``CatalogTable``, a set of numpy arrays with one row per food,
built once per catalog revision. Joining a plan's entries to it is an index lookup (food
id -> row) and grouping by day is ``np.add.at``: the join and group-by a DataFrame would
do, without pandas' fixed cost of about a millisecond per operation, which dominated the
cost of scoring a day of two dozen entries, and without its import (a quarter of a second
at start-up). docs/performance.md has the measurements.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from planner.core.foods import CURATED, NUTRIENTS, SR28, TAGS, USER, Food

if TYPE_CHECKING:
    import pandas as pd

    from planner.core.foods import Catalog

ORIGIN_RANK = {CURATED: 0, USER: 1, SR28: 2}
TAG_BITS = {tag: 1 << bit for bit, tag in enumerate(TAGS)}
FLAG_COLUMNS = ("is_pro", "is_pre", "is_fiber", "is_anti", "is_hyd", "is_limit")
FLAG_CATEGORIES = ("probiotic", "prebiotic", "fiber", "anti_inflammatory", "hydrating", "limit")
# The columns a day's totals sum (servings times the value per serving).
SUM_COLUMNS = (*FLAG_COLUMNS, "limit_load", "limit_dairy", "fiber_count", *NUTRIENTS)
COLUMN = {name: index for index, name in enumerate(SUM_COLUMNS)}
# The columns the score's formula reads, in the order of Evaluator.part_points.
SCORE_COLUMNS = ("is_pro", "is_pre", "fiber_count", "limit_load", "limit_dairy")


def tag_mask(tags: frozenset[str] | set[str]) -> int:
    mask = 0
    for tag in tags:
        mask |= TAG_BITS.get(tag, 0)
    return mask


class CatalogTable:
    """One row per food, in catalog order. Nutrients are per serving.

    - ``sums``: the SUM_COLUMNS as one float matrix, unknown nutrient values as 0 (they
      are reported apart, from ``unknown``);
    - ``limit_load``: 1 for a food to limit that always counts (all kinds but dairy);
      ``limit_dairy``: 1 for high-fat dairy, which counts only for acne-prone users;
      ``fiber_count``: fiber that counts toward the target (0 for foods to limit);
    - ``unknown``: True where a nutrient's value is unknown, one column per NUTRIENTS key;
    - ``score``: the SCORE_COLUMNS as contiguous rows, for suggestions over every food.
    """

    def __init__(self, foods: Sequence[Food], revision: int = 0) -> None:
        self.revision = revision
        self.ids = [food.id for food in foods]
        self.row_of = {food_id: row for row, food_id in enumerate(self.ids)}
        self.names = [food.name for food in foods]
        self.serving_labels = [food.serving_label for food in foods]
        self.plants = [food.plant for food in foods]
        self.limit_kinds = [food.limit_kind for food in foods]
        self.origin_rank = np.array([ORIGIN_RANK[food.origin] for food in foods], dtype=np.int64)
        self.tag_mask = np.array([tag_mask(food.tags) for food in foods], dtype=np.int64)
        # A stable sort: foods whose names differ only in case keep catalog order.
        casefolded = np.array([name.casefold() for name in self.names], dtype=object)
        self.name_order = np.empty(len(foods), dtype=np.int64)
        self.name_order[np.argsort(casefolded, kind="stable")] = np.arange(len(foods))

        # None becomes NaN in a float array.
        nutrients = np.array(
            [[food.nutrients.get(key) for key in NUTRIENTS] for food in foods], dtype=float
        ).reshape(len(foods), len(NUTRIENTS))
        self.unknown = np.isnan(nutrients)
        flags = np.array(
            [[category in food.categories for category in FLAG_CATEGORIES] for food in foods],
            dtype=float,
        ).reshape(len(foods), len(FLAG_CATEGORIES))
        is_limit = flags[:, FLAG_CATEGORIES.index("limit")] > 0
        is_dairy = np.array([kind == "dairy" for kind in self.limit_kinds], dtype=bool)
        known = np.where(self.unknown, 0.0, nutrients)
        fiber = known[:, list(NUTRIENTS).index("fiber_g")]
        derived = np.column_stack(
            [
                (is_limit & ~is_dairy).astype(float),
                (is_limit & is_dairy).astype(float),
                np.where(is_limit, 0.0, fiber),
            ]
        )
        self.sums = np.ascontiguousarray(np.hstack([flags, derived, known]))
        self.score = np.ascontiguousarray(self.sums[:, [COLUMN[c] for c in SCORE_COLUMNS]].T)

    def __len__(self) -> int:
        return len(self.ids)

    def rows(self, food_ids: Sequence[str]) -> np.ndarray:
        """The join: each food's row, or -1 for a food not in the catalog."""
        row_of = self.row_of
        return np.fromiter((row_of.get(fid, -1) for fid in food_ids), np.int64, len(food_ids))

    def column(self, name: str) -> np.ndarray:
        return self.sums[:, COLUMN[name]]


def catalog_table(catalog: Catalog) -> CatalogTable:
    """The catalog as arrays for the evaluator, cached in the catalog per revision."""
    table = catalog.derived("scoring.table", lambda revision, foods: CatalogTable(foods, revision))
    assert isinstance(table, CatalogTable)
    return table


def catalog_frame(catalog: Catalog) -> pd.DataFrame:
    """One row per food, indexed by id: the table's columns with NaN for unknown values,
    plus name, serving label, plant, limit kind, origin rank, tag mask and name order."""
    import pandas as pd

    table = catalog_table(catalog)
    data: dict[str, object] = {
        "name": table.names,
        "serving_label": table.serving_labels,
        "origin_rank": table.origin_rank.astype(np.int8),
        "plant": pd.array(table.plants, dtype=object),
        "limit_kind": pd.array(table.limit_kinds, dtype=object),
        "tag_mask": table.tag_mask,
    }
    for name in SUM_COLUMNS:
        values = table.column(name)
        if name in NUTRIENTS:
            values = np.where(table.unknown[:, list(NUTRIENTS).index(name)], np.nan, values)
        data[name] = values
    data["name_order"] = table.name_order
    return pd.DataFrame(data, index=pd.Index(table.ids, name="food"))
