"""The day notes section: for each planned day, what holds its score back, each part's
points, and the foods that would raise it most."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from planner.core.shopping import week_days
from planner.export.dates import day_label, span_label
from planner.export.document import Document
from planner.export.flowables import Swatch
from planner.export.theme import (
    ACCENT,
    MUTED_MARKUP,
    PART_COLORS,
    SUGGESTIONS_PER_DAY,
)
from planner.i18n import _, format_number, ngettext

NAMES_PER_PARAGRAPH = 20

if TYPE_CHECKING:
    from planner.scoring.evaluator import PlanScore
    from planner.scoring.results import DayScore


def add_day_notes(doc: Document, week: int, scores: PlanScore) -> None:
    days = week_days(doc.plan, week)
    first, last = doc.plan.date_of(days[0]), doc.plan.date_of(days[-1])
    # Translators: the title of the day notes' page; {span} is "30 Nov – 6 Dec 2026".
    doc.section(_("Day notes · {span}").format(span=span_label(first, last)), wide=False,
                columns=2)  # fmt: skip
    doc.story.append(
        doc.para(
            doc.text(
                _(
                    "For each planned day: what holds its score back, each part's points, "
                    "and the foods that would raise it most."
                )
            ),
            doc.styles.small,
        )
    )
    for d in days:
        day = scores.days[d]
        if day.planned and day.score is not None:
            doc.checkpoint()
            doc.story.append(KeepTogether(_day_note(doc, d, day)))


def add_no_notes(doc: Document) -> None:
    """Say that there are no notes, for a plan with no food at all."""
    doc.story.append(
        doc.para(doc.text(_("No day is planned yet, so there are no notes.")), doc.styles.small)
    )


def _day_note(doc: Document, d: int, day: DayScore) -> list[Flowable]:
    styles = doc.styles
    muted = MUTED_MARKUP
    plants = len(day.plants)
    block: list[Flowable] = [
        doc.para(
            _("{day}  ·  score {score}").format(
                day=doc.text(day_label(day.date)), score=format_number(day.score or 0, 0)
            )
            + f'<font name="{doc.fonts.sans}" size="7.8" color="{muted}">    '
            + ngettext(
                "fiber {fiber} g · {count} plant", "fiber {fiber} g · {count} plants", plants
            ).format(fiber=format_number(day.fiber_g, 0), count=plants)
            + "</font>",
            styles.day,
        ),
        doc.para(doc.text(day.why), styles.note),
        Spacer(1, 2),
    ]
    rows = [
        [
            Swatch(PART_COLORS.get(part.key, ACCENT), share=part.share, width=26),
            doc.para(f"<b>{doc.text(part.label)}</b>", styles.note_cell),
            doc.para(
                f"{format_number(part.points, 0)}/{format_number(part.max_points, 0)}",
                styles.note_cell,
            ),
            doc.para(doc.text(part.sentence), styles.note_cell),
        ]
        for part in day.parts
    ]
    block.append(
        Table(
            rows,
            colWidths=[32, 56, 30, doc.frame_width - 118],
            style=[
                ("FONT", (0, 0), (-1, -1), doc.fonts.sans, 7.8),
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
    # A paragraph per NAMES_PER_PARAGRAPH names: ReportLab lays out the whole rest of a
    # paragraph again each time it splits it over a column, so one paragraph of every
    # unknown name cost the square of their number.
    unknown = list(day.unknown_foods)
    for start in range(0, len(unknown), NAMES_PER_PARAGRAPH):
        names = ", ".join(unknown[start : start + NAMES_PER_PARAGRAPH])
        more = "," if start + NAMES_PER_PARAGRAPH < len(unknown) else ""
        text = doc.text(names + more)
        if start == 0:
            text = _("Not in the catalog: {names}").format(names=text)
        block.append(doc.para(text, styles.note))
    suggestions = doc.evaluator.suggest(doc.plan, d, top=SUGGESTIONS_PER_DAY, familiar_first=True)
    if suggestions:
        head = _("Would raise the score most")
        block.append(doc.para(f"<b>{head}</b>", styles.note_head))
        for s in suggestions:
            gain = format_number(s.gain, 1 if s.gain < 0.95 else 0)
            # Translators: a suggestion in the day notes: "+4 to 88: Kefir (1 cup). Adds
            # live cultures." {reason} is a sentence of its own.
            text = _(
                '<b>+{gain}</b> to {score}: {name} <font color="{color}">({serving}). '
                "{reason}.</font>"
            ).format(
                gain=gain,
                score=format_number(s.new_score, 0),
                name=doc.text(s.name),
                color=muted,
                serving=doc.text(s.serving_label),
                reason=doc.text(s.reason),
            )
            block.append(doc.para(text, styles.suggestion))
    block.append(Spacer(1, 9))
    return block
