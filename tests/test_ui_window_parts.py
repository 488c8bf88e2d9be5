"""The main window and its controllers: a window that is dropped is freed at once, by
reference counting, not later by the cycle collector while Qt may still paint it."""

from __future__ import annotations

import gc
import weakref

from planner.core.plan import Plan
from planner.storage.userfoods import UserFoods
from tests.support.gui import QT_LOG_IGNORE, START

pytestmark = QT_LOG_IGNORE


def test_a_dropped_window_is_freed_without_the_cycle_collector(
    qapp, catalog, settings, no_dialogs, tmp_path
):
    from ui.window.mainwindow import MainWindow

    window = MainWindow(
        settings,
        catalog,
        Plan(START),
        user_foods=UserFoods(tmp_path / "my-foods.json"),
        background=False,
    )
    window.show()
    window.start_scoring()
    qapp.processEvents()
    assert window.files.parent() is window  # a controller reaches it through Qt
    freed = weakref.ref(window)
    gc.collect()
    gc.disable()
    try:
        del window
        assert freed() is None
    finally:
        gc.enable()
