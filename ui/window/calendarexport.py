"""File > Export Calendar…: the planned meals written as an .ics file on a worker thread
from a copy of the plan (planner.export.ical, imported only when the job runs).

A part of PlanWeeksController (ui.window.planweeks), which builds the action.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from planner.core.plan import Plan
from planner.i18n import N_, _, ngettext
from ui.jobs import Job

from .controller import Controller

if TYPE_CHECKING:
    from planner.core.foods import Catalog
    from ui.document import PlanDocument
    from ui.weeks.dialogs import CalendarOptions

    from .mainwindow import MainWindow


class CalendarJob(Job):
    """Writes one .ics file on a pool thread from a copy of the plan (ui.jobs.Job); its
    result is how many events were written. No Cancel: the longest plan (52 weeks of the
    sample week, 1,456 events) took 0.9 s on a busy 2-CPU machine, and the window stays
    usable meanwhile."""

    failure = N_("The calendar could not be written")

    def __init__(self, plan: Plan, catalog: Catalog, options: CalendarOptions, path: Path):
        super().__init__()
        self._plan, self._catalog, self._options, self.path = plan, catalog, options, path

    def work(self) -> int:
        from planner.core.shopping import weeks_days
        from planner.export.ical import export_ical

        opts, plan = self._options, self._plan
        days = None if opts.weeks is None else weeks_days(plan, opts.weeks)
        return export_ical(plan, self._catalog, self.path, times=opts.times, tz=opts.tz, days=days)


class CalendarPart(Controller):
    """One calendar export at a time; PlanWeeksController gives ``_doc``, the
    ``export_calendar`` action and ``_status``."""

    _doc: PlanDocument
    export_calendar: QAction

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._calendar_options: CalendarOptions | None = None
        self._calendar_job: CalendarJob | None = None

    if TYPE_CHECKING:

        def _status(self, text: str, ms: int = 8000) -> None: ...

    def export_calendar_file(self) -> bool:
        """Ask for meal times, zone and weeks, then the file; write it on a worker."""
        from ui.weeks.dialogs import CalendarFile, CalendarOptionsDialog

        if self._calendar_job is not None:
            return False
        window = self._window
        options = CalendarOptionsDialog.ask(window, self._doc.plan, self._calendar_options)
        if options is None:
            return False
        self._calendar_options = options
        files = window.files
        path = CalendarFile.ask(window, files.folder() / f"{files.stem()}.ics")
        if path is None:
            return False
        self.start_calendar(options, path)
        return True

    def start_calendar(self, options: CalendarOptions, path: Path) -> None:
        if self._export_refused(_("Could not export the calendar"), path):
            return
        window = self._window
        job = CalendarJob(self._doc.plan.copy(), window.catalog, options, path)
        job.done.connect(self._calendar_done)
        self._calendar_job = job
        self._worker_started(_("Writing {file}…").format(file=path.name), self.export_calendar)
        job.start()

    @property
    def calendar_running(self) -> bool:
        return self._calendar_job is not None

    def _calendar_done(self, count: int | None, error: str | None, _cancelled: bool) -> None:
        job, self._calendar_job = self._calendar_job, None
        self._worker_ended(self.export_calendar)
        if job is None or not self._file_written(
            _("Could not export the calendar"), job.path, error
        ):
            return
        n = count or 0
        self._status(
            ngettext(
                "Exported {count} meal to {path}.", "Exported {count} meals to {path}.", n
            ).format(count=n, path=job.path),
            10000,
        )
