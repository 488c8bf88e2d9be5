"""The main window: palettes on the left, the week grid in the middle, the selected day's
score below, and the menus that open, save and edit the plan.

This module only assembles: it builds the widgets, makes the controllers that do the work
(files, recovery, editing, weeks, foods, export; one module each in this package) and
wires them to the widgets, the plan document and the scores. The methods below the
wiring are the window's public face, kept for scripts and tests; each hands over to a
controller.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt, QThreadPool
from PySide6.QtGui import QCloseEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QMainWindow,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.core.amounts import FoodResolver
from planner.core.foods import Catalog
from planner.core.plan import Change, Plan
from planner.errors import PlannerError
from planner.i18n import _
from planner.storage.paths import user_foods_path
from ui.document import PlanDocument
from ui.models.amounts import EntryWords
from ui.models.week import WeekModel
from ui.panels.daypanel import DayPanel
from ui.panels.palette import PalettePanel
from ui.scores import ScoreKeeper
from ui.settings import Settings
from ui.views.week import WeekView

from .actions import WindowActions
from .afterstart import AfterStart
from .autoplan import AutoplanController
from .bars import EntryBar, WeekBar
from .editing import EditController
from .export import ExportController
from .face import WindowFace
from .files import FileController, locale_week_start
from .foods import APP_TITLE, FoodsController
from .help import HelpController
from .journal import JournalController
from .pantry import PantryController
from .placement import keep_on_screen, place
from .planweeks import PlanWeeksController
from .recipes import RecipesController
from .recovery import RecoveryController
from .weeks import WeekController

# Dialogs, CSV and recovery copies are first needed after the window shows: the
# controllers import them where used, which keeps them off the start-up path.
if TYPE_CHECKING:
    from pathlib import Path

    from planner.recipes.book import RecipeBook
    from planner.storage.recovery import RecoveryStore
    from planner.storage.userfoods import UserFoods


class MainWindow(WindowFace, QMainWindow):
    def __init__(
        self,
        settings: Settings,
        catalog: Catalog | None = None,
        plan: Plan | None = None,
        *,
        user_foods: UserFoods | None = None,
        background: bool = True,
        recovery: RecoveryStore | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.setObjectName("MainWindow")
        self.user_foods_error = ""  # an unreadable foods file: left alone, not written
        self.user_foods_notice = ""  # told once the window shows (see FileController)
        # Without a foods file (most starts) its store, and the JSON store's code with it,
        # is made on first need (see user_foods).
        if user_foods is None and user_foods_path().exists():
            from planner.storage.userfoods import load_or_set_aside

            try:
                user_foods, self.user_foods_notice = load_or_set_aside(user_foods_path())
            except PlannerError as exc:  # unreadable or newer: left alone, not loaded
                self.user_foods_error = str(exc)
        self._user_foods = user_foods
        if catalog is None:
            catalog = Catalog.load(user_foods=list(user_foods or ()), defer_sr28=True)
        self.catalog = catalog
        self.document = PlanDocument(plan or Plan(locale_week_start()), parent=self)
        self.document.resolver = FoodResolver(catalog)  # the grams written with a save
        self.scores = ScoreKeeper(self.document, catalog, settings.preferences(), self)
        self.background = background  # False: scored here and now (tests, screenshots)
        words = EntryWords(catalog, None, settings.unit_system)
        self.week_model = WeekModel(self.document, catalog, self, words)
        self._build_widgets()
        self.files = FileController(self)
        self.recovery = RecoveryController(self, recovery)
        self.autosave_timer = self.recovery.timer
        self.editing = EditController(self)
        self.weeks = WeekController(self)
        self.foods = FoodsController(self)
        self.export = ExportController(self)
        self.autoplan = AutoplanController(self)
        self.pantry = PantryController(self)
        self.help = HelpController(self)
        self.window_actions = WindowActions(self)
        for name, action in self.window_actions.by_name().items():
            setattr(self, f"act_{name}", action)  # the names scripts and tests know
        self.window_actions.build_menus(self)
        # Weeks, templates, rules, the calendar (Plan menu) and the journal (Journal menu).
        self.plan_weeks = PlanWeeksController(self)
        self.journal = JournalController(self)
        self.plan_weeks.add_menus(self.menuBar())
        self.journal.add_menus(self.menuBar())
        # The Recipes menu and palette; the book itself loads after the first paint.
        self.recipes = RecipesController(self)
        self.recipes.add_menus(self.menuBar())
        self.recent_menu = self.files.recent_menu
        self._connect()
        if background:  # what the first scores do not need waits until they are shown
            self.after_start = AfterStart(self)
        self.palette_panel.set_avoid_tags(settings.preferences().avoid_tags)
        self.weeks.refresh_week_bar()
        self.update_title()
        self.update_actions()
        self._placed = False
        place(self, settings, self.day_dock)
        self.grid.setCurrentIndex(self.week_model.index(0, 0))
        if self.user_foods_error:
            self.statusBar().showMessage(
                _("Your own foods were not loaded: {problem}").format(
                    problem=self.user_foods_error
                ),
                15000,
            )
        elif settings.problem:  # said once: the defaults are used and nothing is written
            self.statusBar().showMessage(
                _("Settings are not kept this time: {problem}.").format(problem=settings.problem),
                15000,
            )

    @property
    def user_foods(self) -> UserFoods | None:
        """The user's own foods (an empty store until their file exists); None when the
        file could not be read, which is then left alone and never written."""
        if self._user_foods is None and not self.user_foods_error:
            from planner.storage.userfoods import UserFoods

            self._user_foods = UserFoods(user_foods_path())
        return self._user_foods

    @user_foods.setter
    def user_foods(self, foods: UserFoods | None) -> None:
        self._user_foods = foods

    def keep_on_screen(self, area: QRect | None = None) -> None:
        """Shrink and move the window, where needed, to lie within the screen's free area."""
        keep_on_screen(self, area)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._placed:  # the frame's size is known once shown: fit it in too
            self._placed = True
            keep_on_screen(self)

    # -- building ------------------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_widgets(self) -> None:
        self.palette_panel = PalettePanel(self.catalog, self)
        self.palette_dock = self._dock(
            _("Foods"), "paletteDock", self.palette_panel, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.day_panel = DayPanel(self)
        # The panel scrolls rather than pushing the window past a short screen's bottom.
        day_scroll = QScrollArea(self)
        day_scroll.setObjectName("dayScroll")
        day_scroll.setWidgetResizable(True)
        day_scroll.setFrameShape(QFrame.Shape.NoFrame)
        day_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its contents take the focus
        day_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        day_scroll.setWidget(self.day_panel)
        self.day_dock = self._dock(
            _("Selected day"), "dayDock", day_scroll, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.resizeDocks([self.palette_dock], [270], Qt.Orientation.Horizontal)
        self.resizeDocks([self.day_dock], [250], Qt.Orientation.Vertical)

        central = QWidget(self)
        self.week_bar = WeekBar(central)
        self.week_label, self.week_combo = self.week_bar.week_label, self.week_bar.week_combo
        self.start_edit = self.week_bar.start_edit
        self.week_average, self.week_plants = self.week_bar.week_average, self.week_bar.week_plants
        self.grid = WeekView(central)
        self.grid.setModel(self.week_model)
        self.grid.setAccessibleName(_("Week plan"))
        self.grid.setAccessibleDescription(
            _("Meals as rows, days as columns. Up and Down walk through the foods of a meal.")
        )
        self.entry_bar = EntryBar(central, self.settings.unit_system)
        self.entry_label, self.servings = self.entry_bar.entry_label, self.entry_bar.servings
        self.amount_unit = self.entry_bar.unit
        self.remove_button = self.entry_bar.remove_button
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addLayout(self.week_bar.layout)
        layout.addWidget(self.grid, 1)
        layout.addLayout(self.entry_bar.layout)
        self.setCentralWidget(central)

        # Focus order follows the way a plan is made: find a food, pick a meal, adjust.
        chain = [
            self.palette_panel.chooser,
            self.palette_panel.search,
            self.palette_panel.list,
            self.palette_panel.add_button,
            self.week_combo,
            self.start_edit,
            self.grid,
            self.servings,
            self.amount_unit,
            self.remove_button,
            self.day_panel.why,
            self.day_panel.parts_box,
            self.day_panel.skin_box,
            self.day_panel.suggestion_list,
            self.day_panel.add_suggestion,
        ]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

    def _connect(self) -> None:
        doc, edits, weeks = self.document, self.editing, self.weeks
        doc.modifiedChanged.connect(self.update_title)
        doc.planChanged.connect(self._plan_changed)
        doc.planReplaced.connect(self._plan_replaced)
        doc.historyStepped.connect(weeks.history_stepped)
        doc.refused.connect(self.show_refusal)
        self.scores.updated.connect(weeks.scores_updated)
        self.scores.failed.connect(self._scores_failed)
        self.grid.entryChanged.connect(edits.show_entry)
        self.grid.addRequested.connect(edits.add_palette_food)
        self.grid.contextMenuRequested.connect(edits.grid_menu)
        self.grid.selectionModel().currentChanged.connect(weeks.cell_changed)
        self.palette_panel.addRequested.connect(edits.add_palette_food)
        self.recipes.changed.connect(self._recipes_changed)
        self.day_panel.addSuggestionRequested.connect(edits.add_food)
        self.entry_bar.amount.amountEdited.connect(edits.servings_changed)
        self.entry_bar.amount.unitChosen.connect(edits.unit_chosen)
        self.remove_button.clicked.connect(edits.delete_entry)
        self.week_combo.activated.connect(weeks.week_chosen)
        self.start_edit.dateChanged.connect(weeks.start_chosen)
        QGuiApplication.clipboard().dataChanged.connect(self.update_actions)

    # -- following the plan and the scores -----------------------------------------------------
    def show_refusal(self, message: str) -> None:
        """An edit the plan refused: say why, in the status bar, and change nothing."""
        QApplication.beep()
        self.statusBar().showMessage(
            # Translators: {reason} says why an edit was refused.
            _("Not changed: {reason}").format(reason=message),
            10000,
        )

    def _plan_changed(self, change: Change) -> None:
        # The selected food's bar follows the grid's entryChanged, which the week model's
        # dataChanged sets off for any change to the week on show.
        if change.reshaped:
            # Weeks may have gone (an undone Copy Week): the grid's cell went with them,
            # and the day panel must not go on showing a day that no longer exists.
            if not self.grid.currentIndex().isValid():
                self.grid.setCurrentIndex(self.week_model.index(0, 0))
            self.weeks.refresh_week_bar()
            self.weeks.show_selected_day()
        self.update_actions()

    def _plan_replaced(self) -> None:
        self.weeks.refresh_week_bar()
        self.update_title()
        self.grid.setCurrentIndex(self.week_model.index(0, 0))
        self.editing.show_entry()
        self.weeks.show_selected_day()

    # -- recipes and units --------------------------------------------------------------------
    def set_recipe_book(self, book: RecipeBook | None) -> None:
        """Use ``book`` for dish names, their ingredients and their scores: called by the
        Recipes controller when the book is loaded, and after each change to it (names,
        ingredients and scores follow)."""
        self.week_model.set_recipe_book(book)
        self.scores.set_recipe_book(book)
        self.document.resolver = self.scores.resolver  # a saved dish's grams too
        self.editing.show_entry()

    def set_unit_system(self, system: str) -> None:
        """Show weights in grams or ounces (ui.settings.METRIC or US), and keep it."""
        self.settings.unit_system = system
        system = self.settings.unit_system
        self.week_model.set_unit_system(system)
        self.entry_bar.amount.system = system
        self.editing.show_entry()
        self.weeks.show_selected_day()

    def _recipes_changed(self) -> None:
        # A recipe's name or ingredients changed: the day panel follows the book too.
        self.weeks.show_selected_day()

    def _scores_failed(self, message: str) -> None:
        self.statusBar().showMessage(message)

    def update_actions(self, *_args: object) -> None:
        self.window_actions.update_enabled(self)

    def update_title(self, *_args: object) -> None:
        # "[*]" marks where Qt shows the unsaved mark; one in a file's name is doubled,
        # which Qt shows as written.
        title = self.document.title.replace("[*]", "[*][*]")
        # Translators: the window title; {plan} is the plan's name, {app} the app's name.
        self.setWindowTitle(_("{plan}[*] — {app}").format(plan=title, app=APP_TITLE))
        self.setWindowModified(self.document.modified)

    def pdf_written(self, path: Path) -> None:
        """Tell that the PDF was written, offering to open it."""
        from ui.dialogs import Messages

        Messages.done_with_open(
            self, _("PDF exported"), _("The plan was saved as {path}.").format(path=path), path
        )

    # -- closing -------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        # Saved, discarded, or nothing to save: no recovery copy is needed any more.
        self.recovery.close()
        self.settings.last_plan = self.document.path  # reopened at the next start
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.sync()
        self.files.cancel_load()  # a file still being read is not wanted any more
        # Let background work finish so no worker outlives the window it reports to.
        QThreadPool.globalInstance().waitForDone(30_000)
        self.journal.close()  # after the workers: a report may still be reading it
        event.accept()
