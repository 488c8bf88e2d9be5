"""Start-up: "All foods" waits for a deferred SR28 table, scores keep every week current
while only the changed weeks are summed again, and the smoke test prints its lines."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from planner.edits import AddFood
from planner.evaluator import Evaluator
from planner.foods import Catalog
from planner.plan import Plan
from tests import test_ui_support as support
from tests.test_ui_support import QT_LOG_IGNORE, START

pytestmark = QT_LOG_IGNORE
make_window, no_dialogs, settings = support.make_window, support.no_dialogs, support.settings
ROOT = Path(__file__).resolve().parents[1]


def test_all_foods_is_filled_when_first_shown(qtbot):
    from ui.palette import ALL, PalettePanel

    catalog = Catalog.load(defer_sr28=True)
    panel = PalettePanel(catalog)
    qtbot.addWidget(panel)
    assert catalog.sr28_pending and panel.models[ALL].total_count() == 0
    assert panel.models["probiotic"].total_count() > 0
    panel.show_palette(ALL)
    assert panel.models[ALL].total_count() == len(catalog)
    assert not catalog.sr28_pending


def test_week_scores_stay_equal_to_scoring_the_whole_plan(make_window, qtbot, catalog):
    plan = Plan(START, weeks=3)
    for day in (0, 8, 15):
        AddFood(day, "lunch", "kefir").apply(plan)
    window = make_window(plan)
    for day, food in ((9, "lentils"), (9, "oats"), (20, "kimchi"), (0, "beer")):
        window.document.apply(AddFood(day, "dinner", food))
        window.scores.flush()
        whole = Evaluator(catalog).evaluate(window.document.plan, tips=False)
        assert window.scores.week_scores == whole.weeks
        assert window.scores.day_scores == {d.day: d for d in whole.days}


def test_the_smoke_test_prints_the_paint_and_the_scores(tmp_path):
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        GUTSKIN_DATA_DIR=str(tmp_path / "data"),
        GUTSKIN_SMOKE_TEST="1",
    )
    done = subprocess.run(
        [sys.executable, "-m", "ui.launcher"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("smoke test: window painted (clock ")
    assert lines[1].startswith("smoke test: scored 7 planned days, average ")
