"""Dialogs. Each one a test would otherwise have to click through has an ``ask()``
classmethod (or plain function) that tests replace with monkeypatch."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
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
from planner.core.plan import Plan
from planner.errors import PlannerError
from planner.scoring.model import Preferences
from planner.storage.planfile import EXTENSION
from planner.storage.recovery import RecoveryCopy
from planner.storage.userfoods import make_food

from .settings import FIBER_RANGE
from .theme import category_icon

PLAN_FILTER = f"Gut–Skin plans (*{EXTENSION})"
CSV_FILTER = "CSV files (*.csv)"
PDF_FILTER = "PDF files (*.pdf)"
TAG_LABELS = {
    "dairy": "Dairy",
    "gluten": "Gluten",
    "fish": "Fish",
    "soy": "Soy",
    "nuts": "Nuts",
    "alcohol": "Alcohol",
    "animal": "Animal foods (vegan)",
}


# -- messages --------------------------------------------------------------------------------
class Messages:
    """Message boxes, as classmethods so tests can record them instead of showing them."""

    @classmethod
    def error(cls, parent: QWidget | None, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    @classmethod
    def file_error(cls, parent: QWidget | None, action: str, path: Path, reason: str) -> None:
        """A file that could not be opened or written: names the file, then the reason."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, action, "", QMessageBox.StandardButton.Ok, parent
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # the reason may quote the file's content
        box.setText(f"{action}: {path.name}")
        box.setInformativeText(reason)
        box.setDetailedText(str(path))
        box.exec()

    @classmethod
    def done_with_open(cls, parent: QWidget | None, title: str, text: str, path: Path) -> None:
        """Tells a file was written, with a button that opens it in the default app."""
        box = QMessageBox(
            QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Close, parent
        )
        open_button = box.addButton("Open", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(open_button)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class UnsavedChanges:
    SAVE, DISCARD, CANCEL = "save", "discard", "cancel"

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> str:
        """Save, discard or cancel: the answer as one of SAVE, DISCARD, CANCEL."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Unsaved changes")
        box.setText(f"Save the changes to {name}?")
        box.setInformativeText("Your changes will be lost if you don't save them.")
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
        box.setDefaultButton(buttons.Save)
        answer = box.exec()
        if answer == buttons.Save:
            return cls.SAVE
        if answer == buttons.Discard:
            return cls.DISCARD
        return cls.CANCEL


class RecoveryDialog(QDialog):
    """Lists the plans a crash left unsaved; Restore, Discard or Keep for Later one."""

    RESTORE, DISCARD, KEEP = "restore", "discard", "keep"

    def __init__(self, copies: list[RecoveryCopy], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recover Unsaved Plans")
        self.answer = self.KEEP
        count = len(copies)
        intro = QLabel(
            "The app did not close properly last time. "
            + ("This plan had changes that were not saved:" if count == 1 else
               f"These {count} plans had changes that were not saved:"),
            self,
        )  # fmt: skip
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Unsaved plans")
        for copy in copies:
            item = QListWidgetItem(copy.describe())
            item.setData(Qt.ItemDataRole.UserRole, copy)
            item.setToolTip(str(copy.source) if copy.source else "Never saved to a file")
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        note = QLabel(
            "Restore opens the plan as it was, unsaved: save it to keep it. "
            "Keep for Later asks again at the next start.",
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        restore = buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        discard = buttons.addButton("&Discard", QDialogButtonBox.ButtonRole.DestructiveRole)
        keep = buttons.addButton("&Keep for Later", QDialogButtonBox.ButtonRole.RejectRole)
        restore.setDefault(True)
        restore.clicked.connect(self._restore)
        discard.clicked.connect(self._discard)
        keep.clicked.connect(self.reject)
        self.list.itemDoubleClicked.connect(self._restore)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, 300)

    def _restore(self, *_args: object) -> None:
        self.answer = self.RESTORE
        self.accept()

    def _discard(self) -> None:
        self.answer = self.DISCARD
        self.accept()

    def chosen(self) -> RecoveryCopy | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    @classmethod
    def ask(
        cls, parent: QWidget | None, copies: list[RecoveryCopy]
    ) -> tuple[str, RecoveryCopy | None]:
        """RESTORE or DISCARD with the copy chosen, or (KEEP, None)."""
        dialog = cls(copies, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
            return cls.KEEP, None
        return dialog.answer, dialog.chosen()


class CrashDialog:
    CONTINUE, QUIT = "continue", "quit"

    @classmethod
    def ask(
        cls, parent: QWidget | None, what: str, kept: str, log: Path | None, details: str
    ) -> str:
        """Tells what went wrong, what was kept and where the details are; CONTINUE or QUIT."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle("Something went wrong")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"The app ran into a problem it did not expect:\n{what}")
        where = (
            f"The details were written to {log}."
            if log
            else "The details could not be written to a log file."
        )
        box.setInformativeText(
            f"{kept} {where} You can keep working; if something looks wrong, save your "
            "plan and restart the app."
        )
        box.setDetailedText(details)
        keep_going = box.addButton("&Continue", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("&Quit", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep_going)
        box.exec()
        return cls.CONTINUE if box.clickedButton() is keep_going else cls.QUIT


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


# -- plan edits that need a choice -----------------------------------------------------------
def _day_text(plan: Plan, day: int) -> str:
    when = plan.date_of(day)
    week = f" (week {day // 7 + 1})" if plan.weeks > 1 else ""
    return f"{when:%A} {when.day} {when:%B}{week}"


class CopyDayDialog(QDialog):
    def __init__(self, plan: Plan, day: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Copy Day")
        self.target = QComboBox(self)
        for other in range(plan.day_count):
            if other != day:
                self.target.addItem(_day_text(plan, other), other)
        following = next(
            (i for i in range(self.target.count()) if self.target.itemData(i) > day), 0
        )
        self.target.setCurrentIndex(following)
        form = QFormLayout()
        form.addRow(QLabel(f"Copy the foods of {_day_text(plan, day)} to:", self))
        form.addRow("&Day:", self.target)
        note = QLabel("The foods planned on that day are replaced. Undo brings them back.", self)
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Copy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, plan: Plan, day: int) -> int | None:
        dialog = cls(plan, day, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return int(dialog.target.currentData())


class ServingsDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, name: str, servings: float) -> float | None:
        from PySide6.QtWidgets import QInputDialog

        value, ok = QInputDialog.getDouble(
            parent, "Servings", f"Servings of {name}:", servings, 0.25, 20.0, 2, step=0.5
        )
        return value if ok else None


# -- preferences -----------------------------------------------------------------------------
class PreferencesDialog(QDialog):
    def __init__(self, prefs: Preferences, default_fiber: float, parent: QWidget | None = None):
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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(tags_box)
        layout.addWidget(buttons)

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
        cls, parent: QWidget | None, prefs: Preferences, default_fiber: float
    ) -> Preferences | None:
        dialog = cls(prefs, default_fiber, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.preferences()


# -- PDF export ------------------------------------------------------------------------------
@dataclass(frozen=True)
class PdfOptions:
    path: Path
    paper: str = "a4"
    shopping: bool = True
    notes: bool = False


class PdfOptionsDialog(QDialog):
    def __init__(self, suggested: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export PDF")
        self.path = QLineEdit(str(suggested), self)
        self.path.setAccessibleName("PDF file")
        browse = QPushButton("Choose…", self)
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.paper = QComboBox(self)
        self.paper.addItem("A4", "a4")
        self.paper.addItem("US Letter", "letter")
        self.shopping = QCheckBox("Add a shopping list by aisle", self)
        self.shopping.setChecked(True)
        self.notes = QCheckBox("Add a page for notes", self)
        form = QFormLayout()
        form.addRow("&File:", path_row)
        form.addRow("&Paper:", self.paper)
        form.addRow(self.shopping)
        form.addRow(self.notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _browse(self) -> None:
        chosen = FileDialogs.save_pdf(self, Path(self.path.text()))
        if chosen:
            self.path.setText(str(chosen))

    def options(self) -> PdfOptions | None:
        text = self.path.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return PdfOptions(
            path=path if path.suffix else path.with_suffix(".pdf"),
            paper=str(self.paper.currentData()),
            shopping=self.shopping.isChecked(),
            notes=self.notes.isChecked(),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: Path) -> PdfOptions | None:
        dialog = cls(suggested, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.options()


# -- the user's own foods ----------------------------------------------------------------------
class FoodEditor(QDialog):
    """Add or edit one food of the user's own; checked by storage.userfoods.make_food."""

    def __init__(self, food: Food | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit Food" if food else "New Food")
        self._food_id = food.id if food else None
        self.result_food: Food | None = None
        self.name = QLineEdit(food.name if food else "", self)
        self.serving = QLineEdit(food.serving_label if food else "1 serving", self)
        self.grams = QDoubleSpinBox(self)
        self.grams.setRange(1, 5000)
        self.grams.setSuffix(" g")
        self.grams.setValue(food.grams if food else 100)
        self.categories: dict[str, QCheckBox] = {}
        cats_box = QGroupBox("Categories", self)
        cats_grid = QGridLayout(cats_box)
        for n, cat in enumerate(CATEGORIES):
            box = QCheckBox(CATEGORY_LABELS[cat], cats_box)
            box.setIcon(category_icon(cat))
            box.setChecked(bool(food and cat in food.categories))
            cats_grid.addWidget(box, n // 3, n % 3)
            self.categories[cat] = box
        self.limit_kind = QComboBox(self)
        for kind, (singular, _plural) in LIMIT_KINDS.items():
            self.limit_kind.addItem(singular.capitalize(), kind)
        if food and food.limit_kind in LIMIT_KINDS:
            self.limit_kind.setCurrentIndex(list(LIMIT_KINDS).index(food.limit_kind))
        self.aisle = QComboBox(self)
        for aisle in AISLES:
            self.aisle.addItem(AISLE_LABELS[aisle], aisle)
        self.aisle.setCurrentIndex(AISLES.index(food.aisle) if food else AISLES.index("pantry"))
        self.plant = QLineEdit(food.plant or "" if food else "", self)
        self.plant.setPlaceholderText("e.g. lentils (counts toward the 30 plants a week)")
        self.nutrients: dict[str, QLineEdit] = {}
        nutrients_box = QGroupBox("Per serving (leave empty if unknown)", self)
        nutrients_form = QGridLayout(nutrients_box)
        for n, key in enumerate(NUTRIENTS):
            edit = QLineEdit(self)
            value = food.nutrients.get(key) if food else None
            edit.setText("" if value is None else f"{value:g}")
            edit.setPlaceholderText("unknown")
            edit.setAccessibleName(f"{NUTRIENT_LABELS[key]} in {NUTRIENTS[key]}")
            label = QLabel(f"{NUTRIENT_LABELS[key]} ({NUTRIENTS[key]}):", nutrients_box)
            label.setBuddy(edit)
            nutrients_form.addWidget(label, n // 3, (n % 3) * 2)
            nutrients_form.addWidget(edit, n // 3, (n % 3) * 2 + 1)
            self.nutrients[key] = edit
        self.tags: dict[str, QCheckBox] = {}
        tags_box = QGroupBox("Contains", self)
        tags_row = QHBoxLayout(tags_box)
        for tag in TAGS:
            box = QCheckBox(TAG_LABELS.get(tag, tag).split(" (")[0], tags_box)
            box.setChecked(bool(food and tag in food.tags))
            tags_row.addWidget(box)
            self.tags[tag] = box
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #d04c4c;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Serving:", self.serving)
        form.addRow("&Weight of a serving:", self.grams)
        form.addRow("&Aisle:", self.aisle)
        form.addRow("&Plant:", self.plant)
        form.addRow("&Kind of food to limit:", self.limit_kind)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(cats_box)
        layout.addWidget(nutrients_box)
        layout.addWidget(tags_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.categories["limit"].toggled.connect(self._limit_toggled)
        self._limit_toggled(self.categories["limit"].isChecked())

    def _limit_toggled(self, on: bool) -> None:
        self.limit_kind.setEnabled(on)

    def build(self) -> Food:
        """The food as entered; raises PlannerError naming the first problem."""
        nutrients: dict[str, float | None] = {}
        for key, edit in self.nutrients.items():
            text = edit.text().strip().replace(",", ".")
            if not text:
                nutrients[key] = None
                continue
            try:
                nutrients[key] = float(text)
            except ValueError:
                raise PlannerError(f"{NUTRIENT_LABELS[key]} must be a number.") from None
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


class MyFoodsDialog(QDialog):
    """Lists the user's own foods; Add, Edit and Remove save at once (planner.storage.userfoods)."""

    def __init__(self, user_foods, used_ids: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("My Foods")
        self._foods = user_foods
        self._used = used_ids
        self.changed = False
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName("My foods")
        self.add_button = QPushButton("&Add…", self)
        self.edit_button = QPushButton("&Edit…", self)
        self.remove_button = QPushButton("&Remove", self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        side = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            side.addWidget(button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add_food)
        self.edit_button.clicked.connect(self.edit_food)
        self.remove_button.clicked.connect(self.remove_food)
        self.list.itemDoubleClicked.connect(self._double_clicked)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.resize(480, 360)
        self._fill()

    def _fill(self, select: str | None = None) -> None:
        self.list.clear()
        for food in sorted(self._foods, key=lambda f: f.name.casefold()):
            item = QListWidgetItem(category_icon(food.primary_category()), food.name)
            item.setData(Qt.ItemDataRole.UserRole, food.id)
            item.setToolTip(f"{food.serving_label} ({food.grams:g} g)")
            self.list.addItem(item)
            if food.id == select:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        has = self.list.currentItem() is not None
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        if not self.list.count():
            self.message.setText("You have no foods of your own yet. Add one to use it in plans.")

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def add_food(self) -> None:
        food = FoodEditor.ask(self, None)
        if food is None:
            return
        try:
            added = self._foods.add(food)
        except PlannerError as exc:
            self.message.setText(str(exc))
            return
        self.changed = True
        self.message.setText(f"Added {added.name}.")
        self._fill(select=added.id)

    def edit_food(self) -> None:
        food_id = self.current_id()
        food = self._foods.get(food_id) if food_id else None
        if food is None:
            return
        edited = FoodEditor.ask(self, food)
        if edited is None:
            return
        try:
            self._foods.update(edited)
        except PlannerError as exc:
            self.message.setText(str(exc))
            return
        self.changed = True
        self.message.setText(f"Saved {edited.name}.")
        self._fill(select=edited.id)

    def remove_food(self) -> None:
        food_id = self.current_id()
        food = self._foods.get(food_id) if food_id else None
        if food is None:
            return
        text = f"Remove {food.name} from your foods?"
        if food.id in self._used:
            text += " The open plan uses it; it will show there as an unknown food."
        if not Confirm.ask(self, "Remove Food", text):
            return
        try:
            self._foods.remove(food.id)
        except PlannerError as exc:
            self.message.setText(str(exc))
            return
        self.changed = True
        self.message.setText(f"Removed {food.name}.")
        self._fill()

    def _double_clicked(self, _item: QListWidgetItem) -> None:
        self.edit_food()


class Confirm:
    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> bool:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(parent, title, text, buttons.Yes | buttons.No, buttons.No)
        return answer == buttons.Yes


def week_start_text(start: date) -> str:
    return f"{start:%A} {start.day} {start:%B %Y}"
