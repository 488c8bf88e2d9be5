"""The file choosers of the Recipes menu, one classmethod each so that tests can replace
them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

IMPORT_FILTER = (
    "Recipe files (*.html *.htm *.json *.zip);;Web pages (*.html *.htm);;"
    "schema.org or Gut–Skin recipes (*.json);;Mealie or Tandoor exports (*.zip);;All files (*)"
)
EXPORT_FILTER = "Gut–Skin recipes (*.json)"


class RecipeFiles:
    @classmethod
    def open_recipes(cls, parent: QWidget | None, folder: Path | None) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent, "Import Recipes", str(folder or Path.home()), IMPORT_FILTER
        )
        return Path(name) if name else None

    @classmethod
    def save_recipes(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent, "Export Recipes", str(suggested), EXPORT_FILTER
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".json")
