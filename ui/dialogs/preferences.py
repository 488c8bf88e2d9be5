"""Preferences: the fiber target, acne-prone skin and the foods the user avoids."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from planner.core.foods import TAGS
from planner.scoring.model import Preferences
from ui.settings import FIBER_RANGE, START_CHOICES

from .parts import ok_cancel, stack

if TYPE_CHECKING:
    from ui.settings import Settings

TAG_LABELS = {
    "dairy": "Dairy",
    "gluten": "Gluten",
    "fish": "Fish",
    "soy": "Soy",
    "nuts": "Nuts",
    "alcohol": "Alcohol",
    "animal": "Animal foods (vegan)",
}


class PreferencesDialog(QDialog):
    def __init__(
        self,
        prefs: Preferences,
        default_fiber: float,
        parent: QWidget | None = None,
        start_with: str | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self._default_fiber = default_fiber
        self.fiber = QDoubleSpinBox(self)
        self.fiber.setRange(*FIBER_RANGE)
        self.fiber.setDecimals(0)
        self.fiber.setSuffix(" g")
        self.fiber.setValue(prefs.fiber_target_g or default_fiber)
        self.fiber.setAccessibleName("Daily fiber target in grams")
        reset = QPushButton("Default", self)
        reset.setToolTip(f"Use the default target, {default_fiber:.0f} g")
        reset.clicked.connect(self._reset_fiber)
        fiber_row = QHBoxLayout()
        fiber_row.addWidget(self.fiber, 1)
        fiber_row.addWidget(reset)
        self.acne = QCheckBox("My skin is acne-prone (count extra dairy as a food to limit)", self)
        self.acne.setChecked(prefs.acne_prone)
        tags_box = QGroupBox("Foods I avoid (suggestions skip them; palettes mark them)", self)
        tags_grid = QGridLayout(tags_box)
        self.tags: dict[str, QCheckBox] = {}
        for n, tag in enumerate(TAGS):
            box = QCheckBox(TAG_LABELS.get(tag, tag.title()), tags_box)
            box.setChecked(tag in prefs.avoid_tags)
            tags_grid.addWidget(box, n // 2, n % 2)
            self.tags[tag] = box
        form = QFormLayout()
        form.addRow("Daily &fiber target:", fiber_row)
        form.addRow(self.acne)
        # What a start without a file opens (shown when the caller has the settings).
        self.start_with: QComboBox | None = None
        if start_with is not None:
            self.start_with = QComboBox(self)
            for key, label in START_CHOICES.items():
                self.start_with.addItem(label, key)
            self.start_with.setCurrentIndex(max(0, self.start_with.findData(start_with)))
            self.start_with.setAccessibleName("What the app opens on start")
            form.addRow("On &start, open:", self.start_with)
        stack(self, form, tags_box, ok_cancel(self))

    def _reset_fiber(self) -> None:
        self.fiber.setValue(self._default_fiber)

    def preferences(self) -> Preferences:
        fiber = self.fiber.value()
        return Preferences(
            fiber_target_g=None if abs(fiber - self._default_fiber) < 1e-9 else fiber,
            acne_prone=self.acne.isChecked(),
            avoid_tags=frozenset(tag for tag, box in self.tags.items() if box.isChecked()),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        prefs: Preferences,
        default_fiber: float,
        settings: Settings | None = None,
    ) -> Preferences | None:
        """The chosen preferences, or None if cancelled. With ``settings``, the dialog also
        offers what the app opens on start, and keeps the choice there."""
        start = settings.start_with if settings is not None else None
        dialog = cls(prefs, default_fiber, parent, start)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        if settings is not None and dialog.start_with is not None:
            settings.start_with = str(dialog.start_with.currentData())
        return dialog.preferences()
