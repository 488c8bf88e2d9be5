"""The app's language: the Preferences setting, what the app applies at start (messages,
Qt's own catalogue, QLocale) and the tests' own English."""

from __future__ import annotations

import os

from planner import i18n


def test_tests_run_in_english_whatever_the_machine():
    assert i18n.language() == "en"
    assert i18n.system_locale() == ("en", None)
    assert os.environ["LANGUAGE"] == "en"


def test_the_language_setting_keeps_known_choices_only(tmp_path):
    from ui.settings import SYSTEM_LANGUAGE, Settings

    settings = Settings(tmp_path / "s.ini")
    assert settings.language == SYSTEM_LANGUAGE
    settings.language = "de"
    assert Settings(tmp_path / "s.ini").language == "de"
    settings.language = "tlh"  # no catalogue: not stored
    assert settings.language == "de"
    settings.language = SYSTEM_LANGUAGE
    assert settings.language == SYSTEM_LANGUAGE


def test_a_damaged_language_setting_gives_the_system_default(tmp_path):
    from ui.settings import SYSTEM_LANGUAGE, Settings

    (tmp_path / "s.ini").write_text("[app]\nlanguage=klingon\n")
    assert Settings(tmp_path / "s.ini").language == SYSTEM_LANGUAGE


def test_applying_german_sets_messages_qt_catalogue_and_locale(qapp):
    from PySide6.QtCore import QCoreApplication, QLocale

    from ui.app import apply_language

    assert apply_language("de") == "de"
    assert i18n.language() == "de"
    assert QLocale().language() == QLocale.Language.German
    # Qt's own catalogue is installed: its standard buttons speak German.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    assert apply_language("en") == "en"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert QLocale().language() == QLocale.Language.English


def test_the_system_default_keeps_the_language_the_command_line_chose(qapp):
    from PySide6.QtCore import QLocale

    from ui.app import apply_language

    i18n.set_language("fr")  # as `gutskin --lang fr`, or a French system, at start
    try:
        assert apply_language("") == "fr"
        assert QLocale().language() == QLocale.Language.French
    finally:
        apply_language("en")


def test_applying_a_language_without_a_catalogue_keeps_the_current_one(qapp):
    from ui.app import apply_language

    assert apply_language("tlh") == "en"


def test_preferences_offer_the_languages_and_say_when_they_apply(qtbot):
    from planner.scoring.model import Preferences
    from ui.dialogs.preferences import PreferencesDialog
    from ui.settings import SYSTEM_LANGUAGE

    dialog = PreferencesDialog(Preferences(), 25.0, language="fr")
    qtbot.addWidget(dialog)
    assert dialog.language is not None
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names == ["System default", "English", "Deutsch", "Español", "Français"]
    assert dialog.language.currentData() == "fr"
    assert dialog.chosen().language == "fr"
    dialog.language.setCurrentIndex(dialog.language.findData(SYSTEM_LANGUAGE))
    assert dialog.chosen().language == SYSTEM_LANGUAGE
    from PySide6.QtWidgets import QLabel

    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("next time the app starts" in text for text in texts)


def test_numbers_and_dates_follow_the_language_the_app_set(qapp):
    """Points, weights, the grid's day headers and a typed nutrient in German."""
    from datetime import date

    from PySide6.QtCore import QLocale

    from ui.app import apply_language
    from ui.dialogs.foodeditor import _number
    from ui.models.amounts import weight_text
    from ui.panels.daypanel import points_text
    from ui.settings import METRIC, US

    try:
        apply_language("de")
        assert points_text(29.5, 30) == "29,5 / 30"
        assert weight_text(2.5, METRIC) == "2,5 g"
        assert weight_text(1033 * 28.349523125, US) == "1.033 oz"
        assert _number("1,5") == 1.5 and _number("1.234,5") == 1234.5
        day = date(2026, 11, 30)
        assert QLocale().toString(day, "ddd d MMM") == "Mo. 30 Nov."
    finally:
        apply_language("en")
    assert points_text(29.5, 30) == "29.5 / 30"
    assert _number("1,5") == 1.5


def test_marked_constants_are_translated_where_shown(qtbot):
    """Preferences shows its choices and tags from constants marked with N_(): under the
    pseudo-language they come out bracketed."""
    from planner.scoring.model import Preferences
    from ui.dialogs.preferences import PreferencesDialog

    i18n.set_language(i18n.PSEUDO)
    dialog = PreferencesDialog(Preferences(), 25.0, start_with="last", unit_system="metric")
    qtbot.addWidget(dialog)
    assert dialog.start_with is not None and dialog.unit_system is not None
    for combo in (dialog.start_with, dialog.unit_system):
        items = [combo.itemText(i) for i in range(combo.count())]
        assert all(text.startswith("[") and text.endswith("]") for text in items), items
    assert all(box.text().startswith("[") for box in dialog.tags.values())


def test_a_new_plan_in_the_app_starts_on_the_locale_s_first_weekday(qapp):
    from datetime import date

    from PySide6.QtCore import QLocale

    from ui.window.files import locale_week_start

    for name, first in (("en_US", 6), ("de_DE", 0)):
        QLocale.setDefault(QLocale(name))
        start = locale_week_start()
        assert start.weekday() == first and 0 <= (date.today() - start).days < 7
