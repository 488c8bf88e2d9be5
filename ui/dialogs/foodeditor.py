"""New Food / Edit Food: one food of the user's own."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from planner.core.foods import (
    AISLE_LABELS,
    AISLES,
    CATEGORIES,
    CATEGORY_LABELS,
    LIMIT_KINDS,
    NUTRIENT_LABELS,
    NUTRIENTS,
    TAGS,
    Food,
)
from planner.errors import PlannerError
from planner.i18n import N_, _
from planner.storage.userfoods import make_food
from ui.theme import category_icon

from .parts import ok_cancel, stack
from .preferences import TAG_LABELS

# What a food contains, as the editor's check boxes say it (Preferences says "Animal foods
# (vegan)" of the foods one avoids; a food "contains" animal foods).
CONTAINS_LABELS = {**TAG_LABELS, "animal": N_("Animal foods")}


def _number(text: str) -> float | None:
    """A number with a point or a comma ("1.5", "1,5"), or as the user's language writes
    it with its group separators ("1.234,5" in German)."""
    try:
        return float(text.replace(",", "."))
    except ValueError:
        pass
    value, ok = QLocale().toDouble(text)
    return value if ok else None


class FoodEditor(QDialog):
    """Add or edit one food of the user's own; checked by storage.userfoods.make_food."""

    def __init__(self, food: Food | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Edit Food") if food else _("New Food"))
        self._food_id = food.id if food else None
        self.result_food: Food | None = None
        self.name = QLineEdit(food.name if food else "", self)
        self.serving = QLineEdit(food.serving_label if food else _("1 serving"), self)
        self.grams = QDoubleSpinBox(self)
        self.grams.setRange(1, 5000)
        self.grams.setSuffix(_(" g"))
        self.grams.setValue(food.grams if food else 100)
        self.categories: dict[str, QCheckBox] = {}
        cats_box = QGroupBox(_("Categories"), self)
        cats_grid = QGridLayout(cats_box)
        for n, cat in enumerate(CATEGORIES):
            box = QCheckBox(_(CATEGORY_LABELS[cat]), cats_box)
            box.setIcon(category_icon(cat))
            box.setChecked(bool(food and cat in food.categories))
            cats_grid.addWidget(box, n // 3, n % 3)
            self.categories[cat] = box
        self.limit_kind = QComboBox(self)
        for kind, (singular, _plural) in LIMIT_KINDS.items():
            kind_text = _(singular)
            self.limit_kind.addItem(kind_text[:1].upper() + kind_text[1:], kind)
        if food and food.limit_kind in LIMIT_KINDS:
            self.limit_kind.setCurrentIndex(list(LIMIT_KINDS).index(food.limit_kind))
        self.aisle = QComboBox(self)
        for aisle in AISLES:
            self.aisle.addItem(_(AISLE_LABELS[aisle]), aisle)
        self.aisle.setCurrentIndex(AISLES.index(food.aisle) if food else AISLES.index("pantry"))
        self.plant = QLineEdit(food.plant or "" if food else "", self)
        self.plant.setPlaceholderText(_("e.g. lentils (counts toward the 30 plants a week)"))
        self.nutrients: dict[str, QLineEdit] = {}
        nutrients_box = QGroupBox(_("Per serving (leave empty if unknown)"), self)
        nutrients_form = QGridLayout(nutrients_box)
        for n, key in enumerate(NUTRIENTS):
            edit = QLineEdit(self)
            value = food.nutrients.get(key) if food else None
            edit.setText("" if value is None else QLocale().toString(value, "g", 6))
            edit.setPlaceholderText(_("unknown"))
            nutrient, unit = _(NUTRIENT_LABELS[key]), NUTRIENTS[key]
            # Translators: a nutrient and its unit, for screen readers ("Fiber in g").
            edit.setAccessibleName(_("{nutrient} in {unit}").format(nutrient=nutrient, unit=unit))
            text = _("{nutrient} ({unit}):").format(nutrient=nutrient, unit=unit)
            label = QLabel(text, nutrients_box)
            label.setBuddy(edit)
            nutrients_form.addWidget(label, n // 3, (n % 3) * 2)
            nutrients_form.addWidget(edit, n // 3, (n % 3) * 2 + 1)
            self.nutrients[key] = edit
        self.tags: dict[str, QCheckBox] = {}
        tags_box = QGroupBox(_("Contains"), self)
        tags_row = QHBoxLayout(tags_box)
        for tag in TAGS:
            box = QCheckBox(_(CONTAINS_LABELS[tag]) if tag in CONTAINS_LABELS else tag, tags_box)
            box.setChecked(bool(food and tag in food.tags))
            tags_row.addWidget(box)
            self.tags[tag] = box
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #d04c4c;")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # the message may quote the name
        form = QFormLayout()
        form.addRow(_("&Name:"), self.name)
        form.addRow(_("&Serving:"), self.serving)
        form.addRow(_("&Weight of a serving:"), self.grams)
        form.addRow(_("&Aisle:"), self.aisle)
        form.addRow(_("&Plant:"), self.plant)
        form.addRow(_("&Kind of food to limit:"), self.limit_kind)
        stack(self, form, cats_box, nutrients_box, tags_box, self.error, ok_cancel(self))
        self.categories["limit"].toggled.connect(self._limit_toggled)
        self._limit_toggled(self.categories["limit"].isChecked())

    def _limit_toggled(self, on: bool) -> None:
        self.limit_kind.setEnabled(on)

    def build(self) -> Food:
        """The food as entered; raises PlannerError naming the first problem."""
        nutrients: dict[str, float | None] = {}
        for key, edit in self.nutrients.items():
            text = edit.text().strip()
            if not text:
                nutrients[key] = None
                continue
            number = _number(text)
            if number is None:
                raise PlannerError(
                    _("{nutrient} must be a number.").format(nutrient=_(NUTRIENT_LABELS[key]))
                )
            nutrients[key] = number
        return make_food(
            self.name.text(),
            categories=[cat for cat, box in self.categories.items() if box.isChecked()],
            serving_label=self.serving.text(),
            grams=self.grams.value(),
            nutrients=nutrients,
            aisle=str(self.aisle.currentData()),
            tags=[tag for tag, box in self.tags.items() if box.isChecked()],
            plant=self.plant.text().strip() or None,
            limit_kind=str(self.limit_kind.currentData()),
            food_id=self._food_id,
        )

    def accept(self) -> None:
        try:
            self.result_food = self.build()
        except PlannerError as exc:
            self.error.setText(str(exc))
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, food: Food | None = None) -> Food | None:
        dialog = cls(food, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_food
