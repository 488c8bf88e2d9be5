"""Knowing when a widget has been drawn: start-up work waits for the window's first paint."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


class PaintWatch(QObject):
    """Emits ``painted`` once, after ``widget`` has next been painted.

    The signal comes from the next turn of the event loop, so the whole window has been
    drawn by then, not just ``widget``. With ``timeout_ms`` it comes at the latest after
    that long, for a window that is never painted (minimised, or on a hidden desktop).
    """

    painted = Signal()

    def __init__(self, widget: QWidget, timeout_ms: int = 0) -> None:
        super().__init__(widget)
        self._widget = widget
        self._seen = False
        self._fired = False
        widget.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)
        if timeout_ms:
            self._timer.start(timeout_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and event.type() == QEvent.Type.Paint:
            self._seen = True
            self._timer.start(0)
        return False

    def _fire(self) -> None:
        if self._fired:
            return
        self._fired = True
        self._widget.removeEventFilter(self)
        self.painted.emit()
