"""Lists of foods to drag into the grid: ``FoodListModel`` for a palette (a category, all
foods, the user's own), and the base the day panel's suggestions share with it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QLocale, QMimeData, QModelIndex, QObject, Qt

from planner.core.carried import CarriedFood
from planner.core.foods import (
    CATEGORY_LABELS,
    CATEGORY_ROLES,
    CULTURE_NOTES,
    TAG_WORDS,
    TAGS,
    Food,
    rank_names,
    spaced_name,
)
from planner.i18n import _
from ui.guard import guarded
from ui.theme import category_icon

from .mime import MIME_TYPE, encode_foods
from .roles import AVOIDED_ROLE, FOOD_ID_ROLE, FOOD_ROLE, SERVING_ROLE, Index


def literal_tip(text: str) -> str:
    """Tooltip text shown exactly as written.

    Qt renders a tooltip that looks like markup as HTML, and food names are the user's own
    text: a name such as "<b>Tea</b>" must show its brackets, not bold type.
    """
    if "<" not in text and "&" not in text:
        return text
    import html  # first needed when a tooltip shows, not at start-up

    return "<p style='white-space:pre'>" + html.escape(text).replace("\n", "<br>") + "</p>"


def food_tooltip(food: Food, avoided: frozenset[str] = frozenset()) -> str:
    fiber = food.nutrients.get("fiber_g")
    locale = QLocale()
    grams = locale.toString(float(food.grams), "g", 6)
    lines = [
        food.name,
        _("Serving: {serving} ({grams} g)").format(serving=food.serving_label, grams=grams),
    ]
    if fiber is None:
        lines.append(_("Fiber: unknown"))
    else:
        lines.append(_("Fiber: {grams} g").format(grams=locale.toString(float(fiber), "f", 1)))
    for cat in (c for c in CATEGORY_LABELS if c in food.categories):
        # Translators: a food's category and what the category does for gut and skin.
        lines.append(
            _("{category}: {role}").format(
                category=_(CATEGORY_LABELS[cat]), role=_(CATEGORY_ROLES[cat])
            )
        )
    if food.live_cultures in CULTURE_NOTES:
        lines.append(_(CULTURE_NOTES[food.live_cultures]))
    clash = [t for t in TAGS if t in food.tags and t in avoided]
    if clash:
        names = ", ".join(_(TAG_WORDS[t]) if t in TAG_WORDS else t for t in clash)
        lines.append(_("Contains {tags}, which you avoid.").format(tags=names))
    return literal_tip("\n".join(lines))


class FoodSourceModel(QAbstractListModel):
    """A list of foods that can be dragged into the grid and takes no drops: the palettes
    and the day panel's suggestions. Subclasses give their rows and say which food a row
    holds."""

    def _rows(self) -> Sequence[Any]:
        """What the list shows, one item a row."""
        raise NotImplementedError

    def _food_at(self, row: int) -> tuple[str, str] | None:
        """(food id, name) of ``row``, or None."""
        raise NotImplementedError

    def _item(self, row: int) -> Any:
        """The item of ``row``, or None past the ends."""
        rows = self._rows()
        return rows[row] if 0 <= row < len(rows) else None

    def _holds(self, index: Index) -> bool:
        """Whether ``index`` is a row of the list, in its one column."""
        return index.isValid() and not index.column() and 0 <= index.row() < len(self._rows())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows())

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags  # the list takes no drops
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[Index]) -> QMimeData:
        found = [self._food_at(i.row()) for i in indexes if i.isValid()]
        foods = [food for food in found if food is not None]
        return encode_foods(
            [CarriedFood(food_id) for food_id, _ in foods], None, "\n".join(n for _, n in foods)
        )

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.IgnoreAction


class FoodListModel(FoodSourceModel):
    """One palette. ``set_filter`` keeps the foods whose name holds every word typed."""

    def __init__(self, foods: Iterable[Food] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[Food] = []
        self._keys: list[str] = []
        self._spaced: list[str] | None = None  # for ranking, made at the first search
        self._shown: list[Food] = []
        self._words: list[str] = []
        self._avoid: frozenset[str] = frozenset()
        self.set_foods(foods)

    def set_foods(self, foods: Iterable[Food]) -> None:
        self.beginResetModel()
        self._all = list(foods)
        self._keys = [food.name.casefold() for food in self._all]
        self._spaced = None
        self._shown = self._matching()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        words = text.casefold().split()
        if words == self._words:
            return
        self.beginResetModel()
        self._words = words
        self._shown = self._matching()
        self.endResetModel()

    def _matching(self) -> list[Food]:
        words = self._words
        if not words:
            return list(self._all)
        keys = self._keys
        if len(words) == 1:  # the common case, kept to one comprehension for speed
            word = words[0]
            rows = [n for n, key in enumerate(keys) if word in key]
        else:
            rows = [n for n, key in enumerate(keys) if all(w in key for w in words)]
        # Whole words and the starts of words first; the palette's order within a rank.
        if self._spaced is None:
            self._spaced = [spaced_name(key) for key in keys]
        spaced = self._spaced
        ranks = rank_names(words, [spaced[n] for n in rows])
        order = sorted(range(len(rows)), key=ranks.__getitem__)  # stable: palette order
        return [self._all[rows[i]] for i in order]

    def set_avoid_tags(self, tags: frozenset[str]) -> None:
        self._avoid = frozenset(tags)
        if self._shown:
            self.dataChanged.emit(self.index(0), self.index(len(self._shown) - 1))

    def total_count(self) -> int:
        return len(self._all)

    def food(self, row: int) -> Food | None:
        food: Food | None = self._item(row)
        return food

    def row_of(self, food_id: str) -> int:
        return next((r for r, f in enumerate(self._shown) if f.id == food_id), -1)

    # -- Qt model interface ------------------------------------------------------------------
    def _rows(self) -> list[Food]:
        return self._shown

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        # Qt asks once per row each time the list lays itself out (QListView asks the model
        # for every row's index, and each index checks the row count): 8,789 calls after a
        # keystroke, so this is kept to the one attribute read.
        return 0 if parent.isValid() else len(self._shown)

    @guarded()
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._holds(index):
            return None
        food = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return food.name
        if role == Qt.ItemDataRole.DecorationRole:
            return category_icon(food.primary_category())
        if role == Qt.ItemDataRole.ToolTipRole:
            return food_tooltip(food, self._avoid)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            cats = [_(CATEGORY_LABELS[c]) for c in CATEGORY_LABELS if c in food.categories]
            said = ", ".join([food.name, food.serving_label, *cats])
            # Translators: said by a screen reader after a food the user avoids.
            return _("{food}, avoided").format(food=said) if food.tags & self._avoid else said
        if role == FOOD_ID_ROLE:
            return food.id
        if role == FOOD_ROLE:
            return food
        if role == SERVING_ROLE:
            return food.serving_label
        if role == AVOIDED_ROLE:
            return bool(food.tags & self._avoid)
        return None

    def _food_at(self, row: int) -> tuple[str, str] | None:
        if not 0 <= row < len(self._shown):
            return None
        food = self._shown[row]
        return food.id, food.name
