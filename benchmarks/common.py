"""What the benchmarks share: rows of the result table, statistics, and the plans and
catalogs they measure."""

from __future__ import annotations

import gc
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from planner.core.edits import AddFood
from planner.core.foods import CURATED, SR28, Catalog, Food
from planner.core.plan import DAYS_PER_WEEK, MEALS, Plan

START = date(2026, 11, 30)  # a Monday: results do not depend on the day they are run
FOODS_PER_MEAL = 6  # a full week: 7 days x 4 meals x 6 foods = 168 entries


@dataclass
class Row:
    """One figure: what was measured, the target it must meet, and how the target came."""

    name: str
    value: float
    unit: str  # "ms" or "MB"
    target: float | None = None  # None: a baseline, shown for reference
    basis: str = ""  # how the target was found, e.g. "1.5 x bare window"

    @property
    def ratio(self) -> float | None:
        return None if not self.target else self.value / self.target


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (share 0.95 for the 95th)."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[rank]


def time_ms(action: Callable[[], object], repeats: int, *, collect: bool = False) -> list[float]:
    """Wall-clock times of ``repeats`` calls, in milliseconds. With ``collect``, garbage
    is collected before each call, so that each starts from the same state."""
    times = []
    for _ in range(repeats):
        if collect:
            gc.collect()
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return times


def full_plan(catalog: Catalog, weeks: int = 1, seed: int = 2026) -> Plan:
    """Every meal of every day holds 6 foods: 3 curated and 3 from SR28, at 1 to 2 servings."""
    rng = random.Random(seed)
    curated = [f.id for f in catalog if f.origin == CURATED]
    sr28 = [f.id for f in catalog if f.origin == SR28]
    plan = Plan(START, weeks)
    for day in range(weeks * DAYS_PER_WEEK):
        for meal in MEALS:
            foods = rng.sample(curated, FOODS_PER_MEAL // 2) + rng.sample(
                sr28, FOODS_PER_MEAL - FOODS_PER_MEAL // 2
            )
            for food_id in foods:
                AddFood(day, meal, food_id, rng.choice((1.0, 1.5, 2.0))).apply(plan)
    return plan


def synthetic_catalog(catalog: Catalog, size: int) -> Catalog:
    """``size`` foods made from the real ones (copies get new ids), curated foods first."""
    real: list[Food] = list(catalog)
    foods = real[:size]
    copy = 1
    while len(foods) < size:
        foods += [
            replace(f, id=f"{f.id}~{copy}", name=f"{f.name} ({copy})")
            for f in real[: size - len(foods)]
        ]
        copy += 1
    return Catalog(foods)


def format_table(rows: list[Row], title: str) -> str:
    """The rows as a fixed-width table: figure, measured, target, ratio."""
    lines = [title, ""]
    head = f"{'figure':<58} {'measured':>10} {'target':>10} {'ratio':>6}  target from"
    lines += [head, "-" * len(head)]

    def number(value: float, unit: str) -> str:
        return f"{value:,.2f} {unit}" if value < 10 else f"{value:,.1f} {unit}"

    for row in rows:
        value = number(row.value, row.unit)
        target = "—" if row.target is None else number(row.target, row.unit)
        ratio = "" if row.ratio is None else f"{row.ratio:.2f}"
        flag = "" if row.ratio is None or row.ratio <= 1 else "  MISSES"
        line = f"{row.name:<58} {value:>10} {target:>10} {ratio:>6}  {row.basis}{flag}"
        lines.append(line.rstrip())
    lines.append("")
    lines.append("ratio = measured / target; at most 1.00 meets the target.")
    return "\n".join(lines)
