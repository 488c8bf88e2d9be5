"""The base of the window's controllers."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from .mainwindow import MainWindow


class Controller(QObject):
    """One part of the main window's work, made by the window as its child.

    It reaches the window through parent(), not a reference of its own: the window holds
    its controllers, and were they to hold it back, the window would live on in a
    reference cycle until Python's collector ran, and with it Qt widgets that still paint
    and ask their models for data while their Python state is being torn down.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)

    @property
    def _window(self) -> MainWindow:
        return cast("MainWindow", self.parent())
