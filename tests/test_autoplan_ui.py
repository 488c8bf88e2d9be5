"""Plan > Fill Week in the window: the constraints asked and remembered, the fill on a
worker thread with Cancel, and one fill as one undo step."""

from __future__ import annotations

from dataclasses import replace

import pytest

from planner.autoplan.model import Settings, settings_from_dict, settings_to_dict
from planner.core.edits import AddFood
from planner.core.plan import MEALS
from tests.support.gui import QT_LOG_IGNORE

pytestmark = QT_LOG_IGNORE


@pytest.fixture
def asked(monkeypatch):
    from ui.autoplan.dialog import AutoplanDialog

    seen: list[Settings] = []

    def ask(cls, parent, settings, title, catalog=None, book=None):
        seen.append(settings)
        return replace(settings, avoid_tags=frozenset({"nuts"}), plants_per_week=25)

    monkeypatch.setattr(AutoplanDialog, "ask", classmethod(ask))
    return seen


def test_fill_week_is_one_undo_step_and_remembers_its_settings(qtbot, window, asked):
    assert window.act_fill_week.text() == "&Fill Week…"
    window.act_fill_week.trigger()
    qtbot.waitUntil(lambda: not window.autoplan.running, timeout=30_000)
    plan = window.document.plan
    assert all(plan.cell(day, meal) for day in range(7) for meal in MEALS)
    assert window.document.undo_stack.count() == 1
    assert window.autoplan.last_result.average >= 85
    # Recipes are planned too, by default, each as one dish of its meal.
    assert any(c.candidate_id.startswith("recipe:") for c in window.autoplan.last_result.chosen)
    # The next fill starts from what was chosen.
    assert settings_from_dict(window.settings.autoplan).plants_per_week == 25
    window.act_why_foods.trigger()  # the fill explained, in a window that does not block
    from ui.autoplan.dialog import ExplanationDialog

    shown = window.findChildren(ExplanationDialog)
    assert shown and "Breakfast: " in shown[-1].view.toPlainText()
    shown[-1].close()
    window.act_fill_empty.trigger()  # nothing is empty: no dialog result needed
    window.document.undo_stack.undo()
    assert plan.entry_count() == 0


def test_fill_empty_meals_keeps_what_is_planned(qtbot, window, asked):
    window.document.apply(AddFood(0, "breakfast", "oats"))
    window.act_fill_empty.trigger()
    qtbot.waitUntil(lambda: not window.autoplan.running, timeout=30_000)
    plan = window.document.plan
    assert [e.food_id for e in plan.cell(0, "breakfast")] == ["oats"]
    assert plan.cell(0, "lunch") and plan.cell(6, "snacks")
    assert window.document.undo_stack.count() == 2


def test_cancel_changes_nothing(qtbot, window, asked, monkeypatch):
    import planner.autoplan.solve as solve

    real = solve.autoplan

    def slow(*args, **kwargs):
        kwargs["cancel"].wait(10)  # stands for a long search, until Cancel
        return real(*args, **kwargs)

    monkeypatch.setattr(solve, "autoplan", slow)
    window.act_fill_week.trigger()
    button = window.autoplan.cancel_button()
    qtbot.waitUntil(button.isVisible, timeout=5000)
    assert not window.act_fill_week.isEnabled()
    button.click()
    qtbot.waitUntil(lambda: not window.autoplan.running, timeout=30_000)
    assert window.document.plan.entry_count() == 0
    assert window.document.undo_stack.count() == 0
    assert window.act_fill_week.isEnabled()


def test_settings_survive_a_round_trip_and_damage():
    settings = Settings(
        avoid_tags=frozenset({"dairy"}),
        energy_min=1700,
        vegetarian=True,
        liked=frozenset({"kefir", "recipe:miso-soup-tofu"}),
        disliked=frozenset({"recipe:lentil-soup-leek"}),
        recipes=False,
    )
    assert settings_from_dict(settings_to_dict(settings)) == settings
    assert settings_from_dict({"energy": "lots"}) == Settings()
    assert settings_from_dict(None) == Settings()


