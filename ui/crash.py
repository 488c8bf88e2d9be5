"""What the app does with an error it did not expect: never a bare traceback.

``CrashHandler`` replaces sys.excepthook and threading.excepthook. For an exception it
writes a recovery copy of an unsaved plan first, then the details to a log file in the
data folder (planner.storage.crashlog), then shows a dialog saying what happened and where the
details are, and the app keeps running. PySide passes exceptions raised in slots, event
handlers and worker threads (QRunnable) to sys.excepthook and carries on, so the app does
too; an exception on a worker thread is reported on the GUI thread.
"""

from __future__ import annotations

import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from planner.i18n import _
from planner.storage.crashlog import CrashLog, summary

if TYPE_CHECKING:
    from .window.mainwindow import MainWindow

MAX_DIALOGS = 3  # an error that repeats (say in a paint event) is logged, not shown again


class CrashHandler(QObject):
    """Installed by ui.app.run for the life of the app; ``handle`` does the work."""

    _reported = Signal(str, str, object)  # what, details, log path: to the GUI thread

    def __init__(self, window: MainWindow | None = None, log: CrashLog | None = None) -> None:
        super().__init__()
        self.window = window
        self.log = log or CrashLog()
        self._shown: dict[str, int] = {}
        self._showing = False
        self._previous = (sys.excepthook, threading.excepthook)
        self._reported.connect(self._report)

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous[0](exc_type, exc, tb)
            return
        self.handle(exc_type, exc, tb, threading.current_thread().name)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        thread = args.thread.name if args.thread else "a thread"
        self.handle(args.exc_type, args.exc_value, args.exc_traceback, thread)

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        thread: str = "MainThread",
    ) -> None:
        """Log the error, then (on the GUI thread) keep the plan and tell the user."""
        try:
            log = self.log.write(exc_type, exc, tb, thread=thread, versions=_versions())
            details = "".join(traceback.format_exception(exc_type, exc, tb))
            what = summary(exc)
            # Widgets and the plan belong to the GUI thread: a worker's error goes there.
            if threading.current_thread() is threading.main_thread():
                self._report(what, details, log)
            else:
                self._reported.emit(what, details, log)
        except Exception:  # the handler itself must never raise: fall back to stderr
            self._previous[0](exc_type, exc, tb)

    def _report(self, what: str, details: str, log: Path | None) -> None:
        kept = self._keep_plan()
        site = details.strip().splitlines()[-1] if details.strip() else what
        self._shown[site] = self._shown.get(site, 0) + 1
        if self._showing or self._shown[site] > MAX_DIALOGS:
            return
        # Imported here: the dialogs module is not needed until something goes wrong, and
        # the handler is installed before the window shows.
        from .dialogs import CrashDialog

        self._showing = True
        try:
            answer = CrashDialog.ask(self.window, what, kept, log, details)
        finally:
            self._showing = False
        if answer == CrashDialog.QUIT and self.window is not None:
            self.window.close()  # asks about unsaved changes as usual

    def _keep_plan(self) -> str:
        """Write the recovery copy first; returns a sentence saying what was kept."""
        window = self.window
        if window is None or not window.document.modified:
            return _("No unsaved changes were lost.")
        try:
            written = window.autosave()
        except Exception:  # the window may be what is broken
            written = False
        if written or window.autosaver.current is not None:
            return _("Your unsaved plan was kept as a recovery copy.")
        return _("No recovery copy of your unsaved plan could be written: save it now.")


def _versions() -> str:
    try:
        import PySide6

        return f"PySide6 {PySide6.__version__}"
    except Exception:
        return ""
