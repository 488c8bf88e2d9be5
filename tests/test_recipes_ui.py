"""The import review dialog: each line with its match, confirmed, changed or kept as a note."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QDoubleSpinBox

from planner.recipes.importing import CONFIRMED, NOTE, REVIEW, import_file
from ui.recipes.review import FoodSearch, ImportReview

DATA = Path(__file__).parent / "data" / "recipes"


@pytest.fixture
def review(qtbot, catalog):
    imported = import_file(DATA / "page.html", catalog).imported
    dialog = ImportReview(imported, catalog)
    qtbot.addWidget(dialog)
    return dialog


def _row_of(dialog: ImportReview, text: str) -> int:
    return next(
        row for row in range(dialog.table.rowCount()) if dialog.table.item(row, 0).text() == text
    )


def test_every_line_is_shown_with_its_match(review):
    lines = review.imported[0].lines
    assert review.table.rowCount() == len(lines) == 8
    garlic = _row_of(review, "4 cloves garlic, minced")
    foods = review.table.cellWidget(garlic, 1)
    assert isinstance(foods, QComboBox) and foods.currentText().startswith("Garlic (")
    assert review.table.item(garlic, 3).text().endswith("✓")
    assert "to review" in review.recipes.item(0).text()


def test_a_line_is_confirmed_with_grams_or_kept_as_a_note(review):
    recipe = review.imported[0]
    salt = _row_of(review, "salt to taste")
    assert recipe.lines[salt].status == REVIEW
    grams = review.table.cellWidget(salt, 2)
    assert isinstance(grams, QDoubleSpinBox)
    grams.setValue(2.0)
    grams.editingFinished.emit()
    assert recipe.lines[salt].status == CONFIRMED
    assert recipe.lines[salt].ingredient().grams == 2.0
    garlic = _row_of(review, "4 cloves garlic, minced")
    use = review.table.cellWidget(garlic, 4)
    use.setCurrentIndex(1)
    use.activated.emit(1)
    assert recipe.lines[garlic].status == NOTE
    saved = review.result_recipes()[0]
    assert "4 cloves garlic, minced" in saved.notes
    assert any(item.food_id and item.grams == 2.0 for item in saved.ingredients)


def test_another_food_is_picked_by_search(review, monkeypatch, catalog):
    recipe = review.imported[0]
    onion = _row_of(review, "1 onion, chopped")
    monkeypatch.setattr(FoodSearch, "ask", classmethod(lambda cls, parent, cat, text: "leek"))
    foods = review.table.cellWidget(onion, 1)
    foods.setCurrentIndex(foods.count() - 1)  # "Another food…"
    foods.activated.emit(foods.count() - 1)
    line = recipe.lines[onion]
    assert line.status == CONFIRMED and line.best.food_id == "leek"
    assert line.ingredient().grams == pytest.approx(catalog["leek"].grams)  # 1 leek


def test_an_amount_that_cannot_be_told_is_explained(review):
    salt = _row_of(review, "salt to taste")
    foods = review.table.cellWidget(salt, 1)
    assert foods.currentData() == review.imported[0].lines[salt].best.food_id
    foods.activated.emit(0)  # confirm the suggestion: "to taste" has no amount
    assert "give the amount in grams" in review.message.text()
    assert review.imported[0].lines[salt].status == REVIEW


def test_food_search_lists_curated_foods_first(qtbot, catalog):
    search = FoodSearch(catalog, "lentils")
    qtbot.addWidget(search)
    assert search.found.count() > 1
    assert search.chosen() == "lentils"


def test_ask_returns_none_on_cancel(monkeypatch, catalog):
    monkeypatch.setattr(ImportReview, "exec", lambda self: QDialog.DialogCode.Rejected)
    imported = import_file(DATA / "page.html", catalog).imported
    assert ImportReview.ask(None, imported, catalog) is None
    monkeypatch.setattr(ImportReview, "exec", lambda self: QDialog.DialogCode.Accepted)
    (recipe,) = ImportReview.ask(None, imported, catalog)
    assert recipe.name == "Garlicky lentil and leek soup"


def test_a_food_without_a_measure_for_the_line_waits_for_grams(review, monkeypatch):
    recipe = review.imported[0]
    onion = _row_of(review, "1 onion, chopped")
    monkeypatch.setattr(FoodSearch, "ask", classmethod(lambda cls, parent, cat, text: "kefir"))
    foods = review.table.cellWidget(onion, 1)
    foods.setCurrentIndex(foods.count() - 1)
    foods.activated.emit(foods.count() - 1)
    line = recipe.lines[onion]
    # "1" of kefir cannot be weighed: the choice stays, as a suggestion asking for grams
    assert line.status == REVIEW and line.best.food_id == "kefir"
    assert "grams" in review.message.text()
    assert review.table.cellWidget(onion, 1).currentData() == "kefir"
    grams = review.table.cellWidget(onion, 2)
    grams.setValue(150)
    grams.editingFinished.emit()
    assert line.status == CONFIRMED and line.ingredient().food_id == "kefir"
    assert line.ingredient().grams == 150


def _many_recipes(tmp_path, count: int) -> Path:
    import json

    path = tmp_path / "many.json"
    path.write_text(json.dumps([
        {"@type": "Recipe", "name": f"Bowl {n}", "recipeIngredient": ["1 cup kefir", "1 banana"]}
        for n in range(count)
    ]), "utf-8")  # fmt: skip
    return path


def test_an_import_runs_with_progress(qtbot, catalog, tmp_path):
    from ui.recipes.importer import ImportProgress

    result, message = ImportProgress.run(None, _many_recipes(tmp_path, 40), catalog)
    assert message == "" and len(result.imported) == 40


def test_an_import_can_be_cancelled(qtbot, catalog, tmp_path, monkeypatch):
    import time

    from planner.recipes import importing
    from ui.recipes.importer import ImportProgress

    slow = importing.match_recipe

    def match_slowly(raw, matcher):  # 400 recipes take 2 s: Cancel comes long before
        time.sleep(0.005)
        return slow(raw, matcher)

    monkeypatch.setattr(importing, "match_recipe", match_slowly)
    # the user presses Cancel as the first recipe is reported
    monkeypatch.setattr(
        ImportProgress, "show_progress", lambda self, done, total: self.canceled.emit()
    )
    result, message = ImportProgress.run(None, _many_recipes(tmp_path, 400), catalog)
    assert result is None and message == ""


def test_a_bad_file_is_one_message(qtbot, catalog, tmp_path):
    from ui.recipes.importer import ImportProgress

    bad = tmp_path / "bad.json"
    bad.write_text("{", "utf-8")
    result, message = ImportProgress.run(None, bad, catalog)
    assert result is None and message.startswith("bad.json:") and "\n" not in message
