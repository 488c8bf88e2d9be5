"""The dialogs built from ui.dialogs.parts: My Foods saves, selects and reports through
one path; the journal report's date range reads back in order."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate

from ui import dialogs


def _editor_returns(monkeypatch, food) -> None:
    monkeypatch.setattr(dialogs.FoodEditor, "ask", classmethod(lambda cls, parent, f=None: food))


def test_my_foods_edits_a_food_and_reports_a_refused_one(qtbot, tmp_path, monkeypatch):
    from planner.storage.userfoods import UserFoods, make_food

    store = UserFoods(tmp_path / "mine.json")
    dialog = dialogs.MyFoodsDialog(store, set())
    qtbot.addWidget(dialog)
    _editor_returns(monkeypatch, make_food("Kefir & oats", categories=["probiotic"]))
    dialog.add_food()
    added = next(iter(store))
    assert dialog.message.text() == "Added Kefir & oats."
    _editor_returns(monkeypatch, replace(added, name="Kefir with oats"))
    dialog.edit_food()
    assert dialog.message.text() == "Saved Kefir with oats."
    assert dialog.list.currentItem().text() == "Kefir with oats"
    assert UserFoods.load(tmp_path / "mine.json").get(added.id).name == "Kefir with oats"
    _editor_returns(monkeypatch, replace(added, id="not-mine"))
    dialog.changed = False
    dialog.edit_food()
    assert "no food of yours" in dialog.message.text() and not dialog.changed


def test_the_report_dates_come_back_in_order_whichever_way_round(qtbot, tmp_path):
    from ui.journal.report import ReportDialog

    dialog = ReportDialog(tmp_path / "report")
    qtbot.addWidget(dialog)
    assert dialog.first.accessibleName() == "First day of the report"
    dialog.first.setDate(QDate(2026, 3, 9))
    dialog.last.setDate(QDate(2026, 3, 2))
    options = dialog.options()
    assert options is not None
    assert (options.first, options.last) == (date(2026, 3, 2), date(2026, 3, 9))
    assert options.path == Path(tmp_path / "report.pdf")
