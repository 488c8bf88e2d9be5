"""Every text the app shows is marked for translation: under the pseudo-language
(planner.i18n.PSEUDO, "[Ŝçöŕé]" for "Score") a text with words outside brackets was never
marked. Data is allowed outside brackets: food and recipe names, serving labels, numbers,
dates, units, file names and Qt's own standard buttons.

The walk builds the window, reads its title, menus, actions, toolbar, labels, buttons,
group boxes, tooltips, headers and status, then runs every menu action with each dialog's
exec() recorded (answered with Cancel at once) and reads each dialog the same way. A layout
test then checks that the longer pseudo texts still fit a 1024 x 700 window.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTableView,
    QTabWidget,
    QToolBar,
    QWidget,
)

from planner import i18n
from planner.core.plan import Plan
from planner.storage.sample import sample_plan
from tests.support.gui import START

# The offscreen platform cannot size or raise a native window (the walk raises docks and
# dialogs): harmless warnings here.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints", r"This plugin does not support raise"
)

# Units and symbols written the same in every language; Qt's key names (the shortcuts
# table, from Qt's own catalogue); the app's name; each language's own name.
SAME_EVERYWHERE = {
    *(word.casefold() for name in i18n.LANGUAGES.values() for word in name.split()),
    "g", "mg", "kcal", "oz", "ug", "µg", "iu", "pdf", "csv", "ctrl", "shift", "alt", "del",
    "ins", "pgup", "pgdown", "esc", "tab", "backspace", "return", "enter", "menu", "meta",
    "up", "down", "left", "right", "home", "end", "space", "gut", "skin", "planner", "gutskin",
}  # fmt: skip
QT_DETAILS = ("Show Details...", "Hide Details...")
_BRACKETED = re.compile(r"\[[^\[\]]*\]")
_WORD = re.compile(r"[^\W\d_]{2,}")


def unmarked_words(text: str, data: set[str]) -> list[str]:
    """The words of ``text`` outside the pseudo-language's brackets that are not data."""
    text = html.unescape(re.sub(r"<[^<>]*>", " ", text))  # rich text: its words only
    previous = None
    while previous != text:  # nested brackets: a message inside a message
        previous, text = text, _BRACKETED.sub(" ", text)
    return [w for w in _WORD.findall(text) if w.casefold() not in data]


def data_words(window) -> set[str]:
    """The words of what the user or the data wrote: foods, servings, recipes, files, and
    the dates QLocale writes (the pseudo-language keeps English formats)."""
    words: set[str] = set(SAME_EVERYWHERE)
    catalog = window.catalog
    texts: list[str] = []
    for food in catalog:  # every name a palette or the grid may show, SR28's too
        texts += [food.name, food.serving_label, food.plant or ""]
    # SR28's household measures ("ring (3" dia.)"), as the USDA writes them, like its names.
    from planner.core.measures import sr28_measures

    for measures in sr28_measures().values():
        texts += [measure.label for measure in measures]
    book = getattr(window, "recipe_book", None)
    if book is not None:
        for recipe in book:
            texts += [recipe.name, *recipe.tags]
            texts += [item.measure or "" for item in recipe.ingredients]
            texts += [item.text or "" for item in recipe.ingredients if item.is_note]
    for text in texts:
        words.update(w.casefold() for w in _WORD.findall(text))
    return words | date_words()


def date_words() -> set[str]:
    """The month and weekday names QLocale writes dates with (data, not messages)."""
    locale, texts = QLocale(), ["AM", "PM"]
    for form in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
        texts += [locale.monthName(n, form) for n in range(1, 13)]
        texts += [locale.dayName(n, form) for n in range(1, 8)]
    return {w.casefold() for text in texts for w in _WORD.findall(text)}


def _standard(button: QAbstractButton) -> bool:
    """Qt's own buttons (OK, Cancel...), translated by Qt's catalogue, not the app's."""
    if isinstance(button.window(), QMessageBox):  # its "Show Details..." button
        own = (QCoreApplication.translate("QMessageBox", t) for t in QT_DETAILS)
        if button.text() in own:
            return True
    for parent in (button.parent(), button.parent() and button.parent().parent()):
        if isinstance(parent, QDialogButtonBox) and parent.standardButton(button):
            return True
        if isinstance(parent, QMessageBox) and parent.standardButton(button):
            return True
    return False


