"""The benchmark suite keeps working: a quick run completes and prints every row. No
timing is asserted here (the machine running the tests is not the one the targets are
for, and is often busy); docs/performance.md says how to read the figures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.__main__ import ROW_NAMES

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_a_quick_run_prints_every_row(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for name in ROW_NAMES:
        row = next((line for line in lines if line.startswith(name)), None)
        assert row is not None, f"no row {name!r} in:\n{done.stdout}"
        assert " ms" in row or " MB" in row
    assert "ratio = measured / target" in done.stdout
