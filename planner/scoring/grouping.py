"""Entries grouped by (day, food) and joined to the catalog frame: the two group-by paths.

A whole plan is grouped and joined with pandas (``groupby`` and ``merge``); a re-score of
the few days an edit changed uses the frame's row index for the join and a dict for the
group sums, which is the same arithmetic without pandas' fixed cost of about a millisecond
per operation (tests check that both give the same scores). Also each day's plant species
with their grams, and each week's different plants.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from planner.core.amounts import Resolver
from planner.core.plan import DAYS_PER_WEEK, UNIT_SERVING, Entry, Plan
from planner.scoring.frames import CatalogFrame


@dataclass
class Grouped:
    """Entries of some days grouped by (day, food) and joined to the catalog frame."""

    days: list[int]  # the days asked for, ascending
    day_pos: np.ndarray  # per (day, food) pair: index into ``days``
    rows: np.ndarray  # per pair: row in the catalog frame (known foods only)
    servings: np.ndarray  # per pair: servings summed
    unknown: list[tuple[str, ...]]  # per day: entries the resolver does not know, in order
    entry_count: np.ndarray  # per day: entries of known foods and recipes
    species: tuple[np.ndarray, ...] | None = None  # see species_grams
    # Per pair: the servings whose live cultures count, when some were heated with a dish
    # (planner.core.amounts.Part); None when every serving's cultures count.
    live: np.ndarray | None = None


def _rows_of(
    table: CatalogFrame, resolver: Resolver, entry: Entry
) -> list[tuple[int, float, bool]] | None:
    """The entry's parts as (frame row, servings, heated), or None when any part is
    unknown (an entry is counted whole or not at all)."""
    row_of = table.row_of
    found = []
    for food_id, servings, heated in resolver.parts(entry):
        row = row_of.get(food_id, -1)
        if row < 0:
            return None
        found.append((row, servings, heated))
    return found or None


def group_numpy(table: CatalogFrame, plan: Plan, days: list[int], resolver: Resolver) -> Grouped:
    """Group by (day, food) for a re-score of a few days: each entry's parts (from the
    resolver) are looked up in the frame's row index, the group-by a sum per (day, row).
    A food in servings is its own part for every resolver (planner.core.amounts), so it
    is looked up directly: the common entry costs what it did before amounts had units."""
    row_of = table.row_of
    summed: dict[tuple[int, int], float] = {}
    heated: dict[tuple[int, int], float] = {}  # servings cooked with a dish, per pair
    unknown: list[tuple[str, ...]] = []
    count = np.zeros(len(days), dtype=np.int64)
    for position, day in enumerate(days):
        missing = []
        for _meal, _index, entry in plan.day_entries(day):
            if entry.unit == UNIT_SERVING:
                row = row_of.get(entry.food_id, -1)
                if row < 0:
                    missing.append(entry.food_id)
                    continue
                count[position] += 1
                key = (position, row)
                summed[key] = summed.get(key, 0.0) + entry.amount
                continue
            rows = _rows_of(table, resolver, entry)
            if rows is None:
                missing.append(entry.food_id)
                continue
            count[position] += 1
            for row, amount, hot in rows:
                key = (position, row)
                summed[key] = summed.get(key, 0.0) + amount
                if hot:
                    heated[key] = heated.get(key, 0.0) + amount
        unknown.append(_unique(missing))
    keys = sorted(summed)
    servings = np.array([summed[k] for k in keys], dtype=float)
    live = None
    if heated:  # as the pandas path works it out, so that both agree to the bit
        live = servings - np.array([heated.get(k, 0.0) for k in keys], dtype=float)
    return Grouped(
        days,
        np.array([k[0] for k in keys], dtype=np.int64),
        np.array([k[1] for k in keys], dtype=np.int64),
        servings,
        unknown,
        count,
        live=live,
    )


def group_pandas(table: CatalogFrame, plan: Plan, days: list[int], resolver: Resolver) -> Grouped:
    """Group by (day, food) and join with pandas: for a whole plan. Each entry becomes
    its parts (from the resolver); an entry with no parts stays one row of no food."""
    import pandas as pd  # the first scores (a few days each) do not wait for it

    rows: list[tuple[int, str, float, float, int, str]] = []
    number = 0
    any_heated = False
    for day in days:
        for _meal, _index, entry in plan.day_entries(day):
            parts = resolver.parts(entry)
            for food, servings, hot in parts:
                rows.append((day, food, servings, servings if hot else 0.0, number, entry.food_id))
                any_heated = any_heated or hot
            if not parts:  # no food of that id: the join leaves it without a row
                rows.append((day, "", 0.0, 0.0, number, entry.food_id))
            number += 1
    columns = ["day", "food", "servings", "heated", "entry", "id"]
    entries = pd.DataFrame(rows, columns=columns).astype(
        {"day": np.int64, "food": object, "servings": float, "heated": float, "entry": np.int64}
    )
    catalog_rows = pd.DataFrame({"row": np.arange(len(table))}, index=table.index)
    joined = entries.merge(catalog_rows, left_on="food", right_index=True, how="left")
    # An entry counts whole or not at all: one unknown part makes the entry unknown.
    bad = joined["entry"].isin(joined.loc[joined["row"].isna(), "entry"])
    missing = joined[bad].drop_duplicates("entry")
    unknown_by_day = missing.groupby("day", sort=False)["id"].agg(lambda ids: _unique(ids))
    known = joined[~bad].astype({"row": np.int64})
    pairs = known.groupby(["day", "row"], sort=True)[["servings", "heated"]].sum().reset_index()
    servings = pairs["servings"].to_numpy(dtype=float)
    position = {day: i for i, day in enumerate(days)}
    count = known.drop_duplicates("entry").groupby("day").size().reindex(days, fill_value=0)
    return Grouped(
        days,
        pairs["day"].map(position).to_numpy(dtype=np.int64),
        pairs["row"].to_numpy(dtype=np.int64),
        servings,
        [unknown_by_day.get(day, ()) for day in days],
        count.to_numpy(dtype=np.int64),
        live=servings - pairs["heated"].to_numpy(dtype=float) if any_heated else None,
    )


def species_grams(table: CatalogFrame, grouped: Grouped) -> tuple[np.ndarray, ...]:
    """(day position, species code, grams) of each plant species eaten per day, in
    (day, species) order; worked out once per grouping."""
    if grouped.species is None:
        codes, plant_g = table.species_list, table.plant_g_list
        totals: dict[tuple[int, int], float] = {}
        for position, row, servings in zip(
            grouped.day_pos.tolist(),
            grouped.rows.tolist(),
            grouped.servings.tolist(),
            strict=True,
        ):
            code, grams = codes[row], plant_g[row] * servings
            if code >= 0 and grams > 0:
                totals[position, code] = totals.get((position, code), 0.0) + grams
        keys = sorted(totals)
        grouped.species = (
            np.array([k[0] for k in keys], dtype=np.int64),
            np.array([k[1] for k in keys], dtype=np.int64),
            np.array([totals[k] for k in keys], dtype=float),
        )
    return grouped.species


def plants_by_week(
    table: CatalogFrame, grouped: Grouped, min_g: float
) -> dict[int, tuple[str, ...]]:
    """Each week's different plants, with pandas: the species eaten per day (at least
    the minimum amount that day) grouped by week."""
    import pandas as pd

    day_pos, codes, grams = species_grams(table, grouped)
    frame = pd.DataFrame(
        {"day": np.asarray(grouped.days, dtype=np.int64)[day_pos], "code": codes, "g": grams}
    )
    counted = frame[frame["g"] >= min_g]
    labels = pd.Series(table.species_labels, dtype=object)
    counted = counted.assign(
        week=counted["day"] // DAYS_PER_WEEK,
        plant=labels.iloc[counted["code"].to_numpy()].to_numpy(),
    )
    return {
        int(week): tuple(sorted(set(plants))) for week, plants in counted.groupby("week")["plant"]
    }


def _unique(values: Iterable[str] | Sequence[str]) -> tuple[str, ...]:
    """The distinct values, in the order they first appear."""
    return tuple(dict.fromkeys(values))
