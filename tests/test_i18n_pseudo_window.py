"""Every text the window's menus and the dialogs of ui/window, ui/weeks, ui/recipes,
ui/journal and ui/autoplan show goes through the catalogue: under the pseudo-language
(planner.i18n.PSEUDO) each comes out bracketed, its fields filled, apart from data (names
of foods, recipes and templates, numbers, dates) and Qt's own standard buttons, which
Qt's catalogues translate."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTreeWidget,
    QWidget,
)

from planner import i18n
from planner.core.plan import Entry, Plan
from planner.core.templates import make_template
from planner.storage.templates import TemplateLibrary
from tests.support.gui import QT_LOG_IGNORE, START

pytestmark = QT_LOG_IGNORE
DATA = Path(__file__).parent / "data" / "recipes"
# Data and numbers: no words of the app's own.
_NOT_WORDS = re.compile(r"^[\d\s.,:;%–—/()+\-−=·…]*$")
_FIELD = re.compile(r"\{[a-z_]+\}")


@pytest.fixture
def pseudo():
    i18n.set_language(i18n.PSEUDO)
    yield
    i18n.set_language("en")


def _marked(text: str) -> bool:
    # A marked message is bracketed; its fields must have been filled in.
    return "[" in text and "]" in text and not _FIELD.search(text)


def _in_qt_part(widget: QWidget) -> bool:
    """A widget that Qt builds inside its own (a date edit's calendar, a spin box's line
    edit): Qt's catalogues translate those."""
    parent: QWidget | None = widget
    while parent is not None:
        if isinstance(parent, QCalendarWidget | QAbstractSpinBox):
            return True
        parent = parent.parentWidget()
    return False


def _texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of every text a person reads in ``root`` and its children."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if _in_qt_part(widget) or isinstance(widget, QMenu):
            continue
        name = type(widget).__name__
        if widget.isWindow():
            yield f"{name} title", widget.windowTitle()
        yield f"{name} tooltip", widget.toolTip()
        yield f"{name} accessible name", widget.accessibleName()
        if isinstance(widget, QLabel):
            yield name, widget.text()
        elif isinstance(widget, QAbstractButton):
            box = widget.parentWidget()
            if isinstance(box, QDialogButtonBox) and box.standardButton(widget) != (
                QDialogButtonBox.StandardButton.NoButton
            ):
                continue  # OK, Cancel, Close: Qt's own words
            yield name, widget.text()
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        elif isinstance(widget, QLineEdit):
            yield f"{name} placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            for i in range(widget.count()):
                yield f"{name} item", widget.itemText(i)
        elif isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                item = widget.horizontalHeaderItem(column)
                yield f"{name} header", item.text() if item else ""
        elif isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            for column in range(header.columnCount()):
                yield f"{name} header", header.text(column)


def unmarked(root: QWidget, data: Iterable[str] = (), is_data: Callable[[str], bool] | None = None):
    """The texts of ``root`` that were never marked for translation."""
    known = set(data)
    found = []
    for where, text in _texts(root):
        plain = text.replace("&", "")
        if not text or _NOT_WORDS.match(plain) or _marked(text) or text in known:
            continue
        if is_data is not None and is_data(text):
            continue
        found.append((where, text))
    return found


def _weekdays() -> set[str]:
    locale = QLocale()
    return {locale.standaloneDayName(n) for n in range(1, 8)} | {
        locale.dayName(n) for n in range(1, 8)
    }


@pytest.fixture
def library(tmp_path: Path) -> TemplateLibrary:
    library = TemplateLibrary(tmp_path / "my-templates.json")
    library.add_many(
        [
            make_template("Oats", "meal", {(0, "breakfast"): [Entry("oats", 2)]}),
            make_template("Lentil day", "day", {(0, "dinner"): [Entry("lentils")]}),
            make_template("Week A", "week", {(4, "dinner"): [Entry("lentils")]}),
        ]
    )
    return library


def test_the_menus_and_actions_of_the_window_are_marked(pseudo, window):
    bar = window.menuBar()
    recent = window.files.recent_menu
    missing = []
    menus = [a.menu() for a in bar.actions() if a.menu() is not None]
    assert len(menus) >= 6
    while menus:
        menu = menus.pop()
        missing += [("menu", menu.title())] if not _marked(menu.title()) else []
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                menus.append(action.menu())
                continue
            if menu is recent and action.text().startswith("&") and action.text()[1].isdigit():
                continue  # a recent file's name
            for text in (action.text(), action.statusTip(), action.toolTip()):
                if text and not _marked(text):
                    missing.append((action.objectName() or "action", text))
    assert missing == []


