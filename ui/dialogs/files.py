"""The file choosers for plans, CSV and PDF files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from planner.i18n import N_, _
from planner.storage.planfile import EXTENSION

# The choosers' filters, marked here and translated where shown: the text before the
# parentheses is the translators', the patterns in them are Qt's and stay as they are.
PLAN_FILTER = N_("Gut–Skin plans ({pattern})")
CSV_FILTER = N_("CSV files ({pattern})")
PDF_FILTER = N_("PDF files ({pattern})")
_PATTERNS = {PLAN_FILTER: f"*{EXTENSION}", CSV_FILTER: "*.csv", PDF_FILTER: "*.pdf"}


def file_filter(kind: str) -> str:
    """A chooser's filter in the current language ("CSV files (*.csv)")."""
    return _(kind).format(pattern=_PATTERNS.get(kind, "*"))


def typed_path(text: str, suggested: Path, suffix: str) -> Path | None:
    """A file name typed in a dialog's box: None when empty; a bare or relative name goes
    in the suggested file's folder (not the process's working folder), with ``suffix``
    when it has none."""
    text = text.strip()
    if not text:
        return None
    path = Path(text).expanduser()
    if not path.is_absolute():
        path = suggested.expanduser().absolute().parent / path
    return path if path.suffix else path.with_suffix(suffix)


class FileDialogs:
    """The file choosers, one classmethod each so that tests can replace any of them."""

    @staticmethod
    def _open(parent: QWidget | None, title: str, folder: Path | None, kind: str) -> Path | None:
        everything = _("All files ({pattern})").format(pattern="*")
        name, _chosen = QFileDialog.getOpenFileName(
            parent, title, str(folder or Path.home()), f"{file_filter(kind)};;{everything}"
        )
        return Path(name) if name else None

    @staticmethod
    def _save(
        parent: QWidget | None, title: str, suggested: Path, kind: str, suffix: str
    ) -> Path | None:
        name, _chosen = QFileDialog.getSaveFileName(
            parent, title, str(suggested), file_filter(kind)
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(suffix)

    @classmethod
    def open_plan(cls, parent: QWidget | None, folder: Path | None) -> Path | None:
        return cls._open(parent, _("Open Plan"), folder, PLAN_FILTER)

    @classmethod
    def save_plan(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        return cls._save(parent, _("Save Plan"), suggested, PLAN_FILTER, EXTENSION)

    @classmethod
    def open_csv(cls, parent: QWidget | None, folder: Path | None) -> Path | None:
        return cls._open(parent, _("Import CSV"), folder, CSV_FILTER)

    @classmethod
    def save_csv(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        return cls._save(parent, _("Export CSV"), suggested, CSV_FILTER, ".csv")

    @classmethod
    def save_pdf(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        return cls._save(parent, _("Export PDF"), suggested, PDF_FILTER, ".pdf")
