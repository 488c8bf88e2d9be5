"""The fill on a worker thread: a QRunnable-style job (as the PDF export's) with progress,
Cancel through a threading.Event, and its result handed back by a signal. It reads a copy
of the plan and touches no widget."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from planner.autoplan.model import Settings
from planner.core.foods import Catalog
from planner.core.plan import Cell, Plan
from planner.errors import PlannerError
from planner.i18n import _
from planner.scoring.model import Preferences

if TYPE_CHECKING:
    from planner.recipes.book import RecipeBook


class AutoplanJob(QObject):
    """Fills ``cells`` of ``week`` on a pool thread. ``done`` carries the result
    (planner.autoplan.solve.AutoplanResult) or None, an error message or None, and
    whether the user cancelled; ``progress`` a share from 0 to 1."""

    done = Signal(object, object, bool)
    progress = Signal(float)

    def __init__(
        self,
        plan: Plan,
        catalog: Catalog,
        prefs: Preferences,
        settings: Settings,
        week: int,
        cells: Iterable[Cell],
        seed: int,
        label: str,
        book: RecipeBook | None = None,
    ) -> None:
        super().__init__()
        self.cancel = threading.Event()
        self._book = book  # read on the pool thread only, as the plan's copy
        self._plan, self._catalog, self._prefs, self._settings = plan, catalog, prefs, settings
        self._week, self._cells, self._seed, self._label = week, list(cells), seed, label

    def run(self) -> None:
        result = None
        error: str | None = None
        try:
            from planner.autoplan.solve import autoplan
            from planner.scoring.evaluator import Evaluator

            resolver = None
            if self._book is not None:  # recipes placed are then scored by their foods
                from planner.recipes.resolve import PlanResolver

                resolver = PlanResolver(self._catalog, self._book)
            result = autoplan(
                self._plan,
                Evaluator(self._catalog, prefs=self._prefs, resolver=resolver),
                self._settings,
                week=self._week,
                open_cells=self._cells,
                seed=self._seed,
                book=self._book,
                cancel=self.cancel,
                progress=self.progress.emit,
                label=self._label,
            )
        except PlannerError as exc:
            error = str(exc)
        except Exception as exc:  # an unexpected failure still ends as a message
            error = _("The week could not be filled ({problem}).").format(problem=exc)
        self.done.emit(result, error, self.cancel.is_set())
