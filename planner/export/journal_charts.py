"""The journal report's trend charts: ReportLab graphics drawn here (a few polylines each,
fast for a year of days), one per entry of ``CHARTS``, with daily values as dots under a
rolling mean and long spans drawn as weekly means.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, PolyLine, String
from reportlab.graphics.shapes import Path as ShapePath
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from planner.export.dates import month_name, short_day_label
from planner.export.fonts import Fonts
from planner.export.theme import INK, MUTED, RULE
from planner.i18n import N_, _, format_number
from planner.journal.analysis import rolling_means

SERIES_COLORS = (
    colors.HexColor("#c0392b"),
    colors.HexColor("#2e6e9e"),
    colors.HexColor("#c27a1e"),
    colors.HexColor("#7a58a6"),
    colors.HexColor("#2f8a57"),
)
CHART_HEIGHT = 112.0
DOT = colors.HexColor("#9aa5a8")  # daily values under a mean line
LONG_SPAN_DAYS = 92  # beyond this, daily series are drawn as weekly means

# Marked for translation, translated where drawn.
# (title, [(key, label, rolling window or 0 for daily values)], y range or None for auto)
CHARTS: tuple[tuple[str, tuple[tuple[str, str, int], ...], tuple[float, float] | None], ...] = (
    (
        N_("Breakouts (count; line: 2-week mean)"),
        (("skin_breakouts", N_("2-week mean"), 14),),
        None,
    ),
    (
        N_("Skin, 2-week means (0 none – 4 severe)"),
        (
            ("skin_redness", N_("redness"), 14),
            ("skin_dryness", N_("dryness"), 14),
            ("skin_itch", N_("itch"), 14),
            ("skin_oiliness", N_("oiliness"), 14),
        ),
        (0, 4),
    ),
    (
        N_("Gut, daily (0 none – 4 severe)"),
        (
            ("gut_bloating", N_("bloating"), 0),
            ("gut_discomfort", N_("discomfort"), 0),
            ("gut_reflux", N_("reflux"), 0),
        ),
        (0, 4),
    ),
    (N_("Stool form, Bristol scale (1–7; 3–4 usual)"), (("gut_stool", N_("type"), 0),), (1, 7)),
    (
        N_("Mood, energy and stress (1–5)"),
        (("mood", N_("mood"), 0), ("energy", N_("energy"), 0), ("stress", N_("stress"), 0)),
        (1, 5),
    ),
    (N_("Sleep (hours)"), (("sleep_hours", N_("sleep"), 0),), (0, 12)),
    (
        N_("Water (glasses) and alcohol (drinks)"),
        (("water_glasses", N_("water"), 0), ("alcohol_drinks", N_("alcohol"), 0)),
        None,
    ),
    (N_("Day score of the plan (0–100)"), (("score", N_("score"), 0),), (0, 100)),
)


def trend_chart(
    frame: Any,
    title: str,
    series: Sequence[tuple[str, str, int]],
    y_range: tuple[float, float] | None,
    first: date,
    last: date,
    width: float,
    fonts: Fonts,
) -> Drawing | None:
    """A line chart of ``series`` over the days ``first``..``last``; None when empty."""
    import numpy as np

    days = (last - first).days + 1
    lines: list[tuple[str, np.ndarray, int]] = []
    dots: list[np.ndarray] = []
    for key, name, window in series:
        if key not in frame:
            continue
        values = frame[key]
        if not values.notna().any():
            continue
        label = _(name)
        if not window and days > LONG_SPAN_DAYS:
            # Over months, daily values are a blur: a weekly mean line, the days as dots.
            # Translators: a chart's series drawn as weekly means: "sleep, week mean".
            window, label = 7, _("{series}, week mean").format(series=label)
        if window:
            dots.append(values.to_numpy(dtype=float))
            values = rolling_means(frame, [key], [window])[f"{key}_{window}d"]
        lines.append((label, values.to_numpy(dtype=float), window))
    if not lines:
        return None
    data = [v for _label, v, _window in lines] + dots
    top = float(np.nanmax([np.nanmax(v) if np.isfinite(v).any() else 0 for v in data]))
    low, high = y_range if y_range else (0.0, max(1.0, top))
    step = _nice_step((max(high, top) - low) / 4)
    high = low + step * math.ceil((max(high, top) - low) / step - 1e-9)
    # The drawing's own font, or its state starts with Helvetica, a font not embedded.
    drawing = Drawing(width, CHART_HEIGHT, initialFontName=fonts.sans)
    left, bottom, right, top_pad = 26.0, 16.0, 4.0, 18.0
    plot_w, plot_h = width - left - right, CHART_HEIGHT - bottom - top_pad

    def x_of(i: int | float) -> float:
        return left + (plot_w * (i + 0.5) / days)

    def y_of(v: float) -> float:
        return bottom + plot_h * (v - low) / ((high - low) or 1)

    drawing.add(
        String(0, CHART_HEIGHT - 11, _(title), fontName=fonts.bold, fontSize=8.5, fillColor=INK)
    )
    for n in range(round((high - low) / step) + 1):
        v = low + step * n
        y = y_of(v)
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(
            String(
                left - 3,
                y - 2.5,
                format_number(v, 2),
                fontName=fonts.sans,
                fontSize=6,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    # Month ticks; over a short span, a tick each Monday. A label that would run into the
    # one before it is left out (the first day's, just before a month begins).
    short = days <= 62
    ticks = [
        first + timedelta(i)
        for i in range(days)
        if i == 0
        or ((first + timedelta(i)).weekday() == 0 if short else (first + timedelta(i)).day == 1)
    ]
    labels = []
    for day in ticks:
        x = x_of((day - first).days)
        drawing.add(Line(x, bottom, x, bottom - 3, strokeColor=MUTED, strokeWidth=0.5))
        if short:
            text = short_day_label(day)
        elif day.month == 1:
            # Translators: a chart's tick at January: "Jan 2027" (an abbreviated month).
            text = _("{month} {year}").format(month=month_name(day), year=day.year)
        else:
            text = month_name(day)
        if short or days <= 400 or day.month == 1:
            labels.append((x + 1, text))
    for n, (x, text) in enumerate(labels):
        room = (labels[n + 1][0] if n + 1 < len(labels) else left + plot_w + 20) - x
        if stringWidth(text, fonts.sans, 6) + 3 <= room:
            drawing.add(
                String(x, bottom - 10, text, fontName=fonts.sans, fontSize=6, fillColor=MUTED)
            )
    for values in dots:
        # All of a chart's dots as one path of round-capped zero-length strokes: one
        # shape instead of one per day, which made a year's report three times slower.
        path = ShapePath(strokeColor=DOT, strokeWidth=1.8, strokeLineCap=1, fillColor=None)
        for i in np.flatnonzero(np.isfinite(values)).tolist():
            x, y = x_of(i), y_of(values[i])
            path.moveTo(x, y)
            path.lineTo(x, y)
        drawing.add(path)
    legend_x = left + plot_w
    for n, (name, values, _window) in enumerate(lines):
        color = SERIES_COLORS[n % len(SERIES_COLORS)]
        run: list[float] = []
        for i, v in enumerate(values):
            if math.isfinite(v):
                run += [x_of(i), y_of(float(v))]
            else:
                _flush(drawing, run, color)
                run = []
        _flush(drawing, run, color)
        legend_x -= stringWidth(name, fonts.sans, 6.5) + 18
        drawing.add(
            Line(
                legend_x,
                CHART_HEIGHT - 8,
                legend_x + 8,
                CHART_HEIGHT - 8,
                strokeColor=color,
                strokeWidth=1.6,
            )
        )
        drawing.add(
            String(
                legend_x + 10,
                CHART_HEIGHT - 10.5,
                name,
                fontName=fonts.sans,
                fontSize=6.5,
                fillColor=INK,
            )
        )
    return drawing


def _nice_step(rough: float) -> float:
    """The smallest of 1, 2, 2.5, 5 times a power of ten at least ``rough`` (ticks that
    read as round numbers)."""
    if rough <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(rough))
    return float(next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= rough - 1e-12))


def _flush(drawing: Drawing, run: list[float], color: colors.Color) -> None:
    if len(run) >= 4:
        drawing.add(PolyLine(run, strokeColor=color, strokeWidth=1.1, strokeLineJoin=1))
    elif len(run) == 2:  # a lone day between gaps: a dot
        dot = ShapePath(strokeColor=color, strokeWidth=2.6, strokeLineCap=1, fillColor=None)
        dot.moveTo(run[0], run[1])
        dot.lineTo(run[0], run[1])
        drawing.add(dot)
