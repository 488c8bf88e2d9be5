"""The main window: palettes on the left, the week grid in the middle, the selected day's
score below, and the menus that open, save and edit the plan."""

from __future__ import annotations

import importlib.util
import itertools
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDockWidget,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from planner.core.edits import (
    AddFood,
    ClearDay,
    CopyDay,
    CopyWeek,
    RemoveEntry,
    SetServings,
    SetStart,
)
from planner.core.foods import Catalog
from planner.core.plan import DAYS_PER_WEEK, MAX_SERVINGS, MEAL_LABELS, Change, Plan, this_monday
from planner.errors import PlannerError
from planner.storage.paths import user_foods_path
from planner.storage.planfile import EXTENSION, VERSION, read_plan
from planner.storage.userfoods import UserFoods, load_or_set_aside

from .daypanel import DayPanel
from .models import WeekModel, decode_foods
from .palette import PalettePanel
from .scores import ScoreKeeper
from .settings import Settings
from .undo import PlanDocument
from .views import WeekView

# Dialogs, CSV and recovery copies are first needed after the window shows: they are
# imported where used, which keeps them and their Qt classes off the start-up path.
if TYPE_CHECKING:
    from planner.storage.recovery import Autosaver, RecoveryCopy, RecoveryStore

    from .dialogs import PdfOptions

APP_TITLE = "Gut–Skin Planner"
SERVING_PRESETS = (0.5, 1, 1.5, 2, 3)


def pdf_export_available() -> bool:
    return importlib.util.find_spec("planner.export.pdf") is not None


class _PdfSignals(QObject):
    done = Signal(object, object)  # path, error message or None


class _PdfJob(QRunnable):
    """Writes the PDF on a worker thread from a copy of the plan; touches no widget."""

    def __init__(self, plan: Plan, catalog: Catalog, prefs, options: PdfOptions) -> None:
        super().__init__()
        self.signals = _PdfSignals()
        self._plan, self._catalog, self._prefs, self._options = plan, catalog, prefs, options

    def run(self) -> None:
        error = None
        try:
            from planner.export.pdf import export_pdf
            from planner.scoring.evaluator import Evaluator

            opts = self._options
            export_pdf(
                self._plan,
                Evaluator(self._catalog, prefs=self._prefs),
                opts.path,
                paper=opts.paper,
                shopping=opts.shopping,
                notes=opts.notes,
            )
        except PlannerError as exc:
            error = str(exc)
        except Exception as exc:  # an unexpected failure still ends as a message
            error = f"The PDF could not be written ({exc})."
        self.signals.done.emit(self._options.path, error)


_PDF_JOBS: list[_PdfJob] = []  # kept alive while a pool thread may still run them


