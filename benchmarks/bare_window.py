"""The start-up baseline: a bare PySide6 window (QApplication + QMainWindow + show).

Prints the monotonic clock once the window has been painted, detected as the app does
(ui/firstpaint.py: the first paint event, then the next turn of the event loop). With
``--pandas`` it then imports pandas and prints the clock again: the baseline for the
time to scores.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _FirstPaint(QObject):
    def __init__(self, window: QMainWindow, then_pandas: bool) -> None:
        super().__init__(window)
        self.seen = False
        self.then_pandas = then_pandas
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, self.painted)
        return False

    def painted(self) -> None:
        print(f"window painted (clock {time.monotonic():.6f})", flush=True)
        if self.then_pandas:
            import pandas  # noqa: F401  (the import is what is measured)

            print(f"pandas imported (clock {time.monotonic():.6f})", flush=True)
        QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)  # the app's default size
    watch = _FirstPaint(window, "--pandas" in sys.argv)  # noqa: F841 - kept until exec() returns
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
