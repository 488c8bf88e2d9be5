"""A row of the Recipes palette: the dish, and its meal type, yield and per-portion score on
a second line. One portion alone is a small part of a day, so its score is shown as a
number, not in the day score's red-amber-green bands."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.guard import guarded_paint
from ui.models.recipes import RecipeListModel
from ui.models.roles import Index

from .delegates import PAD, row_pens


class RecipeDelegate(QStyledItemDelegate):
    """Painted from the model's roles, like the food rows (ui.views.delegates)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(200, option.fontMetrics.height() * 2 + PAD + 2)

    @guarded_paint
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # The recipe straight from the model, not through data() and initStyleOption (which
        # ask every role of the row): painting is most of a keystroke's time.
        model = index.model()
        if not isinstance(model, RecipeListModel):
            super().paint(painter, option, index)
            return
        recipe = model.recipe(index.row())
        if recipe is None:
            super().paint(painter, option, index)
            return
        widget = option.widget
        style = widget.style() if widget else None
        opt = QStyleOptionViewItem(option)
        opt.features = QStyleOptionViewItem.ViewItemFeature.None_
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        _selected, text, dim, rect = row_pens(option)
        fm = option.fontMetrics
        line = fm.height()
        left = rect.left() + 4
        width = rect.right() - left
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.setPen(text)
        painter.drawText(
            QRect(left, rect.top(), width, line),
            align,
            fm.elidedText(recipe.name, Qt.TextElideMode.ElideRight, width),
        )
        painter.setPen(dim)
        painter.drawText(
            QRect(left, rect.top() + line, width, line),
            align,
            fm.elidedText(model.line_two(recipe), Qt.TextElideMode.ElideRight, width),
        )
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QPen(text, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
