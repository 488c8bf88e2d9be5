"""The printable PDF: each week as a grid, its shopping list by aisle, and optional day notes.

The document is built in memory with ReportLab in invariant mode (the same plan gives the
same bytes) and then written atomically. Scores are printed as the evaluator gives them;
nothing here computes one.
"""

from __future__ import annotations

import gc
import io
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from planner.core.plan import DAYS_PER_WEEK, MEAL_LABELS, MEALS, Plan
from planner.core.shopping import ShoppingLine, entry_quantity, shopping_list, week_days
from planner.errors import PlannerError
from planner.scoring.model import PART_KEYS
from planner.storage.atomic import describe_os_error, write_atomic

if TYPE_CHECKING:
    from planner.scoring.evaluator import Evaluator, PlanScore
    from planner.scoring.model import DayScore, WeekScore

PAPERS: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}
REPLACEMENT = "\ufffd"  # printed for a character the font cannot draw
SUGGESTIONS_PER_DAY = 3
CELL_SIZES = (9.4, 8.5, 7.6)  # grid text sizes to try, largest first

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

INK = colors.HexColor("#1f2a2e")
MUTED = colors.HexColor("#5d6a6f")
RULE = colors.HexColor("#c5cfcc")
HEAD_FILL = colors.HexColor("#e4efe8")
LABEL_FILL = colors.HexColor("#f3f7f4")
ACCENT = colors.HexColor("#2f7a55")
PART_COLORS = {
    "probiotic": colors.HexColor("#7a58a6"),
    "prebiotic": colors.HexColor("#2f8a57"),
    "fiber": colors.HexColor("#c27a1e"),
    "plants": colors.HexColor("#5f8f2a"),
    "anti_inflammatory": colors.HexColor("#b5485d"),
    "limit": colors.HexColor("#2e6e9e"),
}
PART_SHORT = {
    "probiotic": "Pro",
    "prebiotic": "Pre",
    "fiber": "Fib",
    "plants": "Pla",
    "anti_inflammatory": "Ant",
    "limit": "Lim",
}


def _markup_color(color: colors.Color) -> str:
    """``color`` for Paragraph markup as CSS ``rgb()``, which ReportLab parses directly.

    ``hexval()``'s "0x…" gives the same colour, but ReportLab reads it with an
    ``ast.literal_eval`` per tag, which is slow and leaves cyclic garbage (its closures).
    """
    red, green, blue = (round(part * 255) for part in color.rgb())
    return f"rgb({red},{green},{blue})"


MUTED_MARKUP = _markup_color(MUTED)

MARGIN = 30.0
BAND = 40.0  # the running title at the top of every page
FOOTER = 26.0
COLUMN_GAP = 18.0


class PdfExportError(PlannerError):
    """The PDF could not be made or saved; nothing was written."""


# -- fonts ----------------------------------------------------------------------------------
_FONT_FILES = {
    "GutSkin-Sans": "DejaVuSans.ttf",
    "GutSkin-Sans-Bold": "DejaVuSans-Bold.ttf",
    "GutSkin-Cond": "DejaVuSansCondensed.ttf",
    "GutSkin-Cond-Bold": "DejaVuSansCondensed-Bold.ttf",
}


@dataclass(frozen=True)
class Fonts:
    sans: str
    bold: str
    cond: str
    cond_bold: str
    drawable: frozenset[int]  # code points every one of the four fonts can draw


_fonts_lock = threading.Lock()
_fonts_cache: Fonts | None = None


