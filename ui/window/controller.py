"""The base of the window's controllers."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from .mainwindow import MainWindow


class Controller(QObject):
    """One part of the main window's work, made by the window as its child.

    It reaches the window through parent(), not a reference of its own: the window holds
    its controllers, and were they to hold it back, the window would live on in a
    reference cycle until Python's collector ran, and with it Qt widgets that still paint
    and ask their models for data while their Python state is being torn down.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)

    @property
    def _window(self) -> MainWindow:
        return cast("MainWindow", self.parent())

    def _make_action(
        self, text: str, slot: Callable[[], object], tip: str, key: str = ""
    ) -> QAction:
        """An action of the window (so its shortcut works wherever the focus is) with its
        tip in the status bar and as a tooltip."""
        window = self._window
        action = QAction(text, window)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        window.addAction(action)
        return action

    # -- jobs on a worker (ui.jobs) ------------------------------------------------------------
    def _worker_started(self, message: str, *actions: QAction) -> None:
        """A job that reads the catalog has started: ``actions`` and My Foods wait for it,
        and the status bar says what it does."""
        window = self._window
        for action in actions:
            action.setEnabled(False)
        window.window_actions.my_foods.setEnabled(False)  # the worker reads the catalog
        window.statusBar().showMessage(message)

    def _worker_ended(self, *actions: QAction) -> None:
        """The job has ended: what _worker_started turned off is back."""
        window = self._window
        for action in actions:
            action.setEnabled(True)
        window.window_actions.my_foods.setEnabled(not window.user_foods_error)
        window.statusBar().clearMessage()

    def _export_refused(self, title: str, path: Path) -> bool:
        """True, after saying why under ``title``, when an export must not be written to
        ``path``: the open plan's own file or another plan file
        (planner.storage.files.export_replaces_plan)."""
        from planner.storage.files import export_replaces_plan

        window = self._window
        problem = export_replaces_plan(path, window.document.path)
        if problem:
            from ui.dialogs import Messages

            Messages.error(window, title, problem)
        return bool(problem)

    def _file_written(self, title: str, path: Path, error: str | None) -> bool:
        """After a job that writes ``path``: its error told under ``title`` ("Could not
        export the PDF": one message each, as word order differs between languages),
        or its folder remembered for the next file chooser. True if it was written."""
        window = self._window
        if error:
            from ui.dialogs import Messages

            Messages.file_error(window, title, path, error)
            return False
        window.settings.last_folder = path.parent
        return True
