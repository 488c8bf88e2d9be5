"""Item models: thin adapters over planner objects.

- ``FoodListModel``: one palette of foods (a category, all foods, the user's own).
- ``WeekModel``: one week of the plan, meals as rows and days as columns, plus a score row.
- ``SuggestionModel``: the foods that would raise the selected day's score most.

Drags carry ``MIME_TYPE``: a small JSON payload of food ids, servings and, for foods dragged
out of the grid, the cell they came from. Anything else dropped on the grid is ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from planner.core.edits import AddFood, Batch, Edit, RemoveEntry
from planner.core.foods import CATEGORY_LABELS, CATEGORY_ROLES, TAGS, Catalog, Food
from planner.core.plan import DAYS_PER_WEEK, MEAL_LABELS, MEALS, Entry, Plan, format_servings
from planner.errors import PlanError
from planner.scoring.model import DayScore, Suggestion

from .theme import category_icon
from .document import PlanDocument

MIME_TYPE = "application/x-gutskin-foods"
MIME_VERSION = 1
MAX_MIME_BYTES = 256 * 1024
MAX_MIME_ITEMS = 500

FOOD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
FOOD_ROLE = Qt.ItemDataRole.UserRole + 2
AVOIDED_ROLE = Qt.ItemDataRole.UserRole + 3
SERVING_ROLE = Qt.ItemDataRole.UserRole + 4
ENTRIES_ROLE = Qt.ItemDataRole.UserRole + 5
SCORE_ROLE = Qt.ItemDataRole.UserRole + 6

Index = QModelIndex | QPersistentModelIndex


# -- the drag payload ------------------------------------------------------------------------
@dataclass(frozen=True)
class DragItem:
    """A dragged or copied food, with the plan position it came from, if any."""

    food_id: str
    servings: float = 1.0
    source: tuple[int, str, int] | None = None  # (day, meal, index) in the plan it came from


@dataclass(frozen=True)
class FoodDrag:
    """The foods of one drag or clipboard copy, and the plan document they came from."""

    token: str | None  # the document the sources refer to
    items: tuple[DragItem, ...]


def encode_foods(items: Sequence[DragItem], token: str | None, text: str = "") -> QMimeData:
    payload = {
        "v": MIME_VERSION,
        "doc": token,
        "items": [
            {"food": it.food_id, "servings": it.servings, "from": list(it.source or ()) or None}
            for it in items
        ],
    }
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode("utf-8")))
    if text:
        mime.setText(text)  # for dropping into a text editor
    return mime


def _no_constants(name: str) -> float:
    raise ValueError(name)


def decode_foods(mime: QMimeData | None) -> FoodDrag | None:
    """The payload of a drag, or None for foreign, malformed or oversized data."""
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return None
    raw = bytes(mime.data(MIME_TYPE).data())
    if not raw or len(raw) > MAX_MIME_BYTES:
        return None
    try:
        payload = json.loads(raw.decode("utf-8"), parse_constant=_no_constants)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(payload, dict) or payload.get("v") != MIME_VERSION:
        return None
    token, raw_items = payload.get("doc"), payload.get("items")
    if not (token is None or isinstance(token, str)) or not isinstance(raw_items, list):
        return None
    if not 0 < len(raw_items) <= MAX_MIME_ITEMS:
        return None
    items = []
    for raw_item in raw_items:
        item = _decode_item(raw_item)
        if item is None:
            return None
        items.append(item)
    return FoodDrag(token, tuple(items))


def _decode_item(raw: object) -> DragItem | None:
    if not isinstance(raw, dict):
        return None
    food, servings, source = raw.get("food"), raw.get("servings", 1.0), raw.get("from")
    if not isinstance(food, str) or not food or len(food) > 200:
        return None
    if isinstance(servings, bool) or not isinstance(servings, int | float):
        return None
    if source is not None:
        if not (isinstance(source, list) and len(source) == 3):
            return None
        day, meal, index = source
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (day, index)):
            return None
        if meal not in MEALS:
            return None
        source = (day, meal, index)
    return DragItem(food, float(servings), source)


def drop_edit(
    plan: Plan,
    catalog: Catalog,
    drag: FoodDrag,
    move: bool,
    token: str,
    day: int,
    meal: str,
) -> Edit | None:
    """The one edit a drop (or paste) onto (day, meal) makes, or None if it changes nothing.

    Foods dragged within this plan move (or, with ``move`` False, are copied with their
    servings); any other food adds its servings. Raises PlanError for a stale source.
    """
    own = drag.token == token
    if move and own and all(item.source for item in drag.items):
        return _move_edit(plan, drag.items, day, meal)
    adds: list[Edit] = []
    for item in drag.items:
        # A food from another plan or app must be one this catalog knows.
        if (own and item.source) or item.food_id in catalog:
            adds.append(AddFood(day, meal, item.food_id, item.servings))
    if not adds:
        return None
    if len(adds) == 1:
        return adds[0]
    return Batch(adds, label="Add foods" if not own else "Copy foods")


def _move_edit(plan: Plan, items: Sequence[DragItem], day: int, meal: str) -> Edit | None:
    moving = [it for it in items if it.source and it.source[:2] != (day, meal)]
    if not moving:
        return None
    for it in moving:
        d, m, i = it.source  # type: ignore[misc]
        entries = plan.cell(d, m) if 0 <= d < plan.day_count else ()
        if not 0 <= i < len(entries) or entries[i].food_id != it.food_id:
            raise PlanError("That food is no longer where it was dragged from.")
    # Remove from the highest index down so the earlier indices stay valid.
    sources = sorted({it.source for it in moving}, key=lambda s: (s[0], s[1], -s[2]))  # type: ignore[index]
    removals: list[Edit] = [RemoveEntry(d, m, i) for d, m, i in sources]
    adds: list[Edit] = [AddFood(day, meal, it.food_id, it.servings) for it in moving]
    return Batch(removals + adds, label="Move food" if len(moving) == 1 else "Move foods")


def entries_text(catalog: Catalog, plan: Plan, cells: Iterable[tuple[int, str]]) -> str:
    return "\n".join(
        f"{catalog.name_of(e.food_id)} x{format_servings(e.servings)}"
        for day, meal in cells
        for e in plan.cell(day, meal)
    )


# -- palettes ------------------------------------------------------------------------------
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
    lines = [food.name, f"Serving: {food.serving_label} ({food.grams:g} g)"]
    lines.append("Fiber: unknown" if fiber is None else f"Fiber: {fiber:.1f} g")
    for cat in (c for c in CATEGORY_LABELS if c in food.categories):
        lines.append(f"{CATEGORY_LABELS[cat]}: {CATEGORY_ROLES[cat]}")
    clash = [t for t in TAGS if t in food.tags and t in avoided]
    if clash:
        lines.append(f"Contains {', '.join(clash)}, which you avoid.")
    return literal_tip("\n".join(lines))


class FoodSourceModel(QAbstractListModel):
    """A list of foods that can be dragged into the grid and takes no drops: the palettes
    and the day panel's suggestions. Subclasses say which food a row holds."""

    def _food_at(self, row: int) -> tuple[str, str] | None:
        """(food id, name) of ``row``, or None."""
        raise NotImplementedError

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
            [DragItem(food_id) for food_id, _ in foods], None, "\n".join(n for _, n in foods)
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
        self._shown: list[Food] = []
        self._words: list[str] = []
        self._avoid: frozenset[str] = frozenset()
        self.set_foods(foods)

    def set_foods(self, foods: Iterable[Food]) -> None:
        self.beginResetModel()
        self._all = list(foods)
        self._keys = [food.name.casefold() for food in self._all]
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
        if len(words) == 1:  # the common case, kept to one comprehension for speed
            word = words[0]
            return [f for f, key in zip(self._all, self._keys, strict=True) if word in key]
        return [
            f for f, key in zip(self._all, self._keys, strict=True) if all(w in key for w in words)
        ]

    def set_avoid_tags(self, tags: frozenset[str]) -> None:
        self._avoid = frozenset(tags)
        if self._shown:
            self.dataChanged.emit(self.index(0), self.index(len(self._shown) - 1))

    def total_count(self) -> int:
        return len(self._all)

    def food(self, row: int) -> Food | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def row_of(self, food_id: str) -> int:
        return next((r for r, f in enumerate(self._shown) if f.id == food_id), -1)

    # -- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._shown) or index.column():
            return None
        food = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return food.name
        if role == Qt.ItemDataRole.DecorationRole:
            return category_icon(food.primary_category())
        if role == Qt.ItemDataRole.ToolTipRole:
            return food_tooltip(food, self._avoid)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            cats = ", ".join(CATEGORY_LABELS[c] for c in CATEGORY_LABELS if c in food.categories)
            avoid = ", avoided" if food.tags & self._avoid else ""
            return f"{food.name}, {food.serving_label}{', ' + cats if cats else ''}{avoid}"
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


