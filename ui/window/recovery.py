"""Recovery copies: while the plan has unsaved changes a copy is written at a steady
interval (planner.storage.recovery); a clean save or a deliberate discard removes it, and
the next start offers the copies a crash or a kill left behind."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QTime, QTimer

from planner.errors import PlannerError
from planner.i18n import _, ngettext

from .controller import Controller

if TYPE_CHECKING:
    from planner.storage.recovery import Autosaver, RecoveryCopy, RecoveryStore

    from .mainwindow import MainWindow


class RecoveryController(Controller):
    def __init__(self, window: MainWindow, store: RecoveryStore | None = None) -> None:
        super().__init__(window)
        self._doc = window.document
        self._store = store
        self._autosaver: Autosaver | None = None  # made on first use: see autosaver
        self._copied_revision = -1
        self.timer = QTimer(self)
        self.timer.setInterval(round(window.settings.autosave_seconds * 1000))
        self.timer.timeout.connect(self.autosave)
        self._doc.modifiedChanged.connect(self._modified_changed)
        self._doc.planReplaced.connect(self._forget_copy)

    @property
    def autosaver(self) -> Autosaver:
        """Writes and removes this window's recovery copy; made when first needed, after
        the window shows, so that start-up does not import planner.storage.recovery."""
        if self._autosaver is None:
            from planner.storage.recovery import Autosaver, RecoveryStore

            self._autosaver = Autosaver(self._store or RecoveryStore())
        return self._autosaver

    def autosave(self) -> bool:
        """Write the recovery copy if the plan has changes the copy does not hold yet."""
        doc = self._doc
        if not doc.modified:
            return False
        if doc.revision == self._copied_revision and self.autosaver.current is not None:
            return False
        try:
            self.autosaver.save(doc.plan, title=doc.title, source=doc.path)
        except PlannerError as exc:
            self._window.statusBar().showMessage(
                _("No recovery copy was written: {problem}").format(problem=exc), 15000
            )
            return False
        self._copied_revision = doc.revision
        return True

    def close(self) -> None:
        """The window closes having saved or discarded: no copy is needed any more."""
        self.timer.stop()
        self.autosaver.discard()
        self.autosaver.close()

    def _modified_changed(self, modified: bool) -> None:
        if not modified:
            # Saved, or undone back to what is on disk: nothing left to recover.
            self.timer.stop()
            self.autosaver.discard()
        elif not self.timer.isActive():
            self.timer.start()

    def _forget_copy(self) -> None:
        # Another plan is open: the previous one was saved or deliberately discarded.
        self.autosaver.discard()
        self._copied_revision = -1

    def offer_recovery(self) -> bool:
        """Offer the plans a crash or a kill left unsaved; True if one was restored."""
        store = self.autosaver.store
        copies = store.orphans()
        damaged = store.take_set_aside()
        if not copies and not damaged:  # most starts: no dialog module is needed
            return False
        from ui.dialogs import RecoveryDialog

        if damaged:
            from ui.dialogs import Messages

            Messages.error(
                self._window,
                _("Some recovery copies could not be read"),
                " ".join(aside.describe() for aside in damaged[:5])
                + (
                    " "
                    + ngettext("({count} more.)", "({count} more.)", len(damaged) - 5).format(
                        count=len(damaged) - 5
                    )
                    if len(damaged) > 5
                    else ""
                ),
            )
        while copies:
            answer, chosen = RecoveryDialog.ask(self._window, copies)
            if chosen is None or answer == RecoveryDialog.KEEP:
                return False
            if answer == RecoveryDialog.RESTORE:
                if self.restore_copy(chosen):
                    return True
            else:
                store.remove(chosen.path)
            copies = store.orphans()
        return False

    def restore_copy(self, copy: RecoveryCopy) -> bool:
        """Open a recovery copy as the unsaved plan it was (its file is not touched)."""
        from ui.dialogs import Messages

        store = self.autosaver.store
        try:
            plan = store.load(copy)
        except PlannerError as exc:
            store.set_aside(copy.path)
            Messages.file_error(self._window, _("Could not restore the plan"), copy.path, str(exc))
            return False
        self._doc.replace(plan, copy.source, title=copy.title, unsaved=True)
        self.autosaver.adopt(copy)
        self.autosave()  # now this window's copy: another start will not offer it
        when = copy.saved.astimezone()
        self._window.statusBar().showMessage(
            _("Restored {plan} as it was at {time} on {day}. Save it to keep it.").format(
                plan=copy.title,
                time=QLocale().toString(
                    QTime(when.hour, when.minute), QLocale.FormatType.ShortFormat
                ),
                day=QLocale().toString(QDate(when.year, when.month, when.day), "ddd d MMM"),
            ),
            30000,
        )
        return True
