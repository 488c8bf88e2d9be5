"""The PDF's small drawings (score bars, swatches, tick boxes), the splitting week table
and the running title of each page."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Table

from planner.export.fonts import Fonts
from planner.export.rl_private import row_count, row_heights, split_rows
from planner.export.theme import (
    ACCENT,
    INK,
    MARGIN,
    MUTED,
    NOT_ADVICE,
    PART_COLORS,
    PART_SHORT,
    RULE,
)
from planner.i18n import _

if TYPE_CHECKING:
    from planner.scoring.results import DayScore


class ScoreCell(Flowable):
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
            c.drawString(0, top - 25, _("not scored") if day.unknown_foods else _("not planned"))
            return
        c.setFillColor(INK)
        c.setFont(fonts.cond_bold, 16)
        c.drawString(0, top - 16, f"{day.score:.0f}")
        c.setFillColor(MUTED)
        c.setFont(fonts.cond, 6)
        # Translators: under a day's score in the PDF's grid, "84 / of 100".
        c.drawString(0, top - 25, _("of 100"))
        # Bars start after the widest score, "100", so that every day's bars line up.
        x_label = c.stringWidth("100", fonts.cond_bold, 16) + 3
        shorts = [_(PART_SHORT.get(part.key, part.label[:3])) for part in day.parts]
        widest = max((c.stringWidth(s, fonts.cond, 5.8) for s in shorts), default=0.0)
        x_bar = x_label + widest + 2.5
        bar_width = max(self.width - x_bar - 1, 10.0)
        # The bars share the cell's height, however many parts the score has.
        pitch = min(7.3, self.HEIGHT / max(len(day.parts), 1))
        for row, part in enumerate(day.parts):
            y = top - pitch * (row + 1) + 0.5
            c.setFillColor(MUTED)
            c.setFont(fonts.cond, min(5.8, pitch * 0.95))
            c.drawString(x_label, y + 0.3, shorts[row])
            height = pitch * 0.63
            bar(c, x_bar, y, bar_width, height, part.share, PART_COLORS.get(part.key, ACCENT))


def bar(
    c: Canvas, x: float, y: float, width: float, height: float, share: float, color: colors.Color
) -> None:
    share = min(max(share, 0.0), 1.0)
    c.setLineWidth(0.4)
    c.setStrokeColor(RULE)
    c.setFillColor(colors.white)
    c.rect(x, y, width, height, stroke=1, fill=1)
    if share > 0:
        c.setFillColor(color)
        c.rect(x, y, width * share, height, stroke=0, fill=1)


class Swatch(Flowable):
    """A single bar: in the legend a sample, in the day notes a part's share."""

    def __init__(self, color: colors.Color, share: float = 2 / 3, width: float = 18.0) -> None:
        super().__init__()
        self.color, self.share, self.width, self.height = color, share, width, 4.6

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height + 2

    def draw(self) -> None:
        bar(self.canv, 0, 1, self.width, self.height, self.share, self.color)


class TickBox(Flowable):
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


class GridTable(Table):
    """A table that splits inside a row only when it must, or when moving the row whole
    would leave much of the page empty.

    ReportLab's own order (whole rows first, else inside a row) moves a tall row to the
    next page and then splits it there below a repeated header, leaving gaps.
    """

    page_height = 0.0  # the frame height a whole row may take, set by the week section

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        heights = row_heights(self, available_width, available_height)
        used, crossing = 0.0, None
        for height in heights:
            if used + height > available_height:
                crossing = height
                break
            used += height
        header = sum(heights[: self.repeatRows])
        parts: list[Flowable] = []
        too_tall = crossing is not None and crossing + header > self.page_height
        # Moving a tall row whole would leave much of this page empty: split it here too.
        much_room = available_height - used > 0.4 * self.page_height
        if crossing is not None and (too_tall or much_room):
            parts = split_rows(self, available_height, in_row=True)
        if not parts:
            # Whole rows only: a row that does not fit here goes to the next page whole.
            parts = split_rows(self, available_height, in_row=False)
        for part in parts:
            part.page_height = self.page_height
        return parts


class WindowedTable(Flowable):
    """A long table laid out a window of rows at a time, so that its cost stays linear.

    ReportLab lays out the whole rest of a table again each time it splits one over a
    page or column, so a list of n lines over n/k columns cost n²/k. Here only the next
    ``window`` lines are made into a Table; the lines that fit are drawn and the rest
    becomes a new window. ``make(start, stop)`` gives the Table of lines [start, stop)
    with its header rows, and how many header rows it has. The window is far taller than
    any page, so the splits, and the bytes, are those of one whole table.
    """

    def __init__(
        self,
        make: Callable[[int, int], tuple[Table, int]],
        count: int,
        window: int,
        start: int = 0,
    ) -> None:
        super().__init__()
        self.make, self.count, self.window, self.start = make, count, window, start
        self._table: tuple[Table, int] | None = None

    def _current(self) -> tuple[Table, int]:
        if self._table is None:
            self._table = self.make(self.start, min(self.count, self.start + self.window))
        return self._table

    def _last(self) -> bool:
        return self.start + self.window >= self.count

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if not self._last():
            # More lines follow than any page holds: never fits, so the frame splits it,
            # and measuring the window here too would only double the work.
            return available_width, available_height + 1
        table, _header = self._current()
        return table.wrapOn(getattr(self, "canv", None), available_width, available_height)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        table, header = self._current()
        parts = table.splitOn(getattr(self, "canv", None), available_width, available_height)
        if self._last() or not parts:
            return parts
        start = self.start + (row_count(parts[0]) - header if len(parts) > 1 else self.window)
        return [parts[0], windowed(self.make, self.count, self.window, start)]

    def draw(self) -> None:  # not reached: a window that is not the last always splits
        self._current()[0].drawOn(self.canv, 0, 0)

    def getSpaceAfter(self) -> float:
        return self._current()[0].getSpaceAfter()


def windowed(
    make: Callable[[int, int], tuple[Table, int]], count: int, window: int, start: int = 0
) -> Flowable:
    """Lines [start, count) as one Table when they fit in a window, else a WindowedTable."""
    if count - start <= window:
        return make(start, count)[0]
    return WindowedTable(make, count, window, start)


class Decor:
    """Draws a section's running title and the page number on each of its pages, and the
    not-medical-advice note at the foot of the document's first page."""

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
                MARGIN + c.stringWidth(self.title, self.fonts.bold, 14) + 8,
                y,
                # Translators: beside a section's title on its second and later pages.
                _("continued"),
            )
        c.setFillColor(ACCENT)
        c.setFont(self.fonts.bold, 8)
        c.drawRightString(width - MARGIN, y + 3, "Gut–Skin Planner")
        c.setStrokeColor(ACCENT)
        c.setLineWidth(1.2)
        c.line(MARGIN, y - 8, width - MARGIN, y - 8)
        c.setFillColor(MUTED)
        c.setFont(self.fonts.sans, 7.5)
        c.drawRightString(width - MARGIN, MARGIN - 10, _("Page {number}").format(number=doc.page))
        if doc.page == 1:
            c.drawString(MARGIN, MARGIN - 10, _(NOT_ADVICE))
        c.restoreState()
