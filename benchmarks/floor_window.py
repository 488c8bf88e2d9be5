"""A reference for the start-up figures: the app's widgets, built with Qt's own models.

The same main window as the app's (menus and toolbar, the palette dock with its chooser,
search field and food list, the week bar and grid, the selected food's bar, the day dock
with its score bars and suggestions) from stock Qt widgets and QStandardItemModel, with
no module of the app and no Python model, view or delegate. What it takes to paint shows
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
    QStyle,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

DAYS = ("Mon 30 Nov", "Tue 1 Dec", "Wed 2 Dec", "Thu 3 Dec", "Fri 4 Dec", "Sat 5 Dec", "Sun 6 Dec")
ROWS = ("Score", "Breakfast", "Lunch", "Dinner", "Snacks")
FOODS = (
    "Kefir, plain",
    "Yogurt, live cultures",
    "Sauerkraut",
    "Kimchi",
    "Miso",
    "Tempeh",
    "Kombucha",
    "Aged cheese",
    "Sourdough bread",
    "Pickled cucumber",
    "Natto",
    "Buttermilk",
)


def _menus_and_toolbar(window: QMainWindow) -> None:
    """About as many actions as the app's, with shortcuts, in five menus."""
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
    for title, count in (("&File", 9), ("&Edit", 13), ("&View", 4), ("F&oods", 2), ("&Help", 1)):
        menu = window.menuBar().addMenu(title)
        for number in range(count):
            action = QAction(f"{title[1:]} item {number}", window)
            action.setShortcut(QKeySequence(key.Copy))
            action.setStatusTip("What the item does")
            menu.addAction(action)
            if title == "&File" and number < len(icons):
                action.setIcon(style.standardIcon(icons[number]))
                tools.addAction(action)
    window.addToolBar(tools)


def _palette_dock(window: QMainWindow) -> None:
    panel = QWidget()
    chooser = QComboBox(panel)
    for name in ("Probiotic", "Prebiotic", "Fiber-dense", "Anti-inflammatory", "Hydrating"):
        chooser.addItem(name)
    search = QLineEdit(panel)
    search.setPlaceholderText("Search foods")
    search.setClearButtonEnabled(True)
    foods = QStandardItemModel(panel)
    for name in FOODS:
        foods.appendRow(QStandardItem(name))
    food_list = QListView(panel)
    food_list.setModel(foods)
    layout = QVBoxLayout(panel)
    layout.addWidget(chooser)
    layout.addWidget(search)
    layout.addWidget(QLabel("Live cultures: yogurt, kefir, fermented vegetables.", panel))
    layout.addWidget(food_list, 1)
    layout.addWidget(QPushButton("Add to Selected Meal", panel))
    dock = QDockWidget("Foods", window)
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)


def _day_dock(window: QMainWindow) -> None:
    panel = QWidget()
    layout = QHBoxLayout(panel)
    parts = QGroupBox("Score parts", panel)
    grid = QGridLayout(parts)
    for row, name in enumerate(("Probiotic", "Prebiotic", "Fiber", "Foods to limit")):
        grid.addWidget(QLabel(name, parts), row * 2, 0)
        grid.addWidget(QProgressBar(parts), row * 2, 1)
        grid.addWidget(QLabel("0 / 25", parts), row * 2, 2)
        grid.addWidget(QLabel("", parts), row * 2 + 1, 0, 1, 3)
    skin = QGroupBox("Skin nutrients (share of daily value)", panel)
    skin_grid = QGridLayout(skin)
    for row, name in enumerate(("Vitamin A", "Vitamin C", "Vitamin E", "Zinc", "Omega-3")):
        skin_grid.addWidget(QLabel(name, skin), row, 0)
        skin_grid.addWidget(QProgressBar(skin), row, 1)
        skin_grid.addWidget(QLabel("0%", skin), row, 2)
    suggestions = QGroupBox("Suggestions for this day", panel)
    column = QVBoxLayout(suggestions)
    column.addWidget(QListView(suggestions), 1)
    column.addWidget(QPushButton("Add to Selected Meal", suggestions))
    title = QVBoxLayout()
    title.addWidget(QLabel("Monday 30 November", panel))
    title.addWidget(QLabel("Nothing planned yet.", panel))
    layout.addLayout(title)
    layout.addWidget(parts, 1)
    layout.addWidget(skin, 1)
    layout.addWidget(suggestions, 1)
    dock = QDockWidget("Selected day", window)
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)


def _week(window: QMainWindow) -> None:
    central = QWidget(window)
    bar = QHBoxLayout()
    bar.addWidget(QLabel("Week:", central))
    bar.addWidget(QComboBox(central))
    bar.addWidget(QLabel("Starts:", central))
    bar.addWidget(QDateEdit(central))
    bar.addStretch(1)
    bar.addWidget(QLabel("Week average —", central))
    grid_model = QStandardItemModel(len(ROWS), len(DAYS), central)
    grid_model.setHorizontalHeaderLabels(list(DAYS))
    grid_model.setVerticalHeaderLabels(list(ROWS))
    grid = QTableView(central)
    grid.setModel(grid_model)
    entry = QHBoxLayout()
    entry.addWidget(QLabel("", central), 1)
    entry.addWidget(QLabel("Servings:", central))
    entry.addWidget(QDoubleSpinBox(central))
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
