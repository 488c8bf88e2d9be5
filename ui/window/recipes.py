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

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar

from planner.core.plan import RECIPE_PREFIX
from planner.errors import PlannerError
from planner.i18n import _, ngettext
from ui.models.recipes import recipe_entry_id
from ui.panels.palette import RECIPES

from .controller import Controller

if TYPE_CHECKING:
    from planner.core.foods import Catalog
    from planner.recipes.book import RecipeBook
    from planner.recipes.model import Recipe
    from planner.scoring.evaluator import Evaluator
    from planner.storage.recipes import RecipeFile

    from .mainwindow import MainWindow


class PortionScores(QObject):
    """The Recipes palette's per-portion scores (ui.recipes.preview), kept per recipe until
    the book or the evaluator changes. A row painted before its score is known shows
    "score …" and asks for it; the rows asked for are scored together, in one call, just
    after that paint, so a keystroke's frame never waits for them."""

    scored = Signal()  # scores came: the rows that asked can show them

    def __init__(
        self,
        evaluator_of: Callable[[], Evaluator | None],
        book_of: Callable[[], RecipeBook | None],
        parent: QObject | None = None,
    ) -> None:
        """``evaluator_of`` and ``book_of`` must not hold the main window (a window must be
        freed by reference counting: see ui.window.controller)."""
        super().__init__(parent)
        self._evaluator_of, self._book_of = evaluator_of, book_of
        self._scores: dict[str, float | None] = {}
        self._wanted: dict[str, Recipe] = {}
        self._scored_by: object = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)

    def clear(self) -> None:
        self._scores.clear()
        self._wanted.clear()

    def score_of(self, recipe: Recipe) -> float | None:
        evaluator = self._evaluator_of()
        if evaluator is None or self._book_of() is None:
            return None
        if evaluator is not self._scored_by:  # new preferences make a new evaluator
            self.clear()
            self._scored_by = evaluator
        if recipe.id in self._scores:
            return self._scores[recipe.id]
        self._wanted[recipe.id] = recipe
        self._timer.start()
        return None

    def flush(self) -> None:
        """Score the recipes asked for, and let their rows show it."""
        self._timer.stop()
        from ui.recipes.preview import portion_scores

        evaluator, book = self._evaluator_of(), self._book_of()
        wanted, self._wanted = list(self._wanted.values()), {}
        if evaluator is None or book is None or not wanted:
            return
        self._scores.update(portion_scores(evaluator, wanted, book.catalog, book.lookup))
        self.scored.emit()


def _has_dishes(entry_ids: set[str]) -> bool:
    return any(entry_id.startswith(RECIPE_PREFIX) for entry_id in entry_ids)


