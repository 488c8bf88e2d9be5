"""The printable PDF: each week as a grid, its shopping list by aisle, and optional day notes.

The public API of the export: render_pdf, export_pdf and PdfExportError. The document is
built in memory with ReportLab in invariant mode (the same plan gives the same bytes) and
then written atomically. Scores are printed as the evaluator gives them; nothing here
computes one, and recipes are counted through the evaluator's resolver (a PlanResolver
when the caller has a recipe book). The sections are in week.py, shopping.py, notes.py
and recipes.py.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.platypus.doctemplate import LayoutError

from planner.core.plan import Plan
from planner.core.shopping import week_days, weeks_days
from planner.export import PdfExportError
from planner.export.document import Document
from planner.export.fonts import REPLACEMENT, load_fonts, printable
from planner.export.notes import add_day_notes, add_no_notes
from planner.export.recipes import add_recipes
from planner.export.rl_private import collector_paused
from planner.export.shopping import add_shopping_list
from planner.export.theme import PAPERS
from planner.export.week import add_week
from planner.i18n import _
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
    weeks: Sequence[int] | None = None,
    cancel: threading.Event | None = None,
    recipes: bool = False,
) -> bytes:
    """The PDF of ``plan`` as bytes: the same input gives the same bytes. ``weeks`` (numbered
    from 0) prints only those weeks, with one shopping list for them all. ``recipes`` adds
    a section with each dish planned, its ingredients for the portions planned and its
    method (the evaluator's resolver must know the recipe book).

    Raises planner.errors.Cancelled soon after ``cancel`` is set.
    """
    size = PAPERS.get(str(paper).casefold())
    if size is None:
        raise PdfExportError(
            _("Unknown paper size {paper}; use a4 or letter.").format(paper=repr(paper))
        )
    chosen = list(range(plan.weeks)) if weeks is None else list(weeks)
    if not chosen or any(not 0 <= week < plan.weeks for week in chosen):
        raise PdfExportError(_("Choose weeks from 1 to {last}.").format(last=plan.weeks))
    days = weeks_days(plan, chosen)
    doc = Document(plan, evaluator, paper=size, cancel=cancel, span=(days[0], days[-1]))
    try:
        with collector_paused():
            _add_sections(
                doc,
                shopping=shopping,
                notes=notes,
                have=frozenset(have),
                weeks=chosen,
                combined=weeks is not None,
                recipes=recipes,
            )
            return doc.build()
    except LayoutError as exc:
        raise PdfExportError(_("The PDF could not be laid out: {error}").format(error=exc)) from exc


def export_pdf(
    plan: Plan,
    evaluator: Evaluator,
    path: Path | str,
    *,
    paper: str = "a4",
    shopping: bool = True,
    notes: bool = False,
    have: frozenset[str] = frozenset(),
    weeks: Sequence[int] | None = None,
    cancel: threading.Event | None = None,
    recipes: bool = False,
) -> None:
    """Write the PDF of ``plan`` to ``path``: completely, or not at all.

    Raises PdfExportError (a PlannerError) with one sentence for the user, or
    planner.errors.Cancelled if ``cancel`` is set before the file is written.
    """
    data = render_pdf(
        plan,
        evaluator,
        paper=paper,
        shopping=shopping,
        notes=notes,
        have=have,
        weeks=weeks,
        cancel=cancel,
        recipes=recipes,
    )
    target = Path(path)
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise PdfExportError(describe_os_error(target, exc)) from exc


def _add_sections(
    doc: Document,
    *,
    shopping: bool,
    notes: bool,
    have: frozenset[str],
    weeks: Sequence[int],
    combined: bool,
    recipes: bool = False,
) -> None:
    """Each chosen week's grid, then its shopping list and its day notes when asked for;
    ``combined``: one shopping list for all the chosen weeks, after them. ``recipes``: the
    dishes of all the chosen weeks, last."""
    plan = doc.plan
    # The day notes ask for suggestions themselves; the one-line tips are not printed.
    scores = doc.evaluator.evaluate(plan, tips=False)
    for week in weeks:
        doc.checkpoint()
        add_week(doc, week, scores)
        days = week_days(plan, week)
        has_food = any(not plan.is_day_empty(day) for day in days)
        if shopping and has_food and not combined:
            doc.checkpoint()
            add_shopping_list(doc, days, have)
        if notes and any(scores.days[day].planned for day in days):
            doc.checkpoint()
            add_day_notes(doc, week, scores)
    all_days = weeks_days(plan, weeks)
    if shopping and combined and any(not plan.is_day_empty(day) for day in all_days):
        doc.checkpoint()
        add_shopping_list(doc, all_days, have)
    if notes and plan.entry_count() == 0:
        add_no_notes(doc)
    if recipes:
        doc.checkpoint()
        add_recipes(doc, all_days)
    doc.checkpoint()
