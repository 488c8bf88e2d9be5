"""The week grid: a view of ``WeekModel`` with a current food inside the current cell,
keyboard walking through a meal's foods, and drags and drops of foods."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.models.mime import decode_foods
from ui.models.roles import Index
from ui.models.week import SCORE_ROW, WeekModel

from .delegates import CellDelegate, shown_entries


def fit_within(heights: list[int], room: int, floor: int) -> list[int]:
    """Cap the tallest heights so that all fit in ``room`` where they can, none below
    ``floor`` (and none raised): the rows that need the most give way first."""

    def total(cap: int) -> int:
        return sum(min(h, cap) for h in heights)

    # The largest cap from floor up whose rows fit (floor when none does): the total grows
    # with the cap, so a binary search finds it in a few steps, not one per pixel.
    low, high = floor, max(heights)
    if high <= low or total(high) <= room:
        return [min(h, max(high, floor)) for h in heights]
    while low < high:
        middle = (low + high + 1) // 2
        if total(middle) <= room:
            low = middle
        else:
            high = middle - 1
    return [min(h, low) for h in heights]


class WeekView(QTableView):
    """The week grid. A cell lists its foods; one of them is the *current entry* (clicked,
    or walked to with Up and Down), which Delete, Cut, Copy and the amount box act on.

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
        # What entryChanged last told: the cell, the entry's place and value, and the day's
        # date (a plan's new start renames the day); see _clamp_entry.
        self._told: object = None
        self._press_entry: int | None = None
        self._drop_target: tuple[int, int] | None = None
        # The viewport's height, from resizeEvent: the first viewport() call of the process
        # costs about 7 ms (PySide resolves every QWidget subclass to wrap it), which the
        # first paint need not wait for.
        self._viewport_height = 0
        self._fitted: tuple[list[int], int, int, list[int]] | None = None  # see fit_rows
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
        """Meal rows share the height, and a row grows to show its fullest cell's foods.
        When they do not all fit, the fullest rows give way first (down to two lines, a
        cell then shows "+N more" and keeps its current food in view) so that the score row
        stays on screen; only when even that does not fit does the grid scroll."""
        model = self.week_model()
        if model is None:
            return
        vh = self.verticalHeader()
        line = CellDelegate.line_height(self.fontMetrics())
        fullest = model.fullest_cells()
        room = self._viewport_height - vh.sectionSize(SCORE_ROW)
        # Most edits leave every row's fullest cell as full as it was: nothing to resize
        # (unless the rows' heights were set since, as a model reset does).
        sizes = [vh.sectionSize(row) for row in range(SCORE_ROW)]
        if (fullest, room, line, sizes) == self._fitted:
            return
        needed = [max(2, most) * line + 8 for most in fullest]
        if sum(needed) > room and self._viewport_height > 0:
            needed = fit_within(needed, room, 2 * line + 8)
        spare = room - sum(needed)
        extra, left = divmod(max(0, spare), SCORE_ROW)
        for row, height in enumerate(needed):
            size = height + extra + (left if row == SCORE_ROW - 1 else 0)
            if vh.sectionSize(row) != size:
                vh.resizeSection(row, size)
        sizes = [vh.sectionSize(row) for row in range(SCORE_ROW)]
        self._fitted = (fullest, room, line, sizes)

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
        self.scrollTo(index)
        self.viewport().update()  # the same cell keeps its index: repaint the food marked
        self._tell_entry()

    def set_entry(self, entry: int) -> None:
        self._entry = max(0, entry)
        self.viewport().update()
        self._tell_entry()

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
        first, stop = shown_entries(count, capacity, self.entry_highlight(index))
        return index, first + n if 0 <= n < stop - first else None

    def _clamp_entry(self, *_args: object) -> None:
        current = self.current_entry()
        self._entry = current[2] if current else 0
        # After a plan change the bar is told only when what it shows changed: an edit to
        # another food of the cell, or to another day, leaves it as it is.
        if self._entry_state() != self._told:
            self._tell_entry()

    def _entry_state(self) -> object:
        cell, current = self.current_cell(), self.current_entry()
        if cell is None:
            return None
        model = self.week_model()
        entry = model.plan_cell(*cell)[current[2]] if current else None
        return cell, current, entry, model.date_of(cell[0])

    def _tell_entry(self) -> None:
        self._told = self._entry_state()
        self.entryChanged.emit()

    def currentChanged(self, current: Index, previous: Index) -> None:
        super().currentChanged(current, previous)
        self._entry = self._entry_to_keep if self._entry_to_keep is not None else 0
        self._tell_entry()

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
        if key == Qt.Key.Key_F10 and mods & Qt.KeyboardModifier.ShiftModifier:
            # Shift+F10 is the other keyboard way to a context menu, beside the Menu key.
            self.contextMenuRequested.emit(self._current_menu_pos())
            return
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
            pos = self._current_menu_pos()
        self.contextMenuRequested.emit(pos)

    def _current_menu_pos(self) -> QPoint:
        rect = self.visualRect(self.currentIndex())
        return self.viewport().mapToGlobal(rect.center())

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
