"""A process killed with SIGKILL in the middle of saving a large plan loses nothing.

The child pauses at a marker inside write_atomic (the GUTSKIN_PAUSE_IN_WRITE test seam:
half of the new file written to the temporary file, then "WRITING <temporary file>" on
stderr); the parent kills it the moment it sees the marker, not after a guessed delay.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from planner.core.plan import MEALS, Entry, Plan
from planner.storage.atomic import PAUSE_VARIABLE
from planner.storage.planfile import MAX_CELL_ENTRIES, load_plan, save_plan
from tests.support.processes import kill_at_marker

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

CHILD = """
import sys
from tests.test_reliability_kill import large_plan
from planner.storage.planfile import save_plan
save_plan(large_plan(servings=2.0), sys.argv[1])
print("SAVED", file=sys.stderr, flush=True)
"""


def large_plan(servings: float = 1.0) -> Plan:
    """52 weeks, 10 foods in every meal: 14,560 entries, about 1 MB of JSON."""
    plan = Plan(date(2026, 11, 30), 52)
    for day in range(plan.day_count):
        for meal in MEALS:
            for n in range(min(10, MAX_CELL_ENTRIES)):
                plan._insert(day, meal, n, Entry(f"sr:{n:05d}", servings))
    return plan


def test_a_save_killed_while_writing_leaves_the_old_file_loadable(tmp_path: Path):
    path = tmp_path / "year.gutplan"
    old = large_plan()
    save_plan(old, path)
    before = path.read_bytes()
    assert len(before) > 500_000
    env = dict(os.environ, PYTHONPATH=str(ROOT), **{PAUSE_VARIABLE: "60"})
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)],
        env=env,
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    temporary = Path(kill_at_marker(child, child.stderr, "WRITING "))  # type: ignore[arg-type]
    # The half-written temporary file is there, beside the untouched original.
    assert temporary.parent == tmp_path and temporary.name.startswith(".year.gutplan.")
    assert 0 < temporary.stat().st_size < len(before) * 1.5
    assert path.read_bytes() == before
    assert load_plan(path) == old  # the next start loads the old version and ignores the rest
    # The next save of the file removes what the killed one left.
    save_plan(large_plan(servings=3.0), path)
    assert not temporary.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["year.gutplan"]
    assert load_plan(path) == large_plan(servings=3.0)


def test_without_the_marker_the_child_saves_normally(tmp_path: Path):
    # The seam is off unless asked for: the same child, without it, completes its save.
    path = tmp_path / "year.gutplan"
    env = {k: v for k, v in os.environ.items() if k != PAUSE_VARIABLE}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0 and "SAVED" in done.stderr and "WRITING" not in done.stderr
    assert load_plan(path) == large_plan(servings=2.0)
