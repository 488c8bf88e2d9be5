"""The day panel's bars and boxes, painted here rather than by style sheets.

A style sheet puts a widget and every child under Qt's style-sheet style: each is polished
through it when made, painted through it, and polished again whenever the sheet changes
(a part's bar changed colour with its share). Painting the few strokes by hand keeps the
panel on the plain style: the window's start built it about 8 ms sooner.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QGroupBox,
    QProgressBar,
    QSizePolicy,
    QStyle,
    QStyleOptionGroupBox,
    QWidget,
)

HEIGHT = 8  # pixels; the ends are rounded by half of it


class ShareBar(QProgressBar):
    """A flat bar with rounded ends: a share from 0 to 100, filled in one colour over the
    palette's midlight."""

    def __init__(self, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 100)
        self.setTextVisible(False)
        self.setFixedHeight(HEIGHT)
        self.setAccessibleName(accessible)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._color = QColor()

    def color(self) -> QColor:
        return QColor(self._color)

    def set_color(self, color: QColor | str) -> None:
        color = QColor(color)
        if color != self._color:
            self._color = color
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        groove = QRectF(self.rect())
        radius = min(HEIGHT, groove.height()) / 2
        painter.setBrush(self.palette().color(QPalette.ColorRole.Midlight))
        painter.drawRoundedRect(groove, radius, radius)
        span = self.maximum() - self.minimum()
        share = (self.value() - self.minimum()) / span if span > 0 else 0.0
        if share > 0 and self._color.isValid():
            chunk = QRectF(groove)
            chunk.setWidth(groove.width() * min(share, 1.0))
            if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
                chunk.moveRight(groove.right())
            painter.setBrush(self._color)
            painter.drawRoundedRect(chunk, radius, radius)


class FocusBox(QGroupBox):
    """A group box that is a Tab stop, its frame drawn in the highlight colour while it has
    the keyboard's focus (what it shows is read from its accessible description)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.hasFocus():
            return
        option = QStyleOptionGroupBox()
        self.initStyleOption(option)
        frame = self.style().subControlRect(
            QStyle.ComplexControl.CC_GroupBox, option, QStyle.SubControl.SC_GroupBoxFrame, self
        )
        painter = QPainter(self)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(frame).adjusted(1, 1, -1, -1))
