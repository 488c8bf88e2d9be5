"""Printable output: the PDF of a plan (ReportLab, imported only when an export runs).

The modules, in the order an export uses them: ``pdf`` (the public API: render_pdf,
export_pdf), ``document`` (pages, templates and the story), the sections ``week``,
``shopping`` and ``notes``, their drawings in ``flowables``, and ``theme`` and ``fonts``.
Every use of ReportLab's private API is in ``rl_private``. This module itself imports no
ReportLab, so the error type can be named without loading it.
"""

from planner.errors import PlannerError


class PdfExportError(PlannerError):
    """The PDF could not be made or saved; nothing was written."""
