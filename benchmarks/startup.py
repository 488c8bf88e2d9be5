"""Whole-process figures: start-up times and peak memory, each from a fresh process.

The app runs as users start it (``python -m ui.launcher``, the ``gutskin`` entry point)
with GUTSKIN_SMOKE_TEST=1, which prints the monotonic clock when the window is first
painted and when the sample week's scores have been painted, then quits. The baselines
(benchmarks/bare_window.py) and the reference window with the app's widgets and no app
code (benchmarks/floor_window.py) run in the same rounds, interleaved with the app, so
that a busy machine slows all of them alike.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .common import Row, median

ROOT = Path(__file__).resolve().parents[1]
CLOCK = re.compile(r"\(clock (\d+\.\d+)\)")
# Bytecode compiled once and reused, as an installed app has it (pip compiles on install).
PYCACHE = Path(tempfile.gettempdir()) / "gutskin-benchmarks-pycache"


WIDGETS_ROW = "The app's widgets with Qt's own models, no app code"
# A system whose language is German: LANGUAGE names it where LANG gives no language.
GERMAN: dict[str, str | None] = {"LANGUAGE": "de", "LANG": "C.UTF-8", "LC_ALL": None,
                                 "LC_MESSAGES": None}  # fmt: skip


@dataclass
class Run:
    clocks: list[float]  # seconds from starting the process to each clock line
    peak_mb: float | None  # peak resident set size, from the OS
    output: str


def _env(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        PYTHONPYCACHEPREFIX=str(PYCACHE),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        XDG_CONFIG_HOME=str(folder / "config"),  # a first start: the sample week opens
        GUTSKIN_DATA_DIR=str(folder / "data"),
        GUTSKIN_SMOKE_TEST="1",
    )
    return env


def run_process(
    args: list[str], timeout: float = 120.0, env: dict[str, str | None] | None = None
) -> Run:
    """Start ``python args`` in fresh settings and data folders and wait until it exits;
    ``env`` adds to (or, with None values, removes from) the environment."""
    with tempfile.TemporaryDirectory(prefix="gutskin-bench-") as folder:
        environment = _env(Path(folder))
        for key, value in (env or {}).items():
            if value is None:
                environment.pop(key, None)
            else:
                environment[key] = value
        began = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, *args],
            env=environment,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        try:
            output = proc.stdout.read() if proc.stdout else ""
            peak_mb = None
            if hasattr(os, "wait4"):
                _pid, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = os.waitstatus_to_exitcode(status)
                # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
                scale = 1 if sys.platform == "darwin" else 1024
                peak_mb = usage.ru_maxrss * scale / 2**20
            else:
                proc.wait()
        finally:
            killer.cancel()
            if proc.stdout:
                proc.stdout.close()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited with {proc.returncode}:\n{output}")
    clocks = [float(m.group(1)) - began for m in CLOCK.finditer(output)]
    return Run(clocks, peak_mb, output)


def startup_rows(runs: int) -> list[Row]:
    """Median whole-process times of the app and its two baselines, over ``runs`` rounds
    after one round that warms the bytecode and file caches."""
    bare, bare_pandas, widgets, shown, scored, german = [], [], [], [], [], []
    script = str(Path(__file__).with_name("bare_window.py"))
    reference = str(Path(__file__).with_name("floor_window.py"))
    for round_ in range(runs + 1):
        window = run_process([script])
        with_pandas = run_process([script, "--pandas"])
        same_widgets = run_process([reference])
        app = run_process(["-m", "ui.launcher"])
        # The system's language German (the app follows it): its catalogue and Qt's.
        in_german = run_process(["-m", "ui.launcher"], env=GERMAN)
        counts = (len(window.clocks), len(with_pandas.clocks), len(same_widgets.clocks))
        if len(app.clocks) != 2 or len(in_german.clocks) != 2 or counts != (1, 2, 1):
            raise RuntimeError(
                "unexpected output:\n"
                f"{window.output}{with_pandas.output}{same_widgets.output}{app.output}"
            )
        if round_ == 0:
            continue
        bare.append(window.clocks[0] * 1000)
        widgets.append(same_widgets.clocks[0] * 1000)
        bare_pandas.append(with_pandas.clocks[1] * 1000)
        shown.append(app.clocks[0] * 1000)
        scored.append(app.clocks[1] * 1000)
        german.append(in_german.clocks[0] * 1000)
    b, bp, w = median(bare), median(bare_pandas), median(widgets)
    return [
        Row("Bare PySide6 window, start to painted (baseline)", b, "ms"),
        Row("Bare window + import pandas (baseline)", bp, "ms"),
        Row(WIDGETS_ROW, w, "ms", basis=f"reference: {w / b:.2f} x bare window"),
        Row(
            "Start to a visible main window", median(shown), "ms", 1.3 * w, "1.3 x reference window"
        ),
        Row(
            "Start to the sample week scored on screen",
            median(scored),
            "ms",
            1.25 * bp,
            "1.25 x bare window + pandas",
        ),
        Row(
            "Start to a visible main window, in German",
            median(german),
            "ms",
            median(shown) + 5.0,
            "English + 5 ms (issue 19)",
        ),
    ]


def memory_row(plan_file: Path, runs: int) -> Row:
    """Peak RSS of the app opening a full week, with the full catalog loaded and scored."""
    peaks = []
    for _ in range(runs):
        run = run_process(["-m", "ui.launcher", str(plan_file)])
        if run.peak_mb is None:
            raise RuntimeError("peak memory needs os.wait4 (Linux, macOS)")
        peaks.append(run.peak_mb)
    return Row(
        "Peak memory: full catalog, full week open, scored", median(peaks), "MB", 200.0, "issue"
    )
