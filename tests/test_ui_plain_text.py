"""Names are shown as written, never as HTML (hardening D3).

Food names, file names and recovery titles come from the user or from a file someone
handed them. Shown in a QLabel or a message box with Qt's automatic format, a name such as
``<img src="/tmp/pipe">`` made Qt open that file while laying out the label (a pipe hung
the app; ``/dev/zero`` ate 4 GB in seconds), and ``<h1>`` or ``<table>`` rendered as HTML.

The test walks the whole app with hostile names: the main window, and every dialog it can
open, built for real with their ``exec`` replaced so that none blocks. Every label and
message box that shows one of the names must hold it as plain text (its format PlainText,
or text Qt would not take for rich text), every tooltip either plain or escaped, and the
recent-files menu must show a name's "&" rather than make a shortcut of it.

The markup below points at a file that does not exist, so that the test fails cleanly on
code that renders it instead of hanging on a pipe or filling the memory.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QListWidget, QMessageBox, QWidget

from planner.core.edits import AddFood
from planner.core.plan import Plan
from planner.storage.planfile import save_plan
from planner.storage.recovery import RecoveryCopy
from planner.storage.userfoods import UserFoods, make_food
from tests.support.gui import QT_LOG_IGNORE, START, _forget_changes
from ui import dialogs

pytestmark = QT_LOG_IGNORE

IMG = '<img src="/nonexistent-gutskin/x.png">'
HOSTILE_NAMES = [
    f"{IMG}Kefir",
    "<h1>Huge</h1> oats",
    "<table><tr><td>cell</td></tr></table> tea",
    "<font size=7>Big</font> apple",
    "Fish &amp; chips",
]
# What each name shows as plain text, to find the widgets that show one.
MARKERS = ("<img", "<h1>", "<table>", "<font", "&amp;")
FILE_NAME = "<b>week<b> &amp; <img src=x>.gutplan"  # no "/": it is one file name


class Recorder:
    """Replaces exec() of every dialog kind the app uses: the dialog is built for real,
    recorded, and answered with Cancel (or No, or Rejected) at once."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[QWidget] = []

        def exec_(dialog: QWidget) -> int:
            return self._exec(dialog)

        for cls in (QDialog, QMessageBox, QInputDialog):
            monkeypatch.setattr(cls, "exec", exec_)
        # The static shortcuts run their dialog in C++, out of reach of the patch above
        # (and would block the test): the app must not use them for user data.
        for cls, names in (
            (QMessageBox, ("question", "warning", "information", "critical")),
            (QInputDialog, ("getDouble", "getInt", "getText", "getItem")),
        ):
            for name in names:
                monkeypatch.setattr(cls, name, staticmethod(_static_dialog))  # fmt: skip

    def _exec(self, dialog: QWidget) -> int:
        self.shown.append(dialog)
        if isinstance(dialog, QMessageBox):
            return int(QMessageBox.StandardButton.Cancel.value)
        return int(QDialog.DialogCode.Rejected.value)

    def take(self) -> list[QWidget]:
        shown, self.shown = self.shown, []
        return shown


def _static_dialog(*args: object, **kwargs: object) -> None:
    raise AssertionError(f"a static dialog shows {args[2:]!r}; its label cannot be made plain")


def might_be_rich(text: str) -> bool:
    return bool(QtGui.Qt.mightBeRichText(text))  # in QtGui's Qt, not QtCore's


def _shows_markup(text: str) -> bool:
    return any(marker in text for marker in MARKERS)


def check_widget(widget: QWidget, seen: list[str]) -> None:
    """Every label under ``widget`` (and the widget, if it is one) that shows a hostile
    name shows it as plain text; tooltips are plain or escaped."""
    labels = widget.findChildren(QLabel)
    if isinstance(widget, QLabel):
        labels.append(widget)
    for label in labels:
        text = label.text()
        if _shows_markup(text):
            seen.append(text)
            plain = label.textFormat() == Qt.TextFormat.PlainText
            assert plain or not might_be_rich(text), (label.objectName(), text)
    for child in [widget, *widget.findChildren(QWidget)]:
        check_tip(child.toolTip())
    for view in widget.findChildren(QListWidget):
        for row in range(view.count()):
            check_tip(view.item(row).toolTip())


def check_tip(tip: str) -> None:
    """A tooltip is rich text only when it escapes what it quotes."""
    if might_be_rich(tip):
        assert not any(name in tip for name in (*HOSTILE_NAMES, FILE_NAME, IMG)), tip


