"""Recipes in the window: the book, the Recipes palette (search, Enter, the drag payload),
the Recipes menu (new, edit, duplicate, delete with its warning, import, export) and the
recipe editor (undo, the live preview, messages for invalid fields, cycles refused)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDoubleSpinBox, QMenu

from planner.core.carried import decode_payload
from planner.core.edits import AddFood
from planner.recipes.book import open_own
from planner.recipes.model import Ingredient, Recipe
from tests.support.gui import QT_LOG_IGNORE
from ui import dialogs
from ui.models.mime import MIME_TYPE
from ui.panels.palette import RECIPES
from ui.recipes.editor import GRAMS, RecipeEditor
from ui.recipes.files import RecipeFiles
from ui.recipes.importer import ImportProgress
from ui.recipes.review import ImportReview

pytestmark = QT_LOG_IGNORE
DATA = Path(__file__).parent / "data" / "recipes"
OATS = "overnight-oats-kefir-berries"


@pytest.fixture
def recipes_palette(window):
    panel = window.palette_panel
    panel.show_palette(RECIPES)
    return panel


def _search(panel, text: str) -> None:
    panel.search.setText(text)
    panel.apply_filter()


def _own(recipe_id: str = "my-recipe:dressing", name: str = "Lemon tahini dressing", **kw):
    return Recipe(
        recipe_id,
        name,
        kw.pop("portions", 4),
        kw.pop("ingredients", (Ingredient("sr:12166", grams=60), Ingredient("sr:09152", grams=30))),
        **kw,
    )


def _save_own(window, recipe: Recipe) -> None:
    assert window.recipes.save(recipe) == ""


# -- the book and the palette ----------------------------------------------------------------
def test_the_book_loads_with_the_scores_and_fills_the_palette(window, recipes_palette):
    assert window.recipes.loaded  # the scores are ready: the book came with them
    assert len(window.recipe_book) >= 24
    assert recipes_palette.count.text() == f"{len(window.recipe_book)} recipes"
    assert recipes_palette.current_recipe() is not None


def test_palette_search_looks_at_names_tags_and_ingredients(window, recipes_palette):
    _search(recipes_palette, "kimchi")  # a name
    model = recipes_palette.current_model()
    names = [model.recipe(r).name for r in range(model.rowCount())]
    assert names and all("kimchi" in n.casefold() for n in names[:2])
    _search(recipes_palette, "make ahead")  # a tag
    assert model.row_of(OATS) >= 0
    _search(recipes_palette, "chia")  # an ingredient, not in the name of the oats
    assert model.row_of(OATS) >= 0
    _search(recipes_palette, "no such dish at all")
    assert model.rowCount() == 0
    assert recipes_palette.count.text().startswith("0 of ")


def test_each_row_shows_meal_type_and_per_portion_score(window, recipes_palette, catalog):
    from planner.scoring.evaluator import Evaluator
    from ui.recipes.preview import portion_score

    model = recipes_palette.current_model()
    row = model.row_of(OATS)
    recipe = model.recipe(row)
    expected = portion_score(Evaluator(catalog), recipe, catalog, window.recipe_book.lookup)
    assert expected is not None and expected > 0
    assert model.line_two(recipe).endswith("score …")  # asked for, scored after the paint
    window.recipes.portion_scores.flush()
    line = model.line_two(recipe)
    assert line.startswith("Breakfast · 2 portions · score ")
    assert line.endswith(f"{expected:.0f}")
    tip = model.index(row).data(Qt.ItemDataRole.ToolTipRole)
    assert "Kefir" in tip and "Tags:" in tip


def test_rows_ask_for_scores_again_after_new_preferences_not_after_an_edit(
    window, recipes_palette, qtbot
):
    from planner.scoring.model import Preferences
    from ui.models.roles import SCORE_ROLE

    model = recipes_palette.current_model()
    asked = []
    model.dataChanged.connect(lambda _a, _b, roles: asked.append(SCORE_ROLE in roles))
    window.grid.set_current(2, "lunch")
    window.add_food("lentils")  # a portion's score is a day of it alone: unchanged
    window.scores.flush()
    assert asked == []
    window.apply_preferences(Preferences(fiber_target_g=50))
    qtbot.waitUntil(lambda: not window.scores.pending, timeout=3000)
    assert asked and all(asked)


def test_enter_in_the_recipes_palette_adds_a_recipe_like_a_food(window, recipes_palette, qtbot):
    _search(recipes_palette, "overnight oats")
    window.grid.set_current(2, "breakfast")
    recipes_palette.list.setFocus()
    qtbot.keyClick(recipes_palette.list, Qt.Key.Key_Return)
    cell = window.document.plan.cell(2, "breakfast")
    assert [(e.food_id, e.amount, e.unit) for e in cell] == [(f"recipe:{OATS}", 1.0, "portion")]
    assert window.document.undo_stack.count() == 1
    assert "Overnight oats" in window.statusBar().currentMessage()
    window.scores.flush()  # scored through the book's recipe, as a food would be
    assert window.scores.day_scores[2].score == pytest.approx(_alone(window, OATS))
    window.document.undo_stack.undo()
    assert window.document.plan.cell(2, "breakfast") == ()


def test_a_recipe_row_drops_on_a_cell_through_the_food_path(window, recipes_palette):
    model = recipes_palette.current_model()
    mime = model.mimeData([model.index(model.row_of(OATS))])
    carried = decode_payload(bytes(mime.data(MIME_TYPE).data()))
    assert carried is not None and carried.items[0].food_id == f"recipe:{OATS}"
    assert (carried.items[0].amount, carried.items[0].unit) == (1.0, "portion")
    target = window.week_model.index_of(1, "lunch")
    assert window.week_model.canDropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    assert window.week_model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    assert [e.food_id for e in window.document.plan.cell(1, "lunch")] == [f"recipe:{OATS}"]
    assert window.document.undo_stack.count() == 1


def test_a_dropped_recipe_the_book_lacks_is_not_added(window, recipes_palette):
    from planner.core.carried import Carried, CarriedFood
    from ui.models.mime import encode_foods

    mime = encode_foods([CarriedFood("recipe:no-such-recipe", 1.0, "portion")], None, "x")
    target = window.week_model.index_of(1, "lunch")
    window.week_model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    assert window.document.plan.cell(1, "lunch") == ()
    assert isinstance(decode_payload(bytes(mime.data(MIME_TYPE).data())), Carried)


# -- the menu --------------------------------------------------------------------------------
def _recipes_menu(window) -> QMenu:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Recipes")
    assert isinstance(menu, QMenu)
    return menu


def test_the_recipes_menu_sits_after_foods_with_its_actions(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Recipes") == titles.index("F&oods") + 1
    texts = [a.text() for a in _recipes_menu(window).actions() if not a.isSeparator()]
    assert texts == [
        "&Show Recipes", "&New Recipe…", "&Edit Recipe…", "D&uplicate Recipe",
        "&Delete Recipe…", "&Import Recipes…", "E&xport Recipes…",
    ]  # fmt: skip


def test_show_recipes_opens_the_palette_with_its_search(window, qtbot):
    window.recipes.show_action.trigger()
    assert window.palette_panel.current_key == RECIPES
    assert window.palette_panel.search.hasFocus() or not window.isActiveWindow()


def test_delete_is_offered_for_own_recipes_only(window, recipes_palette):
    menu = _recipes_menu(window)
    _search(recipes_palette, "overnight oats")
    menu.aboutToShow.emit()
    assert window.recipes.edit_action.isEnabled()
    assert not window.recipes.delete_action.isEnabled()  # a built-in recipe
    _save_own(window, _own())
    menu.aboutToShow.emit()
    assert recipes_palette.current_recipe().id == "my-recipe:dressing"
    assert window.recipes.delete_action.isEnabled()


def test_new_recipe_is_saved_to_the_file_of_own_recipes(window, recipes_palette, monkeypatch):
    def fill(cls, parent, book, recipe, *, save, score_of, title):
        assert recipe is None
        draft = _own(recipe_id="", name="Green dressing")
        assert save(draft) == ""
        return draft

    monkeypatch.setattr(RecipeEditor, "ask", classmethod(fill))
    changed = []
    window.recipes.changed.connect(lambda: changed.append(1))
    saved = window.recipes.new_action.trigger() or window.recipes._own.get(
        "my-recipe:green-dressing"
    )
    assert saved is not None and changed == [1]
    assert "my-recipe:green-dressing" in window.recipe_book
    own, notice = open_own()
    assert notice == "" and [r.id for r in own] == ["my-recipe:green-dressing"]
    assert recipes_palette.current_recipe().id == "my-recipe:green-dressing"


def test_editing_a_built_in_recipe_saves_a_copy_of_ones_own(window, recipes_palette, monkeypatch):
    _search(recipes_palette, "overnight oats")

    def change(cls, parent, book, recipe, *, save, score_of, title):
        assert recipe.id == "" and "Copy" in title
        assert save(Recipe(**{**_fields(recipe), "name": "My oats"})) == ""

    monkeypatch.setattr(RecipeEditor, "ask", classmethod(change))
    window.recipes.edit_action.trigger()
    assert window.recipe_book.get(OATS).name == "Overnight oats with kefir and berries"
    assert window.recipe_book.get("my-recipe:my-oats").name == "My oats"


def _fields(recipe: Recipe) -> dict:
    return {name: getattr(recipe, name) for name in Recipe.__slots__}


def test_duplicate_makes_an_own_copy(window, recipes_palette):
    _search(recipes_palette, "overnight oats")
    copy = window.recipes.duplicate_recipe()
    assert copy is not None and copy.origin == "own" and copy.name.endswith("(copy)")
    assert copy.ingredients == window.recipe_book[OATS].ingredients
    assert [r.id for r in open_own()[0]] == [copy.id]


def test_delete_warns_with_the_days_the_plan_uses_it(window, recipes_palette, monkeypatch):
    _save_own(window, _own())
    window.document.apply(AddFood(0, "lunch", "recipe:my-recipe:dressing"))
    window.document.apply(AddFood(2, "dinner", "recipe:my-recipe:dressing"))
    asked: list[str] = []

    def answer(cls, parent, title, text):
        asked.append(text)
        return len(asked) > 1  # no the first time, yes the second

    monkeypatch.setattr(dialogs.Confirm, "ask", classmethod(answer))
    assert not window.recipes.delete_recipe()
    assert "my-recipe:dressing" in window.recipe_book
    assert "Monday 30 November and Wednesday 2 December" in asked[0]
    assert window.recipes.delete_recipe()
    assert "my-recipe:dressing" not in window.recipe_book
    assert list(open_own()[0]) == []
    # the plan keeps its entries (nothing of the plan changes behind the undo stack)
    assert window.document.plan.cell(0, "lunch")[0].food_id == "recipe:my-recipe:dressing"


def test_a_recipe_used_by_another_is_not_deleted(window, recipes_palette, monkeypatch):
    _save_own(window, _own())
    bowl = _own(
        "my-recipe:bowl",
        "Bowl with dressing",
        ingredients=(
            Ingredient("lentils", grams=200),
            Ingredient(recipe_id="my-recipe:dressing", grams=30),
        ),
    )
    _save_own(window, bowl)
    window.recipes.select("my-recipe:dressing")
    errors = []
    monkeypatch.setattr(
        dialogs.Messages, "error", classmethod(lambda cls, p, title, text: errors.append(text))
    )
    assert not window.recipes.delete_recipe()
    assert "Bowl with dressing" in errors[0]


def test_import_runs_with_progress_review_and_saves(window, monkeypatch, recipes_palette):
    monkeypatch.setattr(
        RecipeFiles, "open_recipes", classmethod(lambda cls, parent, folder: DATA / "page.html")
    )
    reviewed = []

    def review(cls, parent, imported, catalog):
        reviewed.append(len(imported))
        return [item.recipe() for item in imported]

    monkeypatch.setattr(ImportReview, "ask", classmethod(review))
    assert window.recipes.import_recipes() == 1
    assert reviewed == [1]
    (saved,) = open_own()[0]
    assert saved.id.startswith("my-recipe:") and saved.name == "Garlicky lentil and leek soup"
    assert saved.id in window.recipe_book


def test_a_cancelled_review_saves_nothing(window, monkeypatch):
    monkeypatch.setattr(
        RecipeFiles, "open_recipes", classmethod(lambda cls, parent, folder: DATA / "page.html")
    )
    monkeypatch.setattr(ImportReview, "ask", classmethod(lambda cls, parent, imp, cat: None))
    assert window.recipes.import_recipes() == 0
    assert list(open_own()[0]) == []


def test_a_bad_import_file_is_one_message(window, monkeypatch, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{", "utf-8")
    monkeypatch.setattr(RecipeFiles, "open_recipes", classmethod(lambda cls, parent, folder: bad))
    errors = []
    monkeypatch.setattr(
        dialogs.Messages, "error", classmethod(lambda cls, p, title, text: errors.append(text))
    )
    assert window.recipes.import_recipes() == 0
    assert len(errors) == 1 and errors[0].startswith("bad.json:")


def test_a_cancelled_import_saves_nothing(window, monkeypatch):
    monkeypatch.setattr(
        RecipeFiles, "open_recipes", classmethod(lambda cls, parent, folder: DATA / "page.html")
    )
    monkeypatch.setattr(
        ImportProgress, "run", classmethod(lambda cls, parent, path, cat: (None, ""))
    )
    assert window.recipes.import_recipes() == 0
    assert "cancelled" in window.statusBar().currentMessage()


def test_export_writes_own_recipes_that_import_back(window, monkeypatch, tmp_path):
    _save_own(window, _own())
    out = tmp_path / "out.json"
    monkeypatch.setattr(RecipeFiles, "save_recipes", classmethod(lambda cls, parent, s: out))
    assert window.recipes.export_recipes()
    document = json.loads(out.read_text("utf-8"))
    assert document["format"] == "gutskin-recipes"
    assert [r["id"] for r in document["recipes"]] == ["my-recipe:dressing"]


def test_a_damaged_file_of_own_recipes_is_set_aside_with_a_message(
    make_window, monkeypatch, _private_data_dir
):
    (_private_data_dir / "my-recipes.json").write_text("{ not json", "utf-8")
    errors = []
    monkeypatch.setattr(
        dialogs.Messages, "error", classmethod(lambda cls, p, title, text: errors.append(text))
    )
    window = make_window()
    assert window.recipes.loaded and len(window.recipe_book) >= 24
    assert len(errors) == 1 and "damaged" in errors[0]
    assert list(_private_data_dir.glob("my-recipes.damaged-*.json"))
    _save_own(window, _own())  # the app goes on, and saves anew
    assert [r.id for r in open_own()[0]] == ["my-recipe:dressing"]


def test_a_newer_file_of_own_recipes_is_left_alone(make_window, monkeypatch, _private_data_dir):
    path = _private_data_dir / "my-recipes.json"
    path.write_text(json.dumps({"format": "gutskin-recipes", "version": 99, "recipes": []}))
    before = path.read_bytes()
    errors = []
    monkeypatch.setattr(
        dialogs.Messages, "error", classmethod(lambda cls, p, title, text: errors.append(text))
    )
    window = make_window()
    assert errors and window.recipes.own_error
    _recipes_menu(window).aboutToShow.emit()
    assert not window.recipes.new_action.isEnabled()
    assert window.recipes.save(_own()) != ""
    assert path.read_bytes() == before


# -- the editor ------------------------------------------------------------------------------
@pytest.fixture
def editor(window, qtbot):
    dialog = RecipeEditor(window.recipe_book, None, score_of=window.recipes.draft_score)
    qtbot.addWidget(dialog)
    return dialog


def test_every_invalid_field_has_its_message(editor):
    assert editor.problem()[0] == "Give the recipe a name."
    editor.name.setText("Soup")
    editor.name.textEdited.emit("Soup")
    assert editor.problem()[0].startswith("Add at least one ingredient")
    assert editor.message.text() == editor.problem()[0]
    assert editor.add_food("lentils")
    assert editor.problem()[0] == ""
    spin = editor.table.cellWidget(0, 1)
    assert isinstance(spin, QDoubleSpinBox)
    spin.setValue(0)
    assert "Lentils" in editor.problem()[0] and "more than 0" in editor.problem()[0]
    assert not editor.try_save()
    spin.setValue(1)
    editor.tags.setText(", ".join(f"t{n}" for n in range(25)))
    editor.tags.textEdited.emit(editor.tags.text())
    assert "at most 20 tags" in editor.problem()[0]


def test_the_preview_follows_the_ingredients(editor, catalog):
    editor.name.textEdited.emit("Kefir bowl")
    assert "add ingredients" in editor.score.text()
    editor.add_food("kefir")
    first = editor.score.text()
    assert first.startswith("Score of one portion: ") and "/ 100" in first
    energy = _nutrient(editor, "Energy")
    editor.add_food("lentils")
    assert _nutrient(editor, "Energy") != energy
    assert "Live cultures: live" in editor.facts.text()
    editor.set_heated(0, True)
    assert "Live cultures: heated" in editor.facts.text()


def _nutrient(editor, label: str) -> str:
    for row in range(editor.nutrients.rowCount()):
        if (
            editor.nutrients.itemAt(row, editor.nutrients.ItemRole.LabelRole).widget().text()
            == f"{label}:"
        ):
            return editor.nutrients.itemAt(row, editor.nutrients.ItemRole.FieldRole).widget().text()
    raise AssertionError(label)


def test_units_convert_keeping_the_grams(editor, catalog):
    editor.add_food("kefir")
    line = editor.draft.lines[0]
    assert line.unit != GRAMS  # its own serving, a household measure
    grams = editor.grams_of(line)
    editor.set_unit(0, GRAMS)
    assert editor.draft.lines[0].unit == GRAMS
    assert editor.draft.lines[0].amount == pytest.approx(grams, abs=0.01)
    unit = editor.table.cellWidget(0, 2)
    assert unit.currentData() == GRAMS


def test_heated_is_offered_for_live_culture_foods_only(editor):
    editor.add_food("kefir")
    editor.add_food("lentils")
    assert editor.table.cellWidget(0, 3) is not None
    assert editor.table.cellWidget(1, 3) is None


def test_undo_and_redo_inside_the_editor(editor, qtbot):
    editor.show()
    qtbot.keyClicks(editor.name, "Dal")
    editor.add_food("lentils")
    editor.set_amount(0, 300)
    assert editor.draft.lines[0].amount == 300
    editor.undo_stack.undo()
    assert editor.draft.lines[0].amount != 300
    editor.undo_stack.undo()
    assert editor.draft.lines == ()
    assert editor.table.rowCount() == 0
    assert editor.draft.name == "Dal"  # the typing of a name is one step
    editor.name.setFocus()
    qtbot.keyClick(editor.name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.draft.name == "" and editor.name.text() == ""
    qtbot.keyClick(
        editor.name,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert editor.name.text() == "Dal"
    editor.undo_stack.redo()
    assert [line.food_id for line in editor.draft.lines] == ["lentils"]
    assert editor.table.rowCount() == 1


def test_a_recipe_inside_another_and_cycles_refused(window, qtbot):
    _save_own(window, _own())
    bowl = _own(
        "my-recipe:bowl",
        "Bowl",
        ingredients=(
            Ingredient("lentils", grams=200),
            Ingredient(recipe_id="my-recipe:dressing", grams=30),
        ),
    )
    _save_own(window, bowl)
    dressing = window.recipe_book["my-recipe:dressing"]
    dialog = RecipeEditor(window.recipe_book, dressing)
    qtbot.addWidget(dialog)
    assert not dialog.add_recipe("my-recipe:bowl")
    assert "circle" in dialog.message.text() and "Bowl" in dialog.message.text()
    assert len(dialog.draft.lines) == 2
    other = RecipeEditor(window.recipe_book, None)
    qtbot.addWidget(other)
    assert other.add_recipe("my-recipe:dressing")
    assert other.draft.lines[0].unit == "portion"
    assert other.grams_of(other.draft.lines[0]) == pytest.approx(90 / 4)


def test_cancel_loses_nothing_saved(window, qtbot, monkeypatch):
    _save_own(window, _own())
    dressing = window.recipe_book["my-recipe:dressing"]
    monkeypatch.setattr(
        RecipeEditor, "exec", lambda self: (self.remove_line(0), QDialog.DialogCode.Rejected)[1]
    )
    assert RecipeEditor.ask(window, window.recipe_book, dressing, save=window.recipes.save) is None
    assert window.recipe_book["my-recipe:dressing"] == dressing
    assert open_own()[0].get("my-recipe:dressing") == dressing


def test_save_keeps_measures_and_a_refusal_keeps_the_dialog_open(window, qtbot):
    dialog = RecipeEditor(window.recipe_book, None, save=lambda recipe: "The disk is full.")
    qtbot.addWidget(dialog)
    dialog.name.textEdited.emit("Toast")
    dialog.add_food("kefir")
    assert not dialog.try_save()
    assert dialog.message.text() == "The disk is full."
    kept = []
    dialog._save = lambda recipe: kept.append(recipe) or ""
    assert dialog.try_save()
    (recipe,) = kept
    item = recipe.ingredients[0]
    assert item.measure == dialog.draft.lines[0].unit and item.count == dialog.draft.lines[0].amount


def test_enter_in_the_search_adds_the_ingredient_and_does_not_save(editor, qtbot):
    saved = []
    editor._save = lambda recipe: saved.append(recipe) or ""
    editor.show()
    editor.name.textEdited.emit("Dal")
    qtbot.keyClicks(editor.search, "lentils")
    assert editor.found.count() and editor.found.item(0).text().startswith("Lentils")
    qtbot.keyClick(editor.search, Qt.Key.Key_Return)
    assert [line.food_id for line in editor.draft.lines] == ["lentils"]
    assert saved == [] and editor.isVisible()


def _alone(window, recipe_id: str) -> float:
    """One portion's score worked out apart from the window: its foods one by one."""
    from planner.scoring.evaluator import Evaluator
    from ui.recipes.preview import portion_plan

    book = window.recipe_book
    plan = portion_plan(book[recipe_id], window.catalog, book.lookup)
    score = Evaluator(window.catalog).score_days(plan, [0], tips=False)[0].score
    assert score is not None
    return score


