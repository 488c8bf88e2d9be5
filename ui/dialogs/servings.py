"""Set Servings…: the servings of the selected food."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class ServingsDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, name: str, servings: float) -> float | None:
        from PySide6.QtWidgets import QInputDialog

        value, ok = QInputDialog.getDouble(
            parent, "Servings", f"Servings of {name}:", servings, 0.25, 20.0, 2, step=0.5
        )
        return value if ok else None
