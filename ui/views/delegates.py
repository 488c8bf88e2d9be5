"""Item delegates: a palette row (``FoodDelegate``) and a cell of the week grid
(``CellDelegate``), each painted from the model's roles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from planner.i18n import _, ngettext
from ui.guard import guarded_paint
from ui.models.roles import (
    AVOIDED_ROLE,
    ENTRIES_ROLE,
    FOOD_ROLE,
    SCORE_ROLE,
    SERVING_ROLE,
    Index,
)
from ui.models.week import RECIPE, SCORE_ROW, UNKNOWN_RECIPE, CellLine, score_text
from ui.theme import categories_in_order, category_color, score_color, secondary_text

if TYPE_CHECKING:
    from .week import WeekView

PAD = 6
# Made once: each flag combination is a Python enum operation, thousands in a frame.
LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT_MIDDLE = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# Cell lines laid out (amount, its width, fitted name) kept by CellDelegate; cleared past
# this many, which is many weeks of different foods and widths.
MAX_LAYOUTS = 4096


def fit_name(fm: QFontMetrics, name: str, width: int) -> str:
    """The name, or where it does not fit its head ("Salmon" for "Salmon, cooked", "Lentil
    soup" for "Lentil soup with garlic"), and only then an elided one: a narrow cell stays
    readable. Tooltips give the full name."""
    if fm.horizontalAdvance(name) <= width:
        return name
    heads = [name.split(" (")[0], name.split(",")[0], name.split(" with ")[0]]
    head = min(heads, key=len)
    for short in heads:
        if short and fm.horizontalAdvance(short) <= width:
            return short
    return fm.elidedText(head, Qt.TextElideMode.ElideRight, width)


def line_amount(fm: QFontMetrics, item: CellLine, width: int) -> str:
    """The amount a cell line shows: "×2 portions" gives way to "×2" where the dish's name
    (or its head) would not fit beside it whole, so the name keeps the room (the tooltip
    says it all)."""
    if not item.short:
        return item.amount
    room = width - fm.horizontalAdvance(item.amount) - 17
    fitted = fit_name(fm, item.name, room) if room > 0 else ""
    return item.short if not fitted.rstrip("…") or fitted.endswith("…") else item.amount


def shown_entries(count: int, capacity: int, current: int | None) -> tuple[int, int]:
    """Which of a cell's foods it shows, as (first, stop): all that fit; when they do not,
    one line is left for "+N more" and the lines slide to keep the current food in view."""
    if count <= capacity:
        return 0, count
    lines = max(1, capacity - 1)
    first = 0 if current is None else max(0, min(current - lines + 1, count - lines))
    return first, first + lines


def _italic(font: QFont) -> QFont:
    italic = QFont(font)
    italic.setItalic(True)
    return italic


def _has(state: QStyle.StateFlag, flag: QStyle.StateFlag) -> bool:
    return bool(state & flag)


# -- palettes ------------------------------------------------------------------------------
def row_pens(option: QStyleOptionViewItem) -> tuple[bool, QColor, QColor, QRect]:
    """A list row's text colours and room, as the palettes' rows paint them: whether it is
    selected, the text's colour and a dimmer one (both the selection's when selected), and
    the rect inside the row's padding."""
    selected = _has(option.state, QStyle.StateFlag.State_Selected)
    pal: QPalette = option.palette
    text = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
    dim = text if selected else secondary_text(pal)
    return selected, text, dim, option.rect.adjusted(PAD, PAD // 2, -PAD, -PAD // 2)


class FoodDelegate(QStyledItemDelegate):
    """A palette row: category dots, the name, and the serving on a second line."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fm = option.fontMetrics
        return QSize(200, fm.height() * 2 + PAD + 2)

    @guarded_paint
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        food = index.data(FOOD_ROLE)
        if food is None:
            super().paint(painter, option, index)
            return
        widget = option.widget
        style = widget.style() if widget else None
        # The row's background, selection and focus from the style, without
        # initStyleOption: it asks the model for every role (the name, a category icon)
        # only for this paint to draw its own.
        opt = QStyleOptionViewItem(option)
        opt.features = QStyleOptionViewItem.ViewItemFeature.None_
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected, text, dim, rect = row_pens(option)
        fm = option.fontMetrics
        line = fm.height()
        # One dot per category, stacked, so a food in two categories shows both colours.
        cats: list[str | None] = [*categories_in_order(food.categories)] or [None]
        dot = 8
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        for n, cat in enumerate(cats[:3]):
            painter.setBrush(category_color(cat))
            painter.drawEllipse(
                rect.left() + n * (dot + 2), rect.top() + (line - dot) // 2, dot, dot
            )
        left = rect.left() + 3 * (dot + 2) + 4
        avoided = bool(index.data(AVOIDED_ROLE))
        badge = "avoid" if avoided else ""
        badge_w = fm.horizontalAdvance(badge) + 8 if badge else 0
        name_rect = QRect(left, rect.top(), rect.right() - left - badge_w, line)
        painter.setPen(dim if avoided else text)
        name = fm.elidedText(food.name, Qt.TextElideMode.ElideRight, name_rect.width())
        painter.drawText(name_rect, LEFT_MIDDLE, name)
        if badge:
            painter.setPen(QColor("#d04c4c") if not selected else text)
            painter.drawText(
                QRect(rect.right() - badge_w, rect.top(), badge_w, line),
                RIGHT_MIDDLE,
                badge,
            )
        serving_rect = QRect(left, rect.top() + line, rect.right() - left, line)
        painter.setPen(dim)
        serving = fm.elidedText(
            str(index.data(SERVING_ROLE)), Qt.TextElideMode.ElideRight, serving_rect.width()
        )
        painter.drawText(serving_rect, LEFT_MIDDLE, serving)
        if _has(option.state, QStyle.StateFlag.State_HasFocus):
            # The style's focus frame is a faint dotted line; this one is seen at a glance.
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            pen = QPen(text, 2)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))


class CellDelegate(QStyledItemDelegate):
    """Paints a meal cell as a list of foods, one line each, and the score row as a number
    over a coloured bar."""

    def __init__(self, view: WeekView) -> None:
        super().__init__(view)
        self._view = view
        # Each line's layout by its fonts, content and width: the same lines are painted
        # again in every frame (a selection, a score, an edit of another food).
        self._layouts: dict[tuple[object, ...], tuple[str, int, str]] = {}

    @staticmethod
    def line_height(fm: QFontMetrics) -> int:
        return fm.height() + 4

    @guarded_paint
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        widget = option.widget
        # The cell background from the style, our own content on top. Not through
        # initStyleOption, which asks the model for seven roles the panel does not use
        # (the cell's text among them): most of a cell's paint, for every cell of a frame.
        style = widget.style() if widget else None
        if style:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
            )
        if index.row() == SCORE_ROW:
            self._paint_score(painter, option, index)
        else:
            self._paint_entries(painter, option, index)
        if _has(option.state, QStyle.StateFlag.State_HasFocus):
            self._paint_focus(painter, option)
        if self._view.drop_target() == (index.row(), index.column()):
            pen = QPen(option.palette.color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(option.rect.adjusted(2, 2, -2, -2), 4, 4)

    @staticmethod
    def _paint_focus(painter: QPainter, option: QStyleOptionViewItem) -> None:
        # The current cell of a focused grid gets a frame in the text colour, which stands
        # out on the selection colour and on the plain background alike.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pen = QPen(option.palette.color(QPalette.ColorRole.Text), 2)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(option.rect.adjusted(1, 1, -1, -1))

    def _paint_entries(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        entries = index.data(ENTRIES_ROLE) or []
        pal: QPalette = option.palette
        selected = _has(option.state, QStyle.StateFlag.State_Selected)
        text = pal.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        dim = text if selected else secondary_text(pal)
        fm = option.fontMetrics
        line = self.line_height(fm)
        rect = option.rect.adjusted(4, 3, -4, -3)
        capacity = max(1, rect.height() // line)
        current = self._view.entry_highlight(index)
        first, stop = shown_entries(len(entries), capacity, current)
        shown = entries[first:stop]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fonts = (option.font.key(), painter.font().key())
        for n, item in enumerate(shown):
            line_item = item if isinstance(item, CellLine) else CellLine(*item)
            row = QRect(rect.left(), rect.top() + n * line, rect.width(), line)
            if first + n == current:
                chip = pal.color(
                    QPalette.ColorRole.Base if selected else QPalette.ColorRole.Highlight
                )
                chip.setAlpha(90 if selected else 60)
                # Outlined too while the grid has focus: the food the keys act on.
                focus = _has(option.state, QStyle.StateFlag.State_HasFocus)
                painter.setPen(
                    QPen(pal.color(QPalette.ColorRole.Text), 1, Qt.PenStyle.DotLine)
                    if focus
                    else Qt.PenStyle.NoPen
                )
                painter.setBrush(chip)
                painter.drawRoundedRect(row.adjusted(0, 0, -1, -1), 3, 3)
            self._paint_mark(painter, row, line, line_item, text)
            unknown = line_item.kind == UNKNOWN_RECIPE
            amount, amount_w, name = self._layout(painter, fm, fonts, line_item, row.width())
            painter.setPen(dim)
            painter.drawText(
                QRect(row.right() - amount_w - 2, row.top(), amount_w, line),
                RIGHT_MIDDLE,
                amount,
            )
            name_rect = QRect(row.left() + 9, row.top(), row.width() - amount_w - 13, line)
            painter.setPen(dim if unknown else text)
            if unknown:  # kept in the plan, but clearly not a dish the book knows
                painter.save()
                painter.setFont(_italic(painter.font()))
            painter.drawText(name_rect, LEFT_MIDDLE, name)
            if unknown:
                painter.restore()
        hidden = len(entries) - len(shown)
        if hidden:
            row = QRect(rect.left() + 9, rect.top() + len(shown) * line, rect.width() - 9, line)
            painter.setPen(dim)
            painter.drawText(
                row,
                LEFT_MIDDLE,
                ngettext("+{count} more…", "+{count} more…", hidden).format(count=hidden),
            )

    def _layout(
        self,
        painter: QPainter,
        fm: QFontMetrics,
        fonts: tuple[str, str],
        item: CellLine,
        width: int,
    ) -> tuple[str, int, str]:
        """A line's amount as shown, its width with room, and the name fitted beside it
        (in italics for a dish the book does not know): worked out once per content,
        width and fonts."""
        key = (fonts, item, width)
        found = self._layouts.get(key)
        if found is None:
            amount = line_amount(fm, item, width)
            amount_w = fm.horizontalAdvance(amount) + 4
            name_fm = (
                QFontMetrics(_italic(painter.font()))
                if item.kind == UNKNOWN_RECIPE
                else painter.fontMetrics()
            )
            name = fit_name(name_fm, item.name, width - amount_w - 13)
            if len(self._layouts) >= MAX_LAYOUTS:
                self._layouts.clear()
            found = self._layouts[key] = (amount, amount_w, name)
        return found

    @staticmethod
    def _paint_mark(painter: QPainter, row: QRect, line: int, item: CellLine, text: QColor) -> None:
        """The mark left of a name: the food's category bar; for a dish, a small bowl in
        the text colour (a dish has many categories, so none is its colour); for a dish
        the book does not know, the bowl's outline only."""
        painter.setPen(Qt.PenStyle.NoPen)
        if item.kind not in (RECIPE, UNKNOWN_RECIPE):
            painter.setBrush(category_color(item.category))
            painter.drawRoundedRect(QRect(row.left() + 2, row.top() + 3, 3, line - 6), 1, 1)
            return
        size = 8
        # The circle's centre sits a little above the line's middle, so that the bowl (its
        # lower half) is centred on the line.
        bowl = QRect(row.left(), row.top() + line // 2 - size // 2 - size // 4, size, size)
        if item.kind == RECIPE:
            painter.setBrush(text)
        else:
            painter.setPen(QPen(text, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        # The lower half of a circle, flat side up, under a rim: a bowl seen from the side.
        painter.drawChord(bowl, 180 * 16, 180 * 16)
        rim = bowl.center().y() - 1
        painter.setPen(QPen(text, 1))
        painter.drawLine(bowl.left() - 1, rim, bowl.right() + 1, rim)
        painter.drawLine(bowl.center().x() - 1, rim - 2, bowl.center().x() + 1, rim - 2)

    def _paint_score(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        score = index.data(SCORE_ROLE)
        pal: QPalette = option.palette
        selected = _has(option.state, QStyle.StateFlag.State_Selected)
        text = pal.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        rect = option.rect.adjusted(8, 4, -8, -6)
        fm = option.fontMetrics
        bar_h = 6
        label_rect = QRect(rect.left(), rect.top(), rect.width(), rect.height() - bar_h - 3)
        value = None if score is None else score.score
        font = painter.font()
        if value is not None:
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.2)
            painter.setFont(font)
            painter.setPen(text)
            label = score_text(value)
        else:
            painter.setPen(text if selected else secondary_text(pal))
            # Foods the catalog does not know are not "nothing planned".
            if score is None:
                label = "…"
            else:
                label = _("not scored") if score.unknown_foods else _("not planned")
            label = fm.elidedText(label, Qt.TextElideMode.ElideRight, label_rect.width())
        painter.drawText(label_rect, Qt.AlignmentFlag.AlignCenter, str(label))
        track = QRect(rect.left(), rect.bottom() - bar_h, rect.width(), bar_h)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        groove = pal.color(QPalette.ColorRole.Mid)
        groove.setAlpha(110)
        painter.setBrush(groove)
        painter.drawRoundedRect(track, 3, 3)
        if value is not None and value > 0:
            fill = QRect(track)
            fill.setWidth(max(bar_h, round(track.width() * min(value, 100) / 100)))
            painter.setBrush(score_color(value))
            painter.drawRoundedRect(fill, 3, 3)
