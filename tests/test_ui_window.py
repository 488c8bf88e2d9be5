"""The main window: undo and redo, the keyboard way to do what a drag does, live scores,
files, prompts and settings. Dialogs are monkeypatched (see test_ui_support)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence

from planner.core.plan import Plan
from planner.scoring.model import Preferences
from planner.storage.planfile import load_plan, save_plan
from tests.support.gui import QT_LOG_IGNORE, START, score_of
from ui import dialogs
from ui.models.week import SCORE_ROW

pytestmark = QT_LOG_IGNORE


def all_scores(window) -> dict[int, float | None]:
    window.scores.flush()
    return {d: s.score for d, s in window.scores.day_scores.items()}


def choose_food(window, food_id: str, palette: str = "all") -> None:
    panel = window.palette_panel
    panel.show_palette(palette)
    panel.search.setText("")
    panel.apply_filter()
    assert panel.select_food(food_id)


def patch(monkeypatch, cls, name, func) -> None:
    monkeypatch.setattr(cls, name, classmethod(func))


# -- the first start -------------------------------------------------------------------------
def test_the_first_start_opens_the_sample_week_with_its_scores(make_window, qtbot):
    window = make_window()
    assert window.settings.first_run
    window.open_initial(None)
    assert window.document.plan.entry_count() > 20
    assert window.windowTitle().startswith("Sample week")
    qtbot.waitUntil(lambda: not window.scores.pending, timeout=3000)
    assert all(score_of(window, d) is not None for d in range(7))
    assert "Week average: " in window.week_average.text()
    assert window.week_plants.text().startswith("Plants: ") and "of 30" in window.week_plants.text()
    # The next start does not show it again.
    assert not window.settings.first_run


# -- undo and redo -------------------------------------------------------------------------
def test_undo_and_redo_restore_the_plan_and_the_scores_exactly(window, qtbot):
    assert window.act_undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.act_redo.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)
    plan = window.document.plan
    states = [(plan.snapshot(), all_scores(window))]
    window.grid.set_current(0, "breakfast")
    for food in ("kefir", "oats", "oats"):
        assert window.add_food(food)
        states.append((plan.snapshot(), all_scores(window)))
    window.grid.set_current(0, "breakfast", 1)
    window.servings.setValue(3)
    states.append((plan.snapshot(), all_scores(window)))
    window.clear_day()
    states.append((plan.snapshot(), all_scores(window)))
    assert states[-1][1][0] is None and states[-2][1][0] > 0

    for snapshot, scores in reversed(states[:-1]):
        window.act_undo.trigger()
        assert plan.snapshot() == snapshot
        qtbot.waitUntil(lambda s=scores: all_scores(window) == s, timeout=3000)
    assert not window.act_undo.isEnabled()
    for snapshot, scores in states[1:]:
        window.act_redo.trigger()
        assert plan.snapshot() == snapshot
        qtbot.waitUntil(lambda s=scores: all_scores(window) == s, timeout=3000)


def test_spin_box_steps_on_one_food_are_one_undo_step(window):
    window.grid.set_current(1, "lunch")
    window.add_food("lentils")
    for value in (1.5, 2.0, 2.5):
        window.servings.setValue(value)
    assert window.document.plan.cell(1, "lunch")[0].amount == 2.5
    assert window.document.undo_stack.count() == 2
    window.act_undo.trigger()
    assert window.document.plan.cell(1, "lunch")[0].amount == 1


def test_the_selected_food_bar_follows_edits_undo_and_the_start_date(window):
    window.grid.set_current(1, "lunch")
    window.add_food("lentils")
    assert window.entry_label.text() == "Lentils, cooked, Tuesday lunch"
    assert window.servings.isEnabled() and window.servings.value() == 1
    window.servings.setValue(2.5)
    window.act_undo.trigger()
    assert window.servings.value() == 1
    window.act_redo.trigger()
    assert window.servings.value() == 2.5
    window.start_edit.setDate(QDate(2027, 1, 6))  # a Wednesday: day 1 is now a Thursday
    assert window.entry_label.text() == "Lentils, cooked, Thursday lunch"
    window.act_undo.trigger()  # the start date
    window.act_undo.trigger()  # the servings
    window.act_undo.trigger()  # the food
    assert not window.servings.isEnabled()
    assert window.entry_label.text().startswith("Tuesday lunch: drop a food here")


# -- the keyboard and single-click alternatives to drag and drop --------------------------
def test_enter_in_the_palette_adds_the_food_to_the_selected_meal(window, qtbot):
    choose_food(window, "kimchi")
    window.grid.set_current(2, "dinner")
    window.palette_panel.list.setFocus()
    qtbot.keyClick(window.palette_panel.list, Qt.Key.Key_Return)
    assert [(e.food_id, e.amount) for e in window.document.plan.cell(2, "dinner")] == [
        ("kimchi", 1.0)
    ]
    qtbot.mouseClick(window.palette_panel.add_button, Qt.MouseButton.LeftButton)
    assert window.document.plan.cell(2, "dinner")[0].amount == 2
    qtbot.waitUntil(lambda: score_of(window, 2) is not None, timeout=3000)


def test_enter_on_a_cell_adds_the_palette_food_there(window, qtbot):
    choose_food(window, "oats", "prebiotic")
    window.grid.set_current(4, "breakfast")
    window.grid.setFocus()
    qtbot.keyClick(window.grid, Qt.Key.Key_Return)
    assert window.document.plan.cell(4, "breakfast")[0].food_id == "oats"


def test_search_then_enter_then_enter_adds_the_first_match(window, qtbot):
    panel = window.palette_panel
    panel.show_palette("all")
    window.grid.set_current(0, "snacks")
    qtbot.keyClicks(panel.search, "kefir plain")
    qtbot.waitUntil(lambda: panel.current_model().rowCount() < 50, timeout=2000)
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.list.hasFocus() or window.focusWidget() is panel.list
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    added = window.document.plan.cell(0, "snacks")
    assert len(added) == 1 and "kefir" in window.catalog.name_of(added[0].food_id).casefold()


def test_cut_copy_paste_and_delete_between_cells(window, qtbot):
    doc, grid = window.document, window.grid
    grid.set_current(0, "lunch")
    window.add_food("lentils")
    window.servings.setValue(2)
    grid.setFocus()
    grid.set_current(0, "lunch", 0)
    window.act_copy.trigger()
    grid.set_current(3, "dinner")
    window.act_paste.trigger()
    assert [(e.food_id, e.amount) for e in doc.plan.cell(3, "dinner")] == [("lentils", 2.0)]
    grid.set_current(0, "lunch", 0)
    window.act_cut.trigger()
    assert doc.plan.cell(0, "lunch") == ()
    grid.set_current(5, "snacks")
    window.act_paste.trigger()
    assert doc.plan.cell(5, "snacks")[0].amount == 2
    grid.set_current(5, "snacks", 0)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert doc.plan.cell(5, "snacks") == ()


def test_a_keyboard_move_by_cut_and_paste_is_one_undo_step(window, qtbot):
    doc, grid = window.document, window.grid
    grid.set_current(0, "lunch")
    window.add_food("lentils")
    before = doc.plan.snapshot()
    steps = doc.undo_stack.count()
    grid.setFocus()
    grid.set_current(0, "lunch", 0)
    qtbot.keyClick(grid, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    grid.set_current(4, "dinner")
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [e.food_id for e in doc.plan.cell(4, "dinner")] == ["lentils"]
    assert doc.undo_stack.count() == steps + 1
    assert doc.undo_stack.undoText() == "Move food"
    window.act_undo.trigger()
    assert doc.plan.snapshot() == before
    # Pasting the same clipboard again is a copy, a step of its own.
    window.act_redo.trigger()
    grid.set_current(5, "dinner")
    window.act_paste.trigger()
    assert doc.undo_stack.count() == steps + 2


def test_copying_a_palette_food_and_pasting_it_in_a_cell(window):
    choose_food(window, "garlic")
    window.palette_panel.list.setFocus()
    window.act_copy.trigger()
    window.grid.set_current(6, "dinner")
    window.grid.setFocus()
    window.act_paste.trigger()
    assert window.document.plan.cell(6, "dinner")[0].food_id == "garlic"


def test_delete_in_the_palette_does_not_remove_the_grid_food(window, qtbot):
    window.grid.set_current(0, "breakfast")
    window.add_food("kefir")
    window.palette_panel.list.setFocus()
    qtbot.keyClick(window.palette_panel.list, Qt.Key.Key_Delete)
    assert len(window.document.plan.cell(0, "breakfast")) == 1


def test_the_context_menu_presets_set_servings(window, qtbot, monkeypatch):
    window.grid.set_current(2, "lunch")
    window.add_food("lentils")
    patch(monkeypatch, dialogs.ServingsDialog, "ask", lambda cls, parent, name, s: 4.0)
    window.act_servings.trigger()
    assert window.document.plan.cell(2, "lunch")[0].amount == 4


def test_an_edit_that_would_break_the_plan_is_refused_with_a_message(window):
    window.grid.set_current(0, "dinner")
    window.add_food("lentils")
    window.servings.setValue(20)
    before = window.document.plan.snapshot()
    assert not window.add_food("lentils")
    assert window.document.plan.snapshot() == before
    assert "at most 20" in window.statusBar().currentMessage()
    assert not window.set_servings(0)
    assert "more than 0" in window.statusBar().currentMessage()


def test_suggestions_add_to_the_selected_meal(window, qtbot):
    window.grid.set_current(1, "breakfast")
    window.add_food("oats")
    qtbot.waitUntil(lambda: window.day_panel.suggestions.rowCount() > 0, timeout=3000)
    first = window.day_panel.current_suggestion()
    window.day_panel.suggestion_list.setFocus()
    qtbot.keyClick(window.day_panel.suggestion_list, Qt.Key.Key_Return)
    assert first.food_id in [e.food_id for e in window.document.plan.cell(1, "breakfast")]


# -- live scores -----------------------------------------------------------------------------
def test_the_day_score_follows_each_edit_without_a_click(window, qtbot):
    grid, panel = window.grid, window.day_panel
    grid.set_current(3, "breakfast")
    assert window.week_model.index(SCORE_ROW, 3).data() == "not planned"
    window.add_food("kefir")
    qtbot.waitUntil(lambda: score_of(window, 3) is not None, timeout=3000)
    first = score_of(window, 3)
    assert window.week_model.index(SCORE_ROW, 3).data() == f"{first:.0f}"
    assert "score" in panel.title.text() and f"{first:.0f}" in panel.title.text()
    window.add_food("lentils")
    qtbot.waitUntil(lambda: score_of(window, 3) > first, timeout=3000)
    assert panel.part_sentences["fiber"].text().startswith("Fiber ")
    assert window.scores.last_seconds < 0.5  # measured: about 10 ms for a day


def test_only_the_changed_days_are_rescored(window, qtbot, monkeypatch):
    seen = []
    evaluator = window.scores._evaluator
    real = evaluator.score_days

    def spy(plan, days, **kwargs):
        seen.append(set(days))
        return real(plan, days, **kwargs)

    monkeypatch.setattr(evaluator, "score_days", spy)
    window.grid.set_current(5, "lunch")
    window.add_food("kimchi")
    window.add_food("oats")  # two edits before the event loop turns: one re-score
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert seen == [{5}]


def test_preferences_change_scores_suggestions_and_palette_marks(window, qtbot):
    window.grid.set_current(0, "breakfast")
    window.add_food("oats")
    window.apply_preferences(Preferences(fiber_target_g=60, avoid_tags=frozenset({"dairy"})))
    qtbot.waitUntil(lambda: not window.scores.pending, timeout=3000)
    fiber = window.scores.day_scores[0].part("fiber").sentence
    assert "of 60 g" in fiber
    suggested = window.scores.suggest(0, top=10)
    assert all("dairy" not in window.catalog[s.food_id].tags for s in suggested)
    assert window.settings.avoid_tags == frozenset({"dairy"})
    assert window.settings.fiber_target == 60
    model = window.palette_panel.models["probiotic"]
    from ui.models.roles import AVOIDED_ROLE

    assert model.index(model.row_of("kefir")).data(AVOIDED_ROLE) is True


# -- days and weeks ------------------------------------------------------------------------
def test_copy_day_clear_day_and_copy_week(window, qtbot, monkeypatch):
    doc = window.document
    window.grid.set_current(0, "lunch")
    window.add_food("lentils")
    patch(monkeypatch, dialogs.CopyDayDialog, "ask", lambda cls, parent, plan, day: 3)
    window.copy_day()
    assert doc.plan.cell(3, "lunch")[0].food_id == "lentils"
    window.grid.set_current(3, "lunch")
    window.clear_day()
    assert doc.plan.is_day_empty(3)
    window.grid.set_current(0, "lunch")
    window.copy_week()
    assert doc.plan.weeks == 2 and window.week_model.week == 1
    assert doc.plan.cell(7, "lunch")[0].food_id == "lentils"
    assert window.week_combo.isVisibleTo(window) and window.week_combo.count() == 2
    assert window.week_model.headerData(0, Qt.Orientation.Horizontal) == "Mon 7 Dec"
    window.act_undo.trigger()
    assert doc.plan.weeks == 1 and window.week_model.week == 0
    assert not window.week_combo.isVisibleTo(window)


def test_changing_the_start_date_moves_the_headers(window):
    window.start_edit.setDate(QDate(2027, 1, 4))
    assert window.document.plan.start == date(2027, 1, 4)
    assert window.week_model.headerData(0, Qt.Orientation.Horizontal) == "Mon 4 Jan"
    window.act_undo.trigger()
    assert window.week_model.headerData(0, Qt.Orientation.Horizontal) == "Mon 30 Nov"
    assert window.start_edit.date() == QDate(2026, 11, 30)


# -- files -----------------------------------------------------------------------------------
def test_save_and_open_round_trip_with_title_and_modified_mark(window, tmp_path, monkeypatch):
    path = tmp_path / "my week.gutplan"
    window.grid.set_current(0, "breakfast")
    window.add_food("kefir")
    assert window.isWindowModified() and window.windowTitle().startswith("Untitled[*]")
    patch(monkeypatch, dialogs.FileDialogs, "save_plan", lambda cls, parent, suggested: path)
    assert window.save()
    assert not window.isWindowModified()
    assert window.windowTitle() == "my week.gutplan[*] — Gut–Skin Planner"
    saved = window.document.plan.snapshot()
    assert load_plan(path).snapshot() == saved
    window.add_food("oats")
    assert window.isWindowModified()
    window.act_undo.trigger()
    assert not window.isWindowModified()  # back to what is on disk
    window.document.replace(Plan(START))
    assert window.load_file(path)
    assert window.document.plan.snapshot() == saved
    assert window.settings.recent_files[0] == path.resolve()


def test_open_recent_lists_saved_files(window, tmp_path):
    path = tmp_path / "a.gutplan"
    save_plan(Plan(START), path)
    assert window.load_file(path)
    window.files.fill_recent()
    names = [a.text() for a in window.recent_menu.actions() if a.data()]
    assert names == ["&1 a.gutplan"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{ not json", "not valid JSON"),
        (b'{"format": "gutskin-plan", "version": 99, "start": "2026-11-30", "entries": []}',
         "newer version"),
    ],
    ids=["damaged", "newer"],
)  # fmt: skip
def test_a_bad_file_names_the_file_and_the_reason_and_keeps_the_plan(
    window, tmp_path, monkeypatch, content, reason
):
    window.grid.set_current(0, "breakfast")
    window.add_food("kefir")
    before = window.document.plan.snapshot()
    path = tmp_path / "broken.gutplan"
    path.write_bytes(content)
    shown = []
    patch(monkeypatch, dialogs.Messages, "file_error",
          lambda cls, parent, action, p, text: shown.append((action, p, text)))  # fmt: skip
    assert not window.load_file(path)
    assert len(shown) == 1
    _action, shown_path, text = shown[0]
    assert shown_path == path and "broken.gutplan" in text and reason in text
    assert window.document.plan.snapshot() == before
    assert window.isWindowModified()


def test_unsaved_changes_prompt_save_discard_cancel(window, tmp_path, monkeypatch):
    doc = window.document
    window.grid.set_current(0, "breakfast")
    window.add_food("kefir")
    answers = []

    def answer(cls, parent, name):
        answers.append(name)
        return current

    patch(monkeypatch, dialogs.UnsavedChanges, "ask", answer)
    current = dialogs.UnsavedChanges.CANCEL
    window.new_plan()
    assert doc.plan.entry_count() == 1 and answers == ["Untitled"]
    assert not window.close()  # Cancel keeps the window open
    assert window.isVisible()

    current = dialogs.UnsavedChanges.SAVE
    path = tmp_path / "kept.gutplan"
    patch(monkeypatch, dialogs.FileDialogs, "save_plan", lambda cls, parent, s: path)
    window.new_plan()
    assert load_plan(path).entry_count() == 1 and doc.plan.entry_count() == 0

    window.grid.set_current(0, "breakfast")
    window.add_food("oats")
    current = dialogs.UnsavedChanges.DISCARD
    window.new_plan()
    assert doc.plan.entry_count() == 0 and load_plan(path).entry_count() == 1


def test_a_failed_save_keeps_the_plan_modified(window, tmp_path, monkeypatch):
    window.grid.set_current(0, "breakfast")
    window.add_food("kefir")
    target = tmp_path / "missing-folder" / "x.gutplan"
    shown = []
    patch(monkeypatch, dialogs.Messages, "file_error",
          lambda cls, parent, action, p, text: shown.append(text))  # fmt: skip
    assert not window.files.save_to(target)
    assert shown and "x.gutplan" in shown[0]
    assert window.isWindowModified() and window.document.path is None


def test_csv_import_and_export(window, tmp_path, monkeypatch):
    source = tmp_path / "in.csv"
    source.write_text("day,meal,food,servings\n1,breakfast,kefir,1\n2,lunch,lentils,2\n", "utf-8")
    patch(monkeypatch, dialogs.FileDialogs, "open_csv", lambda cls, parent, folder: source)
    window.import_csv_file()
    assert window.document.plan.entry_count() == 2
    assert window.isWindowModified()  # an import is not saved anywhere yet
    out = tmp_path / "out.csv"
    patch(monkeypatch, dialogs.FileDialogs, "save_csv", lambda cls, parent, suggested: out)
    window.export_csv_file()
    assert "lentils" in out.read_text("utf-8")


def test_a_bad_csv_is_reported_and_nothing_changes(window, tmp_path, monkeypatch):
    source = tmp_path / "bad.csv"
    source.write_text("day,meal,food,servings\n1,tea,kefir,1\n", "utf-8")
    patch(monkeypatch, dialogs.FileDialogs, "open_csv", lambda cls, parent, folder: source)
    shown = []
    patch(monkeypatch, dialogs.Messages, "file_error",
          lambda cls, parent, action, p, text: shown.append(text))  # fmt: skip
    window.import_csv_file()
    assert shown and "bad.csv" in shown[0] and "line 2" in shown[0]
    assert window.document.plan.entry_count() == 0


def test_pdf_export_runs_in_the_background_and_offers_to_open(window, tmp_path, monkeypatch, qtbot):
    if not window.act_pdf.isVisible():
        pytest.skip("PDF export is not available")
    target = tmp_path / "week.pdf"
    window.grid.set_current(0, "breakfast")
    window.add_food("kefir")
    options = dialogs.PdfOptions(target, "letter", True, True)
    patch(monkeypatch, dialogs.PdfOptionsDialog, "ask", lambda cls, parent, suggested, **_: options)
    written = []
    monkeypatch.setattr(window, "pdf_written", written.append)
    window.export_pdf_file()
    assert not window.act_pdf.isEnabled()  # one export at a time; the window stays usable
    qtbot.waitUntil(lambda: bool(written), timeout=30_000)
    assert written == [target] and target.read_bytes().startswith(b"%PDF")
    assert window.act_pdf.isEnabled()


# -- the user's own foods ----------------------------------------------------------------------
def test_my_foods_dialog_adds_a_food_to_the_palette(make_window, tmp_path, monkeypatch):
    from planner.core.foods import Catalog
    from planner.storage.userfoods import UserFoods, make_food

    own = Catalog.load(include_sr28=False)  # this test changes the catalog: not the shared one
    store = UserFoods(tmp_path / "mine.json")
    window = make_window(cat=own, user_foods=store)
    food = make_food("Grandma's sauerkraut", categories=["probiotic"], nutrients={"fiber_g": 2})
    patch(monkeypatch, dialogs.FoodEditor, "ask", lambda cls, parent, f=None: food)
    dialog = dialogs.MyFoodsDialog(store, set(), window)
    dialog.add_food()
    assert dialog.changed and len(store) == 1
    window.user_foods_changed()
    mine = window.palette_panel.models["mine"]
    assert mine.rowCount() == 1 and mine.food(0).name == "Grandma's sauerkraut"
    assert UserFoods.load(tmp_path / "mine.json").get(food.id) is not None
    patch(monkeypatch, dialogs.Confirm, "ask", lambda cls, parent, title, text: True)
    dialog.remove_food()
    window.user_foods_changed()
    assert mine.rowCount() == 0
    dialog.close()


def test_the_food_editor_reports_a_bad_value_and_stays_open(qtbot):
    editor = dialogs.FoodEditor()
    qtbot.addWidget(editor)
    editor.name.setText("Broth")
    editor.nutrients["fiber_g"].setText("lots")
    editor.accept()
    assert editor.result_food is None and "Fiber must be a number" in editor.error.text()
    editor.nutrients["fiber_g"].setText("0.5")
    editor.accept()
    assert editor.result_food is not None and editor.result_food.nutrients["fiber_g"] == 0.5


# -- settings --------------------------------------------------------------------------------
def test_settings_round_trip_through_an_ini_file(tmp_path: Path):
    from ui.settings import Settings

    path = tmp_path / "s.ini"
    first = Settings(path)
    first.set_preferences(Preferences(fiber_target_g=25, acne_prone=True,
                                      avoid_tags=frozenset({"gluten", "nuts"})))  # fmt: skip
    first.add_recent(tmp_path / "a.gutplan")
    first.mark_started()
    first.sync()
    second = Settings(path)
    assert second.preferences() == Preferences(25, True, frozenset({"gluten", "nuts"}))
    assert second.recent_files == [(tmp_path / "a.gutplan").resolve()]
    assert not second.first_run


def test_window_geometry_is_kept(make_window, settings):
    window = make_window()
    window.resize(1000, 700)
    window.close()
    assert settings.geometry is not None
