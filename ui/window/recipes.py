"""The Recipes menu and the window's recipe book.

``RecipesController.book`` (also ``window.recipe_book``) holds the starter recipes and the
user's own, as planner.storage.recipes keeps them: read with a size limit, saved atomically
under a lock, a damaged file moved aside with a message. It is loaded once the first scores
are on screen (``load_book``; the SR28 foods are read by then, so ingredient names cost
nothing), before them when the plan holds a dish (its score needs the book), or on first
need if that comes sooner; nothing of planner.recipes is loaded before the first paint.
``changed`` is emitted after every change to the book.

The menu: New Recipe…, Edit Recipe…, Duplicate, Delete (a warning naming the plan's days
when the plan uses the recipe), Import Recipes… (a progress bar with Cancel, then the
review of each line) and Export Recipes…. The recipe they act on is the one chosen in the
Recipes palette, or the selected recipe in the grid when the grid has the focus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar

from planner.core.plan import RECIPE_PREFIX
from planner.errors import PlannerError
from planner.i18n import _
from ui.models.recipes import recipe_entry_id
from ui.panels.palette import RECIPES

from . import recipeactions
from .controller import Controller
from .recipeparts import KnownEntries, PortionScores, has_dishes

if TYPE_CHECKING:
    from planner.core.foods import Catalog
    from planner.recipes.book import RecipeBook
    from planner.recipes.model import Recipe
    from planner.scoring.evaluator import Evaluator
    from planner.storage.recipes import RecipeFile

    from .mainwindow import MainWindow


class RecipesController(Controller):
    changed = Signal()  # the book changed: a recipe saved, removed or imported

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._book: RecipeBook | None = None
        self._own: RecipeFile[Recipe] | None = None
        self._starter: list[Recipe] = []
        self.own_error = ""  # an unreadable file of own recipes: left alone, never written
        self.portion_scores = PortionScores(self._evaluator, self._loaded_book, self)
        self.portion_scores.scored.connect(window.palette_panel.recipes.scores_changed)
        make = self._make_action
        self.new_action = make(_("&New Recipe…"), self.new_recipe, _("Write a recipe of your own"))
        self.edit_action = make(
            _("&Edit Recipe…"),
            self.edit_recipe,
            _("Change the chosen recipe (a built-in one is changed as a copy of your own)"),
        )
        self.duplicate_action = make(
            _("D&uplicate Recipe"), self.duplicate_recipe, _("Make a copy of the chosen recipe")
        )
        self.delete_action = make(
            _("&Delete Recipe…"), self.delete_recipe, _("Delete the chosen recipe of your own")
        )
        self.import_action = make(
            _("&Import Recipes…"),
            self.import_recipes,
            _(
                "Recipes from a saved web page or .json file (schema.org), a Mealie backup or a "
                "Tandoor export"
            ),
        )
        self.export_action = make(
            _("E&xport Recipes…"), self.export_recipes, _("Write your own recipes to a file")
        )
        self.show_action = make(
            _("&Show Recipes"),
            self.show_palette,
            _("The Recipes palette, ready to search names, tags and ingredients"),
            "Ctrl+Shift+R",
        )
        window.week_model.known = KnownEntries(self)
        window.palette_panel.recipesWanted.connect(self._fill_palette)
        window.palette_panel.recipes.set_score_source(self.portion_scores.score_of)
        window.scores.ready.connect(self._scores_ready)
        window.scores.updated.connect(self._maybe_rescored)
        self._rows_scored_by: object = None  # the evaluator the palette's rows last asked

    def actions(self) -> list[QAction]:
        """The Recipes menu's actions (for Help > Keyboard Shortcuts)."""
        return [a for a in vars(self).values() if isinstance(a, QAction)]

    def add_menus(self, bar: QMenuBar) -> None:
        """The Recipes menu, after the Foods menu (or before the last menu, Help)."""
        menu = QMenu(_("&Recipes"), self._window)
        menu.addActions([self.show_action])
        menu.addSeparator()
        menu.addActions(
            [self.new_action, self.edit_action, self.duplicate_action, self.delete_action]
        )
        menu.addSeparator()
        menu.addActions([self.import_action, self.export_action])
        menu.aboutToShow.connect(self.update_actions)
        self.menu = menu
        menus = [a for a in bar.actions() if a.menu() is not None]
        foods = next((n for n, a in enumerate(menus) if a.text() == _("F&oods")), None)
        if foods is not None and foods + 1 < len(menus):
            bar.insertMenu(menus[foods + 1], menu)
        elif menus:
            bar.insertMenu(menus[-1], menu)
        else:
            bar.addMenu(menu)

    def update_actions(self) -> None:
        recipe = self.current_recipe()
        writable = not self.own_error
        for action in (self.new_action, self.import_action):
            action.setEnabled(writable)
        self.edit_action.setEnabled(writable and recipe is not None)
        self.duplicate_action.setEnabled(writable and recipe is not None)
        self.delete_action.setEnabled(writable and recipe is not None and self._is_own(recipe))
        self.export_action.setEnabled(not self.own_error)

    # -- the book ------------------------------------------------------------------------------
    @property
    def book(self) -> RecipeBook:
        """The starter and own recipes, loaded on first need."""
        if self._book is None:
            self._load()
        assert self._book is not None
        return self._book

    def _evaluator(self) -> Evaluator | None:
        return self._window.scores.evaluator

    def _loaded_book(self) -> RecipeBook | None:
        return self._book

    @property
    def catalog(self) -> Catalog:
        return self._window.catalog

    @property
    def loaded(self) -> bool:
        return self._book is not None

    def _load(self) -> None:
        from planner.recipes.book import RecipeBook, load_starter, open_own

        window = self._window
        problems: list[str] = []
        try:
            self._starter = load_starter()
        except PlannerError as exc:  # a broken install: the user's own recipes still load
            self._starter = []
            problems.append(str(exc))
        notice = ""
        try:
            self._own, notice = open_own()
        except PlannerError as exc:  # unreadable or newer: left alone, not loaded
            self._own = None
            self.own_error = str(exc)
            problems.append(_("Your own recipes were not loaded: {problem}").format(problem=exc))
        self._book = RecipeBook(window.catalog, [*self._starter, *(self._own or ())])
        self._show_book()
        if notice:
            problems.append(notice)
        if problems:
            from ui.dialogs import Messages

            Messages.error(window, _("Recipes"), "\n\n".join(problems))

    def _rebuild(self) -> None:
        """The book again from the starter recipes and the file of own recipes as it now
        is (another window may have added some), then everyone is told."""
        from planner.recipes.book import RecipeBook

        self._book = RecipeBook(self._window.catalog, [*self._starter, *(self._own or ())])
        self._show_book()
        self.changed.emit()

    def _show_book(self) -> None:
        # The plan's dishes are named and scored through this book from now on.
        self._window.set_recipe_book(self._book)
        self.portion_scores.clear()
        panel = self._window.palette_panel
        panel.recipes.set_book(self._book)
        if panel.current_key == RECIPES:
            panel.apply_filter()

    def _fill_palette(self) -> None:
        self.book  # noqa: B018  (loads the book)

    def _scores_ready(self) -> None:
        # The evaluator's loader has read the SR28 foods. A plan with dishes is scored
        # through the book, which loads now; otherwise the first scores do not wait for it
        # (a window scored in the foreground, for tests and screenshots, has it at once).
        window = self._window
        if self._book is not None:
            window.palette_panel.recipes.scores_changed()
        elif not window.background or has_dishes(window.document.plan.food_ids()):
            self._load()

    def load_book(self) -> None:
        """Load the book if it is not yet (the main window, once the first scores show)."""
        if self._book is None:
            self._load()

    def _maybe_rescored(self, _days: object) -> None:
        # New preferences make a new evaluator: the rows ask again, and get its scores. An
        # edit of the plan leaves a portion's score (a day of it alone) as it was.
        evaluator = self._window.scores.evaluator
        if evaluator is not self._rows_scored_by:
            self._rows_scored_by = evaluator
            self._window.palette_panel.recipes.scores_changed()

    def entry_name(self, food_id: str) -> str:
        """The name of a plan entry's food or recipe."""
        if food_id.startswith(RECIPE_PREFIX):
            recipe = self.book.get(food_id[len(RECIPE_PREFIX) :])
            if recipe is not None:
                return recipe.name
            # Translators: a plan's dish whose recipe is gone; {recipe} is its id.
            return _("missing recipe ({recipe})").format(recipe=food_id[len(RECIPE_PREFIX) :])
        return self._window.catalog.name_of(food_id)

    # -- which recipe --------------------------------------------------------------------------
    def current_recipe(self) -> Recipe | None:
        """The selected recipe in the grid when the grid has the focus, else the one chosen
        in the Recipes palette, else the grid's selected recipe."""
        window = self._window
        in_grid = self._grid_recipe()
        focus = QApplication.focusWidget()
        if in_grid is not None and focus in (window.grid, window.grid.viewport()):
            return in_grid
        return window.palette_panel.current_recipe() or in_grid

    def _grid_recipe(self) -> Recipe | None:
        window = self._window
        entry = window.grid.current_entry()
        if entry is None:
            return None
        cell = window.document.plan.cell(entry[0], entry[1])
        if not 0 <= entry[2] < len(cell) or not cell[entry[2]].food_id.startswith(RECIPE_PREFIX):
            return None
        return self.book.get(cell[entry[2]].food_id[len(RECIPE_PREFIX) :])

    def _is_own(self, recipe: Recipe) -> bool:
        return self._own is not None and self._own.get(recipe.id) is not None

    def _chosen(self) -> Recipe | None:
        recipe = self.current_recipe()
        if recipe is None:
            self._status(_("Choose a recipe in the Recipes palette first."))
        return recipe

    def _status(self, text: str, ms: int = 5000) -> None:
        self._window.statusBar().showMessage(text, ms)

    def _writable(self) -> bool:
        if self.own_error:
            from ui.dialogs import Messages

            Messages.error(
                self._window,
                _("Recipes"),
                _("Your own recipes cannot be changed: {problem}").format(problem=self.own_error),
            )
            return False
        if self._own is None:  # loaded without a file object: make one now
            from planner.recipes.book import open_own

            try:
                self._own, _problems = open_own()
            except PlannerError as exc:
                self.own_error = str(exc)
                return self._writable()
        return True

    # -- saving --------------------------------------------------------------------------------
    def new_id(self, name: str) -> str:
        from planner.recipes.model import OWN_PREFIX, slug

        taken = {recipe.id for recipe in self.book}
        wanted = OWN_PREFIX + slug(name)
        new_id, n = wanted, 2
        while new_id in taken:
            new_id, n = f"{wanted}-{n}", n + 1
        return new_id

    def check(self, recipe: Recipe) -> str:
        """Why ``recipe`` cannot go into the book ("" if it can): a recipe it uses is
        missing, or recipes would use each other in a circle (the book's own message)."""
        from planner.recipes.book import RecipeBook

        trial = RecipeBook(self._window.catalog, list(self.book))
        try:
            trial.put(recipe)
        except PlannerError as exc:
            return str(exc)
        return ""

    def save(self, recipe: Recipe) -> str:
        """Keep ``recipe`` among the user's own; "" when saved, else why not (the file and
        the book are then as they were)."""
        problem = self.check(recipe)
        if problem:
            return problem
        if not self._writable():
            return _("Your own recipes cannot be changed: {problem}").format(problem=self.own_error)
        assert self._own is not None
        try:
            self._own.put(recipe)
        except PlannerError as exc:
            return str(exc)
        except OSError as exc:
            return _("The recipe could not be saved: {problem}.").format(
                problem=exc.strerror or exc
            )
        self._rebuild()
        self.select(recipe.id)
        self._status(_("Saved {recipe}.").format(recipe=recipe.name))
        return ""

    def select(self, recipe_id: str) -> None:
        """Show the recipe chosen in the Recipes palette."""
        panel = self._window.palette_panel
        if panel.current_key != RECIPES:
            return
        if panel.current_model().row_of(recipe_entry_id(recipe_id)) < 0:
            panel.search.clear()
            panel.apply_filter()
        panel.select_food(recipe_entry_id(recipe_id))

    # -- the menu's actions --------------------------------------------------------------------
    def show_palette(self) -> None:
        window = self._window
        window.palette_dock.show()
        window.palette_panel.show_palette(RECIPES)
        window.palette_panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        window.palette_panel.search.selectAll()

    def new_recipe(self) -> Recipe | None:
        if not self._writable():
            return None
        return self._edit(None)

    def edit_recipe(self) -> Recipe | None:
        recipe = self._chosen()
        if recipe is None or not self._writable():
            return None
        return self._edit(recipe)

    def _edit(self, recipe: Recipe | None) -> Recipe | None:
        return recipeactions.edit_recipe(self, recipe)

    def draft_score(self, draft: Recipe) -> float | None:
        """A portion's score of a recipe being written (the editor's preview)."""
        from ui.recipes.preview import portion_score

        book = self.book
        return portion_score(
            self._window.scores.evaluator, draft, book.catalog, book.lookup_with(draft)
        )

    def duplicate_recipe(self) -> Recipe | None:
        """Save a copy of the chosen recipe among the user's own, named "... (copy)"."""
        return recipeactions.duplicate_recipe(self)

    def plan_days_using(self, recipe_id: str) -> list[int]:
        entry_id = recipe_entry_id(recipe_id)
        plan = self._window.document.plan
        return sorted(
            {day for day, _meal, _i, entry in plan.entries() if entry.food_id == entry_id}
        )

    def delete_recipe(self) -> bool:
        """Delete the chosen own recipe, after a warning naming the plan's days using it."""
        return recipeactions.delete_recipe(self)

    def import_recipes(self) -> int:
        """Import a file of recipes; how many were saved."""
        return recipeactions.import_recipes(self)

    def export_recipes(self) -> bool:
        return recipeactions.export_recipes(self)
