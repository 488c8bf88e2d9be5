"""The check-in dialog by keyboard alone, and the trends view (pytest-qt)."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from planner.journal.fields import CheckIn
from planner.journal.store import JournalStore
from tests.support.gui import QT_LOG_IGNORE
from ui.journal import CheckInDialog, TrendsWindow

pytestmark = QT_LOG_IGNORE
ROOT = Path(__file__).resolve().parents[1]
DAY = date(2026, 11, 30)


@pytest.fixture
def store(tmp_path: Path):
    with JournalStore(tmp_path / "journal" / "journal.sqlite3", backups=False) as opened:
        yield opened


def show(qtbot, dialog: CheckInDialog) -> CheckInDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # shortcuts (Ctrl+Enter) work in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def press(dialog: CheckInDialog, *keys: str | Qt.Key) -> None:
    """Types into whatever has the focus, as a person would: text, Tab, Space."""
    for key in keys:
        widget = dialog.focusWidget()
        assert widget is not None
        if isinstance(key, str):
            QTest.keyClicks(widget, key)
        else:
            QTest.keyClick(widget, key)


TAB, SPACE = Qt.Key.Key_Tab, Qt.Key.Key_Space


def test_a_full_check_in_by_keyboard_alone(qtbot, store: JournalStore):
    dialog = show(qtbot, CheckInDialog(store, DAY))
    assert dialog.focusWidget() is dialog.editors["skin_breakouts"]
    press(dialog, "2", TAB, "1", TAB, "0", TAB, TAB, "3", TAB)  # skin; itch left empty
    press(dialog, "2", TAB, TAB, "0", TAB, "4", TAB)  # gut; discomfort left empty
    press(dialog, "4", TAB, "3", TAB)  # mood, energy
    press(dialog, "7.5", TAB, "2", TAB, "8", TAB, "30", TAB, "w", TAB)  # sleep .. kind
    press(dialog, SPACE, TAB, TAB, SPACE, TAB, TAB, TAB, TAB)  # meditation and yoga
    press(dialog, "0", TAB, "n", TAB, "kefir daily", TAB)  # alcohol, antibiotics, supplements
    press(dialog, "m", TAB, "swapped lunch")
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert store.get(DAY) == CheckIn(
        DAY,
        {
            "skin_breakouts": 2,
            "skin_redness": 1,
            "skin_dryness": 0,
            "skin_oiliness": 3,
            "gut_bloating": 2,
            "gut_reflux": 0,
            "gut_stool": 4,
            "mood": 4,
            "energy": 3,
            "sleep_hours": 7.5,
            "stress": 2,
            "water_glasses": 8,
            "movement_minutes": 30,
            "movement_kind": "walking",
            "practices": "meditation, yoga",
            "alcohol_drinks": 0,
            "antibiotics": False,
            "supplements": "kefir daily",
            "ate_as_planned": "mostly",
            "plan_note": "swapped lunch",
        },
    )


def test_empty_fields_are_not_saved_as_zero(qtbot, store: JournalStore):
    dialog = show(qtbot, CheckInDialog(store, DAY))
    press(dialog, "0")  # breakouts: none, which is an answer
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    assert dict(store.get(DAY).values) == {"skin_breakouts": 0}


def test_a_past_day_is_loaded_edited_and_saved(qtbot, store: JournalStore):
    past = DAY - timedelta(10)
    store.save(CheckIn(past, {"mood": 2, "practices": "none", "plan_note": "tired"}))
    dialog = show(qtbot, CheckInDialog(store, DAY))
    assert dialog.loaded_label.text() == "New check-in."
    dialog.date_edit.setDate(QDate(past.year, past.month, past.day))
    assert dialog.loaded_label.text() == "Editing the check-in saved for this day."
    assert dialog.editors["mood"].currentText() == "2 – low"
    assert dialog.editors["practices"].boxes["none"].isChecked()
    assert dialog.editors["plan_note"].text() == "tired"
    dialog.editors["mood"].setFocus()
    press(dialog, "4")
    dialog.save()
    assert store.get(past) == CheckIn(past, {"mood": 4, "practices": "none", "plan_note": "tired"})
    assert store.get(DAY) is None


def test_answers_typed_for_the_wrong_day_move_with_the_date(qtbot, store: JournalStore):
    saved_day, free_day = DAY - timedelta(1), DAY - timedelta(2)
    store.save(CheckIn(saved_day, {"mood": 1}))
    dialog = show(qtbot, CheckInDialog(store, DAY))
    press(dialog, "3")  # breakouts, typed for today by mistake
    dialog.date_edit.setDate(QDate(free_day.year, free_day.month, free_day.day))
    assert dialog.loaded_label.text() == "New check-in, with the answers typed so far."
    assert dialog.checkin() == CheckIn(free_day, {"skin_breakouts": 3})
    dialog.date_edit.setDate(QDate(saved_day.year, saved_day.month, saved_day.day))
    assert dialog.checkin() == CheckIn(saved_day, {"mood": 1})  # a saved day shows itself
    dialog.date_edit.setDate(QDate(DAY.year, DAY.month, DAY.day))
    assert dialog.checkin() == CheckIn(DAY, {})  # nothing typed since: the form empties
    assert dialog.loaded_label.text() == "New check-in."


def test_ask_opens_the_journal_and_reports_saving(qtbot, store: JournalStore, monkeypatch):
    def fill_and_save(dialog: CheckInDialog) -> int:
        dialog.editors["gut_stool"].setCurrentIndex(4)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(CheckInDialog, "exec", fill_and_save)
    assert CheckInDialog.ask(None, store, DAY) is True
    assert dict(store.get(DAY).values) == {"gut_stool": 4}
    monkeypatch.setattr(CheckInDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert CheckInDialog.ask(None, store) is False


def synthetic(store: JournalStore, days: int = 200) -> dict[date, dict[str, float]]:
    rng = random.Random(5)
    drinks = [rng.choice((0, 0, 0, 1, 2)) for _ in range(days)]
    first = DAY - timedelta(days - 1)
    store.save_many(
        CheckIn(
            first + timedelta(n),
            {
                "alcohol_drinks": drinks[n],
                "skin_breakouts": 2 * (drinks[n - 2] if n >= 2 else 0) + rng.randint(0, 1),
                "gut_bloating": rng.randint(0, 4),
            },
        )
        for n in range(days)
    )
    return {first + timedelta(n): {"score": rng.uniform(40, 95)} for n in range(days)}


def test_the_trends_view_reads_the_journal_only_once_shown(qtbot, tmp_path: Path):
    path = tmp_path / "journal" / "journal.sqlite3"
    with JournalStore(path, backups=False) as filled:
        scores = synthetic(filled)
    store = JournalStore(path, backups=False)
    window = TrendsWindow(store, scores)
    qtbot.addWidget(window)
    assert not store.is_open  # not on the start-up path
    painted_before_reading = []
    window.chart.paintEvent = lambda event, paint=window.chart.paintEvent: (
        painted_before_reading.append(not store.is_open),
        paint(event),
    )
    window.show()
    qtbot.waitUntil(lambda: window.frame is not None, timeout=10_000)
    assert painted_before_reading[0] is True  # "Loading…" drawn, then the journal read
    assert window.key == "skin_breakouts"
    assert window.chart.values is not None and len(window.chart.values) == 91  # 3 months
    assert [m[0] for m in window.chart.means] == ["2-week mean", "4-week mean"]
    assert "Breakouts 2 days later was clearly higher after alcohol" in window.lags.text()
    window.span_box.setCurrentIndex(3)  # everything
    assert len(window.chart.values) == 200
    window.field_box.setCurrentIndex(window.field_box.findData("gut_bloating"))
    assert "same day, next day, two days later" in window.lags.text()
    assert [m[0] for m in window.chart.means] == ["week mean"]
    assert window.chart.score is not None
    window.score_box.setChecked(False)
    assert window.chart.score is None
    window.grab()  # paints without error
    store.close()


def test_the_chart_follows_the_light_and_dark_palette(qtbot, store: JournalStore):
    from ui.theme import dark_palette

    synthetic(store, 40)
    window = TrendsWindow(store, {})
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.frame is not None, timeout=10_000)
    colors = []
    for palette in (QApplication.palette(), dark_palette()):
        window.chart.setPalette(palette)
        image = window.chart.grab().toImage()
        colors.append(image.pixelColor(2, 2))
        assert image.pixelColor(2, 2) == palette.color(QPalette.ColorRole.Base)
    assert colors[0] != colors[1]


def test_an_empty_journal_shows_a_sentence(qtbot, store: JournalStore):
    window = TrendsWindow(store, {})
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.frame is not None, timeout=10_000)
    assert window.chart.placeholder == "No check-ins with this field yet."
    assert window.better.text().startswith("Nothing to compare yet")


def test_the_journal_parts_import_no_pandas_or_reportlab():
    code = (
        "import sys, ui.journal, planner.cli.journal, planner.journal.csvio\n"
        "print(sorted(m for m in ('pandas', 'reportlab') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
