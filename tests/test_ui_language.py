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
    assert apply_language("") == "en"  # the system's (English in tests)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert QLocale().language() == QLocale.Language.English


def test_applying_a_language_without_a_catalogue_falls_back(qapp):
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
