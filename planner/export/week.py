"""The week section: the week's statistics, the grid of days by meals and the legend."""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from planner.core.plan import DAYS_PER_WEEK, MEAL_LABELS, MEALS
from planner.core.shopping import entry_quantity, week_days
from planner.core.totals import amount_text, day_amount
from planner.export.dates import short_day_label, span_label
from planner.export.document import Document
from planner.export.flowables import GridTable, ScoreCell, Swatch
from planner.export.fonts import printable
from planner.export.theme import (
    CELL_SIZES,
    HEAD_FILL,
    LABEL_FILL,
    MUTED,
    MUTED_MARKUP,
    PART_COLORS,
    PART_SHORT,
    RULE,
)
from planner.i18n import _, format_number, ngettext, pgettext, weekday_name
from planner.scoring.model import PART_KEYS

if TYPE_CHECKING:
    from planner.scoring.evaluator import PlanScore
    from planner.scoring.results import DayScore, WeekScore

CHECK_EVERY = 64  # entries between two looks at the cancel flag


def add_week(doc: Document, week: int, scores: PlanScore) -> None:
    """Add week ``week``'s page: statistics, the grid, then the legend."""
    days = week_days(doc.plan, week)
    first, last = doc.plan.date_of(days[0]), doc.plan.date_of(days[-1])
    # Translators: the title of a week's page in the PDF; {span} is "30 Nov – 6 Dec 2026".
    doc.section(_("Week plan · {span}").format(span=span_label(first, last)), wide=True)
    stats = doc.para(week_stats(scores.weeks[week]), doc.styles.stats)
    legend = _legend(doc)
    # The largest cell text that keeps the week on one page; the smallest otherwise,
    # and then the grid runs over pages with its header row repeated.
    room = doc.frame_height - 6 - 8
    room -= stats.wrap(doc.frame_width, doc.frame_height)[1]
    room -= sum(part.wrap(doc.frame_width, doc.frame_height)[1] for part in legend)
    for size in CELL_SIZES:
        table = _grid_table(doc, days, scores, size)
        doc.checkpoint()
        _width, height = table.wrap(doc.frame_width, doc.frame_height)
        if height <= room:
            break
    doc.story += [stats, Spacer(1, 6), table, Spacer(1, 8), KeepTogether(legend)]


def week_stats(week: WeekScore) -> str:
    planned = week.planned_days
    if week.average is None:
        return _("No day of this week is planned yet.")
    days = len(week.days)
    average = ngettext(
        "<b>Week average {average}</b> of 100 over {planned} planned day of {days}",
        "<b>Week average {average}</b> of 100 over {planned} planned days of {days}",
        planned,
    ).format(average=format_number(week.average, 0), planned=planned, days=days)
    plants = ngettext(
        "<b>{count} of {target}</b> different plant",
        "<b>{count} of {target}</b> different plants",
        week.plants_target,
    ).format(count=len(week.plants), target=week.plants_target)
    live = ngettext(
        "a live-culture food on {count} day",
        "a live-culture food on {count} days",
        week.fermented_days,
    ).format(count=week.fermented_days)
    return f"{average}  ·  {plants}  ·  {live}"


def _grid_table(doc: Document, days: range, scores: PlanScore, size: float) -> GridTable:
    fonts, styles = doc.fonts, doc.styles
    cell = ParagraphStyle(
        f"cell{size}", parent=styles.cell, fontSize=size, leading=round(size * 1.2, 1)
    )
    # The row headings' column fits its longest word in the language printed ("Mittagessen",
    # "Petit-déjeuner"), at least as wide as the English layout's.
    labels = [_("Score"), pgettext("totals", "Day"), *(_(MEAL_LABELS[m]) for m in MEALS)]
    widest = max(
        pdfmetrics.stringWidth(word, styles.meal.fontName, styles.meal.fontSize)
        for label in labels
        for word in label.split()
    )
    label_width = max(52.0, min(widest + 8.0, 90.0))
    day_width = (doc.frame_width - label_width) / DAYS_PER_WEEK
    text_width = day_width - 4 - 3 - cell.leftIndent  # less the cell's padding and indent
    header = [""] + [
        doc.para(
            f"{doc.text(weekday_name(doc.plan.date_of(d), 'abbreviated'))}"
            f'<font name="{fonts.cond}" color="{MUTED_MARKUP}">'
            f"  {doc.text(short_day_label(doc.plan.date_of(d)))}</font>",
            styles.head,
        )
        for d in days
    ]
    rows: list[list] = [header]
    score_head = doc.para(doc.text(_("Score")), styles.meal)
    rows.append([score_head] + [ScoreCell(scores.days[d], fonts) for d in days])
    for meal in MEALS:
        rows.append(
            [doc.para(doc.text(_(MEAL_LABELS[meal])), styles.meal)]
            + [_cell(doc, d, meal, cell, text_width) for d in days]
        )
    # Translators: the grid's last row, each day's totals (fiber, plants, energy, protein).
    day_head = doc.para(doc.text(pgettext("totals", "Day")), styles.meal)
    rows.append([day_head] + [_day_foot(doc, scores.days[d]) for d in days])
    style = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), fonts.cond, size),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
            ("BACKGROUND", (0, 1), (0, -1), LABEL_FILL),
            ("BACKGROUND", (1, -1), (-1, -1), LABEL_FILL),
            ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
            ("BOX", (0, 0), (-1, -1), 0.8, MUTED),
            ("LINEBELOW", (0, 1), (-1, 1), 0.8, MUTED),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, MUTED),
            ("NOSPLIT", (0, -2), (-1, -1)),  # the day totals stay with the last meal
        ]
    )
    table = GridTable(
        rows,
        colWidths=[label_width] + [day_width] * len(days),
        style=style,
        repeatRows=1,
        splitInRow=1,
        hAlign="LEFT",
    )
    table.page_height = doc.frame_height
    return table


