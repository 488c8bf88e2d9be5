"""Start-up: "All foods" waits for a deferred SR28 table, scores keep every week current
while only the changed weeks are summed again, the first paint does not wait for what
comes after it, and the smoke test prints its lines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from planner.core.edits import AddFood
from planner.core.foods import Catalog
from planner.core.plan import Plan
from planner.scoring.evaluator import Evaluator
from tests.support.gui import QT_LOG_IGNORE, START

pytestmark = QT_LOG_IGNORE
ROOT = Path(__file__).resolve().parents[1]


def test_all_foods_is_filled_when_first_shown(qtbot):
    from ui.panels.palette import ALL, PalettePanel

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


# What the window must not wait for: the scoring engine and its numpy, the PDF, the
# dialogs, the CSV and recovery code, and what reads the SR28 table.
AFTER_FIRST_PAINT = (
    "numpy",
    "pandas",
    "reportlab",
    "planner.scoring.evaluator",
    "planner.scoring.frames",
    "planner.export.pdf",
    "planner.storage.csvio",
    "planner.storage.recovery",
    "ui.dialogs",
    "ui.tour",
    "planner.core.shopping",
    "csv",
    "gzip",
    "tomllib",
    # the Plan and Journal menus' parts: loaded when first used
    "ui.weeks",
    "ui.journal",
    "icalendar",
    "sqlite3",
    "planner.journal",
    "planner.export.ical",
    "planner.export.journal_report",
    "planner.storage.templates",
    # the store of the user's own foods, without their file (a first start)
    "planner.storage.userfoods",
    "planner.storage.jsonstore",
    # plan files (their reader, upgrades and the rotation rules they carry): when one is
    # opened or saved
    "planner.storage.planfile",
    "planner.storage.migrations",
    "planner.storage.templatejson",
    "planner.core.rotations",
    "planner.core.templates",
    # the recipe book, its editor and dialogs: loaded once the first scores show, or when used
    "planner.recipes",
    "ui.recipes",
    # the plan's edits and what a drop makes of a drag: loaded by the first edit
    "planner.core.edits",
    "planner.core.drop",
    # exact rounding, for the first number with decimals written in another language
    "decimal",
)
# Runs the app as `gutskin` does, but in place of the work that follows the first paint
# it prints the modules loaded so far and quits.
LIST_MODULES_AT_FIRST_PAINT = """
import json, sys
import ui.app, ui.launcher
from PySide6.QtWidgets import QApplication

def report(self):
    print(json.dumps(sorted(sys.modules)))
    QApplication.instance().exit(0)

ui.app._Opener.open = report
sys.exit(ui.launcher.main([]))
"""


# The same, once the sample week's first scores are in.
LIST_MODULES_AT_FIRST_SCORES = """
import json, sys
import ui.app, ui.scores
from PySide6.QtWidgets import QApplication

loaded = ui.scores.ScoreKeeper._loaded

def report(self, error):
    loaded(self, error)
    planned = [d for d in self.day_scores.values() if d.score is not None]
    print(json.dumps({"planned": len(planned), "modules": sorted(sys.modules)}))
    QApplication.instance().exit(0)

ui.scores.ScoreKeeper._loaded = report
sys.exit(ui.app.run(None))
"""


def _app_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        GUTSKIN_DATA_DIR=str(tmp_path / "data"),
        **extra,
    )


def _script_report(script: str, tmp_path: Path, **extra: str) -> Any:
    """Run ``script`` (one of the above) as the app's own process; its last line's JSON."""
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=_app_env(tmp_path, **extra),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_first_paint_waits_for_none_of_what_follows_it(tmp_path, language):
    # LANGUAGE names the system's language where LANG gives none (as the benchmarks do).
    system = {"LANGUAGE": language, "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    loaded = set(_script_report(LIST_MODULES_AT_FIRST_PAINT, tmp_path, **system))
    assert "ui.window.mainwindow" in loaded  # the report came from the painted window
    early = [
        m
        for m in loaded
        if any(m == name or m.startswith(f"{name}.") for name in AFTER_FIRST_PAINT)
    ]
    assert early == []


def test_the_smoke_test_prints_the_paint_and_the_scores(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "ui.launcher"],
        env=_app_env(tmp_path, GUTSKIN_SMOKE_TEST="1"),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("smoke test: window painted (clock ")
    assert lines[1].startswith("smoke test: scored 7 planned days, average ")


# The first start's work on the window's thread after the paint, without the scoring
# engine (which loads on its worker): what it loaded, and whether it read SR28.
OPEN_THE_FIRST_START = """
import json, sys
import ui.app
from PySide6.QtWidgets import QApplication

