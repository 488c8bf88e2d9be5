"""The Journal menu in the main window: a check-in saved through the menu, the trends
window, the report written on a worker, and a damaged journal told once."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog

from planner.core.edits import AddFood
from planner.core.plan import Plan
from planner.journal.fields import CheckIn
from planner.journal.store import JournalStore, default_path
from tests.support.gui import QT_LOG_IGNORE
from ui import dialogs
from ui.journal import report
from ui.journal.checkin import CheckInDialog, set_editor_value

pytestmark = QT_LOG_IGNORE
TODAY = date.today()
REAL_ASK = CheckInDialog.__dict__["ask"]  # before the fixtures replace it


def patch(monkeypatch, cls, name, func) -> None:
    monkeypatch.setattr(cls, name, classmethod(func))


def answer(breakouts: int | None):
    """An exec() for the check-in dialog: types the breakouts and saves (or cancels)."""

    def run(self: CheckInDialog) -> int:
        if breakouts is None:
            return QDialog.DialogCode.Rejected
        set_editor_value(self.editors["skin_breakouts"], breakouts)
        self.save()
        return self.result()

    return run


def test_the_journal_is_opened_only_when_first_used(make_window):
    window = make_window()
    assert window.journal._store is None


def test_a_check_in_is_saved_through_the_menu(make_window, monkeypatch):
    window = make_window()
    action = window.journal.check_in_action
    assert action.shortcut() == QKeySequence("Ctrl+J")
    assert action in window.journal.menu.actions()
    monkeypatch.setattr(CheckInDialog, "ask", REAL_ASK)
    monkeypatch.setattr(CheckInDialog, "exec", answer(2))
    action.trigger()
    assert window.statusBar().currentMessage() == "Check-in saved."
    window.journal.close()
    with JournalStore(default_path()) as store:
        saved = store.get(TODAY)
    assert saved is not None and saved["skin_breakouts"] == 2


@pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")
def test_the_trends_window_opens_with_the_plans_day_scores(make_window, qtbot):
    plan = Plan(TODAY - timedelta(TODAY.weekday()))
    AddFood(TODAY.weekday(), "lunch", "kefir").apply(plan)
    window = make_window(plan)
    with JournalStore(default_path()) as store:
        store.save(CheckIn(TODAY, {"skin_breakouts": 1}))
    window.journal.trends_action.trigger()
    trends = window.journal.trends_window
    assert trends is not None and trends.isVisible()
    assert TODAY in trends.scores and trends.scores[TODAY]["score"] is not None
    qtbot.waitUntil(lambda: trends.frame is not None, timeout=10000)
    assert len(trends.frame.dropna(subset=["skin_breakouts"])) == 1
    window.journal.trends_action.trigger()  # again: the same window, raised
    assert window.journal.trends_window is trends


def test_the_report_is_written_on_a_worker(make_window, qtbot, monkeypatch, tmp_path: Path):
    window = make_window()
    with JournalStore(default_path()) as store:
        store.save(CheckIn(TODAY, {"skin_breakouts": 3, "sleep_hours": 7.5}))
    target = tmp_path / "report.pdf"
    options = report.ReportOptions(target, TODAY - timedelta(13), TODAY)
    patch(monkeypatch, report.ReportDialog, "ask", lambda cls, parent, suggested: options)
    told: list[str] = []
    patch(
        monkeypatch,
        dialogs.Messages,
        "done_with_open",
        lambda cls, p, t, text, path: told.append(text),
    )
    window.journal.report_action.trigger()
    qtbot.waitUntil(lambda: not window.journal.report_running, timeout=30000)
    assert target.read_bytes().startswith(b"%PDF")
    assert told == [f"The report of 1 check-in was saved as {target}."]
    assert window.journal.report_action.isEnabled()


def test_the_report_dialog_gives_the_span_in_order(qtbot, tmp_path: Path):
    dialog = report.ReportDialog(tmp_path / "r")
    qtbot.addWidget(dialog)
    options = dialog.options()
    assert options is not None and options.path.suffix == ".pdf"
    assert options.last == TODAY and (options.last - options.first).days == 89


def test_a_damaged_journal_is_told_once(make_window, monkeypatch):
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a database at all, only words " * 200)
    window = make_window()
    told: list[str] = []
    patch(monkeypatch, dialogs.Messages, "error", lambda cls, p, title, text: told.append(text))
    monkeypatch.setattr(CheckInDialog, "exec", answer(None))
    monkeypatch.setattr(CheckInDialog, "ask", REAL_ASK)
    assert not window.journal.check_in()
    assert len(told) == 1 and "damaged" in told[0]
    assert not window.journal.check_in()
    assert len(told) == 1
