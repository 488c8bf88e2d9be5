"""Item data roles the models answer and the delegates paint from, and the index type the
model methods take."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

FOOD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
FOOD_ROLE = Qt.ItemDataRole.UserRole + 2
AVOIDED_ROLE = Qt.ItemDataRole.UserRole + 3
SERVING_ROLE = Qt.ItemDataRole.UserRole + 4
ENTRIES_ROLE = Qt.ItemDataRole.UserRole + 5
SCORE_ROLE = Qt.ItemDataRole.UserRole + 6

Index = QModelIndex | QPersistentModelIndex