def load_fonts() -> Fonts:
    """Register the shipped DejaVu fonts with ReportLab once, from the package resources."""
    global _fonts_cache
    with _fonts_lock:
        if _fonts_cache is None:
            drawable: set[int] | None = None
            for name, filename in _FONT_FILES.items():
                try:
                    folder = resources.files("resources").joinpath("fonts")
                    data = folder.joinpath(filename).read_bytes()
                    font = TTFont(name, io.BytesIO(data))
                except Exception as exc:  # a missing or damaged file; ReportLab raises several
                    raise PdfExportError(
                        f"The PDF font {filename} is missing or damaged; reinstall the app."
                    ) from exc
                pdfmetrics.registerFont(font)
                points = set(font.face.charToGlyph)
                drawable = points if drawable is None else drawable & points
            pdfmetrics.registerFontFamily(
                "GutSkin-Sans", normal="GutSkin-Sans", bold="GutSkin-Sans-Bold"
            )
            pdfmetrics.registerFontFamily(
                "GutSkin-Cond", normal="GutSkin-Cond", bold="GutSkin-Cond-Bold"
            )
            _fonts_cache = Fonts(
                sans="GutSkin-Sans",
                bold="GutSkin-Sans-Bold",
                cond="GutSkin-Cond",
                cond_bold="GutSkin-Cond-Bold",
                drawable=frozenset(drawable or ()),
            )
        return _fonts_cache


def printable(text: str, drawable: frozenset[int]) -> str:
    """``text`` as the font can print it: composed accents, whitespace as spaces, and a
    visible replacement mark for each character it cannot draw."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch.isspace():
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cs") or ord(ch) not in drawable:
            out.append(REPLACEMENT)
        else:
            out.append(ch)
    return "".join(out)


# -- dates ----------------------------------------------------------------------------------
# English names by hand: strftime follows the machine's locale and would change the bytes.
def day_label(day: date) -> str:
    return f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"


def span_label(first: date, last: date) -> str:
    """Dates like 30 Nov – 6 Dec 2026, with both years when the span crosses one."""
    end = f"{last.day} {MONTH_NAMES[last.month - 1]} {last.year}"
    if first.year != last.year:
        return f"{first.day} {MONTH_NAMES[first.month - 1]} {first.year} – {end}"
    return f"{first.day} {MONTH_NAMES[first.month - 1]} – {end}"


# -- small drawings -------------------------------------------------------------------------
class _ScoreCell(Flowable):
    """A day's score as a number and a bar per part, filled by its share."""

    HEIGHT = 31.0

    def __init__(self, day: DayScore, fonts: Fonts) -> None:
        super().__init__()
        self.day = day
        self.fonts = fonts

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.HEIGHT

    def draw(self) -> None:
        c, day, fonts = self.canv, self.day, self.fonts
        top = self.HEIGHT
        if not day.planned or day.score is None:
            c.setFillColor(MUTED)
            c.setFont(fonts.cond_bold, 14)
            c.drawString(0, top - 14, "–")
            c.setFont(fonts.cond, 7)
            c.drawString(0, top - 25, "not scored" if day.unknown_foods else "not planned")
            return
        c.setFillColor(INK)
        c.setFont(fonts.cond_bold, 16)
        c.drawString(0, top - 16, f"{day.score:.0f}")
        c.setFillColor(MUTED)
        c.setFont(fonts.cond, 6)
        c.drawString(0, top - 25, "of 100")
        # Bars start after the widest score, "100", so that every day's bars line up.
        x_label = c.stringWidth("100", fonts.cond_bold, 16) + 3
        x_bar = x_label + c.stringWidth("Pre", fonts.cond, 5.8) + 2.5
        bar_width = max(self.width - x_bar - 1, 10.0)
        # The bars share the cell's height, however many parts the score has.
        pitch = min(7.3, self.HEIGHT / max(len(day.parts), 1))
        for row, part in enumerate(day.parts):
            y = top - pitch * (row + 1) + 0.5
            c.setFillColor(MUTED)
            c.setFont(fonts.cond, min(5.8, pitch * 0.95))
            c.drawString(x_label, y + 0.3, PART_SHORT.get(part.key, part.label[:3]))
            bar = pitch * 0.63
            _bar(c, x_bar, y, bar_width, bar, part.share, PART_COLORS.get(part.key, ACCENT))


