"""The Plan menu in the main window: week edits and their undo, Copy Week To…, the weeks
box and the rules, templates, the calendar export, the PDF over a range of weeks, and
starting with the last plan. Dialogs are monkeypatched (see tests/support/gui.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from planner.core.edits import AddFood, RemoveEntry
from planner.core.plan import Entry, Plan
from planner.core.rotations import AddRule, every_week, plan_rules
from planner.core.templates import make_template
from planner.storage.planfile import save_plan
from planner.storage.templates import TemplateLibrary, templates_path
from tests.support.gui import QT_LOG_IGNORE, START
from ui import dialogs
from ui.weeks import dialogs as week_dialogs
from ui.weeks import templates as template_ui
from ui.weeks.dialogs import CalendarOptions, CopyWeekDialog

pytestmark = QT_LOG_IGNORE
REAL_PREFERENCES_ASK = dialogs.PreferencesDialog.__dict__["ask"]  # before the fixtures


def patch(monkeypatch, cls, name, func) -> None:
    monkeypatch.setattr(cls, name, classmethod(func))


def three_weeks() -> Plan:
    """Lentils in week 1, kefir in week 2, oats in week 3 (each on its Monday lunch)."""
    plan = Plan(START, weeks=3)
    for day, food in ((0, "lentils"), (7, "kefir"), (14, "oats")):
        AddFood(day, "lunch", food).apply(plan)
    return plan


def foods_by_week(plan: Plan) -> list[list[str]]:
    return [
        [e.food_id for d in range(w * 7, w * 7 + 7) for m in ("lunch",) for e in plan.cell(d, m)]
        for w in range(plan.weeks)
    ]


# (action, week shown when it runs, foods per week after it, week it and its redo show,
# week its undo shows)
WEEK_ACTIONS = [
    ("add_week_after", 1, [["lentils"], ["kefir"], [], ["oats"]], 2, 2),
    ("insert_week_before", 1, [["lentils"], [], ["kefir"], ["oats"]], 1, 1),
    ("delete_week", 1, [["lentils"], ["oats"]], 1, 1),
    ("move_week_earlier", 2, [["lentils"], ["oats"], ["kefir"]], 1, 2),
    ("move_week_later", 0, [["kefir"], ["lentils"], ["oats"]], 1, 0),
]


@pytest.mark.parametrize(("name", "shown", "after", "week", "undo_week"), WEEK_ACTIONS)
def test_each_week_action_is_one_undo_step_and_undo_and_redo_show_its_week(
    make_window, name, shown, after, week, undo_week
):
    window = make_window(three_weeks())
    doc, weeks = window.document, window.plan_weeks
    before = doc.plan.copy()
    window.set_week(shown)
    getattr(weeks, name).trigger()
    assert foods_by_week(doc.plan) == after
    assert window.week_model.week == week
    assert doc.undo_stack.count() == 1
    # From another week, undo brings back the plan and shows the week it changed...
    window.set_week(next(w for w in range(doc.plan.weeks) if w != undo_week))
    window.act_undo.trigger()
    assert doc.plan == before
    assert window.week_model.week == undo_week
    # ...and so does redo.
    window.set_week(next(w for w in range(doc.plan.weeks) if w != week))
    window.act_redo.trigger()
    assert foods_by_week(doc.plan) == after
    assert window.week_model.week == week


def test_a_week_action_past_the_plans_ends_is_refused_with_a_message(make_window):
    window = make_window()  # one week
    assert not window.plan_weeks.delete_week.isEnabled()
    assert not window.plan_weeks.move_week_later.isEnabled()
    assert not window.plan_weeks.delete_shown_week()  # a script or a stale menu
    assert window.document.plan.weeks == 1
    assert "at least one week" in window.statusBar().currentMessage()
    assert window.document.undo_stack.count() == 0


def test_copy_week_to_says_what_it_replaces_and_cancel_changes_nothing(
    make_window, qtbot, monkeypatch
):
    window = make_window(three_weeks())
    dialog = CopyWeekDialog(window.document.plan, 0)
    qtbot.addWidget(dialog)
    assert dialog.target.currentData() == 1  # the week after it
    assert "1 food is planned there and will be replaced" in dialog.note.text()
    dialog.target.setCurrentIndex(dialog.target.findData(3))
    assert dialog.note.text() == "Nothing planned there is replaced."

    asked: list[int] = []

    def ask(cls, parent, plan, week):
        asked.append(week)
        return None

    patch(monkeypatch, CopyWeekDialog, "ask", ask)
    window.plan_weeks.copy_week_to.trigger()
    assert asked == [0] and foods_by_week(window.document.plan)[1] == ["kefir"]
    patch(monkeypatch, CopyWeekDialog, "ask", lambda cls, parent, plan, week: 2)
    window.plan_weeks.copy_week_to.trigger()
    assert foods_by_week(window.document.plan)[2] == ["lentils"]
    assert window.week_model.week == 2
    window.set_week(0)
    window.act_undo.trigger()
    assert foods_by_week(window.document.plan)[2] == ["oats"] and window.week_model.week == 2


def pizza_rule(anchor: date = START):
    pizza = make_template("Pizza night", "meal", {(0, "dinner"): [Entry("sauerkraut")]})
    return every_week(pizza, 4, "dinner", anchor=anchor)  # Friday dinner


def test_rules_fill_weeks_added_by_the_box_and_the_menu_never_over_foods_placed(
    make_window, monkeypatch
):
    window = make_window()
    doc = window.document
    doc.apply(AddRule(pizza_rule()))
    doc.apply(AddFood(4, "dinner", "lentils"))  # this Friday's dinner, by hand
    patch(monkeypatch, week_dialogs.WeekCountDialog, "ask", lambda cls, parent, weeks: 3)
    window.plan_weeks.week_count.trigger()  # through set_week_count
    assert doc.plan.weeks == 3
    assert [e.food_id for e in doc.plan.cell(11, "dinner")] == ["sauerkraut"]
    assert [e.food_id for e in doc.plan.cell(18, "dinner")] == ["sauerkraut"]
    assert [e.food_id for e in doc.plan.cell(4, "dinner")] == ["lentils"]
    window.act_undo.trigger()  # the weeks and what the rules put in them: one step
    assert doc.plan.weeks == 1
    # Plan Next Week as a copy: the copied Friday dinner stays, and the status says so.
    patch(monkeypatch, week_dialogs.PlanNextWeekDialog, "ask", lambda cls, *a: "copy")
    window.plan_weeks.plan_next_week.trigger()
    assert doc.plan.weeks == 2 and window.week_model.week == 1
    assert [e.food_id for e in doc.plan.cell(11, "dinner")] == ["lentils"]
    assert "left as placed" in window.statusBar().currentMessage()
    # Turned off, the rule fills nothing.
    from planner.core.rotations import set_rule_enabled

    doc.apply(set_rule_enabled(doc.plan, plan_rules(doc.plan)[0].id, False))
    window.plan_weeks.add_week_after.trigger()
    assert doc.plan.is_day_empty(18)


def test_the_rules_dialog_opens_from_the_menu_and_its_changes_are_undone_in_the_window(
    make_window, qtbot
):
    window = make_window()
    window.plan_weeks.rules.trigger()
    dialog = window.plan_weeks.rules_dialog
    assert dialog is not None and dialog.isVisible()
    rule = pizza_rule()
    dialog.new_rule(rule)
    assert plan_rules(window.document.plan) == (rule,)
    dialog.reject()
    window.act_undo.trigger()
    assert window.document.plan.rules == ()


def test_templates_save_and_apply_each_as_one_undo_step_with_scores(
    make_window, qtbot, monkeypatch
):
    window = make_window()
    doc, weeks = window.document, window.plan_weeks
    window.grid.set_current(0, "lunch")
    window.add_food("lentils")
    window.add_food("kefir")
    monkeypatch.setattr(template_ui, "ask_template_name", lambda *a: "Lentil lunch")
    assert weeks.save_meal()
    monkeypatch.setattr(template_ui, "ask_template_name", lambda *a: "Monday")
    assert weeks.save_day()
    library = weeks.library()
    assert {t.name for t in library} == {"Lentil lunch", "Monday"}
    assert TemplateLibrary.load(templates_path()).get(next(iter(library)).id) is not None
    steps = doc.undo_stack.count()

    window.grid.set_current(2, "dinner")
    weeks.apply_template.trigger()
    dialog = weeks.templates_dialog
    assert dialog is not None and dialog.isVisible()
    rows = {
        dialog.tree.topLevelItem(i).text(0): dialog.tree.topLevelItem(i)
        for i in range(dialog.tree.topLevelItemCount())
    }
    assert rows["Lentil lunch"].text(3) not in ("", "–")  # scored with the app's evaluator
    dialog.tree.setCurrentItem(rows["Lentil lunch"])
    dialog.replace_button.click()
    assert [e.food_id for e in doc.plan.cell(2, "dinner")] == ["lentils", "kefir"]
    assert doc.undo_stack.count() == steps + 1
    dialog.add_button.click()  # adding to it: the servings add up, one more step
    assert [e.amount for e in doc.plan.cell(2, "dinner")] == [2, 2]
    assert doc.undo_stack.count() == steps + 2
    # Replacing foods asks first; "no" changes nothing.
    asked: list[str] = []
    patch(monkeypatch, dialogs.Confirm, "ask", lambda cls, p, t, text: asked.append(text))
    dialog.replace_button.click()
    assert asked and "Replace 2 planned foods" in asked[0]
    assert [e.amount for e in doc.plan.cell(2, "dinner")] == [2, 2]
    dialog.reject()
    window.act_undo.trigger()
    window.act_undo.trigger()
    assert doc.plan.cell(2, "dinner") == ()


def test_a_damaged_templates_file_is_told_once_after_the_first_paint(make_window, monkeypatch):
    templates_path().parent.mkdir(parents=True, exist_ok=True)
    templates_path().write_text("{ damaged")
    told: list[str] = []
    patch(monkeypatch, dialogs.Messages, "error", lambda cls, p, title, text: told.append(text))
    window = make_window()
    assert told == []  # not read while the window is made
    window.open_initial(None)
    assert len(told) == 1 and "kept as" in told[0]
    assert window.plan_weeks.library() is not None and len(told) == 1


def test_export_calendar_writes_a_file_icalendar_reads_back(
    make_window, qtbot, monkeypatch, tmp_path: Path
):
    window = make_window(three_weeks())
    target = tmp_path / "meals.ics"
    options = CalendarOptions(weeks=range(1, 3))
    patch(monkeypatch, week_dialogs.CalendarOptionsDialog, "ask", lambda cls, *a: options)
    patch(monkeypatch, week_dialogs.CalendarFile, "ask", lambda cls, parent, suggested: target)
    window.plan_weeks.export_calendar.trigger()
    assert not window.plan_weeks.export_calendar.isEnabled()
    qtbot.waitUntil(lambda: not window.plan_weeks.calendar_running, timeout=10000)
    calendar = Calendar.from_ical(target.read_bytes())
    events = calendar.walk("VEVENT")
    summaries = sorted(str(e["summary"]) for e in events)
    assert summaries == ["Lunch: Kefir, plain", "Lunch: Oatmeal (cooked oats)"]
    assert {e.decoded("dtstart").date() for e in events} == {date(2026, 12, 7), date(2026, 12, 14)}
    assert "Exported 2 meals" in window.statusBar().currentMessage()
    assert window.plan_weeks.export_calendar.isEnabled()


def test_the_pdf_export_offers_a_range_of_weeks(make_window, qtbot, monkeypatch, tmp_path):
    window = make_window(three_weeks())
    dialog = dialogs.PdfOptionsDialog(tmp_path / "a.pdf", None, 3)
    qtbot.addWidget(dialog)
    assert dialog.options().weeks is None  # every week, each with its list
    dialog.some_weeks.setChecked(True)
    dialog.first_week.setValue(3)
    dialog.last_week.setValue(2)
    assert dialog.options().weeks == (1, 2)

    import planner.export.pdf as pdf

    seen: dict[str, object] = {}

    def export_pdf(plan, evaluator, path, **kwargs):
        seen.update(kwargs)

    monkeypatch.setattr(pdf, "export_pdf", export_pdf)
    options = dialogs.PdfOptions(tmp_path / "b.pdf", weeks=(1, 2))
    got: list[int] = []

    def ask(cls, parent, suggested, weeks=1):
        got.append(weeks)
        return options

    patch(monkeypatch, dialogs.PdfOptionsDialog, "ask", ask)
    patch(monkeypatch, dialogs.Messages, "done_with_open", lambda cls, *a: None)
    window.export_pdf_file()
    qtbot.waitUntil(lambda: not window.export.running, timeout=10000)
    assert got == [3] and seen["weeks"] == [1, 2]


# -- starting where you left off -------------------------------------------------------------
def started(make_window, settings):
    settings.mark_started()  # not the first start (which opens the sample week)
    window = make_window()
    window.open_initial(None)
    return window


def test_the_last_plan_is_reopened(make_window, settings, tmp_path: Path):
    path = tmp_path / "last.gutplan"
    save_plan(three_weeks(), path)
    settings.last_plan = path
    window = started(make_window, settings)
    assert window.document.path == path.resolve() and window.document.plan.weeks == 3


@pytest.mark.parametrize("damage", ["missing", "damaged"])
def test_a_missing_or_damaged_last_plan_gives_a_message_and_an_empty_plan(
    make_window, settings, monkeypatch, tmp_path: Path, damage
):
    path = tmp_path / "last.gutplan"
    if damage == "damaged":
        path.write_text('{"format": "gutskin-plan", "version": 2, "days": [')
    settings.last_plan = path
    told: list[str] = []
    patch(monkeypatch, dialogs.Messages, "file_error", lambda cls, p, a, path, why: told.append(a))
    window = started(make_window, settings)
    assert told == ["Could not open the plan"]
    assert window.document.path is None and window.document.plan.entry_count() == 0
    assert settings.last_plan is None  # told once: the next start opens an empty plan
    started(make_window, settings)
    assert len(told) == 1


def test_on_start_empty_or_sample_and_closing_remembers_the_plan(
    make_window, settings, qtbot, tmp_path: Path
):
    path = tmp_path / "last.gutplan"
    save_plan(three_weeks(), path)
    settings.last_plan = path
    settings.start_with = "empty"
    assert started(make_window, settings).document.path is None
    settings.start_with = "sample"
    assert started(make_window, settings).document.title == "Sample week"
    settings.start_with = "last"
    window = make_window()
    window.load_file(path)
    settings.last_plan = None
    window.close()
    assert settings.last_plan == path.resolve()


def test_preferences_offer_what_to_open_on_start(make_window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    def choose_sample(self):
        assert self.start_with.currentData() == "last"  # the default, shown
        self.start_with.setCurrentIndex(self.start_with.findData("sample"))
        return QDialog.DialogCode.Accepted

    window = make_window()
    monkeypatch.setattr(dialogs.PreferencesDialog, "ask", REAL_PREFERENCES_ASK)
    monkeypatch.setattr(dialogs.PreferencesDialog, "exec", choose_sample)
    window.act_prefs.trigger()
    assert window.settings.start_with == "sample"


def test_plan_next_week_from_a_week_template_offers_the_libraries_weeks(make_window, monkeypatch):
    window = make_window(three_weeks())
    monkeypatch.setattr(template_ui, "ask_template_name", lambda *a: "Lentil week")
    assert window.plan_weeks.save_week()  # week 1: lentils on Monday
    offered: list[list[str]] = []

    def ask(cls, parent, plan, week, templates):
        offered.append([t.name for t in templates])
        return templates[0]

    patch(monkeypatch, week_dialogs.PlanNextWeekDialog, "ask", ask)
    window.set_week(1)
    window.plan_weeks.plan_next_week.trigger()
    assert offered == [["Lentil week"]]
    assert foods_by_week(window.document.plan) == [["lentils"], ["kefir"], ["lentils"], ["oats"]]
    assert window.week_model.week == 2
    window.act_undo.trigger()
    assert window.document.plan.weeks == 3


def test_template_scores_follow_once_the_evaluator_has_loaded(
    qtbot, catalog, settings, no_dialogs, monkeypatch, tmp_path: Path
):
    from planner.storage.userfoods import UserFoods
    from ui.window.mainwindow import MainWindow

    TemplateLibrary(templates_path()).add(
        make_template("Kefir", "meal", {(0, "breakfast"): [Entry("kefir")]})
    )
    window = MainWindow(
        settings, catalog, Plan(START), user_foods=UserFoods(tmp_path / "f.json"), background=False
    )
    qtbot.addWidget(window)
    dialog = window.plan_weeks.open_templates()
    assert dialog is not None and dialog.tree.topLevelItem(0).text(3) == "–"
    window.start_scoring()  # the evaluator loads after the first paint
    assert dialog.tree.topLevelItem(0).text(3) not in ("", "–")
    dialog.reject()


def test_edit_copy_week_asks_only_when_it_would_replace_foods(make_window, monkeypatch):
    plan = three_weeks()
    AddFood(7, "lunch", "lentils").apply(plan)
    RemoveEntry(7, "lunch", 0).apply(plan)  # week 2 now holds week 1's lunch exactly
    window = make_window(plan)  # Confirm.ask fails the test if it opens
    window.set_week(0)
    window.copy_week()  # nothing would be replaced: no question
    assert window.week_model.week == 1 and foods_by_week(window.document.plan)[1] == ["lentils"]
    asked: list[str] = []
    patch(monkeypatch, dialogs.Confirm, "ask", lambda cls, p, t, text: asked.append(text))
    window.set_week(1)
    window.copy_week()  # over week 3's oats: asks, with how many
    assert asked == ["Week 3 already has foods (1 would be replaced). Replace them with week 2's?"]
    assert foods_by_week(window.document.plan)[2] == ["oats"]


def test_keyboard_shortcuts_list_the_plan_and_journal_keys(make_window):
    window = make_window()
    dialog = window.help.keyboard_shortcuts()
    rows = dict(dialog.rows())
    assert rows["Apply Template"] == "Ctrl+T" and rows["Check In"] == "Ctrl+J"
    dialog.close()


def test_the_menu_bar_has_one_menu_of_each_name(make_window):
    """The week actions and the auto-planner share one Plan menu."""
    window = make_window()
    titles = [a.text() for a in window.menuBar().actions() if a.menu() is not None]
    assert len(titles) == len(set(titles)) and "&Plan" in titles
