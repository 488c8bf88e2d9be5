"""A reference for the start-up figures: the app's widgets, built with Qt's own models.

The same main window as the app's first paint shows (eight menus with as many actions and
shortcuts as the app's, the toolbar, the palette dock with its nine palettes, search field,
hint and two-line food rows, the week bar and grid, the selected food's amount and unit,
the day dock in its scroll area with six score parts, seven skin nutrients, energy,
protein and the suggestions) from stock Qt widgets and QStandardItemModel, with no module
of the app and no Python model, view or delegate. Kept in step with the window: when the
window gains a widget, so does this. What it takes to paint shows
what Qt and PySide themselves need for such a window (the Qt namespace's enums, the font
database, text layout), before any of the app's own work. Reports its first paint as
bare_window.py does.
"""

from __future__ import annotations

import sys

from bare_window import _FirstPaint
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDockWidget,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStyle,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

DAYS = ("Mon 30 Nov", "Tue 1 Dec", "Wed 2 Dec", "Thu 3 Dec", "Fri 4 Dec", "Sat 5 Dec", "Sun 6 Dec")
ROWS = ("Breakfast", "Lunch", "Dinner", "Snacks", "Score")
FOODS = (
    ("Plain yogurt (live cultures)", "1 cup"),
    ("Greek yogurt, plain", "1 container (6 oz)"),
    ("Kefir, plain", "1 cup"),
    ("Miso", "1 tbsp"),
    ("Kimchi", "1/2 cup"),
    ("Sauerkraut (canned)", "1/2 cup"),
    ("Kombucha", "1 cup (8 fl oz)"),
    ("Tempeh", "1/2 cup"),
)
PALETTES = (
    "Probiotic",
    "Prebiotic",
    "Fiber-dense",
    "Anti-inflammatory",
    "Hydrating",
    "Foods to limit",
    "All foods",
    "My foods",
    "Recipes",
)
# The app's menus, each with as many items as it has (a submenu counts as one more).
MENUS = (
    ("&File", 12),
    ("&Edit", 12),
    ("&View", 4),
    ("&Plan", 18),
    ("F&oods", 5),
    ("&Recipes", 7),
    ("&Journal", 3),
    ("&Help", 4),
)
SHORTCUTS = 20  # the app's actions with a keyboard shortcut
PARTS = ("Probiotic", "Prebiotic", "Fiber", "Plants", "Anti-inflammatory", "Foods to limit")
SKIN = (
    "Vitamin A",
    "Vitamin C",
    "Vitamin D",
    "Vitamin E",
    "Zinc",
    "Omega-3 ALA",
    "Omega-3 EPA+DHA",
)


def _menus_and_toolbar(window: QMainWindow) -> None:
    """As many actions as the app's, in its eight menus, and its toolbar of five."""
    style, key = window.style(), QKeySequence.StandardKey
    icons = (
        QStyle.StandardPixmap.SP_FileIcon,
        QStyle.StandardPixmap.SP_DialogOpenButton,
        QStyle.StandardPixmap.SP_DialogSaveButton,
        QStyle.StandardPixmap.SP_ArrowBack,
        QStyle.StandardPixmap.SP_ArrowForward,
    )
    tools = QToolBar("Main", window)
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    shortcuts = SHORTCUTS
    for title, count in MENUS:
        menu = window.menuBar().addMenu(title)
        if title == "&File":
            menu.addMenu("Open &Recent")
        for number in range(count):
            action = QAction(f"{title[1:]} item {number}", window)
            if shortcuts > 0:
                action.setShortcut(QKeySequence(key.Copy))
                shortcuts -= 1
            action.setStatusTip("What the item does")
            menu.addAction(action)
            if title == "&File" and number < len(icons):
                action.setIcon(style.standardIcon(icons[number]))
                tools.addAction(action)
    window.addToolBar(tools)


