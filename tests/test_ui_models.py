"""The item models: qtmodeltester, the drag payload, and drops straight on the model."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt

from planner.core.carried import CarriedFood
from planner.core.edits import AddFood
from planner.core.plan import MEALS, Plan
from planner.scoring.results import Suggestion
from tests.support.gui import QT_LOG_IGNORE, START
from ui.document import PlanDocument
from ui.models.foods import FoodListModel
from ui.models.mime import MIME_TYPE, decode_foods, encode_foods
from ui.models.roles import ENTRIES_ROLE
from ui.models.suggestions import SuggestionModel
from ui.models.week import SCORE_ROW, WeekModel

pytestmark = [QT_LOG_IGNORE, pytest.mark.usefixtures("qapp")]
COPY, MOVE = Qt.DropAction.CopyAction, Qt.DropAction.MoveAction


@pytest.fixture
def doc(qapp):
    plan = Plan(START)
    AddFood(0, "breakfast", "kefir").apply(plan)
    AddFood(0, "breakfast", "oats", 2).apply(plan)
    AddFood(2, "dinner", "lentils").apply(plan)
    return PlanDocument(plan)


@pytest.fixture
def week(doc, tiny_catalog):
    return WeekModel(doc, tiny_catalog)


def raw_mime(payload: bytes, fmt: str = MIME_TYPE) -> QMimeData:
    mime = QMimeData()
    mime.setData(fmt, QByteArray(payload))
    return mime


def palette_mime(*ids: str) -> QMimeData:
    return encode_foods([CarriedFood(i) for i in ids], None)


# -- qtmodeltester ---------------------------------------------------------------------------
def test_food_list_model_passes_the_model_tester(qtmodeltester, tiny_catalog):
    model = FoodListModel(tiny_catalog)
    qtmodeltester.check(model)
    model.set_filter("spin")
    qtmodeltester.check(model)
    assert [model.food(r).name for r in range(model.rowCount())] == [
        "Spinach",
        "Spinach, cooked",
    ]


def test_week_model_passes_the_model_tester(qtmodeltester, week, doc):
    qtmodeltester.check(week)
    doc.apply(AddFood(3, "lunch", "apple"))
    qtmodeltester.check(week)


def test_suggestion_model_passes_the_model_tester(qtmodeltester):
    model = SuggestionModel()
    model.set_suggestions(
        [Suggestion("kimchi", "Kimchi", "1/2 cup", 12.5, 80.0, "Adds a probiotic serving")]
    )
    qtmodeltester.check(model)
    assert model.index(0).data().startswith("+12")


def test_full_palette_passes_the_model_tester(qtmodeltester, catalog):
    from planner.core.foods import SR28

    model = FoodListModel([f for f in catalog if f.origin == SR28][:300])
    qtmodeltester.check(model)


# -- palettes --------------------------------------------------------------------------------
def test_palette_filter_needs_every_word_in_any_order(tiny_catalog):
    model = FoodListModel(tiny_catalog)
    model.set_filter("COOKED spin")
    assert [model.food(0).id] == ["spinach_cooked"] and model.rowCount() == 1
    model.set_filter("")
    assert model.rowCount() == len(tiny_catalog)


def test_palette_tooltip_names_serving_fiber_and_what_the_category_does(tiny_catalog):
    model = FoodListModel(tiny_catalog)
    model.set_avoid_tags(frozenset({"dairy"}))
    row = model.row_of("kefir")
    tip = model.index(row).data(Qt.ItemDataRole.ToolTipRole)
    assert "Serving: 1 serving" in tip and "Fiber: 0.0 g" in tip
    assert "Fermented foods" in tip and "Contains dairy, which you avoid." in tip
    apple = model.index(model.row_of("apple")).data(Qt.ItemDataRole.ToolTipRole)
    assert "Fiber: unknown" in apple


def test_palette_takes_no_drops_and_drags_one_serving(tiny_catalog):
    model = FoodListModel(tiny_catalog)
    assert not model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled
    drag = decode_foods(model.mimeData([model.index(0)]))
    assert drag is not None and drag.items == (CarriedFood("kefir", 1.0, source=None),)


def test_filtering_all_sr28_foods_narrows_with_each_keystroke(catalog):
    """Each keystroke narrows the list to foods holding every word typed (its speed is a
    row of python -m benchmarks: palette search, slowest keystroke)."""
    model = FoodListModel(catalog)
    counts = []
    for text in ("c", "ch", "che", "chee", "chees", "cheese", "cheese ched"):
        model.set_filter(text)
        counts.append(model.rowCount())
        names = [model.food(row).name.casefold() for row in range(model.rowCount())]
        assert all(all(word in name for word in text.split()) for name in names)
    assert counts == sorted(counts, reverse=True) and counts[-1] > 0


# -- the week model --------------------------------------------------------------------------
def test_cells_list_foods_with_servings_and_headers_show_dates(week):
    assert week.index(0, 0).data() == "Kefir x1\nOats x2"
    assert week.headerData(0, Qt.Orientation.Horizontal) == "Mon 30 Nov"
    assert week.headerData(SCORE_ROW, Qt.Orientation.Vertical) == "Score"
    assert "nothing planned" in week.index(1, 0).data(Qt.ItemDataRole.AccessibleTextRole)


def test_score_row_is_neither_dragged_nor_dropped_on(week):
    flags = week.flags(week.index(SCORE_ROW, 0))
    assert not flags & (Qt.ItemFlag.ItemIsDropEnabled | Qt.ItemFlag.ItemIsDragEnabled)
    assert not week.canDropMimeData(palette_mime("kimchi"), COPY, -1, -1, week.index(SCORE_ROW, 0))


def test_a_palette_food_dropped_on_a_cell_adds_one_serving(week, doc):
    mime = palette_mime("kimchi")
    target = week.index(1, 3)  # Thursday lunch
    assert week.canDropMimeData(mime, COPY, -1, -1, target)
    assert week.dropMimeData(mime, COPY, -1, -1, target)
    assert [(e.food_id, e.amount) for e in doc.plan.cell(3, "lunch")] == [("kimchi", 1.0)]
    assert doc.undo_stack.count() == 1


def test_a_drop_between_cells_lands_on_the_row_and_column_given(week, doc):
    assert week.dropMimeData(palette_mime("kimchi"), COPY, 2, 4, QModelIndex())
    assert doc.plan.cell(4, "dinner")[0].food_id == "kimchi"


def test_a_cell_food_moves_and_with_copy_is_copied_with_its_servings(week, doc):
    source = week.entries_mime(0, "breakfast", [1])  # oats x2
    assert week.dropMimeData(source, MOVE, -1, -1, week.index(1, 1))
    assert [e.food_id for e in doc.plan.cell(0, "breakfast")] == ["kefir"]
    assert doc.plan.cell(1, "lunch")[0].amount == 2
    again = week.entries_mime(1, "lunch", [0])
    assert week.dropMimeData(again, COPY, -1, -1, week.index(0, 0))
    assert doc.plan.cell(1, "lunch")[0].amount == 2
    assert doc.plan.cell(0, "breakfast")[1].amount == 2


def test_moving_a_whole_cell_keeps_every_food(week, doc):
    mime = week.mimeData([week.index(0, 0)])
    assert week.dropMimeData(mime, MOVE, -1, -1, week.index(3, 6))
    assert doc.plan.cell(0, "breakfast") == ()
    assert [e.food_id for e in doc.plan.cell(6, "snacks")] == ["kefir", "oats"]
    doc.undo_stack.undo()
    assert [e.food_id for e in doc.plan.cell(0, "breakfast")] == ["kefir", "oats"]


def test_a_move_onto_its_own_cell_changes_nothing(week, doc):
    mime = week.entries_mime(0, "breakfast", [0])
    assert not week.dropMimeData(mime, MOVE, -1, -1, week.index(0, 0))
    assert doc.undo_stack.count() == 0


def test_a_stale_move_is_refused_with_a_message(week, doc, qtbot):
    mime = week.entries_mime(0, "breakfast", [1])
    doc.apply(AddFood(5, "lunch", "apple"))
    from planner.core.edits import RemoveEntry

    doc.apply(RemoveEntry(0, "breakfast", 1))
    with qtbot.waitSignal(doc.refused) as refused:
        assert not week.dropMimeData(mime, MOVE, -1, -1, week.index(1, 1))
    assert "no longer" in refused.args[0]
    assert doc.plan.cell(1, "lunch") == ()


def test_foods_from_another_plan_are_copied_not_moved(week, doc):
    foreign = encode_foods([CarriedFood("lentils", 3, source=(0, "breakfast", 0))], "another-plan")
    assert week.dropMimeData(foreign, MOVE, -1, -1, week.index(1, 1))
    assert [e.food_id for e in doc.plan.cell(0, "breakfast")] == ["kefir", "oats"]
    assert doc.plan.cell(1, "lunch")[0].amount == 3


def test_unknown_foods_from_outside_are_ignored(week, doc):
    assert not week.dropMimeData(palette_mime("no-such-food"), COPY, -1, -1, week.index(1, 1))
    assert doc.undo_stack.count() == 0
    # Known foods in the same drag still arrive; the unknown ones are left out.
    assert week.dropMimeData(palette_mime("no-such", "kimchi", "x"), COPY, -1, -1, week.index(1, 1))
    assert [e.food_id for e in doc.plan.cell(1, "lunch")] == ["kimchi"]


def test_servings_over_the_limit_are_refused(week, doc, qtbot):
    heavy = encode_foods([CarriedFood("kefir", 20)], None)
    with qtbot.waitSignal(doc.refused) as refused:
        assert not week.dropMimeData(heavy, COPY, -1, -1, week.index(0, 0))
    assert "at most 20" in refused.args[0]
    assert doc.plan.cell(0, "breakfast")[0].amount == 1


@pytest.mark.parametrize(
    "mime",
    [
        raw_mime(b"kefir", "text/plain"),
        raw_mime(b""),
        raw_mime(b"not json"),
        raw_mime(b'{"v": 1, "doc": null, "items": "kefir"}'),
        raw_mime(b'{"v": 3, "doc": null, "items": [{"food": "kefir"}]}'),
        raw_mime(b'{"v": 1, "doc": null, "items": [{"food": "kefir", "servings": NaN}]}'),
        raw_mime(b'{"v": 1, "doc": null, "items": [{"food": "kefir", "from": [0, "tea", 0]}]}'),
        raw_mime(b'{"v": 1, "doc": null, "items": []}'),
        raw_mime(b"[" * 100_000),
        raw_mime(b"\xff\xfe"),
        QMimeData(),
        raw_mime(b"file:///home/someone/week.gutplan\r\n", "text/uri-list"),
    ],
    ids=[
        "foreign",
        "empty",
        "text",
        "not-a-list",
        "newer",
        "nan",
        "bad-meal",
        "no-items",
        "deep",
        "not-utf8",
        "no-formats",
        "file-manager",
    ],
)
def test_foreign_and_malformed_drag_data_is_ignored(week, doc, mime):
    target = week.index(1, 1)
    assert not week.canDropMimeData(mime, COPY, -1, -1, target)
    assert not week.dropMimeData(mime, COPY, -1, -1, target)
    assert doc.undo_stack.count() == 0


def test_ignore_action_and_invalid_targets_change_nothing(week, doc):
    mime = palette_mime("kimchi")
    assert week.dropMimeData(mime, Qt.DropAction.IgnoreAction, -1, -1, week.index(0, 0))
    assert not week.dropMimeData(mime, COPY, -1, -1, QModelIndex())
    assert not week.dropMimeData(mime, Qt.DropAction.LinkAction, -1, -1, week.index(0, 0))
    assert not week.dropMimeData(mime, COPY, 9, 9, QModelIndex())
    assert doc.undo_stack.count() == 0


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.binary(max_size=300)
    | st.builds(
        lambda v: json.dumps(v).encode(),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
            lambda inner: (
                st.lists(inner, max_size=4)
                | st.dictionaries(st.text(max_size=6), inner, max_size=4)
            ),
            max_leaves=12,
        ),
    )
)
def test_any_bytes_in_the_payload_never_raise(week, doc, payload):
    mime = raw_mime(payload)
    week.canDropMimeData(mime, COPY, -1, -1, week.index(1, 1))
    week.dropMimeData(mime, COPY, -1, -1, week.index(1, 1))
    assert all(e.food_id in ("kefir", "oats", "lentils") for *_, e in doc.plan.entries())


def test_payload_round_trip_keeps_ids_servings_and_sources():
    items = [CarriedFood("kefir", 1.5, source=(3, "lunch", 0)), CarriedFood("oats")]
    drag = decode_foods(encode_foods(items, "doc-1", "Kefir x1.5"))
    assert drag is not None and drag.token == "doc-1" and drag.items == tuple(items)


def test_the_week_model_follows_edits_and_undo(week, doc, qtbot):
    with qtbot.waitSignal(week.dataChanged):
        doc.apply(AddFood(0, "lunch", "apple"))
    assert week.index(1, 0).data() == "Apple x1"
    with qtbot.waitSignal(week.dataChanged):
        doc.undo_stack.undo()
    assert week.index(1, 0).data() == ""


def test_tooltips_show_markup_in_names_literally():
    from PySide6.QtGui import QTextDocument

    from planner.storage.userfoods import make_food
    from ui.models.foods import food_tooltip

    food = make_food('<b>Tea & "Toast"</b>', categories=["fiber"])
    tip = food_tooltip(food)
    shown = QTextDocument()
    shown.setHtml(tip)
    assert shown.toPlainText().splitlines()[0] == '<b>Tea & "Toast"</b>'
    plain = food_tooltip(make_food("Oat bran", categories=["fiber"]))
    assert plain.startswith("Oat bran\n")


def test_a_cell_shows_its_foods_after_every_edit_and_undo(doc, week, tiny_catalog):
    """The cells' food lists are cached for painting: an edit, its undo and its redo must
    each leave the grid showing the plan as it is, never an old list."""
    cell = week.index(MEALS.index("breakfast"), 0)

    def shown() -> list[str]:
        return [view[0] for view in week.data(cell, ENTRIES_ROLE)]

    first = shown()  # fills the cache
    assert first == [tiny_catalog.name_of("kefir"), tiny_catalog.name_of("oats")]
    assert doc.apply(AddFood(0, "breakfast", "lentils"))
    assert shown() == [*first, tiny_catalog.name_of("lentils")]
    doc.undo_stack.undo()
    assert shown() == first
    doc.undo_stack.redo()
    assert shown() == [*first, tiny_catalog.name_of("lentils")]


def test_a_fermented_foods_tooltip_says_whether_its_cultures_are_alive(catalog):
    from ui.models.foods import food_tooltip

    assert "likely alive" in food_tooltip(catalog["kefir"])
    assert "none left" in food_tooltip(catalog["sauerkraut"])
    assert "unknown" in food_tooltip(catalog["kimchi"])
    assert "Live cultures:" not in food_tooltip(catalog["apple"])
