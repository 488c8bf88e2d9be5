"""What follows the first scores on screen: work the window's start does not wait for.

The first scores need the evaluator, the catalog's scoring table (read straight from the
SR28 table, with numpy alone) and the plan; nothing else. Once they are painted, a worker
makes the SR28 foods (the palette's All foods, the search and the recipe book's
ingredients need them), reads SR28's household measures (the amount box's units, a
quarter of a second) and makes the catalog's pandas DataFrame (a whole plan's scores
group and join with it), then
the recipe book and the user's templates load, and the first starts' tour is offered.
A plan with dishes has its book before its scores (ui.window.recipes), and a window
scored in the foreground (tests, screenshots) has all of it at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.core.measures import sr28_measures
from ui.firstpaint import PaintWatch
from ui.jobs import Job

from .controller import Controller

if TYPE_CHECKING:
    from planner.core.foods import Catalog

    from .mainwindow import MainWindow


def read_the_rest(catalog: Catalog) -> None:
    """The SR28 foods and household measures (a damaged table is reported by the scores,
    which read it first), and the catalog's DataFrame: the first scores do without it, a
    whole plan's scores (the PDF, templates, the auto-planner's check) group and join
    with it, and pandas' import would otherwise hold the window a quarter of a second on
    first use."""
    from planner.scoring.frames import catalog_frame_of  # numpy: not before the paint

    len(catalog)  # makes a deferred SR28 table's foods
    sr28_measures()
    table = catalog_frame_of(catalog)
    table.df, table.index  # noqa: B018 (made and kept: imports pandas)


class _ReadTheRest(Job):
    failure = "The food table could not be read"

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self._catalog = catalog

    def work(self) -> object:
        read_the_rest(self._catalog)
        return None


class AfterStart(Controller):
    """Starts the work that follows the first scores, once they have been painted."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._job: _ReadTheRest | None = None  # kept while it runs (ui.jobs)
        self._watch: PaintWatch | None = None
        window.scores.updated.connect(self._scored)
        window.scores.failed.connect(self._failed)

    def _scored(self, _days: object) -> None:
        window = self._window
        window.scores.updated.disconnect(self._scored)
        window.scores.failed.disconnect(self._failed)
        self._watch = PaintWatch(window, timeout_ms=1000)
        self._watch.painted.connect(self._shown)

    def _failed(self, _message: str) -> None:
        # No scores (a broken install): the tour is still offered.
        window = self._window
        window.scores.updated.disconnect(self._scored)
        window.scores.failed.disconnect(self._failed)
        window.help.offer_tour()

    def _shown(self) -> None:
        self._job = _ReadTheRest(self._window.catalog)
        self._job.done.connect(self._read)
        self._job.start()

    def _read(self, _result: object, _error: object, _cancelled: bool) -> None:
        self._job = None
        window = self._window
        window.editing.show_entry()  # its household measures, if it shows a food
        window.recipes.load_book()
        window.plan_weeks.library()  # the user's templates; a damaged file is told once
        # The first starts' tour, now that the scores it points at are on screen and the
        # start's work is done.
        window.help.offer_tour()
