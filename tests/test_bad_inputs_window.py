"""The corpus of bad files (tests/data/bad/) through the main window: each damaged file is
one dialog with its message and the open plan stays as it was; files that load are shown
and painted (markup, right-to-left text, emoji, control characters) without an error.
And drops of foreign or damaged drag data onto the grid change nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from planner.core.plan import Plan
from planner.storage.userfoods import UserFoods
from tests.support.gui import QT_LOG_IGNORE
from tests.support.tinydata import tiny_catalog
from tests.test_bad_inputs import MANIFEST, START, unpack
from ui import dialogs
from ui.models.mime import MIME_TYPE

pytestmark = QT_LOG_IGNORE


@pytest.fixture(autouse=True)
def _read_at_once(monkeypatch):
    """Every file is read on the GUI thread here, so that each message comes at once; the
    large ones go through the worker in tests/test_ui_loading.py."""
    from ui.window import loading

    monkeypatch.setattr(loading, "BACKGROUND_BYTES", 1 << 40)


def patch(monkeypatch, cls, name, func) -> None:
    monkeypatch.setattr(cls, name, classmethod(func))


@pytest.fixture
def small(make_window):
    """A window over the hand-made catalog the manifest's messages were written against."""
    window = make_window(cat=tiny_catalog())
    window.grid.set_current(0, "breakfast")
    assert window.add_food("kefir")
    return window


@pytest.fixture
def shown(monkeypatch) -> list[tuple[str, Path, str]]:
    messages: list[tuple[str, Path, str]] = []

    def record(cls, parent, action: str, path: Path, text: str) -> None:
        messages.append((action, path, text))

    patch(monkeypatch, dialogs.Messages, "file_error", record)
    patch(monkeypatch, dialogs.UnsavedChanges, "ask",
          lambda cls, parent, name: dialogs.UnsavedChanges.DISCARD)  # fmt: skip
    return messages


def paint(window) -> None:
    """Draw everything a loaded file can reach: grid, palettes, day panel, tooltips."""
    window.grid.viewport().repaint()
    window.palette_panel.list.viewport().repaint()
    window.grab()
    model = window.week_model
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)


def test_every_bad_plan_file_is_one_message_and_the_plan_stays(small, shown, tmp_path):
    before = small.document.plan.snapshot()
    for stored, spec in MANIFEST["plans"].items():
        path = unpack("plans", stored, tmp_path)
        shown.clear()
        opened = small.load_file(path)
        if "error" in spec:
            assert not opened, stored
            assert shown == [("Could not open the plan", path, spec["error"])], stored
            assert small.document.plan.snapshot() == before and small.document.modified
        else:
            assert opened and shown == [], stored
            unknown = spec["loads"]["unknown"]
            message = small.statusBar().currentMessage()
            n = len(unknown)
            said = (
                f"1 food in {path.name} is not in the catalog"
                if n == 1
                else f"{n} foods in {path.name} are not in the catalog"
            )
            assert (said in message) is bool(unknown), stored
            paint(small)
            small.document.replace(Plan(START))
            small.grid.set_current(0, "breakfast")
            small.add_food("kefir")
            before = small.document.plan.snapshot()


def test_every_bad_csv_file_is_one_message_and_nothing_is_imported(
    small, shown, tmp_path, monkeypatch
):
    chosen: list[Path] = []
    patch(monkeypatch, dialogs.FileDialogs, "open_csv", lambda cls, parent, folder: chosen[-1])
    for stored, spec in MANIFEST["csv"].items():
        path = unpack("csv", stored, tmp_path)
        chosen.append(path)
        before = small.document.plan.snapshot()
        shown.clear()
        small.import_csv_file()
        if "error" in spec:
            # The window's import starts plans on this week's Monday, not the corpus's date:
            # only messages about dates could differ, and none of the corpus's does.
            assert shown == [("Could not import the CSV file", path, spec["error"])], stored
            assert small.document.plan.snapshot() == before
        else:
            assert shown == [] and small.document.plan.entry_count() == len(spec["imports"])
            paint(small)


def test_foods_with_odd_names_load_show_and_paint(make_window, tmp_path):
    from planner.core.foods import Catalog

    foods, names = [], []
    for stored, spec in MANIFEST["foods"].items():
        if "loads" in spec:
            foods += UserFoods.load(unpack("foods", stored, tmp_path))
            names += spec["loads"]
    assert len(foods) >= 6
    odd = [replace(food, id=f"my:odd-{n}") for n, food in enumerate(foods)]
    own = Catalog.load(include_sr28=False, user_foods=odd)
    window = make_window(cat=own, user_foods=UserFoods(tmp_path / "mine.json", odd))
    window.palette_panel.show_palette("mine")
    mine = window.palette_panel.models["mine"]
    assert sorted(mine.food(r).name for r in range(mine.rowCount())) == sorted(names)
    for n in range(len(foods)):
        window.grid.set_current(n % 7, "lunch")
        assert window.add_food(f"my:odd-{n}")
    for row in range(mine.rowCount()):
        mine.index(row).data(Qt.ItemDataRole.ToolTipRole)
    paint(window)
    window.scores.flush()


# -- drag data --------------------------------------------------------------------------------
def mime(fmt: str | None, payload: bytes = b"") -> QMimeData:
    data = QMimeData()
    if fmt is not None:
        data.setData(fmt, QByteArray(payload))
    return data


def file_manager_drag() -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile("/home/someone/week.gutplan"), QUrl("https://x.test/")])
    return data


DRAGS = {
    "nothing": mime(None),
    "empty-payload": mime(MIME_TYPE),
    "foreign-type": mime("application/x-other-app", b'{"v": 1, "items": [{"food": "kefir"}]}'),
    "garbage-bytes": mime(MIME_TYPE, bytes(range(256)) * 4),
    "unknown-ids": mime(
        MIME_TYPE, b'{"v": 1, "doc": null, "items": [{"food": "no"}, {"food": "dragon-fruit"}]}'
    ),
    "file-manager": file_manager_drag(),
}


@pytest.mark.parametrize("name", list(DRAGS))
def test_foreign_or_damaged_drops_on_the_grid_change_nothing(small, qtbot, name):
    view = small.grid
    before = small.document.plan.snapshot()
    count = small.document.undo_stack.count()
    target = view.visualRect(small.week_model.index(1, 2)).center()
    for action in (Qt.DropAction.CopyAction, Qt.DropAction.MoveAction):
        event = QDropEvent(
            QPointF(target), action, DRAGS[name], Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        view.dropEvent(event)
        # Ids are checked against the catalog when dropped: a well-formed drag of unknown
        # foods may be accepted for dropping, and then adds nothing.
        accepted = small.week_model.canDropMimeData(
            DRAGS[name], action, -1, -1, small.week_model.index(1, 2)
        )
        assert accepted is (name == "unknown-ids")
    assert small.document.plan.snapshot() == before
    assert small.document.undo_stack.count() == count
    assert view.viewport().rect().contains(QPoint(target.x(), target.y()))