def shown_texts(widget: QWidget) -> Iterable[tuple[str, str]]:
    """(where, text) for every text ``widget`` and its children show or tell on hover."""
    top = widget.window()
    yield f"{type(widget).__name__} title", widget.windowTitle()
    for child in [widget, *widget.findChildren(QWidget)]:
        if child is not widget and not child.isVisibleTo(top):
            continue
        where = f"{type(child).__name__} {child.objectName()!r}"
        yield f"{where} tooltip", child.toolTip()
        if isinstance(child, QLabel) or (
            isinstance(child, QAbstractButton) and not _standard(child)
        ):
            yield where, child.text()
        elif isinstance(child, QGroupBox):
            yield where, child.title()
        elif isinstance(child, QLineEdit):
            yield f"{where} placeholder", child.placeholderText()
        elif isinstance(child, QComboBox):
            for row in range(child.count()):
                if child.itemData(row) is not None or child.count() < 12:
                    yield f"{where} item", child.itemText(row)
                    yield (
                        f"{where} item tooltip",
                        str(child.itemData(row, Qt.ItemDataRole.ToolTipRole) or ""),
                    )
        elif isinstance(child, QTabWidget):
            for tab in range(child.count()):
                yield f"{where} tab", child.tabText(tab)
        elif isinstance(child, QDockWidget):
            yield f"{where} title", child.windowTitle()
        elif isinstance(child, QTableView) and child.model() is not None:
            model = child.model()
            for column in range(model.columnCount()):
                yield f"{where} header", str(model.headerData(column, Qt.Orientation.Horizontal))
        elif isinstance(child, QToolBar):
            for action in child.actions():
                yield from action_texts(action)
        if isinstance(child, QMessageBox):
            yield f"{where} informative", child.informativeText()


def action_texts(action: QAction) -> Iterable[tuple[str, str]]:
    if action.isSeparator() or action.data() is not None:  # a recent file: its name
        return
    yield f"action {action.text()!r}", action.text()
    yield f"action {action.text()!r} tooltip", action.toolTip()
    yield f"action {action.text()!r} status tip", action.statusTip()
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield f"menu {menu.title()!r}", menu.title()
        for inner in menu.actions():
            yield from action_texts(inner)


def find_unmarked(texts: Iterable[tuple[str, str]], data: set[str]) -> list[str]:
    found = []
    for where, text in texts:
        words = unmarked_words(text or "", data)
        if words:
            found.append(f"{where}: {text!r} (unmarked: {' '.join(words[:6])})")
    return found