def _bar(c: Canvas, x: float, y: float, width: float, height: float, share: float, color) -> None:
    share = min(max(share, 0.0), 1.0)
    c.setLineWidth(0.4)
    c.setStrokeColor(RULE)
    c.setFillColor(colors.white)
    c.rect(x, y, width, height, stroke=1, fill=1)
    if share > 0:
        c.setFillColor(color)
        c.rect(x, y, width * share, height, stroke=0, fill=1)


class _Swatch(Flowable):
    """A single bar: in the legend a sample, in the day notes a part's share."""

    def __init__(self, color, share: float = 2 / 3, width: float = 18.0) -> None:
        super().__init__()
        self.color, self.share, self.width, self.height = color, share, width, 4.6

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height + 2

    def draw(self) -> None:
        _bar(self.canv, 0, 1, self.width, self.height, self.share, self.color)


class _TickBox(Flowable):
    def __init__(self, size: float = 7.5, ticked: bool = False) -> None:
        super().__init__()
        self.size, self.ticked = size, ticked

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        c, s = self.canv, self.size
        c.setLineWidth(0.7)
        c.setStrokeColor(MUTED if self.ticked else INK)
        c.rect(0, 0, s, s, stroke=1, fill=0)
        if self.ticked:  # already at home: a check mark instead of an empty box
            c.setLineWidth(1)
            c.lines([(1.5, s * 0.5, s * 0.42, 1.6), (s * 0.42, 1.6, s - 1.2, s - 1.2)])


class _GridTable(Table):
    """A table that splits inside a row only when it must, or when moving the row whole
    would leave much of the page empty.

    ReportLab's own order (whole rows first, else inside a row) moves a tall row to the
    next page and then splits it there below a repeated header, leaving gaps.
    """

    page_height = 0.0  # the frame height a whole row may take, set by the builder

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self._calc(available_width, available_height)
        used, crossing = 0.0, None
        for height in self._rowHeights:
            if used + height > available_height:
                crossing = height
                break
            used += height
        header = sum(self._rowHeights[: self.repeatRows])
        parts: list[Flowable] = []
        too_tall = crossing is not None and crossing + header > self.page_height
        # Moving a tall row whole would leave much of this page empty: split it here too.
        much_room = available_height - used > 0.4 * self.page_height
        if crossing is not None and (too_tall or much_room):
            parts = self._splitRows(available_height, doInRowSplit=True)
        if not parts:
            # Whole rows only: a row that does not fit here goes to the next page whole.
            parts = self._splitRows(available_height, doInRowSplit=False)
        for part in parts:
            part.page_height = self.page_height
        return parts


class _Paragraph(Paragraph):
    """A Paragraph that frees its drawing state as soon as it is drawn.

    For text with markup ReportLab gives each text object a method bound to itself, a
    reference cycle that holds the paragraph's lines until a garbage collection; with
    the collector paused during the build those pile up into one slow collection at
    the end, slower per page the longer the plan. Dropping the method after drawing
    lets reference counting free them at once.
    """

    _texts: list[PDFTextObject] | None = None

    def beginText(self, x: float, y: float) -> PDFTextObject:
        text = super().beginText(x, y)
        if self._texts is not None:
            self._texts.append(text)
        return text

    def drawPara(self, debug: int = 0) -> None:
        self._texts = []
        try:
            super().drawPara(debug)
        finally:
            for text in self._texts:
                text.__dict__.pop("_do_line", None)
            self._texts = None


