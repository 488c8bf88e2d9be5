"""The printable PDF: each week as a grid, its shopping list by aisle, and optional day notes.

The public API of the export: render_pdf, export_pdf and PdfExportError. The document is
built in memory with ReportLab in invariant mode (the same plan gives the same bytes) and
then written atomically. Scores are printed as the evaluator gives them; nothing here
computes one. The sections are in week.py, shopping.py and notes.py.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.platypus.doctemplate import LayoutError

from planner.core.plan import Plan
from planner.core.shopping import week_days
from planner.export import PdfExportError
from planner.export.document import Document
from planner.export.fonts import REPLACEMENT, load_fonts, printable
from planner.export.notes import add_day_notes, add_no_notes
from planner.export.rl_private import collector_paused
from planner.export.shopping import add_shopping_list
from planner.export.theme import PAPERS
from planner.export.week import add_week
from planner.storage.atomic import describe_os_error, write_atomic

if TYPE_CHECKING:
    from planner.scoring.evaluator import Evaluator

__all__ = [
    "PAPERS",
    "REPLACEMENT",
    "PdfExportError",
    "export_pdf",
    "load_fonts",
    "printable",
    "render_pdf",
]


def render_pdf(
    plan: Plan,
    evaluator: Evaluator,
    *,
    paper: str = "a4",
    shopping: bool = True,
    notes: bool = False,
    have: Iterable[str] = frozenset(),
    cancel: threading.Event | None = None,
) -> bytes:
    """The PDF of ``plan`` as bytes: the same input gives the same bytes.

    Raises planner.errors.Cancelled soon after ``cancel`` is set.
    """
    size = PAPERS.get(str(paper).casefold())
    if size is None:
        raise PdfExportError(f"Unknown paper size {paper!r}; use a4 or letter.")
    doc = Document(plan, evaluator, paper=size, cancel=cancel)
    try:
        with collector_paused():
            _add_sections(doc, shopping=shopping, notes=notes, have=frozenset(have))
            return doc.build()
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
    cancel: threading.Event | None = None,
) -> None:
    """Write the PDF of ``plan`` to ``path``: completely, or not at all.

    Raises PdfExportError (a PlannerError) with one sentence for the user, or
    planner.errors.Cancelled if ``cancel`` is set before the file is written.
    """
    data = render_pdf(
        plan, evaluator, paper=paper, shopping=shopping, notes=notes, have=have, cancel=cancel
    )
    target = Path(path)
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise PdfExportError(describe_os_error(target, exc)) from exc


def _add_sections(doc: Document, *, shopping: bool, notes: bool, have: frozenset[str]) -> None:
    """Each week's grid, then its shopping list and its day notes when asked for."""
    plan = doc.plan
    # The day notes ask for suggestions themselves; the one-line tips are not printed.
    scores = doc.evaluator.evaluate(plan, tips=False)
    for week in range(plan.weeks):
        doc.checkpoint()
        add_week(doc, week, scores)
        days = week_days(plan, week)
        has_food = any(not plan.is_day_empty(day) for day in days)
        if shopping and has_food:
            doc.checkpoint()
            add_shopping_list(doc, week, have)
        if notes and any(scores.days[day].planned for day in days):
            doc.checkpoint()
            add_day_notes(doc, week, scores)
    if notes and plan.entry_count() == 0:
        add_no_notes(doc)
    doc.checkpoint()
