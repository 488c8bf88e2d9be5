"""The screen's free area, and dialogs sized to it."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLayout, QScrollArea, QStyle, QWidget

PREFERRED_SIZE = (1280, 800)  # the main window's, and the area assumed with no screen known
SCREEN_SHARE = 0.9  # a dialog leaves some of the screen around it


def available_area(widget: QWidget) -> QRect:
    """The free area (no task bars) of the screen the widget is on, or the main screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen else QRect(0, 0, *PREFERRED_SIZE)


def scrolling(dialog: QWidget, layout: QLayout) -> QScrollArea:
    """``layout``'s fields in a frameless scroll area of ``dialog``, so that its buttons
    stay on a short screen (see fit_to_screen). Make it before setting a tab order: a
    widget moved into another parent loses its place in one."""
    fields = QWidget()
    fields.setLayout(layout)
    scroll = QScrollArea(dialog)
    scroll.setWidget(fields)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field
    return scroll


def fit_to_screen(dialog: QWidget, scroll: QScrollArea) -> None:
    """Size ``dialog`` to show the whole of ``scroll``'s content where the screen's free
    area has room, and no larger than most of that area: on a short screen the content
    scrolls and the dialog's buttons stay in view."""
    content = scroll.widget()
    inner = content.sizeHint() if content is not None else scroll.sizeHint()
    margins = dialog.contentsMargins()
    layout = dialog.layout()
    if layout is not None:
        margins = layout.contentsMargins()
    bar = scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    natural = dialog.sizeHint()
    width = max(natural.width(), inner.width() + bar + margins.left() + margins.right())
    height = natural.height() - scroll.sizeHint().height() + inner.height()
    area = available_area(dialog)
    dialog.resize(
        min(width, int(area.width() * SCREEN_SHARE)), min(height, int(area.height() * SCREEN_SHARE))
    )
