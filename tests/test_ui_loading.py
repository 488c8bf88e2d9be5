"""Large plans and CSV files are read on a worker thread, with progress and Cancel in the
status bar, while the window stays usable (hardening D9)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from planner.core.plan import Plan
from planner.errors import Cancelled
from planner.storage import planfile
from planner.storage.csvio import export_csv
from planner.storage.planfile import load_plan, read_plan, save_plan
from planner.storage.sample import sample_plan
from tests.support.gui import QT_LOG_IGNORE, START
from tests.support.tinydata import tiny_catalog
from tests.test_bad_inputs import MANIFEST, unpack
from ui import dialogs
from ui.window import loading

pytestmark = QT_LOG_IGNORE


@pytest.fixture
def every_file_is_large(monkeypatch):
    monkeypatch.setattr(loading, "BACKGROUND_BYTES", 0)


@pytest.fixture
def week(tmp_path, catalog) -> Path:
    path = tmp_path / "week.gutplan"
    save_plan(sample_plan(START, catalog), path)
    return path


class SlowReader:
    """Stands in for read_plan: says it is half way, then waits until it is cancelled or
    released. Called without ``cancel`` it fails: that is a read on the GUI thread."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.threads: list[str] = []

    def __call__(self, path, cancel=None, progress=None):
        if cancel is None:
            raise AssertionError("the file was read on the GUI thread, without Cancel")
        self.threads.append(threading.current_thread().name)
        progress(0.5)
        deadline = time.monotonic() + 10  # a hang guard
        while not cancel.is_set() and not self.release.is_set():
            if time.monotonic() > deadline:
                raise AssertionError("never cancelled")
            time.sleep(0.005)
        if cancel.is_set():
            raise Cancelled("Opening was cancelled.")
        return read_plan(path)[0], 1  # the real reader (the patched one is this)


def test_a_large_plan_opens_on_a_worker(window, qtbot, week, every_file_is_large):
    before = window.document.plan
    assert window.load_file(week)
    assert window.document.plan is before and window.files.loading  # not yet
    progress = window.files._progress
    assert progress is not None and not progress.progress.isHidden()
    qtbot.waitUntil(lambda: window.document.path == week, timeout=5000)
    assert window.document.plan.snapshot() == load_plan(week).snapshot()
    assert not window.files.loading and progress.progress.isHidden()
    assert not window.document.modified


def test_a_load_can_be_cancelled_and_the_window_stays_usable(
    window, qtbot, week, every_file_is_large, monkeypatch
):
    reader = SlowReader()
    monkeypatch.setattr(planfile, "read_plan", reader)
    before = window.document.plan.snapshot()
    assert window.load_file(week)
    progress = window.files._progress
    qtbot.waitUntil(lambda: progress.progress.value() == 500, timeout=5000)
    ticks = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=3000)  # the event loop runs meanwhile
    timer.stop()
    window.grid.set_current(0, "lunch")
    assert not window.load_file(week)  # one read at a time
    qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.files.loading, timeout=5000)
    assert reader.threads and reader.threads[0] != threading.main_thread().name
    assert window.document.plan.snapshot() == before and window.document.path is None
    assert window.statusBar().currentMessage().startswith("Cancelled")
    assert progress.cancel_button.isHidden()


def test_edits_made_while_a_plan_is_read_are_asked_about(
    window, qtbot, week, every_file_is_large, monkeypatch
):
    reader = SlowReader()
    monkeypatch.setattr(planfile, "read_plan", reader)
    asked = []
    monkeypatch.setattr(dialogs.UnsavedChanges, "ask", classmethod(
        lambda cls, parent, name: asked.append(name) or dialogs.UnsavedChanges.CANCEL))  # fmt: skip
    assert window.load_file(week)
    window.grid.set_current(0, "lunch")
    assert window.add_food("kefir")  # the window is usable while the file is read
    reader.release.set()
    qtbot.waitUntil(lambda: not window.files.loading, timeout=5000)
    assert asked == ["Untitled"]
    assert window.document.path is None and window.document.modified  # the edit is kept


def test_a_damaged_large_file_is_one_message(window, qtbot, tmp_path, every_file_is_large,
                                             monkeypatch):  # fmt: skip
    shown = []

    def record(cls, parent, action: str, path: Path, text: str) -> None:
        shown.append((action, path.name, text))

    monkeypatch.setattr(dialogs.Messages, "file_error", classmethod(record))
    bad = tmp_path / "bad.gutplan"
    bad.write_text('{"format": "gutskin-plan", "version": 1, "start": ', encoding="utf-8")
    before = window.document.plan.snapshot()
    assert window.load_file(bad)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown[0][:2] == ("Could not open the plan", "bad.gutplan")
    assert window.document.plan.snapshot() == before


def test_a_large_csv_is_imported_on_a_worker(window, qtbot, tmp_path, catalog,
                                            every_file_is_large, monkeypatch):  # fmt: skip
    path = tmp_path / "week.csv"
    export_csv(sample_plan(START, catalog), catalog, path)
    monkeypatch.setattr(dialogs.FileDialogs, "open_csv", classmethod(lambda c, p, f: path))
    window.import_csv_file()
    assert window.files.loading and window.files._progress.progress.maximum() == 0  # busy
    assert not window.window_actions.my_foods.isEnabled()
    qtbot.waitUntil(lambda: not window.files.loading, timeout=10000)
    assert window.document.title == "week (imported)"
    assert window.document.plan.entry_count() == sample_plan(START, catalog).entry_count()
    assert window.window_actions.my_foods.isEnabled()


def test_a_small_plan_still_opens_at_once(window, week):
    assert window.load_file(week) and window.document.path == week
    assert not window.files.loading
    assert isinstance(window.document.plan, Plan)


LARGE = [(kind, stored) for kind in ("plans", "csv") for stored in MANIFEST[kind]
         if stored.endswith(".gz")]  # fmt: skip


@pytest.mark.parametrize(("kind", "stored"), LARGE, ids=[s for _, s in LARGE])
def test_the_large_files_of_the_corpus_are_read_on_a_worker(
    make_window, qtbot, tmp_path, monkeypatch, every_file_is_large, kind, stored
):
    """The corpus's large files (tests/data/bad/, stored gzipped, around 1 MB and more)
    through the worker: the same one message as when read at once, and the plan stays."""
    path = unpack(kind, stored, tmp_path)
    window = make_window(cat=tiny_catalog())
    shown = []

    def record(cls, parent, action: str, where: Path, text: str) -> None:
        shown.append(text)

    monkeypatch.setattr(dialogs.Messages, "file_error", classmethod(record))
    monkeypatch.setattr(dialogs.FileDialogs, "open_csv", classmethod(lambda c, p, f: path))
    before = window.document.plan.snapshot()
    if kind == "plans":
        assert window.load_file(path)
    else:
        window.import_csv_file()
    assert window.files.loading
    qtbot.waitUntil(lambda: not window.files.loading, timeout=30000)
    spec = MANIFEST[kind][stored]
    assert shown == [spec["error"]]
    assert window.document.plan.snapshot() == before
