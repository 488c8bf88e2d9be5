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
from planner.export.dates import compact_day_label, short_day_label, span_label
from planner.export.fonts import Fonts, printable
from planner.export.theme import ACCENT, HEAD_FILL, INK, RULE
from planner.i18n import N_, _
from planner.journal.fields import FIELD_BY_KEY, KEYS, CheckIn

# The check-in table's short column names (a narrow column each); the legend under the
# table says what each stands for.
SHORT = {
    # Translators: a narrow column of the check-in table, for "Breakouts"; the legend
    # under the table spells each column out.
    "skin_breakouts": N_("Brk"),
    "skin_redness": N_("Red"),
    "skin_dryness": N_("Dry"),
    "skin_itch": N_("Itch"),
    "skin_oiliness": N_("Oil"),
    "gut_bloating": N_("Bloat"),
    "gut_discomfort": N_("Disc"),
    "gut_reflux": N_("Refl"),
    "gut_stool": N_("Brist"),
    "mood": N_("Mood"),
    "energy": N_("Enrg"),
    "sleep_hours": N_("Sleep"),
    "stress": N_("Strs"),
    "water_glasses": N_("Water"),
    "movement_minutes": N_("Move"),
    "movement_kind": N_("Kind"),
    "practices": N_("Practice"),
    "alcohol_drinks": N_("Alc"),
    "antibiotics": N_("AB"),
    "supplements": N_("Supplements"),
    "ate_as_planned": N_("Ate"),
    "plan_note": N_("Note"),
}
TABLE_KEYS = tuple(k for k in KEYS if k not in ("supplements", "plan_note"))


def checkin_legend() -> str:
    """What the short column names stand for (those that are not the label itself)."""
    shown = [(_(SHORT[k]), _(FIELD_BY_KEY[k].label)) for k in TABLE_KEYS]
    # Translators: a column of the check-in table and what it holds: "Brk breakouts".
    return "; ".join(
        _("{short} {field}").format(short=short, field=label.lower())
        for short, label in shown
        if short.lower() != label.lower()
    )


def checkin_table(checkins: Sequence[CheckIn], fonts: Fonts, table_width: float) -> Table:
    """The check-ins, one row a day, in ``table_width`` points (a landscape page)."""
    header = [_("Date"), *(_(SHORT[k]) for k in TABLE_KEYS), _("Supplements · note")]
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
        cells = [compact_day_label(day), *cells]
        rows.append([*cells, printable(extra, fonts.drawable)])
    if len(rows) == 1:
        rows.append(["", *([""] * len(TABLE_KEYS)), _("No check-ins in these days.")])
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
    rows: list[list[Any]] = [[_("Day"), *(_(MEAL_LABELS[m]) for m in MEALS)]]
    for day in range(plan.day_count):
        when = plan.date_of(day)
        if not first <= when <= last or plan.is_day_empty(day):
            continue
        cells: list[Any] = [short_day_label(when)]
        for meal in MEALS:
            foods = [
                f"{name(entry.food_id)} {format_amount(entry.amount, entry.unit, '×')}"
                for entry in plan.cell(day, meal)
            ]
            cells.append(Paragraph(escape(printable(", ".join(foods), fonts.drawable)), style))
        rows.append(cells)
    if len(rows) == 1:
        rows.append(["", *([_("nothing planned")] + [""] * (len(MEALS) - 1))])
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
    title = _("Plan from {span}").format(span=span)
    return KeepTogether([Paragraph(escape(printable(title, fonts.drawable)), heading), table])