def _cell(
    doc: Document, day: int, meal: str, style: ParagraphStyle, width: float
) -> list[Flowable] | str:
    entries = doc.plan.cell(day, meal)
    if not entries:
        return ""
    muted = MUTED_MARKUP
    out: list[Flowable] = []
    for index, entry in enumerate(entries):
        if index % CHECK_EVERY == CHECK_EVERY - 1:
            doc.checkpoint()
        food = doc.catalog.get(entry.food_id)
        known = food is not None or doc.recipe_of(entry) is not None
        name = doc.text(doc.name_of(entry.food_id))
        quantity = printable(entry_quantity(food, entry.amount, entry.unit), doc.fonts.drawable)
        # Non-breaking spaces keep an amount whole on its line, when it fits on one.
        if pdfmetrics.stringWidth(quantity, style.fontName, style.fontSize) <= width:
            quantity = quantity.replace(" ", "\u00a0")
        quantity = escape(quantity)
        if not known:
            name = f'<font color="{muted}">{name}</font>'
        out.append(doc.para(f'{name} <font color="{muted}">{quantity}</font>', style))
    return out


def _day_foot(doc: Document, day: DayScore) -> Paragraph | str:
    """The day's fiber and plants; then its energy and protein, for people balancing other
    goals (not part of the score; "at least" where a food's value is unknown)."""
    if not day.planned:
        return ""
    plants = len(day.plants)
    plan, catalog, resolver = doc.plan, doc.catalog, doc.resolver
    energy = amount_text(*day_amount(plan, catalog, day.day, "energy_kcal", resolver), "kcal")
    protein = amount_text(*day_amount(plan, catalog, day.day, "protein_g", resolver), "g")
    text = ngettext(
        "Fiber {fiber} g · {count} plant<br/>{energy} · protein {protein}",
        "Fiber {fiber} g · {count} plants<br/>{energy} · protein {protein}",
        plants,
    ).format(
        fiber=format_number(day.fiber_g, 0),
        count=plants,
        energy=doc.text(energy),
        protein=doc.text(protein),
    )
    return doc.para(text, doc.styles.foot)


def _legend(doc: Document) -> list[Flowable]:
    config = doc.evaluator.config
    cells: list = []
    for key in PART_KEYS:
        cells += [
            Swatch(PART_COLORS[key]),
            doc.para(
                _("<b>{short}</b> {label}, up to {points}").format(
                    short=doc.text(_(PART_SHORT[key])),
                    label=doc.text(_(config.labels[key])),
                    points=format_number(config.points[key], 0),
                ),
                doc.styles.small,
            ),
        ]
    swatches = Table(
        [cells],
        colWidths=[20, doc.frame_width / len(PART_KEYS) - 20] * len(PART_KEYS),
        style=[
            ("FONT", (0, 0), (-1, -1), doc.fonts.sans, 7.5),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ],
        hAlign="LEFT",
    )
    explain = doc.para(
        doc.text(
            _(
                "A day's score, out of 100, is the sum of its six parts times how complete the "
                "day is (its energy from foods not to limit, against 1,600 kcal); each bar shows "
                "how much of its part the day earns, by amounts in grams. The limit bar shrinks "
                "with each dose of a food to limit. A day with no food is not planned, which is "
                "not a zero."
            )
        ),
        doc.styles.small,
    )
    return [swatches, Spacer(1, 2), explain]
