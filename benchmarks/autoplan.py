"""The auto-planner's figures (issue 15's targets): a full week filled, the empty meals
of a week filled, the hard time limit on settings that cannot all hold, and the peak
memory of a process that fills a week."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from planner.autoplan.candidates import build_candidates
from planner.autoplan.model import Settings
from planner.autoplan.recipes import recipe_candidates
from planner.autoplan.solve import autoplan
from planner.core.edits import AddFood, RemoveEntry
from planner.core.foods import Catalog
from planner.core.plan import MEALS, Plan
from planner.recipes.book import RecipeBook
from planner.recipes.resolve import PlanResolver
from planner.scoring.evaluator import Evaluator

from .common import START, Row, median, time_ms

ROW_NAMES = (
    "Autoplan: candidate list built (curated + own + SR28)",
    "Autoplan: full week filled (list built), median",
    "Autoplan: full week filled, the starter recipes among the candidates, median",
    "Autoplan: Fill Empty Meals (6 of 28 meals), median",
    "Autoplan: settings that cannot all hold, slowest run",
    "Autoplan: peak memory of a process filling a week",
)

# The child's own peak: VmHWM belongs to its address space, made new by exec; ru_maxrss
# on Linux keeps the peak of the parent it was forked from.
_MEMORY = """
import resource
from planner.core.foods import Catalog
from planner.core.plan import Plan
from planner.scoring.evaluator import Evaluator
from planner.autoplan.solve import autoplan
from planner.recipes.book import RecipeBook
from planner.recipes.resolve import PlanResolver
catalog = Catalog.load()
book = RecipeBook.load(catalog)
evaluator = Evaluator(catalog, resolver=PlanResolver(catalog, book))
autoplan(Plan(), evaluator, seed=1, book=book)
try:
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    print(int(line.split()[1]) / 1024)
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def autoplan_rows(catalog: Catalog, quick: bool) -> list[Row]:
    repeats = 1 if quick else 7
    evaluator = Evaluator(catalog)
    evaluator.table()
    built: list = []
    build = time_ms(lambda: built.append(build_candidates(catalog, evaluator)), repeats)
    candidates = built[-1]
    seeds = iter(range(1000))
    week = time_ms(
        lambda: autoplan(Plan(START), evaluator, seed=next(seeds), candidates=candidates),
        repeats,
    )
    # Recipes placed as dishes, scored through the book as the command and the window do.
    book = RecipeBook.load(catalog)
    dishes = Evaluator(catalog, resolver=PlanResolver(catalog, book))
    with_recipes = build_candidates(catalog, dishes, extra=recipe_candidates(dishes, book))
    recipe_week = time_ms(
        lambda: autoplan(Plan(START), dishes, seed=next(seeds), candidates=with_recipes),
        repeats,
    )
    # A week planned but for six meals: the two snacks, a lunch, a dinner...
    partial = Plan(START)
    full = autoplan(partial, evaluator, seed=500, candidates=candidates)
    full.edit.apply(partial)
    emptied = [(1, "snacks"), (2, "lunch"), (4, "dinner"), (5, "breakfast"), (6, "snacks"),
               (3, "snacks")]  # fmt: skip
    for day, meal in emptied:
        for _ in partial.cell(day, meal):
            RemoveEntry(day, meal, 0).apply(partial)
    empty = time_ms(
        lambda: autoplan(partial, evaluator, seed=next(seeds), candidates=candidates), repeats
    )
    # Settings that cannot all hold: every run gives way somewhere, in at most 10 s.
    hard = Settings(
        avoid_tags=frozenset({"dairy", "nuts", "soy", "gluten"}),
        plants_per_week=80,
        live_culture_days=7,
        max_same_per_week=1,
        energy_min=2600,
        energy_max=2700,
    )
    locked = Plan(START)
    for meal in MEALS:
        AddFood(0, meal, "water").apply(locked)
    slow = time_ms(lambda: autoplan(locked, evaluator, hard, seed=next(seeds)), 1 if quick else 3)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    peaks = [
        float(
            subprocess.run(
                [sys.executable, "-c", _MEMORY],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            ).stdout.split()[-1]
        )
        for _ in range(1 if quick else 3)
    ]
    n = len(candidates)
    return [
        Row(ROW_NAMES[0], median(build), "ms", None, f"baseline ({n:,} candidates)"),
        Row(ROW_NAMES[1], median(week), "ms", 2000.0, "issue 15: median <= 2 s"),
        Row(ROW_NAMES[2], median(recipe_week), "ms", 2000.0, "issue 15: median <= 2 s"),
        Row(ROW_NAMES[3], median(empty), "ms", 1000.0, "issue 15: <= 1 s"),
        Row(ROW_NAMES[4], max(slow), "ms", 10000.0, "issue 15: hard limit 10 s"),
        Row(ROW_NAMES[5], max(peaks), "MB", 200.0, "issue 15: the app's 200 MB peak"),
    ]


if __name__ == "__main__":
    for row in autoplan_rows(Catalog.load(), quick="--quick" in sys.argv):
        print(f"{row.name:<58} {row.value:>10.0f} {row.unit}  target {row.target}")
