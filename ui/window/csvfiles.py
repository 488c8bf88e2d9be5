"""File > Import CSV… and Export CSV…: a plan read from or written to a CSV file
(planner.storage.csvio, imported when first used). A large file is imported on a worker
with the status bar's progress and Cancel (ui.window.loading).

A part of FileController (ui.window.files).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from planner.core.plan import Plan
from planner.errors import PlannerError
from planner.i18n import _, ngettext

from . import loading as reading

if TYPE_CHECKING:
    from ui.settings import Settings


class CsvPart(reading.LoadPart):
    """FileController gives the settings and the questions; LoadPart the worker."""

    _settings: Settings

    if TYPE_CHECKING:

        def folder(self) -> Path: ...

        def stem(self) -> str: ...

    def import_csv_file(self) -> None:
        from planner.storage.csvio import import_csv
        from ui.dialogs import FileDialogs, Messages

        if not self.maybe_save():
            return
        path = FileDialogs.open_csv(self._window, self.folder())
        if path is None:
            return
        if self.loading:
            self._status(_("Another file is being read; wait for it or cancel it first."))
            return
        catalog = self._window.catalog
        if reading.file_size(path) > reading.BACKGROUND_BYTES:
            revision = self._doc.revision

            def read(cancel: threading.Event, _progress: Callable[[float], None]) -> object:
                return import_csv(path, catalog, cancel=cancel)

            def finish(result: object, error: str | None) -> None:
                if error is not None:
                    Messages.file_error(
                        self._window, _("Could not import the CSV file"), path, error
                    )
                elif self._still_wanted(revision):
                    self._imported(path, cast(Plan, result))

            # The CSV reader does not say how far it is: the bar shows it is busy.
            self._start_load(_("Importing {file}…").format(file=path.name), read, finish, busy=True)
            return
        try:
            plan = import_csv(path, catalog)
        except PlannerError as exc:
            Messages.file_error(self._window, _("Could not import the CSV file"), path, str(exc))
            return
        self._imported(path, plan)

    def _imported(self, path: Path, plan: Plan) -> None:
        self._settings.last_folder = path.parent
        self._doc.replace(
            plan, None, title=_("{name} (imported)").format(name=path.stem), unsaved=True
        )
        count = plan.entry_count()
        self._status(
            ngettext(
                "Imported {count} food from {file}", "Imported {count} foods from {file}", count
            ).format(count=count, file=path.name)
        )

    def export_csv_file(self) -> None:
        from planner.storage.csvio import export_csv
        from ui.dialogs import FileDialogs, Messages

        path = FileDialogs.save_csv(self._window, self.folder() / f"{self.stem()}.csv")
        if path is None or self._export_refused(_("Could not export the CSV file"), path):
            return
        try:
            export_csv(self._doc.plan, self._window.catalog, path)
        except PlannerError as exc:
            Messages.file_error(self._window, _("Could not export the CSV file"), path, str(exc))
            return
        self._settings.last_folder = path.parent
        self._status(_("Exported {path}").format(path=path))
