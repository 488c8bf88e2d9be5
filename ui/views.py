"""Views: the palette list and the week grid, with their delegates and drag and drop."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from .models import (
    AVOIDED_ROLE,
    ENTRIES_ROLE,
    FOOD_ROLE,
    SCORE_ROLE,
    SCORE_ROW,
    SERVING_ROLE,
    WeekModel,
    decode_foods,
)
from .theme import (
    categories_in_order,
    category_color,
    score_color,
    secondary_text,
)

Index = QModelIndex | QPersistentModelIndex
PAD = 6


def fit_name(fm: QFontMetrics, name: str, width: int) -> str:
    """The name, or where it does not fit its head ("Salmon" for "Salmon, cooked"), and
    only then an elided one: a narrow cell stays readable. Tooltips give the full name."""
    if fm.horizontalAdvance(name) <= width:
        return name
    heads = [name.split(" (")[0], name.split(",")[0]]
    head = min(heads, key=len)
    for short in heads:
        if short and fm.horizontalAdvance(short) <= width:
            return short
    return fm.elidedText(head, Qt.TextElideMode.ElideRight, width)


def _has(state: QStyle.StateFlag, flag: QStyle.StateFlag) -> bool:
    return bool(state & flag)


# -- palettes ------------------------------------------------------------------------------
class FoodDelegate(QStyledItemDelegate):
    """A palette row: category dots, the name, and the serving on a second line."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fm = option.fontMetrics
        return QSize(200, fm.height() * 2 + PAD + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        food = index.data(FOOD_ROLE)
        if food is None:
            super().paint(painter, option, index)
            return
        painter.save()
        widget = option.widget
        style = widget.style() if widget else None
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = type(opt.icon)()
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = _has(option.state, QStyle.StateFlag.State_Selected)
        pal: QPalette = option.palette
        text = pal.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        dim = text if selected else secondary_text(pal)
        rect = option.rect.adjusted(PAD, PAD // 2, -PAD, -PAD // 2)
        fm = option.fontMetrics
        line = fm.height()
        # One dot per category, stacked, so a food in two categories shows both colours.
        cats = categories_in_order(food.categories) or [None]
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
        painter.drawText(
            name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name
        )
        if badge:
            painter.setPen(QColor("#d04c4c") if not selected else text)
            painter.drawText(
                QRect(rect.right() - badge_w, rect.top(), badge_w, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                badge,
            )
        serving_rect = QRect(left, rect.top() + line, rect.right() - left, line)
        painter.setPen(dim)
        serving = fm.elidedText(
            str(index.data(SERVING_ROLE)), Qt.TextElideMode.ElideRight, serving_rect.width()
        )
        painter.drawText(
            serving_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, serving
        )
        painter.restore()


class FoodListView(QListView):
    """A list of foods to drag into the grid. Enter or a double-click asks to add the
    current food to the selected meal: the keyboard and single-click way to do the same
    as a drag. The palettes and the day panel's suggestions are both such lists."""

    addRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)  # keeps 8,789 rows fast to lay out
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.doubleClicked.connect(self._double_clicked)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.addRequested.emit()
            return
        super().keyPressEvent(event)

    def _double_clicked(self, _index: QModelIndex) -> None:
        self.addRequested.emit()


class PaletteView(FoodListView):
    """One palette's foods, drawn with their serving and category colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(FoodDelegate(self))

    def current_food(self):  # -> Food | None
        index = self.currentIndex()
        return index.data(FOOD_ROLE) if index.isValid() else None


# -- the week grid -------------------------------------------------------------------------
class CellDelegate(QStyledItemDelegate):
    """Paints a meal cell as a list of foods, one line each, and the score row as a number
    over a coloured bar."""

    def __init__(self, view: WeekView) -> None:
        super().__init__(view)
        self._view = view

    @staticmethod
    def line_height(fm: QFontMetrics) -> int:
        return fm.height() + 4

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        widget = option.widget
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        # The cell background and focus frame from the style; our own content on top.
        style = widget.style() if widget else None
        if style:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
        if index.row() == SCORE_ROW:
            self._paint_score(painter, option, index)
        else:
            self._paint_entries(painter, option, index)
        if self._view.drop_target() == (index.row(), index.column()):
            pen = QPen(option.palette.color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(option.rect.adjusted(2, 2, -2, -2), 4, 4)
        painter.restore()

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
        shown = entries if len(entries) <= capacity else entries[: capacity - 1]
        current = self._view.entry_highlight(index)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for n, (name, servings, category) in enumerate(shown):
            row = QRect(rect.left(), rect.top() + n * line, rect.width(), line)
            if n == current:
                chip = pal.color(
                    QPalette.ColorRole.Base if selected else QPalette.ColorRole.Highlight
                )
                chip.setAlpha(90 if selected else 60)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(chip)
                painter.drawRoundedRect(row, 3, 3)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(category_color(category))
            painter.drawRoundedRect(QRect(row.left() + 2, row.top() + 3, 3, line - 6), 1, 1)
            amount_w = fm.horizontalAdvance(servings) + 4
            painter.setPen(dim)
            painter.drawText(
                QRect(row.right() - amount_w - 2, row.top(), amount_w, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                servings,
            )
            name_rect = QRect(row.left() + 9, row.top(), row.width() - amount_w - 13, line)
            painter.setPen(text)
            painter.drawText(
                name_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                fit_name(fm, name, name_rect.width()),
            )
        hidden = len(entries) - len(shown)
        if hidden:
            row = QRect(rect.left() + 9, rect.top() + len(shown) * line, rect.width() - 9, line)
            painter.setPen(dim)
            painter.drawText(
                row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"+{hidden} more…"
            )

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
            label = f"{value:.0f}"
        else:
            painter.setPen(text if selected else secondary_text(pal))
            label = "not planned" if score is not None else "…"
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


class WeekView(QTableView):
    """The week grid. A cell lists its foods; one of them is the *current entry* (clicked,
    or walked to with Up and Down), which Delete, Cut, Copy and the servings box act on.

    Drops: a food from a palette is added; a food from this grid moves, or with Ctrl held is
    copied. The view picks the action; the model turns the drop into one planner edit.
    """

    entryChanged = Signal()
    addRequested = Signal()  # Enter on a cell: add the palette's current food here
    contextMenuRequested = Signal(QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entry = 0
        self._entry_to_keep: int | None = None
        self._press_entry: int | None = None
        self._drop_target: tuple[int, int] | None = None
        # The viewport's height, from resizeEvent: the first viewport() call of the process
        # costs about 7 ms (PySide resolves every QWidget subclass to wrap it), which the
        # first paint need not wait for.
        self._viewport_height = 0
        self.setDragEnabled(True)
        self.setAcceptDrops(True)  # a scroll area passes this on to its viewport
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDragDropOverwriteMode(True)  # drops land on a cell, never between rows
        self.setDropIndicatorShown(False)  # the delegate outlines the target cell instead
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setItemDelegate(CellDelegate(self))
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self.setTabKeyNavigation(False)  # Tab leaves the grid, as focus order expects
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(90)
        header.setHighlightSections(True)
        self.verticalHeader().setHighlightSections(True)
        self.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )

    def setModel(self, model: WeekModel) -> None:  # type: ignore[override]
        super().setModel(model)
        vh = self.verticalHeader()
        fm = self.fontMetrics()
        vh.setMinimumSectionSize(CellDelegate.line_height(fm) + 8)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.resizeSection(SCORE_ROW, int(fm.height() * 1.4) + 20)
        model.modelReset.connect(self._clamp_entry)
        model.modelReset.connect(self.fit_rows)
        model.dataChanged.connect(self._meals_changed)
        self.fit_rows()

    def _meals_changed(self, top_left: QModelIndex, *_args: object) -> None:
        # A change of scores alone (the score row) moves no food: nothing to clamp or fit.
        if top_left.row() < SCORE_ROW:
            self._clamp_entry()
            self.fit_rows()

    def fit_rows(self, *_args: object) -> None:
        """Meal rows share the height, and a row grows to show its fullest cell's foods;
        when they do not all fit, the grid scrolls instead of hiding foods."""
        model = self.week_model()
        if model is None:
            return
        vh = self.verticalHeader()
        line = CellDelegate.line_height(self.fontMetrics())
        needed = [max(2, most) * line + 8 for most in model.fullest_cells()]
        spare = self._viewport_height - vh.sectionSize(SCORE_ROW) - sum(needed)
        extra, left = divmod(max(0, spare), SCORE_ROW)
        for row, height in enumerate(needed):
            size = height + extra + (left if row == SCORE_ROW - 1 else 0)
            if vh.sectionSize(row) != size:
                vh.resizeSection(row, size)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # A scroll area's resize events are its viewport's: this is the viewport's size.
        self._viewport_height = event.size().height()
        self.fit_rows()

    def week_model(self) -> WeekModel:
        return self.model()  # type: ignore[return-value]

    # -- the current cell and entry ----------------------------------------------------------
    def current_cell(self) -> tuple[int, str] | None:
        return self.week_model().cell_of(self.currentIndex())

    def current_day(self) -> int | None:
        index = self.currentIndex()
        return self.week_model().day_of_column(index.column()) if index.isValid() else None

    def current_entry(self) -> tuple[int, str, int] | None:
        cell = self.current_cell()
        if cell is None:
            return None
        count = len(self.week_model().plan_cell(*cell))
        if not count:
            return None
        return cell[0], cell[1], min(self._entry, count - 1)

    def set_current(self, day: int, meal: str, entry: int = 0) -> None:
        index = self.week_model().index_of(day, meal)
        if not index.isValid():
            return
        self._entry_to_keep = entry
        self.setCurrentIndex(index)
        self._entry = entry
        self._entry_to_keep = None
        self.viewport().update()
        self.entryChanged.emit()

    def set_current_day(self, day: int) -> None:
        """Select a day's score cell (keeps the selected day when the week changes)."""
        model = self.week_model()
        column = day - model.week * 7
        if 0 <= column < 7:
            self.setCurrentIndex(model.index(SCORE_ROW, column))

    def set_entry(self, entry: int) -> None:
        self._entry = max(0, entry)
        self.viewport().update()
        self.entryChanged.emit()

    def entry_highlight(self, index: Index) -> int | None:
        """The entry to highlight in a cell: the current entry of the current cell."""
        if index != self.currentIndex():
            return None
        current = self.current_entry()
        return current[2] if current else None

    def drop_target(self) -> tuple[int, int] | None:
        return self._drop_target

    def entry_at(self, pos: QPoint) -> tuple[QModelIndex, int | None]:
        """The cell at a viewport position and which of its foods is there (None: none)."""
        index = self.indexAt(pos)
        cell = self.week_model().cell_of(index)
        if cell is None:
            return index, None
        rect = self.visualRect(index).adjusted(4, 3, -4, -3)
        line = CellDelegate.line_height(self.fontMetrics())
        n = (pos.y() - rect.top()) // line
        count = len(self.week_model().plan_cell(*cell))
        capacity = max(1, rect.height() // line)
        visible = count if count <= capacity else capacity - 1
        return index, n if 0 <= n < visible else None

    def _clamp_entry(self, *_args: object) -> None:
        current = self.current_entry()
        self._entry = current[2] if current else 0
        self.entryChanged.emit()

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        super().currentChanged(current, previous)
        self._entry = self._entry_to_keep if self._entry_to_keep is not None else 0
        self.entryChanged.emit()

    # -- mouse and keys ----------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        index, entry = self.entry_at(event.position().toPoint())
        self._press_entry = entry
        super().mousePressEvent(event)
        if index.isValid() and entry is not None and index == self.currentIndex():
            self.set_entry(entry)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        plain = not (mods & ~Qt.KeyboardModifier.KeypadModifier)
        current = self.current_entry()
        if plain and key == Qt.Key.Key_Down and current:
            count = len(self.week_model().plan_cell(current[0], current[1]))
            if current[2] + 1 < count:
                self.set_entry(current[2] + 1)
                return
        if plain and key == Qt.Key.Key_Up and current and current[2] > 0:
            self.set_entry(current[2] - 1)
            return
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_cell():
            self.addRequested.emit()
            return
        if plain and key == Qt.Key.Key_Up:
            # Entering a cell from below lands on its last food.
            index = self.currentIndex()
            if index.isValid() and index.row() > 0:
                above = self.model().index(index.row() - 1, index.column())
                cell = self.week_model().cell_of(above)
                if cell is None:
                    self.setCurrentIndex(above)
                else:
                    count = len(self.week_model().plan_cell(*cell))
                    self.set_current(*cell, max(0, count - 1))
                return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            index, entry = self.entry_at(event.pos())
            if index.isValid():
                if index != self.currentIndex():
                    self.setCurrentIndex(index)
                if entry is not None:
                    self.set_entry(entry)
            pos = event.globalPos()
        else:
            rect = self.visualRect(self.currentIndex())
            pos = self.viewport().mapToGlobal(rect.center())
        self.contextMenuRequested.emit(pos)

    # -- drag --------------------------------------------------------------------------------
    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        # Our own start: Qt's would call removeRows() after a move, which a grid does not
        # have; the drop itself runs the whole move as one edit.
        cell = self.current_cell()
        if cell is None:
            return
        model = self.week_model()
        entries = model.plan_cell(*cell)
        if not entries:
            return
        indices = None if self._press_entry is None else [self._press_entry]
        mime = model.entries_mime(cell[0], cell[1], indices)
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.setPixmap(self._drag_pixmap(mime.text()))
        drag.exec(Qt.DropAction.MoveAction | Qt.DropAction.CopyAction, Qt.DropAction.MoveAction)

    def _drag_pixmap(self, text: str) -> QPixmap:
        lines = text.splitlines() or ["…"]
        label = lines[0] if len(lines) == 1 else f"{lines[0]} (+{len(lines) - 1})"
        fm = self.fontMetrics()
        size = QSize(min(fm.horizontalAdvance(label) + 16, 320), fm.height() + 10)
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.setBrush(pal.color(QPalette.ColorRole.Highlight))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(QRect(QPoint(0, 0), size), 6, 6)
        painter.setPen(pal.color(QPalette.ColorRole.HighlightedText))
        painter.drawText(
            QRect(QPoint(8, 0), size - QSize(16, 0)),
            Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(label, Qt.TextElideMode.ElideRight, size.width() - 16),
        )
        painter.end()
        return pixmap

    # -- drop --------------------------------------------------------------------------------
    def _drop_action(self, event: QDropEvent) -> Qt.DropAction:
        """Copy with Ctrl held, otherwise move where the drag allows it.

        Whether a drop really moves is the model's call: only foods dragged out of this
        plan move; a palette food is added whatever the action.
        """
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        possible = event.possibleActions()
        if not ctrl and possible & Qt.DropAction.MoveAction:
            return Qt.DropAction.MoveAction
        if possible & Qt.DropAction.CopyAction:
            return Qt.DropAction.CopyAction
        return Qt.DropAction.IgnoreAction

    def _set_drop_target(self, index: QModelIndex | None) -> None:
        target = (index.row(), index.column()) if index is not None and index.isValid() else None
        if target != self._drop_target:
            self._drop_target = target
            self.viewport().update()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if decode_foods(event.mimeData()) is None:
            event.ignore()  # foreign data: not ours to take
            return
        event.accept()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        action = self._drop_action(event)
        model = self.week_model()
        if action != Qt.DropAction.IgnoreAction and model.canDropMimeData(
            event.mimeData(), action, -1, -1, index
        ):
            event.setDropAction(action)
            event.accept(self.visualRect(index))
            self._set_drop_target(index)
        else:
            event.ignore()
            self._set_drop_target(None)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drop_target(None)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_drop_target(None)
        index = self.indexAt(event.position().toPoint())
        action = self._drop_action(event)
        model = self.week_model()
        cell = model.cell_of(index)
        drag = decode_foods(event.mimeData())
        if (
            cell is None
            or drag is None
            or action == Qt.DropAction.IgnoreAction
            or not model.dropMimeData(event.mimeData(), action, -1, -1, index)
        ):
            event.ignore()
            return
        event.setDropAction(action)
        event.accept()
        # Select what was dropped, so the day panel shows the day that just changed.
        entries = model.plan_cell(*cell)
        ids = [e.food_id for e in entries]
        last = drag.items[-1].food_id
        self.set_current(*cell, ids.index(last) if last in ids else 0)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
