"""Costs of the file hardening: an own food added (the file re-read under its lock) with
few or many foods already kept, and the recovery folder listed with every field checked.

Part of the main table (``python -m benchmarks``). Targets: an add stays
under 100 ms at the 2,000-food limit, a blink for one click in My Foods; listing 20 copies
stays under 100 ms, since it runs once at start before the recovery dialog.
"""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Iterator
from pathlib import Path

from planner.core.plan import Plan
from planner.storage.recovery import Autosaver, RecoveryStore
from planner.storage.userfoods import MAX_FOODS, UserFoods, make_food

from .common import START, Row, full_plan, median, time_ms


def _filled_store(path: Path, kept: int) -> UserFoods:
    store = UserFoods(path)
    for n in range(kept):
        store._records[f"my:f{n}"] = make_food(
            f"Food {n}", grams=40, nutrients={"fiber_g": 3.1}, food_id=f"my:f{n}"
        )
    store.save()
    return store


def own_food_rows(repeats: int) -> list[Row]:
    """An add when this window wrote the file last (no re-read), and when another window
    saved since (the file is read again under the lock; the other's save is not timed)."""
    rows = []
    for kept in (10, 500, MAX_FOODS - 3 * repeats):  # each round adds three
        with tempfile.TemporaryDirectory(prefix="gutskin-bench-") as folder:
            store = _filled_store(Path(folder) / "my-foods.json", kept)
            other = UserFoods.load(store.path)
            names = itertools.count()
            alone, after_other = [], []

            def add_one(store: UserFoods = store, names: Iterator[int] = names) -> None:
                store.add(make_food(f"A {next(names)}"))

            for _ in range(repeats):
                alone += time_ms(add_one, 1)
                other.add(make_food(f"B {next(names)}"))
                after_other += time_ms(add_one, 1)
        rows.append(Row(f"Add an own food, {kept:,} kept, file unchanged since", median(alone),
                        "ms", 100.0, "one click in My Foods"))  # fmt: skip
        rows.append(Row(f"Add an own food, {kept:,} kept, another window saved since",
                        median(after_other), "ms", 100.0, "one click in My Foods"))  # fmt: skip
    return rows


def recovery_rows(repeats: int) -> list[Row]:
    from planner.core.foods import Catalog

    with tempfile.TemporaryDirectory(prefix="gutskin-bench-") as folder:
        store = RecoveryStore(Path(folder))
        plan = full_plan(Catalog.load())
        for n in range(20):
            saver = Autosaver(store)
            saver.save(plan if n else Plan(START), title=f"plan {n}", source=None)
            saver.abandon()
        listing = median(time_ms(store.orphans, repeats))
        assert len(store.orphans()) == 20 and not store.take_set_aside()
    return [Row("List 20 recovery copies (full weeks), every field checked", listing, "ms",
                100.0, "once at start")]  # fmt: skip
