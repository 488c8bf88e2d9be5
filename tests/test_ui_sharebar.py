"""The day panel's bars and boxes paint themselves: no style sheet anywhere in the panel
(a sheet puts every child under Qt's style-sheet style, polished and painted through it)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from ui.panels.daypanel import DayPanel
from ui.views.sharebar import FocusBox, ShareBar


def test_the_day_panel_holds_no_style_sheet(qtbot):
    panel = DayPanel()
    qtbot.addWidget(panel)
    widgets = [panel, *panel.findChildren(QWidget)]
    assert [w.objectName() or type(w).__name__ for w in widgets if w.styleSheet()] == []
    assert all(isinstance(bar, ShareBar) for bar in panel.part_bars.values())
    assert all(isinstance(bar, ShareBar) for bar in panel.skin_bars.values())


def _filled_columns(bar: ShareBar, color: QColor) -> int:
    image = bar.grab().toImage()
    row = image.height() // 2
    return sum(
        1
        for x in range(image.width())
        if abs(image.pixelColor(x, row).red() - color.red()) < 8
        and abs(image.pixelColor(x, row).green() - color.green()) < 8
        and abs(image.pixelColor(x, row).blue() - color.blue()) < 8
    )


def test_a_share_bar_fills_its_share_in_its_colour(qtbot):
    bar = ShareBar("share")
    qtbot.addWidget(bar)
    bar.resize(200, 8)
    color = QColor("#d03030")
    bar.set_color(color)
    widths = {}
    for value in (0, 25, 50, 100):
        bar.setValue(value)
        widths[value] = _filled_columns(bar, color)
    assert widths[0] == 0
    assert widths[25] < widths[50] < widths[100]
    assert abs(widths[50] - 100) <= 6 and widths[100] >= 190
    groove = bar.palette().color(QPalette.ColorRole.Midlight)
    bar.setValue(0)
    assert bar.grab().toImage().pixelColor(100, 4).rgb() == groove.rgb()


def test_a_focus_box_frames_itself_in_the_highlight_colour_while_focused(qtbot):
    box = FocusBox("Score parts")
    qtbot.addWidget(box)
    box.resize(200, 120)
    box.show()
    qtbot.waitExposed(box)
    highlight = box.palette().color(QPalette.ColorRole.Highlight)

    def framed() -> bool:
        image = box.grab().toImage()
        row = image.height() - 2
        return any(image.pixelColor(x, row).rgb() == highlight.rgb() for x in range(20, 180))

    assert box.focusPolicy() != 0  # a Tab stop
    assert not framed()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    assert framed()
