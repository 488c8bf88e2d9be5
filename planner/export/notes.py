"""The day notes section: for each planned day, what holds its score back, each part's
points, and the foods that would raise it most."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from planner.core.shopping import week_days
from planner.export.document import Document
from planner.export.flowables import Swatch
from planner.export.theme import (
    ACCENT,
    MUTED_MARKUP,
    PART_COLORS,
    SUGGESTIONS_PER_DAY,
    day_label,
    span_label,
)

NAMES_PER_PARAGRAPH = 20

if TYPE_CHECKING:
    from planner.scoring.evaluator import PlanScore
    from planner.scoring.model import DayScore


def add_day_notes(doc: Document, week: int, scores: PlanScore) -> None:
    days = week_days(doc.plan, week)
    first, last = doc.plan.date_of(days[0]), doc.plan.date_of(days[-1])
    doc.section(f"Day notes · {span_label(first, last)}", wide=False, columns=2)
    doc.story.append(
        doc.para(
            "For each planned day: what holds its score back, each part's points, "
            "and the foods that would raise it most.",
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
    doc.story.append(doc.para("No day is planned yet, so there are no notes.", doc.styles.small))


def _day_note(doc: Document, d: int, day: DayScore) -> list[Flowable]:
    styles = doc.styles
    muted = MUTED_MARKUP
    plants = len(day.plants)
    block: list[Flowable] = [
        doc.para(
            f"{doc.text(day_label(day.date))}  ·  score {day.score:.0f}"
            f'<font name="{doc.fonts.sans}" size="7.8" color="{muted}">'
            f"    fiber {day.fiber_g:.0f} g · {plants} plant{'' if plants == 1 else 's'}"
            "</font>",
            styles.day,
        ),
        doc.para(doc.text(day.why), styles.note),
        Spacer(1, 2),
    ]
    rows = [
        [
            Swatch(PART_COLORS.get(part.key, ACCENT), share=part.share, width=26),
            doc.para(f"<b>{doc.text(part.label)}</b>", styles.note_cell),
            doc.para(f"{part.points:.0f}/{part.max_points:.0f}", styles.note_cell),
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
        lead = "Not in the catalog: " if start == 0 else ""
        block.append(doc.para(lead + doc.text(names + more), styles.note))
    suggestions = doc.evaluator.suggest(doc.plan, d, top=SUGGESTIONS_PER_DAY, familiar_first=True)
    if suggestions:
        block.append(doc.para("<b>Would raise the score most</b>", styles.note_head))
        for s in suggestions:
            gain = f"{s.gain:.1f}" if s.gain < 0.95 else f"{s.gain:.0f}"
            block.append(
                doc.para(
                    f"<b>+{gain}</b> to {s.new_score:.0f}: {doc.text(s.name)} "
                    f'<font color="{muted}">({doc.text(s.serving_label)}). '
                    f"{doc.text(s.reason)}.</font>",
                    styles.suggestion,
                )
            )
    block.append(Spacer(1, 9))
    return block