@pytest.fixture
def hostile(qtbot, catalog, settings, tmp_path: Path, monkeypatch):
    """A window over own foods and unknown ids with hostile names, opened from a file with
    a hostile name; every dialog's exec recorded."""
    from ui.window.mainwindow import MainWindow

    recorder = Recorder(monkeypatch)
    foods = UserFoods(tmp_path / "my-foods.json")
    ids = [foods.add(make_food(name, categories=["fiber"], grams=50)).id for name in HOSTILE_NAMES]
    window = MainWindow(settings, catalog, Plan(START), user_foods=foods, background=False)
    window.foods.user_foods_changed()
    qtbot.addWidget(window, before_close_func=_forget_changes)
    window.show()
    window.start_scoring()
    plan = Plan(START)
    path = tmp_path / FILE_NAME
    for food_id in [*ids, IMG + "unknown", "<h1>unknown</h1>"]:
        AddFood(0, "breakfast", food_id).apply(plan)
    save_plan(plan, path)
    assert window.load_file(path)
    qtbot.waitUntil(lambda: not window.scores.pending, timeout=5000)
    yield window, recorder, ids, path
    window.catalog.set_user_foods([])  # the catalog is shared with other tests


def test_the_whole_app_shows_hostile_names_as_plain_text(hostile, tmp_path, monkeypatch):
    window, recorder, ids, _path = hostile
    seen: list[str] = []

    # The main window: the selected food's bar, the day panel, the title.
    window.grid.set_current(0, "breakfast", 0)
    window.editing.show_entry()
    assert window.entry_label.text().startswith(HOSTILE_NAMES[0])
    window.grab()
    check_widget(window, seen)
    assert window.windowHandle().title().startswith(FILE_NAME)
    model = window.week_model
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            check_tip(str(model.index(row, column).data(Qt.ItemDataRole.ToolTipRole) or ""))
    for row in range(window.palette_panel.current_model().rowCount()):
        check_tip(str(window.palette_panel.current_model().index(row).data(
            Qt.ItemDataRole.ToolTipRole)))  # fmt: skip

    # The recent files menu: "&" is shown, not a shortcut; the tooltip is escaped.
    window.files.fill_recent()
    actions = [a for a in window.files.recent_menu.actions() if a.data()]
    assert actions and actions[0].text() == "&1 " + FILE_NAME.replace("&", "&&")
    check_tip(actions[0].toolTip())

    def walk(action) -> list[QWidget]:
        action()
        shown = recorder.take()
        assert shown, action
        for dialog in shown:
            check_widget(dialog, seen)
        return shown

    # Save the changes to NAME?
    window.set_servings(2)
    (unsaved,) = walk(window.new_plan)
    assert isinstance(unsaved, QMessageBox) and FILE_NAME in unsaved.text()
    walk(window.editing.ask_servings)  # Servings of NAME:
    walk(window.copy_day)
    walk(window.foods.edit_preferences)
    walk(window.export_pdf_file)
    (my_foods,) = walk(window.foods.edit_my_foods)

    # My Foods: "Added NAME.", the editor of a hostile food, "Remove NAME…?"
    added = make_food("<h1>Added</h1> food", grams=30)
    monkeypatch.setattr(dialogs.FoodEditor, "ask", classmethod(lambda cls, p, f=None: added))
    my_foods.add_food()
    assert my_foods.message.text() == "Added <h1>Added</h1> food."
    check_widget(my_foods, seen)
    my_foods.list.setCurrentRow(0)
    walk(my_foods.remove_food)
    editor = dialogs.FoodEditor(window.user_foods.get(ids[1]), window)
    editor.name.setText(IMG * 40)  # too long: the message quotes nothing, but is plain
    editor.accept()
    check_widget(editor, seen)

    # A file that cannot be opened, whose name is markup; a PDF written under such a name.
    bad = tmp_path / "<h1>bad<h1>.gutplan"
    bad.write_text("{", encoding="utf-8")
    window.document.undo_stack.setClean()
    walk(lambda: window.load_file(bad))
    walk(lambda: window.pdf_written(tmp_path / "<img src=x>.pdf"))

    # Recovery copies with hostile titles and sources; an unexpected error quoting one.
    copy = RecoveryCopy(path=tmp_path / "x.gutrecovery", title=HOSTILE_NAMES[1],
                        source=tmp_path / FILE_NAME, saved=datetime.now(UTC), session="s",
                        pid=1, host="h", foods=3)  # fmt: skip
    walk(lambda: dialogs.RecoveryDialog.ask(window, [copy]))
    walk(lambda: dialogs.CrashDialog.ask(window, HOSTILE_NAMES[2], "kept", None, IMG))
    walk(lambda: dialogs.Confirm.ask(window, "Remove", f"Remove {HOSTILE_NAMES[3]}?"))
    walk(lambda: dialogs.Messages.error(window, "Error", HOSTILE_NAMES[4]))

    # The names were on show: the checks above looked at them, not at nothing.
    joined = "\n".join(seen)
    for name in [*HOSTILE_NAMES[:4], FILE_NAME, "Added <h1>Added</h1> food."]:
        assert name in joined, name


