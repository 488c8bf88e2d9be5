"""The shopping section: a week's foods by aisle, those already at home, and those the
catalog does not know, in two columns."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reportlab.platypus import Flowable, Spacer, Table

from planner.core.shopping import ShoppingLine, entry_quantity, shopping_list
from planner.export.dates import span_label
from planner.export.document import Document
from planner.export.flowables import TickBox, windowed
from planner.export.theme import ACCENT, MUTED, MUTED_MARKUP, RULE
from planner.i18n import _, ngettext

CHECK_EVERY = 64  # lines between two looks at the cancel flag
# Lines of an aisle laid out at a time. A line's row is at least 14.9 pt tall (10.5 pt
# of text and 2.2 pt of padding above and below) and a column at most 728 pt (A4), so a
# column holds at most 49 lines: a window of 70 always runs past it, and the splits are
# those of the whole list.
WINDOW = 70


def add_shopping_list(doc: Document, days: Sequence[int], have: frozenset[str]) -> None:
    """The shopping list of ``days``: one week's, or several weeks' added up."""
    first, last = doc.plan.date_of(days[0]), doc.plan.date_of(days[-1])
    # Translators: the title of the shopping list's page; {span} is "30 Nov – 6 Dec 2026".
    doc.section(_("Shopping list · {span}").format(span=span_label(first, last)), wide=False,
                columns=2)  # fmt: skip
    found = shopping_list(doc.plan, doc.catalog, days, have=have, resolver=doc.resolver)
    count, aisles = len(found.lines), len(found.groups)
    foods = ngettext("{count} food", "{count} foods", count).format(count=count)
    # Translators: "{foods} in {aisles}" is "12 foods in 5 aisles".
    in_aisles = ngettext("{foods} in {count} aisle", "{foods} in {count} aisles", aisles)
    if len(days) <= 7:
        span = _("Each line is the servings of the week added up, with the weight to buy.")
    else:
        weeks = len(days) // 7
        span = ngettext(
            "Each line is the servings of the {count} week added up, with the weight to buy.",
            "Each line is the servings of the {count} weeks added up, with the weight to buy.",
            weeks,
        ).format(count=weeks)
    # Translators: {list} is "12 foods in 5 aisles"; {each} the sentence on what a line holds.
    intro = _("{list}, in store order. {each}").format(
        list=in_aisles.format(foods=foods, count=aisles), each=span
    )
    if not count:
        intro = _("Nothing to buy: every food of this week is already at home.")
    doc.story += [doc.para(doc.text(intro), doc.styles.small), Spacer(1, 6)]
    for group in found.groups:
        # The aisle's label is planner.core's constant, marked there, translated here
        # (a label already translated comes through gettext unchanged).
        doc.story.append(_aisle_table(doc, group.label, group.lines))
    if found.have:
        doc.story.append(
            _aisle_table(
                doc,
                _("Already at home"),
                [line for group in found.have for line in group.lines],
                ticked=True,
                note=_("Left off the list above; check there is enough."),
            )
        )
    if found.unknown:
        lines = [
            ShoppingLine(food_id, doc.name_of(food_id), "", n, amount, "")
            for food_id, n in found.unknown
            for amount in [found.unknown_amounts.get(food_id) or entry_quantity(None, n)]
        ]
        doc.story.append(
            _aisle_table(
                doc,
                _("Not in the food catalog"),
                lines,
                note=_("In the plan, but not among the foods this app knows."),
            )
        )


def _aisle_table(
    doc: Document,
    label: str,
    lines: Iterable[ShoppingLine],
    *,
    ticked: bool = False,
    note: str = "",
) -> Flowable:
    """An aisle's heading, its note, and a row per line with a tick box: one Table, laid
    out a window of lines at a time when the aisle is long (WindowedTable)."""
    styles = doc.styles
    heading = [doc.para(doc.text(label), styles.aisle), "", ""]
    lead = [[doc.para(doc.text(note), styles.small), "", ""]] if note else []
    muted = MUTED_MARKUP
    body: list[list] = []
    for index, line in enumerate(lines):
        if index % CHECK_EVERY == CHECK_EVERY - 1:
            doc.checkpoint()
        quantity = doc.text(line.amount)
        if line.weight and line.weight != line.amount:
            quantity += f' <font color="{muted}">({doc.text(line.weight)})</font>'
        body.append(
            [
                TickBox(ticked=ticked),
                doc.para(doc.text(line.name), styles.item),
                doc.para(quantity, styles.qty),
            ]
        )
    box = 13.0
    name_width = (doc.frame_width - box) * 0.54
    qty_width = doc.frame_width - box - name_width
    font = doc.fonts.sans

    def make(start: int, stop: int) -> tuple[Table, int]:
        """The table of lines [start, stop): the note only above the first line, and the
        rules that keep lines together only at the real top and foot of the aisle."""
        first = start == 0
        rows = [heading, *(lead if first else []), *body[start:stop]]
        first_line = 2 if first and note else 1
        style = [
            ("FONT", (0, 0), (-1, -1), font, 8.6),
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
        ]
        # No heading alone at the foot of a column, no single line alone at the top.
        if first:
            style.append(("NOSPLIT", (0, 0), (-1, min(first_line + 1, len(rows) - 1))))
        if stop == len(body):
            style.append(("NOSPLIT", (0, max(len(rows) - 2, 0)), (-1, -1)))
        if first and note:
            style.append(("SPAN", (0, 1), (-1, 1)))
        if ticked:
            style.append(("TEXTCOLOR", (0, 1), (-1, -1), MUTED))
        table = Table(
            rows,
            colWidths=[box, name_width, qty_width],
            style=style,
            repeatRows=1,
            spaceAfter=9,
            hAlign="LEFT",
        )
        return table, 1 + (len(lead) if first else 0)

    return windowed(make, len(body), WINDOW)
