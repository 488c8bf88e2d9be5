"""Every use of ReportLab's private API in the export, in one place.

Each use below says why it is needed and was checked against ReportLab 5.1.0 (the
installed version when it was written; pyproject asks for >= 4.2). ``missing()`` lists
what this module relies on and the installed ReportLab lacks; tests/test_pdf.py fails
loudly on any, so an upgrade that removes one is caught before a user sees it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Paragraph, Table

CHECKED_WITH = "5.1.0"


def font_code_points(font: TTFont) -> set[int]:
    """The code points ``font`` has a glyph for.

    Private: ``TTFont.face.charToGlyph`` is the parsed cmap, not documented API. It is
    the only way to know, before drawing, which characters would print as blank boxes.
    """
    return set(font.face.charToGlyph)


class FreeingParagraph(Paragraph):
    """A Paragraph that frees its drawing state as soon as it is drawn, and wraps once
    per width.

    Drawing: for text with markup ReportLab gives each text object a method bound to
    itself (``tx._do_line = MethodType(_do_line, tx)`` in ``Paragraph.drawPara``), a
    reference cycle that holds the paragraph's lines until a garbage collection; with
    the collector paused during the build those pile up into one slow collection at the
    end. Dropping the private ``_do_line`` after drawing lets reference counting free
    them at once. ``beginText`` is the undocumented hook drawPara makes each one with.

    Wrapping: a table that splits a cell over pages wraps every flowable left in the cell
    again on each page (``Table._splitCell``, ``_listCellGeom``), so a cell of n names
    over n/k pages cost n²/k line breakings, each a character-by-character search for
    long words. Line breaking depends on the width alone, so the result of the last wrap
    (the private ``blPara`` and ``height`` that ``Paragraph.wrap`` sets) is reused when
    the width is unchanged.
    """

    _texts: list[PDFTextObject] | None = None
    _wrapped: tuple[float, Any, float] | None = None  # width, blPara, height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        wrapped = self._wrapped
        # A split copies a paragraph and may delete or replace its lines: wrap again then.
        lines = getattr(self, "blPara", None)
        if wrapped is not None and wrapped[0] == availWidth and lines is wrapped[1] is not None:
            self.width, self.height = availWidth, wrapped[2]
            return availWidth, wrapped[2]
        width, height = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, getattr(self, "blPara", None), height)
        return width, height

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


def row_heights(table: Table, width: float, height: float) -> list[float]:
    """The heights of ``table``'s rows laid out in ``width``.

    Private: ``Table._calc`` computes the layout and leaves it in ``_rowHeights``; the
    public ``wrap`` gives only the total, and a split policy needs each row's height.
    """
    table._calc(width, height)
    return list(table._rowHeights)


def split_rows(table: Table, height: float, *, in_row: bool) -> list[Flowable]:
    """``table`` split to fill ``height``: between rows, or also inside a row.

    Private: ``Table._splitRows`` is the splitter ``Table.split`` uses; calling it with a
    chosen ``doInRowSplit`` is the only way to choose the order of the two attempts
    without re-implementing row splitting.
    """
    return table._splitRows(height, doInRowSplit=in_row)


def row_count(table: Table) -> int:
    """How many rows ``table`` has, header rows included.

    Private: ``Table._nrows``; the public API has no row count, and a split part's rows
    are needed to know where the next window of a long table starts.
    """
    return table._nrows


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a document is built and laid out.

    Not ReportLab's API but a trick around its internals: a story holds tens of thousands
    of objects and each collection walks them again, so with the collector on a 12-week
    plan cost 5-9 % more per week than a 1-week one; with it paused the cost is linear
    (docs/performance.md). Layout makes few cycles (FreeingParagraph removes the main
    one): they are collected as usual once the collector runs again.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def missing() -> list[str]:
    """What this module relies on and the installed ReportLab lacks: empty when all is well."""
    from reportlab.lib.styles import ParagraphStyle

    problems = []
    for cls, name in ((Table, "_calc"), (Table, "_splitRows"), (Paragraph, "beginText")):
        if not callable(getattr(cls, name, None)):
            problems.append(f"{cls.__name__}.{name}")
    try:
        table = Table([["a"], ["b"]], rowHeights=[10, 10])
        if len(row_heights(table, 100, 100)) != 2:
            problems.append("Table._rowHeights after _calc")
        if len(split_rows(table, 15, in_row=False)) != 2:
            problems.append("Table._splitRows(doInRowSplit=)")
        if row_count(table) != 2:
            problems.append("Table._nrows")
    except (AttributeError, TypeError) as exc:
        problems.append(f"Table row layout ({exc})")
    para = Paragraph("<u>a</u>", ParagraphStyle("probe"))
    para.wrap(100, 100)
    if getattr(para, "blPara", None) is None or not isinstance(para.height, (int, float)):
        problems.append("Paragraph.wrap setting blPara and height")
    return problems
