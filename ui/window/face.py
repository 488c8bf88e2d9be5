"""The main window's public face: the methods scripts and tests call, each handing over
to the controller that does the work (ui.window.files, editing, weeks, foods, export,
recovery, recipes). A mixin of MainWindow, kept apart so that the window's module only
assembles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .afterstart import read_the_rest

if TYPE_CHECKING:
    from pathlib import Path

    from planner.core.foods import Catalog
    from planner.recipes.book import RecipeBook
    from planner.scoring.model import Preferences
    from planner.storage.recovery import Autosaver
    from ui.scores import ScoreKeeper

    from .editing import EditController
    from .export import ExportController
    from .files import FileController
    from .foods import FoodsController
    from .planweeks import PlanWeeksController
    from .recipes import RecipesController
    from .recovery import RecoveryController
    from .weeks import WeekController


class WindowFace:
    """MainWindow's methods for scripts and tests (``self`` is the window)."""

    # What MainWindow.__init__ makes, and these methods hand over to.
    background: bool
    catalog: Catalog
    scores: ScoreKeeper
    files: FileController
    recovery: RecoveryController
    editing: EditController
    weeks: WeekController
    foods: FoodsController
    export: ExportController
    plan_weeks: PlanWeeksController
    recipes: RecipesController

    def start_scoring(self) -> None:
        """Load the evaluator (after the window shows) and score the plan."""
        self.scores.start(background=self.background)
        if not self.background:  # tests, screenshots: what follows the scores, now
            read_the_rest(self.catalog)
            self.editing.show_entry()

    def open_initial(self, file: Path | None) -> None:
        self.files.open_initial(file)
        if not self.background:  # else once the first scores are on screen (afterstart.py)
            self.plan_weeks.library()  # a damaged file is told once

    @property
    def recipe_book(self) -> RecipeBook:
        """The starter and own recipes (ui.window.recipes), loaded on first need."""
        return self.recipes.book

    @property
    def autosaver(self) -> Autosaver:
        return self.recovery.autosaver

    def autosave(self) -> bool:
        return self.recovery.autosave()

    def new_plan(self) -> None:
        self.files.new_plan()

    def load_file(self, path: Path) -> bool:
        return self.files.load_file(path)

    def save(self) -> bool:
        return self.files.save()

    def import_csv_file(self) -> None:
        self.files.import_csv_file()

    def export_csv_file(self) -> None:
        self.files.export_csv_file()

    def export_pdf_file(self) -> None:
        self.export.export_pdf_file()

    def add_food(self, food_id: str) -> bool:
        return self.editing.add_food(food_id)

    def set_servings(self, servings: float) -> bool:
        return self.editing.set_servings(servings)

    def set_week(self, week: int) -> None:
        self.weeks.set_week(week)

    def copy_day(self) -> None:
        self.weeks.copy_day()

    def clear_day(self) -> None:
        self.weeks.clear_day()

    def copy_week(self) -> None:
        self.weeks.copy_week()

    def apply_preferences(self, prefs: Preferences) -> None:
        self.foods.apply_preferences(prefs)

    def user_foods_changed(self) -> None:
        self.foods.user_foods_changed()
