"""Files: new, open (also from the recent files menu), save, a large file read on a
worker, and what the window opens with at start-up. Watching the file and the question
before saving over another program's change are in ui.window.filewatch; CSV import and
export in ui.window.csvfiles: parts of the one controller made here."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from planner.core.plan import Plan, week_start
from planner.errors import PlannerError
from planner.i18n import _, ngettext
from ui.document import FileIdentity
from ui.models.foods import literal_tip

from . import loading as reading
from .csvfiles import CsvPart
from .filewatch import WatchPart
from .startplan import open_start_plan

if TYPE_CHECKING:
    from .mainwindow import MainWindow


def locale_week_start() -> date:
    """This week's first day as the user's locale counts weeks (Sunday in the US, Monday
    in most of the world): where a new plan starts."""
    return week_start(first_weekday=QLocale().firstDayOfWeek().value - 1)


class FileController(WatchPart, CsvPart):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._doc = window.document
        self._settings = window.settings
        self.recent_menu: QMenu | None = None  # given by the window's menus: see set_recent_menu
        self._doc.planReplaced.connect(self.watch_file)

    def _status(self, text: str, ms: int = 5000) -> None:
        self._window.statusBar().showMessage(text, ms)

    # -- start-up ------------------------------------------------------------------------------
    def open_initial(self, file: Path | None) -> None:
        """What the app opens with: a plan to recover, the given file, the sample week on
        the first start, otherwise the empty plan the window was made with."""
        window = self._window
        first = self._settings.first_run
        self._settings.mark_started()
        if window.user_foods_notice:
            from ui.dialogs import Messages  # imported only here: the start does not wait for it

            Messages.error(window, _("Your foods file was damaged"), window.user_foods_notice)
            window.user_foods_notice = ""
        if window.recovery.offer_recovery():
            if file is not None:  # the restored plan comes first; the file is a click away
                self._settings.add_recent(Path(file))
            return
        if file is not None:
            self.load_file(file)
        elif first:
            self.new_sample_plan(ask=False)
        else:
            open_start_plan(self, self._settings)

    # -- new, open, save -----------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False means the user cancelled."""
        if not self._doc.modified:
            return True
        from ui.dialogs import UnsavedChanges

        answer = UnsavedChanges.ask(self._window, self._doc.title)
        if answer == UnsavedChanges.SAVE:
            return self.save()
        return answer == UnsavedChanges.DISCARD

    def new_plan(self) -> None:
        if self.maybe_save():
            self._doc.replace(Plan(locale_week_start()))

    def new_sample_plan(self, *, ask: bool = True) -> None:
        if ask and not self.maybe_save():
            return
        try:
            from planner.storage.sample import sample_plan
        except ImportError:
            self._doc.replace(Plan(locale_week_start()))
            return
        self._doc.replace(
            sample_plan(locale_week_start(), self._window.catalog), title=_("Sample week")
        )

    def open_plan(self) -> None:
        from ui.dialogs import FileDialogs

        if not self.maybe_save():
            return
        path = FileDialogs.open_plan(self._window, self.folder())
        if path is not None:
            self.load_file(path)

    def open_recent(self, path: Path) -> None:
        if self.maybe_save():
            self.load_file(path)

    def load_file(self, path: Path) -> bool:
        """Open a plan file; a damaged one is reported and the open plan stays as it is.

        A file larger than reading.BACKGROUND_BYTES is read on a worker, with progress and
        Cancel in the status bar: this returns True once that read has started, and the
        plan opens when it ends. A smaller one is read at once: True if it was opened.
        """
        # The plan file's reader, its upgrades and the rules a plan carries: loaded with
        # the first file opened, not at start.
        from planner.storage import planfile
        from ui.dialogs import Messages

        path = Path(path)
        if "\x00" in str(path):  # from a damaged settings file or a script: no such file
            Messages.file_error(
                self._window, _("Could not open the plan"), path, _("The file name holds a NUL.")
            )
            return False
        if self.loading:
            self._status(_("Another file is being read; wait for it or cancel it first."))
            return False
        disk = FileIdentity.of(path)  # before reading: a change after it is a conflict
        if reading.file_size(path) > reading.BACKGROUND_BYTES:
            revision = self._doc.revision

            def read(cancel: threading.Event, progress: Callable[[float], None]) -> object:
                return planfile.read_plan(path, cancel=cancel, progress=progress)

            def finish(result: object, error: str | None) -> None:
                if error is not None:
                    self._open_failed(path, error)
                elif self._still_wanted(revision):
                    plan, version = cast("tuple[Plan, int]", result)
                    self._opened(path, plan, version, disk)

            self._start_load(_("Opening {file}…").format(file=path.name), read, finish, busy=False)
            return True
        try:
            plan, version = planfile.read_plan(path)
        except PlannerError as exc:
            self._open_failed(path, str(exc))
            return False
        self._opened(path, plan, version, disk)
        return True

    def _open_failed(self, path: Path, error: str) -> None:
        from ui.dialogs import Messages

        if not path.exists():
            self._settings.remove_recent(path)
        Messages.file_error(self._window, _("Could not open the plan"), path, error)

    def _opened(self, path: Path, plan: Plan, version: int, disk: FileIdentity | None) -> None:
        from planner.storage import planfile

        self._doc.replace(plan, path, disk=disk)
        self.remember(path)
        catalog = self._window.catalog
        unknown = sorted(fid for fid in plan.food_ids() if fid not in catalog)
        if unknown:
            self._status(
                ngettext(
                    "{count} food in {file} is not in the catalog: {foods}",
                    "{count} foods in {file} are not in the catalog: {foods}",
                    len(unknown),
                ).format(
                    count=len(unknown),
                    file=path.name,
                    foods=", ".join(unknown[:3]) + ("…" if len(unknown) > 3 else ""),
                ),
                15000,
            )
        elif version < planfile.VERSION:
            self._status(
                _(
                    "Opened {file}, written by an older version of the app; saving it "
                    "writes the current format."
                ).format(file=path.name),
                15000,
            )
        else:
            self._status(_("Opened {file}").format(file=path.name))

    def save(self) -> bool:
        if self._doc.path is None:
            return self.save_as()
        return self.save_to(self._doc.path)

    def save_as(self) -> bool:
        from planner.storage.planfile import EXTENSION
        from ui.dialogs import FileDialogs

        suggested = self._doc.path or self.folder() / f"{self._doc.title}{EXTENSION}"
        path = FileDialogs.save_plan(self._window, suggested)
        return path is not None and self.save_to(path)

    def save_to(self, path: Path) -> bool:
        from ui.dialogs import Messages

        verdict = self._resolve_conflict(path)
        if verdict is not None:
            return verdict
        try:
            self._doc.save(path)
        except PlannerError as exc:
            Messages.file_error(self._window, _("Could not save the plan"), path, str(exc))
            return False
        self.remember(path)
        self._window.update_title()
        self._status(_("Saved {path}").format(path=path))
        self.watch_file()
        return True

    # -- where files go ------------------------------------------------------------------------
    def remember(self, path: Path) -> None:
        self._settings.add_recent(path)
        self._settings.last_folder = path.parent

    def folder(self) -> Path:
        """Where a file chooser starts: the plan's folder, else the last one used."""
        if self._doc.path is not None:
            return self._doc.path.parent
        return self._settings.last_folder or Path.home()

    def stem(self) -> str:
        """The name an exported file is offered under."""
        path = self._doc.path
        return path.stem if path else self._doc.title

    # -- the recent files menu -----------------------------------------------------------------
    def set_recent_menu(self, menu: QMenu) -> None:
        self.recent_menu = menu
        menu.aboutToShow.connect(self.fill_recent)
        menu.triggered.connect(self._recent_chosen)
        self.fill_recent()

    def fill_recent(self) -> None:
        menu = self.recent_menu
        if menu is None:
            return
        menu.clear()
        recent = self._settings.recent_files
        for n, path in enumerate(recent, start=1):
            # "&" in a name would make a shortcut of the next letter: doubled, it is shown.
            action = menu.addAction(f"&{n} {path.name.replace('&', '&&')}")
            action.setData(str(path))
            action.setToolTip(literal_tip(str(path)))
            action.setStatusTip(str(path))
        if recent:
            menu.addSeparator()
        clear = menu.addAction(_("&Clear Menu"))
        clear.setData("")
        clear.setEnabled(bool(recent))

    def _recent_chosen(self, action: QAction) -> None:
        target = action.data()
        if target:
            self.open_recent(Path(target))
        else:
            self._settings.clear_recent()
            self.fill_recent()
