"""``SuggestionModel``: the foods that would raise the selected day's score most."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Qt

from planner.i18n import _
from ui.guard import guarded

from .foods import FoodSourceModel, literal_tip
from .roles import FOOD_ID_ROLE, Index

if TYPE_CHECKING:
    from planner.scoring.results import Suggestion


class SuggestionModel(FoodSourceModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Suggestion] = []
        self._weights: dict[str, str] = {}

    def set_suggestions(
        self, items: Iterable[Suggestion], weights: dict[str, str] | None = None
    ) -> None:
        """The suggestions, and what one serving of each weighs ("245 g" or "8.6 oz", by
        the metric/US setting), by food id."""
        items, weights = list(items), dict(weights or {})
        if items == self._items and weights == self._weights:
            return  # most edits leave the suggestions as they were: nothing to redo
        if len(items) == len(self._items):
            # The same number of rows: their texts change in place, and the list keeps
            # its layout instead of laying it out again after a reset.
            self._items, self._weights = items, weights
            self.dataChanged.emit(self.index(0), self.index(len(items) - 1))
            return
        self.beginResetModel()
        self._items, self._weights = items, weights
        self.endResetModel()

    def _serving(self, s: Suggestion) -> str:
        weight = self._weights.get(s.food_id)
        return f"{s.serving_label}, {weight}" if weight else s.serving_label

    def suggestion(self, row: int) -> Suggestion | None:
        item: Suggestion | None = self._item(row)
        return item

    def _rows(self) -> list[Suggestion]:
        return self._items

    @guarded()
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._holds(index):
            return None
        s = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            gain = QLocale().toString(int(f"{s.gain:.0f}"))
            return f"+{gain}   {s.name} ({self._serving(s)})"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            # Translators: a suggestion: the food, its serving, why, and the day's new score.
            text = _("{food}, {serving}: {reason}; the day would score {score}").format(
                food=s.name,
                serving=self._serving(s),
                reason=s.reason,
                score=QLocale().toString(int(f"{s.new_score:.0f}")),
            )
            return literal_tip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        if role == FOOD_ID_ROLE:
            return s.food_id
        return None

    def _food_at(self, row: int) -> tuple[str, str] | None:
        item = self.suggestion(row)
        return None if item is None else (item.food_id, item.name)
