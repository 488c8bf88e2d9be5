"""Help a newcomer can find: how scoring works, the keyboard shortcuts, and About.

The scoring text is resources/help/scoring.md, a copy of the documentation's method made
by ``python -m tools.help_copy``; the shortcut list is built from the window's actions, so
it cannot drift from what the keys do.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from importlib import resources

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QWidget,
)

from .parts import close_only, stack

APP_NAME = "Gut–Skin Planner"
NOT_MEDICAL_ADVICE = (
    "Gut–Skin Planner helps you plan meals; it is not medical advice, and it does not "
    "diagnose or treat any condition. Research on the gut–skin axis is young. See a doctor "
    "or dermatologist about skin problems."
)
# Keys of the grid and lists that belong to no menu item (ui/views/week.py, lists.py).
OTHER_KEYS: tuple[tuple[str, str], ...] = (
    ("Add the chosen food to the selected meal", "Enter"),
    ("Walk through the foods of a meal", "Up, Down"),
    ("Open the grid's menu", "Shift+F10, Menu"),
    ("Copy a food instead of moving it", "Ctrl while dropping"),
)


def scoring_markdown() -> str:
    """The scoring method as markdown, or a line saying it is missing."""
    try:
        return (resources.files("resources") / "help" / "scoring.md").read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return "The description of the scoring was not found in this installation."


def app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("gutskin-planner")
    except PackageNotFoundError:
        return "a development copy"


def plain(text: str) -> str:
    """A menu text as read: no mnemonic marks, no ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(what, keys) for every action with a shortcut, then the keys of no menu item."""
    rows = []
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        if keys:
            rows.append((plain(action.text()), ", ".join(keys)))
    return rows + list(OTHER_KEYS)


class HelpText(QDialog):
    """A window of help text (markdown), left open beside the app while one works."""

    def __init__(self, title: str, markdown: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QTextBrowser(self)
        self.text.setAccessibleName(title)
        self.text.setOpenExternalLinks(True)
        self.text.setMarkdown(markdown)
        stack(self, (self.text, 1), close_only(self, self.close))
        self.resize(640, 560)


class ShortcutsDialog(QDialog):
    """The keyboard shortcuts as a two-column table."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Action", "Keys"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        stack(self, (self.table, 1), close_only(self, self.close))
        self.resize(520, 520)

    def rows(self) -> list[tuple[str, str]]:
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1)) for r in range(self.table.rowCount())]


def about_html() -> str:
    return (
        f"<h3>{escape(APP_NAME)}</h3>"
        f"<p>Version {escape(app_version())}. Licence: MIT.</p>"
        "<p>Plan a week of meals around the gut–skin axis: probiotic, prebiotic and "
        "fiber-rich foods, fewer foods to limit.</p>"
        "<p><b>Food data:</b> USDA National Nutrient Database for Standard Reference, "
        "Release 28 (SR28), public domain.</p>"
        "<p><b>Fonts in the PDF:</b> DejaVu fonts 2.37, under the DejaVu fonts licence "
        "(Bitstream Vera licence; DejaVu changes in the public domain).</p>"
        f"<p><b>Not medical advice.</b> {escape(NOT_MEDICAL_ADVICE)}</p>"
    )


class About:
    @classmethod
    def ask(cls, parent: QWidget | None) -> None:
        QMessageBox.about(parent, f"About {APP_NAME}", about_html())