def opened(self):
    self.window.open_initial(self.file)
    print(json.dumps({
        "modules": sorted(sys.modules),
        "sr28_pending": self.window.catalog.sr28_pending,
        "entries": self.window.document.plan.entry_count(),
        "feature_scan": sys.modules["shibokensupport.feature"]._mod_uses_pyside.__name__,
    }))
    QApplication.instance().exit(0)

ui.app._Opener.open = opened
sys.exit(ui.app.run(None))
"""


def test_the_first_start_opens_the_sample_week_without_dialogs_or_sr28(tmp_path):
    """The sample week names curated foods only, and a start without recovery copies or
    damaged files shows no dialog: the window's thread reads neither the SR28 table nor
    the dialogs while the scoring engine loads beside it."""
    report = _script_report(OPEN_THE_FIRST_START, tmp_path)
    assert report["entries"] > 0  # the sample week is open
    assert report["sr28_pending"]
    assert [m for m in report["modules"] if m.startswith("ui.dialogs")] == []
    # PySide no longer reads the source of each module imported after it (the window's,
    # then numpy's and pandas'): ui/pyside_private.py
    assert report["feature_scan"] == "_selects_no_feature"


def test_the_pyside_private_api_the_start_relies_on_is_there():
    from ui.pyside_private import missing

    assert missing() == []


# At the first scores, what the app had read: the recipe book, the household measures and
# the SR28 foods wait until those scores are on screen, then come; printed once they have.
FIRST_SCORES_THEN_THE_REST = """
import json, sys, threading
import ui.app, ui.scores, ui.smoke
from PySide6.QtCore import QCoreApplication, QTimer
from planner.core.measures import sr28_measures
from planner.scoring.model import ScoringConfig

seen = {}
rescore = ui.scores.ScoreKeeper._rescore
load_config = ScoringConfig.load.__func__
config_reads = []

def counted_load(cls):
    config_reads.append(threading.current_thread() is threading.main_thread())
    return load_config(cls)

ScoringConfig.load = classmethod(counted_load)

def first_rescore(self):
    if self.is_ready and "book" not in seen:
        seen["book"] = "planner.recipes.book" in sys.modules
        seen["measures"] = sr28_measures.cache_info().currsize > 0
        seen["sr28_foods"] = not self._catalog.sr28_pending
        seen["templates"] = "planner.storage.templates" in sys.modules
        seen["plan_files"] = "planner.storage.planfile" in sys.modules
        seen["tour"] = "ui.tour" in sys.modules
        seen["settings_read_by_window"] = list(config_reads)
    rescore(self)

def done(self):
    self.timer.stop()
    window = self.window

    def check():
        if window.recipes.loaded and sr28_measures.cache_info().currsize:
            seen["later"] = len(window.recipe_book) > 0 and not window.catalog.sr28_pending
            seen["later"] &= "planner.storage.templates" in sys.modules
            seen["later"] &= window.help.tour is not None  # a first start: the tour shows
            seen["later"] &= config_reads == [False]  # read once: the book's evaluator too
            print(json.dumps(seen), flush=True)
            window.document.undo_stack.setClean()
            QCoreApplication.exit(0)

    self.poll = QTimer(window)
    self.poll.timeout.connect(check)
    self.poll.start(20)

ui.scores.ScoreKeeper._rescore = first_rescore
ui.smoke.SmokeTest.done = done
sys.exit(ui.app.run(None))
"""


def test_the_first_scores_wait_for_neither_the_recipe_book_nor_the_measures(tmp_path):
    """The sample week holds no dish: its scores need neither the recipe book, nor SR28's
    household measures, nor the SR28 foods (the scoring table reads the SR28 table), nor
    the user's templates, nor the first start's tour, all of which come once the scores
    are on screen; nor the plan file's reader."""
    seen = _script_report(FIRST_SCORES_THEN_THE_REST, tmp_path, GUTSKIN_SMOKE_TEST="1")
    assert seen == {
        "book": False,
        "measures": False,
        "sr28_foods": False,
        "templates": False,  # the user's templates are read after the scores show
        "plan_files": False,  # the sample week is a CSV: nothing reads a plan file
        "tour": False,  # the first start's tour follows the scores it points at
        "settings_read_by_window": [False],  # scoring.toml is read by the loader's thread
        "later": True,
    }