def _palette_dock(window: QMainWindow) -> None:
    panel = QWidget()
    chooser = QComboBox(panel)
    icon = panel.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon)
    for name in PALETTES:
        chooser.addItem(icon, name)
        chooser.setItemData(
            chooser.count() - 1, "What the palette holds", Qt.ItemDataRole.ToolTipRole
        )
    label = QLabel("&Palette:", panel)
    label.setBuddy(chooser)
    top = QHBoxLayout()
    top.addWidget(label)
    top.addWidget(chooser, 1)
    search = QLineEdit(panel)
    search.setPlaceholderText("Search foods")
    search.setClearButtonEnabled(True)
    hint = QLabel(
        "Fermented foods. Only live cultures add to the gut's own bacteria: each food says "
        "whether its cultures are likely alive.",
        panel,
    )
    hint.setWordWrap(True)
    foods = QStandardItemModel(panel)
    for name, measure in FOODS:
        item = QStandardItem(f"{name}\n{measure}")
        item.setIcon(icon)
        item.setToolTip(name)
        foods.appendRow(item)
    food_list = QListView(panel)
    food_list.setModel(foods)
    bottom = QHBoxLayout()
    bottom.addWidget(QLabel(f"{len(FOODS)} foods", panel), 1)
    bottom.addWidget(QPushButton("Add to Selected Meal", panel))
    layout = QVBoxLayout(panel)
    layout.addLayout(top)
    layout.addWidget(search)
    layout.addWidget(hint)
    layout.addWidget(food_list, 1)
    layout.addLayout(bottom)
    dock = QDockWidget("Foods", window)
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)


def _bar_rows(box: QGroupBox, names: tuple[str, ...], notes: bool) -> None:
    """A label, a bar and a value for each name (and, with ``notes``, a line under it)."""
    grid = QGridLayout(box)
    for row, name in enumerate(names):
        bar = QProgressBar(box)
        bar.setTextVisible(False)
        grid.addWidget(QLabel(name, box), row * 2, 0)
        grid.addWidget(bar, row * 2, 1)
        grid.addWidget(QLabel("–", box), row * 2, 2)
        if notes:
            note = QLabel("", box)
            note.setWordWrap(True)
            grid.addWidget(note, row * 2 + 1, 0, 1, 3)


def _day_dock(window: QMainWindow) -> None:
    panel = QWidget()
    layout = QHBoxLayout(panel)
    parts = QGroupBox("Score parts", panel)
    _bar_rows(parts, PARTS, notes=True)
    skin = QGroupBox("Skin nutrients (share of daily value)", panel)
    _bar_rows(skin, SKIN, notes=False)
    totals = skin.layout()
    assert isinstance(totals, QGridLayout)
    for row, (name, value) in enumerate((("Energy", "0 kcal"), ("Protein", "0 g"))):
        totals.addWidget(QLabel(name, skin), 2 * len(SKIN) + row, 0)
        totals.addWidget(QLabel(value, skin), 2 * len(SKIN) + row, 1)
    suggestions = QGroupBox("Suggestions for this day", panel)
    column = QVBoxLayout(suggestions)
    column.addWidget(QListView(suggestions), 1)
    column.addWidget(QPushButton("Add to Selected Meal", suggestions))
    title = QVBoxLayout()
    heading = QLabel("Monday 30 November", panel)
    font = heading.font()
    font.setBold(True)
    heading.setFont(font)
    title.addWidget(heading)
    title.addWidget(QLabel("Nothing planned yet.", panel))
    title.addWidget(parts, 1)
    layout.addLayout(title, 1)
    layout.addWidget(skin, 1)
    layout.addWidget(suggestions, 1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(panel)
    dock = QDockWidget("Selected day", window)
    dock.setWidget(scroll)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)


def _week(window: QMainWindow) -> None:
    central = QWidget(window)
    bar = QHBoxLayout()
    bar.addWidget(QLabel("Starts:", central))
    bar.addWidget(QDateEdit(central))
    bar.addStretch(1)
    bar.addWidget(QLabel("<b>Week average: …</b>", central))
    bar.addWidget(QLabel("<b>Plants: …</b>", central))
    grid_model = QStandardItemModel(len(ROWS), len(DAYS), central)
    grid_model.setHorizontalHeaderLabels(list(DAYS))
    grid_model.setVerticalHeaderLabels(list(ROWS))
    grid = QTableView(central)
    grid.setModel(grid_model)
    entry = QHBoxLayout()
    entry.addWidget(QLabel("Monday breakfast: drop a food here, or choose one and press Enter"), 1)
    amount = QDoubleSpinBox(central)
    label = QLabel("A&mount:", central)
    label.setBuddy(amount)
    entry.addWidget(label)
    entry.addWidget(amount)
    units = QComboBox(central)
    units.addItems(["serving", "g", "oz"])
    entry.addWidget(units)
    entry.addWidget(QPushButton("Remove", central))
    layout = QVBoxLayout(central)
    layout.addLayout(bar)
    layout.addWidget(grid, 1)
    layout.addLayout(entry)
    window.setCentralWidget(central)


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)  # the app's default size
    _menus_and_toolbar(window)
    _palette_dock(window)
    _day_dock(window)
    _week(window)
    window.statusBar()
    watch = _FirstPaint(window, then_pandas=False)  # noqa: F841 - kept until exec() returns
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
