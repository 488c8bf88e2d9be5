"""Where the main window goes: the first start fits it to the screen's free area, later
starts restore the last size, place and dock layout, always kept on the screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from ui.screen import PREFERRED_SIZE, available_area
from ui.settings import Settings


def place(window: QMainWindow, settings: Settings, day_dock: QDockWidget) -> None:
    """The first start fits the window to the screen's free area (1280 x 800 at most);
    later starts restore the last size, place and dock layout, kept on the screen."""
    area = available_area(window)
    if settings.geometry and window.restoreGeometry(settings.geometry):
        if settings.window_state:
            window.restoreState(settings.window_state)
    else:
        window.resize(min(PREFERRED_SIZE[0], area.width()), min(PREFERRED_SIZE[1], area.height()))
        window.move(area.topLeft())
        # A short screen gives the grid the height and the day panel (which scrolls) less.
        window.resizeDocks(
            [day_dock], [max(150, min(250, area.height() // 3))], Qt.Orientation.Vertical
        )
    keep_on_screen(window, area)


def keep_on_screen(window: QWidget, area: QRect | None = None) -> None:
    """Shrink and move ``window``, where needed, to lie within the screen's free area (a
    geometry saved on a larger or another screen)."""
    area = area or available_area(window)
    frame = window.frameGeometry()
    extra = frame.size() - window.geometry().size()  # the title bar and borders
    width = min(window.width(), area.width() - extra.width())
    height = min(window.height(), area.height() - extra.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
        frame = window.frameGeometry()
    left = min(max(frame.left(), area.left()), area.right() + 1 - frame.width())
    top = min(max(frame.top(), area.top()), area.bottom() + 1 - frame.height())
    if (left, top) != (frame.left(), frame.top()):
        window.move(left, top)
