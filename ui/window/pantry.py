"""The pantry: foods already at home, kept as a setting, edited by name, added from the
palette, shown in the shopping list and left out of the PDF's list to buy."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.i18n import _, ngettext

from .controller import Controller

if TYPE_CHECKING:
    from .mainwindow import MainWindow


class PantryController(Controller):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)

    @property
    def food_ids(self) -> frozenset[str]:
        return frozenset(self._window.settings.pantry)

    def edit_pantry(self) -> None:
        from ui.dialogs import PantryDialog

        window = self._window
        food = window.palette_panel.current_food()
        chosen = PantryDialog.ask(
            window, window.catalog, window.settings.pantry, food.id if food else None
        )
        if chosen is not None:
            window.settings.pantry = chosen
            window.statusBar().showMessage(
                ngettext(
                    "The pantry holds {count} food.", "The pantry holds {count} foods.", len(chosen)
                ).format(count=len(chosen)),
                5000,
            )

    def add_palette_food(self) -> None:
        """Add the food chosen in the palette to the pantry."""
        window = self._window
        food = window.palette_panel.current_food()
        if food is None:
            window.statusBar().showMessage(_("Choose a food in the palette first."), 5000)
            return
        pantry = window.settings.pantry
        if food.id in pantry:
            window.statusBar().showMessage(
                _("{food} is already in the pantry.").format(food=food.name), 5000
            )
            return
        window.settings.pantry = [*pantry, food.id]
        window.statusBar().showMessage(
            _("Added {food} to the pantry.").format(food=food.name), 5000
        )

    def show_shopping_list(self) -> None:
        from planner.core.shopping import week_days
        from ui.dialogs import ShoppingListDialog

        window = self._window
        plan = window.document.plan
        week = window.week_model.week
        dialog = ShoppingListDialog(
            plan,
            window.catalog,
            list(week_days(plan, week)),
            _("Shopping List for Week {number}").format(number=week + 1),
            lambda: window.settings.pantry,
            self.edit_pantry,
            window,
        )
        dialog.exec()
        dialog.deleteLater()
