"""Work on a pool thread that reports back to the GUI thread: the base of the window's
jobs (reading a large file, the PDF, the calendar, the journal report, a recipe import).

A job touches no widget. ``run`` calls ``work`` on a QThreadPool thread and always ends
with ``done(result, error, cancelled)``, which Qt delivers on the GUI thread: the result
(None after a failure or Cancel), a one-line message for the user or None, and whether
``cancel`` stopped it (planner's long tasks raise planner.errors.Cancelled). The owner
keeps a reference to the job while it runs: the pool holds only the callable.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThreadPool, Signal

from planner.errors import Cancelled, PlannerError
from planner.i18n import N_, _


class Job(QObject):
    """One piece of work; subclasses give ``work`` and the words of an unexpected failure."""

    done = Signal(object, object, bool)
    failure = N_("The work could not be done")  # subclasses mark theirs with N_()

    def __init__(self) -> None:
        super().__init__()
        self.cancel = threading.Event()

    def work(self) -> object:
        """The work itself, on the pool thread; its result goes out with ``done``."""
        raise NotImplementedError

    def failed(self, exc: Exception) -> str:
        """The message for an exception that is not a PlannerError."""
        # Translators: {failure} says what could not be done, {reason} the error.
        return _("{failure} ({reason}).").format(failure=_(self.failure), reason=exc)

    def run(self) -> None:
        result: object = None
        error: str | None = None
        cancelled = False
        try:
            result = self.work()
        except Cancelled:
            cancelled = True
        except PlannerError as exc:
            error = str(exc)
        except Exception as exc:  # an unexpected failure still ends as a message
            error = self.failed(exc)
        self.done.emit(result, error, cancelled)

    def start(self) -> None:
        QThreadPool.globalInstance().start(self.run)
