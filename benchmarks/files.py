"""Figures for reading hostile and large files: what the hardening report measured on the
GUI thread (D8: a CSV header of 40,000 duplicate columns took 15 s; D9: a 45 MB plan file
of 3.5 million unknown keys took 8.9 s and 1 GB), and the largest plan a file may hold."""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from collections.abc import Callable
from datetime import date

from planner.core.foods import Catalog, Food
from planner.core.plan import DAYS_PER_WEEK, MAX_WEEKS, MEALS
from planner.errors import PlannerError
from planner.storage.csvio import import_csv_text
from planner.storage.planfile import MAX_PLAN_ENTRIES, loads

from .common import Row, median, time_ms

START = date(2026, 11, 30)


def _refused(action: Callable[[], object]) -> None:
    with contextlib.suppress(PlannerError):
        action()


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _named_once(catalog: Catalog) -> list[Food]:
    """Foods whose name no other food has, so that a line naming one imports."""
    names = Counter(" ".join(food.name.casefold().split()) for food in catalog)
    return [food for food in catalog if names[" ".join(food.name.casefold().split())] == 1]


def file_rows(catalog: Catalog, repeats: int) -> list[Row]:
    header = "day,meal,food,servings" + ",day" * 40_000 + "\n1,lunch,kefir,1\n"
    columns = median(
        time_ms(lambda: _refused(lambda: import_csv_text(header, catalog, start=START)), repeats)
    )
    named = "day,meal,food,servings\n" + "".join(
        f"{n % 364 + 1},{MEALS[n // 364 % 4]},{_quoted(food.name)},1\n"
        for n, food in zip(range(2000), _named_once(catalog), strict=False)
    )
    by_name = median(time_ms(lambda: import_csv_text(named, catalog, start=START), repeats))
    base = {"format": "gutskin-plan", "version": 1, "start": "2026-11-30", "weeks": 1}
    keys = {f"k{n}": 1 for n in range(3_500_000)}
    hostile = json.dumps({**base, "entries": [], "x": keys}, separators=(",", ":")).encode()
    del keys
    refused = median(time_ms(lambda: _refused(lambda: loads(hostile)), repeats))
    days = MAX_WEEKS * DAYS_PER_WEEK
    entries = [
        {"day": n % days, "meal": MEALS[n // days % 4], "food": f"sr:{n % 8000:05d}",
         "servings": 1.5}
        for n in range(MAX_PLAN_ENTRIES)
    ]  # fmt: skip
    largest = json.dumps({**base, "weeks": MAX_WEEKS, "entries": entries}, indent=1).encode()
    opened = median(time_ms(lambda: loads(largest), repeats))
    return [
        Row("CSV import refused: 40,000 duplicate columns", columns, "ms", 100.0,
            "issue (was 15 s)"),
        Row("Plan file refused: 44 MB, 3.5 million unknown keys", refused, "ms", 1000.0,
            "issue (was 8.9 s)"),
        Row("Plan file read: 20,000 foods (the most a plan holds)", opened, "ms"),
        Row("CSV import: 2,000 lines naming foods over the catalog", by_name, "ms", 500.0,
            "GUI thread (was 38 s)"),
    ]  # fmt: skip
