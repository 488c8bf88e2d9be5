"""Preferences: the fiber target, acne-prone skin, the foods the user avoids, how weights
are shown (grams or ounces), how often an unsaved plan is copied for recovery, and the
app's language (applied at the next start: every widget's text is chosen when it is
built)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale
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
    QPushButton,
    QSpinBox,
    QWidget,
)

from planner.core.foods import TAGS
from planner.i18n import LANGUAGES, N_, _
from planner.scoring.model import Preferences
from ui.settings import (
    AUTOSAVE_DEFAULT_S,
    FIBER_RANGE,
    START_CHOICES,
    SYSTEM_LANGUAGE,
    UNIT_SYSTEMS,
)

from .parts import ok_cancel, stack

# Translators: the foods a user can choose to avoid (Preferences).
TAG_LABELS = {
    "dairy": N_("Dairy"),
    "gluten": N_("Gluten"),
    "fish": N_("Fish"),
    "soy": N_("Soy"),
    "nuts": N_("Nuts"),
    "alcohol": N_("Alcohol"),
    "animal": N_("Animal foods (vegan)"),
}


AUTOSAVE_CHOICES_S = (10, 3600)  # what the dialog offers, in seconds


@dataclass(frozen=True)
class Chosen:
    """What the dialog was left with: the scoring preferences and the autosave interval."""

    prefs: Preferences
    autosave_seconds: float
    start_with: str | None = None  # what a start without a file opens (ui.settings)
    unit_system: str | None = None  # grams or ounces (ui.settings.UNIT_SYSTEMS)
    language: str | None = None  # "" for the system's, or a planner.i18n.LANGUAGES key


class PreferencesDialog(QDialog):
    def __init__(
        self,
        prefs: Preferences,
        default_fiber: float,
        parent: QWidget | None = None,
        autosave_seconds: float = AUTOSAVE_DEFAULT_S,
        start_with: str | None = None,
        unit_system: str | None = None,
        language: str | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(_("Preferences"))
        self._default_fiber = default_fiber
        self.fiber = QDoubleSpinBox(self)
        self.fiber.setRange(*FIBER_RANGE)
        self.fiber.setDecimals(0)
        # Translators: the unit after the fiber target's number (grams), with its space.
        self.fiber.setSuffix(_(" g"))
        self.fiber.setValue(prefs.fiber_target_g or default_fiber)
        self.fiber.setAccessibleName(_("Daily fiber target in grams"))
        # Translators: a button that puts the fiber target back to its default.
        reset = QPushButton(_("Default"), self)
        reset.setToolTip(
            _("Use the default target, {grams} g").format(
                grams=QLocale().toString(round(default_fiber))
            )
        )
        reset.clicked.connect(self._reset_fiber)
        fiber_row = QHBoxLayout()
        fiber_row.addWidget(self.fiber, 1)
        fiber_row.addWidget(reset)
        self.acne = QCheckBox(
            _("My skin is acne-prone (count extra dairy as a food to limit)"), self
        )
        self.acne.setChecked(prefs.acne_prone)
        tags_box = QGroupBox(_("Foods I avoid (suggestions skip them; palettes mark them)"), self)
        tags_grid = QGridLayout(tags_box)
        self.tags: dict[str, QCheckBox] = {}
        for n, tag in enumerate(TAGS):
            box = QCheckBox(_(TAG_LABELS[tag]) if tag in TAG_LABELS else tag.title(), tags_box)
            box.setChecked(tag in prefs.avoid_tags)
            tags_grid.addWidget(box, n // 2, n % 2)
            self.tags[tag] = box
        form = QFormLayout()
        fiber_label = QLabel(_("Daily &fiber target:"), self)
        fiber_label.setBuddy(self.fiber)  # the row holds two widgets: the label says which
        form.addRow(fiber_label, fiber_row)
        form.addRow(self.acne)
        self.autosave = QSpinBox(self)
        self.autosave.setRange(*AUTOSAVE_CHOICES_S)
        self.autosave.setSingleStep(10)
        # Translators: the unit after the recovery interval's number, with its space.
        self.autosave.setSuffix(_(" seconds"))
        self.autosave.setValue(round(autosave_seconds))
        self.autosave.setAccessibleName(_("Copy an unsaved plan for recovery every, in seconds"))
        self.autosave.setToolTip(
            _("How often an unsaved plan is copied, so that a crash loses little work")
        )
        autosave_label = QLabel(_("&Recovery copy every:"), self)
        autosave_label.setBuddy(self.autosave)
        form.addRow(autosave_label, self.autosave)
        # What a start without a file opens (offered when the caller gives the current one).
        self.start_with: QComboBox | None = None
        if start_with is not None:
            self.start_with = QComboBox(self)
            for key, label in START_CHOICES.items():
                self.start_with.addItem(_(label), key)
            self.start_with.setCurrentIndex(max(0, self.start_with.findData(start_with)))
            self.start_with.setAccessibleName(_("What the app opens on start"))
            start_label = QLabel(_("On &start, open:"), self)
            start_label.setBuddy(self.start_with)
            form.addRow(start_label, self.start_with)
        # How weights show in the grid, the day panel and the amount box (offered when the
        # caller gives the current system).
        self.unit_system: QComboBox | None = None
        if unit_system is not None:
            self.unit_system = QComboBox(self)
            for key, label in UNIT_SYSTEMS.items():
                self.unit_system.addItem(_(label), key)
            self.unit_system.setCurrentIndex(max(0, self.unit_system.findData(unit_system)))
            self.unit_system.setAccessibleName(_("Show weights in grams or ounces"))
            self.unit_system.setToolTip(
                _("How amounts given by weight are shown: grams (metric) or ounces (US)")
            )
            units_label = QLabel(_("Show &weights in:"), self)
            units_label.setBuddy(self.unit_system)
            form.addRow(units_label, self.unit_system)
        # The language of the app (offered when the caller gives the current choice).
        self.language: QComboBox | None = None
        if language is not None:
            self.language = QComboBox(self)
            self.language.addItem(_("System default"), SYSTEM_LANGUAGE)
            for code, name in LANGUAGES.items():
                self.language.addItem(name, code)  # each language by its own name
            found = self.language.findData(language)
            if found < 0:  # a language offered nowhere (the pseudo-language of tests)
                self.language.addItem(language, language)
                found = self.language.count() - 1
            self.language.setCurrentIndex(found)
            self.language.setAccessibleName(_("The language of the app"))
            language_label = QLabel(_("&Language:"), self)
            language_label.setBuddy(self.language)
            form.addRow(language_label, self.language)
            note = QLabel(_("A new language applies the next time the app starts."), self)
            note.setWordWrap(True)
            form.addRow(note)
        self.acne.setAccessibleName(_("My skin is acne-prone"))
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

    def chosen(self) -> Chosen:
        start = None if self.start_with is None else str(self.start_with.currentData())
        units = None if self.unit_system is None else str(self.unit_system.currentData())
        lang = None if self.language is None else str(self.language.currentData())
        return Chosen(self.preferences(), float(self.autosave.value()), start, units, lang)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        prefs: Preferences,
        default_fiber: float,
        autosave_seconds: float = AUTOSAVE_DEFAULT_S,
        start_with: str | None = None,
        unit_system: str | None = None,
        language: str | None = None,
    ) -> Chosen | None:
        dialog = cls(
            prefs, default_fiber, parent, autosave_seconds, start_with, unit_system, language
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()
