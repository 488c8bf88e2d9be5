"""Run every benchmark and print the table: ``python -m benchmarks [--quick]``."""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from .autoplan import ROW_NAMES as AUTOPLAN_ROWS
from .common import Row, format_table, full_plan
from .journal import ROW_NAMES as JOURNAL_ROWS
from .recipes import ROW_NAMES as RECIPE_ROWS

# Every row the table prints, in order (tests check that a quick run prints them all).
ROW_NAMES = (
    "Bare PySide6 window, start to painted (baseline)",
    "Bare window + import pandas (baseline)",
    "The app's widgets with Qt's own models, no app code",
    "Start to a visible main window",
    "Start to the sample week scored on screen",
    "Start to a visible main window, in German",
    "Peak memory: full catalog, full week open, scored",
    "Loading the full catalog (curated + SR28)",
    "Re-score after one edit, full week (168 entries), median",
    "Re-score after one edit, full week of recipes (84 dishes), median",
    "Re-score after one edit, full week, 95th percentile",
    "Re-score after one edit, 4 weeks (672 entries), median",
    "Re-score after one edit, 12 weeks (2,016 entries), median",
    "Evaluator alone: one day of a full week scored",
    "Suggestions for one day over the full catalog",
    "Suggestions, synthetic catalog of 1,000 foods",
    "Suggestions, synthetic catalog of 8,789 foods",
    "Suggestions, synthetic catalog of 50,000 foods",
    "Palette search over the full catalog, slowest keystroke",
    "Palette search, the same with every row laid out at once",
    "PDF export, full week with shopping list and notes",
    "PDF export, 4 weeks",
    "PDF export, 12 weeks",
    "CSV import refused: 40,000 duplicate columns",
    "Plan file refused: 44 MB, 3.5 million unknown keys",
    "Plan file read: 20,000 foods (the most a plan holds)",
    "CSV import: 2,000 lines naming foods over the catalog",
    *JOURNAL_ROWS,
    *RECIPE_ROWS,
    "PDF export, a week of N foods with 200-character unknown ids",
    "PDF export, the same with 4 N foods",
    *AUTOPLAN_ROWS,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="run each figure once (checks they work; CI)"
    )
    args = parser.parse_args(argv)
    quick = args.quick
    began = time.monotonic()

    from planner.core.foods import Catalog
    from planner.storage.planfile import save_plan

    from . import autoplan, files, inprocess, journal, recipes, savefiles, startup

    rows: list[Row] = []
    rows += startup.startup_rows(runs=1 if quick else 7)
    catalog = Catalog.load()
    with tempfile.TemporaryDirectory(prefix="gutskin-bench-") as folder:
        week_file = Path(folder) / "full-week.gutplan"
        save_plan(full_plan(catalog), week_file)
        rows.append(startup.memory_row(week_file, runs=1 if quick else 3))
    rows += inprocess.catalog_rows(repeats=3 if quick else 15)
    # PDF export first, while this process holds little besides the catalog, as the app
    # does: its cost depends on the live objects Python's garbage collector walks.
    pdf = inprocess.pdf_rows(catalog, repeats=1 if quick else 5)
    rows += inprocess.rescore_rows(catalog, edits=15 if quick else 300)
    rows += inprocess.evaluator_rows(catalog, repeats=3 if quick else 100)
    rows += inprocess.suggestion_scaling_rows(catalog, repeats=3 if quick else 20)
    rows += inprocess.palette_rows(catalog, repeats=1 if quick else 5)
    rows += pdf
    rows += files.file_rows(catalog, repeats=1 if quick else 5)
    rows += savefiles.own_food_rows(repeats=3 if quick else 21)
    rows += savefiles.recovery_rows(repeats=1 if quick else 11)
    rows += journal.journal_rows(quick)
    rows += recipes.recipe_rows(catalog, quick)
    rows += autoplan.autoplan_rows(catalog, quick)

    when = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    title = (
        f"Gut–Skin Planner benchmarks, {when}: Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs"
        f"{', quick mode (one run each: figures are rough)' if quick else ''}"
    )
    print(format_table(rows, title))
    print(f"({time.monotonic() - began:.0f} s)")
    missing = [name for name in ROW_NAMES if name not in {row.name for row in rows}]
    if missing:
        print(f"missing rows: {missing}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
