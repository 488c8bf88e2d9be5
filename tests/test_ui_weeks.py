"""The dialogs of ui/weeks: templates with their scores, rotation rules, calendar options."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from planner.core.edits import AddFood
from planner.core.plan import Entry, Plan
from planner.core.rotations import every_week, plan_rules
from planner.core.templates import apply_template, make_template
from planner.scoring.evaluator import Evaluator
from planner.storage.templates import TemplateLibrary, read_templates
from ui.document import PlanDocument
from ui.weeks.dialogs import CalendarOptions, CalendarOptionsDialog, PlanNextWeekDialog
from ui.weeks.rules import NewRuleDialog, RulesDialog
from ui.weeks.templates import TemplatesDialog, template_score

MONDAY = date(2026, 11, 30)


@pytest.fixture
def library(tmp_path: Path) -> TemplateLibrary:
    library = TemplateLibrary(tmp_path / "my-templates.json")
    library.add_many(
        [
            make_template("Oats", "meal", {(0, "breakfast"): [Entry("oats", 2)]}),
            make_template("Kefir", "meal", {(0, "breakfast"): [Entry("kefir")]}),
            make_template("Lentil day", "day", {(0, "dinner"): [Entry("lentils")]}),
            make_template("Week A", "week", {(4, "dinner"): [Entry("lentils")]}),
        ]
    )
    return library


def by_name(library: TemplateLibrary, name: str):
    return next(t for t in library if t.name == name)


def test_template_scores_are_the_day_or_the_week_average(tiny_catalog, library):
    evaluator = Evaluator(tiny_catalog)
    day = by_name(library, "Lentil day")
    plan = Plan(MONDAY)
    AddFood(0, "dinner", "lentils").apply(plan)
    assert template_score(evaluator, day) == evaluator.evaluate(plan).days[0].score
    week = by_name(library, "Week A")
    week_plan = Plan(MONDAY)
    AddFood(4, "dinner", "lentils").apply(week_plan)
    assert template_score(evaluator, week) == evaluator.evaluate(week_plan).weeks[0].average


def test_the_templates_dialog_lists_scores_and_applies_as_one_undo_step(
    qtbot, tiny_catalog, library
):
    evaluator = Evaluator(tiny_catalog)
    dialog = TemplatesDialog(
        library, lambda t: template_score(evaluator, t), target="Mon 30 Nov breakfast",
        kinds=("meal",),
    )  # fmt: skip
    qtbot.addWidget(dialog)
    rows = {
        dialog.tree.topLevelItem(i).text(0): dialog.tree.topLevelItem(i)
        for i in range(dialog.tree.topLevelItemCount())
    }
    assert set(rows) == {"Oats", "Kefir", "Lentil day", "Week A"}
    oats = by_name(library, "Oats")
    assert rows["Oats"].text(3) == f"{template_score(evaluator, oats):.0f}"
    document = PlanDocument(Plan(MONDAY))
    dialog.applyRequested.connect(
        lambda template, add: document.apply(
            apply_template(document.plan, template, 0, "breakfast", add=add)
        )
    )
    dialog.tree.setCurrentItem(rows["Oats"])
    dialog.replace_button.click()
    dialog.tree.setCurrentItem(rows["Kefir"])
    dialog.add_button.click()
    assert document.plan.cell(0, "breakfast") == (Entry("oats", 2), Entry("kefir"))
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert document.plan.cell(0, "breakfast") == (Entry("oats", 2),)
    dialog.tree.setCurrentItem(rows["Week A"])  # a week does not fit a meal
    assert not dialog.replace_button.isEnabled() and dialog.rename_button.isEnabled()


def test_the_templates_dialog_exports_and_imports(qtbot, library, tmp_path: Path):
    dialog = TemplatesDialog(library)
    qtbot.addWidget(dialog)
    out = tmp_path / "shared.gutskin-templates.json"
    dialog.export_file(out)
    assert len(read_templates(out)) == 4 and "Exported 4" in dialog.message.text()
    other = TemplateLibrary(tmp_path / "other.json")
    second = TemplatesDialog(other)
    qtbot.addWidget(second)
    assert "No templates yet" in second.message.text()
    second.import_file(out)
    assert len(other) == 4 and second.tree.topLevelItemCount() == 4
    out.write_text("{")
    second.import_file(out)
    assert "not valid JSON" in second.message.text() and len(other) == 4


def test_the_rules_dialog_adds_turns_off_and_removes_rules_through_undo(qtbot, library):
    document = PlanDocument(Plan(MONDAY))
    dialog = RulesDialog(lambda: document.plan, document.apply, library, MONDAY)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 0
    rule = every_week(by_name(library, "Oats"), 4, "breakfast")
    dialog.new_rule(rule)
    assert plan_rules(document.plan) == (rule,) and dialog.list.count() == 1
    item = dialog.list.item(0)
    assert item.text() == "Friday breakfast: Oats, every week"
    item.setCheckState(Qt.CheckState.Unchecked)
    assert not plan_rules(document.plan)[0].enabled
    dialog.remove_rule()
    assert document.plan.rules == ()
    stack: QUndoStack = document.undo_stack
    assert stack.count() == 3
    stack.undo()
    stack.undo()
    assert plan_rules(document.plan) == (rule,)


def test_a_new_rule_of_breakfasts_in_turn(qtbot, library):
    dialog = NewRuleDialog(library, MONDAY)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(1)  # meals in turn, each day
    for i in range(dialog.templates.count()):
        dialog.templates.item(i).setCheckState(Qt.CheckState.Checked)
    rule = dialog.build()
    assert [t.name for t in rule.templates] == ["Kefir", "Oats"] and rule.step == "day"
    assert rule.meal == "breakfast"
    dialog.kind.setCurrentIndex(0)  # one meal every week takes one template
    for i in range(dialog.templates.count()):
        dialog.templates.item(i).setCheckState(Qt.CheckState.Checked)
    dialog._accept()
    assert dialog.rule is None and "takes one template" in dialog.message.text()


def test_calendar_options(qtbot):
    plan = Plan(MONDAY, 3)
    dialog = CalendarOptionsDialog(plan, CalendarOptions(tz="Europe/Paris", weeks=range(1, 3)))
    qtbot.addWidget(dialog)
    dialog.times["dinner"].setTime(dialog.times["dinner"].time().addSecs(-3600))
    options = dialog.options()
    assert options.times["dinner"] == time(18, 0) and options.times["breakfast"] == time(8, 0)
    assert options.tz == "Europe/Paris" and options.weeks == range(1, 3)
    dialog.zone.setCurrentIndex(0)
    assert dialog.options().tz is None


def test_plan_next_week_offers_empty_copy_and_week_templates(qtbot, library):
    dialog = PlanNextWeekDialog(Plan(MONDAY, 2), 0, list(library))
    qtbot.addWidget(dialog)
    choices = [dialog.source.itemText(i) for i in range(dialog.source.count())]
    assert choices == ["Empty", "A copy of week 1", "Template: Week A"]
