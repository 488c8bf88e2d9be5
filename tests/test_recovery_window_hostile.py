"""A damaged recovery copy at start: the user is told, and the good copies are offered."""

from __future__ import annotations

import pytest

from planner.core.plan import Plan
from planner.storage.recovery import RecoveryStore
from tests.support.gui import QT_LOG_IGNORE, START
from tests.test_recovery_hostile import crashed_copy
from ui import dialogs

pytestmark = [QT_LOG_IGNORE, pytest.mark.usefixtures("no_dialogs")]


def show(shown: list[tuple[str, str]]):
    return classmethod(lambda cls, parent, title, text: shown.append((title, text)))


def test_a_damaged_copy_is_reported_and_the_good_one_still_offered(make_window, monkeypatch):
    store = RecoveryStore()
    crashed_copy(store, "good")
    bad = crashed_copy(store, "bad", saved="0001-01-01T00:00:00+05:00")
    far = crashed_copy(store, "far", plan={"format": "gutskin-plan", "version": 1,
                                           "start": "9999-12-27", "entries": []})  # fmt: skip
    shown: list[tuple[str, str]] = []
    offered: list[list[str]] = []
    monkeypatch.setattr(dialogs.Messages, "error", show(shown))

    def keep(cls, parent, found):
        offered.append([copy.title for copy in found])
        return dialogs.RecoveryDialog.KEEP, found[0]

    monkeypatch.setattr(dialogs.RecoveryDialog, "ask", classmethod(keep))
    window = make_window(Plan(START))
    window.open_initial(None)
    assert offered == [["good"]]
    [(title, text)] = shown
    assert title == "Some recovery copies could not be read"
    assert f"kept as {bad.name}.damaged" in text and f"kept as {far.name}.damaged" in text
    assert "start date must be between 1900-01-01 and 2999-12-31" in text
