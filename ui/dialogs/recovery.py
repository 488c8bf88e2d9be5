"""The plans a crash left unsaved: restore, discard or keep for later."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.i18n import _, ngettext
from planner.storage.recovery import RecoveryCopy
from ui.models.foods import literal_tip


class RecoveryDialog(QDialog):
    """Lists the plans a crash left unsaved; Restore, Discard or Keep for Later one."""

    RESTORE, DISCARD, KEEP = "restore", "discard", "keep"

    def __init__(self, copies: list[RecoveryCopy], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Recover Unsaved Plans"))
        self.answer = self.KEEP
        count = len(copies)
        intro = QLabel(
            ngettext(
                "The app did not close properly last time. This plan had changes that "
                "were not saved:",
                "The app did not close properly last time. These {count} plans had changes "
                "that were not saved:",
                count,
            ).format(count=count),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Unsaved plans"))
        for copy in copies:
            item = QListWidgetItem(copy.describe())
            item.setData(Qt.ItemDataRole.UserRole, copy)
            tip = literal_tip(str(copy.source)) if copy.source else _("Never saved to a file")
            item.setToolTip(tip)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        note = QLabel(
            _(
                "Restore opens the plan as it was, unsaved: save it to keep it. "
                "Keep for Later asks again at the next start."
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        restore = buttons.addButton(_("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        discard = buttons.addButton(_("&Discard"), QDialogButtonBox.ButtonRole.DestructiveRole)
        keep = buttons.addButton(_("&Keep for Later"), QDialogButtonBox.ButtonRole.RejectRole)
        restore.setDefault(True)
        restore.clicked.connect(self._restore)
        discard.clicked.connect(self._discard)
        keep.clicked.connect(self.reject)
        self.list.itemDoubleClicked.connect(self._restore)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, 300)

    def _restore(self, *_args: object) -> None:
        self.answer = self.RESTORE
        self.accept()

    def _discard(self) -> None:
        self.answer = self.DISCARD
        self.accept()

    def chosen(self) -> RecoveryCopy | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    @classmethod
    def ask(
        cls, parent: QWidget | None, copies: list[RecoveryCopy]
    ) -> tuple[str, RecoveryCopy | None]:
        """RESTORE or DISCARD with the copy chosen, or (KEEP, None)."""
        dialog = cls(copies, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
            return cls.KEEP, None
        return dialog.answer, dialog.chosen()
