"""List views of foods to drag into the grid: the palettes and the day's suggestions."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from planner.core.foods import Food
from ui.models.roles import FOOD_ROLE

from .delegates import FoodDelegate

LAYOUT_BATCH = 500  # rows laid out per turn of the event loop (a list shows about 30)


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
        # After a keystroke in the search, the first rows are laid out at once and the
        # rest in the next turns of the event loop, between keystrokes: Qt asks the model
        # about every row it lays out (about 15 ms for all foods), and a typist waits
        # only for the first batch.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(LAYOUT_BATCH)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.doubleClicked.connect(self._double_clicked)

    def lay_out_all(self) -> None:
        """Lay out every row now (a batched layout may be under way): scrolling to a row
        needs it laid out."""
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        self.doItemsLayout()
        self.setLayoutMode(QListView.LayoutMode.Batched)

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
