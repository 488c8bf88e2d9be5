"""``WeekModel``: one week of the plan, meals as rows and days as columns, plus a score row."""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QDate, QLocale, QMimeData, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont

from planner.core.carried import Carried, CarriedFood
from planner.core.plan import DAYS_PER_WEEK, MEAL_LABELS, MEALS, UNIT_PORTION, Entry
from planner.errors import PlanError
from planner.i18n import _
from ui.guard import guarded

from .amounts import EntryWords, number_text
from .foods import literal_tip
from .mime import MIME_TYPE, decode_foods, encode_foods
from .roles import ENTRIES_ROLE, SCORE_ROLE, Index

if TYPE_CHECKING:
    from planner.core.foods import Catalog
    from planner.recipes.book import RecipeBook
    from planner.scoring.results import DayScore
    from ui.document import PlanDocument

SCORE_ROW = len(MEALS)
_DAY_HEADER_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
    )
)


def score_text(score: float) -> str:
    """A day's score, a whole number as the language writes it (rounded as Python does)."""
    return QLocale().toString(int(f"{score:.0f}"))


FOOD, RECIPE, UNKNOWN_RECIPE = "food", "recipe", "unknown recipe"


class CellLine(NamedTuple):
    """One entry of a cell as the delegate paints it: name, amount ("x1.5", "150 g",
    "×2 portions"), the food's main category (None for a dish), what it is (FOOD, RECIPE
    or UNKNOWN_RECIPE) and a shorter amount for a narrow cell ("×2"; "" if none)."""

    name: str
    amount: str
    category: str | None
    kind: str = FOOD
    short: str = ""


class WeekModel(QAbstractTableModel):
    """One week of the plan: a row per meal, a column per day, and a last row of scores.

    The model follows the document: plan edits become dataChanged, a new plan a reset.
    Scores come from outside (``set_scores``); the model only shows them.
    """

    def __init__(
        self,
        document: PlanDocument,
        catalog: Catalog,
        parent: QObject | None = None,
        words: EntryWords | None = None,
    ):
        super().__init__(parent)
        self._doc = document
        self._catalog = catalog
        # Names and amounts of entries (foods and dishes), shared with the window's bar.
        self.words = words or EntryWords(catalog)
        # What a drop from outside the plan may add: the catalog's foods, and the recipe
        # book's recipes once the window sets it (ui.window.recipes.KnownEntries).
        self.known: Container[str] = catalog
        self._week = 0
        self._scores: dict[int, DayScore] = {}
        # Each cell's entries as CellLines, asked for by every paint and by the view's row
        # fitting after each edit; dropped for the days an edit changes.
        self._views: dict[tuple[int, str], list[CellLine]] = {}
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

    def date_of(self, day: int) -> date | None:
        plan = self._doc.plan
        return plan.date_of(day) if 0 <= day < plan.day_count else None

    def fullest_cells(self) -> list[int]:
        """For each meal row, how many foods the fullest of the shown week's cells holds."""
        plan = self._doc.plan
        first = self._week * DAYS_PER_WEEK
        days = range(first, min(first + DAYS_PER_WEEK, plan.day_count))
        size = plan.cell_size
        return [max((size(day, meal) for day in days), default=0) for meal in MEALS]

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

    def set_recipe_book(self, book: RecipeBook | None) -> None:
        """The recipes changed (or were loaded): dish names and ingredients follow."""
        self.words.set_book(book)
        self.set_catalog_changed()

    def set_unit_system(self, system: str) -> None:
        """Weights show in grams or ounces (the metric/US setting)."""
        self.words.set_system(system)
        self.set_catalog_changed()

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
        words = self.words
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(words.line(e) for e in entries)
        if role == ENTRIES_ROLE:
            views = self._views.get((day, meal))
            if views is None:
                views = [self._entry_view(e) for e in entries]
                self._views[(day, meal)] = views
            return list(views)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            when = plan.date_of(day)
            weekday = QLocale().dayName(QDate(when.year, when.month, when.day).dayOfWeek())
            # Translators: a meal of a day, e.g. "Monday, Lunch" (a cell's tooltip).
            where = _("{weekday}, {meal}").format(weekday=weekday, meal=_(MEAL_LABELS[meal]))
            if not entries:
                return _("{meal}: nothing planned").format(meal=where)
            if role == Qt.ItemDataRole.ToolTipRole:
                # One line an entry; a dish lists its ingredients for the planned portions.
                lines = "\n".join(words.description(e) for e in entries)
                return literal_tip(f"{where}:\n{lines}")
            spoken = [words.spoken(e) for e in entries]
            return f"{where}: {'; '.join(spoken)}"  # the meal, then its foods
        return None

    def _entry_view(self, entry: Entry) -> CellLine:
        words = self.words
        amount = words.amount(entry)
        if entry.is_recipe:
            kind = UNKNOWN_RECIPE if words.is_unknown_recipe(entry) else RECIPE
            short = f"×{number_text(entry.amount)}" if entry.unit == UNIT_PORTION else ""
            return CellLine(words.name(entry), amount, None, kind, short)
        food = self._catalog.get(entry.food_id)
        name = food.name if food else self._catalog.name_of(entry.food_id)
        return CellLine(name, amount, food.primary_category() if food else None)

    def _score_data(self, day: int, role: int) -> object:
        score = self._scores.get(day)
        if role == SCORE_ROLE:
            return score
        if role == Qt.ItemDataRole.DisplayRole:
            if score is None:
                return "…"
            if score.score is None:
                # Translators: the score row of a day with foods the app does not know.
                return _("not scored") if score.unknown_foods else _("not planned")
            return score_text(score.score)
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal_tip(score.why) if score else _("Scoring…")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if score is None or score.score is None:
                if score is None:
                    return _("Score: not yet known")
                if score.unknown_foods:
                    return _("Score: not scored")
                return _("Score: not planned")
            return _("Score {score} of 100. {why}").format(
                score=score_text(score.score), why=score.why
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @guarded()
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal:
            # Qt asks for many roles (font, size, colours...) while it lays the header out;
            # only these have a date to work out.
            if role not in _DAY_HEADER_ROLES or not 0 <= section < DAYS_PER_WEEK:
                return None
            day = self.day_of_column(section)
            when = self._doc.plan.date_of(day)
            qdate, locale = QDate(when.year, when.month, when.day), QLocale()
            if role == Qt.ItemDataRole.DisplayRole:
                # Weekday, day and month abbreviated as the language has them: "Mon 30 Nov".
                return locale.toString(qdate, "ddd d MMM")
            # Translators: a day's column header, read in full: "{date} (day 3)".
            return _("{date} (day {number})").format(
                date=locale.toString(qdate, QLocale.FormatType.LongFormat), number=day + 1
            )
        if not 0 <= section <= SCORE_ROW:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            # Translators: the grid's last row: each day's score.
            return _("Score") if section == SCORE_ROW else _(MEAL_LABELS[MEALS[section]])
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
        text = "\n".join(self.words.line(entries[i]) for i in rows)
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
        plan = self._doc.plan
        text = "\n".join(self.words.line(e) for day, meal in cells for e in plan.cell(day, meal))
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
        from planner.core.drop import drop_edit  # its edits load on first use, after start-up

        doc = self._doc
        try:
            edit = drop_edit(doc.plan, self.known, drag, move, doc.token, day, meal)
        except PlanError as exc:
            doc.refused.emit(str(exc))
            return False
        return edit is not None and doc.apply(edit, follows=follows)
