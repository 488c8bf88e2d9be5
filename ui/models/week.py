"""``WeekModel``: one week of the plan, meals as rows and days as columns, plus a score row."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont

from planner.core.drop import Carried, CarriedFood, drop_edit
from planner.core.foods import Catalog
from planner.core.plan import DAYS_PER_WEEK, MEAL_LABELS, MEALS, Entry, format_amount
from planner.errors import PlanError
from planner.scoring.model import DayScore
from ui.document import PlanDocument
from ui.guard import guarded

from .foods import literal_tip
from .mime import MIME_TYPE, decode_foods, encode_foods, entries_text
from .roles import ENTRIES_ROLE, SCORE_ROLE, Index

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

    @guarded()
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
                f"{name_of(e.food_id)} {format_amount(e.amount, e.unit)}" for e in entries
            )
        if role == ENTRIES_ROLE:
            views = self._views.get((day, meal))
            if views is None:
                views = [self._entry_view(e) for e in entries]
                self._views[(day, meal)] = views
            return list(views)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            where = f"{plan.date_of(day):%A} {MEAL_LABELS[meal].lower()}"
            if not entries:
                return f"{where}: nothing planned"
            foods = ", ".join(
                f"{name_of(e.food_id)} {format_amount(e.amount, e.unit)}" for e in entries
            )
            text = f"{where}: {foods}"
            return literal_tip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        return None

    def _entry_view(self, entry: Entry) -> tuple[str, str, str | None]:
        food = self._catalog.get(entry.food_id)
        name = food.name if food else self._catalog.name_of(entry.food_id)
        amount = format_amount(entry.amount, entry.unit)
        return name, amount, food.primary_category() if food else None

    def _score_data(self, day: int, role: int) -> object:
        score = self._scores.get(day)
        if role == SCORE_ROLE:
            return score
        if role == Qt.ItemDataRole.DisplayRole:
            if score is None:
                return "…"
            if score.score is None:
                return "not scored" if score.unknown_foods else "not planned"
            return f"{score.score:.0f}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal_tip(score.why) if score else "Scoring…"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if score is None or score.score is None:
                if score is None:
                    return "Score: not yet known"
                return f"Score: {'not scored' if score.unknown_foods else 'not planned'}"
            return f"Score {score.score:.0f} of 100. {score.why}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @guarded()
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

    def entries_mime(
        self, day: int, meal: str, indices: Iterable[int] | None = None, *, cut: int | None = None
    ) -> QMimeData:
        """Drag data for some entries of one cell (all of them by default); ``cut`` marks
        the data of a cut, whose paste completes a move."""
        entries = self._doc.plan.cell(day, meal)
        rows = (
            range(len(entries))
            if indices is None
            else [i for i in indices if 0 <= i < len(entries)]
        )
        items = [
            CarriedFood(entries[i].food_id, entries[i].amount, entries[i].unit, (day, meal, i))
            for i in rows
        ]
        text = "\n".join(
            f"{self._catalog.name_of(it.food_id)} {format_amount(it.amount, it.unit)}"
            for it in items
        )
        return encode_foods(items, self._doc.token, text, cut=cut)

    def mimeData(self, indexes: Sequence[Index]) -> QMimeData:
        items: list[CarriedFood] = []
        cells = []
        for index in indexes:
            cell = self.cell_of(index)
            if cell and cell not in cells:
                cells.append(cell)
        for day, meal in cells:
            entries = self._doc.plan.cell(day, meal)
            items += [
                CarriedFood(e.food_id, e.amount, e.unit, (day, meal, i))
                for i, e in enumerate(entries)
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

    def drop(
        self, drag: Carried, move: bool, day: int, meal: str, *, follows: object = None
    ) -> bool:
        """Run the edit for dropping (or pasting) ``drag`` on a cell; False if refused.
        ``follows`` names the cut a paste completes (one undo step for both)."""
        doc = self._doc
        try:
            edit = drop_edit(doc.plan, self._catalog, drag, move, doc.token, day, meal)
        except PlanError as exc:
            doc.refused.emit(str(exc))
            return False
        return edit is not None and doc.apply(edit, follows=follows)
