"""The Journal menu: the daily check-in, the trends window, and the report for a doctor
(also in the File menu), written on a worker thread.

The window holds one JournalStore, made and opened only when first used (never at
start-up: sqlite3, ui.journal and pandas load then). A damaged database is moved aside by
the store, which says so in its ``notices``; they are shown once, by whoever opens it first.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar

from planner.core.foods import Catalog
from planner.core.plan import Plan
from planner.errors import PlannerError
from planner.i18n import N_, _, ngettext
from ui.jobs import Job

from .controller import Controller

if TYPE_CHECKING:
    from planner.journal.store import JournalStore
    from ui.journal.report import ReportOptions
    from ui.journal.trends import TrendsWindow

    from .mainwindow import MainWindow


class ReportJob(Job):
    """Writes the journal report on a pool thread (ui.jobs.Job); its result is how many
    check-ins it holds."""

    failure = N_("The journal report could not be written")

    def __init__(
        self,
        store: JournalStore,
        options: ReportOptions,
        scores: dict[date, dict[str, float | None]],
        plan: Plan,
        catalog: Catalog,
    ) -> None:
        super().__init__()
        self._store, self._options, self._scores = store, options, scores
        self._plan, self._catalog = plan, catalog
        self.path = options.path

    def work(self) -> int:
        from planner.export.journal_report import export_journal_report

        opts = self._options
        checkins = self._store.between(opts.first, opts.last)
        plan = self._plan
        last_day = plan.date_of(plan.day_count - 1)
        # The open plan is printed when its dates meet the report's span.
        meets = plan.start <= opts.last and last_day >= opts.first
        plans = [(plan.start, plan)] if meets else []
        export_journal_report(
            opts.path,
            checkins,
            opts.first,
            opts.last,
            scores=self._scores,
            plans=plans,
            food_name=self._catalog.name_of,
        )
        return len(checkins)


class JournalController(Controller):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._store: JournalStore | None = None
        self._report_job: ReportJob | None = None
        self.trends_window: TrendsWindow | None = None

        make = self._make_action
        self.check_in_action = make(
            _("&Check In…"), self.check_in, _("How your skin and gut are today"), "Ctrl+J"
        )
        self.trends_action = make(
            _("&Trends"), self.show_trends, _("Your check-ins over time, against the day scores")
        )
        self.report_action = make(
            _("Export &Journal Report…"),  # File > Open &Recent has R
            self.export_report,
            _("A PDF of your check-ins and trends for a doctor or dermatologist"),
        )

    def actions(self) -> list[QAction]:
        """The Journal menu's actions (for Help > Keyboard Shortcuts)."""
        return [self.check_in_action, self.trends_action, self.report_action]

    def add_menus(self, bar: QMenuBar) -> None:
        """The Journal menu before the last menu (Help), and the report in the File menu
        after the other exports."""
        window = self._window
        menus = [a for a in bar.actions() if a.menu() is not None]
        menu = QMenu(_("&Journal"), window)
        menu.addActions([self.check_in_action, self.trends_action])
        menu.addSeparator()
        menu.addAction(self.report_action)
        self.menu = menu
        if not menus:
            bar.addMenu(menu)
            return
        bar.insertMenu(menus[-1], menu)
        file_menu = menus[0].menu()
        assert isinstance(file_menu, QMenu)
        entries = file_menu.actions()
        exports = [window.window_actions.pdf, window.plan_weeks.export_calendar]
        last = max((entries.index(a) for a in exports if a in entries), default=len(entries) - 1)
        if last + 1 < len(entries):
            file_menu.insertAction(entries[last + 1], self.report_action)
        else:
            file_menu.addAction(self.report_action)

    # -- the store -----------------------------------------------------------------------------
    def store(self) -> JournalStore | None:
        """The journal, opened on first use; None (after a message) when it cannot be."""
        from planner.journal.store import JournalStore
        from ui.dialogs import Messages

        if self._store is None:
            self._store = JournalStore()
        try:
            self._store.open()
        except PlannerError as exc:
            Messages.error(self._window, _("The journal could not be opened"), str(exc))
            return None
        self.show_notices()
        return self._store

    def show_notices(self) -> None:
        """What the store had to tell (a damaged journal moved aside), once."""
        from ui.dialogs import Messages

        store = self._store
        if store is not None and store.notices:
            notices, store.notices[:] = list(store.notices), []
            Messages.error(self._window, _("Journal"), "\n\n".join(notices))

    def close(self) -> None:
        if self.trends_window is not None:
            self.trends_window.close()
        if self._store is not None:
            self._store.close()

    def scores(self) -> dict[date, dict[str, float | None]]:
        """The day scores of the open plan, by date, as the analysis takes them."""
        from planner.journal.analysis import scores_mapping

        return scores_mapping(self._window.scores.day_scores.values())

    # -- the check-in --------------------------------------------------------------------------
    def check_in(self) -> bool:
        """Today's check-in (any past day can be picked in it); True when it was saved."""
        from ui.journal.checkin import CheckInDialog

        store = self.store()
        if store is None:
            return False
        if not CheckInDialog.ask(self._window, store):
            return False
        self._window.statusBar().showMessage(_("Check-in saved."), 5000)
        if self.trends_window is not None and self.trends_window.isVisible():
            self.trends_window.reload()
        return True

    # -- trends --------------------------------------------------------------------------------
    def show_trends(self) -> TrendsWindow | None:
        from ui.journal.trends import TrendsWindow

        store = self.store()
        if store is None:
            return None
        if self.trends_window is None:
            self.trends_window = TrendsWindow(store, self.scores(), self._window)
        else:
            self.trends_window.set_scores(self.scores())
        self.trends_window.show()
        self.trends_window.raise_()
        self.trends_window.activateWindow()
        return self.trends_window

    # -- the report ----------------------------------------------------------------------------
    @property
    def report_running(self) -> bool:
        return self._report_job is not None

    def export_report(self) -> bool:
        """Ask for the span and the file, then write the report on a worker."""
        from ui.journal.report import ReportDialog

        if self._report_job is not None:
            return False
        files = self._window.files
        options = ReportDialog.ask(self._window, files.folder() / "journal-report.pdf")
        if options is None:
            return False
        return self.start_report(options)

    def start_report(self, options: ReportOptions) -> bool:
        window = self._window
        if self._export_refused(_("Could not export the journal report"), options.path):
            return False
        store = self.store()
        if store is None:
            return False
        job = ReportJob(store, options, self.scores(), window.document.plan.copy(), window.catalog)
        job.done.connect(self._report_done)
        self._report_job = job
        # The worker reads food names: My Foods waits for it.
        self._worker_started(
            _("Writing {file}…").format(file=options.path.name), self.report_action
        )
        job.start()
        return True

    def _report_done(self, count: int | None, error: str | None, _cancelled: bool) -> None:
        from ui.dialogs import Messages

        job, self._report_job = self._report_job, None
        self._worker_ended(self.report_action)
        if job is None or not self._file_written(
            _("Could not export the journal report"), job.path, error
        ):
            return
        n = count or 0
        Messages.done_with_open(
            self._window,
            _("Journal report exported"),
            ngettext(
                "The report of {count} check-in was saved as {path}.",
                "The report of {count} check-ins was saved as {path}.",
                n,
            ).format(count=n, path=job.path),
            job.path,
        )
