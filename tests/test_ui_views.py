"""The views: drops sent to the grid's viewport as QDropEvents, drags started with QDrag.exec
patched (it would block), and the keyboard inside the grid."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from planner.core.carried import CarriedFood
from planner.core.edits import AddFood
from planner.core.plan import MEALS, Plan
from tests.support.gui import QT_LOG_IGNORE, START, score_of
from ui.models.mime import decode_foods, encode_foods
from ui.models.week import SCORE_ROW
from ui.views.delegates import CellDelegate

pytestmark = QT_LOG_IGNORE
COPY_OR_MOVE = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction


def send_drop(
    view,
    index,
    mime: QMimeData,
    *,
    modifiers=Qt.KeyboardModifier.NoModifier,
    actions=COPY_OR_MOVE,
) -> QDropEvent:
    """Enter, move and drop at the centre of ``index``, as a real drag would."""
    # Qt 6 takes a whole-pixel point for drag enter and move, a QPointF for the drop.
    pos = view.visualRect(index).center()
    buttons = Qt.MouseButton.LeftButton
    viewport = view.viewport()
    enter = QDragEnterEvent(pos, actions, mime, buttons, modifiers)
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(pos, actions, mime, buttons, modifiers)
    QApplication.sendEvent(viewport, move)
    drop = QDropEvent(QPointF(pos), actions, mime, buttons, modifiers)
    QApplication.sendEvent(viewport, drop)
    return drop


def palette_mime(window, food_id: str) -> QMimeData:
    panel = window.palette_panel
    panel.show_palette("all")
    panel.search.setText("")
    panel.apply_filter()
    model = panel.current_model()
    return model.mimeData([model.index(model.row_of(food_id))])


def test_a_palette_food_dropped_on_a_cell_adds_a_serving_and_rescores(window, qtbot):
    grid, model = window.grid, window.week_model
    assert score_of(window, 2) is None  # "not planned"
    drop = send_drop(grid, model.index(0, 2), palette_mime(window, "kefir"))
    assert drop.isAccepted()
    assert [(e.food_id, e.amount) for e in window.document.plan.cell(2, "breakfast")] == [
        ("kefir", 1.0)
    ]
    qtbot.waitUntil(lambda: score_of(window, 2) is not None, timeout=3000)
    assert score_of(window, 2) > 0
    assert grid.current_cell() == (2, "breakfast")  # the drop selects what changed


def test_dropping_twice_merges_into_two_servings(window):
    cell = window.week_model.index(1, 0)
    send_drop(window.grid, cell, palette_mime(window, "oats"))
    send_drop(window.grid, cell, palette_mime(window, "oats"))
    assert window.document.plan.cell(0, "lunch")[0].amount == 2
    assert window.week_model.index(1, 0).data() == "Oatmeal (cooked oats) x2"


@pytest.fixture
def filled(make_window):
    plan = Plan(START)
    AddFood(0, "breakfast", "kefir").apply(plan)
    AddFood(0, "breakfast", "oats", 2).apply(plan)
    return make_window(plan)


def test_a_cell_food_dropped_on_another_cell_moves(filled, qtbot):
    grid, model, plan = filled.grid, filled.week_model, filled.document.plan
    mime = model.entries_mime(0, "breakfast", [1])
    send_drop(grid, model.index(2, 4), mime)
    assert [e.food_id for e in plan.cell(0, "breakfast")] == ["kefir"]
    assert [(e.food_id, e.amount) for e in plan.cell(4, "dinner")] == [("oats", 2.0)]
    qtbot.waitUntil(lambda: score_of(filled, 4) is not None, timeout=3000)


def test_with_ctrl_held_the_food_is_copied(filled):
    grid, model, plan = filled.grid, filled.week_model, filled.document.plan
    mime = model.entries_mime(0, "breakfast", [1])
    send_drop(grid, model.index(2, 4), mime, modifiers=Qt.KeyboardModifier.ControlModifier)
    assert [e.food_id for e in plan.cell(0, "breakfast")] == ["kefir", "oats"]
    assert plan.cell(4, "dinner")[0].amount == 2


def test_a_drop_on_the_score_row_changes_nothing(filled):
    grid, model, doc = filled.grid, filled.week_model, filled.document
    mime = model.entries_mime(0, "breakfast", [0])
    drop = send_drop(grid, model.index(SCORE_ROW, 3), mime)
    assert not drop.isAccepted()
    assert doc.undo_stack.count() == 0


def test_foreign_drag_data_is_refused_at_the_door(filled):
    mime = QMimeData()
    mime.setText("kefir")
    index = filled.week_model.index(0, 1)
    enter = QDragEnterEvent(
        filled.grid.visualRect(index).center(),
        COPY_OR_MOVE,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(filled.grid.viewport(), enter)
    assert not enter.isAccepted()
    drop = send_drop(filled.grid, index, mime)
    assert not drop.isAccepted()
    assert filled.document.undo_stack.count() == 0


def test_dropping_on_the_palette_changes_nothing(filled):
    mime = filled.week_model.entries_mime(0, "breakfast", [0])
    view = filled.palette_panel.list
    drop = QDropEvent(
        QPointF(view.viewport().rect().center()),
        COPY_OR_MOVE,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), drop)
    assert filled.document.undo_stack.count() == 0
    assert len(filled.document.plan.cell(0, "breakfast")) == 2


def test_start_drag_carries_the_pressed_food_and_changes_nothing(filled, qtbot, monkeypatch):
    grid, model = filled.grid, filled.week_model
    rect = grid.visualRect(model.index(0, 0))
    line = grid.fontMetrics().height() + 4
    second = rect.topLeft() + type(rect.topLeft())(20, 3 + line + line // 2)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=second)
    assert grid.current_entry() == (0, "breakfast", 1)
    seen = {}

    def fake_exec(drag: QDrag, *args):
        seen["drag"] = decode_foods(drag.mimeData())
        seen["args"] = args
        return Qt.DropAction.MoveAction  # the source must not remove anything itself

    monkeypatch.setattr(QDrag, "exec", fake_exec)
    grid.startDrag(COPY_OR_MOVE)
    assert seen["drag"].items == (CarriedFood("oats", 2.0, source=(0, "breakfast", 1)),)
    assert len(filled.document.plan.cell(0, "breakfast")) == 2


def test_up_and_down_walk_through_the_foods_of_a_meal(filled, qtbot):
    grid = filled.grid
    grid.setFocus()
    grid.setCurrentIndex(filled.week_model.index(0, 0))
    assert grid.current_entry() == (0, "breakfast", 0)
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert grid.current_entry() == (0, "breakfast", 1)
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert grid.current_cell() == (0, "lunch")
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    assert grid.current_entry() == (0, "breakfast", 1)
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    assert grid.current_entry() == (0, "breakfast", 0)


def test_a_full_cell_says_how_many_more_it_holds(make_window):
    plan = Plan(START)
    for food in ("kefir", "oats", "lentils", "apple", "kimchi", "garlic", "onion", "leek"):
        AddFood(0, "breakfast", food).apply(plan)
    window = make_window(plan)
    grid = window.grid
    image = grid.viewport().grab()
    assert not image.isNull()
    tip = window.week_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.count(" x1") == 8  # the tooltip lists every food


def test_the_drag_payload_of_a_palette_is_one_serving(window):
    mime = palette_mime(window, "kefir")
    assert decode_foods(mime).items == (CarriedFood("kefir", 1.0, source=None),)
    assert decode_foods(encode_foods([CarriedFood("kefir")], None)) is not None


def test_a_meal_row_grows_to_show_its_fullest_cell_and_shrinks_back(window):
    grid, doc = window.grid, window.document
    header = grid.verticalHeader()
    window.resize(1280, 800)
    lunch = MEALS.index("lunch")
    before = header.sectionSize(lunch)
    line = CellDelegate.line_height(grid.fontMetrics())
    foods = ("kefir", "oats", "lentils", "apple", "kimchi", "garlic", "onion", "leek")
    for food in foods * 2:  # 16 foods: more than a row shares of the window's height
        doc.apply(AddFood(4, "lunch", food, 1.0))
    # Adding a food already in the meal merges servings: 8 lines, not 16.
    assert len(doc.plan.cell(4, "lunch")) == len(foods)
    grown = header.sectionSize(lunch)
    assert grown >= len(foods) * line + 8 > before
    assert header.sectionSize(MEALS.index("dinner")) < grown
    window.scores.flush()  # new scores alone leave the rows as they are
    assert header.sectionSize(lunch) == grown
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert doc.plan.cell(4, "lunch") == ()
    assert header.sectionSize(lunch) == before


def test_a_cell_line_is_laid_out_for_its_width_and_fonts_as_if_afresh(window):
    """The grid keeps each line's layout; a narrower column, a larger font or a dish the
    book lost (its name in italics) must be laid out as a fresh layout would be."""
    from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter

    from ui.models.week import RECIPE, UNKNOWN_RECIPE, CellLine
    from ui.views.delegates import fit_name, line_amount

    delegate = CellDelegate(window.grid)
    lines = [
        CellLine("Salmon, Atlantic, farmed, cooked, dry heat", "x1.5", "anti_inflammatory"),
        CellLine("Lentil soup with garlic and cumin", "×2 portions", None, RECIPE, "×2"),
        CellLine("Lentil soup with garlic and cumin", "×2 portions", None, UNKNOWN_RECIPE, "×2"),
    ]
    image = QImage(400, 100, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        for size in (9.0, 14.0):
            font = QFont(window.grid.font())
            font.setPointSizeF(size)
            painter.setFont(font)
            fm = QFontMetrics(font)
            fonts = (font.key(), painter.font().key())
            for width in (300, 120, 60, 120):
                for line in lines:
                    amount = line_amount(fm, line, width)
                    amount_w = fm.horizontalAdvance(amount) + 4
                    name_font = QFont(font)
                    name_font.setItalic(line.kind == UNKNOWN_RECIPE)
                    name = fit_name(QFontMetrics(name_font), line.name, width - amount_w - 13)
                    laid = delegate._layout(painter, fm, fonts, line, width)
                    assert laid == (amount, amount_w, name)
    finally:
        painter.end()