class KnownEntries:
    """What a drop from outside the plan may add (planner.core.drop.drop_edit's ``known``):
    the catalog's foods, and the recipes of the book as "recipe:<id>"."""

    def __init__(self, controller: RecipesController) -> None:
        self._controller = controller

    def __contains__(self, food_id: object) -> bool:
        if not isinstance(food_id, str):
            return False
        if food_id.startswith(RECIPE_PREFIX):
            return food_id[len(RECIPE_PREFIX) :] in self._controller.book
        return food_id in self._controller.catalog


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
        elif not window.background or _has_dishes(window.document.plan.food_ids()):
            self._load()

    def load_book(self) -> None:
        """Load the book if it is not yet (the main window, once the first scores show)."""
        if self._book is None:
            self._load()

    def _maybe_rescored(self, _days: object) -> None:
        # New preferences make a new evaluator: the rows ask again, and get its scores.
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
        from planner.recipes.model import OWN
        from ui.recipes.editor import RecipeEditor

        window = self._window
        as_copy = recipe is not None and not self._is_own(recipe)
        if recipe is not None and as_copy:
            recipe = replace(recipe, id="", origin=OWN)

        def save(draft: Recipe) -> str:
            if not draft.id:
                draft = replace(draft, id=self.new_id(draft.name))
            problem = self.save(draft)
            if not problem:
                saved.append(draft)
            return problem

        saved: list[Recipe] = []
        RecipeEditor.ask(
            window,
            self.book,
            recipe,
            save=save,
            score_of=self._draft_score,
            title=_("Edit a Copy of the Recipe") if as_copy else "",
        )
        return saved[-1] if saved else None

    def _draft_score(self, draft: Recipe) -> float | None:
        from ui.recipes.preview import portion_score

        book = self.book
        return portion_score(
            self._window.scores.evaluator, draft, book.catalog, book.lookup_with(draft)
        )

    def duplicate_recipe(self) -> Recipe | None:
        from planner.recipes.model import MAX_NAME, OWN

        recipe = self._chosen()
        if recipe is None or not self._writable():
            return None
        # Translators: the name of a recipe's copy.
        copy_name = _("{recipe} (copy)")
        name = copy_name.format(recipe=recipe.name)
        if len(name) > MAX_NAME:  # the original's name shortened, the words kept
            kept = len(recipe.name) - (len(name) - MAX_NAME)
            name = copy_name.format(recipe=recipe.name[:kept].rstrip())
        copy = replace(recipe, id=self.new_id(name), name=name, origin=OWN)
        problem = self.save(copy)
        if problem:
            from ui.dialogs import Messages

            Messages.error(self._window, _("The recipe could not be copied"), problem)
            return None
        return copy

    def plan_days_using(self, recipe_id: str) -> list[int]:
        entry_id = recipe_entry_id(recipe_id)
        plan = self._window.document.plan
        return sorted(
            {day for day, _meal, _i, entry in plan.entries() if entry.food_id == entry_id}
        )

    def delete_recipe(self) -> bool:
        from ui.dialogs import Confirm, Messages

        recipe = self._chosen()
        if recipe is None:
            return False
        window = self._window
        if not self._is_own(recipe):
            self._status(
                _(
                    "{recipe} is a built-in recipe and cannot be deleted; "
                    "Duplicate makes one of your own."
                ).format(recipe=recipe.name)
            )
            return False
        users = self.book.used_by(recipe.id)
        if users:
            Messages.error(
                window,
                _("The recipe is in use"),
                _("{recipe} is used by {users}: take it out of them first.").format(
                    recipe=recipe.name, users=", ".join(r.name for r in users)
                ),
            )
            return False
        days = self.plan_days_using(recipe.id)
        if days:
            plan = window.document.plan
            dates = [plan.date_of(day) for day in days]
            names = [
                QLocale().toString(QDate(d.year, d.month, d.day), "dddd d MMMM") for d in dates
            ]
            listed = (
                names[0]
                if len(names) == 1
                # Translators: the last two of a list of days ("Monday 5 January, ... and ...").
                else _("{days} and {last}").format(days=", ".join(names[:-1]), last=names[-1])
            )
            text = _(
                "The plan uses {recipe} on {days}. Those meals will keep it as a "
                "missing recipe, counted as nothing, until you take it out.\n\n"
                "Delete {recipe} from your recipes? This cannot be undone."
            ).format(recipe=recipe.name, days=listed)
        else:
            text = _("Delete {recipe} from your recipes? This cannot be undone.").format(
                recipe=recipe.name
            )
        if not Confirm.ask(window, _("Delete Recipe"), text):
            return False
        if not self._writable():
            return False
        assert self._own is not None
        try:
            self._own.remove(recipe.id)
        except (PlannerError, OSError) as exc:
            Messages.error(window, _("The recipe could not be deleted"), str(exc))
            return False
        self._rebuild()
        self._status(_("Deleted {recipe}.").format(recipe=recipe.name))
        return True

    def import_recipes(self) -> int:
        """Import a file of recipes; how many were saved."""
        from planner.recipes.importing import unique_ids
        from ui.dialogs import Messages
        from ui.recipes.files import RecipeFiles
        from ui.recipes.importer import ImportProgress
        from ui.recipes.review import ImportReview

        window = self._window
        if not self._writable():
            return 0
        path = RecipeFiles.open_recipes(window, window.files.folder())
        if path is None:
            return 0
        result, message = ImportProgress.run(window, path, window.catalog)
        if message:
            Messages.error(window, _("Recipes not imported"), message)
            return 0
        if result is None:  # cancelled
            self._status(_("Import cancelled; nothing was saved."))
            return 0
        window.settings.last_folder = path.parent
        recipes = list(result.ready)
        if result.imported:
            reviewed = ImportReview.ask(window, result.imported, window.catalog)
            if reviewed is None:
                self._status(_("Import cancelled; nothing was saved."))
                return 0
            recipes = reviewed + recipes
        if not recipes:
            self._status(_("{file} holds no recipes.").format(file=path.name))
            return 0
        recipes = unique_ids(recipes, {recipe.id for recipe in self.book})
        from planner.recipes.book import RecipeBook

        trial = RecipeBook(window.catalog, list(self.book))
        try:
            for recipe in recipes:  # the whole file is refused before any of it is saved
                trial.put(recipe)
            assert self._own is not None
            self._own.put_many(recipes)
        except (PlannerError, OSError) as exc:
            Messages.error(window, _("Recipes not imported"), str(exc))
            return 0
        self._rebuild()
        self._status(
            ngettext("Imported {count} recipe.", "Imported {count} recipes.", len(recipes)).format(
                count=len(recipes)
            )
        )
        return len(recipes)

    def export_recipes(self) -> bool:
        from planner.recipes.recipejson import recipe_to_json
        from planner.storage.recipes import export_recipes
        from ui.dialogs import Messages
        from ui.recipes.files import RecipeFiles

        window = self._window
        self.book  # noqa: B018  (loads the book)
        own = list(self._own or ())
        if not own:
            self._status(_("You have no recipes of your own to export yet."))
            return False
        path = RecipeFiles.save_recipes(window, window.files.folder() / "my-recipes.json")
        if path is None:
            return False
        try:
            export_recipes(path, [recipe_to_json(recipe) for recipe in own])
        except PlannerError as exc:
            Messages.file_error(window, _("Could not export the recipes"), path, str(exc))
            return False
        window.settings.last_folder = path.parent
        self._status(
            ngettext(
                "Exported {count} recipe to {file}.",
                "Exported {count} recipes to {file}.",
                len(own),
            ).format(count=len(own), file=path.name)
        )
        return True