def _started_window(qtbot, catalog, settings, tmp_path, plan):
    """A window started as the app starts it: scored on a worker, after-work deferred."""
    from planner.storage.userfoods import UserFoods
    from ui.window.mainwindow import MainWindow

    window = MainWindow(settings, catalog, plan, user_foods=UserFoods(tmp_path / "my-foods.json"))
    qtbot.addWidget(window)
    book_at_scores: list[bool] = []
    window.scores.updated.connect(lambda _days: book_at_scores.append(window.recipes.loaded))
    window.show()
    window.start_scoring()
    qtbot.waitUntil(lambda: bool(book_at_scores), timeout=10_000)
    return window, book_at_scores


def test_a_plan_with_a_dish_is_first_scored_through_the_recipe_book(
    qtbot, catalog, settings, tmp_path, no_dialogs
):
    plan = Plan(START)
    AddFood(0, "lunch", "recipe:overnight-oats-kefir-berries").apply(plan)
    window, book_at_scores = _started_window(qtbot, catalog, settings, tmp_path, plan)
    assert book_at_scores[0]  # the dish counted by its ingredients from the first scores
    qtbot.waitUntil(lambda: not window.scores.pending, timeout=10_000)
    assert window.scores.day_scores[0].score > 0


def test_a_plan_without_dishes_gets_the_recipe_book_after_its_first_scores(
    qtbot, catalog, settings, tmp_path, no_dialogs
):
    plan = Plan(START)
    AddFood(0, "lunch", "kefir").apply(plan)
    window, book_at_scores = _started_window(qtbot, catalog, settings, tmp_path, plan)
    assert book_at_scores[0] is False
    qtbot.waitUntil(lambda: window.recipes.loaded, timeout=10_000)
    qtbot.waitUntil(lambda: not window.scores.pending, timeout=10_000)


def test_the_first_scores_wait_for_numpy_not_pandas(tmp_path):
    """The scoring table is read and worked out with numpy: pandas, imported afterwards
    for a whole plan's scores, is not on the way to the first scores."""
    report = _script_report(LIST_MODULES_AT_FIRST_SCORES, tmp_path)
    assert report["planned"] == 7  # the sample week, scored
    loaded = set(report["modules"])
    assert {"numpy", "planner.scoring.evaluator", "planner.scoring.frames"} <= loaded
    assert not {m for m in loaded if m == "pandas" or m.startswith("pandas.")}


def test_the_catalogs_dataframe_is_made_after_the_first_scores():
    """The work after the first scores makes the catalog's pandas DataFrame, which a
    whole plan's scores join with, from the table the first scores read; the foods the
    deferred SR28 table holds come with it, and the table is not read again."""
    from planner.scoring.frames import catalog_frame_of
    from ui.window.afterstart import read_the_rest

    catalog = Catalog.load(defer_sr28=True)
    table = catalog_frame_of(catalog)  # what the first scores read
    assert "df" not in vars(table)
    read_the_rest(catalog)
    assert catalog_frame_of(catalog) is table
    assert {"df", "index"} <= set(vars(table))
    assert list(table.df.index) == table.ids
    assert len(catalog) == len(table)


def test_the_launcher_opens_the_window_without_the_command_line_parser(tmp_path):
    """`gutskin` with no arguments goes straight to the window; the commands' parser and
    modules (about 5 ms) load only for a command or a file to open."""
    script = (
        "import json, sys, ui.launcher\n"
        "def seen(_file):\n"
        "    print(json.dumps(sorted(m for m in sys.modules\n"
        "        if m == 'argparse' or m.startswith('planner.cli'))))\n"
        "    return 0\n"
        "ui.launcher.run_app = seen\n"
        "sys.exit(ui.launcher.main([]))\n"
    )
    assert _script_report(script, tmp_path) == []
