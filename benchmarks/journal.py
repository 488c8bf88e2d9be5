"""The journal's figures: five years of daily check-ins opened and plotted, one check-in
saved, and the report for a year (issue 16's targets)."""

from __future__ import annotations

import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from planner.journal.fields import CheckIn
from planner.journal.store import JournalStore

from .common import Row, median, time_ms

LAST_DAY = date(2026, 11, 29)
FIVE_YEARS = 5 * 365 + 1

ROW_NAMES = (
    "Journal: 5 years of check-ins opened and plotted",
    "Journal: first trends view, importing pandas (baseline)",
    "Journal: one check-in saved (fsync), median",
    "Journal report PDF, one year of check-ins",
)


def synthetic_journal(days: int, seed: int = 16) -> list[CheckIn]:
    """Daily check-ins with every numeric field filled, as a diligent user's would be."""
    rng = random.Random(seed)
    first = LAST_DAY - timedelta(days - 1)
    return [
        CheckIn(
            first + timedelta(n),
            {
                "skin_breakouts": rng.randint(0, 6),
                "skin_redness": rng.randint(0, 4),
                "skin_dryness": rng.randint(0, 4),
                "skin_itch": rng.randint(0, 4),
                "skin_oiliness": rng.randint(0, 4),
                "gut_bloating": rng.randint(0, 4),
                "gut_discomfort": rng.randint(0, 4),
                "gut_reflux": rng.randint(0, 4),
                "gut_stool": rng.randint(1, 7),
                "mood": rng.randint(1, 5),
                "energy": rng.randint(1, 5),
                "sleep_hours": rng.choice((5.5, 6.0, 7.0, 7.5, 8.0, 9.0)),
                "stress": rng.randint(1, 5),
                "water_glasses": rng.randint(2, 10),
                "movement_minutes": rng.choice((0, 20, 30, 45, 60)),
                "movement_kind": rng.choice(("walking", "running", "yoga")),
                "practices": rng.choice(("none", "yoga", "meditation, breathing")),
                "alcohol_drinks": rng.choice((0, 0, 0, 1, 2)),
                "antibiotics": False,
                "supplements": "Saccharomyces boulardii",
                "ate_as_planned": rng.choice(("yes", "mostly", "no")),
                "plan_note": "as planned" if n % 5 else "swapped lunch for leftovers",
            },
        )
        for n in range(days)
    ]


def synthetic_scores(days: int, seed: int = 16) -> dict[date, dict[str, float]]:
    rng = random.Random(seed)
    first = LAST_DAY - timedelta(days - 1)
    return {
        first + timedelta(n): {
            "score": rng.uniform(35, 95),
            "probiotic": rng.choice((0.0, 12.5, 25.0)),
            "prebiotic": rng.uniform(0, 25),
            "fiber": rng.uniform(0, 25),
            "limit": rng.uniform(10, 25),
        }
        for n in range(days)
    }


def journal_rows(quick: bool) -> list[Row]:
    import os
    import subprocess
    import sys

    from .inprocess import _process_events, _qt_app

    repeats = 3 if quick else 15
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="gutskin-journal-") as folder:
        path = Path(folder) / "journal" / "journal.sqlite3"
        with JournalStore(path, backups=False) as store:
            store.save_many(synthetic_journal(FIVE_YEARS))
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        scores = synthetic_scores(FIVE_YEARS)

        # The first trends view of a session imports pandas: timed in a fresh process.
        code = "import time; t = time.perf_counter(); import pandas; print(time.perf_counter() - t)"
        env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
        cold = [
            float(
                subprocess.run(
                    [sys.executable, "-c", code],
                    capture_output=True,
                    text=True,
                    env=env,
                    check=True,
                ).stdout
            )
            * 1000
            for _ in range(1 if quick else 5)
        ]

        _qt_app()
        import pandas  # noqa: F401  (warm: the figure below is the view's own work)

        from ui.journal import TrendsWindow

        def open_and_plot() -> None:
            # A new store each time: the integrity check, schema check and the full read
            # are part of opening; then the analysis and one paint of the chart.
            fresh = JournalStore(path, backups=False)
            window = TrendsWindow(fresh, scores)
            window.span_box.setCurrentIndex(3)  # everything: five years
            window.resize(900, 640)
            window.reload()
            window.chart.grab()
            fresh.close()
            window.deleteLater()
            _process_events()

        open_and_plot()
        plot = median(time_ms(open_and_plot, repeats))
        rows.append(Row(ROW_NAMES[0], plot, "ms", 100.0, "issue; pandas already imported"))
        rows.append(Row(ROW_NAMES[1], median(cold), "ms", None, "import pandas, fresh process"))

        with JournalStore(path, backups=False) as store:
            days = iter(range(10_000))

            def save_one() -> None:
                day = LAST_DAY + timedelta(next(days) + 1)
                store.save(CheckIn(day, {"skin_breakouts": 1, "mood": 4, "practices": "yoga"}))

            saves = time_ms(save_one, 20 if quick else 200)
        rows.append(Row(ROW_NAMES[2], median(saves), "ms", 20.0, "issue"))

    from planner.export.journal_report import render_journal_report

    year = synthetic_journal(365)
    year_scores = synthetic_scores(365)
    first = LAST_DAY - timedelta(364)
    render_journal_report(year[:30], first, first + timedelta(29))  # fonts registered once

    def report() -> None:
        render_journal_report(year, first, LAST_DAY, scores=year_scores)

    times = time_ms(report, 1 if quick else 5, collect=True)
    rows.append(Row(ROW_NAMES[3], median(times), "ms", 2000.0, "issue"))
    return rows


if __name__ == "__main__":
    from .common import format_table

    began = time.monotonic()
    print(format_table(journal_rows(quick=False), "Journal benchmarks"))
    print(f"({time.monotonic() - began:.0f} s)")