def test_per_portion_scores_equal_the_foods_entered_one_by_one(window, catalog):
    from planner.scoring.evaluator import Evaluator
    from ui.recipes.preview import portion_scores

    book = window.recipe_book
    cold = [r for r in book if not any(item.heated for item in r.counted)]
    scores = portion_scores(Evaluator(catalog), cold, catalog, book.lookup)
    for recipe in cold:
        assert scores[recipe.id] == pytest.approx(_alone(window, recipe.id)), recipe.name


def test_a_saved_change_to_a_planned_recipe_rescores_its_day(window, recipes_palette):
    _save_own(window, _own())
    window.document.apply(AddFood(3, "dinner", "recipe:my-recipe:dressing"))
    window.scores.flush()
    before = window.scores.day_scores[3].score
    assert before is not None
    richer = _own(ingredients=(Ingredient("sr:12166", grams=60), Ingredient("lentils", grams=600)))
    _save_own(window, richer)
    window.scores.flush()
    assert window.scores.day_scores[3].score != before
    assert window.scores.day_scores[3].score == pytest.approx(_alone(window, "my-recipe:dressing"))


def test_heated_live_cultures_lower_the_previewed_score(editor):
    editor.name.textEdited.emit("Kefir oats")
    editor.add_food("kefir")
    editor.add_food("oats")
    cold = editor.score.text()
    editor.set_heated(0, True)
    assert editor.score.text() != cold
    assert _score_in(editor.score.text()) < _score_in(cold)
    editor.undo_stack.undo()
    assert editor.score.text() == cold


def _score_in(text: str) -> float:
    return float(text.split(": ")[1].split(" /")[0])


def test_keyboard_shortcuts_list_show_recipes_and_no_key_is_taken_twice(window, monkeypatch):
    from PySide6.QtGui import QAction, QKeySequence

    from ui.dialogs import help as help_dialogs

    listed = []
    real = help_dialogs.shortcut_rows
    monkeypatch.setattr(
        help_dialogs, "shortcut_rows", lambda actions: listed.extend(real(actions)) or listed
    )
    window.help.keyboard_shortcuts().close()
    assert (
        "Show Recipes",
        QKeySequence("Ctrl+Shift+R").toString(QKeySequence.SequenceFormat.NativeText),
    ) in listed
    keys: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            name = key.toString(QKeySequence.SequenceFormat.PortableText)
            assert keys.get(name, action.text()) == action.text(), (name, action.text())
            keys[name] = action.text()
