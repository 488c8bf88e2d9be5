"""The document being built: its page templates, its story and the text helpers every
section uses, then ReportLab's layout of it into bytes."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
)
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from planner.core.plan import Entry, Plan
from planner.errors import Cancelled
from planner.export.dates import span_label
from planner.export.flowables import Decor
from planner.export.fonts import load_fonts, printable
from planner.export.rl_private import FreeingParagraph
from planner.export.theme import BAND, COLUMN_GAP, FOOTER, MARGIN, Styles
from planner.i18n import N_, _, language

if TYPE_CHECKING:
    from planner.recipes.model import Recipe
    from planner.scoring.evaluator import Evaluator

CANCELLED = N_("The PDF export was cancelled; nothing was written.")


class Document:
    """A PDF in the making: sections add page templates and flowables, build() lays out."""

    def __init__(
        self,
        plan: Plan,
        evaluator: Evaluator,
        *,
        paper: tuple[float, float],
        cancel: threading.Event | None = None,
        span: tuple[int, int] | None = None,
    ) -> None:
        self.plan, self.evaluator = plan, evaluator
        # The first and last day printed, for the running title (the whole plan by default).
        self.span = span or (0, plan.day_count - 1)
        self.catalog = evaluator.catalog
        # What entries are made of: the evaluator's, so that the grid, the shopping list
        # and the scores count recipes alike (a PlanResolver knows the recipe book).
        self.resolver = evaluator.resolver
        self.paper = paper
        self.cancel = cancel
        self.fonts = load_fonts()
        self.styles = Styles.make(self.fonts)
        self.templates: list[PageTemplate] = []
        self.story: list[Flowable] = []
        self.frame_width = self.frame_height = 0.0

    def checkpoint(self) -> None:
        """Stop here with Cancelled if the user asked to cancel."""
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled(_(CANCELLED))

    # -- entries ---------------------------------------------------------------------------
    def recipe_of(self, entry: Entry) -> Recipe | None:
        """The recipe an entry names, when the evaluator was given a recipe book."""
        from planner.recipes.resolve import PlanResolver

        resolver = self.resolver
        return resolver.recipe_of(entry) if isinstance(resolver, PlanResolver) else None

    def name_of(self, food_id: str) -> str:
        """A food's or a recipe's name."""
        from planner.recipes.resolve import PlanResolver

        if isinstance(self.resolver, PlanResolver):
            return self.resolver.name_of(food_id)
        return self.catalog.name_of(food_id)

    # -- text ------------------------------------------------------------------------------
    def text(self, value: str) -> str:
        """User text as it prints, escaped for Paragraph markup."""
        return escape(printable(value, self.fonts.drawable))

    def para(self, markup: str, style: ParagraphStyle) -> Paragraph:
        return FreeingParagraph(markup, style)

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
        decor = Decor(printable(title, self.fonts.drawable), self.fonts, size)
        self.templates.append(
            PageTemplate(id=template_id, frames=frames, onPage=decor, pagesize=size)
        )
        if len(self.templates) > 1:
            self.story += [NextPageTemplate(template_id), PageBreakIfNotEmpty()]
        self.frame_width, self.frame_height = frame_width, frame_height

    # -- layout ----------------------------------------------------------------------------
    def build(self) -> bytes:
        """Lay the story out into the PDF's bytes, checking for a cancel after each
        flowable (a table running over pages counts once per page)."""
        first, last = self.plan.date_of(self.span[0]), self.plan.date_of(self.span[1])
        buffer = io.BytesIO()
        doc = _Template(
            buffer,
            self.checkpoint,
            pagesize=self.templates[0].pagesize,
            pageTemplates=self.templates,
            title=_("Gut–Skin week plan, {span}").format(span=span_label(first, last)),
            author="Gut–Skin Planner",
            subject=_("Week plan and shopping list"),
            creator="Gut–Skin Planner",
            invariant=1,
            pageCompression=1,
            # Without these the page preamble names Helvetica, a font that is not embedded.
            initialFontName=self.fonts.sans,
            initialFontSize=9,
            initialLeading=11.5,
            lang=_pdf_language(),
            displayDocTitle=True,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
        )
        doc.build(self.story)
        return buffer.getvalue()


def _pdf_language() -> str:
    """The document's language for readers and screen readers (BCP 47: "de")."""
    lang = language()
    return "en" if lang.startswith("x-") else lang  # the pseudo-language's text is English


class _Template(BaseDocTemplate):
    """The document template, with ``afterFlowable`` (ReportLab's documented hook) used
    to stop a cancelled export between flowables."""

    def __init__(self, buffer: io.BytesIO, checkpoint: Callable[[], None], **kw: object) -> None:
        super().__init__(buffer, **kw)
        self._checkpoint = checkpoint

    def afterFlowable(self, flowable: Flowable) -> None:
        self._checkpoint()
