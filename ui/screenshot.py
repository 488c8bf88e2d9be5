"""Render the main window with the sample week to a PNG, without a display.

    python -m ui.screenshot docs/screenshot.png [--dark]

Settings go to a temporary folder, so the user's own are neither read nor changed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

SIZE = (1280, 800)
# A fixed Monday, so that the picture does not change with the day it is made.
START = date(2026, 11, 30)


def render(out: Path, *, dark: bool = False) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QSize
    from PySide6.QtWidgets import QApplication, QStyleFactory

    from planner.storage.sample import sample_plan

    from .app import create_application
    from .settings import Settings
    from .theme import dark_palette
    from .window.mainwindow import MainWindow

    app = create_application()
    app.setStyle(QStyleFactory.create("Fusion"))
    if dark:
        app.setPalette(dark_palette())
    with tempfile.TemporaryDirectory() as folder:
        os.environ["GUTSKIN_DATA_DIR"] = folder  # no user foods from this machine
        window = MainWindow(Settings(Path(folder) / "settings.ini"), background=False)
        window.document.replace(sample_plan(START, window.catalog), title="Sample week")
        window.show()
        # After show, which fits a window to the screen (offscreen: 800 x 800).
        window.resize(QSize(*SIZE))
        window.start_scoring()
        QCoreApplication.processEvents()
        window.scores.flush()
        # A day below 100 selected: the panel shows what holds it back and suggestions.
        day = min(range(7), key=lambda d: window.scores.day_scores[d].score or 0)
        window.grid.set_current(day, "lunch", 0)
        for _ in range(5):
            QCoreApplication.processEvents()
        image = window.grab()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(out), "PNG"):
            raise OSError(f"could not write {out}")
        window.document.undo_stack.setClean()
        window.close()
    QApplication.processEvents()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshot", description=__doc__)
    parser.add_argument("out", type=Path, help="PNG file to write")
    parser.add_argument("--dark", action="store_true", help="use a dark palette")
    args = parser.parse_args(argv)
    try:
        path = render(args.out, dark=args.dark)
    except OSError as exc:
        print(f"screenshot: {exc}", file=sys.stderr)
        return 1
    print(f"Wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
