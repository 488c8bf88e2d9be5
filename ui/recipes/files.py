"""The file choosers of the Recipes menu, one classmethod each so that tests can replace
them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from planner.i18n import N_, _

IMPORT_FILTER = N_(
    "Recipe files (*.html *.htm *.json *.zip);;Web pages (*.html *.htm);;"
    "schema.org or Gut–Skin recipes (*.json);;Mealie or Tandoor exports (*.zip);;All files (*)"
)
EXPORT_FILTER = N_("Gut–Skin recipes (*.json)")


class RecipeFiles:
    @classmethod
    def open_recipes(cls, parent: QWidget | None, folder: Path | None) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            parent, _("Import Recipes"), str(folder or Path.home()), _(IMPORT_FILTER)
        )
        return Path(name) if name else None

    @classmethod
    def save_recipes(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            parent, _("Export Recipes"), str(suggested), _(EXPORT_FILTER)
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".json")
