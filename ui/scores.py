"""Keeps the day and week scores of the open plan up to date, without blocking the window.

The evaluator needs numpy, pandas and the catalog's table, which needs the SR28 foods:
together a few tenths of a second, so they are loaded on a worker thread after the window
shows.
Edits mark their days stale; one zero-delay timer then scores only those days, and only
their weeks' summaries, after the drop or key press that caused them has returned.

Entries become foods through a resolver (planner.core.amounts): foods alone until the
window's recipe book is given (``set_recipe_book``), then a PlanResolver that expands
each dish into its ingredients, so a dish scores by what is in it.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from planner.core.amounts import FoodResolver, Resolver
from planner.core.plan import DAYS_PER_WEEK, Change
from planner.i18n import _
from planner.scoring.model import Preferences, ScoringConfig

if TYPE_CHECKING:
    from planner.core.foods import Catalog
    from planner.recipes.book import RecipeBook
    from planner.scoring.evaluator import Evaluator
    from planner.scoring.results import DayScore, Suggestion, WeekScore

    from .document import PlanDocument


# Loaders stay referenced for the life of the process: a QRunnable written in Python must
# not be collected while a pool thread may still be returning from its run().
_LOADERS: list[_EvaluatorLoader] = []


class _LoaderSignals(QObject):
    done = Signal(object)  # the exception, or None


class _EvaluatorLoader(QRunnable):
    """Imports the evaluator and builds the catalog table (reading a deferred SR28 table),
    off the GUI thread."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.signals = _LoaderSignals()
        self._catalog = catalog
        self.config: ScoringConfig | None = None  # the scoring settings, read here too

    def run(self) -> None:
        error: BaseException | None = None
        try:
            # The SR28 table is read and unzipped beside the import, on the other core:
            # both release the GIL for most of it (about 10 ms).
            reader = threading.Thread(
                target=self._catalog.read_deferred, name="sr28-read", daemon=True
            )
            reader.start()
            import planner.scoring.evaluator  # noqa: F401  (the slow import, done here)
            from planner.scoring.frames import catalog_table

            catalog_table(self._catalog)
            # resources/scoring.toml, and the TOML reader with it: about 10 ms the window's
            # thread would otherwise spend before the first scores.
            self.config = ScoringConfig.load()
        except Exception as exc:  # the GUI thread retries and reports
            error = exc
        self.signals.done.emit(error)


