"""The palette after a keystroke: matches ranked by one comprehension for a one-word
query, and rows laid out in batches, the first at once and the rest between keystrokes,
while a food picked by id is still scrolled into view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from planner.core.foods import rank_names, ranker, spaced_name
from tests.support.gui import QT_LOG_IGNORE

pytestmark = QT_LOG_IGNORE


@pytest.mark.parametrize(
    "query", ["c", "chicken", "chicken breast", "OIL", "(raw)", "-", "tea,", "ch br", "zzz"]
)
def test_rank_names_ranks_as_ranker_does(catalog, query: str) -> None:
    words = query.casefold().split()
    spaced = [spaced_name(food.name.casefold()) for food in catalog]
    rank = ranker(words)
    assert rank_names(words, spaced) == [rank(name) for name in spaced]


def test_a_search_lays_out_its_first_rows_at_once_and_the_rest_after(qtbot, catalog) -> None:
    from PySide6.QtWidgets import QListView

    from ui.panels.palette import ALL, PalettePanel
    from ui.views.lists import LAYOUT_BATCH

    panel = PalettePanel(catalog)
    qtbot.addWidget(panel)
    panel.resize(320, 700)
    panel.show()
    panel.show_palette(ALL)
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.list.visualRect(panel.current_model().index(8000)).isValid())
    panel.search.setText("c")
    panel.apply_filter()
    panel.list.executeDelayedItemsLayout()  # as the paint after the keystroke would
    model = panel.current_model()
    assert model.rowCount() > 2 * LAYOUT_BATCH
    first, last = model.index(0), model.index(model.rowCount() - 1)
    # Laid out in batches: the first rows at once, the rest on later turns of the event
    # loop (on a loaded machine a turn may come before this line: hence no "not yet").
    assert panel.list.layoutMode() == QListView.LayoutMode.Batched
    assert panel.list.batchSize() == LAYOUT_BATCH
    qtbot.waitUntil(lambda: panel.list.visualRect(first).isValid(), timeout=5000)
    qtbot.waitUntil(lambda: panel.list.visualRect(last).isValid(), timeout=5000)


def test_a_food_far_down_a_fresh_search_is_scrolled_into_view(qtbot, catalog) -> None:
    from ui.panels.palette import ALL, PalettePanel

    panel = PalettePanel(catalog)
    qtbot.addWidget(panel)
    panel.resize(320, 700)
    panel.show()
    panel.show_palette(ALL)
    panel.search.setText("c")
    panel.apply_filter()
    model = panel.current_model()
    last = model.food(model.rowCount() - 1)
    assert last is not None
    assert panel.select_food(last.id)
    QCoreApplication.processEvents()
    rect = panel.list.visualRect(model.index(model.rowCount() - 1))
    assert rect.isValid() and panel.list.viewport().rect().intersects(rect)
