"""Colours and small icons shared by the views, chosen to read on light and dark palettes."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

from planner.core.foods import CATEGORIES

CATEGORY_COLORS: dict[str, str] = {
    "probiotic": "#8e5bd0",  # violet: cultures
    "prebiotic": "#d99a1e",  # amber: onions, oats
    "fiber": "#5a9a32",  # green: plants
    "anti_inflammatory": "#2f8fb5",  # blue: fish, omega-3
    "hydrating": "#35b5a9",  # teal: water
    "limit": "#d04c4c",  # red: go easy
}
NO_CATEGORY_COLOR = "#8a8f98"
PALETTE_COLORS: dict[str, str] = {"all": "#6c7480", "mine": "#c46aa5"}


def category_color(category: str | None) -> QColor:
    return QColor(CATEGORY_COLORS.get(category or "", NO_CATEGORY_COLOR))


def score_color(score: float | None) -> QColor:
    """Red below 40, amber below 70, green from 70: the same bands as the CLI's words."""
    if score is None:
        return QColor(NO_CATEGORY_COLOR)
    if score < 40:
        return QColor("#d04c4c")
    if score < 70:
        return QColor("#e0a526")
    return QColor("#3f9d4a")


@cache
def dot_icon(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    painter.end()
    return QIcon(pixmap)


def category_icon(category: str | None) -> QIcon:
    return dot_icon(CATEGORY_COLORS.get(category or "", NO_CATEGORY_COLOR))


def categories_in_order(categories: frozenset[str]) -> list[str]:
    return [cat for cat in CATEGORIES if cat in categories]


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether ``palette`` (the application's by default) draws light text on dark."""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style (used where the platform offers none)."""
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colors = {
        role.Window: "#2b2d31",
        role.WindowText: "#e6e6e6",
        role.Base: "#1f2023",
        role.AlternateBase: "#26282c",
        role.ToolTipBase: "#3a3d42",
        role.ToolTipText: "#f0f0f0",
        role.PlaceholderText: "#8d9096",
        role.Text: "#e6e6e6",
        role.Button: "#34363b",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Light: "#45484e",
        role.Midlight: "#3a3d42",
        role.Mid: "#2f3136",
        role.Dark: "#18191b",
        role.Shadow: "#0c0c0d",
        role.Highlight: "#3d7bd9",
        role.HighlightedText: "#ffffff",
        role.Link: "#6ea8ff",
    }
    for r, color in colors.items():
        p.setColor(r, QColor(color))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#7b7e84"))
    return p


def secondary_text(palette: QPalette) -> QColor:
    """Text colour for secondary lines (servings, dates): between text and background."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    return QColor(
        (text.red() * 3 + base.red() * 2) // 5,
        (text.green() * 3 + base.green() * 2) // 5,
        (text.blue() * 3 + base.blue() * 2) // 5,
    )
