"""Pieces the dialogs share: OK and Cancel or Close buttons, a layout from top to bottom,
a list with its buttons beside it, a line that says what just happened, a wrapped note,
and a date field with its calendar."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from planner.i18n import _


def ok_cancel(
    dialog: QDialog, ok_text: str = "", accept: Callable[[], object] | None = None
) -> QDialogButtonBox:
    """OK and Cancel buttons that accept and reject ``dialog``; OK says ``ok_text`` if given
    and calls ``accept`` instead when given (a dialog that checks its fields first)."""
    Button = QDialogButtonBox.StandardButton
    buttons = QDialogButtonBox(Button.Ok | Button.Cancel, dialog)
    if ok_text:
        buttons.button(Button.Ok).setText(ok_text)
    buttons.accepted.connect(accept or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def close_only(dialog: QDialog, close: Callable[[], object] | None = None) -> QDialogButtonBox:
    """A Close button that rejects ``dialog`` (or calls ``close`` when given)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(close or dialog.reject)
    return buttons


def stack(dialog: QDialog, *items: QLayout | QWidget | tuple[QWidget, int]) -> QVBoxLayout:
    """Lay ``items`` out from top to bottom as the dialog's layout; ``(widget, stretch)``
    gives a widget the room left over."""
    layout = QVBoxLayout(dialog)
    for item in items:
        if isinstance(item, tuple):
            layout.addWidget(*item)
        elif isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    return layout


def beside(view: QWidget, buttons: Iterable[QAbstractButton]) -> QHBoxLayout:
    """``view`` taking the width, with ``buttons`` in a column at its right, top-aligned."""
    side = QVBoxLayout()
    for button in buttons:
        side.addWidget(button)
    side.addStretch(1)
    row = QHBoxLayout()
    row.addWidget(view, 1)
    row.addLayout(side)
    return row


def message_line(parent: QWidget) -> QLabel:
    """The line under a list that says what the last button did. Plain text: it quotes
    names the user typed."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def note(text: str, parent: QWidget) -> QLabel:
    """A wrapped sentence that explains the dialog (the app's own words)."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


def date_field(parent: QWidget, day: date, name: str) -> QDateEdit:
    """A date with its calendar popup, shown as "Mon 1 Dec 2026"; ``name`` for screen
    readers."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("ddd d MMM yyyy")
    edit.setDate(QDate(day.year, day.month, day.day))
    edit.setAccessibleName(name)
    return edit


def date_range(parent: QWidget, first: date, last: date, what: str) -> tuple[QDateEdit, QDateEdit]:
    """Two date fields, from ``first`` to ``last``, named "First day of ``what``" and
    "Last day of ``what``"; read them back with ``picked_range``."""
    return (
        # Translators: a date field's name for screen readers; {what} names the range.
        date_field(parent, first, _("First day of {what}").format(what=what)),
        date_field(parent, last, _("Last day of {what}").format(what=what)),
    )


def picked_range(first: QDateEdit, last: QDateEdit) -> tuple[date, date]:
    """The days of a date range in order, whichever way round the user put them."""
    one, other = first.date().toPython(), last.date().toPython()
    assert isinstance(one, date) and isinstance(other, date)
    return min(one, other), max(one, other)
