"""The window's actions, menus and toolbar. Each action's slot is a controller's method."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QToolBar

from planner.i18n import _

if TYPE_CHECKING:
    from .mainwindow import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


class WindowActions:
    """Every action of the window, by name (the window also keeps each as ``act_<name>``)."""

    def __init__(self, window: MainWindow) -> None:
        Key, Pix = QKeySequence.StandardKey, QStyle.StandardPixmap
        files, edits, weeks = window.files, window.editing, window.weeks
        foods, export = window.foods, window.export
        make = functools.partial(self._action, window)
        self.new = make(
            _("&New"), files.new_plan, Key.New, _("Start an empty plan"), Pix.SP_FileIcon
        )
        self.new_sample = make(
            _("New from Sample &Week"), files.new_sample_plan, None, _("Start from the sample week")
        )
        self.open = make(
            _("&Open…"), files.open_plan, Key.Open, _("Open a plan file"), Pix.SP_DialogOpenButton
        )
        self.save = make(
            _("&Save"), files.save, Key.Save, _("Save the plan"), Pix.SP_DialogSaveButton
        )
        self.save_as = make(_("Save &As…"), files.save_as, Key.SaveAs)
        self.import_csv = make(
            _("&Import CSV…"), files.import_csv_file, None, _("Make a plan from a CSV file")
        )
        self.export_csv = make(
            _("&Export CSV…"), files.export_csv_file, None, _("Write the plan as a CSV file")
        )
        self.pdf = make(
            _("Export &PDF…"),
            export.export_pdf_file,
            None,
            _("Write the plan, its scores and a shopping list as a PDF"),
        )
        self.quit = make(_("&Quit"), window.close, Key.Quit)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        stack = window.document.undo_stack
        self.undo = stack.createUndoAction(window, _("&Undo"))
        self.undo.setShortcut(QKeySequence(Key.Undo))
        self.undo.setIcon(window.style().standardIcon(Pix.SP_ArrowBack))
        self.redo = stack.createRedoAction(window, _("&Redo"))
        self.redo.setShortcut(QKeySequence(Key.Redo))
        self.redo.setIcon(window.style().standardIcon(Pix.SP_ArrowForward))
        # The toolbar's buttons say "Undo" and "Redo"; what they would undo ("Undo Add
        # Food") is in the Edit menu and their tooltips. A button whose text followed each
        # edit would move the toolbar's other buttons, and lay it out again, every time.
        self.undo.setIconText(_("Undo"))
        self.redo.setIconText(_("Redo"))
        window.addAction(self.undo)
        window.addAction(self.redo)
        self.cut = make(_("Cu&t"), edits.cut, Key.Cut, _("Cut the selected food"))
        self.copy = make(_("&Copy"), edits.copy, Key.Copy, _("Copy the selected food"))
        self.paste = make(
            _("&Paste"), edits.paste, Key.Paste, _("Paste foods into the selected meal")
        )
        self.delete = make(
            _("&Delete"), edits.delete_entry, Key.Delete, _("Remove the selected food")
        )
        self.add = make(
            _("&Add Food to Selected Meal"),
            edits.add_palette_food,
            "Ctrl+Return",
            _("Add one serving of the food chosen in the palette to the selected meal"),
        )
        self.servings = make(
            _("Set A&mount…"),
            edits.ask_servings,
            "F2",
            _("Set the amount of the selected food or dish, and its unit"),
        )
        self.copy_day = make(
            _("Cop&y Day To…"),
            weeks.copy_day,
            "Ctrl+Shift+D",
            _("Copy the selected day's foods to another day"),
        )
        self.clear_day = make(
            _("C&lear Day"), weeks.clear_day, None, _("Remove every food of the selected day")
        )
        self.copy_week = make(
            _("Copy Week to &Next Week"),
            weeks.copy_week,
            None,
            _("Copy this week's foods over the next week (adds a week after the last)"),
        )
        self.prefs = make(
            _("Pr&eferences…"),
            foods.edit_preferences,
            Key.Preferences,
            _("Fiber target, acne-prone skin, foods you avoid"),
        )
        self.prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.find = make(
            _("&Find Food"), foods.find_food, Key.Find, _("Search the foods of the palette")
        )
        self.my_foods = make(
            _("&My Foods…"), foods.edit_my_foods, None, _("Add, edit or remove foods of your own")
        )
        planner = window.autoplan
        self.fill_week = make(
            _("&Fill Week…"),
            planner.fill_week,
            None,
            _("Fill every meal of this week with foods chosen by the day score"),
        )
        self.fill_empty = make(
            _("Fill Em&pty Meals…"),
            planner.fill_empty,
            None,
            _("Fill this week's empty meals; meals holding food stay as they are"),
        )
        self.reroll_meal = make(
            _("Re-r&oll Meal"), planner.reroll_meal, None, _("Plan the selected meal again")
        )
        self.reroll_day = make(
            _("Re-roll Da&y"), planner.reroll_day, None, _("Plan the selected day again")
        )
        self.why_foods = make(
            _("W&hy These Foods…"),
            planner.show_explanation,
            None,
            _("What the last fill chose: per day why, and what each dish adds"),
        )
        pantry = window.pantry
        self.pantry = make(
            _("&Pantry…"), pantry.edit_pantry, None, _("The foods you already have at home")
        )
        self.add_to_pantry = make(
            _("Add Chosen Food to Pan&try"),
            pantry.add_palette_food,
            None,
            _("Add the food chosen in the palette to the pantry"),
        )
        self.shopping = make(
            _("&Shopping List…"),
            pantry.show_shopping_list,
            None,
            _("What to buy for the week shown, leaving out the pantry's foods"),
        )
        if window.user_foods_error:
            self.my_foods.setEnabled(False)  # never overwrite a file we could not read
        self.prev_week = make(_("&Previous Week"), weeks.previous_week, "Ctrl+PgUp")
        self.next_week = make(_("&Next Week"), weeks.next_week, "Ctrl+PgDown")
        help_ = window.help
        self.scoring_help = make(
            _("How &Scoring Works"),
            help_.how_scoring_works,
            None,
            _("What raises and lowers a day's score, and the sources"),
        )
        self.shortcuts = make(
            _("&Keyboard Shortcuts"),
            help_.keyboard_shortcuts,
            None,
            _("Every key of the app in one list"),
        )
        self.shortcuts.setShortcuts([QKeySequence(Key.HelpContents), QKeySequence("Ctrl+/")])
        self.tour = make(
            _("Show the &Tour"), help_.start_tour, None, _("Four short notes on the main parts")
        )
        self.about = make(_("&About"), help_.about, None, _("Version, licence and data sources"))
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

    @staticmethod
    def _action(
        window: MainWindow,
        text: str,
        slot: Callable[[], object],
        shortcut: Shortcut = None,
        tip: str = "",
        icon: QStyle.StandardPixmap | None = None,
    ) -> QAction:
        action = QAction(text, window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        if icon is not None:
            action.setIcon(window.style().standardIcon(icon))
        action.triggered.connect(slot)
        window.addAction(action)
        return action

    def by_name(self) -> dict[str, QAction]:
        return {k: v for k, v in vars(self).items() if isinstance(v, QAction)}

    def update_enabled(self, window: MainWindow) -> None:
        """Enable the actions that apply to what is selected now."""
        grid = window.grid
        entry = grid.current_entry() is not None
        cell = grid.current_cell() is not None
        day = grid.current_day() is not None
        for action in (self.cut, self.delete, self.servings):
            action.setEnabled(entry)
        self.copy.setEnabled(True)  # also copies the food chosen in a palette
        self.paste.setEnabled(cell)
        self.add.setEnabled(cell)
        self.copy_day.setEnabled(day and window.document.plan.day_count > 1)
        self.clear_day.setEnabled(day)
        week = window.week_model.week
        self.prev_week.setEnabled(week > 0)
        self.next_week.setEnabled(week + 1 < window.document.plan.weeks)

    def build_menus(self, window: MainWindow) -> None:
        bar = window.menuBar()
        file_menu = bar.addMenu(_("&File"))
        file_menu.addActions([self.new, self.new_sample, self.open])
        window.files.set_recent_menu(file_menu.addMenu(_("Open &Recent")))
        file_menu.addSeparator()
        file_menu.addActions([self.save, self.save_as])
        file_menu.addSeparator()
        file_menu.addActions([self.import_csv, self.export_csv, self.pdf])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        edit = bar.addMenu(_("&Edit"))
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.cut, self.copy, self.paste, self.delete])
        edit.addSeparator()
        edit.addActions([self.add, self.servings])
        edit.addSeparator()
        edit.addActions([self.copy_day, self.clear_day, self.copy_week])
        edit.addSeparator()
        edit.addAction(self.prefs)

        view = bar.addMenu(_("&View"))
        view.addActions([self.prev_week, self.next_week])
        view.addSeparator()
        # The docks' own toggles carry their titles; a mnemonic is given here.
        for dock, text in (
            (window.palette_dock, _("&Foods")),
            (window.day_dock, _("Selected &Day")),
        ):
            toggle = dock.toggleViewAction()
            toggle.setText(text)
            view.addAction(toggle)

        plan_menu = bar.addMenu(_("&Plan"))
        plan_menu.addActions([self.fill_week, self.fill_empty])
        plan_menu.addSeparator()
        plan_menu.addActions([self.reroll_meal, self.reroll_day])
        plan_menu.addSeparator()
        plan_menu.addAction(self.why_foods)

        foods = bar.addMenu(_("F&oods"))
        foods.addActions([self.find, self.my_foods])
        foods.addSeparator()
        foods.addActions([self.pantry, self.add_to_pantry, self.shopping])

        help_menu = bar.addMenu(_("&Help"))
        help_menu.addActions([self.scoring_help, self.shortcuts, self.tour])
        help_menu.addSeparator()
        help_menu.addAction(self.about)

        # Translators: the main toolbar's name, shown in the menu that hides toolbars.
        tools = QToolBar(_("Main"), window)
        tools.setObjectName("mainToolBar")
        tools.setMovable(False)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tools.addActions([self.new, self.open, self.save])
        tools.addSeparator()
        tools.addActions([self.undo, self.redo])
        window.addToolBar(tools)
