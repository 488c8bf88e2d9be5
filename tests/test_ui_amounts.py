"""Amounts and dishes in the window: the amount box and its unit (one undoable edit, the
weight kept across a unit switch), the metric/US setting, recipe cells with their
ingredients, an unknown recipe kept, and scores that count a dish by its ingredients."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from planner.core.amounts import FoodResolver
from planner.core.edits import AddFood
from planner.core.plan import GRAMS_PER_OUNCE, Entry, Plan
from planner.scoring.model import Preferences
from planner.storage.planfile import load_plan, save_plan
from tests.support.gui import QT_LOG_IGNORE, START, score_of
from ui import dialogs
from ui.models.amounts import EntryWords, count_text, plural, weight_text
from ui.models.roles import ENTRIES_ROLE
from ui.models.week import RECIPE, UNKNOWN_RECIPE
from ui.settings import METRIC, US, Settings

pytestmark = QT_LOG_IGNORE

SOUP = "lentil-soup-leek"


def entry(window, day: int, meal: str, index: int = 0) -> Entry:
    return window.document.plan.cell(day, meal)[index]


def choose_unit(window, unit: str) -> None:
    """Pick ``unit`` in the bar's unit combo as a person does (activated, not set)."""
    combo = window.amount_unit
    index = combo.findData(unit)
    assert index >= 0, f"{unit} is not offered: {[combo.itemData(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def cell_lines(window, day: int, meal: str):
    return window.week_model.index_of(day, meal).data(ENTRIES_ROLE)


