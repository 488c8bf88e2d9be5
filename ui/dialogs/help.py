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

from planner.i18n import N_, _, language

from .parts import close_only, stack

APP_NAME = "Gut–Skin Planner"  # a name: the same in every language
NOT_MEDICAL_ADVICE = N_(
    "Gut–Skin Planner helps you plan meals; it is not medical advice, and it does not "
    "diagnose or treat any condition. Research on the gut–skin axis is young. See a doctor "
    "or dermatologist about skin problems."
)
# Keys of the grid and lists that belong to no menu item (ui/views/week.py, lists.py):
# marked here, translated by shortcut_rows. The keys' names are words too ("Up, Down").
OTHER_KEYS: tuple[tuple[str, str], ...] = (
    (N_("Add the chosen food to the selected meal"), N_("Enter")),
    (N_("Walk through the foods of a meal"), N_("Up, Down")),
    (N_("Open the grid's menu"), N_("Shift+F10, Menu")),
    (N_("Copy a food instead of moving it"), N_("Ctrl while dropping")),
)


def scoring_markdown() -> str:
    """The scoring method as markdown, or a line saying it is missing. A document, not a
    message: a language's own copy (resources/help/scoring.de.md) where one is shipped,
    the English one otherwise."""
    folder = resources.files("resources") / "help"
    for name in (f"scoring.{language()}.md", "scoring.md"):
        try:
            return (folder / name).read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    return _("The description of the scoring was not found in this installation.")


def app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("gutskin-planner")
    except PackageNotFoundError:
        return _("a development copy")


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
    return rows + [(_(what), _(keys)) for what, keys in OTHER_KEYS]


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
        self.setWindowTitle(_("Keyboard Shortcuts"))
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setAccessibleName(_("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([_("Action"), _("Keys")])
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
    # Each paragraph is a message (its markup kept: the pseudo-language and translators
    # leave tags alone); the version and the names are filled in after.
    paragraphs = (
        _("Version {version}. Licence: MIT.").format(version=escape(app_version())),
        _(
            "Plan a week of meals around the gut–skin axis: probiotic, prebiotic and "
            "fiber-rich foods, fewer foods to limit."
        ),
        _(
            "<b>Food data:</b> USDA National Nutrient Database for Standard Reference, "
            "Release 28 (SR28), public domain."
        ),
        _(
            "<b>Fonts in the PDF:</b> DejaVu fonts 2.37, under the DejaVu fonts licence "
            "(Bitstream Vera licence; DejaVu changes in the public domain)."
        ),
        _("<b>Not medical advice.</b> {text}").format(text=escape(_(NOT_MEDICAL_ADVICE))),
    )
    return f"<h3>{escape(APP_NAME)}</h3>" + "".join(f"<p>{p}</p>" for p in paragraphs)


class About:
    @classmethod
    def ask(cls, parent: QWidget | None) -> None:
        QMessageBox.about(parent, _("About {app}").format(app=APP_NAME), about_html())