def test_the_window_bars_and_status_are_marked(pseudo, window):
    window.weeks.refresh_week_bar()
    window.week_bar.show_summary(None)
    texts = [window.week_bar.week_average.text(), window.week_bar.week_plants.text()]
    assert all(_marked(t) for t in texts), texts
    assert window.windowTitle().startswith("["), window.windowTitle()
    # The week chooser: "[Ŵééķ 1 öƒ 1 · 30 Nov]", its date the locale's.
    assert _marked(window.week_bar.week_combo.itemText(0))


def test_a_food_added_is_said_in_one_marked_sentence(pseudo, window):
    window.grid.set_current(0, "breakfast")
    assert window.editing.add_food("kefir")
    message = window.statusBar().currentMessage()
    # "[Åððéð Kefir... ţö Monday [breakfast]]": the food's name and the meal filled in.
    assert message.startswith("[") and _marked(message), message
    assert window.catalog.name_of("kefir") in message


def test_the_week_dialogs_are_marked(pseudo, qtbot, library):
    from ui.weeks.dialogs import (
        CalendarOptionsDialog,
        CopyWeekDialog,
        PlanNextWeekDialog,
    )
    from ui.weeks.rules import NewRuleDialog, RulesDialog
    from ui.weeks.templates import TemplatesDialog

    plan = Plan(START, weeks=3)
    names = {t.name for t in library}
    dialogs = [
        CalendarOptionsDialog(plan),
        CopyWeekDialog(plan, 0),
        PlanNextWeekDialog(plan, 0, list(library)),
        NewRuleDialog(library, START),
        RulesDialog(lambda: plan, lambda edit: True, library, START),
        TemplatesDialog(library, target="x"),
    ]
    weekdays = _weekdays()
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        found = unmarked(dialog, names | weekdays | {"x"})
        assert found == [], type(dialog).__name__


def test_the_recipe_dialogs_are_marked(pseudo, qtbot, window, catalog):
    from planner.recipes.importing import import_file
    from ui.recipes.editor import RecipeEditor
    from ui.recipes.review import ImportReview

    editor = RecipeEditor(window.recipe_book, None, score_of=window.recipes.draft_score)
    qtbot.addWidget(editor)
    assert unmarked(editor) == []
    imported = import_file(DATA / "page.html", catalog).imported
    review = ImportReview(imported, catalog)
    qtbot.addWidget(review)
    lines = {line.parsed.text for item in imported for line in item.lines}
    names = {item.raw.name for item in imported}
    food_names = {c.name for item in imported for line in item.lines for c in line.candidates}
    found = unmarked(review, lines | names)
    # A candidate food's line reads "[{food} ({confidence}%)]": marked around SR28's name.
    assert [f for f in found if f[1] not in food_names] == []


def test_the_journal_dialogs_are_marked(pseudo, qtbot, tmp_path):
    from planner.journal.store import JournalStore
    from ui.journal import CheckInDialog, TrendsWindow
    from ui.journal.report import ReportDialog

    with JournalStore(tmp_path / "journal.sqlite3", backups=False) as store:
        for dialog in (
            CheckInDialog(store, date(2026, 11, 30)),
            TrendsWindow(store),
            ReportDialog(tmp_path / "report.pdf"),
        ):
            qtbot.addWidget(dialog)
            found = unmarked(dialog, {"report.pdf", str(tmp_path / "report.pdf")})
            assert found == [], type(dialog).__name__


def test_the_fill_dialog_and_its_explanation_are_marked(pseudo, qtbot, catalog):
    from planner.autoplan.model import Settings
    from ui.autoplan.dialog import AutoplanDialog

    dialog = AutoplanDialog(None, Settings(), i18n._("Fill Week"), catalog)
    qtbot.addWidget(dialog)
    assert unmarked(dialog) == []


def test_english_stays_as_it_was(window):
    """The conversion to one message per sentence keeps the English words."""
    window.week_bar.show_summary(None)
    assert window.week_bar.week_average.text() == "Week average: …"
    assert window.act_new.text() == "&New"
    assert window.week_bar.week_combo.itemText(0).startswith("Week 1 of 1 · 30 Nov")
