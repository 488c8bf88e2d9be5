"""The look of the PDF: paper, margins, colours, paragraph styles and the short part labels."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle

from planner.export.fonts import Fonts
from planner.i18n import N_

PAPERS: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}
SUGGESTIONS_PER_DAY = 3
CELL_SIZES = (9.4, 8.5, 7.6, 7.0)  # grid text sizes to try, largest first

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
# The score parts' three-letter labels beside the bars of the PDF's grid.
PART_SHORT = {
    # Translators: three letters for the score's part "Probiotic", beside its bar.
    "probiotic": N_("Pro"),
    # Translators: three letters for the score's part "Prebiotic", beside its bar.
    "prebiotic": N_("Pre"),
    # Translators: three letters for the score's part "Fiber", beside its bar.
    "fiber": N_("Fib"),
    # Translators: three letters for the score's part "Plants", beside its bar.
    "plants": N_("Pla"),
    # Translators: three letters for the score's part "Anti-inflammatory", beside its bar.
    "anti_inflammatory": N_("Ant"),
    # Translators: three letters for the score's part "Limit foods", beside its bar.
    "limit": N_("Lim"),
}

# Printed at the foot of the first page, in the README's words.
NOT_ADVICE = N_(
    "Gut–Skin Planner helps you plan meals; it is not medical advice, and it does not "
    "diagnose or treat any condition."
)

MARGIN = 30.0
BAND = 40.0  # the running title at the top of every page
FOOTER = 26.0
COLUMN_GAP = 18.0


def markup_color(color: colors.Color) -> str:
    """``color`` for Paragraph markup as CSS ``rgb()``, which ReportLab parses directly.

    ``hexval()``'s "0x…" gives the same colour, but ReportLab reads it with an
    ``ast.literal_eval`` per tag, which is slow and leaves cyclic garbage (its closures).
    """
    red, green, blue = (round(part * 255) for part in color.rgb())
    return f"rgb({red},{green},{blue})"


MUTED_MARKUP = markup_color(MUTED)


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of every section, made once per document from its fonts."""

    small: ParagraphStyle
    stats: ParagraphStyle
    head: ParagraphStyle
    meal: ParagraphStyle
    cell: ParagraphStyle
    foot: ParagraphStyle
    aisle: ParagraphStyle
    item: ParagraphStyle
    qty: ParagraphStyle
    day: ParagraphStyle
    note: ParagraphStyle
    note_head: ParagraphStyle
    note_cell: ParagraphStyle
    suggestion: ParagraphStyle

    @classmethod
    def make(cls, f: Fonts) -> Styles:
        def style(name: str, **kw: object) -> ParagraphStyle:
            base: dict[str, object] = {
                "fontName": f.sans,
                "fontSize": 9,
                "leading": 11.5,
                "textColor": INK,
            }
            base.update(kw)
            return ParagraphStyle(name, **base)

        return cls(
            small=style("small", fontSize=7.5, leading=9.5, textColor=MUTED),
            stats=style("stats", fontSize=9.5, leading=12),
            head=style("head", fontName=f.cond_bold, fontSize=8.5, leading=10),
            meal=style("meal", fontName=f.cond_bold, fontSize=8, leading=10),
            cell=style(
                "cell", fontName=f.cond, fontSize=7.6, leading=9, leftIndent=5, firstLineIndent=-5
            ),
            foot=style("foot", fontName=f.cond, fontSize=7, leading=8.5, textColor=MUTED),
            aisle=style("aisle", fontName=f.bold, fontSize=9.5, leading=12, textColor=ACCENT),
            item=style("item", fontSize=8.6, leading=10.5),
            qty=style("qty", fontSize=8.2, leading=10.5, alignment=TA_RIGHT),
            day=style("day", fontName=f.bold, fontSize=9.6, leading=12, spaceBefore=2),
            note=style("note", fontSize=7.8, leading=9.8, leftIndent=4),
            note_head=style("note_head", fontSize=7.8, leading=9.8, leftIndent=4, spaceBefore=3),
            note_cell=style("note_cell", fontSize=7.8, leading=9.4),
            suggestion=style(
                "suggestion", fontSize=7.8, leading=9.8, leftIndent=14, firstLineIndent=-10
            ),
        )
