"""The PDF export from the window: one job at a time on a worker, dropped once it has
finished, and a Cancel that stops it without writing the file or showing an error."""

from __future__ import annotations

import gc
import inspect
import threading
import weakref

import pytest

import planner.export.pdf
from tests.support.gui import QT_LOG_IGNORE
from ui import dialogs

pytestmark = QT_LOG_IGNORE


def _export(window, monkeypatch, target) -> None:
    window.grid.set_current(0, "breakfast")
    window.add_food("kefir")
    options = dialogs.PdfOptions(target)
    monkeypatch.setattr(
        dialogs.PdfOptionsDialog, "ask", classmethod(lambda cls, parent, suggested, **_: options)
    )
    window.export_pdf_file()


def test_a_finished_export_job_is_not_kept(window, tmp_path, monkeypatch, qtbot):
    written: list[object] = []
    monkeypatch.setattr(window, "pdf_written", written.append)
    for name in ("one.pdf", "two.pdf"):
        _export(window, monkeypatch, tmp_path / name)
        assert window.export.running
        job = weakref.ref(window.export._job)
        qtbot.waitUntil(lambda: not window.export.running, timeout=30_000)
        qtbot.waitUntil(lambda job=job: gc.collect() >= 0 and job() is None, timeout=5000)
    assert written == [tmp_path / "one.pdf", tmp_path / "two.pdf"]


def test_cancel_stops_the_export_without_a_file_or_an_error(window, tmp_path, monkeypatch, qtbot):
    real = planner.export.pdf.export_pdf
    if "cancel" not in inspect.signature(real).parameters:
        pytest.skip("planner.export.pdf.export_pdf does not take cancel yet")
    seen: list[threading.Event] = []

    def after_cancel(*args, cancel: threading.Event, **kwargs):
        # Waits for the Cancel button, so the event is set before the real export starts.
        seen.append(cancel)
        assert cancel.wait(10)
        return real(*args, cancel=cancel, **kwargs)

    monkeypatch.setattr(planner.export.pdf, "export_pdf", after_cancel)
    target = tmp_path / "week.pdf"
    _export(window, monkeypatch, target)  # an error would open Messages: no_dialogs fails
    button = window.export.cancel_button()
    qtbot.waitUntil(button.isVisible, timeout=5000)  # the status bar shows on the next turn
    assert not window.act_pdf.isEnabled()
    button.click()
    qtbot.waitUntil(lambda: not window.export.running, timeout=30_000)
    assert len(seen) == 1 and seen[0].is_set()
    assert not target.exists() and not list(tmp_path.glob("*.pdf*"))
    assert "cancelled" in window.statusBar().currentMessage()
    assert window.act_pdf.isEnabled() and not button.isVisibleTo(window)


def _saved_plan(window, monkeypatch, path):
    window.grid.set_current(0, "breakfast")
    window.add_food("kefir")
    monkeypatch.setattr(dialogs.FileDialogs, "save_plan", classmethod(lambda cls, p, s: path))
    assert window.files.save_as()
    return path.read_bytes()


@pytest.mark.parametrize("kind", ["pdf", "csv", "report", "calendar"])
def test_no_export_replaces_the_open_plans_file(window, tmp_path, monkeypatch, qtbot, kind):
    """An export typed or chosen onto the plan's own file would leave the plan nowhere
    (and the window would close without asking: the plan has no unsaved change)."""
    from datetime import date

    from ui.journal.report import ReportOptions
    from ui.weeks.dialogs import CalendarOptions

    plan_file = tmp_path / "week.gutplan"
    saved = _saved_plan(window, monkeypatch, plan_file)
    errors: list[str] = []
    monkeypatch.setattr(
        dialogs.Messages, "error", classmethod(lambda cls, p, title, text: errors.append(text))
    )
    if kind == "pdf":
        window.export.start(dialogs.PdfOptions(plan_file))
    elif kind == "csv":
        monkeypatch.setattr(dialogs.FileDialogs, "save_csv", classmethod(lambda c, p, s: plan_file))
        window.export_csv_file()
    elif kind == "report":
        options = ReportOptions(plan_file, date(2026, 11, 1), date(2026, 11, 30))
        assert window.journal.start_report(options) is False
    else:
        window.plan_weeks.start_calendar(CalendarOptions(), plan_file)
    qtbot.waitUntil(lambda: not window.export.running, timeout=30_000)
    assert plan_file.read_bytes() == saved
    assert errors and "open plan's own file" in errors[0]
    assert not window.document.modified


def test_no_export_replaces_another_plan_file(window, tmp_path, monkeypatch):
    from planner.core.plan import Plan
    from planner.storage.planfile import save_plan
    from tests.support.gui import START

    other = tmp_path / "other week.json"  # a plan under any name
    save_plan(Plan(START), other)
    saved = other.read_bytes()
    errors: list[str] = []
    monkeypatch.setattr(
        dialogs.Messages, "error", classmethod(lambda cls, p, title, text: errors.append(text))
    )
    monkeypatch.setattr(dialogs.FileDialogs, "save_csv", classmethod(lambda c, p, s: other))
    window.export_csv_file()
    assert other.read_bytes() == saved
    assert errors and "is a plan file" in errors[0]


def test_a_bare_file_name_goes_to_the_suggested_folder(qtbot, tmp_path):
    from ui.journal.report import ReportDialog

    pdf = dialogs.PdfOptionsDialog(tmp_path / "week.pdf")
    report = ReportDialog(tmp_path / "journal-report.pdf")
    for dialog in (pdf, report):
        qtbot.addWidget(dialog)
        dialog.path.setText("mine")
    assert pdf.options().path == tmp_path / "mine.pdf"
    assert report.options().path == tmp_path / "mine.pdf"
