"""Reading a large file on a worker thread: a plan opened or a CSV file imported (LoadPart,
a part of FileController in ui.window.files). The window stays usable; the status bar
shows how far the read has come and a Cancel button that stops it (planner.storage's
readers take ``cancel`` and raise Cancelled).

Files up to ``BACKGROUND_BYTES`` are read on the GUI thread as before: a plan of a year
(14,560 foods, 1.3 MB) reads in about 0.1 s, so only larger files, which the size limits
still allow (50 MB plans, 20 MB CSV), go to a worker.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QProgressBar, QPushButton, QStatusBar

from planner.i18n import _
from ui.jobs import Job

from .controller import Controller

if TYPE_CHECKING:
    from ui.document import PlanDocument

    from .mainwindow import MainWindow

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
        return _("The file could not be read ({kind}: {problem}).").format(
            kind=type(exc).__name__, problem=exc
        )


class LoadProgress:
    """The status bar's progress bar and Cancel button for the running load."""

    def __init__(self, bar: QStatusBar) -> None:
        self.progress = QProgressBar(bar)
        self.progress.setMaximumWidth(180)
        self.progress.setAccessibleName(_("Progress of the file being read"))
        self.cancel_button = QPushButton(_("Cancel"), bar)
        self.cancel_button.setToolTip(_("Stop reading the file; the open plan stays as it is"))
        self.cancel_button.setAccessibleName(_("Cancel reading the file"))
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


class LoadPart(Controller):
    """One file read on a worker at a time, with the status bar's progress and Cancel;
    FileController gives ``_doc``, ``maybe_save`` and ``_status``."""

    _doc: PlanDocument

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._load: LoadJob | None = None  # a file being read on a worker
        self._finish: Callable[[object, str | None], None] | None = None
        self._progress: LoadProgress | None = None  # made at the first such read

    if TYPE_CHECKING:

        def maybe_save(self) -> bool: ...

        def _status(self, text: str, ms: int = 5000) -> None: ...

    @property
    def loading(self) -> bool:
        return self._load is not None

    def _start_load(
        self,
        message: str,
        work: Work,
        finish: Callable[[object, str | None], None],
        *,
        busy: bool,
    ) -> None:
        window = self._window
        job = LoadJob(work)
        if self._progress is None:
            self._progress = LoadProgress(window.statusBar())
            self._progress.cancel_button.clicked.connect(self.cancel_load)
        job.progressed.connect(self._progress.progress.setValue)
        self._finish = finish
        job.done.connect(self._load_done)
        self._load = job
        self._progress.show(busy)
        self._worker_started(message)
        job.start()

    def cancel_load(self) -> None:
        """Stop the file being read; the open plan stays as it is."""
        if self._load is not None:
            self._load.cancel.set()
            self._status(_("Cancelling…"))

    def _load_done(self, result: object, error: str | None, cancelled: bool) -> None:
        finish, self._finish, self._load = self._finish, None, None
        if self._progress is not None:
            self._progress.hide()
        self._worker_ended()
        if cancelled:
            self._status(_("Cancelled; the plan you had open is as it was."))
        elif finish is not None:
            finish(result, error)

    def _still_wanted(self, revision: int) -> bool:
        """After a read on a worker: True if the plan read may replace the open one. The
        user was asked about unsaved changes before the read; if they edited meanwhile,
        they are asked again."""
        if self._doc.revision == revision:
            return True
        return self.maybe_save()