class MainWindow(QMainWindow):
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
        self._user_foods_error = ""
        self._user_foods_notice = ""  # told once the window shows (see open_initial)
        if user_foods is None:
            try:
                user_foods, self._user_foods_notice = load_or_set_aside(user_foods_path())
            except PlannerError as exc:  # unreadable or newer: left alone, not loaded
                self._user_foods_error = str(exc)
                user_foods = None
        self.user_foods = user_foods
        if catalog is None:
            catalog = Catalog.load(user_foods=list(user_foods or ()), defer_sr28=True)
        self.catalog = catalog
        self.document = PlanDocument(plan or Plan(this_monday()), parent=self)
        self.scores = ScoreKeeper(self.document, catalog, settings.preferences(), self)
        self._background = background
        self._pdf_running = False
        # While the plan has unsaved changes a recovery copy is written at a steady
        # interval; a clean save or a deliberate discard removes it (planner.storage.recovery).
        self._recovery = recovery
        self._autosaver: Autosaver | None = None  # made on first use: see autosaver
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(round(settings.autosave_seconds * 1000))
        self._copied_revision = -1

        self.week_model = WeekModel(self.document, catalog, self)
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._connect()
        self.palette_panel.set_avoid_tags(settings.preferences().avoid_tags)
        self._refresh_week_bar()
        self._update_title()
        self._update_actions()
        self.resize(1280, 800)
        if settings.geometry:
            self.restoreGeometry(settings.geometry)
        if settings.window_state:
            self.restoreState(settings.window_state)
        self.grid.setCurrentIndex(self.week_model.index(0, 0))
        if self._user_foods_error:
            self.statusBar().showMessage(
                f"Your own foods were not loaded: {self._user_foods_error}", 15000
            )

    # -- building ------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.palette_panel = PalettePanel(self.catalog, self)
        palette_dock = QDockWidget("Foods", self)
        palette_dock.setObjectName("paletteDock")
        palette_dock.setWidget(self.palette_panel)
        palette_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, palette_dock)
        self.palette_dock = palette_dock

        self.day_panel = DayPanel(self)
        day_dock = QDockWidget("Selected day", self)
        day_dock.setObjectName("dayDock")
        day_dock.setWidget(self.day_panel)
        day_dock.setFeatures(palette_dock.features())
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, day_dock)
        self.day_dock = day_dock
        self.resizeDocks([palette_dock], [270], Qt.Orientation.Horizontal)
        self.resizeDocks([day_dock], [250], Qt.Orientation.Vertical)

        central = QWidget(self)
        # The week bar: which week, when it starts, and how the week is doing.
        self.week_label = QLabel("&Week:", central)
        self.week_combo = QComboBox(central)
        self.week_combo.setAccessibleName("Week")
        self.week_label.setBuddy(self.week_combo)
        self.start_edit = QDateEdit(central)
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("ddd d MMM yyyy")
        self.start_edit.setKeyboardTracking(False)  # one edit per date, not per keystroke
        self.start_edit.setAccessibleName("First day of the plan")
        start_label = QLabel("&Starts:", central)
        start_label.setBuddy(self.start_edit)
        self.week_average = QLabel(central)
        self.week_average.setObjectName("weekAverage")
        font = self.week_average.font()
        font.setBold(True)
        self.week_average.setFont(font)
        self.week_plants = QLabel(central)
        self.week_plants.setObjectName("weekPlants")
        self.week_plants.setFont(font)
        self.week_fermented = QLabel(central)
        bar = QHBoxLayout()
        bar.addWidget(self.week_label)
        bar.addWidget(self.week_combo)
        bar.addWidget(start_label)
        bar.addWidget(self.start_edit)
        bar.addStretch(1)
        bar.addWidget(self.week_average)
        bar.addSpacing(16)
        bar.addWidget(self.week_plants)
        bar.addSpacing(16)
        bar.addWidget(self.week_fermented)

        self.grid = WeekView(central)
        self.grid.setModel(self.week_model)
        self.grid.setAccessibleName("Week plan")
        self.grid.setAccessibleDescription(
            "Meals as rows, days as columns. Up and Down walk through the foods of a meal."
        )

        # The selected food: its servings and a button to remove it, the keyboard and
        # single-click way to do what the context menu does.
        self.entry_label = QLabel(central)
        self.entry_label.setObjectName("entryLabel")
        self.servings = QDoubleSpinBox(central)
        self.servings.setRange(0.25, MAX_SERVINGS)
        self.servings.setSingleStep(0.5)
        self.servings.setDecimals(2)
        self.servings.setKeyboardTracking(False)
        self.servings.setAccessibleName("Servings of the selected food")
        servings_label = QLabel("Ser&vings:", central)
        servings_label.setBuddy(self.servings)
        self.remove_button = QPushButton("Remove", central)
        self.remove_button.setToolTip("Remove the selected food from its meal (Delete)")
        entry_bar = QHBoxLayout()
        entry_bar.addWidget(self.entry_label, 1)
        entry_bar.addWidget(servings_label)
        entry_bar.addWidget(self.servings)
        entry_bar.addWidget(self.remove_button)

        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addLayout(bar)
        layout.addWidget(self.grid, 1)
        layout.addLayout(entry_bar)
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
            self.remove_button,
            self.day_panel.suggestion_list,
            self.day_panel.add_suggestion,
        ]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

    def _action(
        self,
        text: str,
        slot,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
        icon: QStyle.StandardPixmap | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        Key, Pix = QKeySequence.StandardKey, QStyle.StandardPixmap
        self.act_new = self._action(
            "&New", self.new_plan, Key.New, "Start an empty plan", Pix.SP_FileIcon
        )
        self.act_new_sample = self._action(
            "New from &Sample Week", self.new_sample_plan, None, "Start from the sample week"
        )
        self.act_open = self._action(
            "&Open…", self.open_plan, Key.Open, "Open a plan file", Pix.SP_DialogOpenButton
        )
        self.act_save = self._action(
            "&Save", self.save, Key.Save, "Save the plan", Pix.SP_DialogSaveButton
        )
        self.act_save_as = self._action("Save &As…", self.save_as, Key.SaveAs)
        self.act_import = self._action(
            "&Import CSV…", self.import_csv_file, None, "Make a plan from a CSV file"
        )
        self.act_export = self._action(
            "&Export CSV…", self.export_csv_file, None, "Write the plan as a CSV file"
        )
        self.act_pdf = self._action(
            "Export &PDF…",
            self.export_pdf_file,
            None,
            "Write the plan, its scores and a shopping list as a PDF",
        )
        self.act_pdf.setVisible(pdf_export_available())
        self.act_quit = self._action("&Quit", self.close, Key.Quit)
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)

        stack = self.document.undo_stack
        self.act_undo = stack.createUndoAction(self, "&Undo")
        self.act_undo.setShortcut(QKeySequence(Key.Undo))
        self.act_undo.setIcon(self.style().standardIcon(Pix.SP_ArrowBack))
        self.act_redo = stack.createRedoAction(self, "&Redo")
        self.act_redo.setShortcut(QKeySequence(Key.Redo))
        self.act_redo.setIcon(self.style().standardIcon(Pix.SP_ArrowForward))
        self.addAction(self.act_undo)
        self.addAction(self.act_redo)
        self.act_cut = self._action("Cu&t", self.cut, Key.Cut, "Cut the selected food")
        self.act_copy = self._action("&Copy", self.copy, Key.Copy, "Copy the selected food")
        self.act_paste = self._action(
            "&Paste", self.paste, Key.Paste, "Paste foods into the selected meal"
        )
        self.act_delete = self._action(
            "&Delete", self.delete_entry, Key.Delete, "Remove the selected food"
        )
        self.act_add = self._action(
            "&Add Food to Selected Meal",
            self.add_palette_food,
            "Ctrl+Return",
            "Add one serving of the food chosen in the palette to the selected meal",
        )
        self.act_servings = self._action(
            "Set Ser&vings…", self.ask_servings, "F2", "Set the servings of the selected food"
        )
        self.act_copy_day = self._action(
            "Copy Day &To…",
            self.copy_day,
            "Ctrl+Shift+D",
            "Copy the selected day's foods to another day",
        )
        self.act_clear_day = self._action(
            "C&lear Day", self.clear_day, None, "Remove every food of the selected day"
        )
        self.act_copy_week = self._action(
            "Copy Week to &Next Week",
            self.copy_week,
            None,
            "Copy this week's foods over the next week (adds a week after the last)",
        )
        self.act_prefs = self._action(
            "Pr&eferences…",
            self.edit_preferences,
            Key.Preferences,
            "Fiber target, acne-prone skin, foods you avoid",
        )
        self.act_prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_find = self._action(
            "&Find Food", self.find_food, Key.Find, "Search the foods of the palette"
        )
        self.act_my_foods = self._action(
            "&My Foods…", self.edit_my_foods, None, "Add, edit or remove foods of your own"
        )
        if self._user_foods_error:
            self.act_my_foods.setEnabled(False)  # never overwrite a file we could not read
        self.act_prev_week = self._action("&Previous Week", self.previous_week, "Ctrl+PgUp")
        self.act_next_week = self._action("&Next Week", self.next_week, "Ctrl+PgDown")
        self.act_about = self._action("&About", self.about)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.act_new, self.act_new_sample, self.act_open])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.recent_menu.triggered.connect(self._recent_chosen)
        self._fill_recent()
        file_menu.addSeparator()
        file_menu.addActions([self.act_save, self.act_save_as])
        file_menu.addSeparator()
        file_menu.addActions([self.act_import, self.act_export, self.act_pdf])
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)

        edit = bar.addMenu("&Edit")
        edit.addActions([self.act_undo, self.act_redo])
        edit.addSeparator()
        edit.addActions([self.act_cut, self.act_copy, self.act_paste, self.act_delete])
        edit.addSeparator()
        edit.addActions([self.act_add, self.act_servings])
        edit.addSeparator()
        edit.addActions([self.act_copy_day, self.act_clear_day, self.act_copy_week])
        edit.addSeparator()
        edit.addAction(self.act_prefs)

        view = bar.addMenu("&View")
        view.addActions([self.act_prev_week, self.act_next_week])
        view.addSeparator()
        view.addAction(self.palette_dock.toggleViewAction())
        view.addAction(self.day_dock.toggleViewAction())

        foods = bar.addMenu("F&oods")
        foods.addActions([self.act_find, self.act_my_foods])

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.act_about)

        tools = QToolBar("Main", self)
        tools.setObjectName("mainToolBar")
        tools.setMovable(False)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tools.addActions([self.act_new, self.act_open, self.act_save])
        tools.addSeparator()
        tools.addActions([self.act_undo, self.act_redo])
        self.addToolBar(tools)

    def _connect(self) -> None:
        doc = self.document
        doc.modifiedChanged.connect(self._update_title)
        doc.modifiedChanged.connect(self._modified_changed)
        doc.planChanged.connect(self._plan_changed)
        doc.planReplaced.connect(self._forget_recovery_copy)
        doc.planReplaced.connect(self._plan_replaced)
        self.autosave_timer.timeout.connect(self.autosave)
        doc.refused.connect(self.show_refusal)
        self.scores.updated.connect(self._scores_updated)
        self.scores.failed.connect(self._scores_failed)
        self.grid.entryChanged.connect(self._entry_changed)
        self.grid.addRequested.connect(self.add_palette_food)
        self.grid.contextMenuRequested.connect(self._grid_menu)
        self.grid.selectionModel().currentChanged.connect(self._cell_changed)
        self.palette_panel.addRequested.connect(self.add_palette_food)
        self.day_panel.addSuggestionRequested.connect(self.add_food)
        self.servings.valueChanged.connect(self._servings_changed)
        self.remove_button.clicked.connect(self.delete_entry)
        self.week_combo.activated.connect(self._week_chosen)
        self.start_edit.dateChanged.connect(self._start_chosen)
        QGuiApplication.clipboard().dataChanged.connect(self._update_actions)

    # -- start-up ------------------------------------------------------------------------------
    def start_scoring(self) -> None:
        """Load the evaluator (after the window shows) and score the plan."""
        self.scores.start(background=self._background)

    def open_initial(self, file: Path | None) -> None:
        """What the app opens with: the given file, the sample week on the first start,
        otherwise an empty plan."""
        from .dialogs import Messages

        first = self.settings.first_run
        self.settings.mark_started()
        if self._user_foods_notice:
            Messages.error(self, "Your foods file was damaged", self._user_foods_notice)
            self._user_foods_notice = ""
        if self.offer_recovery():
            if file is not None:  # the restored plan comes first; the file is a click away
                self.settings.add_recent(Path(file))
            return
        if file is not None:
            if self.load_file(file):
                return
        elif first:
            self.new_sample_plan(ask=False)
            return

    # -- recovery --------------------------------------------------------------------------
    @property
    def autosaver(self) -> Autosaver:
        """Writes and removes this window's recovery copy; made when first needed, after
        the window shows, so that start-up does not import planner.storage.recovery."""
        if self._autosaver is None:
            from planner.storage.recovery import Autosaver, RecoveryStore

            self._autosaver = Autosaver(self._recovery or RecoveryStore())
        return self._autosaver

    def autosave(self) -> bool:
        """Write the recovery copy if the plan has changes the copy does not hold yet."""
        doc = self.document
        if not doc.modified:
            return False
        if doc.revision == self._copied_revision and self.autosaver.current is not None:
            return False
        try:
            self.autosaver.save(doc.plan, title=doc.title, source=doc.path)
        except PlannerError as exc:
            self.statusBar().showMessage(f"No recovery copy was written: {exc}", 15000)
            return False
        self._copied_revision = doc.revision
        return True

    def _modified_changed(self, modified: bool) -> None:
        if not modified:
            # Saved, or undone back to what is on disk: nothing left to recover.
            self.autosave_timer.stop()
            self.autosaver.discard()
        elif not self.autosave_timer.isActive():
            self.autosave_timer.start()

    def _forget_recovery_copy(self) -> None:
        # Another plan is open: the previous one was saved or deliberately discarded.
        self.autosaver.discard()
        self._copied_revision = -1

    def offer_recovery(self) -> bool:
        """Offer the plans a crash or a kill left unsaved; True if one was restored."""
        from .dialogs import RecoveryDialog

        store = self.autosaver.store
        copies = store.orphans()
        damaged = store.take_set_aside()
        if damaged:
            from .dialogs import Messages

            Messages.error(
                self,
                "Some recovery copies could not be read",
                " ".join(aside.describe() for aside in damaged[:5])
                + (f" ({len(damaged) - 5} more.)" if len(damaged) > 5 else ""),
            )
        while copies:
            answer, chosen = RecoveryDialog.ask(self, copies)
            if chosen is None or answer == RecoveryDialog.KEEP:
                return False
            if answer == RecoveryDialog.RESTORE:
                if self.restore_copy(chosen):
                    return True
            else:
                store.remove(chosen.path)
            copies = store.orphans()
        return False

    def restore_copy(self, copy: RecoveryCopy) -> bool:
        """Open a recovery copy as the unsaved plan it was (its file is not touched)."""
        from .dialogs import Messages

        store = self.autosaver.store
        try:
            plan = store.load(copy)
        except PlannerError as exc:
            store.set_aside(copy.path)
            Messages.file_error(self, "Could not restore the plan", copy.path, str(exc))
            return False
        self.document.replace(plan, copy.source, title=copy.title, unsaved=True)
        self.autosaver.adopt(copy)
        self.autosave()  # now this window's copy: another start will not offer it
        when = copy.saved.astimezone()
        self.statusBar().showMessage(
            f"Restored {copy.title} as it was at {when:%H:%M} on {when:%a} {when.day} "
            f"{when:%b}. Save it to keep it.",
            30000,
        )
        return True

    # -- files ---------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False means the user cancelled."""
        if not self.document.modified:
            return True
        from .dialogs import UnsavedChanges

        answer = UnsavedChanges.ask(self, self.document.title)
        if answer == UnsavedChanges.SAVE:
            return self.save()
        return answer == UnsavedChanges.DISCARD

    def new_plan(self) -> None:
        if self.maybe_save():
            self.document.replace(Plan(this_monday()))

    def new_sample_plan(self, *, ask: bool = True) -> None:
        if ask and not self.maybe_save():
            return
        try:
            from planner.storage.sample import sample_plan
        except ImportError:
            self.document.replace(Plan(this_monday()))
            return
        self.document.replace(sample_plan(this_monday(), self.catalog), title="Sample week")

    def open_plan(self) -> None:
        from .dialogs import FileDialogs

        if not self.maybe_save():
            return
        path = FileDialogs.open_plan(self, self._folder())
        if path is not None:
            self.load_file(path)

    def open_recent(self, path: Path) -> None:
        if self.maybe_save():
            self.load_file(path)

    def load_file(self, path: Path) -> bool:
        """Open a plan file; a damaged one is reported and the open plan stays as it is."""
        from .dialogs import Messages

        path = Path(path)
        try:
            plan, version = read_plan(path)
        except PlannerError as exc:
            if not path.exists():
                self.settings.remove_recent(path)
            Messages.file_error(self, "Could not open the plan", path, str(exc))
            return False
        self.document.replace(plan, path)
        self._remember(path)
        unknown = sorted(fid for fid in plan.food_ids() if fid not in self.catalog)
        if unknown:
            self.statusBar().showMessage(
                f"{len(unknown)} food(s) in {path.name} are not in the catalog: "
                f"{', '.join(unknown[:3])}{'…' if len(unknown) > 3 else ''}",
                15000,
            )
        elif version < VERSION:
            self.statusBar().showMessage(
                f"Opened {path.name}, written by an older version of the app; saving it "
                "writes the current format.",
                15000,
            )
        else:
            self.statusBar().showMessage(f"Opened {path.name}", 5000)
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        from .dialogs import FileDialogs

        current = self.document.path
        suggested = current or self._folder() / f"{self.document.title}{EXTENSION}"
        path = FileDialogs.save_plan(self, suggested)
        return path is not None and self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        from .dialogs import Messages

        try:
            self.document.save(path)
        except PlannerError as exc:
            Messages.file_error(self, "Could not save the plan", path, str(exc))
            return False
        self._remember(path)
        self._update_title()
        self.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    def import_csv_file(self) -> None:
        from planner.storage.csvio import import_csv

        from .dialogs import FileDialogs, Messages

        if not self.maybe_save():
            return
        path = FileDialogs.open_csv(self, self._folder())
        if path is None:
            return
        try:
            plan = import_csv(path, self.catalog)
        except PlannerError as exc:
            Messages.file_error(self, "Could not import the CSV file", path, str(exc))
            return
        self.settings.last_folder = path.parent
        self.document.replace(plan, None, title=f"{path.stem} (imported)", unsaved=True)
        self.statusBar().showMessage(f"Imported {plan.entry_count()} foods from {path.name}", 5000)

    def export_csv_file(self) -> None:
        from planner.storage.csvio import export_csv

        from .dialogs import FileDialogs, Messages

        suggested = self._folder() / f"{self._stem()}.csv"
        path = FileDialogs.save_csv(self, suggested)
        if path is None:
            return
        try:
            export_csv(self.document.plan, self.catalog, path)
        except PlannerError as exc:
            Messages.file_error(self, "Could not export the CSV file", path, str(exc))
            return
        self.settings.last_folder = path.parent
        self.statusBar().showMessage(f"Exported {path}", 5000)

    def export_pdf_file(self) -> None:
        from .dialogs import PdfOptionsDialog

        if self._pdf_running:
            return
        options = PdfOptionsDialog.ask(self, self._folder() / f"{self._stem()}.pdf")
        if options is None:
            return
        self.start_pdf_export(options)

    def start_pdf_export(self, options: PdfOptions) -> None:
        """Write the PDF on a worker thread; the window stays usable meanwhile."""
        self._pdf_running = True
        self.act_pdf.setEnabled(False)
        self.act_my_foods.setEnabled(False)  # the worker reads the catalog
        self.statusBar().showMessage(f"Writing {options.path.name}…")
        job = _PdfJob(self.document.plan.copy(), self.catalog, self.scores.preferences, options)
        job.setAutoDelete(False)
        job.signals.done.connect(self._pdf_done)
        _PDF_JOBS.append(job)
        QThreadPool.globalInstance().start(job)

    def _pdf_done(self, path: Path, error: str | None) -> None:
        from .dialogs import Messages

        self._pdf_running = False
        self.act_pdf.setEnabled(True)
        self.act_my_foods.setEnabled(not self._user_foods_error)
        self.statusBar().clearMessage()
        if error:
            Messages.file_error(self, "Could not export the PDF", path, error)
            return
        self.settings.last_folder = path.parent
        self.pdf_written(path)

    def pdf_written(self, path: Path) -> None:
        from .dialogs import Messages

        Messages.done_with_open(self, "PDF exported", f"The plan was saved as {path}.", path)

    def _remember(self, path: Path) -> None:
        self.settings.add_recent(path)
        self.settings.last_folder = path.parent

    def _folder(self) -> Path:
        if self.document.path is not None:
            return self.document.path.parent
        return self.settings.last_folder or Path.home()

    def _stem(self) -> str:
        path = self.document.path
        return path.stem if path else self.document.title

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files
        for n, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{n} {path.name}")
            action.setData(str(path))
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
        if recent:
            self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction("&Clear Menu")
        clear.setData("")
        clear.setEnabled(bool(recent))

    def _recent_chosen(self, action: QAction) -> None:
        target = action.data()
        if target:
            self.open_recent(Path(target))
        else:
            self.settings.clear_recent()
            self._fill_recent()

    # -- adding foods and the keyboard alternatives to drag and drop ----------------------
    def add_palette_food(self) -> None:
        food = self.palette_panel.current_food()
        if food is None:
            self.statusBar().showMessage("Choose a food in the palette first.", 5000)
            return
        self.add_food(food.id)

    def add_food(self, food_id: str) -> bool:
        """Add one serving of a food to the selected meal: the same edit as a drop."""
        cell = self.grid.current_cell()
        if cell is None:
            self.statusBar().showMessage("Select a meal in the grid first.", 5000)
            return False
        if not self.document.apply(AddFood(*cell, food_id)):
            return False
        ids = [e.food_id for e in self.document.plan.cell(*cell)]
        self.grid.set_current(*cell, ids.index(food_id))
        self.statusBar().showMessage(
            f"Added {self.catalog.name_of(food_id)} to {self._cell_text(*cell)}", 4000
        )
        return True

    def _in_lists(self) -> bool:
        focus = QApplication.focusWidget()
        return focus in (self.palette_panel.list, self.day_panel.suggestion_list)

    def copy(self) -> None:
        focus = QApplication.focusWidget()
        if focus is self.palette_panel.list or focus is self.day_panel.suggestion_list:
            view = focus
            mime = view.model().mimeData([view.currentIndex()])  # type: ignore[union-attr]
        else:
            entry = self.grid.current_entry()
            if entry is None:
                return
            mime = self.week_model.entries_mime(entry[0], entry[1], [entry[2]])
        QGuiApplication.clipboard().setMimeData(mime)
        self.statusBar().showMessage("Copied.", 3000)

    def cut(self) -> None:
        if self._in_lists():
            return
        entry = self.grid.current_entry()
        if entry is None:
            return
        self.copy()
        self.document.apply(RemoveEntry(*entry, label="Cut food"))

    def paste(self) -> None:
        cell = self.grid.current_cell()
        if cell is None:
            self.statusBar().showMessage("Select a meal in the grid to paste into.", 5000)
            return
        drag = decode_foods(QGuiApplication.clipboard().mimeData())
        if drag is None:
            self.statusBar().showMessage("The clipboard holds no foods.", 5000)
            return
        if self.week_model.drop(drag, False, *cell):
            ids = [e.food_id for e in self.document.plan.cell(*cell)]
            last = drag.items[-1].food_id
            self.grid.set_current(*cell, ids.index(last) if last in ids else 0)

    def delete_entry(self) -> None:
        if self._in_lists():
            return
        entry = self.grid.current_entry()
        if entry is not None:
            self.document.apply(RemoveEntry(*entry))

    def set_servings(self, servings: float) -> bool:
        entry = self.grid.current_entry()
        if entry is None:
            return False
        return self.document.apply(SetServings(*entry, servings))

    def ask_servings(self) -> None:
        from .dialogs import ServingsDialog

        entry = self.grid.current_entry()
        if entry is None:
            return
        current = self.document.plan.cell(entry[0], entry[1])[entry[2]]
        value = ServingsDialog.ask(self, self.catalog.name_of(current.food_id), current.servings)
        if value is not None:
            self.set_servings(value)

    def _servings_changed(self, value: float) -> None:
        entry = self.grid.current_entry()
        if entry is None:
            return
        current = self.document.plan.cell(entry[0], entry[1])[entry[2]]
        if abs(current.servings - value) > 1e-9:
            self.set_servings(value)

    def _preset_chosen(self, action: QAction) -> None:
        value = action.data()
        if isinstance(value, int | float):
            self.set_servings(float(value))

    def _grid_menu(self, pos) -> None:
        menu = QMenu(self)
        entry = self.grid.current_entry()
        if entry is not None:
            current = self.document.plan.cell(entry[0], entry[1])[entry[2]]
            servings = menu.addMenu("Servings")
            for value in SERVING_PRESETS:
                action = servings.addAction(f"{value:g}")
                action.setData(value)
                action.setCheckable(True)
                action.setChecked(abs(current.servings - value) < 1e-9)
            servings.triggered.connect(self._preset_chosen)
            menu.addAction(self.act_servings)
            menu.addSeparator()
            menu.addActions([self.act_cut, self.act_copy])
        menu.addAction(self.act_paste)
        if entry is not None:
            menu.addAction(self.act_delete)
        menu.addSeparator()
        menu.addAction(self.act_add)
        menu.addSeparator()
        menu.addActions([self.act_copy_day, self.act_clear_day])
        menu.exec(pos)
        menu.deleteLater()

    # -- days and weeks ------------------------------------------------------------------------
    def selected_day(self) -> int | None:
        return self.grid.current_day()

    def copy_day(self) -> None:
        from .dialogs import CopyDayDialog

        day = self.selected_day()
        if day is None:
            return
        target = CopyDayDialog.ask(self, self.document.plan, day)
        if target is not None and self.document.apply(CopyDay, self.document.plan, day, target):
            self.show_day(target)

    def clear_day(self) -> None:
        day = self.selected_day()
        if day is not None:
            self.document.apply(ClearDay, self.document.plan, day)

    def copy_week(self) -> None:
        week = self.week_model.week
        if self.document.apply(CopyWeek, self.document.plan, week, week + 1):
            self.set_week(week + 1)
            self.statusBar().showMessage(f"Copied week {week + 1} to week {week + 2}.", 5000)

    def set_week(self, week: int) -> None:
        column = max(0, self.grid.currentIndex().column())
        row = max(0, self.grid.currentIndex().row())
        self.week_model.set_week(week)
        self.grid.setCurrentIndex(self.week_model.index(row, column))
        self._refresh_week_bar()
        self._show_selected_day()

    def show_day(self, day: int) -> None:
        """Bring a day into view (switching week if needed) and select it."""
        self.set_week(day // DAYS_PER_WEEK)
        row = max(0, self.grid.currentIndex().row())
        self.grid.setCurrentIndex(self.week_model.index(row, day % DAYS_PER_WEEK))

    def previous_week(self) -> None:
        if self.week_model.week > 0:
            self.set_week(self.week_model.week - 1)

    def next_week(self) -> None:
        if self.week_model.week + 1 < self.document.plan.weeks:
            self.set_week(self.week_model.week + 1)

    def _week_chosen(self, index: int) -> None:
        self.set_week(index)

    def _start_chosen(self, qdate: QDate) -> None:
        chosen = date(qdate.year(), qdate.month(), qdate.day())
        if chosen != self.document.plan.start:
            self.document.apply(SetStart(chosen))

    # -- preferences and foods -----------------------------------------------------------------
    def edit_preferences(self) -> None:
        from planner.scoring.model import ScoringConfig

        from .dialogs import PreferencesDialog

        default = ScoringConfig.load().fiber_target_g
        prefs = PreferencesDialog.ask(self, self.scores.preferences, default)
        if prefs is None:
            return
        self.apply_preferences(prefs)

    def apply_preferences(self, prefs) -> None:
        self.settings.set_preferences(prefs)
        self.scores.set_preferences(prefs)
        self.palette_panel.set_avoid_tags(prefs.avoid_tags)
        self.statusBar().showMessage("Preferences saved; scores follow them.", 5000)

    def edit_my_foods(self) -> None:
        from .dialogs import MyFoodsDialog

        if self.user_foods is None:
            self.user_foods = UserFoods(user_foods_path())
        dialog = MyFoodsDialog(self.user_foods, self.document.plan.food_ids(), self)
        dialog.exec()
        if dialog.changed:
            self.user_foods_changed()

    def user_foods_changed(self) -> None:
        self.catalog.set_user_foods(list(self.user_foods or ()))
        self.palette_panel.reload()
        self.week_model.set_catalog_changed()
        self.scores.rescore_all()

    def find_food(self) -> None:
        self.palette_dock.show()
        self.palette_panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.palette_panel.search.selectAll()

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            f"About {APP_TITLE}",
            f"<b>{APP_TITLE}</b><p>Plan a week of meals around the gut–skin axis: probiotic, "
            "prebiotic and fiber-rich foods, fewer foods to limit.</p>"
            "<p>Nutrient values: USDA National Nutrient Database for Standard Reference, "
            "Release 28.</p>",
        )

    # -- reacting to the plan and the scores ------------------------------------------------
    def show_refusal(self, message: str) -> None:
        """An edit the plan refused: say why, in the status bar, and change nothing."""
        QApplication.beep()
        self.statusBar().showMessage(f"Not changed: {message}", 10000)

    def _plan_changed(self, change: Change) -> None:
        # The selected food's bar follows the grid's entryChanged, which the week model's
        # dataChanged sets off for any change to the week on show.
        if change.reshaped:
            self._refresh_week_bar()
        self._update_actions()

    def _plan_replaced(self) -> None:
        self._refresh_week_bar()
        self._update_title()
        self.grid.setCurrentIndex(self.week_model.index(0, 0))
        self._entry_changed()
        self._show_selected_day()

    def _scores_updated(self, days: frozenset[int]) -> None:
        self.week_model.set_scores(self.scores.day_scores, days)
        self._refresh_week_summary()
        day = self.selected_day()
        if day is not None and (day in days or not self.day_panel.suggestions.rowCount()):
            self._show_selected_day()

    def _scores_failed(self, message: str) -> None:
        self.statusBar().showMessage(message)

    def _cell_changed(self, current, previous) -> None:
        if not previous.isValid() or current.column() != previous.column():
            self._show_selected_day()
        self._update_actions()

    def _show_selected_day(self) -> None:
        day = self.selected_day()
        if day is None or day >= self.document.plan.day_count:
            self.day_panel.show_day(None, "")
            self.day_panel.show_suggestions([])
            return
        when = self.document.plan.date_of(day)
        heading = f"{when:%A} {when.day} {when:%B}"
        score = self.scores.day_scores.get(day)
        self.day_panel.show_day(score, heading)
        if self.scores.is_ready:
            self.day_panel.show_suggestions(self.scores.suggest(day))

    def _entry_changed(self) -> None:
        entry = self.grid.current_entry()
        self.servings.blockSignals(True)
        if entry is None:
            cell = self.grid.current_cell()
            self.entry_label.setText(
                f"{self._cell_text(*cell)}: drop a food here, or choose one and press Enter"
                if cell
                else "Select a meal to add foods to it"
            )
            self.servings.setValue(1)
        else:
            current = self.document.plan.cell(entry[0], entry[1])[entry[2]]
            self.entry_label.setText(
                f"{self.catalog.name_of(current.food_id)}, {self._cell_text(entry[0], entry[1])}"
            )
            self.servings.setValue(current.servings)
        self.servings.blockSignals(False)
        self.servings.setEnabled(entry is not None)
        self.remove_button.setEnabled(entry is not None)
        self._update_actions()

    def _cell_text(self, day: int, meal: str) -> str:
        when = self.document.plan.date_of(day)
        return f"{when:%A} {MEAL_LABELS[meal].lower()}"

    def _update_actions(self) -> None:
        entry = self.grid.current_entry() is not None
        cell = self.grid.current_cell() is not None
        day = self.selected_day() is not None
        for action in (self.act_cut, self.act_copy, self.act_delete, self.act_servings):
            action.setEnabled(entry)
        self.act_copy.setEnabled(True)  # also copies the food chosen in a palette
        self.act_paste.setEnabled(cell)
        self.act_add.setEnabled(cell)
        self.act_copy_day.setEnabled(day and self.document.plan.day_count > 1)
        self.act_clear_day.setEnabled(day)
        weeks = self.document.plan.weeks
        self.act_prev_week.setEnabled(self.week_model.week > 0)
        self.act_next_week.setEnabled(self.week_model.week + 1 < weeks)

    def _refresh_week_bar(self) -> None:
        plan = self.document.plan
        self.week_combo.blockSignals(True)
        self.week_combo.clear()
        for week in range(plan.weeks):
            first = plan.date_of(week * DAYS_PER_WEEK)
            self.week_combo.addItem(f"Week {week + 1} of {plan.weeks} · {first.day} {first:%b}")
        self.week_combo.setCurrentIndex(self.week_model.week)
        self.week_combo.blockSignals(False)
        several = plan.weeks > 1
        self.week_combo.setVisible(several)
        self.week_label.setVisible(several)
        self.start_edit.blockSignals(True)
        self.start_edit.setDate(QDate(plan.start.year, plan.start.month, plan.start.day))
        self.start_edit.blockSignals(False)
        self._refresh_week_summary()
        self._update_actions()

    def _refresh_week_summary(self) -> None:
        weeks = self.scores.week_scores
        week = self.week_model.week
        if week >= len(weeks):
            self.week_average.setText("Week average: …")
            self.week_plants.setText("Plants: …")
            self.week_fermented.setText("")
            return
        score = weeks[week]
        average = "not planned" if score.average is None else f"{score.average:.0f}"
        self.week_average.setText(f"Week average: {average}")
        self.week_plants.setText(f"Plants: {len(score.plants)} of {score.plants_target}")
        self.week_plants.setToolTip(
            "Different plants this week: " + (", ".join(score.plants) or "none yet")
        )
        self.week_fermented.setText(f"Fermented food on {score.fermented_days} of 7 days")

    def _update_title(self, *_args: object) -> None:
        self.setWindowTitle(f"{self.document.title}[*] — {APP_TITLE}")
        self.setWindowModified(self.document.modified)

    # -- closing -------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        # Saved, discarded, or nothing to save: no recovery copy is needed any more.
        self.autosave_timer.stop()
        self.autosaver.discard()
        self.autosaver.close()
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.sync()
        # Let background work finish so no worker outlives the window it reports to.
        QThreadPool.globalInstance().waitForDone(30_000)
        event.accept()
