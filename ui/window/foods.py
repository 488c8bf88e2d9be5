"""Preferences and foods: the scoring preferences and autosave interval, the user's own
foods, finding a food."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from planner.i18n import _
from planner.scoring.model import Preferences

from .controller import Controller

if TYPE_CHECKING:
    from .mainwindow import MainWindow

APP_TITLE = "Gut–Skin Planner"


class FoodsController(Controller):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)

    def edit_preferences(self) -> None:
        from planner.scoring.model import ScoringConfig
        from ui.dialogs import PreferencesDialog

        window = self._window
        default = ScoringConfig.load().fiber_target_g
        chosen = PreferencesDialog.ask(
            window,
            window.scores.preferences,
            default,
            window.settings.autosave_seconds,
            start_with=window.settings.start_with,
            unit_system=window.settings.unit_system,
            language=window.settings.language,
        )
        if chosen is not None:
            self.set_autosave_seconds(chosen.autosave_seconds)
            if chosen.start_with is not None:
                window.settings.start_with = chosen.start_with
            if chosen.unit_system is not None and chosen.unit_system != window.settings.unit_system:
                window.set_unit_system(chosen.unit_system)
            if chosen.language is not None:
                window.settings.language = chosen.language  # applies on the next start
            self.apply_preferences(chosen.prefs)

    def set_autosave_seconds(self, seconds: float) -> None:
        """Keep the interval and let the running timer follow it at once."""
        window = self._window
        window.settings.autosave_seconds = seconds
        window.recovery.timer.setInterval(round(window.settings.autosave_seconds * 1000))

    def apply_preferences(self, prefs: Preferences) -> None:
        window = self._window
        window.settings.set_preferences(prefs)
        window.scores.set_preferences(prefs)
        window.palette_panel.set_avoid_tags(prefs.avoid_tags)
        window.statusBar().showMessage(_("Preferences saved; scores follow them."), 5000)

    def edit_my_foods(self) -> None:
        from ui.dialogs import MyFoodsDialog

        window = self._window
        foods = window.user_foods
        if foods is None:  # unreadable: the action is off, and the file never written
            return
        dialog = MyFoodsDialog(foods, window.document.plan.food_ids(), window)
        dialog.exec()
        if dialog.changed:
            self.user_foods_changed()

    def user_foods_changed(self) -> None:
        window = self._window
        window.catalog.set_user_foods(list(window.user_foods or ()))
        window.palette_panel.reload()
        window.week_model.set_catalog_changed()
        window.editing.show_entry()  # the selected food's name may have changed
        window.scores.rescore_all()

    def find_food(self) -> None:
        window = self._window
        window.palette_dock.show()
        window.palette_panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        window.palette_panel.search.selectAll()

    def about(self) -> None:
        """The About box (now under Help; kept here for scripts that call it)."""
        self._window.help.about()
