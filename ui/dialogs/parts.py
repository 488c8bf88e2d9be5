"""Pieces the dialogs share: OK and Cancel buttons, and a layout from top to bottom."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLayout, QVBoxLayout, QWidget


def ok_cancel(dialog: QDialog, ok_text: str = "") -> QDialogButtonBox:
    """OK and Cancel buttons that accept and reject ``dialog``; OK says ``ok_text`` if given."""
    Button = QDialogButtonBox.StandardButton
    buttons = QDialogButtonBox(Button.Ok | Button.Cancel, dialog)
    if ok_text:
        buttons.button(Button.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def stack(dialog: QDialog, *items: QLayout | QWidget) -> QVBoxLayout:
    """Lay ``items`` out from top to bottom as the dialog's layout."""
    layout = QVBoxLayout(dialog)
    for item in items:
        if isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    return layout
