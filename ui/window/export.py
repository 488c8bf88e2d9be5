"""PDF export: the options dialog, then the PDF written on a worker thread from a copy of
the plan while the window stays usable, with its progress in the status bar and a Cancel
button there that stops it (planner.export.pdf raises planner.errors.Cancelled)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QPushButton

from planner.core.foods import Catalog
from planner.core.plan import Plan
from planner.i18n import N_, _
from planner.scoring.model import Preferences
from ui.jobs import Job

from .controller import Controller

if TYPE_CHECKING:
    from ui.dialogs import PdfOptions

    from .mainwindow import MainWindow


class PdfJob(Job):
    """Writes one PDF on a pool thread (ui.jobs.Job); its result is the path."""

    failure = N_("The PDF could not be written")

    def __init__(
        self,
        plan: Plan,
        catalog: Catalog,
        prefs: Preferences,
        options: PdfOptions,
        have: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__()
        self._plan, self._catalog, self._prefs, self._options = plan, catalog, prefs, options
        self._have = have  # the pantry: listed as "Already have", not to buy
        self.path = options.path

    def work(self) -> Path:
        from planner.export.pdf import export_pdf
        from planner.scoring.evaluator import Evaluator

        opts = self._options
        resolver = None
        if opts.recipes or any(entry.is_recipe for *_, entry in self._plan.entries()):
            # Dishes count by their ingredients: the starter recipes and the user's own.
            from planner.recipes.book import RecipeBook, open_own
            from planner.recipes.resolve import PlanResolver

            own, _message = open_own()  # a damaged file is set aside; the app says so
            resolver = PlanResolver(self._catalog, RecipeBook.load(self._catalog, own))
        export_pdf(
            self._plan,
            Evaluator(self._catalog, prefs=self._prefs, resolver=resolver),
            opts.path,
            paper=opts.paper,
            shopping=opts.shopping,
            notes=opts.notes,
            recipes=opts.recipes,
            weeks=opts.week_list(),
            have=self._have,
            **_cancel_argument(export_pdf, self.cancel),
        )
        return opts.path


def _cancel_argument(export_pdf: Callable[..., None], event: threading.Event) -> dict[str, Any]:
    """``{"cancel": event}`` where export_pdf takes it; {} for one that does not yet (the
    parameter is new in planner.export.pdf)."""
    import inspect

    try:
        takes = "cancel" in inspect.signature(export_pdf).parameters
    except (TypeError, ValueError):
        takes = False
    return {"cancel": event} if takes else {}


class ExportController(Controller):
    """One PDF export at a time. The job is referenced while it runs and dropped when it
    has finished: the pool holds the callable it runs until it returns."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._job: PdfJob | None = None
        self._cancel_button: QPushButton | None = None  # made at the first export

    @property
    def running(self) -> bool:
        return self._job is not None

    def export_pdf_file(self) -> None:
        from ui.dialogs import PdfOptionsDialog

        if self.running:
            return
        files = self._window.files
        options = PdfOptionsDialog.ask(
            self._window,
            files.folder() / f"{files.stem()}.pdf",
            weeks=self._window.document.plan.weeks,
        )
        if options is not None:
            self.start(options)

    def start(self, options: PdfOptions) -> None:
        """Write the PDF on a worker thread; the window stays usable meanwhile."""
        window = self._window
        if self._export_refused(_("Could not export the PDF"), options.path):
            return
        self._worker_started(
            _("Writing {file}…").format(file=options.path.name), window.window_actions.pdf
        )
        self.cancel_button().show()
        job = PdfJob(
            window.document.plan.copy(),
            window.catalog,
            window.scores.preferences,
            options,
            window.pantry.food_ids,
        )
        job.done.connect(self._done)
        self._job = job
        job.start()

    def cancel(self) -> None:
        """Ask the running export to stop; it ends without writing the file."""
        if self._job is not None:
            self._job.cancel.set()
            self._window.statusBar().showMessage(_("Cancelling the PDF export…"))

    def cancel_button(self) -> QPushButton:
        if self._cancel_button is None:
            button = QPushButton(_("Cancel"), self._window)
            button.setToolTip(_("Stop writing the PDF"))
            button.setAccessibleName(_("Cancel the PDF export"))
            button.clicked.connect(self.cancel)
            self._window.statusBar().addPermanentWidget(button)
            self._cancel_button = button
        return self._cancel_button

    def _done(self, _result: object, error: str | None, cancelled: bool) -> None:
        window = self._window
        job, self._job = self._job, None
        self.cancel_button().hide()
        self._worker_ended(window.window_actions.pdf)
        if cancelled:
            window.statusBar().showMessage(_("PDF export cancelled; no file was written."), 5000)
            return
        if job is not None and self._file_written(_("Could not export the PDF"), job.path, error):
            window.pdf_written(job.path)