def test_liked_and_disliked_foods_and_recipes_are_picked_from_a_search(qtbot, catalog):
    from PySide6.QtCore import Qt

    from planner.recipes.book import RecipeBook
    from ui.autoplan.dialog import AutoplanDialog

    book = RecipeBook.load(catalog)
    dialog = AutoplanDialog(None, Settings(liked=frozenset({"kefir"})), "Fill Week", catalog, book)
    qtbot.addWidget(dialog)
    liked, disliked = dialog.liked, dialog.disliked
    assert liked is not None and disliked is not None
    assert liked.chosen.item(0).text() == catalog["kefir"].name  # kept from the settings
    disliked.search.setText("lentil soup")
    assert disliked.matches.currentItem().text().endswith("(recipe)")
    disliked.add_button.click()
    disliked.search.setText("walnuts")
    rows = [disliked.matches.item(i) for i in range(disliked.matches.count())]
    assert rows[0].text().endswith("(recipe)")  # recipes with walnuts first, then foods
    disliked.matches.setCurrentItem(next(r for r in rows if not r.text().endswith("(recipe)")))
    disliked.add_current()
    found = disliked.ids() - {"recipe:lentil-soup-leek"}
    assert "recipe:lentil-soup-leek" in disliked.ids() and len(found) == 1
    assert "walnut" in catalog[next(iter(found))].name.casefold()
    # Liking what was disliked takes it off the disliked list, and back.
    dialog.show()
    liked.search.setText("lentil soup")
    qtbot.keyClick(liked.search, Qt.Key.Key_Return)  # adds, and the dialog stays open
    assert dialog.isVisible() and dialog.result_settings is None
    assert "recipe:lentil-soup-leek" in liked.ids()
    assert "recipe:lentil-soup-leek" not in disliked.ids()
    liked.chosen.setCurrentRow(0)
    removed = liked.chosen.item(0).data(0x0100)
    liked.remove_button.click()
    assert removed not in liked.ids() and len(liked.ids()) == 1
    dialog.recipes.setChecked(False)
    chosen = dialog.settings()
    assert chosen.liked == liked.ids() and chosen.disliked == disliked.ids()
    assert not chosen.recipes
    assert settings_from_dict(settings_to_dict(chosen)) == chosen


def test_an_id_that_names_nothing_is_shown_and_can_be_removed(qtbot, catalog):
    from ui.autoplan.dialog import AutoplanDialog

    gone = Settings(disliked=frozenset({"recipe:deleted-long-ago"}))
    dialog = AutoplanDialog(None, gone, "Fill Week", catalog, None)
    qtbot.addWidget(dialog)
    assert dialog.disliked is not None
    assert dialog.disliked.chosen.item(0).text() == "recipe:deleted-long-ago (not found)"
    dialog.disliked.chosen.setCurrentRow(0)
    dialog.disliked.remove_button.click()
    assert dialog.settings().disliked == frozenset()


def _filled(plan, week: int) -> int:
    return sum(len(plan.cell(d, m)) for d in range(7 * week, 7 * week + 7) for m in MEALS)


def test_a_fill_never_lands_on_a_plan_opened_meanwhile(qtbot, window, asked):
    from planner.core.plan import Plan
    from tests.support.gui import START

    window.act_fill_week.trigger()  # worked out on a worker; set on the next turns of the loop
    other = Plan(START)
    AddFood(0, "breakfast", "oats").apply(other)
    window.document.replace(other, title="Another plan")
    qtbot.waitUntil(lambda: not window.autoplan.running, timeout=30_000)
    assert window.document.plan is other
    assert [e.food_id for e in other.cell(0, "breakfast")] == ["oats"]
    assert other.entry_count() == 1 and not window.document.modified
    assert "another plan was opened" in window.statusBar().currentMessage()


def test_a_fill_never_lands_on_a_week_that_moved_or_on_meals_edited_meanwhile(
    qtbot, make_window, asked
):
    from planner.core.plan import Plan
    from tests.support.gui import START

    window = make_window(Plan(START, 2))
    window.set_week(1)
    window.act_fill_week.trigger()
    window.plan_weeks.insert_week()  # week 2 is week 3 now; week 2 is the old week 1
    qtbot.waitUntil(lambda: not window.autoplan.running, timeout=30_000)
    plan = window.document.plan
    assert [_filled(plan, w) for w in range(plan.weeks)] == [0, 0, 0]
    assert "changed or moved meanwhile" in window.statusBar().currentMessage()

    window.set_week(0)
    window.act_fill_week.trigger()
    window.document.apply(AddFood(2, "lunch", "oats"))  # a meal the fill was asked to fill
    qtbot.waitUntil(lambda: not window.autoplan.running, timeout=30_000)
    assert _filled(plan, 0) == 1


def test_a_fill_lands_when_only_other_weeks_were_edited_meanwhile(qtbot, make_window, asked):
    from planner.core.plan import Plan
    from tests.support.gui import START

    window = make_window(Plan(START, 2))
    window.act_fill_week.trigger()
    window.document.apply(AddFood(9, "lunch", "oats"))  # week 2: not the week being filled
    qtbot.waitUntil(lambda: not window.autoplan.running, timeout=30_000)
    plan = window.document.plan
    assert all(plan.cell(d, m) for d in range(7) for m in MEALS)
    assert [e.food_id for e in plan.cell(9, "lunch")] == ["oats"]
