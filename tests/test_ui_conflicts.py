"""Saving never silently overwrites another version of the plan's file, and never follows
a link that was not there when the file was opened (hardening D4)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planner.core.plan import Plan
from planner.storage.planfile import load_plan, save_plan
from tests.support.gui import QT_LOG_IGNORE, START
from ui import dialogs

pytestmark = QT_LOG_IGNORE


@pytest.fixture
def asked(monkeypatch):
    """Records the conflict dialog's questions and gives the answers queued in it."""

    class Asked(list):
        answers: list[str]

    record = Asked()
    record.answers = []

    def ask(cls, parent, path: Path, reason: str, *, can_overwrite: bool) -> str:
        record.append((path, reason, can_overwrite))
        return record.answers.pop(0)

    monkeypatch.setattr(dialogs.ConflictDialog, "ask", classmethod(ask))
    return record


def _plan_with(food: str) -> Plan:
    plan = Plan(START)
    from planner.core.edits import AddFood

    AddFood(0, "breakfast", food).apply(plan)
    return plan


def _foods(path: Path) -> list[str]:
    return [e.food_id for e in load_plan(path).cell(0, "breakfast")]


@pytest.fixture
def opened(window, tmp_plan_path):
    """The window with week.gutplan open and one food added (unsaved)."""
    save_plan(_plan_with("kefir"), tmp_plan_path)
    assert window.load_file(tmp_plan_path)
    window.grid.set_current(0, "breakfast")
    assert window.add_food("oats-rolled")
    return window


def _written_elsewhere(path: Path) -> None:
    save_plan(_plan_with("sauerkraut"), path)  # another program, or another window


def test_saving_twice_asks_nothing(opened, asked, tmp_plan_path):
    assert opened.save()
    opened.grid.set_current(0, "lunch")
    assert opened.add_food("kefir")
    assert opened.save()
    assert asked == [] and load_plan(tmp_plan_path).entry_count() == 3


def test_a_file_changed_on_disk_is_not_overwritten_without_asking(opened, asked, tmp_plan_path):
    _written_elsewhere(tmp_plan_path)
    asked.answers = [dialogs.ConflictDialog.CANCEL]
    assert not opened.save()
    ((path, reason, can_overwrite),) = asked
    assert path == tmp_plan_path and can_overwrite and "changed by another program" in reason
    assert _foods(tmp_plan_path) == ["sauerkraut"] and opened.document.modified

    asked.answers = [dialogs.ConflictDialog.OVERWRITE]
    assert opened.save()
    assert _foods(tmp_plan_path) == ["kefir", "oats-rolled"] and not opened.document.modified
    assert opened.save() and len(asked) == 2  # ours now: no question


def test_reload_opens_the_other_version(opened, asked, tmp_plan_path):
    _written_elsewhere(tmp_plan_path)
    asked.answers = [dialogs.ConflictDialog.RELOAD]
    assert not opened.save()
    assert [e.food_id for e in opened.document.plan.cell(0, "breakfast")] == ["sauerkraut"]
    assert not opened.document.modified and _foods(tmp_plan_path) == ["sauerkraut"]


def test_save_as_keeps_both(opened, asked, tmp_plan_path, tmp_path, monkeypatch):
    _written_elsewhere(tmp_plan_path)
    other = tmp_path / "mine.gutplan"
    monkeypatch.setattr(dialogs.FileDialogs, "save_plan", classmethod(lambda c, p, s: other))
    asked.answers = [dialogs.ConflictDialog.SAVE_AS]
    assert opened.save()
    assert _foods(other) == ["kefir", "oats-rolled"] and _foods(tmp_plan_path) == ["sauerkraut"]
    assert opened.document.path == other


def test_two_windows_on_one_plan_never_lose_each_others_work(make_window, asked, tmp_plan_path):
    save_plan(_plan_with("kefir"), tmp_plan_path)
    first, second = make_window(), make_window()
    for window, food in ((first, "oats-rolled"), (second, "sauerkraut")):
        assert window.load_file(tmp_plan_path)
        window.grid.set_current(0, "lunch")
        assert window.add_food(food)
    assert first.save() and asked == []
    asked.answers = [dialogs.ConflictDialog.CANCEL]
    assert not second.save()
    assert len(asked) == 1
    assert [e.food_id for e in load_plan(tmp_plan_path).cell(0, "lunch")] == ["oats-rolled"]


def test_a_link_planted_after_opening_is_never_followed(opened, asked, tmp_plan_path, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("someone else's file", encoding="utf-8")
    tmp_plan_path.unlink()
    tmp_plan_path.symlink_to(victim)
    # Even an answer of Overwrite (not offered) must not write through the link.
    asked.answers = [dialogs.ConflictDialog.OVERWRITE]
    assert not opened.save()
    ((_path, reason, can_overwrite),) = asked
    assert not can_overwrite and "has become a link" in reason
    assert victim.read_text(encoding="utf-8") == "someone else's file"
    assert tmp_plan_path.is_symlink() and opened.document.modified


def test_a_dangling_link_planted_after_opening_is_not_followed(opened, asked, tmp_plan_path,
                                                                tmp_path):  # fmt: skip
    target = tmp_path / "created-elsewhere.gutplan"
    tmp_plan_path.unlink()
    tmp_plan_path.symlink_to(target)
    asked.answers = [dialogs.ConflictDialog.CANCEL]
    assert not opened.save()
    assert not target.exists() and len(asked) == 1


def test_a_plan_opened_through_a_link_saves_through_it(window, asked, tmp_path):
    real = tmp_path / "real.gutplan"
    save_plan(_plan_with("kefir"), real)
    link = tmp_path / "link.gutplan"
    link.symlink_to(real)
    assert window.load_file(link)
    window.grid.set_current(0, "lunch")
    assert window.add_food("kefir")
    assert window.save() and asked == []
    assert link.is_symlink() and len(load_plan(real).cell(0, "lunch")) == 1
    os.remove(link)
    link.symlink_to(tmp_path / "elsewhere.gutplan")  # re-pointed: a different link
    assert window.add_food("kefir")
    asked.answers = [dialogs.ConflictDialog.CANCEL]
    assert not window.save() and not asked[0][2]


def test_a_change_on_disk_is_told_before_saving(opened, qtbot, tmp_plan_path):
    _written_elsewhere(tmp_plan_path)
    message = opened.statusBar().currentMessage
    qtbot.waitUntil(lambda: "was changed on disk" in message(), timeout=5000)
    opened.statusBar().clearMessage()
    _written_elsewhere(tmp_plan_path)  # still watched after a save by rename
    qtbot.waitUntil(lambda: "was changed on disk" in message(), timeout=5000)


def test_the_apps_own_save_is_not_told_as_a_change(opened, qtbot, asked, tmp_plan_path):
    assert opened.save()
    opened.statusBar().clearMessage()
    qtbot.wait(300)
    assert "changed on disk" not in opened.statusBar().currentMessage()
    _written_elsewhere(tmp_plan_path)
    qtbot.waitUntil(lambda: "changed on disk" in opened.statusBar().currentMessage(), timeout=5000)