# -- the week grid -------------------------------------------------------------------------
SCORE_ROW = len(MEALS)


class WeekModel(QAbstractTableModel):
    """One week of the plan: a row per meal, a column per day, and a last row of scores.

    The model follows the document: plan edits become dataChanged, a new plan a reset.
    Scores come from outside (``set_scores``); the model only shows them.
    """

    def __init__(self, document: PlanDocument, catalog: Catalog, parent: QObject | None = None):
        super().__init__(parent)
        self._doc = document
        self._catalog = catalog
        self._week = 0
        self._scores: dict[int, DayScore] = {}
        # Each cell's entries as (name, servings, category), asked for by every paint and
        # by the view's row fitting after each edit; dropped for the days an edit changes.
        self._views: dict[tuple[int, str], list[tuple[str, str, str | None]]] = {}
        document.planChanged.connect(self._plan_changed)
        document.planReplaced.connect(self._plan_replaced)

    @property
    def week(self) -> int:
        return self._week

    def set_week(self, week: int) -> None:
        week = max(0, min(week, self._doc.plan.weeks - 1))
        if week != self._week:
            self.beginResetModel()
            self._week = week
            self.endResetModel()

    def day_of_column(self, column: int) -> int:
        return self._week * DAYS_PER_WEEK + column

    def cell_of(self, index: Index) -> tuple[int, str] | None:
        """(day, meal) of a meal cell; None for the score row or an invalid index."""
        if not index.isValid() or index.row() >= len(MEALS) or index.parent().isValid():
            return None
        return self.day_of_column(index.column()), MEALS[index.row()]

    def plan_cell(self, day: int, meal: str) -> tuple[Entry, ...]:
        plan = self._doc.plan
        return plan.cell(day, meal) if 0 <= day < plan.day_count else ()

    def fullest_cells(self) -> list[int]:
        """For each meal row, how many foods the fullest of the shown week's cells holds."""
        days = range(self._week * DAYS_PER_WEEK, (self._week + 1) * DAYS_PER_WEEK)
        return [max(len(self.plan_cell(day, meal)) for day in days) for meal in MEALS]

    def index_of(self, day: int, meal: str) -> QModelIndex:
        column = day - self._week * DAYS_PER_WEEK
        if meal not in MEALS or not 0 <= column < DAYS_PER_WEEK:
            return QModelIndex()
        return self.index(MEALS.index(meal), column)

    def set_scores(self, scores: dict[int, DayScore], days: Iterable[int] | None = None) -> None:
        self._scores = scores
        first = self._week * DAYS_PER_WEEK
        columns = [d - first for d in (days if days is not None else scores) if 0 <= d - first < 7]
        if columns:
            self.dataChanged.emit(
                self.index(SCORE_ROW, min(columns)), self.index(SCORE_ROW, max(columns))
            )

    def set_catalog_changed(self) -> None:
        """Food names may have changed (the user's own foods were edited)."""
        self._views.clear()
        self.dataChanged.emit(self.index(0, 0), self.index(SCORE_ROW - 1, DAYS_PER_WEEK - 1))

    def _plan_changed(self, change: object) -> None:
        changed = getattr(change, "days", ())
        for cell in [cell for cell in self._views if cell[0] in changed]:
            del self._views[cell]
        if getattr(change, "reshaped", False):
            self._views.clear()
            if self._week >= self._doc.plan.weeks:
                self.set_week(self._doc.plan.weeks - 1)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, DAYS_PER_WEEK - 1)
            self.dataChanged.emit(self.index(0, 0), self.index(SCORE_ROW, DAYS_PER_WEEK - 1))
            return
        first = self._week * DAYS_PER_WEEK
        columns = [d - first for d in getattr(change, "days", ()) if 0 <= d - first < 7]
        if columns:
            self.dataChanged.emit(
                self.index(0, min(columns)), self.index(SCORE_ROW - 1, max(columns))
            )

    def _plan_replaced(self) -> None:
        self.beginResetModel()
        self._week = 0
        self._scores = {}
        self._views.clear()
        self.endResetModel()

    # -- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(MEALS) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else DAYS_PER_WEEK

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not self.checkIndex(index):
            return None
        day = self.day_of_column(index.column())
        if role == ENTRIES_ROLE and index.row() < SCORE_ROW:  # asked for most: cached
            views = self._views.get((day, MEALS[index.row()]))
            if views is not None:
                return list(views)
        if index.row() == SCORE_ROW:
            return self._score_data(day, role)
        meal = MEALS[index.row()]
        plan = self._doc.plan
        if day >= plan.day_count:
            return None
        entries = plan.cell(day, meal)
        name_of = self._catalog.name_of
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(
                f"{name_of(e.food_id)} x{format_servings(e.servings)}" for e in entries
            )
        if role == ENTRIES_ROLE:
            views = self._views.get((day, meal))
            if views is None:
                views = [self._entry_view(e.food_id, e.servings) for e in entries]
                self._views[(day, meal)] = views
            return list(views)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            where = f"{plan.date_of(day):%A} {MEAL_LABELS[meal].lower()}"
            if not entries:
                return f"{where}: nothing planned"
            foods = ", ".join(
                f"{name_of(e.food_id)} x{format_servings(e.servings)}" for e in entries
            )
            text = f"{where}: {foods}"
            return literal_tip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        return None

    def _entry_view(self, food_id: str, servings: float) -> tuple[str, str, str | None]:
        food = self._catalog.get(food_id)
        name = food.name if food else self._catalog.name_of(food_id)
        return name, f"x{format_servings(servings)}", food.primary_category() if food else None

    def _score_data(self, day: int, role: int) -> object:
        score = self._scores.get(day)
        if role == SCORE_ROLE:
            return score
        if role == Qt.ItemDataRole.DisplayRole:
            if score is None:
                return "…"
            return "not planned" if score.score is None else f"{score.score:.0f}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return score.why if score else "Scoring…"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if score is None or score.score is None:
                return "Score: not planned" if score else "Score: not yet known"
            return f"Score {score.score:.0f} of 100. {score.why}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < DAYS_PER_WEEK:
                return None
            day = self.day_of_column(section)
            when = self._doc.plan.date_of(day)
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{when:%a} {when.day} {when:%b}"
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{when:%A} {when.day} {when:%B %Y} (day {day + 1})"
            return None
        if not 0 <= section <= SCORE_ROW:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return "Score" if section == SCORE_ROW else MEAL_LABELS[MEALS[section]]
        if role == Qt.ItemDataRole.FontRole and section == SCORE_ROW:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.row() == SCORE_ROW:
            return base | Qt.ItemFlag.ItemNeverHasChildren
        return (
            base
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    # -- drag and drop -----------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def entries_mime(self, day: int, meal: str, indices: Iterable[int] | None = None) -> QMimeData:
        """Drag data for some entries of one cell (all of them by default)."""
        entries = self._doc.plan.cell(day, meal)
        rows = (
            range(len(entries))
            if indices is None
            else [i for i in indices if 0 <= i < len(entries)]
        )
        items = [DragItem(entries[i].food_id, entries[i].servings, (day, meal, i)) for i in rows]
        text = "\n".join(
            f"{self._catalog.name_of(it.food_id)} x{format_servings(it.servings)}" for it in items
        )
        return encode_foods(items, self._doc.token, text)

    def mimeData(self, indexes: Sequence[Index]) -> QMimeData:
        items: list[DragItem] = []
        cells = []
        for index in indexes:
            cell = self.cell_of(index)
            if cell and cell not in cells:
                cells.append(cell)
        for day, meal in cells:
            entries = self._doc.plan.cell(day, meal)
            items += [
                DragItem(e.food_id, e.servings, (day, meal, i)) for i, e in enumerate(entries)
            ]
        text = entries_text(self._catalog, self._doc.plan, cells)
        return encode_foods(items, self._doc.token, text)

    def _target(self, row: int, column: int, parent: Index) -> tuple[int, str] | None:
        # Dropped on a cell: parent is the cell. Between cells: (row, column) under the root.
        if parent.isValid():
            return self.cell_of(parent)
        if 0 <= row < len(MEALS) and 0 <= column < DAYS_PER_WEEK:
            return self.cell_of(self.index(row, column))
        return None

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action not in (Qt.DropAction.CopyAction, Qt.DropAction.MoveAction):
            return False
        target = self._target(row, column, parent)
        return (
            target is not None and target[0] < self._doc.plan.day_count and bool(decode_foods(data))
        )

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if action not in (Qt.DropAction.CopyAction, Qt.DropAction.MoveAction):
            return False
        target = self._target(row, column, parent)
        drag = decode_foods(data)
        if target is None or drag is None or target[0] >= self._doc.plan.day_count:
            return False
        return self.drop(drag, action == Qt.DropAction.MoveAction, *target)

    def drop(self, drag: FoodDrag, move: bool, day: int, meal: str) -> bool:
        """Run the edit for dropping (or pasting) ``drag`` on a cell; False if refused."""
        doc = self._doc
        try:
            edit = drop_edit(doc.plan, self._catalog, drag, move, doc.token, day, meal)
        except PlanError as exc:
            doc.refused.emit(str(exc))
            return False
        return edit is not None and doc.apply(edit)


# -- suggestions -----------------------------------------------------------------------------
class SuggestionModel(FoodSourceModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Suggestion] = []

    def set_suggestions(self, items: Iterable[Suggestion]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def suggestion(self, row: int) -> Suggestion | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items) or index.column():
            return None
        s = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"+{s.gain:.0f}   {s.name} ({s.serving_label})"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            text = f"{s.name}, {s.serving_label}: {s.reason}; the day would score {s.new_score:.0f}"
            return literal_tip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        if role == FOOD_ID_ROLE:
            return s.food_id
        return None

    def _food_at(self, row: int) -> tuple[str, str] | None:
        item = self.suggestion(row)
        return None if item is None else (item.food_id, item.name)
