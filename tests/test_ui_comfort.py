"""What a new user hit in everyday use (issue 17): undo that shows what it changed, asking
before Copy Week overwrites, mnemonics, the grid's focus, search ranking, unknown values,
points that never read full when short, and the keyboard ways in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from planner.core.edits import AddFood
from planner.core.plan import Plan
from planner.scoring.results import DayScore, PartScore, SkinShare
from planner.storage.sample import sample_plan
from tests.support.gui import QT_LOG_IGNORE, START
from ui import dialogs
from ui.models.foods import FoodListModel

pytestmark = QT_LOG_IGNORE


def patch(monkeypatch, cls, name, func) -> None:
    monkeypatch.setattr(cls, name, classmethod(func))


def focus(window, widget) -> None:
    window.activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    QApplication.processEvents()
    assert QApplication.focusWidget() is widget


# -- B1, B9 and consistent undo: the view shows what an undo or redo changed ---------------
def test_undoing_copy_week_leaves_no_stale_day_panel(make_window, catalog, qtbot):
    window = make_window(sample_plan(START, catalog))
    window.grid.set_current(0, "breakfast")
    window.copy_week()
    assert window.document.plan.weeks == 2 and window.week_model.week == 1
    assert window.day_panel.title.text().startswith("Monday 7 December")
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: not window.scores.pending, timeout=3000)
    assert window.document.plan.weeks == 1
    assert window.grid.currentIndex().isValid()
    title = window.day_panel.title.text()
    assert title.startswith("Monday 30 November"), title
    window.act_redo.trigger()
    qtbot.waitUntil(lambda: not window.scores.pending, timeout=3000)
    assert window.week_model.week == 1
    assert window.day_panel.title.text().startswith("Monday 7 December")


def test_undo_of_an_edit_in_another_week_shows_that_week_cell_and_food(make_window, qtbot):
    plan = Plan(START, weeks=2)
    window = make_window(plan)
    window.set_week(1)
    window.grid.set_current(9, "lunch")
    assert window.add_food("kefir") and window.add_food("oats")
    window.set_week(0)
    window.grid.set_current(0, "dinner")
    window.statusBar().showMessage("Something else happened.")
    window.act_undo.trigger()  # takes the oats off Wednesday 9 December's lunch
    assert window.week_model.week == 1
    assert window.grid.current_cell() == (9, "lunch")
    assert window.grid.current_entry() == (9, "lunch", 0)
    assert window.day_panel.title.text().startswith("Wednesday 9 December")
    assert window.statusBar().currentMessage() == "Undone: Add food."
    window.set_week(0)
    window.act_redo.trigger()  # the oats come back: the view selects them
    assert window.week_model.week == 1
    assert window.grid.current_entry() == (9, "lunch", 1)
    assert window.statusBar().currentMessage() == "Redone: Add food."


def test_undo_selects_the_food_whose_servings_changed(window):
    window.grid.set_current(2, "snacks")
    for food in ("kefir", "oats", "apple"):
        assert window.add_food(food)
    window.grid.set_current(2, "snacks", 1)
    assert window.set_servings(3)
    window.grid.set_current(5, "breakfast")
    window.act_undo.trigger()
    assert window.grid.current_entry() == (2, "snacks", 1)
    assert window.servings.value() == 1


# -- B8: Copy Week asks before it replaces foods -----------------------------------------
def test_copy_week_asks_before_replacing_the_next_weeks_foods(make_window, monkeypatch):
    plan = Plan(START, weeks=2)
    window = make_window(plan)
    window.document.apply(AddFood(0, "lunch", "kefir"))
    window.document.apply(AddFood(8, "dinner", "oats"))
    asked: list[str] = []

    def answer(cls, parent, title, text, reply=False):
        asked.append(text)
        return reply

    patch(monkeypatch, dialogs.Confirm, "ask", answer)
    window.grid.set_current(0, "lunch")
    window.copy_week()
    assert asked and "Week 2 already has foods" in asked[0]
    assert [e.food_id for e in window.document.plan.cell(8, "dinner")] == ["oats"]
    patch(monkeypatch, dialogs.Confirm, "ask", lambda cls, *a: True)
    window.set_week(0)
    window.copy_week()
    assert window.document.plan.cell(8, "dinner") == ()
    assert [e.food_id for e in window.document.plan.cell(7, "lunch")] == ["kefir"]


def test_copy_week_to_an_empty_week_does_not_ask(window):
    # Confirm.ask fails the test if it opens (test_ui_support)
    window.document.apply(AddFood(0, "lunch", "kefir"))
    window.copy_week()
    assert window.document.plan.weeks == 2


# -- B3 and B4: mnemonics ------------------------------------------------------------------
def _mnemonic(text: str) -> str | None:
    clean = text.replace("&&", "")
    at = clean.find("&")
    return clean[at + 1].casefold() if 0 <= at < len(clean) - 1 else None


def test_every_menu_item_has_its_own_mnemonic(window):
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        assert isinstance(menu, QMenu)
        keys: dict[str, str] = {}
        for action in menu.actions():
            if action.isSeparator():
                continue
            key = _mnemonic(action.text())
            assert key, f"{menu.title()} > {action.text()} has no mnemonic"
            assert key not in keys, f"{action.text()!r} and {keys[key]!r} share &{key}"
            keys[key] = action.text()


def test_form_labels_with_mnemonics_have_a_buddy(qtbot, tmp_path):
    from planner.scoring.model import Preferences

    for dialog in (
        dialogs.PdfOptionsDialog(tmp_path / "plan.pdf"),
        dialogs.PreferencesDialog(Preferences(), 30.0),
    ):
        qtbot.addWidget(dialog)
        labels = [label for label in dialog.findChildren(QLabel) if "&" in label.text()]
        assert labels
        for label in labels:
            assert label.buddy() is not None, f"{label.text()!r} shows its & literally"


# -- B5: a visible focus on the grid -------------------------------------------------------
def _pixel(window, x: int, y: int) -> QColor:
    return window.grid.viewport().grab().toImage().pixelColor(x, y)


def test_the_focused_grid_frames_its_current_cell_and_outlines_its_food(window, qtbot):
    window.grid.set_current(1, "lunch")
    assert window.add_food("kefir")
    focus(window, window.palette_panel.search)
    rect = window.grid.visualRect(window.grid.currentIndex())
    edge = QPoint(rect.left() + 1, rect.center().y())
    chip_edge = QPoint(rect.left() + 4, rect.top() + 3 + 8)
    unfocused = _pixel(window, edge.x(), edge.y()), _pixel(window, chip_edge.x(), chip_edge.y())
    focus(window, window.grid)
    assert window.grid.visualRect(window.grid.currentIndex()) == rect
    text = window.grid.palette().color(window.grid.palette().ColorRole.Text)
    focused = _pixel(window, edge.x(), edge.y()), _pixel(window, chip_edge.x(), chip_edge.y())
    assert focused[0] == text and unfocused[0] != text
    assert focused[1] != unfocused[1]


# -- B6: whole words and prefixes first ----------------------------------------------------
def test_search_puts_whole_words_and_prefixes_first(catalog):
    model = FoodListModel(catalog)
    model.set_filter("natto")
    assert model.food(0).name == "Natto"
    model.set_filter("oat")
    names = [model.food(r).name.casefold() for r in range(model.rowCount())]
    goat = next(n for n, name in enumerate(names) if "goat" in name)
    oat_words = [n for n, name in enumerate(names) if name.startswith("oat")]
    assert oat_words and max(oat_words) < goat
    assert catalog.search("natto")[0].name == "Natto"


# -- B7: unknown is not zero ---------------------------------------------------------------
def _score(parts, skin=(), unknown=()) -> DayScore:
    return DayScore(
        0, START, True, 70.0, parts=tuple(parts), skin=tuple(skin), unknown_foods=unknown
    )


def test_unknown_nutrients_read_unknown_and_unscored_days_say_so(window):
    panel = window.day_panel
    part = PartScore("fiber", "Fiber", 10, 30, "Fiber 10 of 35 g.")
    blank = SkinShare("vit_c_mg", "Vitamin C", 0.0, "mg", 0.0, ("My soup",))
    panel.show_day(_score([part], [blank]), "Monday")
    assert panel.skin_values["vit_c_mg"].text() == "unknown"
    partial = SkinShare("vit_c_mg", "Vitamin C", 9.0, "mg", 0.1, ("My soup",))
    panel.show_day(_score([part], [partial]), "Monday")
    assert panel.skin_values["vit_c_mg"].text() == "10%+"
    unscored = DayScore(0, START, False, None, unknown_foods=("my:soup",), why="Not scored")
    panel.show_day(unscored, "Monday")
    assert "not planned" not in panel.title.text() and "not scored" in panel.title.text()


def test_a_day_of_deleted_foods_is_not_shown_as_not_planned(make_window, qtbot):
    plan = Plan(START)
    window = make_window(plan)
    window.document.apply(AddFood(0, "lunch", "my:gone"))
    qtbot.waitUntil(lambda: not window.scores.pending, timeout=3000)
    window.grid.set_current(0, "lunch")
    window.weeks.show_selected_day()
    assert "not scored" in window.day_panel.title.text()
    score_index = window.week_model.index(4, 0)
    assert score_index.data() == "not scored"


# -- B11: never full when short ------------------------------------------------------------
def test_points_just_short_of_full_do_not_read_full(window):
    panel = window.day_panel
    panel.show_day(_score([PartScore("fiber", "Fiber", 29.5, 30, "Fiber 34 of 35 g.")]), "Mon")
    assert panel.part_points["fiber"].text() == "29.5 / 30"
    panel.show_day(_score([PartScore("fiber", "Fiber", 30, 30, "Fiber 35 of 35 g.")]), "Mon")
    assert panel.part_points["fiber"].text() == "30 / 30"


def test_the_day_panel_draws_every_part_the_score_holds(window):
    panel = window.day_panel
    parts = [
        PartScore("fiber", "Fiber", 10, 30, "a"),
        PartScore("variety", "Plant variety", 5, 10, "b"),
    ]
    panel.show_day(_score(parts), "Mon")
    assert panel.part_names["variety"].text() == "Plant variety"
    assert panel.part_points["variety"].text() == "5 / 10"
    assert panel.part_names["variety"].isVisibleTo(panel)
    assert not panel.part_names["probiotic"].isVisibleTo(panel)


# -- B10, B12 and the Starts box: the keyboard ---------------------------------------------
def test_ctrl_z_in_the_starts_box_undoes_the_plan(window):
    window.grid.set_current(0, "lunch")
    assert window.add_food("kefir")
    focus(window, window.start_edit)
    QTest.keySequence(window.start_edit, QKeySequence(QKeySequence.StandardKey.Undo))
    assert window.document.plan.cell(0, "lunch") == ()


def test_the_starts_box_is_one_tab_stop(window):
    focus(window, window.start_edit)
    QTest.keyClick(window.start_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.grid
    QTest.keyClick(window.grid, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is window.start_edit
    QTest.keyClick(window.start_edit, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is not window.start_edit


def test_shift_f10_opens_the_grids_menu(window, monkeypatch):
    opened: list[QPoint] = []
    monkeypatch.setattr(window.editing, "grid_menu", opened.append)
    window.grid.contextMenuRequested.disconnect()
    window.grid.contextMenuRequested.connect(window.editing.grid_menu)
    window.grid.set_current(0, "lunch")
    focus(window, window.grid)
    QTest.keyClick(window.grid, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert len(opened) == 1


# -- B2 and any screen -----------------------------------------------------------------------
def test_the_first_window_fits_the_screen(window):
    area = window.screen().availableGeometry()  # offscreen: 800 x 800
    assert area.contains(window.frameGeometry()), (area, window.frameGeometry())


def test_a_saved_geometry_is_restored_and_kept_on_the_screen(make_window, settings):
    first = make_window()
    first.resize(760, 600)
    first.move(40, 30)
    first.close()
    assert settings.geometry is not None
    again = make_window()
    assert (again.width(), again.height()) == (760, 600)
    area = again.screen().availableGeometry()
    again.resize(3000, 2000)
    again.move(2500, 1800)
    again.keep_on_screen()
    assert area.contains(again.frameGeometry())


def test_at_1024_by_700_the_score_row_and_all_days_are_inside(make_window, catalog, tmp_path):
    from ui.models.week import SCORE_ROW

    window = make_window(sample_plan(START, catalog))
    window.setMinimumSize(0, 0)
    window.resize(1024, 700)
    assert window.minimumSizeHint().width() <= 1024
    assert window.minimumSizeHint().height() <= 700
    QApplication.processEvents()
    shot = window.grab()
    assert shot.save(str(tmp_path / "window-1024x700.png"))
    assert (shot.width(), shot.height()) == (1024, 700)
    inside = window.rect()
    grid = window.grid
    for column in range(7):
        rect = grid.visualRect(grid.model().index(SCORE_ROW, column))
        top_left = grid.viewport().mapTo(window, rect.topLeft())
        bottom_right = grid.viewport().mapTo(window, rect.bottomRight())
        assert grid.viewport().rect().contains(rect), (column, rect)
        assert inside.contains(top_left) and inside.contains(bottom_right), (column, rect)
    for widget in (
        window.week_combo,
        window.start_edit,
        window.servings,
        window.remove_button,
        window.palette_panel.search,
        window.palette_panel.chooser,
        window.day_dock,
    ):
        corner = widget.mapTo(window, widget.rect().bottomRight())
        assert inside.contains(corner), widget


def test_short_rows_give_way_fullest_first_and_keep_the_current_food_in_view():
    from ui.views.delegates import shown_entries
    from ui.views.week import fit_within

    assert fit_within([100, 40, 60, 40], 200, 40) == [60, 40, 60, 40]
    assert fit_within([100, 40], 60, 40) == [40, 40]  # never below two lines: scrolls
    assert shown_entries(3, 4, None) == (0, 3)
    assert shown_entries(6, 3, None) == (0, 2)
    assert shown_entries(6, 3, 4) == (3, 5)
    assert shown_entries(6, 3, 5) == (4, 6)


# -- the pantry --------------------------------------------------------------------------
def test_the_pantry_is_a_setting_of_food_ids_that_survives_damage(settings):
    assert settings.pantry == []
    settings.pantry = ["kefir", "oats", "kefir"]
    assert settings.pantry == ["kefir", "oats"]
    settings._qs.setValue("pantry/foods", "{not json")
    assert settings.pantry == []
    settings._qs.setValue("pantry/foods", '["kefir", 3, null, ""]')
    assert settings.pantry == ["kefir"]


def test_the_pantry_dialog_adds_by_name_and_removes(qtbot, catalog):
    dialog = dialogs.PantryDialog(catalog, ["oats", "my:gone"])
    qtbot.addWidget(dialog)
    names = [dialog.items.item(r).text() for r in range(dialog.items.count())]
    assert names[0] == catalog.name_of("oats") and "not in the food list" in names[1]
    dialog.search.setText("natto")
    assert dialog.model.food(0).name == "Natto"
    dialog.add_current()
    assert dialog.food_ids()[-1] == dialog.model.food(0).id
    assert not dialog.add(dialog.model.food(0).id)  # once only
    dialog.items.setCurrentRow(1)
    dialog.remove_current()
    assert "my:gone" not in dialog.food_ids()


def test_the_palette_food_goes_to_the_pantry_and_the_shopping_list_says_so(
    window, monkeypatch, qtbot
):
    window.palette_panel.show_palette("all")
    assert window.palette_panel.select_food("kefir")
    window.act_add_to_pantry.trigger()
    assert window.settings.pantry == ["kefir"]
    window.grid.set_current(0, "breakfast")
    assert window.add_food("kefir") and window.add_food("oats")
    shown: list[str] = []
    monkeypatch.setattr(
        dialogs.ShoppingListDialog, "exec", lambda self: shown.append(self.view.toPlainText())
    )
    window.act_shopping.trigger()
    text = shown[0]
    have = text.index("Already have")
    assert catalog_name(window, "oats") in text[:have]
    assert catalog_name(window, "kefir") in text[have:]


def catalog_name(window, food_id: str) -> str:
    return window.catalog.name_of(food_id)


def test_the_pdf_leaves_the_pantry_out_of_what_to_buy(window, monkeypatch):
    from ui.window import export

    window.settings.pantry = ["kefir"]
    seen: dict[str, object] = {}

    def fake_export(plan, evaluator, path, **kwargs):
        seen.update(kwargs)

    monkeypatch.setattr("planner.export.pdf.export_pdf", fake_export)
    job = export.PdfJob(
        window.document.plan,
        window.catalog,
        window.scores.preferences,
        dialogs.PdfOptions(path=Path("unused.pdf")),
        window.pantry.food_ids,
    )
    job.run()
    assert seen["have"] == frozenset({"kefir"})


# -- help ----------------------------------------------------------------------------------
def test_how_scoring_works_shows_the_documented_method(window):
    from tools.help_copy import source_text

    dialog = window.help.how_scoring_works()
    text = dialog.text.toPlainText()
    assert "How a day is scored" in text and "Wastyk" in text
    assert text.count("\n") > 10
    from ui.dialogs.help import scoring_markdown

    assert scoring_markdown() == source_text(), "run python -m tools.help_copy"
    dialog.close()


def test_keyboard_shortcuts_come_from_the_actions_and_open_on_f1_and_ctrl_slash(window):
    keys = window.act_shortcuts.shortcuts()
    assert QKeySequence("Ctrl+/") in keys and QKeySequence("F1") in keys
    dialog = window.help.keyboard_shortcuts()
    rows = dict(dialog.rows())
    undo = QKeySequence(QKeySequence.StandardKey.Undo).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert undo in rows["Undo"]
    assert rows["Copy Day To"] == "Ctrl+Shift+D"
    assert "Shift+F10" in rows["Open the grid's menu"]
    dialog.close()


def test_about_names_version_licence_data_fonts_and_not_medical_advice():
    from ui.dialogs.help import about_html

    html = about_html()
    for words in ("Version", "MIT", "SR28", "public domain", "DejaVu", "not medical advice"):
        assert words.casefold() in html.casefold(), words


def test_the_tour_walks_four_callouts_and_can_be_dismissed_for_good(window):
    assert not window.settings.tour_done
    tour = window.help.start_tour()
    titles = []
    while not tour.ended:
        titles.append(tour.callout.title.text())
        assert window.rect().contains(tour.callout.geometry())
        tour.callout.next.click()
    assert titles == ["Foods", "Plan by dragging", "The day's score", "Suggestions"]
    assert window.settings.tour_done
    window.help.offer_tour()
    assert window.help.tour is None  # not again


def test_closing_the_tour_puts_it_off_and_dont_show_again_ends_it(window):
    tour = window.help.start_tour()
    tour.callout.close_button.click()
    assert not window.settings.tour_done
    tour = window.help.start_tour()
    tour.callout.next.click()
    tour.callout.never.click()
    assert window.settings.tour_done


# -- the autosave interval -----------------------------------------------------------------
def test_preferences_set_the_autosave_interval(window, monkeypatch):
    from planner.scoring.model import Preferences

    patch(
        monkeypatch,
        dialogs.PreferencesDialog,
        "ask",
        lambda cls, parent, prefs, default, seconds, **_: dialogs.Chosen(Preferences(), 120.0),
    )
    window.act_prefs.trigger()
    assert window.settings.autosave_seconds == 120.0
    assert window.autosave_timer.interval() == 120_000


def test_the_preferences_dialog_offers_the_interval(qtbot):
    from planner.scoring.model import Preferences

    dialog = dialogs.PreferencesDialog(Preferences(), 30.0, None, 300.0)
    qtbot.addWidget(dialog)
    assert dialog.autosave.value() == 300
    dialog.autosave.setValue(90)
    assert dialog.chosen().autosave_seconds == 90.0


# -- energy and protein --------------------------------------------------------------------
def test_the_day_panel_shows_energy_and_unknown_protein(window):
    window.grid.set_current(0, "breakfast")
    assert window.add_food("oats")
    window.weeks.show_selected_day()
    oats = window.catalog.get("oats")
    kcal = oats.nutrient("energy_kcal")
    energy = window.day_panel.everyday["energy_kcal"].text()
    assert energy == f"{kcal:,.0f} kcal"
    protein = window.day_panel.everyday["protein_g"].text()
    expected = oats.nutrient("protein_g")
    assert protein == ("unknown" if expected is None else f"{expected:,.0f} g")


# -- accessibility -------------------------------------------------------------------------
def _unnamed_controls(root) -> list[str]:
    """Every control a person can Tab to whose accessible name is empty."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget

    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox):
            continue  # the line edit inside a spin box or combo box: its box is named
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name) if face else ""
        if not (name.strip() or widget.accessibleName().strip()):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_has_an_accessible_name(window, qtbot, catalog, tmp_path):
    from planner.scoring.model import Preferences

    assert _unnamed_controls(window) == []
    for dialog in (
        dialogs.PreferencesDialog(Preferences(), 30.0),
        dialogs.PdfOptionsDialog(tmp_path / "plan.pdf"),
        dialogs.PantryDialog(catalog, ["oats"]),
        dialogs.CopyDayDialog(window.document.plan, 0),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        assert _unnamed_controls(dialog) == [], type(dialog).__name__
        dialog.close()


def test_the_palette_chooser_names_the_palette_it_shows(window):
    window.palette_panel.show_palette("probiotic")
    assert window.palette_panel.chooser.accessibleName() == "Palette: Probiotic"
    window.palette_panel.show_palette("all")
    assert window.palette_panel.chooser.accessibleName() == "Palette: All foods"


def test_tab_reaches_the_score_explanation_and_the_nutrients(window):
    window.grid.set_current(0, "breakfast")
    assert window.add_food("oats")
    focus(window, window.remove_button)
    reached = []
    for _ in range(4):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    panel = window.day_panel
    assert reached[:3] == [panel.why, panel.parts_box, panel.skin_box]
    assert "Energy" in panel.skin_box.accessibleDescription()
    assert "score" in panel.parts_box.accessibleDescription()


def test_undoing_a_new_start_date_keeps_the_selection(window):
    from datetime import date

    window.set_week(0)
    window.grid.set_current(3, "dinner")
    window.start_edit.setDate(date(2026, 12, 7))
    assert window.document.plan.start == date(2026, 12, 7)
    window.act_undo.trigger()
    assert window.document.plan.start == START
    assert window.grid.current_cell() == (3, "dinner")
    assert window.start_edit.date().toPython() == START
    assert window.day_panel.title.text().startswith("Thursday 3 December")


def test_the_focused_palette_list_frames_its_current_food(window):
    view = window.palette_panel.list
    window.palette_panel.show_palette("probiotic")
    view.setCurrentIndex(view.model().index(1, 0))
    rect = view.visualRect(view.currentIndex())
    edge = QPoint(rect.left() + 1, rect.center().y())
    focus(window, window.palette_panel.search)
    before = view.viewport().grab().toImage().pixelColor(edge)
    focus(window, view)
    after = view.viewport().grab().toImage().pixelColor(edge)
    selected_text = view.palette().color(view.palette().ColorRole.HighlightedText)
    assert after == selected_text and before != after
