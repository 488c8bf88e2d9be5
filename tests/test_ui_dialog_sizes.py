"""Every dialog fits a 1024 x 700 screen, in English and in German (the longest of the
shipped languages): its smallest size leaves room for the window frame, and its buttons
stay reachable (a dialog taller than the screen gets a scroll area, not buttons off it)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QScrollArea, QWidget

from planner import i18n
from planner.core.plan import Entry, Plan
from tests.support.gui import QT_LOG_IGNORE, START
from ui.screen import SCREEN_SHARE

pytestmark = QT_LOG_IGNORE

# Room left on a 1024 x 700 screen for a dialog's frame and title bar.
MOST = (1024 - 24, 700 - 48)
# The width of a scroll area's fields in a dialog sized to a 1024-pixel screen: its share
# of the screen, less the dialog's margins and a scroll bar.
SCROLLED_WIDTH = int(1024 * SCREEN_SHARE) - 2 * 11 - 16


@pytest.fixture(params=["en", "de"])
def language(request):
    i18n.set_language(request.param)
    QLocale.setDefault(QLocale(i18n.locale_id()))
    yield request.param
    i18n.set_language("en")
    QLocale.setDefault(QLocale("en_US"))


def _dialogs(tmp_path: Path, catalog, store) -> list[tuple[str, QWidget]]:
    from planner.autoplan.model import Settings
    from planner.core.templates import make_template
    from planner.recipes.book import RecipeBook
    from planner.scoring.model import Preferences
    from planner.storage.templates import TemplateLibrary
    from planner.storage.userfoods import UserFoods
    from ui import dialogs
    from ui.autoplan.dialog import AutoplanDialog
    from ui.journal import CheckInDialog, TrendsWindow
    from ui.journal.report import ReportDialog
    from ui.recipes.editor import RecipeEditor
    from ui.weeks.dialogs import CopyWeekDialog
    from ui.weeks.rules import RulesDialog
    from ui.weeks.templates import TemplatesDialog

    plan = Plan(START, 3)
    book = RecipeBook.load(catalog)
    library = TemplateLibrary(tmp_path / "my-templates.json")
    library.add_many([make_template("Oats", "meal", {(0, "breakfast"): [Entry("oats", 2)]})])
    return [
        ("check-in", CheckInDialog(store, date(2026, 11, 30))),
        ("trends", TrendsWindow(store)),
        ("report", ReportDialog(tmp_path / "journal-report.pdf")),
        ("fill week", AutoplanDialog(None, Settings(), i18n._("Fill Week"), catalog, book)),
        ("rules", RulesDialog(lambda: plan, lambda edit: True, library, START)),
        ("templates", TemplatesDialog(library, None)),
        ("copy week", CopyWeekDialog(plan, 0)),
        ("recipe editor", RecipeEditor(book, next(iter(book)))),
        (
            "preferences",
            dialogs.PreferencesDialog(
                Preferences(), 25.0, None, 60, start_with="last", unit_system="metric", language=""
            ),
        ),
        ("pdf options", dialogs.PdfOptionsDialog(tmp_path / "week.pdf", None, weeks=3)),
        ("food editor", dialogs.FoodEditor(None)),
        ("my foods", dialogs.MyFoodsDialog(UserFoods(tmp_path / "my-foods.json"), set())),
        ("pantry", dialogs.PantryDialog(catalog, ["oats"])),
        ("copy day", dialogs.CopyDayDialog(plan, 0)),
    ]


def test_every_dialog_fits_a_1024_by_700_screen(language, qtbot, tmp_path, catalog):
    from planner.journal.store import JournalStore

    with JournalStore(tmp_path / "journal.sqlite3", backups=False) as store:
        too_large = {}
        for name, dialog in _dialogs(tmp_path, catalog, store):
            qtbot.addWidget(dialog)
            dialog.show()
            smallest = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
            if smallest.width() > MOST[0] or smallest.height() > MOST[1]:
                too_large[name] = smallest.toTuple()
            # What scrolls, scrolls up and down only: its fields fit the width such a
            # screen gives the dialog (ui.screen.fit_to_screen).
            for scroll in dialog.findChildren(QScrollArea):
                inner = scroll.widget()
                if inner is not None and inner.minimumSizeHint().width() > SCROLLED_WIDTH:
                    too_large[f"{name}, its scrolled fields"] = inner.minimumSizeHint().toTuple()
            dialog.close()
    assert too_large == {}
