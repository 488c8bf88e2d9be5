"""The packaging smoke test: with GUTSKIN_SMOKE_TEST=1 in the environment, ui.app.run
quits once the opening plan is scored and on screen."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer

from .firstpaint import PaintWatch

if TYPE_CHECKING:
    from .window.mainwindow import MainWindow


class SmokeTest:
    """Quits once the opening plan is scored and on screen.

    Packaging runs the bundled app this way to prove it starts, finds its resources,
    loads the scoring engine and scores the sample week; exits 1 after 60 s otherwise.
    It prints a line when the window is first painted and one when the scores have been
    painted, each with the time on the system's monotonic clock (Python's
    time.monotonic()), from which the benchmarks take whole-process start-up times.
    """

    def __init__(self, window: MainWindow, first_paint: PaintWatch) -> None:
        self.window = window
        self.clock = QElapsedTimer()
        self.clock.start()
        self.summary = ""
        # Connected before the start-up work, so the time is taken before that work runs.
        first_paint.painted.connect(self.painted)
        self.scores_paint: PaintWatch | None = None  # made once the scores are in
        window.scores.updated.connect(self.check)
        window.scores.failed.connect(self.failed)
        self.timer = QTimer()
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.timed_out)
        self.timer.start(60_000)

    def painted(self) -> None:
        print(f"smoke test: window painted (clock {time.monotonic():.6f})", flush=True)

    def check(self, _days: object = None) -> None:
        scores = self.window.scores
        planned = [d.score for d in scores.day_scores.values() if d.planned and d.score is not None]
        if self.scores_paint is None and scores.is_ready and not scores.pending and planned:
            average = sum(planned) / len(planned)
            self.summary = f"scored {len(planned)} planned days, average {average:.0f}"
            # Done once the window has drawn the scores (or 2 s on, should it not repaint).
            self.scores_paint = PaintWatch(self.window, timeout_ms=2000)
            self.scores_paint.painted.connect(self.done)

    def done(self) -> None:
        print(
            f"smoke test: {self.summary}, after {self.clock.elapsed()} ms "
            f"(clock {time.monotonic():.6f})",
            flush=True,
        )
        self.timer.stop()
        self.window.document.undo_stack.setClean()
        QCoreApplication.exit(0)

    def failed(self, message: str) -> None:
        print(f"smoke test: {message}", flush=True)
        self.timer.stop()
        QCoreApplication.exit(1)

    def timed_out(self) -> None:
        print("smoke test: no scores after 60 s", flush=True)
        QCoreApplication.exit(1)
