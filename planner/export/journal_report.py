"""The journal report for a doctor or dermatologist: trend charts, the check-ins as a table,
the plans of those weeks, and a note that it is not medical advice.

Charts are ReportLab graphics drawn here (a few polylines each, fast for a year of days);
text uses the DejaVu fonts that planner.export.pdf registers, embedded in the file.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, PolyLine, String
from reportlab.graphics.shapes import Path as ShapePath
from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from planner.core.plan import MEAL_LABELS, MEALS, Plan, format_servings
from planner.export import PdfExportError
from planner.export.fonts import Fonts, load_fonts, printable
from planner.export.theme import (
    ACCENT,
    HEAD_FILL,
    INK,
    LABEL_FILL,
    MARGIN,
    MONTH_NAMES,
    MUTED,
    PAPERS,
    RULE,
    span_label,
)
from planner.journal.analysis import (
    ASSOCIATION_NOTE,
    better_days,
    lag_table,
    rolling_means,
    strongest_lag,
    timeline,
)
from planner.journal.fields import FIELD_BY_KEY, GUT_KEYS, KEYS, CheckIn
from planner.storage.atomic import describe_os_error, write_atomic

NOT_MEDICAL_ADVICE = (
    "This report shows what its owner wrote in a personal journal and the scores of their "
    "own meal plans, made with Gut–Skin Planner. It is not medical advice, a diagnosis or a "
    "treatment, and the links it shows between habits and symptoms are associations, not "
    "proof of cause. Please read it together with a health professional."
)
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

# (title, [(key, label, rolling window or 0 for daily values)], y range or None for auto)
CHARTS: tuple[tuple[str, tuple[tuple[str, str, int], ...], tuple[float, float] | None], ...] = (
    ("Breakouts (count; line: 2-week mean)", (("skin_breakouts", "2-week mean", 14),), None),
    (
        "Skin, 2-week means (0 none – 4 severe)",
        (
            ("skin_redness", "redness", 14),
            ("skin_dryness", "dryness", 14),
            ("skin_itch", "itch", 14),
            ("skin_oiliness", "oiliness", 14),
        ),
        (0, 4),
    ),
    (
        "Gut, daily (0 none – 4 severe)",
        (
            ("gut_bloating", "bloating", 0),
            ("gut_discomfort", "discomfort", 0),
            ("gut_reflux", "reflux", 0),
        ),
        (0, 4),
    ),
    ("Stool form, Bristol scale (1–7; 3–4 usual)", (("gut_stool", "type", 0),), (1, 7)),
    (
        "Mood, energy and stress (1–5)",
        (("mood", "mood", 0), ("energy", "energy", 0), ("stress", "stress", 0)),
        (1, 5),
    ),
    ("Sleep (hours)", (("sleep_hours", "sleep", 0),), (0, 12)),
    (
        "Water (glasses) and alcohol (drinks)",
        (("water_glasses", "water", 0), ("alcohol_drinks", "alcohol", 0)),
        None,
    ),
    ("Day score of the plan (0–100)", (("score", "score", 0),), (0, 100)),
)
SHORT = {
    "skin_breakouts": "Brk",
    "skin_redness": "Red",
    "skin_dryness": "Dry",
    "skin_itch": "Itch",
    "skin_oiliness": "Oil",
    "gut_bloating": "Bloat",
    "gut_discomfort": "Disc",
    "gut_reflux": "Refl",
    "gut_stool": "Brist",
    "mood": "Mood",
    "energy": "Enrg",
    "sleep_hours": "Sleep",
    "stress": "Strs",
    "water_glasses": "Water",
    "movement_minutes": "Move",
    "movement_kind": "Kind",
    "practices": "Practice",
    "alcohol_drinks": "Alc",
    "antibiotics": "AB",
    "supplements": "Supplements",
    "ate_as_planned": "Ate",
    "plan_note": "Note",
}
TABLE_KEYS = tuple(k for k in KEYS if k not in ("supplements", "plan_note"))


def _chart(
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
        if not window and days > LONG_SPAN_DAYS:
            # Over months, daily values are a blur: a weekly mean line, the days as dots.
            window, name = 7, f"{name}, week mean"
        if window:
            dots.append(values.to_numpy(dtype=float))
            values = rolling_means(frame, [key], [window])[f"{key}_{window}d"]
        lines.append((name, values.to_numpy(dtype=float), window))
    if not lines:
        return None
    data = [v for _, v, _ in lines] + dots
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
        String(0, CHART_HEIGHT - 11, title, fontName=fonts.bold, fontSize=8.5, fillColor=INK)
    )
    for n in range(round((high - low) / step) + 1):
        v = low + step * n
        y = y_of(v)
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(
            String(
                left - 3,
                y - 2.5,
                f"{v:g}",
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
            text = f"{day.day} {MONTH_NAMES[day.month - 1]}"
        else:
            text = MONTH_NAMES[day.month - 1] + (f" {day.year}" if day.month == 1 else "")
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


class _Footer:
    def __init__(self, fonts: Fonts, size: tuple[float, float], title: str) -> None:
        self.fonts, self.size, self.title = fonts, size, title

    def __call__(self, c: Canvas, doc: BaseDocTemplate) -> None:
        width, _height = self.size
        c.saveState()
        c.setFillColor(MUTED)
        c.setFont(self.fonts.sans, 7)
        c.drawString(MARGIN, MARGIN - 12, f"{self.title} · Not medical advice")
        c.drawRightString(width - MARGIN, MARGIN - 12, f"Page {doc.page}")
        c.restoreState()


def render_journal_report(
    checkins: Sequence[CheckIn],
    first: date,
    last: date,
    *,
    scores: Mapping[date, Mapping[str, Any]] | None = None,
    plans: Sequence[tuple[date, Plan]] = (),
    food_name: Callable[[str], str] | None = None,
    paper: str = "a4",
) -> bytes:
    """The report's PDF bytes for the check-ins of ``first``..``last``."""
    import pandas as pd

    fonts = load_fonts()
    size = PAPERS[paper]
    checkins = sorted((c for c in checkins if first <= c.day <= last), key=lambda c: c.day)
    in_range = {d: v for d, v in (scores or {}).items() if first <= d <= last}
    frame = timeline(checkins, in_range)
    full = pd.date_range(pd.Timestamp(first), pd.Timestamp(last), freq="D", name="date")
    frame = frame.reindex(full)

    def text(value: str) -> str:
        return escape(printable(value, fonts.drawable))

    base = ParagraphStyle("base", fontName=fonts.sans, fontSize=8.5, leading=11, textColor=INK)
    h1 = ParagraphStyle("h1", parent=base, fontName=fonts.bold, fontSize=15, leading=19)
    h2 = ParagraphStyle(
        "h2", parent=base, fontName=fonts.bold, fontSize=11, leading=14, spaceBefore=8, spaceAfter=4
    )
    small = ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5, textColor=MUTED)
    note = ParagraphStyle(
        "note",
        parent=base,
        backColor=LABEL_FILL,
        borderColor=RULE,
        borderWidth=0.5,
        borderPadding=5,
        spaceBefore=4,
        spaceAfter=8,
    )

    span = span_label(first, last)
    title = f"Gut–Skin journal, {span}"
    story: list[Any] = [
        Paragraph(text(title), h1),
        Spacer(1, 4),
        Paragraph(
            text(
                f"{len(checkins)} check-ins over {(last - first).days + 1} days"
                + (
                    f"; day scores from the meal plan on {len(in_range)} days."
                    if in_range
                    else "; no meal plan scores for these days."
                )
            ),
            base,
        ),
        Paragraph(text(NOT_MEDICAL_ADVICE), note),
    ]
    width = size[0] - 2 * MARGIN
    charts = [
        _chart(frame, name, series, y_range, first, last, width, fonts)
        for name, series, y_range in CHARTS
    ]
    for chart in charts:
        if chart is not None:
            story += [chart, Spacer(1, 6)]
    if not any(charts):
        story.append(Paragraph("No check-ins in these days.", base))

    story.append(Paragraph("What went with better days", h2))
    for line in better_days(frame):
        if line != ASSOCIATION_NOTE:
            story.append(Paragraph(text("• " + line), base))
    lags = lag_table(frame, ["alcohol", "fermented"], GUT_KEYS)
    for factor in ("alcohol", "fermented"):
        for key in GUT_KEYS:
            best = strongest_lag(lags, factor, key)
            if best is not None and abs(best.r) >= 0.3:
                story.append(Paragraph(text("• " + best.sentence()), base))
    story.append(Paragraph(text(ASSOCIATION_NOTE), small))

    # The check-ins: one row a day, landscape for the many columns.
    story += [NextPageTemplate("wide"), PageBreak()]
    story.append(Paragraph("Check-ins", h2))
    legend = "; ".join(
        f"{SHORT[k]} {FIELD_BY_KEY[k].label.lower()}"
        for k in TABLE_KEYS
        if SHORT[k].lower() != FIELD_BY_KEY[k].label.lower()
    )
    story.append(Paragraph(text(legend + ". Empty: not filled in."), small))
    story.append(Spacer(1, 4))
    header = ["Date", *(SHORT[k] for k in TABLE_KEYS), "Supplements · note"]
    rows: list[list[str]] = [header]
    for checkin in checkins:
        cells = []
        for key in TABLE_KEYS:
            value = checkin[key]
            field = FIELD_BY_KEY[key]
            cell = field.to_text(value) if value is not None else ""
            cells.append(printable(cell.replace("; ", ", "), fonts.drawable))
        extra = " · ".join(
            str(checkin[k]) for k in ("supplements", "plan_note") if checkin[k] is not None
        )
        extra = extra if len(extra) <= 70 else extra[:69] + "…"
        day = checkin.day
        cells = [f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year % 100:02d}", *cells]
        rows.append([*cells, printable(extra, fonts.drawable)])
    if len(rows) == 1:
        rows.append(["", *([""] * len(TABLE_KEYS)), "No check-ins in these days."])
    wide = landscape(size)
    table_width = wide[0] - 2 * MARGIN
    fixed = [38.0] + [26.0] * len(TABLE_KEYS)
    fixed[1 + TABLE_KEYS.index("movement_kind")] = 40.0
    fixed[1 + TABLE_KEYS.index("practices")] = 86.0
    widths = [*fixed, max(60.0, table_width - sum(fixed))]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.cond, 6.5),
                ("FONT", (0, 0), (-1, 0), fonts.cond_bold, 6.5),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 1.2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    story.append(table)

    shown_plans = [
        (start, plan)
        for start, plan in plans
        if start <= last and plan.date_of(plan.day_count - 1) >= first
    ]
    if shown_plans:
        story.append(Paragraph("The meal plans of these weeks", h2))
        name = food_name or (lambda food_id: food_id)
        for start, plan in shown_plans:
            story.append(_plan_table(start, plan, first, last, name, fonts, table_width))

    buffer = io.BytesIO()
    footer_tall, footer_wide = _Footer(fonts, portrait(size), title), _Footer(fonts, wide, title)

    def frame_of(page: tuple[float, float], name: str) -> Frame:
        return Frame(
            MARGIN,
            MARGIN,
            page[0] - 2 * MARGIN,
            page[1] - 2 * MARGIN,
            id=name,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

    doc = BaseDocTemplate(
        buffer,
        pagesize=portrait(size),
        pageTemplates=[
            PageTemplate(
                "tall",
                [frame_of(portrait(size), "tall")],
                onPage=footer_tall,
                pagesize=portrait(size),
            ),
            PageTemplate("wide", [frame_of(wide, "wide")], onPage=footer_wide, pagesize=wide),
        ],
        title=title,
        author="Gut–Skin Planner",
        subject="Symptom and habit journal",
        creator="Gut–Skin Planner",
        invariant=1,
        pageCompression=1,
        initialFontName=fonts.sans,
        initialFontSize=9,
        initialLeading=11.5,
        lang="en",
        displayDocTitle=True,
    )
    doc.build(story)
    return buffer.getvalue()


def _plan_table(
    start: date,
    plan: Plan,
    first: date,
    last: date,
    name: Callable[[str], str],
    fonts: Fonts,
    width: float,
) -> KeepTogether:
    style = ParagraphStyle("cell", fontName=fonts.cond, fontSize=6.5, leading=8, textColor=INK)
    rows: list[list[Any]] = [["Day", *(MEAL_LABELS[m] for m in MEALS)]]
    for day in range(plan.day_count):
        when = plan.date_of(day)
        if not first <= when <= last or plan.is_day_empty(day):
            continue
        cells: list[Any] = [f"{when.day} {MONTH_NAMES[when.month - 1]}"]
        for meal in MEALS:
            foods = [
                f"{name(entry.food_id)} ×{format_servings(entry.servings)}"
                for entry in plan.cell(day, meal)
            ]
            cells.append(Paragraph(escape(printable(", ".join(foods), fonts.drawable)), style))
        rows.append(cells)
    if len(rows) == 1:
        rows.append(["", *(["nothing planned"] + [""] * (len(MEALS) - 1))])
    meal_width = (width - 44) / len(MEALS)
    table = Table(rows, colWidths=[44.0] + [meal_width] * len(MEALS), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.cond, 6.5),
                ("FONT", (0, 0), (-1, 0), fonts.cond_bold, 7),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    heading = ParagraphStyle(
        "plan",
        fontName=fonts.bold,
        fontSize=8.5,
        leading=11,
        textColor=ACCENT,
        spaceBefore=6,
        spaceAfter=2,
    )
    span = span_label(start, plan.date_of(plan.day_count - 1))
    return KeepTogether([Paragraph(escape(f"Plan from {span}"), heading), table])


def export_journal_report(
    path: Path | str,
    checkins: Sequence[CheckIn],
    first: date,
    last: date,
    *,
    scores: Mapping[date, Mapping[str, Any]] | None = None,
    plans: Sequence[tuple[date, Plan]] = (),
    food_name: Callable[[str], str] | None = None,
    paper: str = "a4",
) -> None:
    """Writes the report to ``path``: completely, or not at all (PdfExportError)."""
    try:
        data = render_journal_report(
            checkins, first, last, scores=scores, plans=plans, food_name=food_name, paper=paper
        )
    except PdfExportError:
        raise
    except Exception as exc:  # ReportLab raises many kinds; the user gets one sentence
        raise PdfExportError(f"The journal report could not be made ({exc}).") from exc
    target = Path(path)
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise PdfExportError(describe_os_error(target, exc)) from exc
