"""The journal report for a doctor or dermatologist: trend charts, the check-ins as a table,
the plans of those weeks, and a note that it is not medical advice.

The charts are in planner.export.journal_charts, the tables of check-ins and plans in
planner.export.journal_tables; this module lays them out as pages. Text uses the DejaVu
fonts that planner.export.pdf registers, embedded in the file.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from planner.core.plan import Plan
from planner.export import PdfExportError
from planner.export.dates import span_label
from planner.export.fonts import Fonts, load_fonts, printable
from planner.export.journal_charts import CHARTS, trend_chart
from planner.export.journal_tables import checkin_legend, checkin_table, plan_table
from planner.export.theme import (
    INK,
    LABEL_FILL,
    MARGIN,
    MUTED,
    PAPERS,
    RULE,
)
from planner.i18n import N_, _, language, ngettext
from planner.journal.analysis import (
    ASSOCIATION_NOTE,
    better_days,
    lag_table,
    strongest_lag,
    timeline,
)
from planner.journal.fields import GUT_KEYS, CheckIn
from planner.storage.atomic import describe_os_error, write_atomic

NOT_MEDICAL_ADVICE = N_(
    "This report shows what its owner wrote in a personal journal and the scores of their "
    "own meal plans, made with Gut–Skin Planner. It is not medical advice, a diagnosis or a "
    "treatment, and the links it shows between habits and symptoms are associations, not "
    "proof of cause. Please read it together with a health professional."
)


class _Footer:
    def __init__(self, fonts: Fonts, size: tuple[float, float], title: str) -> None:
        self.fonts, self.size, self.title = fonts, size, title

    def __call__(self, c: Canvas, doc: BaseDocTemplate) -> None:
        width, _height = self.size
        c.saveState()
        c.setFillColor(MUTED)
        c.setFont(self.fonts.sans, 7)
        footer = _("{title} · Not medical advice").format(title=self.title)
        c.drawString(MARGIN, MARGIN - 12, printable(footer, self.fonts.drawable))
        c.drawRightString(width - MARGIN, MARGIN - 12, _("Page {number}").format(number=doc.page))
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
    title = _("Gut–Skin journal, {span}").format(span=span)
    story: list[Any] = [
        Paragraph(text(title), h1),
        Spacer(1, 4),
        Paragraph(
            text(_summary(len(checkins), (last - first).days + 1, len(in_range))),
            base,
        ),
        Paragraph(text(_(NOT_MEDICAL_ADVICE)), note),
    ]
    width = size[0] - 2 * MARGIN
    charts = [
        trend_chart(frame, name, series, y_range, first, last, width, fonts)
        for name, series, y_range in CHARTS
    ]
    for chart in charts:
        if chart is not None:
            story += [chart, Spacer(1, 6)]
    if not any(charts):
        story.append(Paragraph(text(_("No check-ins in these days.")), base))

    story.append(Paragraph(text(_("What went with better days")), h2))
    # The note is printed once, below the lines (in either language it comes in).
    association_note = _(ASSOCIATION_NOTE)
    for line in better_days(frame):
        if line not in (ASSOCIATION_NOTE, association_note):
            story.append(Paragraph(text("• " + line), base))
    lags = lag_table(frame, ["alcohol", "fermented"], GUT_KEYS)
    for factor in ("alcohol", "fermented"):
        for key in GUT_KEYS:
            best = strongest_lag(lags, factor, key)
            if best is not None and abs(best.r) >= 0.3:
                story.append(Paragraph(text("• " + best.sentence()), base))
    story.append(Paragraph(text(association_note), small))

    # The check-ins: one row a day, landscape for the many columns.
    story += [NextPageTemplate("wide"), PageBreak()]
    story.append(Paragraph(text(_("Check-ins")), h2))
    legend = _("{legend}. Empty: not filled in.").format(legend=checkin_legend())
    story.append(Paragraph(text(legend), small))
    story.append(Spacer(1, 4))
    wide = landscape(size)
    table_width = wide[0] - 2 * MARGIN
    story.append(checkin_table(checkins, fonts, table_width))

    shown_plans = [
        (start, plan)
        for start, plan in plans
        if start <= last and plan.date_of(plan.day_count - 1) >= first
    ]
    if shown_plans:
        story.append(Paragraph(text(_("The meal plans of these weeks")), h2))
        name = food_name or (lambda food_id: food_id)
        for start, plan in shown_plans:
            story.append(plan_table(start, plan, first, last, name, fonts, table_width))

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
        subject=_("Symptom and habit journal"),
        creator="Gut–Skin Planner",
        invariant=1,
        pageCompression=1,
        initialFontName=fonts.sans,
        initialFontSize=9,
        initialLeading=11.5,
        lang="en" if language().startswith("x-") else language(),
        displayDocTitle=True,
    )
    doc.build(story)
    return buffer.getvalue()


def _summary(checkins: int, days: int, scored: int) -> str:
    """ "17 check-ins over 90 days; day scores from the meal plan on 7 days." """
    span = ngettext("{count} day", "{count} days", days).format(count=days)
    # Translators: {days} is "90 days".
    counted = ngettext(
        "{count} check-in over {days}", "{count} check-ins over {days}", checkins
    ).format(count=checkins, days=span)
    if not scored:
        # Translators: {checkins} is "17 check-ins over 90 days".
        return _("{checkins}; no meal plan scores for these days.").format(checkins=counted)
    # Translators: {checkins} is "17 check-ins over 90 days".
    return ngettext(
        "{checkins}; day scores from the meal plan on {count} day.",
        "{checkins}; day scores from the meal plan on {count} days.",
        scored,
    ).format(checkins=counted, count=scored)


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
        raise PdfExportError(
            _("The journal report could not be made ({error}).").format(error=exc)
        ) from exc
    target = Path(path)
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise PdfExportError(describe_os_error(target, exc)) from exc
