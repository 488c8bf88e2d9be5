"""The Help menu: how scoring works, the keyboard shortcuts, About, and the first-start
tour. Help windows stay open beside the app (not modal), one of each at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from planner.i18n import _

from .controller import Controller

if TYPE_CHECKING:
    from ui.tour import Tour

    from .mainwindow import MainWindow


class HelpController(Controller):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._open: dict[str, QDialog] = {}
        self.tour: Tour | None = None

    def _show(self, key: str, dialog: QDialog) -> QDialog:
        old = self._open.pop(key, None)
        if old is not None:
            old.close()
            old.deleteLater()
        self._open[key] = dialog
        dialog.show()
        dialog.activateWindow()
        return dialog

    def how_scoring_works(self) -> QDialog:
        from ui.dialogs.help import HelpText, scoring_markdown

        return self._show(
            "scoring", HelpText(_("How Scoring Works"), scoring_markdown(), self._window)
        )

    def keyboard_shortcuts(self) -> QDialog:
        from ui.dialogs.help import ShortcutsDialog, shortcut_rows

        window = self._window
        actions = [
            *window.window_actions.by_name().values(),
            *window.plan_weeks.actions(),
            *window.journal.actions(),
            *window.recipes.actions(),
        ]
        return self._show("keys", ShortcutsDialog(shortcut_rows(actions), self._window))

    def about(self) -> None:
        from ui.dialogs.help import About

        About.ask(self._window)

    # -- the first-start tour --------------------------------------------------------------
    def offer_tour(self) -> None:
        """Start the tour unless it was finished or dismissed for good."""
        if not self._window.settings.tour_done:
            self.start_tour()

    def start_tour(self) -> Tour:
        from ui.tour import Step, Tour

        window = self._window
        if self.tour is not None and not self.tour.ended:
            self.tour.end(for_good=False)
        steps = [
            Step(
                _("Foods"),
                _(
                    "Pick a palette or search for a food here. \u201cAll foods\u201d holds the "
                    "whole USDA table."
                ),
                lambda: window.palette_panel,
            ),
            Step(
                _("Plan by dragging"),
                _(
                    "Drag a food onto a meal, or choose a meal and press Enter. Drag between "
                    "meals to move; hold Ctrl to copy."
                ),
                lambda: window.grid,
            ),
            Step(
                _("The day's score"),
                _(
                    "Each day scores 0 to 100: probiotic, prebiotic and fiber-rich foods raise "
                    "it, foods to limit lower it. Help > How Scoring Works tells how."
                ),
                lambda: window.day_panel.parts_box,
            ),
            Step(
                _("Suggestions"),
                _(
                    "Foods that would raise the selected day most. Double-click one, or press "
                    "Enter, to add it to the selected meal."
                ),
                lambda: window.day_panel.suggestion_list,
            ),
        ]
        tour = Tour(window, steps)
        tour.finished.connect(self._tour_finished)
        self.tour = tour
        tour.start()
        return tour

    def _tour_finished(self, for_good: bool) -> None:
        self.tour = None
        if for_good:
            self._window.settings.tour_done = True
            self._window.settings.sync()
