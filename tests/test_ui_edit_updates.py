"""After an edit the window redoes only what changed: the selected food's bar, the day
panel's rows and the suggestions list. What they show must stay what a fresh widget shows."""

from __future__ import annotations

from dataclasses import replace

from planner.core.edits import AddFood, SetAmount
from planner.scoring.results import Suggestion
from tests.support.gui import QT_LOG_IGNORE
from ui.panels.daypanel import DayPanel

pytestmark = QT_LOG_IGNORE


def test_the_bar_is_told_only_when_its_entry_changes(window):
    doc, grid = window.document, window.grid
    grid.set_current(2, "lunch")
    window.add_food("lentils")
    window.add_food("kimchi")
    grid.set_current(2, "lunch", 0)
    told = []
    grid.entryChanged.connect(lambda: told.append(grid.current_entry()))
    doc.apply(SetAmount(2, "lunch", 1, 2.0))  # the other food of the cell
    doc.apply(AddFood(5, "dinner", "oats"))  # another day
    assert told == []  # the bar shows lentils, unchanged
    doc.apply(SetAmount(2, "lunch", 0, 2.5))
    assert told == [(2, "lunch", 0)] and window.servings.value() == 2.5
    doc.undo_stack.undo()
    assert window.servings.value() == 1 and window.entry_label.text().startswith("Lentils")


def _shown(panel: DayPanel) -> list[object]:
    rows: list[object] = [panel.title.text(), panel.why.text()]
    for key in panel.part_points:
        rows += [
            panel.part_points[key].text(),
            panel.part_bars[key].value(),
            panel.part_bars[key].toolTip(),
            panel.part_sentences[key].text(),
        ]
    for key in panel.skin_bars:
        rows += [panel.skin_bars[key].value(), panel.skin_values[key].text()]
        rows += [panel.skin_bars[key].toolTip(), panel.skin_values[key].toolTip()]
    return rows


def _plan_a_breakfast(window) -> None:
    """Tuesday's breakfast of kefir, oats and lentils, scored; Tuesday selected."""
    window.grid.set_current(1, "breakfast")
    for food in ("kefir", "oats", "lentils"):
        window.add_food(food)
    window.scores.flush()


def test_the_day_panel_shows_what_a_fresh_panel_shows(window, qtbot):
    doc = window.document
    _plan_a_breakfast(window)
    first = window.scores.day_scores[1]
    doc.apply(SetAmount(1, "breakfast", 0, 3.0))
    window.scores.flush()
    second = window.scores.day_scores[1]
    assert first.parts != second.parts
    panel = DayPanel()
    qtbot.addWidget(panel)
    # a day, another, nothing scored, and the first again: each as a new panel shows it
    for score in (first, second, None, second, first, first, second):
        panel.show_day(score, "Tuesday")
        fresh = DayPanel()
        qtbot.addWidget(fresh)
        fresh.show_day(score, "Tuesday")
        assert _shown(panel) == _shown(fresh)


def test_suggestions_change_in_place_and_the_first_stays_current(qtbot):
    def item(food: str, gain: float) -> Suggestion:
        return Suggestion(food, food.title(), "1 cup", gain, 50 + gain, "Adds to fiber")

    panel = DayPanel()
    qtbot.addWidget(panel)
    model, view = panel.suggestions, panel.suggestion_list
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    first = [item("oats", 6), item("kefir", 4), item("lentils", 3)]
    panel.show_suggestions(first)
    assert len(resets) == 1 and view.currentIndex().row() == 0
    view.setCurrentIndex(model.index(2))
    panel.show_suggestions(list(first))  # the same again: the first is current, as ever
    assert view.currentIndex().row() == 0
    other = [item("kimchi", 5), first[0], replace(first[2], gain=2)]
    view.setCurrentIndex(model.index(1))
    panel.show_suggestions(other)  # as many rows: changed in place, not reset
    assert len(resets) == 1 and view.currentIndex().row() == 0
    assert [model.index(r).data() for r in range(3)] == [
        "+5   Kimchi (1 cup)",
        "+6   Oats (1 cup)",
        "+2   Lentils (1 cup)",
    ]
    assert panel.current_suggestion() == other[0]
    panel.show_suggestions(other[:2])
    assert len(resets) == 2 and model.rowCount() == 2
    panel.show_suggestions([])
    assert model.rowCount() == 0 and not panel.add_suggestion.isEnabled()


def test_the_toolbar_keeps_its_undo_button_as_edits_come(window):
    from PySide6.QtWidgets import QToolBar

    actions = window.window_actions
    button = window.findChild(QToolBar, "mainToolBar").widgetForAction(actions.undo)
    window.grid.set_current(0, "lunch")
    window.add_food("lentils")
    width = button.sizeHint().width()
    window.servings.setValue(2.5)
    assert button.text() == "Undo" and button.sizeHint().width() == width
    # what it would undo is in its tooltip and in the Edit menu
    assert button.toolTip() == "Undo Change amount" == actions.undo.text().replace("&", "")


def test_an_edit_paints_again_only_what_changed_in_the_day_panel(window, qtbot):
    from PySide6.QtCore import QCoreApplication, QEvent, QObject

    doc = window.document
    _plan_a_breakfast(window)
    for _ in range(3):
        QCoreApplication.processEvents()
    panel = window.day_panel
    before = window.scores.day_scores[1]

    class Painted(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen: set[QObject] = set()

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.seen.add(watched)
            return False

    painted = Painted()
    rows = {
        key: (panel.part_points[key], panel.part_bars[key], panel.part_sentences[key])
        for key in panel.part_points
    }
    for widget in [panel.title, *(w for widgets in rows.values() for w in widgets)]:
        widget.installEventFilter(painted)
    doc.apply(SetAmount(1, "breakfast", 0, 2.0))  # more kefir
    window.scores.flush()
    for _ in range(3):
        QCoreApplication.processEvents()
    after = window.scores.day_scores[1]
    same = [p.key for p in after.parts if p == before.part(p.key)]
    changed = [p.key for p in after.parts if p != before.part(p.key)]
    assert same and changed
    assert not any(w in painted.seen for key in same for w in rows[key])
    assert panel.title in painted.seen  # the day's new score


def test_a_frame_asks_the_models_only_for_what_the_delegates_draw(make_window, monkeypatch):
    """The grid's cells and the palette's rows are drawn by their delegates from their own
    roles: a frame that also asks for the text, icon, font and colours of every cell
    (QStyledItemDelegate.initStyleOption) builds them for nothing, each frame."""
    from ui.models.foods import FoodListModel
    from ui.models.roles import AVOIDED_ROLE, ENTRIES_ROLE, FOOD_ROLE, SCORE_ROLE, SERVING_ROLE
    from ui.models.week import WeekModel

    asked: dict[type, set[int]] = {WeekModel: set(), FoodListModel: set()}
    for model in asked:  # before the window is made: PySide finds the override then

        def counting(self, index, role=0, model=model, data=model.data):
            asked[model].add(int(role))
            return data(self, index, role)

        monkeypatch.setattr(model, "data", counting)
    window = make_window()
    _plan_a_breakfast(window)
    for roles in asked.values():
        roles.clear()
    window.grid.viewport().grab()  # paints every cell
    window.palette_panel.list.viewport().grab()  # and every visible row
    assert asked[WeekModel] == {ENTRIES_ROLE, SCORE_ROLE}
    assert asked[FoodListModel] == {FOOD_ROLE, AVOIDED_ROLE, SERVING_ROLE}
