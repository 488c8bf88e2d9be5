"""The catalog as a pandas DataFrame, the table the evaluator joins a plan's entries to."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .foods import CURATED, NUTRIENTS, SR28, TAGS, USER

if TYPE_CHECKING:
    from .foods import Catalog

ORIGIN_RANK = {CURATED: 0, USER: 1, SR28: 2}
TAG_BITS = {tag: 1 << bit for bit, tag in enumerate(TAGS)}
FLAG_COLUMNS = ("is_pro", "is_pre", "is_fiber", "is_anti", "is_hyd", "is_limit")
FLAG_CATEGORIES = ("probiotic", "prebiotic", "fiber", "anti_inflammatory", "hydrating", "limit")


def tag_mask(tags: frozenset[str] | set[str]) -> int:
    mask = 0
    for tag in tags:
        mask |= TAG_BITS.get(tag, 0)
    return mask


def catalog_frame(catalog: Catalog) -> pd.DataFrame:
    """One row per food, indexed by id. Nutrients per serving, NaN where unknown.

    Derived columns used by the scores:
    - ``limit_load``: 1 for a food to limit that always counts (all kinds but dairy);
    - ``limit_dairy``: 1 for high-fat dairy, which counts only for acne-prone users;
    - ``fiber_count``: fiber that counts toward the target (0 for foods to limit and for
      unknown values, which are reported apart).
    """
    foods = list(catalog)
    ids = [food.id for food in foods]
    data: dict[str, object] = {
        "name": [food.name for food in foods],
        "serving_label": [food.serving_label for food in foods],
        "origin_rank": np.array([ORIGIN_RANK[food.origin] for food in foods], dtype=np.int8),
        "plant": pd.array([food.plant for food in foods], dtype=object),
        "limit_kind": pd.array([food.limit_kind for food in foods], dtype=object),
        "tag_mask": np.array([tag_mask(food.tags) for food in foods], dtype=np.int64),
    }
    for column, category in zip(FLAG_COLUMNS, FLAG_CATEGORIES, strict=True):
        data[column] = np.array([category in food.categories for food in foods], dtype=float)
    for key in NUTRIENTS:
        data[key] = np.array(
            [np.nan if (v := food.nutrients.get(key)) is None else v for food in foods],
            dtype=float,
        )
    frame = pd.DataFrame(data, index=pd.Index(ids, name="food"))
    is_limit = frame["is_limit"].to_numpy() > 0
    is_dairy = (frame["limit_kind"] == "dairy").to_numpy()
    frame["limit_load"] = (is_limit & ~is_dairy).astype(float)
    frame["limit_dairy"] = (is_limit & is_dairy).astype(float)
    frame["fiber_count"] = np.where(is_limit, 0.0, frame["fiber_g"].fillna(0.0).to_numpy())
    frame["name_order"] = np.argsort(np.argsort(frame["name"].str.casefold().to_numpy()))
    return frame
