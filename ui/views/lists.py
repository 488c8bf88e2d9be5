"""List views of foods to drag into the grid: the palettes and the day's suggestions."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from planner.core.foods import Food
from ui.models.roles import FOOD_ROLE

from .delegates import FoodDelegate


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

    def current_food(self) -> Food | None:
        index = self.currentIndex()
        return index.data(FOOD_ROLE) if index.isValid() else None
