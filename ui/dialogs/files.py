"""The file choosers for plans, CSV and PDF files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from planner.storage.planfile import EXTENSION

PLAN_FILTER = f"Gut–Skin plans (*{EXTENSION})"
CSV_FILTER = "CSV files (*.csv)"
PDF_FILTER = "PDF files (*.pdf)"


class FileDialogs:
    """The file choosers, one classmethod each so that tests can replace any of them."""

    @staticmethod
    def _open(parent: QWidget | None, title: str, folder: Path | None, kind: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent, title, str(folder or Path.home()), f"{kind};;All files (*)"
        )
        return Path(name) if name else None

    @staticmethod
    def _save(
        parent: QWidget | None, title: str, suggested: Path, kind: str, suffix: str
    ) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), kind)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(suffix)

    @classmethod
    def open_plan(cls, parent: QWidget | None, folder: Path | None) -> Path | None:
        return cls._open(parent, "Open Plan", folder, PLAN_FILTER)

    @classmethod
    def save_plan(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        return cls._save(parent, "Save Plan", suggested, PLAN_FILTER, EXTENSION)

    @classmethod
    def open_csv(cls, parent: QWidget | None, folder: Path | None) -> Path | None:
        return cls._open(parent, "Import CSV", folder, CSV_FILTER)

    @classmethod
    def save_csv(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        return cls._save(parent, "Export CSV", suggested, CSV_FILTER, ".csv")

    @classmethod
    def save_pdf(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        return cls._save(parent, "Export PDF", suggested, PDF_FILTER, ".pdf")
