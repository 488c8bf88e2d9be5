"""The pantry (foods already at home, by name) and the shopping list that leaves them out.

The pantry is a setting (ui.settings.Settings.pantry, food ids); the shopping list comes
from planner.core.shopping, which puts the pantry's foods under "Already have"; the PDF
export uses the same pantry.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from planner.core.foods import Catalog
from planner.core.plan import Plan
from planner.core.shopping import ShoppingList, shopping_list
from planner.i18n import _
from ui.models.foods import FoodListModel
from ui.views.lists import PaletteView

from .parts import close_only, ok_cancel, stack


class _PantryList(QListWidget):
    """The pantry's foods; Delete removes the chosen one."""

    def __init__(self, remove: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._remove = remove

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
            self._remove()
            return
        super().keyPressEvent(event)


class PantryDialog(QDialog):
    """Find foods by name and add them to the pantry; remove them again."""

    def __init__(
        self,
        catalog: Catalog,
        pantry: list[str],
        parent: QWidget | None = None,
        suggested: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Pantry"))
        self._catalog = catalog
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search foods"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Search foods to add to the pantry"))
        self.model = FoodListModel(catalog, self)
        self.results = PaletteView(self)
        self.results.setDragEnabled(False)
        self.results.setModel(self.model)
        self.results.setAccessibleName(_("Foods found"))
        self.add_button = QPushButton(_("&Add to Pantry"), self)
        self.add_button.setAccessibleName(_("Add the chosen food to the pantry"))
        self.items = _PantryList(self.remove_current, self)
        self.items.setAccessibleName(_("Foods in the pantry"))
        self.remove_button = QPushButton(_("&Remove"), self)
        self.remove_button.setAccessibleName(_("Remove the chosen food from the pantry"))
        search_label = QLabel(_("&Find:"), self)
        search_label.setBuddy(self.search)
        pantry_label = QLabel(_("Already at &home:"), self)
        pantry_label.setBuddy(self.items)
        note = QLabel(
            _("Shopping lists and the PDF list these foods under \u201cAlready have\u201d."), self
        )
        note.setWordWrap(True)

        grid = QGridLayout()
        grid.addWidget(search_label, 0, 0)
        grid.addWidget(pantry_label, 0, 1)
        grid.addWidget(self.search, 1, 0)
        grid.addWidget(self.results, 2, 0)
        grid.addWidget(self.add_button, 3, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.items, 1, 1, 2, 1)
        grid.addWidget(self.remove_button, 3, 1, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addWidget(note)
        layout.addWidget(ok_cancel(self))
        self.resize(640, 420)

        for food_id in pantry:
            self._append(food_id)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._to_results)
        self.results.addRequested.connect(self.add_current)
        self.add_button.clicked.connect(self.add_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.items.currentRowChanged.connect(self._update_buttons)
        if suggested is not None and catalog.get(suggested) is not None:
            self.search.setText(catalog.name_of(suggested))
            self._filter()
            row = self.model.row_of(suggested)
            if row >= 0:
                self.results.setCurrentIndex(self.model.index(row))
        self._update_buttons()

    def _filter(self) -> None:
        self.model.set_filter(self.search.text())
        if self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(0))

    def _to_results(self) -> None:
        self._filter()
        if self.model.rowCount():
            self.results.setFocus(Qt.FocusReason.TabFocusReason)

    def _append(self, food_id: str) -> None:
        food = self._catalog.get(food_id)
        text = food.name if food else _("{food} (not in the food list)").format(food=food_id)
        item = QListWidgetItem(text, self.items)
        item.setData(Qt.ItemDataRole.UserRole, food_id)

    def food_ids(self) -> list[str]:
        return [
            str(self.items.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.items.count())
        ]

    def add(self, food_id: str) -> bool:
        """Add a food (once); False if it is already there."""
        if food_id in self.food_ids():
            self.items.setCurrentRow(self.food_ids().index(food_id))
            return False
        self._append(food_id)
        self.items.setCurrentRow(self.items.count() - 1)
        self._update_buttons()
        return True

    def add_current(self) -> None:
        food = self.results.current_food()
        if food is not None:
            self.add(food.id)

    def remove_current(self) -> None:
        row = self.items.currentRow()
        if row >= 0:
            self.items.takeItem(row)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        self.remove_button.setEnabled(self.items.currentRow() >= 0)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        catalog: Catalog,
        pantry: list[str],
        suggested: str | None = None,
    ) -> list[str] | None:
        dialog = cls(catalog, pantry, parent, suggested)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.food_ids()


def shopping_html(found: ShoppingList, catalog: Catalog) -> str:
    """The shopping list as simple HTML: what to buy by aisle, then what is at home."""
    parts: list[str] = []
    for group in found.groups:
        aisle = _(group.label)  # an aisle's name, marked in planner.core.food
        parts.append(f"<h3>{escape(aisle)}</h3><ul>")
        parts += [f"<li>{escape(ln.name)}: {escape(ln.quantity)}</li>" for ln in group.lines]
        parts.append("</ul>")
    if not found.groups:
        nothing = _("Nothing to buy for these days.")
        parts.append(f"<p>{escape(nothing)}</p>")
    if found.have:
        have = _("Already have (your pantry)")
        parts.append(f"<h3>{escape(have)}</h3><ul>")
        for group in found.have:
            parts += [f"<li>{escape(ln.name)}: {escape(ln.quantity)}</li>" for ln in group.lines]
        parts.append("</ul>")
    if found.unknown:
        unknown = _("Not in the food list")
        parts.append(f"<h3>{escape(unknown)}</h3><ul>")
        parts += [f"<li>{escape(catalog.name_of(fid))}</li>" for fid, _ in found.unknown]
        parts.append("</ul>")
    return "".join(parts)


class ShoppingListDialog(QDialog):
    """The shopping list of some days, with the pantry's foods under "Already have" and a
    button to edit the pantry, after which the list follows."""

    def __init__(
        self,
        plan: Plan,
        catalog: Catalog,
        days: list[int],
        title: str,
        pantry: Callable[[], list[str]],
        edit_pantry: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._plan, self._catalog, self._days = plan, catalog, days
        self._pantry, self._edit_pantry = pantry, edit_pantry
        self.view = QTextBrowser(self)
        self.view.setAccessibleName(_("Shopping list"))
        self.view.setOpenLinks(False)
        buttons = close_only(self)
        edit = buttons.addButton(_("Edit &Pantry…"), QDialogButtonBox.ButtonRole.ActionRole)
        edit.setAccessibleName(_("Edit the pantry"))
        edit.clicked.connect(self._edit)
        stack(self, (self.view, 1), buttons)
        self.resize(520, 560)
        self.refresh()

    def refresh(self) -> None:
        found = shopping_list(self._plan, self._catalog, self._days, have=self._pantry())
        self.view.setHtml(shopping_html(found, self._catalog))

    def _edit(self) -> None:
        self._edit_pantry()
        self.refresh()