class _Decor:
    """Draws a section's running title and the page number on each of its pages."""

    def __init__(self, title: str, fonts: Fonts, size: tuple[float, float]) -> None:
        self.title, self.fonts, self.size, self.pages = title, fonts, size, 0

    def __call__(self, c: Canvas, doc: BaseDocTemplate) -> None:
        self.pages += 1
        width, height = self.size
        c.saveState()
        y = height - MARGIN - 14
        c.setFillColor(INK)
        c.setFont(self.fonts.bold, 14)
        c.drawString(MARGIN, y, self.title)
        if self.pages > 1:
            c.setFillColor(MUTED)
            c.setFont(self.fonts.sans, 9)
            c.drawString(
                MARGIN + c.stringWidth(self.title, self.fonts.bold, 14) + 8, y, "continued"
            )
        c.setFillColor(ACCENT)
        c.setFont(self.fonts.bold, 8)
        c.drawRightString(width - MARGIN, y + 3, "Gut–Skin Planner")
        c.setStrokeColor(ACCENT)
        c.setLineWidth(1.2)
        c.line(MARGIN, y - 8, width - MARGIN, y - 8)
        c.setFillColor(MUTED)
        c.setFont(self.fonts.sans, 7.5)
        c.drawRightString(width - MARGIN, MARGIN - 10, f"Page {doc.page}")
        c.restoreState()


