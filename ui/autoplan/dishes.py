"""Liked and disliked foods and recipes: a list the person picks from a searchable list
of every food and recipe, and removes from. The planner reads the ids (a food's id, or
"recipe:" and a recipe's id, planner.autoplan.recipes.PREFIX)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.autoplan.recipes import PREFIX
from planner.core.foods import Catalog
from planner.i18n import _

if TYPE_CHECKING:
    from planner.recipes.book import RecipeBook

ID_ROLE = Qt.ItemDataRole.UserRole
# The search shows this many matches: enough to pick from, few enough to stay quick
# over the whole catalog.
SHOWN = 60


def dish_name(dish_id: str, catalog: Catalog, book: RecipeBook | None) -> str:
    """A food's or recipe's name for the lists; an id that names nothing is shown as it
    is, marked, so that it can still be removed."""
    if dish_id.startswith(PREFIX):
        recipe = book.get(dish_id.removeprefix(PREFIX)) if book is not None else None
        if recipe is not None:
            return _("{recipe} (recipe)").format(recipe=recipe.name)
        return _("{id} (not found)").format(id=dish_id)
    food = catalog.get(dish_id)
    return food.name if food is not None else _("{id} (not found)").format(id=dish_id)


class _SearchBox(QLineEdit):
    """A search line whose Return adds the match and stays in the dialog: a QLineEdit
    passes Return on, and the dialog would take it for OK."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class DishPicker(QWidget):
    """A search box over foods and recipes, the matches below it, and the chosen list
    with Remove. ``changed`` fires when the chosen list changes."""

    changed = Signal()

    def __init__(
        self,
        catalog: Catalog,
        book: RecipeBook | None,
        chosen: Iterable[str],
        what: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalog, self._book = catalog, book
        self._ids: list[str] = []
        self.search = _SearchBox()
        # Translators: {list} is "liked foods" or "disliked foods", in the fill's settings.
        self.search.setPlaceholderText(
            _("Find a food or recipe to add to {list}…").format(list=what)
        )
        self.search.setAccessibleName(
            _("Search foods and recipes to add to {list}").format(list=what)
        )
        self.search.setClearButtonEnabled(True)
        self.matches = QListWidget()
        self.matches.setAccessibleName(
            _("Foods and recipes found, to add to {list}").format(list=what)
        )
        self.matches.setMaximumHeight(110)
        self.add_button = QPushButton(_("Add"))
        self.add_button.setAccessibleName(
            _("Add the food or recipe found to {list}").format(list=what)
        )
        self.chosen = QListWidget()
        # Only the first letter: str.capitalize() would lower the rest (German nouns).
        self.chosen.setAccessibleName(what[:1].upper() + what[1:])
        self.chosen.setMaximumHeight(90)
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.setAccessibleName(
            _("Remove the selected food or recipe from {list}").format(list=what)
        )
        top = QHBoxLayout()
        top.addWidget(self.search)
        top.addWidget(self.add_button)
        below = QHBoxLayout()
        below.addWidget(self.chosen)
        below.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.matches)
        layout.addLayout(below)
        self.search.textChanged.connect(self._find)
        self.search.returnPressed.connect(self.add_current)
        self.matches.itemActivated.connect(lambda _item: self.add_current())
        self.add_button.clicked.connect(self.add_current)
        self.remove_button.clicked.connect(self.remove_current)
        for dish_id in sorted(chosen, key=lambda i: dish_name(i, catalog, book).casefold()):
            self._append(dish_id)
        self._find("")

    def ids(self) -> frozenset[str]:
        return frozenset(self._ids)

    def _find(self, text: str) -> None:
        """Recipes first (there are few, and they are what a person names), then foods,
        best matches first; nothing until a word is typed but the recipes."""
        self.matches.clear()
        found: list[tuple[str, str]] = []
        if self._book is not None:
            found += [
                (PREFIX + r.id, _("{recipe} (recipe)").format(recipe=r.name))
                for r in self._book.search(text)
            ]
        if text.strip():
            found += [(f.id, f.name) for f in self._catalog.search(text)[:SHOWN]]
        for dish_id, name in found[:SHOWN]:
            item = QListWidgetItem(name)
            item.setData(ID_ROLE, dish_id)
            self.matches.addItem(item)
        if self.matches.count():
            self.matches.setCurrentRow(0)

    def add_current(self) -> None:
        item = self.matches.currentItem()
        if item is None:
            return
        dish_id = str(item.data(ID_ROLE))
        if dish_id not in self._ids:
            self._append(dish_id)
            self.changed.emit()
        self.chosen.setCurrentRow(self._ids.index(dish_id))

    def remove_current(self) -> None:
        row = self.chosen.currentRow()
        if 0 <= row < len(self._ids):
            del self._ids[row]
            self.chosen.takeItem(row)
            self.changed.emit()

    def discard(self, ids: Iterable[str]) -> None:
        """Take ``ids`` off the list (a food just liked is no longer disliked)."""
        for dish_id in set(ids) & set(self._ids):
            row = self._ids.index(dish_id)
            del self._ids[row]
            self.chosen.takeItem(row)

    def _append(self, dish_id: str) -> None:
        self._ids.append(dish_id)
        item = QListWidgetItem(dish_name(dish_id, self._catalog, self._book))
        item.setData(ID_ROLE, dish_id)
        self.chosen.addItem(item)
