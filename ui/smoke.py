"""The packaging smoke test: GUTSKIN_SMOKE_TEST=1 makes the app quit once its opening plan
is scored and on screen (ui.app.run starts it)."""

from __future__ import annotations

import time


class SmokeTest:
    """GUTSKIN_SMOKE_TEST=1: quit once the opening plan is scored and on screen.

    Packaging runs the bundled app this way to prove it starts, finds its resources,
    loads the scoring engine and scores the sample week; exits 1 after 60 s otherwise.
    It prints a line when the window is first painted and one when the scores have been
    painted, each with the time on the system's monotonic clock (Python's
    time.monotonic()), from which the benchmarks take whole-process start-up times.
    """

    def __init__(self, window, first_paint) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.window = window
        self.clock = QElapsedTimer()
        self.clock.start()
        self.summary = ""
        # Connected before the start-up work, so the time is taken before that work runs.
        first_paint.painted.connect(self.painted)
        self.scores_paint = None  # a PaintWatch once the scores are in
        window.scores.updated.connect(self.check)
        window.scores.failed.connect(self.failed)
        self.timer = QTimer()
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.timed_out)
        self.timer.start(60_000)

    def painted(self) -> None:
        print(f"smoke test: window painted (clock {time.monotonic():.6f})", flush=True)

    def check(self, _days: object = None) -> None:
        from .firstpaint import PaintWatch

        scores = self.window.scores
        planned = [d for d in scores.day_scores.values() if d.planned]
        if self.scores_paint is None and scores.is_ready and not scores.pending and planned:
            average = sum(d.score for d in planned) / len(planned)
            self.summary = f"scored {len(planned)} planned days, average {average:.0f}"
            # Done once the window has drawn the scores (or 2 s on, should it not repaint).
            self.scores_paint = PaintWatch(self.window, timeout_ms=2000)
            self.scores_paint.painted.connect(self.done)

    def done(self) -> None:
        from PySide6.QtWidgets import QApplication

        print(
            f"smoke test: {self.summary}, after {self.clock.elapsed()} ms "
            f"(clock {time.monotonic():.6f})",
            flush=True,
        )
        self.timer.stop()
        self.window.document.undo_stack.setClean()
        QApplication.instance().exit(0)

    def failed(self, message: str) -> None:
        from PySide6.QtWidgets import QApplication

        print(f"smoke test: {message}", flush=True)
        self.timer.stop()
        QApplication.instance().exit(1)

    def timed_out(self) -> None:
        from PySide6.QtWidgets import QApplication

        print("smoke test: no scores after 60 s", flush=True)
        QApplication.instance().exit(1)