# -- the document ---------------------------------------------------------------------------
class _Builder:
    def __init__(
        self,
        plan: Plan,
        evaluator: Evaluator,
        *,
        paper: tuple[float, float],
        shopping: bool,
        notes: bool,
        have: frozenset[str],
    ) -> None:
        self.plan, self.evaluator = plan, evaluator
        self.catalog = evaluator.catalog
        self.paper, self.shopping, self.notes, self.have = paper, shopping, notes, have
        self.fonts = load_fonts()
        self.templates: list[PageTemplate] = []
        self.story: list[Flowable] = []
        self._styles()

    # -- text ------------------------------------------------------------------------------
    def text(self, value: str) -> str:
        """User text as it prints, escaped for Paragraph markup."""
        return escape(printable(value, self.fonts.drawable))

    def para(self, markup: str, style: ParagraphStyle) -> Paragraph:
        return _Paragraph(markup, style)

    def _styles(self) -> None:
        f = self.fonts

        def style(name: str, **kw) -> ParagraphStyle:
            base = {"fontName": f.sans, "fontSize": 9, "leading": 11.5, "textColor": INK}
            base.update(kw)
            return ParagraphStyle(name, **base)

        self.s_small = style("small", fontSize=7.5, leading=9.5, textColor=MUTED)
        self.s_stats = style("stats", fontSize=9.5, leading=12)
        self.s_head = style("head", fontName=f.cond_bold, fontSize=8.5, leading=10)
        self.s_meal = style("meal", fontName=f.cond_bold, fontSize=8, leading=10)
        self.s_cell = style(
            "cell", fontName=f.cond, fontSize=7.6, leading=9, leftIndent=5, firstLineIndent=-5
        )
        self.s_foot = style("foot", fontName=f.cond, fontSize=7, leading=8.5, textColor=MUTED)
        self.s_aisle = style("aisle", fontName=f.bold, fontSize=9.5, leading=12, textColor=ACCENT)
        self.s_item = style("item", fontSize=8.6, leading=10.5)
        self.s_qty = style("qty", fontSize=8.2, leading=10.5, alignment=TA_RIGHT)
        self.s_day = style("day", fontName=f.bold, fontSize=9.6, leading=12, spaceBefore=2)
        self.s_note = style("note", fontSize=7.8, leading=9.8, leftIndent=4)
        self.s_note_head = style(
            "note_head", fontSize=7.8, leading=9.8, leftIndent=4, spaceBefore=3
        )
        self.s_note_cell = style("note_cell", fontSize=7.8, leading=9.4)
        self.s_suggestion = style(
            "suggestion", fontSize=7.8, leading=9.8, leftIndent=14, firstLineIndent=-10
        )

    # -- sections --------------------------------------------------------------------------
    def section(self, title: str, *, wide: bool, columns: int = 1) -> None:
        """Start a section on a new page, with its own page template and running title."""
        size = landscape(self.paper) if wide else portrait(self.paper)
        width, height = size
        top = height - MARGIN - BAND
        frame_height = top - (MARGIN + FOOTER - 12)
        frame_width = (width - 2 * MARGIN - COLUMN_GAP * (columns - 1)) / columns
        frames = [
            Frame(
                MARGIN + i * (frame_width + COLUMN_GAP),
                MARGIN + FOOTER - 12,
                frame_width,
                frame_height,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
                id=f"s{len(self.templates)}c{i}",
            )
            for i in range(columns)
        ]
        template_id = f"section{len(self.templates)}"
        decor = _Decor(printable(title, self.fonts.drawable), self.fonts, size)
        self.templates.append(
            PageTemplate(id=template_id, frames=frames, onPage=decor, pagesize=size)
        )
        if len(self.templates) > 1:
            self.story += [NextPageTemplate(template_id), PageBreakIfNotEmpty()]
        self.frame_width, self.frame_height = frame_width, frame_height

    def build(self) -> bytes:
        # The day notes ask for suggestions themselves; the one-line tips are not printed.
        scores = self.evaluator.evaluate(self.plan, tips=False)
        any_food = self.plan.entry_count() > 0
        for week in range(self.plan.weeks):
            self.grid(week, scores)
            days = week_days(self.plan, week)
            has_food = any(not self.plan.is_day_empty(day) for day in days)
            if self.shopping and has_food:
                self.shopping_list(week)
            if self.notes and any(scores.days[day].planned for day in days):
                self.day_notes(week, scores)
        if self.notes and not any_food:
            self.story.append(
                self.para("No day is planned yet, so there are no notes.", self.s_small)
            )

        first, last = self.plan.date_of(0), self.plan.date_of(self.plan.day_count - 1)
        buffer = io.BytesIO()
        doc = BaseDocTemplate(
            buffer,
            pagesize=self.templates[0].pagesize,
            pageTemplates=self.templates,
            title=f"Gut–Skin week plan, {span_label(first, last)}",
            author="Gut–Skin Planner",
            subject="Week plan and shopping list",
            creator="Gut–Skin Planner",
            invariant=1,
            pageCompression=1,
            # Without these the page preamble names Helvetica, a font that is not embedded.
            initialFontName=self.fonts.sans,
            initialFontSize=9,
            initialLeading=11.5,
            lang="en",
            displayDocTitle=True,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
        )
        doc.build(self.story)
        return buffer.getvalue()

    # -- the week grid ---------------------------------------------------------------------
    def grid(self, week: int, scores: PlanScore) -> None:
        days = week_days(self.plan, week)
        first, last = self.plan.date_of(days[0]), self.plan.date_of(days[-1])
        self.section(f"Week plan · {span_label(first, last)}", wide=True)
        stats = self.para(self.week_stats(scores.weeks[week]), self.s_stats)
        legend = self.legend()
        # The largest cell text that keeps the week on one page; the smallest otherwise,
        # and then the grid runs over pages with its header row repeated.
        room = self.frame_height - 6 - 8
        room -= stats.wrap(self.frame_width, self.frame_height)[1]
        room -= sum(part.wrap(self.frame_width, self.frame_height)[1] for part in legend)
        for size in CELL_SIZES:
            table = self.grid_table(days, scores, size)
            _width, height = table.wrap(self.frame_width, self.frame_height)
            if height <= room:
                break
        self.story += [stats, Spacer(1, 6), table, Spacer(1, 8), KeepTogether(legend)]

    def grid_table(self, days: range, scores: PlanScore, size: float) -> _GridTable:
        cell = ParagraphStyle(
            f"cell{size}", parent=self.s_cell, fontSize=size, leading=round(size * 1.2, 1)
        )
        label_width = 52.0
        day_width = (self.frame_width - label_width) / DAYS_PER_WEEK
        text_width = day_width - 4 - 3 - cell.leftIndent  # less the cell's padding and indent
        header = [""] + [
            self.para(
                f"{DAY_NAMES[self.plan.date_of(d).weekday()]}"
                f'<font name="{self.fonts.cond}" color="{MUTED_MARKUP}">'
                f"  {day_label(self.plan.date_of(d))[4:]}</font>",
                self.s_head,
            )
            for d in days
        ]
        rows: list[list] = [header]
        rows.append(
            [self.para("Score", self.s_meal)]
            + [_ScoreCell(scores.days[d], self.fonts) for d in days]
        )
        for meal in MEALS:
            rows.append(
                [self.para(MEAL_LABELS[meal], self.s_meal)]
                + [self.cell_flowables(d, meal, cell, text_width) for d in days]
            )
        rows.append([self.para("Day", self.s_meal)] + [self.day_foot(scores.days[d]) for d in days])
        style = TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), self.fonts.cond, size),
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
        table = _GridTable(
            rows,
            colWidths=[label_width] + [day_width] * len(days),
            style=style,
            repeatRows=1,
            splitInRow=1,
            hAlign="LEFT",
        )
        table.page_height = self.frame_height
        return table

    def week_stats(self, week: WeekScore) -> str:
        planned = week.planned_days
        if week.average is None:
            return "No day of this week is planned yet."
        days = len(week.days)
        return (
            f"<b>Week average {week.average:.0f}</b> of 100 over {planned} planned "
            f"day{'' if planned == 1 else 's'} of {days}  ·  "
            f"<b>{len(week.plants)} of {week.plants_target}</b> different plants  ·  "
            f"a live-culture food on {week.fermented_days} day"
            f"{'' if week.fermented_days == 1 else 's'}"
        )

    def cell_flowables(
        self, day: int, meal: str, style: ParagraphStyle, width: float
    ) -> list[Flowable] | str:
        entries = self.plan.cell(day, meal)
        if not entries:
            return ""
        muted = MUTED_MARKUP
        out = []
        for entry in entries:
            food = self.catalog.get(entry.food_id)
            name = self.text(self.catalog.name_of(entry.food_id))
            quantity = printable(entry_quantity(food, entry.servings), self.fonts.drawable)
            # Non-breaking spaces keep an amount whole on its line, when it fits on one.
            if pdfmetrics.stringWidth(quantity, style.fontName, style.fontSize) <= width:
                quantity = quantity.replace(" ", "\u00a0")
            quantity = escape(quantity)
            if food is None:
                name = f'<font color="{muted}">{name}</font>'
            out.append(self.para(f'{name} <font color="{muted}">{quantity}</font>', style))
        return out

    def day_foot(self, day: DayScore) -> Paragraph | str:
        if not day.planned:
            return ""
        plants = len(day.plants)
        return self.para(
            f"Fiber {day.fiber_g:.0f} g · {plants} plant{'' if plants == 1 else 's'}",
            self.s_foot,
        )

    def legend(self) -> list[Flowable]:
        config = self.evaluator.config
        cells: list = []
        for key in PART_KEYS:
            cells += [
                _Swatch(PART_COLORS[key]),
                self.para(
                    f"<b>{PART_SHORT[key]}</b> {self.text(config.labels[key])}, "
                    f"up to {config.points[key]:.0f}",
                    self.s_small,
                ),
            ]
        swatches = Table(
            [cells],
            colWidths=[20, self.frame_width / len(PART_KEYS) - 20] * len(PART_KEYS),
            style=[
                ("FONT", (0, 0), (-1, -1), self.fonts.sans, 7.5),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ],
            hAlign="LEFT",
        )
        explain = self.para(
            "A day's score, out of 100, is the sum of its six parts times how complete the "
            "day is (its energy from foods not to limit, against 1,600 kcal); each bar shows "
            "how much of its part the day earns, by amounts in grams. The limit bar shrinks "
            "with each dose of a food to limit. A day with no food is not planned, which is "
            "not a zero.",
            self.s_small,
        )
        return [swatches, Spacer(1, 2), explain]

    # -- the shopping list -----------------------------------------------------------------
    def shopping_list(self, week: int) -> None:
        days = week_days(self.plan, week)
        first, last = self.plan.date_of(days[0]), self.plan.date_of(days[-1])
        self.section(f"Shopping list · {span_label(first, last)}", wide=False, columns=2)
        found = shopping_list(self.plan, self.catalog, days, have=self.have)
        count, aisles = len(found.lines), len(found.groups)
        intro = (
            f"{count} food{'' if count == 1 else 's'} in {aisles} aisle"
            f"{'' if aisles == 1 else 's'}, in store order. Each line is the week's servings "
            "added up, with the weight to buy."
        )
        if not count:
            intro = "Nothing to buy: every food of this week is already at home."
        self.story += [self.para(intro, self.s_small), Spacer(1, 6)]
        for group in found.groups:
            self.story.append(self.aisle_table(group.label, group.lines))
        if found.have:
            self.story.append(
                self.aisle_table(
                    "Already at home",
                    [line for group in found.have for line in group.lines],
                    ticked=True,
                    note="Left off the list above; check there is enough.",
                )
            )
        if found.unknown:
            lines = [
                ShoppingLine(food_id, self.catalog.name_of(food_id), "", n, amount, "")
                for food_id, n in found.unknown
                for amount in [entry_quantity(None, n)]
            ]
            self.story.append(
                self.aisle_table(
                    "Not in the food catalog",
                    lines,
                    note="In the plan, but not among the foods this app knows.",
                )
            )

    def aisle_table(
        self,
        label: str,
        lines: Iterable[ShoppingLine],
        *,
        ticked: bool = False,
        note: str = "",
    ) -> Table:
        rows: list[list] = [[self.para(self.text(label), self.s_aisle), "", ""]]
        if note:
            rows.append([self.para(self.text(note), self.s_small), "", ""])
        muted = MUTED_MARKUP
        for line in lines:
            quantity = self.text(line.amount)
            if line.weight and line.weight != line.amount:
                quantity += f' <font color="{muted}">({self.text(line.weight)})</font>'
            rows.append(
                [
                    _TickBox(ticked=ticked),
                    self.para(self.text(line.name), self.s_item),
                    self.para(quantity, self.s_qty),
                ]
            )
        box = 13.0
        name_width = (self.frame_width - box) * 0.54
        qty_width = self.frame_width - box - name_width
        first_line = 2 if note else 1
        style = [
            ("FONT", (0, 0), (-1, -1), self.fonts.sans, 8.6),
            ("SPAN", (0, 0), (-1, 0)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 2.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
            ("TOPPADDING", (0, 1), (0, -1), 3.6),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 3),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
            # No heading alone at the foot of a column, no single line alone at the top.
            ("NOSPLIT", (0, 0), (-1, min(first_line + 1, len(rows) - 1))),
            ("NOSPLIT", (0, max(len(rows) - 2, 0)), (-1, -1)),
        ]
        if note:
            style.append(("SPAN", (0, 1), (-1, 1)))
        if ticked:
            style.append(("TEXTCOLOR", (0, 1), (-1, -1), MUTED))
        return Table(
            rows,
            colWidths=[box, name_width, qty_width],
            style=style,
            repeatRows=1,
            spaceAfter=9,
            hAlign="LEFT",
        )

    # -- day notes -------------------------------------------------------------------------
    def day_notes(self, week: int, scores: PlanScore) -> None:
        days = week_days(self.plan, week)
        first, last = self.plan.date_of(days[0]), self.plan.date_of(days[-1])
        self.section(f"Day notes · {span_label(first, last)}", wide=False, columns=2)
        self.story.append(
            self.para(
                "For each planned day: what holds its score back, each part's points, "
                "and the foods that would raise it most.",
                self.s_small,
            )
        )
        for d in days:
            day = scores.days[d]
            if day.planned and day.score is not None:
                self.story.append(KeepTogether(self.day_note(d, day)))

    def day_note(self, d: int, day: DayScore) -> list[Flowable]:
        muted = MUTED_MARKUP
        plants = len(day.plants)
        block: list[Flowable] = [
            self.para(
                f"{self.text(day_label(day.date))}  ·  score {day.score:.0f}"
                f'<font name="{self.fonts.sans}" size="7.8" color="{muted}">'
                f"    fiber {day.fiber_g:.0f} g · {plants} plant{'' if plants == 1 else 's'}"
                "</font>",
                self.s_day,
            ),
            self.para(self.text(day.why), self.s_note),
            Spacer(1, 2),
        ]
        rows = [
            [
                _Swatch(PART_COLORS.get(part.key, ACCENT), share=part.share, width=26),
                self.para(f"<b>{self.text(part.label)}</b>", self.s_note_cell),
                self.para(f"{part.points:.0f}/{part.max_points:.0f}", self.s_note_cell),
                self.para(self.text(part.sentence), self.s_note_cell),
            ]
            for part in day.parts
        ]
        block.append(
            Table(
                rows,
                colWidths=[32, 56, 30, self.frame_width - 118],
                style=[
                    ("FONT", (0, 0), (-1, -1), self.fonts.sans, 7.8),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("LEFTPADDING", (0, 0), (0, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                    ("TOPPADDING", (0, 0), (-1, -1), 0.8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8),
                ],
                hAlign="LEFT",
            )
        )
        if day.unknown_foods:
            names = ", ".join(day.unknown_foods)
            block.append(self.para("Not in the catalog: " + self.text(names), self.s_note))
        suggestions = self.evaluator.suggest(
            self.plan, d, top=SUGGESTIONS_PER_DAY, familiar_first=True
        )
        if suggestions:
            block.append(self.para("<b>Would raise the score most</b>", self.s_note_head))
            for s in suggestions:
                gain = f"{s.gain:.1f}" if s.gain < 0.95 else f"{s.gain:.0f}"
                block.append(
                    self.para(
                        f"<b>+{gain}</b> to {s.new_score:.0f}: {self.text(s.name)} "
                        f'<font color="{muted}">({self.text(s.serving_label)}). '
                        f"{self.text(s.reason)}.</font>",
                        self.s_suggestion,
                    )
                )
        block.append(Spacer(1, 9))
        return block


# -- public API -----------------------------------------------------------------------------
def render_pdf(
    plan: Plan,
    evaluator: Evaluator,
    *,
    paper: str = "a4",
    shopping: bool = True,
    notes: bool = False,
    have: Iterable[str] = frozenset(),
) -> bytes:
    """The PDF of ``plan`` as bytes: the same input gives the same bytes."""
    size = PAPERS.get(str(paper).casefold())
    if size is None:
        raise PdfExportError(f"Unknown paper size {paper!r}; use a4 or letter.")
    builder = _Builder(
        plan, evaluator, paper=size, shopping=shopping, notes=notes, have=frozenset(have)
    )
    try:
        with _collector_paused():
            return builder.build()
    except LayoutError as exc:
        raise PdfExportError(f"The PDF could not be laid out: {exc}") from exc


def export_pdf(
    plan: Plan,
    evaluator: Evaluator,
    path: Path | str,
    *,
    paper: str = "a4",
    shopping: bool = True,
    notes: bool = False,
    have: frozenset[str] = frozenset(),
) -> None:
    """Write the PDF of ``plan`` to ``path``: completely, or not at all.

    Raises PdfExportError (a PlannerError) with one sentence for the user.
    """
    data = render_pdf(plan, evaluator, paper=paper, shopping=shopping, notes=notes, have=have)
    target = Path(path)
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise PdfExportError(describe_os_error(target, exc)) from exc


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a document is built and laid out.

    A story holds tens of thousands of objects and each collection walks them again, so
    with the collector on a 12-week plan cost 5-9 % more per week than a 1-week one; with
    it paused the cost is linear (docs/performance.md). Layout makes few cycles: they are
    collected as usual once the collector runs again.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
