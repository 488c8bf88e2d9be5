"""Reading a file of recipes on a worker thread, with a progress bar and Cancel.

``ImportProgress.run(parent, path, catalog)`` returns ``(result, message)``: the import's
result (None if it failed or was cancelled) and a sentence for the user ("" when it went
well or was cancelled). The job touches no widget; it reports through signals, which Qt
delivers on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QLocale, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from planner.core.foods import Catalog
from planner.i18n import _
from planner.recipes.importing import ImportResult, import_file
from ui.jobs import Job


class ImportJob(Job):
    """Imports one file on a pool thread (ui.jobs.Job); ``progressed`` carries (recipes
    done, in all)."""

    progressed = Signal(int, int)

    def __init__(self, path: Path, catalog: Catalog) -> None:
        super().__init__()
        self._path, self._catalog = path, catalog

    def work(self) -> ImportResult:
        return import_file(
            self._path, self._catalog, progress=self.progressed.emit, cancel=self.cancel
        )

    def failed(self, exc: Exception) -> str:
        return _("{file}: could not be imported ({problem}).").format(
            file=self._path.name, problem=exc
        )


class ImportProgress(QProgressDialog):
    """A modal progress bar over the import; Cancel stops it between recipes."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(_("Reading {file}…").format(file=path.name), _("Cancel"), 0, 0, parent)
        self.setWindowTitle(_("Import Recipes"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)  # a small file is done before the bar would show
        self.setAutoClose(False)
        self.setAutoReset(False)

    def show_progress(self, done: int, total: int) -> None:
        self.setMaximum(total)
        self.setValue(done)
        locale = QLocale()
        self.setLabelText(
            _("Matching ingredients: recipe {done} of {total}").format(
                done=locale.toString(done), total=locale.toString(total)
            )
        )

    @classmethod
    def run(
        cls, parent: QWidget | None, path: Path, catalog: Catalog
    ) -> tuple[ImportResult | None, str]:
        dialog = cls(path, parent)
        job = ImportJob(path, catalog)
        outcome: list[tuple[ImportResult | None, str]] = []
        loop = QEventLoop()

        def finished(result: ImportResult | None, error: str | None, cancelled: bool) -> None:
            outcome.append((None if cancelled else result, "" if cancelled else error or ""))
            loop.quit()

        job.progressed.connect(dialog.show_progress)
        job.done.connect(finished)
        dialog.canceled.connect(job.cancel.set)
        job.start()
        if not outcome:
            loop.exec()
        dialog.close()
        dialog.deleteLater()
        return outcome[0]
