"""My Foods: add, edit and remove the user's own foods."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from planner.core.foods import Food
from planner.errors import PlannerError
from planner.i18n import N_, _
from ui.models.foods import literal_tip
from ui.theme import category_icon

from .confirm import Confirm
from .foodeditor import FoodEditor
from .parts import beside, close_only, message_line, stack

# What the line under the list says after a food is stored ({food}: its name).
ADDED = N_("Added {food}.")
SAVED = N_("Saved {food}.")


class MyFoodsDialog(QDialog):
    """Lists the user's own foods; Add, Edit and Remove save at once (planner.storage.userfoods)."""

    def __init__(self, user_foods, used_ids: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("My Foods"))
        self._foods = user_foods
        self._used = used_ids
        self.changed = False
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(_("My foods"))
        self.add_button = QPushButton(_("&Add…"), self)
        self.edit_button = QPushButton(_("&Edit…"), self)
        self.remove_button = QPushButton(_("&Remove"), self)
        self.message = message_line(self)  # "Added NAME.": the user's text
        buttons = (self.add_button, self.edit_button, self.remove_button)
        stack(self, beside(self.list, buttons), self.message, close_only(self))
        self.add_button.clicked.connect(self.add_food)
        self.edit_button.clicked.connect(self.edit_food)
        self.remove_button.clicked.connect(self.remove_food)
        self.list.itemDoubleClicked.connect(self._double_clicked)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.resize(480, 360)
        self._fill()

    def _fill(self, select: str | None = None) -> None:
        self.list.clear()
        for food in sorted(self._foods, key=lambda f: f.name.casefold()):
            item = QListWidgetItem(category_icon(food.primary_category()), food.name)
            item.setData(Qt.ItemDataRole.UserRole, food.id)
            item.setToolTip(
                literal_tip(
                    _("{serving} ({grams} g)").format(
                        serving=food.serving_label, grams=QLocale().toString(food.grams, "g", 6)
                    )
                )
            )
            self.list.addItem(item)
            if food.id == select:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        has = self.list.currentItem() is not None
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        if not self.list.count():
            self.message.setText(
                _("You have no foods of your own yet. Add one to use it in plans.")
            )

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def add_food(self) -> None:
        food = FoodEditor.ask(self, None)
        if food is not None:
            self._store(lambda: self._foods.add(food), ADDED)

    def edit_food(self) -> None:
        food_id = self.current_id()
        food = self._foods.get(food_id) if food_id else None
        if food is None:
            return
        edited = FoodEditor.ask(self, food)
        if edited is not None:
            self._store(lambda: self._update(edited), SAVED)

    def _update(self, food: Food) -> Food:
        self._foods.update(food)
        return food

    def _store(self, change: Callable[[], Food], done: str) -> None:
        """Save one food at once (``change`` returns it as kept); say so (``done``, a
        message with a {food} field) and select it, or say why it was not saved."""
        try:
            kept = change()
        except PlannerError as exc:
            self.message.setText(str(exc))
            return
        self.changed = True
        self.message.setText(_(done).format(food=kept.name))
        self._fill(select=kept.id)

    def remove_food(self) -> None:
        food_id = self.current_id()
        food = self._foods.get(food_id) if food_id else None
        if food is None:
            return
        if food.id in self._used:
            text = _(
                "Remove {food} from your foods? The open plan uses it; it will show there "
                "as an unknown food."
            )
        else:
            text = _("Remove {food} from your foods?")
        if not Confirm.ask(self, _("Remove Food"), text.format(food=food.name)):
            return
        try:
            self._foods.remove(food.id)
        except PlannerError as exc:
            self.message.setText(str(exc))
            return
        self.changed = True
        self.message.setText(_("Removed {food}.").format(food=food.name))
        self._fill()

    def _double_clicked(self, _item: QListWidgetItem) -> None:
        self.edit_food()
