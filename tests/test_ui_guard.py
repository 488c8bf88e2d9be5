"""An error in a method Qt calls while painting never takes the app down, and is shown
once (hardening D1); the Starts date box keeps to the dates a plan may start on."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate

from planner.core.plan import EARLIEST_START, LATEST_START, Plan
from planner.storage.crashlog import CrashLog
from tests.support.gui import QT_LOG_IGNORE
from ui import dialogs
from ui.crash import CrashHandler
from ui.guard import forget_reports
from ui.views.delegates import CellDelegate

pytestmark = QT_LOG_IGNORE


def test_the_start_box_keeps_to_the_dates_a_plan_may_start_on(window):
    box = window.start_edit
    assert box.minimumDate() == QDate(EARLIEST_START.year, EARLIEST_START.month, 1)
    assert box.maximumDate() == QDate(LATEST_START.year, LATEST_START.month, LATEST_START.day)
    box.setDate(QDate(9999, 12, 27))  # what Page Up to year 9999 reached before
    assert window.document.plan.start == LATEST_START
    assert window.statusBar().currentMessage() == ""  # nothing was refused: it was never asked
    last = window.document.plan.date_of(window.document.plan.day_count - 1)
    assert last.year == 3000
    window.grid.horizontalHeader().viewport().repaint()
    box.setDate(QDate(1066, 10, 14))
    assert window.document.plan.start == EARLIEST_START


@pytest.fixture
def crashes(window, tmp_path, monkeypatch):
    """The app's crash handler, its dialog recorded with whether a paint was under way."""
    forget_reports()
    shown: list[tuple[str, bool]] = []
    painting = [
        window.grid.viewport(),
        window.grid.horizontalHeader().viewport(),
        window.palette_panel.list.viewport(),
    ]

    def record(cls, parent, what, kept, log, details) -> str:
        shown.append((what, any(w.paintingActive() for w in painting)))
        return dialogs.CrashDialog.CONTINUE

    monkeypatch.setattr(dialogs.CrashDialog, "ask", classmethod(record))
    handler = CrashHandler(window, CrashLog(tmp_path / "logs"))
    handler.install()
    yield shown, handler
    handler.uninstall()
    forget_reports()


def _paint_often(qtbot, window) -> None:
    for _ in range(5):
        window.grid.viewport().repaint()
        window.grid.horizontalHeader().viewport().repaint()
        window.palette_panel.list.viewport().repaint()
        window.grab()
        qtbot.wait(10)


def test_an_error_in_a_header_is_shown_once_after_the_paint(qtbot, window, crashes, monkeypatch):
    shown, handler = crashes

    def far(plan: Plan, day: int) -> date:
        raise OverflowError("date value out of range")

    monkeypatch.setattr(Plan, "date_of", far)
    _paint_often(qtbot, window)
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    _paint_often(qtbot, window)
    assert shown == [("OverflowError: date value out of range", False)]
    assert "OverflowError" in handler.log.path.read_text(encoding="utf-8")
    monkeypatch.undo()
    window.set_week(0)
    window.grid.set_current(0, "lunch")
    assert window.add_food("kefir")  # the app goes on


def test_an_error_in_a_delegate_or_a_list_is_shown_once(qtbot, qtlog, window, crashes, monkeypatch):
    shown, _handler = crashes
    window.grid.set_current(0, "lunch")
    assert window.add_food("kefir")

    def broken(*_args: object) -> None:
        raise ValueError("a broken cell")

    monkeypatch.setattr(CellDelegate, "_paint_entries", broken)
    model = window.palette_panel.current_model()
    monkeypatch.setattr(type(model), "_matching", lambda self: [None])  # a row with no food
    model.set_filter("x y z")
    _paint_often(qtbot, window)
    qtbot.waitUntil(lambda: len(shown) >= 2, timeout=3000)
    _paint_often(qtbot, window)
    whats = [what for what, _ in shown]
    assert "ValueError: a broken cell" in whats
    assert "AttributeError: 'NoneType' object has no attribute 'name'" in whats
    assert len(whats) == len(set(whats)) <= 4  # each place once, however often it paints
    assert not any(during_paint for _, during_paint in shown)
    # The painter was restored, also after a paint that failed half-way.
    assert not [r.message for r in qtlog.records if "saved states" in r.message]


# The app in a child process, as the hardening report ran it: the real crash handler and
# its real dialog (answered Continue by a timer), with the plan's dates failing as a start
# near year 9999 made them fail. Before, the dialog ran inside the header's paint and the
# process ended with a segmentation fault.
_FAILING_DATES = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from ui.app import create_application
app = create_application()
from planner.core.plan import Plan
from planner.storage.crashlog import CrashLog
from ui.crash import CrashHandler
from ui.settings import Settings
from ui.window.mainwindow import MainWindow

handler = CrashHandler(log=CrashLog())
handler.install()
window = MainWindow(Settings(sys.argv[1]), background=False)
handler.window = window

def far(plan, day):
    raise OverflowError("date value out of range")

Plan.date_of = far
answered = []

def answer():
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        answered.append(box.text().splitlines()[-1])
        next(b for b in box.buttons() if b.text() == "&Continue").click()

clicker = QTimer()
clicker.timeout.connect(answer)
clicker.start(20)
window.show()
painter = QTimer()
painter.timeout.connect(window.grid.horizontalHeader().viewport().repaint)
painter.start(10)
QTimer.singleShot(2000, app.quit)
app.exec()
print("ANSWERED", answered)
"""


def test_failing_dates_in_a_real_app_give_one_dialog_and_no_crash(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root),
           "GUTSKIN_DATA_DIR": str(tmp_path / "data")}  # fmt: skip
    done = subprocess.run([sys.executable, "-c", _FAILING_DATES, str(tmp_path / "s.ini")],
                          env=env, cwd=root, capture_output=True, text=True,
                          timeout=120)  # fmt: skip
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert "ANSWERED ['OverflowError: date value out of range']" in done.stdout, done.stdout
    logs = list((tmp_path / "data" / "logs").glob("errors-*.log"))
    assert logs and "OverflowError" in logs[0].read_text(encoding="utf-8")
    assert "Traceback" not in done.stderr