def test_a_recent_file_named_with_an_ampersand_opens_by_its_full_name(hostile):
    window, _recorder, _ids, path = hostile
    window.files.fill_recent()
    action: QAction = next(a for a in window.files.recent_menu.actions() if a.data())
    assert Path(action.data()) == path.resolve()


def test_a_file_name_holding_the_unsaved_mark_is_shown_as_written(window, tmp_path):
    path = tmp_path / "a[*]b.gutplan"
    save_plan(Plan(START), path)
    assert window.load_file(path)
    window.set_servings(1)  # nothing selected: the plan stays as it is
    assert window.windowHandle().title().startswith("a[*]b.gutplan")


CORPUS_NAMES = ["markup", "img-pipe", "img-dev-zero", "layout-tags"]


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_the_corpus_names_show_as_plain_text_in_the_window(make_window, tmp_path, name):
    """The corpus's plans and own-food files with markup names (tests/data/bad/), opened in
    the window: the selected food's bar, the day panel and My Foods show them as written."""
    from tests.test_bad_inputs import unpack
    from ui.dialogs import MyFoodsDialog

    foods = UserFoods(tmp_path / "mine.json")
    for food in UserFoods.load(unpack("foods", f"name-{name}.json", tmp_path)):
        foods.add(food)
    window = make_window(user_foods=foods)
    window.foods.user_foods_changed()
    try:
        assert window.load_file(unpack("plans", f"name-{name}.gutplan", tmp_path))
        window.grid.set_current(0, "lunch", 0)
        window.editing.show_entry()
        assert "Unknown food (<" in window.entry_label.text()
        seen: list[str] = []
        window.grab()
        check_widget(window, seen)
        dialog = MyFoodsDialog(window.user_foods, set(), window)
        dialog.list.setCurrentRow(0)
        dialog.message.setText(f"Added {dialog.list.item(0).text()}.")
        check_widget(dialog, seen)
        assert seen and window.entry_label.textFormat() == Qt.TextFormat.PlainText
    finally:
        window.catalog.set_user_foods([])


def test_template_names_are_plain_text(qtbot, tmp_path, monkeypatch):
    """The templates dialog (ui/weeks) names templates in its messages and asks before
    removing one: plain text, and the food ids of its tooltip escaped."""
    from planner.core.plan import Entry
    from planner.core.templates import make_template
    from planner.storage.templates import TemplateLibrary
    from ui.weeks.templates import TemplatesDialog

    recorder = Recorder(monkeypatch)
    library = TemplateLibrary(tmp_path / "templates.json")
    name = HOSTILE_NAMES[1]
    library.add_many(
        [
            make_template(name, "meal", {(0, "breakfast"): [Entry(IMG)]}),
            make_template("Zucchini", "meal", {(0, "lunch"): [Entry("kefir")]}),
        ]
    )
    dialog = TemplatesDialog(library)
    qtbot.addWidget(dialog)
    seen: list[str] = []
    check_widget(dialog, seen)
    tip = dialog.tree.topLevelItem(0).toolTip(0)
    check_tip(tip)
    assert "&lt;img" in tip
    dialog.remove()  # asked, and answered No
    (question,) = recorder.take()
    check_widget(question, seen)
    assert len(library) == 2
    monkeypatch.setattr(dialogs.Confirm, "ask", classmethod(lambda cls, p, t, x: True))
    dialog.remove()
    assert dialog.message.text() == f"Removed {name}."
    check_widget(dialog, seen)
    assert any(name in text for text in seen)
