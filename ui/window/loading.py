"""Reading a large file on a worker thread: a plan opened or a CSV file imported. The
window stays usable; the status bar shows how far the read has come and a Cancel button
that stops it (planner.storage's readers take ``cancel`` and raise Cancelled).

Files up to ``BACKGROUND_BYTES`` are read on the GUI thread as before: a plan of a year
(14,560 foods, 1.3 MB) reads in about 0.1 s, so only larger files, which the size limits
still allow (50 MB plans, 20 MB CSV), go to a worker.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeAlias

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QProgressBar, QPushButton, QStatusBar

from ui.jobs import Job

BACKGROUND_BYTES = 1 << 20

Work: TypeAlias = Callable[[threading.Event, Callable[[float], None]], Any]


class LoadJob(Job):
    """Runs ``work(cancel, progress)`` on a pool thread (ui.jobs.Job); ``progressed``
    carries how far it has come, in per mille."""

    progressed = Signal(int)  # at most a thousand times a load

    def __init__(self, work: Work) -> None:
        super().__init__()
        self._work = work
        self._last = -1

    def _progress(self, fraction: float) -> None:
        step = max(0, min(1000, int(fraction * 1000)))
        if step != self._last:
            self._last = step
            self.progressed.emit(step)

    def work(self) -> object:
        return self._work(self.cancel, self._progress)

    def failed(self, exc: Exception) -> str:
        return f"The file could not be read ({type(exc).__name__}: {exc})."


class LoadProgress:
    """The status bar's progress bar and Cancel button for the running load."""

    def __init__(self, bar: QStatusBar) -> None:
        self.progress = QProgressBar(bar)
        self.progress.setMaximumWidth(180)
        self.progress.setAccessibleName("Progress of the file being read")
        self.cancel_button = QPushButton("Cancel", bar)
        self.cancel_button.setToolTip("Stop reading the file; the open plan stays as it is")
        self.cancel_button.setAccessibleName("Cancel reading the file")
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self.hide()

    def show(self, busy: bool) -> None:
        """Show the bar; ``busy`` for a reader that does not say how far it is."""
        self.progress.setRange(0, 0 if busy else 1000)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def hide(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()


def file_size(path: Path) -> int:
    """The file's size, or 0 where it cannot be told (the reader then says what is wrong)."""
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):
        return 0
