"""The journal report's tables: the check-ins, one row a day with short column names and
their legend, and the meal plans of the weeks shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Paragraph, Table, TableStyle

from planner.core.plan import MEAL_LABELS, MEALS, Plan, format_amount
from planner.export.fonts import Fonts, printable
from planner.export.theme import ACCENT, HEAD_FILL, INK, MONTH_NAMES, RULE, span_label
from planner.journal.fields import FIELD_BY_KEY, KEYS, CheckIn

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


def checkin_legend() -> str:
    """What the short column names stand for (those that are not the label itself)."""
    return "; ".join(
        f"{SHORT[k]} {FIELD_BY_KEY[k].label.lower()}"
        for k in TABLE_KEYS
        if SHORT[k].lower() != FIELD_BY_KEY[k].label.lower()
    )


def checkin_table(checkins: Sequence[CheckIn], fonts: Fonts, table_width: float) -> Table:
    """The check-ins, one row a day, in ``table_width`` points (a landscape page)."""
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
    return table


def plan_table(
    start: date,
    plan: Plan,
    first: date,
    last: date,
    name: Callable[[str], str],
    fonts: Fonts,
    width: float,
) -> KeepTogether:
    """One plan's days within ``first``..``last``, a row a day with its meals, under its span."""
    style = ParagraphStyle("cell", fontName=fonts.cond, fontSize=6.5, leading=8, textColor=INK)
    rows: list[list[Any]] = [["Day", *(MEAL_LABELS[m] for m in MEALS)]]
    for day in range(plan.day_count):
        when = plan.date_of(day)
        if not first <= when <= last or plan.is_day_empty(day):
            continue
        cells: list[Any] = [f"{when.day} {MONTH_NAMES[when.month - 1]}"]
        for meal in MEALS:
            foods = [
                f"{name(entry.food_id)} {format_amount(entry.amount, entry.unit, '×')}"
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