# -- the amount box -------------------------------------------------------------------------
def test_the_amount_box_sets_the_amount_in_one_undoable_edit(window, qtbot):
    window.grid.set_current(1, "lunch")
    assert window.add_food("kefir")
    count = window.document.undo_stack.count()
    window.servings.setValue(2.5)
    assert entry(window, 1, "lunch") == Entry("kefir", 2.5, "serving")
    assert window.document.undo_stack.count() == count + 1
    # Ctrl+Z in the box undoes the plan's edit, not the box's text.
    window.servings.setFocus()
    qtbot.keyClick(window.servings, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert entry(window, 1, "lunch") == Entry("kefir", 1.0, "serving")
    assert window.servings.value() == 1


def test_switching_the_unit_keeps_the_weight_in_one_undoable_edit(window, catalog):
    resolver = FoodResolver(catalog)
    window.grid.set_current(2, "breakfast")
    assert window.add_food("kefir")
    window.servings.setValue(1.5)
    grams = resolver.grams(entry(window, 2, "breakfast"))
    assert grams == pytest.approx(1.5 * catalog.get("kefir").grams)
    before = window.document.undo_stack.count()
    for unit in ("g", "oz"):
        choose_unit(window, unit)
        now = entry(window, 2, "breakfast")
        assert now.unit == unit
        assert resolver.grams(now) == pytest.approx(grams, rel=1e-9)
        assert window.amount_unit.currentData() == unit
        if unit == "g":
            assert now.amount == pytest.approx(grams)
    assert window.document.undo_stack.count() == before + 2  # one step per switch
    window.act_undo.trigger()
    assert entry(window, 2, "breakfast").unit == "g"
    window.act_undo.trigger()
    assert entry(window, 2, "breakfast") == Entry("kefir", 1.5, "serving")
    assert window.amount_unit.currentData() == "serving"
    assert window.servings.value() == 1.5


def test_a_household_measure_is_offered_and_converted(window, catalog):
    resolver = FoodResolver(catalog)
    window.grid.set_current(0, "dinner")
    assert window.add_food("lentils")
    combo = window.amount_unit
    units = [combo.itemData(i) for i in range(combo.count())]
    assert units[:3] == ["serving", "g", "oz"]
    measures = units[3:]
    assert measures, "SR28's household measures of lentils"
    grams = resolver.grams(entry(window, 0, "dinner"))
    choose_unit(window, measures[0])
    assert resolver.grams(entry(window, 0, "dinner")) == pytest.approx(grams)
    # A new amount in the measure is an amount of that measure.
    window.servings.setValue(2)
    assert entry(window, 0, "dinner") == Entry("lentils", 2.0, measures[0])


def test_a_unit_switch_past_the_bound_is_refused_and_the_box_shows_the_plan(window):
    window.grid.set_current(0, "snacks")
    assert window.add_food("kefir")
    choose_unit(window, "g")
    window.servings.setValue(4999)
    assert entry(window, 0, "snacks") == Entry("kefir", 4999.0, "g")
    count = window.document.undo_stack.count()
    # 4,999 g of kefir is more than 20 servings: refused, said, and nothing changes.
    choose_unit(window, "serving")
    assert entry(window, 0, "snacks") == Entry("kefir", 4999.0, "g")
    assert window.document.undo_stack.count() == count
    assert window.amount_unit.currentData() == "g"
    assert window.servings.value() == 4999
    assert "Not changed" in window.statusBar().currentMessage()


def test_a_recipe_is_given_in_portions(window):
    window.grid.set_current(3, "lunch")
    window.document.apply(AddFood(3, "lunch", f"recipe:{SOUP}", 2))
    window.grid.set_current(3, "lunch", 0)
    combo = window.amount_unit
    assert [combo.itemData(i) for i in range(combo.count())] == ["portion"]
    window.servings.setValue(3)
    assert entry(window, 3, "lunch") == Entry(f"recipe:{SOUP}", 3.0, "portion")
    # What three portions weigh, beside the box.
    assert window.entry_bar.weight_label.text().startswith("= ")


def test_the_amount_dialog_sets_amount_and_unit(window, monkeypatch):
    window.grid.set_current(2, "lunch")
    window.add_food("lentils")
    seen = {}

    def ask(cls, parent, name, amount, unit, choices):
        seen.update(name=name, amount=amount, unit=unit, units=[c.unit for c in choices])
        return 150.0, "g"

    monkeypatch.setattr(dialogs.AmountDialog, "ask", classmethod(ask))
    window.act_servings.trigger()
    assert seen["name"] == "Lentils, cooked" and seen["unit"] == "serving"
    assert "g" in seen["units"] and "oz" in seen["units"]
    assert entry(window, 2, "lunch") == Entry("lentils", 150.0, "g")
    window.act_undo.trigger()
    assert entry(window, 2, "lunch") == Entry("lentils", 1.0, "serving")


def test_the_amount_dialog_converts_when_the_unit_changes(qtbot, catalog, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from planner.core.amounts import units_of
    from ui.views.amount import AmountEditor

    kefir = catalog.get("kefir")
    made: list[AmountEditor] = []
    real_init = AmountEditor.__init__

    def keep(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        made.append(self)

    def accept(dialog):
        editor = made[-1]
        index = editor.combo.findData("g")
        editor.combo.setCurrentIndex(index)
        editor.combo.activated.emit(index)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AmountEditor, "__init__", keep)
    monkeypatch.setattr(QDialog, "exec", accept)
    chosen = dialogs.AmountDialog.ask(None, "Kefir", 0.5, "serving", units_of(kefir))
    assert chosen is not None
    amount, unit = chosen
    assert unit == "g" and amount == pytest.approx(0.5 * kefir.grams)


# -- the metric / US setting ------------------------------------------------------------------
def test_the_setting_chooses_grams_or_ounces_in_cells_and_is_kept(make_window, tmp_path):
    window = make_window()
    window.set_unit_system(METRIC)
    window.document.apply(AddFood(0, "breakfast", "oats", 40, "g"))
    window.document.apply(AddFood(0, "breakfast", "kefir"))
    assert [line.amount for line in cell_lines(window, 0, "breakfast")] == ["40 g", "x1"]
    window.set_unit_system(US)
    lines = cell_lines(window, 0, "breakfast")
    assert [line.amount for line in lines] == [f"{40 / GRAMS_PER_OUNCE:.1f} oz", "x1"]
    assert "1.4 oz" in window.week_model.index_of(0, "breakfast").data()
    assert window.settings.unit_system == US
    assert Settings(tmp_path / "settings.ini").unit_system == US  # kept in the file
    # The plan itself is unchanged: only how it shows.
    assert entry(window, 0, "breakfast") == Entry("oats", 40.0, "g")
    # The bar shows the weight of an amount not given in the setting's unit.
    window.grid.set_current(0, "breakfast", 1)
    assert window.entry_bar.weight_label.text() == f"= {weight_text(244, US)}"


def test_preferences_change_the_unit_system(window, monkeypatch):
    window.document.apply(AddFood(0, "lunch", "lentils", 200, "g"))
    current = window.settings.unit_system
    other = US if current == METRIC else METRIC
    seen = {}

    def ask(cls, parent, prefs, default, seconds, **kwargs):
        seen.update(kwargs)
        return dialogs.Chosen(Preferences(), seconds, None, other)

    monkeypatch.setattr(dialogs.PreferencesDialog, "ask", classmethod(ask))
    window.act_prefs.trigger()
    assert seen["unit_system"] == current
    assert window.settings.unit_system == other
    expected = "200 g" if other == METRIC else "7.1 oz"
    assert cell_lines(window, 0, "lunch")[0].amount == expected


def test_the_preferences_dialog_offers_the_unit_system(qtbot):
    dialog = dialogs.PreferencesDialog(Preferences(), 30.0, None, 60.0, None, US)
    qtbot.addWidget(dialog)
    assert dialog.unit_system is not None
    assert dialog.chosen().unit_system == US
    dialog.unit_system.setCurrentIndex(dialog.unit_system.findData(METRIC))
    assert dialog.chosen().unit_system == METRIC


def test_a_damaged_setting_falls_back_to_the_locale(tmp_path):
    path = tmp_path / "settings.ini"
    path.write_text("[display]\nunit_system=furlongs\n", encoding="utf-8")
    assert Settings(path).unit_system in (METRIC, US)


# -- recipe cells -------------------------------------------------------------------------------
def test_a_recipe_cell_shows_the_dish_its_portions_and_ingredients(window):
    book = window.recipe_book
    assert book is not None and SOUP in book
    soup = book[SOUP]
    window.document.apply(AddFood(1, "dinner", f"recipe:{SOUP}", 2))
    index = window.week_model.index_of(1, "dinner")
    assert index.data() == f"{soup.name} ×2 portions"
    (line,) = cell_lines(window, 1, "dinner")
    assert line.kind == RECIPE and line.name == soup.name and line.amount == "×2 portions"
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
    # Every ingredient line, scaled from the recipe's portions to the two planned.
    scale = 2 / soup.portions
    for item in soup.counted:
        name = window.catalog.name_of(item.food_id)
        assert name in tip and name in spoken
        assert weight_text(item.grams * scale, window.week_model.words.system) in tip
    garlic = next(i for i in soup.counted if i.food_id == "garlic" and i.count)
    assert (
        f"{count_text(garlic.count * scale)} {plural(garlic.measure, garlic.count * scale)}" in tip
    )
    assert "a dish of" in spoken


def test_an_unknown_recipe_shows_as_such_and_is_kept(make_window, tmp_path):
    plan = Plan(START)
    AddFood(0, "lunch", "recipe:no-such-dish", 1.5).apply(plan)
    AddFood(0, "lunch", "kefir").apply(plan)
    window = make_window(plan)
    index = window.week_model.index_of(0, "lunch")
    lines = cell_lines(window, 0, "lunch")
    assert [line.kind for line in lines] == [UNKNOWN_RECIPE, "food"]
    assert lines[0].name == "unknown recipe" and lines[0].amount == "×1.5 portions"
    assert "kept in the plan" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "unknown recipe" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    # Selecting it, moving on and saving loses nothing.
    window.grid.set_current(0, "lunch", 0)
    assert "not in your recipes" in window.entry_label.text()
    path = tmp_path / "kept.gutplan"
    save_plan(window.document.plan, path)
    assert load_plan(path).cell(0, "lunch")[0] == Entry("recipe:no-such-dish", 1.5, "portion")


def test_entry_words_without_a_book_call_every_recipe_unknown(catalog):
    words = EntryWords(catalog)
    dish = Entry(f"recipe:{SOUP}", 1, "portion")
    assert words.name(dish) == "unknown recipe"
    assert words.line(Entry("kefir", 2, "cup")) == "Kefir, plain 2 cups"
    assert words.amount(Entry("kefir", 0.5, "tbsp")) == "½ tbsp"
    assert words.amount(Entry("kefir", 1, "portion")) == "×1 portion"


# -- scores follow recipes -----------------------------------------------------------------------
def test_a_dish_scores_as_its_ingredients_and_follows_the_book(make_window):
    window = make_window()
    book = window.recipe_book
    soup = book[SOUP]
    window.document.apply(AddFood(0, "dinner", f"recipe:{SOUP}", 1))
    # The same foods entered one by one, in grams, on another day.
    for item in soup.counted:
        window.document.apply(AddFood(1, "dinner", item.food_id, item.grams / soup.portions, "g"))
    window.scores.flush()
    dish, by_hand = score_of(window, 0), score_of(window, 1)
    assert dish is not None and dish > 0
    assert dish == pytest.approx(by_hand, abs=0.5)
    # The day panel's energy counts the dish's ingredients too.
    window.grid.set_current(0, "dinner")
    energy = window.day_panel.everyday["energy_kcal"].text()
    window.grid.set_current(1, "dinner")
    assert energy == window.day_panel.everyday["energy_kcal"].text()
    assert energy not in ("–", "unknown") and "kcal" in energy
    # A book without the dish: the day is no longer scored by it.
    from planner.recipes.book import RecipeBook

    smaller = RecipeBook(window.catalog, [r for r in book if r.id != SOUP])
    window.set_recipe_book(smaller)
    window.scores.flush()
    assert score_of(window, 0) != dish
    assert cell_lines(window, 0, "dinner")[0].kind == UNKNOWN_RECIPE
    window.set_recipe_book(book)
    window.scores.flush()
    assert score_of(window, 0) == pytest.approx(dish)


def test_the_default_follows_the_locale_until_chosen(tmp_path):
    from PySide6.QtCore import QLocale

    before = QLocale()
    try:
        for language, country, expected in (
            (QLocale.Language.English, QLocale.Country.UnitedStates, US),
            (QLocale.Language.German, QLocale.Country.Germany, METRIC),
            (QLocale.Language.English, QLocale.Country.UnitedKingdom, METRIC),
        ):
            QLocale.setDefault(QLocale(language, country))
            assert Settings(tmp_path / f"{country.name}.ini").unit_system == expected
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        chosen = Settings(tmp_path / "chosen.ini")
        chosen.unit_system = METRIC
        assert chosen.unit_system == METRIC
    finally:
        QLocale.setDefault(before)


def test_a_dish_is_painted_with_a_mark_of_its_own(window):
    from PySide6.QtGui import QColor

    from ui.theme import category_color

    window.resize(1200, 800)
    window.document.apply(AddFood(0, "dinner", f"recipe:{SOUP}", 1))
    window.document.apply(AddFood(1, "dinner", "kefir"))
    window.grid.set_current(3, "snacks")  # neither cell selected or current
    view = window.grid

    def mark_colours(day: int) -> set[str]:
        rect = view.visualRect(window.week_model.index_of(day, "dinner"))
        image = view.viewport().grab().toImage()
        return {
            image.pixelColor(x, y).name()
            for x in range(rect.left() + 4, rect.left() + 13)
            for y in range(rect.top() + 3, rect.top() + 20)
        }

    text = view.palette().color(view.palette().ColorRole.Text).name()
    kefir = QColor(category_color(window.catalog.get("kefir").primary_category())).name()
    assert text in mark_colours(0) and kefir not in mark_colours(0)
    assert kefir in mark_colours(1) and text not in mark_colours(1)


def test_the_day_panels_suggestions_weigh_a_serving_in_the_chosen_unit(window, qtbot):
    window.grid.set_current(1, "breakfast")
    assert window.add_food("oats")
    suggestions = window.day_panel.suggestions
    for system, unit in ((METRIC, " g)"), (US, " oz)")):
        window.set_unit_system(system)
        qtbot.waitUntil(lambda: suggestions.rowCount() > 0, timeout=3000)
        first = suggestions.suggestion(0)
        assert first is not None
        text = suggestions.index(0).data()
        assert text.endswith(unit), text
        one = Entry(first.food_id)
        if one.is_recipe:
            one = Entry(first.food_id, 1.0, "portion")
        grams = window.scores.resolver.grams(one)
        assert grams is not None and weight_text(grams, system) in text


def test_a_saved_dish_carries_its_grams(window, tmp_path):
    import json

    window.document.apply(AddFood(0, "lunch", f"recipe:{SOUP}", 2))
    path = tmp_path / "dish.gutplan"
    window.document.save(path)
    text = json.dumps(json.loads(path.read_text(encoding="utf-8")))
    grams = window.scores.resolver.grams(entry(window, 0, "lunch"))
    assert grams is not None and f'"grams": {round(grams, 1)}' in text


@pytest.mark.parametrize("width", [40, 60, 90, 120, 400])
def test_a_narrow_cell_keeps_the_dish_name_and_shortens_its_portions(qapp, width):
    from PySide6.QtGui import QFont, QFontMetrics

    from ui.models.week import RECIPE, CellLine
    from ui.views.delegates import fit_name, line_amount

    fm = QFontMetrics(QFont())
    item = CellLine("Lentil soup with garlic, onion and leek", "×2 portions", None, RECIPE, "×2")
    amount = line_amount(fm, item, width)
    room = width - fm.horizontalAdvance(amount) - 17
    shown = fit_name(fm, item.name, room) if room > 0 else ""
    if amount == item.amount:
        # The long amount is kept only where the name (or its head) still shows whole.
        assert shown and not shown.endswith("…")
    else:
        assert amount == "×2"
    if width >= 400:
        assert amount == "×2 portions"
