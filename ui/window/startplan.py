"""What a start without a file opens, as the user chose in Preferences ("On start"): the
plan that was open when the app last closed, an empty plan, or the sample week.

A last plan that is missing or damaged is reported by FileController.load_file (one
message) and the empty plan the window was made with stays: never a crash, and the next
start does not report it again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.settings import START_LAST, START_SAMPLE

if TYPE_CHECKING:
    from ui.settings import Settings

    from .files import FileController


def open_start_plan(files: FileController, settings: Settings) -> None:
    choice = settings.start_with
    if choice == START_SAMPLE:
        files.new_sample_plan(ask=False)
    elif choice == START_LAST:
        path = settings.last_plan
        if path is not None and not files.load_file(path):
            settings.last_plan = None  # told once; the next start opens an empty plan
