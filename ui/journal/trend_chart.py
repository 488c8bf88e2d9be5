"""The trend chart: one journal field over time, its rolling means and the day scores,
drawn with QPainter in the window's palette (light or dark), so that it follows the theme
and needs no plotting library. planner.journal.analysis does the data work; the window
around the chart is ui.journal.trends.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QLineF, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from planner.i18n import _
from ui.theme import is_dark, secondary_text

if TYPE_CHECKING:
    import numpy as np

LONG_SPAN = 92  # beyond this, daily values show as dots under a weekly mean


def series_colors(dark: bool) -> dict[str, QColor]:
    """The chart's colours, chosen to read on the light and the dark palette."""
    if dark:
        return {
            "value": QColor("#ff8a80"),
            "mean": QColor("#ffb74d"),
            "mean_long": QColor("#80cbc4"),
            "score": QColor(120, 200, 130, 90),
        }
    return {
        "value": QColor("#c0392b"),
        "mean": QColor("#b86e00"),
        "mean_long": QColor("#00796b"),
        "score": QColor(63, 157, 74, 70),
    }


class TrendChart(QWidget):
    """Daily values of one field as dots and lines, rolling means, and the day score as a
    shaded band on its own 0-100 scale behind them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(480, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_("Trend chart"))
        self.first: date | None = None
        self.values: np.ndarray | None = None
        self.means: list[tuple[str, np.ndarray, str]] = []  # (label, values, colour key)
        self.score: np.ndarray | None = None
        self.low, self.high = 0.0, 1.0
        self.placeholder = _("Loading the journal…")

    def set_data(
        self,
        first: date | None,
        values: np.ndarray | None,
        means: list[tuple[str, np.ndarray, str]],
        score: np.ndarray | None,
        low: float,
        high: float,
        placeholder: str = "",
    ) -> None:
        self.first, self.values, self.means, self.score = first, values, means, score
        # The top of the scale a whole number of grid steps above the bottom.
        high = max(high, low + 1)
        step = _nice_step((high - low) / 4)
        self.low, self.high = low, low + step * math.ceil((high - low) / step - 1e-9)
        self.placeholder = placeholder
        self.update()

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        muted = secondary_text(palette)
        if self.values is None or self.first is None or not len(self.values):
            painter.setPen(muted)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.placeholder)
            return
        colors = series_colors(is_dark(palette))
        metrics = painter.fontMetrics()
        left = metrics.horizontalAdvance("0000") + 10.0
        right = metrics.horizontalAdvance("100") + 10.0
        top, bottom = 10.0, metrics.height() + 8.0
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        days = len(self.values)

        # Positions of days and values; they take numpy arrays as well as numbers.
        def x_of(i: Any) -> Any:
            return plot.left() + plot.width() * (i + 0.5) / days

        def y_of(v: Any) -> Any:
            return plot.bottom() - plot.height() * (v - self.low) / (self.high - self.low)

        def y_score(v: Any) -> Any:
            return plot.bottom() - plot.height() * v / 100

        # The day score behind, on the right-hand 0-100 scale.
        # Over a long span several days share a pixel: every ``stride``-th day is enough
        # for lines (the means are smooth), and far cheaper to draw antialiased.
        stride = max(1, math.ceil(days / max(1.0, plot.width())))
        if self.score is not None:
            painter.setPen(QPen(colors["score"], 2.0))
            for run in _runs(self.score, x_of, y_score, stride):
                _draw_run(painter, run)
            painter.setPen(muted)
            for percent in (0, 50, 100):
                y = plot.bottom() - plot.height() * percent / 100
                painter.drawText(QPointF(plot.right() + 4, y + metrics.ascent() / 2), str(percent))

        # The grid and the left scale.
        step = _nice_step((self.high - self.low) / 4)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 0.6))
        v = self.low
        while v <= self.high + 1e-9:
            y = y_of(v)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            v += step
        painter.setPen(muted)
        v = self.low
        while v <= self.high + 1e-9:
            label = QLocale().toString(float(v), "g")
            width = metrics.horizontalAdvance(label)
            baseline = y_of(v) + metrics.ascent() / 2
            painter.drawText(QPointF(plot.left() - 6 - width, baseline), label)
            v += step
        # Month (or week) labels along the bottom.
        short = days <= 62
        last_x = -1e9
        for i in range(days):
            day = self.first + timedelta(i)
            if (day.weekday() == 0) if short else (day.day == 1):
                label = QLocale().toString(
                    QDate(day.year, day.month, day.day),
                    "d MMM" if short else ("MMM yyyy" if day.month == 1 else "MMM"),
                )
                x = x_of(i)
                if x - last_x > metrics.horizontalAdvance(label) + 8:
                    painter.drawText(QPointF(x, plot.bottom() + metrics.ascent() + 4), label)
                    last_x = x

        # The daily values: dots (and lines between them over a short span).
        if days <= LONG_SPAN and not self.means:
            painter.setPen(QPen(colors["value"], 1.6))
            for run in _runs(self.values, x_of, y_of, 1):
                _draw_run(painter, run)
        dot = QColor(colors["value"])
        dot.setAlpha(200 if days <= LONG_SPAN else 110)
        pen = QPen(dot, 5.2 if days <= LONG_SPAN else 3.2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)  # a wide round point is a dot
        painter.setPen(pen)
        for run in _runs(self.values, x_of, y_of, 1):
            painter.drawPoints(run)
        for _label, values, color in self.means:
            pen = QPen(colors[color], 2.2)
            if color == "mean_long":
                # Dashed and one pixel wide: a thin polyline keeps its dashes and is cheap.
                pen.setStyle(Qt.PenStyle.DashLine)
                pen.setWidthF(1.0)
            painter.setPen(pen)
            for run in _runs(values, x_of, y_of, stride):
                _draw_run(painter, run)
        painter.setPen(QPen(text, 0.8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(plot)


def _draw_run(painter: QPainter, run: QPolygonF) -> None:
    """A line through ``run``. A wide antialiased polyline goes through Qt's stroker,
    which took ~30 ms for 600 points; separate segments take ~2 ms and look the same."""
    if painter.pen().widthF() <= 1.0 or painter.pen().style() != Qt.PenStyle.SolidLine:
        painter.drawPolyline(run)
    else:
        points = run.toList()
        segments = [QLineF(a, b) for a, b in itertools.pairwise(points)]
        painter.drawLines(segments)


def _runs(
    values: np.ndarray, x_of: Callable[[Any], Any], y_of: Callable[[Any], Any], stride: int
) -> list[QPolygonF]:
    """The stretches of ``values`` without a gap, as polygons of every ``stride``-th day.
    Positions are worked out for all days at once: per point, Python would cost more
    than the drawing."""
    import numpy as np

    index = np.arange(0, len(values), stride)
    picked = values[index]
    known = np.isfinite(picked)
    xs = x_of(index.astype(float)).tolist()
    ys = y_of(np.where(known, picked, 0.0)).tolist()
    breaks = (np.flatnonzero(np.diff(known.astype(np.int8))) + 1).tolist()
    runs = []
    for first, last in zip([0, *breaks], [*breaks, len(index)], strict=True):
        if last > first and known[first]:
            runs.append(QPolygonF([QPointF(xs[i], ys[i]) for i in range(first, last)]))
    return runs


def _nice_step(rough: float) -> float:
    if rough <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(rough))
    return float(next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= rough - 1e-12))
