"""The palettes: one per category, all foods, the user's own, and recipes, with a search
box. A recipe is dragged or added with Enter exactly as a food is (ui.models.recipes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.core.foods import CATEGORIES, CATEGORY_LABELS, CATEGORY_ROLES, USER, Catalog, Food
from planner.i18n import N_, _, ngettext
from ui.models.foods import FoodListModel
from ui.models.recipes import RecipeListModel, index_recipe, recipe_entry_id
from ui.theme import PALETTE_COLORS, category_icon, dot_icon, score_color
from ui.views.lists import PaletteView
from ui.views.recipes import RecipeDelegate

if TYPE_CHECKING:
    from planner.recipes.model import Recipe

ALL, MINE, RECIPES = "all", "mine", "recipes"
PALETTES: tuple[str, ...] = (*CATEGORIES, ALL, MINE)  # the palettes of foods
CHOICES: tuple[str, ...] = (*PALETTES, RECIPES)
# Marked here and in planner.core.food, translated where shown.
PALETTE_LABELS = {
    **CATEGORY_LABELS,
    ALL: N_("All foods"),
    MINE: N_("My foods"),
    RECIPES: N_("Recipes"),
}
PALETTE_HINTS = {
    **CATEGORY_ROLES,
    ALL: N_("Every food in the catalog, including the USDA SR28 table."),
    MINE: N_("Foods you added yourself (Foods > My Foods…)."),
    RECIPES: N_(
        "Dishes made of foods: the built-in ones and yours (Recipes menu). The search "
        "looks at names, tags and ingredients."
    ),
}


class PalettePanel(QWidget):
    """Chooses a palette, filters it as one types, and shows its foods to drag or add."""

    addRequested = Signal()  # add the current food to the selected meal
    recipesWanted = Signal()  # the Recipes palette is shown and has no book yet

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._all_stale = False  # "All foods" waits for a deferred SR28 table: see reload()
        self.models: dict[str, FoodListModel] = {
            key: FoodListModel(parent=self) for key in PALETTES
        }

        self.chooser = QComboBox(self)
        self.recipes = RecipeListModel(self)
        self.chooser.setAccessibleName(_("Palette"))
        for key in CHOICES:
            if key in CATEGORIES:
                icon = category_icon(key)
            elif key == RECIPES:
                icon = dot_icon(score_color(80).name())
            else:
                icon = dot_icon(PALETTE_COLORS[key])
            self.chooser.addItem(icon, _(PALETTE_LABELS[key]), key)
            self.chooser.setItemData(
                self.chooser.count() - 1, _(PALETTE_HINTS[key]), Qt.ItemDataRole.ToolTipRole
            )
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search foods"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Search foods"))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("paletteHint")
        self.list = PaletteView(self)
        self._food_delegate = self.list.itemDelegate()
        self._recipe_delegate = RecipeDelegate(self.list)
        self.list.setAccessibleName(_("Foods"))
        self.count = QLabel(self)
        self.count.setObjectName("paletteCount")
        self.add_button = QPushButton(_("Add to Selected Meal"), self)
        self.add_button.setAccessibleName(_("Add the chosen food to the selected meal"))
        self.add_button.setToolTip(
            _("Add one serving of the chosen food to the selected meal (Enter in the list)")
        )
        label = QLabel(_("&Palette:"), self)
        label.setBuddy(self.chooser)

        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.chooser, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.search)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.add_button)
        layout.addLayout(bottom)
        self.setTabOrder(self.chooser, self.search)
        self.setTabOrder(self.search, self.list)
        self.setTabOrder(self.list, self.add_button)

        # Typing re-filters after a short pause, so a fast typist does not wait for each key.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(60)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._filter_timer.start)
        self.search.returnPressed.connect(self._search_return)
        self.chooser.currentIndexChanged.connect(self._palette_chosen)
        self.list.addRequested.connect(self.addRequested)
        self.add_button.clicked.connect(self.addRequested)
        self.reload()
        self._palette_chosen()

    # -- contents ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Fill the palettes from the catalog (again, after the user's foods changed).

        The category palettes and "My foods" hold no SR28 food. "All foods" does: while the
        catalog's SR28 table is still deferred (at start-up), it is filled when first shown,
        so that the window does not wait for 8,789 foods it does not show yet.
        """
        for key in CATEGORIES:
            self.models[key].set_foods(self._catalog.in_category(key))
        self.models[MINE].set_foods(self._catalog.by_origin(USER))
        self._all_stale = True
        self._fill_all()
        self.apply_filter()

    def _fill_all(self) -> None:
        if self._all_stale and (self.current_key == ALL or not self._catalog.sr28_pending):
            self._all_stale = False
            self.models[ALL].set_foods(self._catalog)

    def set_avoid_tags(self, tags: frozenset[str]) -> None:
        for model in self.models.values():
            model.set_avoid_tags(tags)

    @property
    def current_key(self) -> str:
        return str(self.chooser.currentData())

    def show_palette(self, key: str) -> None:
        self.chooser.setCurrentIndex(CHOICES.index(key))

    def current_model(self) -> FoodListModel | RecipeListModel:
        key = self.current_key
        return self.recipes if key == RECIPES else self.models[key]

    def current_food(self) -> Food | None:
        return self.list.current_food()

    def current_recipe(self) -> Recipe | None:
        """The recipe chosen in the Recipes palette, or None (another palette is shown)."""
        if self.current_key != RECIPES:
            return None
        return index_recipe(self.list.currentIndex())

    def current_entry_id(self) -> str | None:
        """What Enter adds: the chosen food's id, or the chosen recipe's entry id."""
        recipe = self.current_recipe()
        if recipe is not None:
            return recipe_entry_id(recipe.id)
        food = self.current_food()
        return None if food is None else food.id

    def select_food(self, food_id: str) -> bool:
        row = self.current_model().row_of(food_id)
        if row < 0:
            return False
        self.list.lay_out_all()  # the row may be past the rows laid out so far
        self.list.setCurrentIndex(self.current_model().index(row))
        return True

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        model = self.current_model()
        model.set_filter(self.search.text())
        shown, total = model.rowCount(), model.total_count()
        recipes = self.current_key == RECIPES
        locale = QLocale()
        if self.current_key == MINE and not total:
            self.count.setText(_("No foods of your own yet"))
        elif shown == total:
            text = (
                ngettext("{count} recipe", "{count} recipes", total)
                if recipes
                else ngettext("{count} food", "{count} foods", total)
            )
            self.count.setText(text.format(count=locale.toString(total)))
        else:
            text = (
                ngettext("{shown} of {total} recipe", "{shown} of {total} recipes", total)
                if recipes
                else ngettext("{shown} of {total} food", "{shown} of {total} foods", total)
            )
            self.count.setText(
                text.format(shown=locale.toString(shown), total=locale.toString(total))
            )
        if shown and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(model.index(0))

    def _palette_chosen(self, *_args: object) -> None:
        key = self.current_key
        self._fill_all()
        if key == RECIPES and self.recipes.book is None:
            self.recipesWanted.emit()  # the book is loaded on first need
        self.list.setModel(self.current_model())
        recipes = key == RECIPES
        self.list.setItemDelegate(self._recipe_delegate if recipes else self._food_delegate)
        self.search.setPlaceholderText(
            _("Search recipes, tags, ingredients") if recipes else _("Search foods")
        )
        self.add_button.setToolTip(
            _("Add one portion of the chosen recipe to the selected meal (Enter in the list)")
            if recipes
            else _("Add one serving of the chosen food to the selected meal (Enter in the list)")
        )
        self.hint.setText(_(PALETTE_HINTS[key]))
        # A screen reader says which palette is chosen, not only that this is the chooser.
        self.chooser.setAccessibleName(
            _("Palette: {palette}").format(palette=_(PALETTE_LABELS[key]))
        )
        self.chooser.setAccessibleDescription(_(PALETTE_HINTS[key]))
        self.apply_filter()

    def _search_return(self) -> None:
        # Enter in the search box goes to the results, ready for another Enter to add.
        self.apply_filter()
        if self.current_model().rowCount():
            self.list.setFocus(Qt.FocusReason.TabFocusReason)
