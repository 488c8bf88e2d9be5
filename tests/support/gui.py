"""Fixtures shared by the GUI tests, loaded for every test module by conftest.py (this
module holds no tests of its own).

Every dialog is replaced by one that fails the test if it opens unexpectedly, so that a
forgotten prompt can never hang the suite; a test that expects a dialog patches it again.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from planner.core.plan import Plan

START = date(2026, 11, 30)  # a Monday

# The offscreen platform warns that it cannot size a native window; harmless here.
QT_LOG_IGNORE = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


class UnexpectedDialog(AssertionError):
    pass


def _unexpected(*args: object, **kwargs: object):
    raise UnexpectedDialog(f"a dialog opened unexpectedly: {args[1:]!r}")


@pytest.fixture
def no_dialogs(monkeypatch: pytest.MonkeyPatch):
    from ui import dialogs

    for cls, name in [
        (dialogs.Messages, "error"),
        (dialogs.Messages, "file_error"),
        (dialogs.Messages, "done_with_open"),
        (dialogs.UnsavedChanges, "ask"),
        (dialogs.FileDialogs, "open_plan"),
        (dialogs.FileDialogs, "save_plan"),
        (dialogs.FileDialogs, "open_csv"),
        (dialogs.FileDialogs, "save_csv"),
        (dialogs.FileDialogs, "save_pdf"),
        (dialogs.CopyDayDialog, "ask"),
        (dialogs.ServingsDialog, "ask"),
        (dialogs.PreferencesDialog, "ask"),
        (dialogs.PdfOptionsDialog, "ask"),
        (dialogs.FoodEditor, "ask"),
        (dialogs.Confirm, "ask"),
        (dialogs.ConflictDialog, "ask"),
        (dialogs.RecoveryDialog, "ask"),
        (dialogs.CrashDialog, "ask"),
        (dialogs.PantryDialog, "ask"),
        (dialogs.About, "ask"),
    ]:
        monkeypatch.setattr(cls, name, classmethod(_unexpected))
    # The Plan and Journal menus' dialogs (ui.weeks and ui.journal are loaded only here, in
    # the tests; the app loads them when first used).
    from ui.journal import checkin, report
    from ui.weeks import dialogs as week_dialogs
    from ui.weeks import templates

    for cls, name in [
        (week_dialogs.CopyWeekDialog, "ask"),
        (week_dialogs.WeekCountDialog, "ask"),
        (week_dialogs.PlanNextWeekDialog, "ask"),
        (week_dialogs.CalendarOptionsDialog, "ask"),
        (week_dialogs.CalendarFile, "ask"),
        (checkin.CheckInDialog, "ask"),
        (report.ReportDialog, "ask"),
    ]:
        monkeypatch.setattr(cls, name, classmethod(_unexpected))
    monkeypatch.setattr(templates, "ask_template_name", _unexpected)


@pytest.fixture
def settings(tmp_path: Path):
    from ui.settings import Settings

    return Settings(tmp_path / "settings.ini")


def _forget_changes(window) -> None:
    """Closing at teardown must not prompt about unsaved changes."""
    window.document.undo_stack.setClean()
    window.document._unsaved_origin = False


@pytest.fixture
def make_window(qtbot, catalog, settings, no_dialogs, tmp_path: Path):
    """Builds main windows on the shared catalog, scored synchronously, shown offscreen."""
    from planner.storage.userfoods import UserFoods
    from ui.window.mainwindow import MainWindow

    def make(plan: Plan | None = None, *, cat=None, user_foods=None) -> MainWindow:
        window = MainWindow(
            settings,
            catalog if cat is None else cat,
            plan or Plan(START),
            user_foods=(
                UserFoods(tmp_path / "my-foods.json") if user_foods is None else user_foods
            ),
            background=False,
        )
        qtbot.addWidget(window, before_close_func=_forget_changes)
        window.show()
        window.start_scoring()
        qtbot.waitUntil(lambda: not window.scores.pending, timeout=5000)
        return window

    return make


@pytest.fixture
def window(make_window):
    return make_window()


def score_of(window, day: int) -> float | None:
    score = window.scores.day_scores.get(day)
    return None if score is None else score.score
