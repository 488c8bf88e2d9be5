"""The window's actions, menus and toolbar. Each action's slot is a controller's method."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QToolBar

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
        self.new = make("&New", files.new_plan, Key.New, "Start an empty plan", Pix.SP_FileIcon)
        self.new_sample = make(
            "New from Sample &Week", files.new_sample_plan, None, "Start from the sample week"
        )
        self.open = make(
            "&Open…", files.open_plan, Key.Open, "Open a plan file", Pix.SP_DialogOpenButton
        )
        self.save = make("&Save", files.save, Key.Save, "Save the plan", Pix.SP_DialogSaveButton)
        self.save_as = make("Save &As…", files.save_as, Key.SaveAs)
        self.import_csv = make(
            "&Import CSV…", files.import_csv_file, None, "Make a plan from a CSV file"
        )
        self.export_csv = make(
            "&Export CSV…", files.export_csv_file, None, "Write the plan as a CSV file"
        )
        self.pdf = make(
            "Export &PDF…",
            export.export_pdf_file,
            None,
            "Write the plan, its scores and a shopping list as a PDF",
        )
        self.quit = make("&Quit", window.close, Key.Quit)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        stack = window.document.undo_stack
        self.undo = stack.createUndoAction(window, "&Undo")
        self.undo.setShortcut(QKeySequence(Key.Undo))
        self.undo.setIcon(window.style().standardIcon(Pix.SP_ArrowBack))
        self.redo = stack.createRedoAction(window, "&Redo")
        self.redo.setShortcut(QKeySequence(Key.Redo))
        self.redo.setIcon(window.style().standardIcon(Pix.SP_ArrowForward))
        window.addAction(self.undo)
        window.addAction(self.redo)
        self.cut = make("Cu&t", edits.cut, Key.Cut, "Cut the selected food")
        self.copy = make("&Copy", edits.copy, Key.Copy, "Copy the selected food")
        self.paste = make("&Paste", edits.paste, Key.Paste, "Paste foods into the selected meal")
        self.delete = make("&Delete", edits.delete_entry, Key.Delete, "Remove the selected food")
        self.add = make(
            "&Add Food to Selected Meal",
            edits.add_palette_food,
            "Ctrl+Return",
            "Add one serving of the food chosen in the palette to the selected meal",
        )
        self.servings = make(
            "Set A&mount…",
            edits.ask_servings,
            "F2",
            "Set the amount of the selected food or dish, and its unit",
        )
        self.copy_day = make(
            "Cop&y Day To…",
            weeks.copy_day,
            "Ctrl+Shift+D",
            "Copy the selected day's foods to another day",
        )
        self.clear_day = make(
            "C&lear Day", weeks.clear_day, None, "Remove every food of the selected day"
        )
        self.copy_week = make(
            "Copy Week to &Next Week",
            weeks.copy_week,
            None,
            "Copy this week's foods over the next week (adds a week after the last)",
        )
        self.prefs = make(
            "Pr&eferences…",
            foods.edit_preferences,
            Key.Preferences,
            "Fiber target, acne-prone skin, foods you avoid",
        )
        self.prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.find = make("&Find Food", foods.find_food, Key.Find, "Search the foods of the palette")
        self.my_foods = make(
            "&My Foods…", foods.edit_my_foods, None, "Add, edit or remove foods of your own"
        )
        planner = window.autoplan
        self.fill_week = make(
            "&Fill Week…",
            planner.fill_week,
            None,
            "Fill every meal of this week with foods chosen by the day score",
        )
        self.fill_empty = make(
            "Fill Em&pty Meals…",
            planner.fill_empty,
            None,
            "Fill this week's empty meals; meals holding food stay as they are",
        )
        self.reroll_meal = make(
            "Re-r&oll Meal", planner.reroll_meal, None, "Plan the selected meal again"
        )
        self.reroll_day = make(
            "Re-roll Da&y", planner.reroll_day, None, "Plan the selected day again"
        )
        self.why_foods = make(
            "W&hy These Foods…",
            planner.show_explanation,
            None,
            "What the last fill chose: per day why, and what each dish adds",
        )
        pantry = window.pantry
        self.pantry = make(
            "&Pantry…", pantry.edit_pantry, None, "The foods you already have at home"
        )
        self.add_to_pantry = make(
            "Add Chosen Food to Pan&try",
            pantry.add_palette_food,
            None,
            "Add the food chosen in the palette to the pantry",
        )
        self.shopping = make(
            "&Shopping List…",
            pantry.show_shopping_list,
            None,
            "What to buy for the week shown, leaving out the pantry's foods",
        )
        if window.user_foods_error:
            self.my_foods.setEnabled(False)  # never overwrite a file we could not read
        self.prev_week = make("&Previous Week", weeks.previous_week, "Ctrl+PgUp")
        self.next_week = make("&Next Week", weeks.next_week, "Ctrl+PgDown")
        help_ = window.help
        self.scoring_help = make(
            "How &Scoring Works",
            help_.how_scoring_works,
            None,
            "What raises and lowers a day's score, and the sources",
        )
        self.shortcuts = make(
            "&Keyboard Shortcuts",
            help_.keyboard_shortcuts,
            None,
            "Every key of the app in one list",
        )
        self.shortcuts.setShortcuts([QKeySequence(Key.HelpContents), QKeySequence("Ctrl+/")])
        self.tour = make(
            "Show the &Tour", help_.start_tour, None, "Four short notes on the main parts"
        )
        self.about = make("&About", help_.about, None, "Version, licence and data sources")
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
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new, self.new_sample, self.open])
        window.files.set_recent_menu(file_menu.addMenu("Open &Recent"))
        file_menu.addSeparator()
        file_menu.addActions([self.save, self.save_as])
        file_menu.addSeparator()
        file_menu.addActions([self.import_csv, self.export_csv, self.pdf])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        edit = bar.addMenu("&Edit")
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.cut, self.copy, self.paste, self.delete])
        edit.addSeparator()
        edit.addActions([self.add, self.servings])
        edit.addSeparator()
        edit.addActions([self.copy_day, self.clear_day, self.copy_week])
        edit.addSeparator()
        edit.addAction(self.prefs)

        view = bar.addMenu("&View")
        view.addActions([self.prev_week, self.next_week])
        view.addSeparator()
        # The docks' own toggles carry their titles; a mnemonic is given here.
        for dock, text in ((window.palette_dock, "&Foods"), (window.day_dock, "Selected &Day")):
            toggle = dock.toggleViewAction()
            toggle.setText(text)
            view.addAction(toggle)

        plan_menu = bar.addMenu("&Plan")
        plan_menu.addActions([self.fill_week, self.fill_empty])
        plan_menu.addSeparator()
        plan_menu.addActions([self.reroll_meal, self.reroll_day])
        plan_menu.addSeparator()
        plan_menu.addAction(self.why_foods)

        foods = bar.addMenu("F&oods")
        foods.addActions([self.find, self.my_foods])
        foods.addSeparator()
        foods.addActions([self.pantry, self.add_to_pantry, self.shopping])

        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.scoring_help, self.shortcuts, self.tour])
        help_menu.addSeparator()
        help_menu.addAction(self.about)

        tools = QToolBar("Main", window)
        tools.setObjectName("mainToolBar")
        tools.setMovable(False)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tools.addActions([self.new, self.open, self.save])
        tools.addSeparator()
        tools.addActions([self.undo, self.redo])
        window.addToolBar(tools)