class ScoreKeeper(QObject):
    """Day scores of the open plan, re-scored for the changed days after each edit.

    ``updated`` carries the set of days whose scores changed (all days after a reshape or a
    new plan); ``week_scores`` and ``day_scores`` are then current.
    """

    updated = Signal(object)  # frozenset[int]
    ready = Signal()
    failed = Signal(str)

    def __init__(
        self,
        document: PlanDocument,
        catalog: Catalog,
        prefs: Preferences | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._doc = document
        self._catalog = catalog
        self._prefs = prefs or Preferences()
        # What the entries are made of: foods alone until a recipe book is given.
        self.resolver: Resolver = FoodResolver(catalog)
        self.recipe_book: RecipeBook | None = None
        self._evaluator: Evaluator | None = None
        self._loader: _EvaluatorLoader | None = None
        self._config: ScoringConfig | None = None  # read once, by the loader if there is one
        self.day_scores: dict[int, DayScore] = {}
        self.week_scores: tuple[WeekScore, ...] = ()
        self.last_seconds = 0.0  # how long the last re-score took, for the status bar
        self._stale: set[int] = set(range(document.plan.day_count))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._rescore)
        document.planChanged.connect(self._plan_changed)
        document.planReplaced.connect(self._plan_replaced)

    @property
    def is_ready(self) -> bool:
        return self._evaluator is not None

    @property
    def evaluator(self) -> Evaluator | None:
        """The loaded evaluator (None until it is), for other scores the window shows."""
        return self._evaluator

    @property
    def pending(self) -> bool:
        return bool(self._stale) or self._timer.isActive() or self._evaluator is None

    def start(self, *, background: bool = True) -> None:
        """Load the evaluator: on a worker thread, or here and now (tests, screenshots)."""
        if self._evaluator is not None or self._loader is not None:
            return
        if not background:
            self._loaded(None)
            return
        self._loader = _EvaluatorLoader(self._catalog)
        self._loader.setAutoDelete(False)
        self._loader.signals.done.connect(self._loaded)
        _LOADERS.append(self._loader)
        QThreadPool.globalInstance().start(self._loader)

    def _loaded(self, error: object) -> None:
        if self._evaluator is not None:
            return
        try:
            from planner.scoring.evaluator import Evaluator

            if self._config is None and self._loader is not None:
                self._config = self._loader.config
            evaluator = Evaluator(
                self._catalog, config=self._config, prefs=self._prefs, resolver=self.resolver
            )
            evaluator.table()  # built by the worker unless it failed: then it raises here
            self._evaluator = evaluator
            self._config = evaluator.config  # for the evaluators that follow
        except Exception as exc:  # a broken install: say so, keep the window
            self.failed.emit(_("Scores are not available: {reason}").format(reason=exc or error))
            return
        self._stale = set(range(self._doc.plan.day_count))
        self.ready.emit()
        self._rescore()

    def set_preferences(self, prefs: Preferences) -> None:
        self._prefs = prefs
        self._new_evaluator()

    def set_recipe_book(self, book: RecipeBook | None) -> None:
        """Count dishes through ``book`` from now on (a recipe was added, changed or
        removed, or the book was loaded) and score every day again."""
        from planner.recipes.resolve import PlanResolver

        self.recipe_book = book
        self.set_resolver(
            FoodResolver(self._catalog) if book is None else PlanResolver(self._catalog, book)
        )

    def set_resolver(self, resolver: Resolver) -> None:
        """Count plan entries through ``resolver`` from now on, and score every day
        again."""
        self.resolver = resolver
        self._new_evaluator()

    def _new_evaluator(self) -> None:
        """An evaluator for the current preferences and resolver; every day re-scored."""
        if self._evaluator is not None:
            from planner.scoring.evaluator import Evaluator

            self._evaluator = Evaluator(
                self._catalog, config=self._config, prefs=self._prefs, resolver=self.resolver
            )
        self.rescore_all()

    @property
    def preferences(self) -> Preferences:
        return self._prefs

    def rescore_all(self) -> None:
        """Score every day again (the catalog, the recipes or the preferences changed)."""
        self._stale = set(range(self._doc.plan.day_count))
        self._timer.start()

    def flush(self) -> None:
        """Score stale days now instead of at the next turn of the event loop."""
        if self._stale and self._evaluator is not None:
            self._timer.stop()
            self._rescore()

    def suggest(self, day: int, top: int = 5) -> list[Suggestion]:
        if self._evaluator is None or not 0 <= day < self._doc.plan.day_count:
            return []
        return self._evaluator.suggest(self._doc.plan, day, top=top, familiar_first=True)

    def _plan_changed(self, change: Change) -> None:
        if change.reshaped:
            self._stale = set(range(self._doc.plan.day_count))
        else:
            self._stale |= change.days
        self._timer.start()  # restarting coalesces several edits into one re-score

    def _plan_replaced(self) -> None:
        self.day_scores = {}
        self.week_scores = ()
        self.rescore_all()

    def _rescore(self) -> None:
        if self._evaluator is None:
            return
        # Scoring now covers what a pending timer would score (the book, loaded when the
        # scores became ready, asks for every day again): it is not pending any more.
        self._timer.stop()
        if not self._stale:
            return
        began = time.perf_counter()
        plan = self._doc.plan
        days = {d for d in self._stale if d < plan.day_count}
        self._stale.clear()
        scores = {d: s for d, s in self.day_scores.items() if d < plan.day_count}
        scores.update({s.day: s for s in self._evaluator.score_days(plan, days, tips=False)})
        self.day_scores = scores
        # Only the changed days' weeks are summed again, from every scored day of each.
        weeks: list[WeekScore | None] = list(self.week_scores[: plan.weeks])
        weeks += [None] * (plan.weeks - len(weeks))
        changed = {day // DAYS_PER_WEEK for day in days}
        for week, summary in enumerate(weeks):
            if summary is None or week in changed:
                first = week * DAYS_PER_WEEK
                in_week = tuple(
                    scores[d] for d in range(first, first + DAYS_PER_WEEK) if d in scores
                )
                weeks[week] = self._evaluator.week_score(plan, week, in_week)
        self.week_scores = tuple(w for w in weeks if w is not None)
        self.last_seconds = time.perf_counter() - began
        self.updated.emit(frozenset(days))