class Recorder:
    """Every dialog's exec() recorded and answered with Cancel at once; the static
    shortcuts Qt runs in C++ recorded as what they would show."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[QWidget] = []
        self.static: list[tuple[str, str]] = []

        def exec_(dialog: QWidget) -> int:
            self.shown.append(dialog)
            if isinstance(dialog, QMessageBox):
                return int(QMessageBox.StandardButton.Cancel.value)
            return int(QDialog.DialogCode.Rejected.value)

        for cls in (QDialog, QMessageBox, QInputDialog):
            monkeypatch.setattr(cls, "exec", exec_)

        def about(parent: object, title: str, text: str) -> None:
            self.static += [("about title", title), ("about text", text)]

        monkeypatch.setattr(QMessageBox, "about", staticmethod(about))
        for name in ("question", "warning", "information", "critical"):

            def box(*args: object, _name: str = name, **kwargs: object) -> object:
                self.static += [(f"QMessageBox.{_name}", str(a)) for a in args[1:3]]
                return QMessageBox.StandardButton.Cancel

            monkeypatch.setattr(QMessageBox, name, staticmethod(box))
        for name in ("getDouble", "getInt", "getText", "getItem"):

            def ask(*args: object, _name: str = name, **kwargs: object) -> object:
                self.static += [(f"QInputDialog.{_name}", str(a)) for a in args[1:3]]
                return (0, False) if _name in ("getDouble", "getInt") else ("", False)

            monkeypatch.setattr(QInputDialog, name, staticmethod(ask))
        # File choosers are Qt's (or the system's) own: cancelled at once, wherever called.
        for name, answer in (
            ("getOpenFileName", ("", "")),
            ("getSaveFileName", ("", "")),
            ("getOpenFileNames", ([], "")),
            ("getExistingDirectory", ""),
        ):
            monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, _r=answer, **k: _r))

    def take(self) -> list[QWidget]:
        shown, self.shown = self.shown, []
        return shown


@pytest.fixture
def pseudo(request):
    """The app in the pseudo-language, as ui.app sets it at start (conftest puts English
    back after the test); a test parametrized indirectly may ask for another language."""
    from ui.app import apply_language

    language = getattr(request, "param", i18n.PSEUDO)
    assert apply_language(language) == language
    yield
    apply_language("en")


@pytest.fixture
def pseudo_window(pseudo, qtbot, catalog, settings, tmp_path: Path, monkeypatch):
    from planner.storage.userfoods import UserFoods
    from tests.support.gui import _forget_changes
    from ui.window.mainwindow import MainWindow

    recorder = Recorder(monkeypatch)
    window = MainWindow(
        settings,
        catalog,
        sample_plan(START, catalog),
        user_foods=UserFoods(tmp_path / "my-foods.json"),
        background=False,
    )
    qtbot.addWidget(window, before_close_func=_forget_changes)
    window.show()
    window.start_scoring()
    qtbot.waitUntil(lambda: not window.scores.pending, timeout=5000)
    return window, recorder


def window_texts(window) -> list[tuple[str, str]]:
    texts = list(shown_texts(window))
    for action in window.menuBar().actions():
        texts += list(action_texts(action))
    texts.append(("status bar", window.statusBar().currentMessage()))
    model = window.week_model
    for row in range(model.rowCount()):
        texts.append(("grid row header", str(model.headerData(row, Qt.Orientation.Vertical))))
        for column in range(model.columnCount()):
            index = model.index(row, column)
            texts.append((f"grid cell {row},{column} tooltip", str(index.data(
                Qt.ItemDataRole.ToolTipRole) or "")))  # fmt: skip
    for column in range(model.columnCount()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            texts.append(("grid column header", str(model.headerData(
                column, Qt.Orientation.Horizontal, role))))  # fmt: skip
    return texts


def _all_actions(window) -> list[QAction]:
    found: list[QAction] = []

    def walk(actions: Iterable[QAction]) -> None:
        for action in actions:
            menu = action.menu()
            if isinstance(menu, QMenu):
                walk(menu.actions())
            elif not action.isSeparator() and action.data() is None:
                found.append(action)

    walk(window.menuBar().actions())
    return found


def test_every_text_of_the_window_and_its_dialogs_is_marked(pseudo_window, qtbot):
    window, recorder = pseudo_window
    data = data_words(window)
    texts = window_texts(window)
    for action in _all_actions(window):
        if action.menuRole() == QAction.MenuRole.QuitRole or not action.isEnabled():
            continue
        try:
            action.trigger()
        except AssertionError:
            continue
        QApplication.processEvents()
        for dialog in recorder.take():
            texts += list(shown_texts(dialog))
        texts += recorder.static
        recorder.static = []
        texts.append(("status bar", window.statusBar().currentMessage()))
    found = find_unmarked(texts, data)
    assert not found, "\n".join(dict.fromkeys(found))


def test_the_dialogs_of_the_widgets_are_marked(pseudo, qtbot, catalog, tmp_path, monkeypatch):
    """The dialogs built in ui/dialogs, each on its own: no text left unmarked."""
    from datetime import UTC, datetime

    from planner.core.foods import TAGS
    from planner.scoring.model import Preferences
    from planner.storage.recovery import RecoveryCopy
    from planner.storage.userfoods import UserFoods, make_food
    from ui import dialogs
    from ui.dialogs.help import ShortcutsDialog, about_html, shortcut_rows

    recorder = Recorder(monkeypatch)
    plan = Plan(START)
    food = make_food("Sprouted buckwheat", categories=["fiber"], grams=30, tags=list(TAGS[:2]))
    foods = UserFoods(tmp_path / "my-foods.json")
    foods.add(food)
    built: list[QWidget] = [
        dialogs.PreferencesDialog(
            Preferences(), 25.0, None, 60, start_with="last", unit_system="metric", language=""
        ),
        dialogs.CopyDayDialog(plan, 0),
        dialogs.PdfOptionsDialog(tmp_path / "week.pdf", None, weeks=3),
        dialogs.FoodEditor(food),
        dialogs.FoodEditor(None),
        dialogs.MyFoodsDialog(foods, {food.id}),
        dialogs.PantryDialog(catalog, ["oats", "my:gone"]),
        ShortcutsDialog(shortcut_rows([])),
    ]
    for widget in built:
        qtbot.addWidget(widget)
        widget.show()
    copy = RecoveryCopy(path=tmp_path / "x.gutrecovery", title="Week", source=None,
                        saved=datetime.now(UTC), session="s", pid=1, host="h", foods=3)  # fmt: skip
    dialogs.RecoveryDialog.ask(None, [copy, copy])
    dialogs.CrashDialog.ask(None, "KeyError: 'x'", "", tmp_path / "crash.log", "details")
    dialogs.ConflictDialog.ask(None, tmp_path / "week.gutplan", "", can_overwrite=True)
    dialogs.UnsavedChanges.ask(None, "week.gutplan")
    dialogs.AmountDialog.ask(None, "Kefir", 1.0, "serving", [])
    dialogs.About.ask(None)
    # The data the dialogs above were given: names, file names, the error.
    given = "kefir sprouted buckwheat week gutplan keyerror details crash log oats gone my serving"
    data = {*given.split(), *SAME_EVERYWHERE, *date_words()}
    for widget in [*built, *recorder.take()]:
        widget.show()
        texts = list(shown_texts(widget))
        assert texts
        found = find_unmarked(texts, data)
        found = [f for f in found if str(tmp_path) not in f]
        assert not found, "\n".join(found)
    about = unmarked_words(about_html(), {"gut", "skin", "planner", "mit", "sr28"})
    assert not about, about


def test_the_pseudo_language_finds_unmarked_text():
    """The check itself: an unmarked word is found, a marked one and data are not."""
    data = {"kefir"}
    assert unmarked_words(i18n.pseudo("Score"), data) == []
    assert unmarked_words(i18n.pseudo("Add {food}").format(food="Kefir"), data) == []
    assert unmarked_words("Score: " + i18n.pseudo("x"), data) == ["Score"]
    assert unmarked_words("<b>Not marked</b>", data) == ["Not", "marked"]


@pytest.mark.parametrize("pseudo", [i18n.PSEUDO, "de", "fr", "es"], indirect=True)
def test_at_1024_by_700_the_pseudo_window_keeps_every_day_and_its_controls_inside(
    pseudo, pseudo_window, tmp_path
):
    """The pseudo-language's texts are longer than English, German's the longest of the
    real ones: at 1024 x 700 the window keeps every day and control inside, and no button
    of the window is cut."""
    window, _recorder = pseudo_window
    window.setMinimumSize(0, 0)
    window.resize(1024, 700)
    QApplication.processEvents()
    assert window.minimumSizeHint().width() <= 1024, window.minimumSizeHint()
    assert window.minimumSizeHint().height() <= 700, window.minimumSizeHint()
    shot = window.grab()
    assert shot.save(str(tmp_path / "pseudo-1024x700.png"))
    assert (shot.width(), shot.height()) == (1024, 700)
    inside = window.rect()
    for widget in (
        window.week_combo,
        window.start_edit,
        window.servings,
        window.remove_button,
        window.palette_panel.search,
        window.palette_panel.chooser,
        window.day_dock,
    ):
        corner = widget.mapTo(window, widget.rect().bottomRight())
        assert inside.contains(corner), widget
    cut = []
    for button in window.findChildren(QAbstractButton):
        shown = button.isVisibleTo(window) and button.text()
        if shown and button.width() < button.minimumSizeHint().width():
            cut.append(button.text())
    assert not cut, cut
