"""End to end under a real X server: a real pointer (xdotool) drags a palette food onto a
grid cell, and the app reports its plan and the day's score.

The test starts its own Xvfb on a free display, runs the app there with the xcb platform in
a subprocess, and always stops both. Without Xvfb or xdotool it is skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HAVE_TOOLS = bool(shutil.which("Xvfb") and shutil.which("xdotool"))

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.skipif(not HAVE_TOOLS, reason="needs Xvfb and xdotool (apt install xvfb xdotool)"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 on Linux only"),
]

# Runs in the app's process: shows the window, writes where the food and the cell are on
# the screen, then, after the first edit has been scored, the plan and the scores.
APP_SIDE = r"""
import json, sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer

from planner.core.plan import Plan
from ui.app import create_application
from ui.settings import Settings
from ui.window.mainwindow import MainWindow

out = Path(sys.argv[1])
app = create_application()
window = MainWindow(Settings(out / "settings.ini"), plan=Plan(date(2026, 11, 30)),
                    background=False)
window.setGeometry(0, 0, 1200, 760)
window.show()
window.start_scoring()
grid, model = window.grid, window.week_model


def write(name, data):
    tmp = out / (name + ".tmp")
    tmp.write_text(json.dumps(data))
    tmp.replace(out / name)


def positions():
    panel = window.palette_panel
    panel.show_palette("probiotic")
    panel.apply_filter()
    palette = panel.current_model()
    row = palette.row_of("kefir")
    panel.list.scrollTo(palette.index(row))
    source = panel.list.viewport().mapToGlobal(panel.list.visualRect(palette.index(row)).center())
    cell = model.index(0, 2)  # Wednesday breakfast
    target = grid.viewport().mapToGlobal(grid.visualRect(cell).center())
    before = window.scores.day_scores[2].score
    write("positions.json", {"from": [source.x(), source.y()], "to": [target.x(), target.y()],
                             "score_before": before})


def scored(days):
    plan = window.document.plan
    if plan.entry_count() == 0:
        return
    entries = [[d, m, e.food_id, e.amount] for d, m, _i, e in plan.entries()]
    write("result.json", {"entries": entries, "days": sorted(days),
                          "score": window.scores.day_scores[2].score,
                          "undo": window.document.undo_stack.count()})
    window.document.undo_stack.setClean()
    QTimer.singleShot(200, app.quit)


window.scores.updated.connect(scored)
QTimer.singleShot(800, positions)
QTimer.singleShot(40_000, app.quit)  # never outlive the test
sys.exit(app.exec())
"""


def _start_xvfb() -> tuple[subprocess.Popen, str]:
    """Xvfb on a display number it picks itself (-displayfd), so runs never collide."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    deadline = time.monotonic() + 15
    number = b""
    os.set_blocking(read_fd, False)
    while time.monotonic() < deadline and not number.endswith(b"\n"):
        try:
            number += os.read(read_fd, 16)
        except BlockingIOError:
            time.sleep(0.05)
        if proc.poll() is not None:
            break
    os.close(read_fd)
    if not number.strip():
        proc.kill()
        proc.wait(5)
        pytest.skip("Xvfb did not start")
    return proc, f":{number.decode().strip()}"


def _stop(proc: subprocess.Popen | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


def _wait_for(path: Path, app: subprocess.Popen, seconds: float) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists():
            return json.loads(path.read_text())
        if app.poll() is not None:
            break
        time.sleep(0.05)
    _stop(app)
    log = path.parent / "app.log"
    said = log.read_text(errors="replace")[-3000:] if log.exists() else ""
    pytest.fail(f"{path.name} was not written; the app said:\n{said}")


def test_a_real_pointer_drags_a_palette_food_onto_a_cell(tmp_path):
    xvfb, display = _start_xvfb()
    app = None
    try:
        env = dict(
            os.environ,
            DISPLAY=display,
            QT_QPA_PLATFORM="xcb",
            PYTHONPATH=str(ROOT),
            GUTSKIN_DATA_DIR=str(tmp_path / "data"),
            XDG_CONFIG_HOME=str(tmp_path / "config"),
        )
        env.pop("WAYLAND_DISPLAY", None)
        script = tmp_path / "app_side.py"
        script.write_text(APP_SIDE)
        with open(tmp_path / "app.log", "wb") as log:
            app = subprocess.Popen(
                [sys.executable, str(script), str(tmp_path)],
                env=env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        where = _wait_for(tmp_path / "positions.json", app, 40)
        assert where["score_before"] is None  # Wednesday starts "not planned"

        def xdo(*args: object) -> None:
            subprocess.run(["xdotool", *map(str, args)], env=env, check=True, timeout=10)

        (x0, y0), (x1, y1) = where["from"], where["to"]
        xdo("mousemove", x0, y0)
        time.sleep(0.2)
        xdo("mousedown", 1)
        time.sleep(0.2)
        # Move in steps, as a hand does: Qt starts a drag past the drag distance and then
        # follows the pointer to the drop target.
        steps = 12
        for n in range(1, steps + 1):
            xdo("mousemove", x0 + (x1 - x0) * n // steps, y0 + (y1 - y0) * n // steps)
            time.sleep(0.06)
        time.sleep(0.3)
        xdo("mouseup", 1)

        result = _wait_for(tmp_path / "result.json", app, 20)
        assert result["entries"] == [[2, "breakfast", "kefir", 1.0]]
        assert result["undo"] == 1
        assert 2 in result["days"]
        assert result["score"] is not None and result["score"] > 0
        app.wait(10)
    finally:
        _stop(app)
        _stop(xvfb)
