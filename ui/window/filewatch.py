"""The plan's file and other programs: a watcher that says at once when the file changed
on disk or became a link, and the question before a save over such a change (overwrite,
save as or reload; see PlanDocument.conflict).

A part of FileController (ui.window.files).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher

from planner.i18n import _
from ui.document import Conflict

from .controller import Controller

if TYPE_CHECKING:
    from pathlib import Path

    from ui.document import PlanDocument

    from .mainwindow import MainWindow


class WatchPart(Controller):
    """FileController gives ``_doc``, ``save_as``, ``load_file`` and ``_status``."""

    _doc: PlanDocument

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        # Warns early that the plan's file changed on disk (made when a file is first open).
        self._watcher: QFileSystemWatcher | None = None

    if TYPE_CHECKING:

        def save_as(self) -> bool: ...

        def load_file(self, path: Path) -> bool: ...

        def _status(self, text: str, ms: int = 5000) -> None: ...

    def watch_file(self) -> None:
        """Watch the plan's file, so that a change by another program is told at once
        rather than only when saving (the check before a save does not depend on it)."""
        path = self._doc.path
        if self._watcher is None:
            if path is None:
                return
            self._watcher = QFileSystemWatcher(self)
            self._watcher.fileChanged.connect(self._file_changed)
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        if path is not None:
            self._watcher.addPath(str(path))

    def _file_changed(self, name: str) -> None:
        path = self._doc.path
        if path is None or str(path) != name or self._watcher is None:
            return
        # A save by rename (this app's, and most editors') replaces the file watched, and
        # the watcher drops it: watch the new one.
        if name not in self._watcher.files() and os.path.lexists(path):
            self._watcher.addPath(name)
        kind = self._doc.conflict(path)
        if kind == Conflict.CHANGED:
            self._status(
                _(
                    "{file} was changed on disk by another program or window; saving will "
                    "ask whether to overwrite it."
                ).format(file=path.name),
                30000,
            )
        elif kind == Conflict.LINKED:
            self._status(
                _("{file} has become a link to another file; Save will not write there.").format(
                    file=path.name
                ),
                30000,
            )

    def _resolve_conflict(self, path: Path) -> bool | None:
        """None if the plan may be written to ``path`` now. Otherwise the user was asked
        whether to overwrite, save as or reload (see PlanDocument.conflict), and what they
        chose was done: the result is whether the plan ended up saved."""
        from ui.dialogs import ConflictDialog

        kind = self._doc.conflict(path)
        if not kind:
            return None
        if kind == Conflict.LINKED:
            reason = _(
                "{file} has become a link to another file since the plan was opened. "
                "Saving would write into that file, so the plan was not saved."
            ).format(file=path.name)
        else:
            reason = _(
                "{file} was changed by another program or window since you opened "
                "or last saved it here."
            ).format(file=path.name)
        linked = kind == Conflict.LINKED
        answer = ConflictDialog.ask(self._window, path, reason, can_overwrite=not linked)
        if answer == ConflictDialog.OVERWRITE and not linked:
            return None
        if answer == ConflictDialog.SAVE_AS:
            return self.save_as()
        if answer == ConflictDialog.RELOAD and not linked:
            self.load_file(path)  # the other version; the changes here are dropped
        return False
