"""Shared fixtures. Qt runs offscreen unless a test asks for a real display, and no test
touches the user's real data folder or settings."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Every test, and every process a test starts, speaks English whatever the machine's
# locale: "C.UTF-8" names no language (planner.i18n reads on to LANGUAGE) and exists on
# every glibc system, so Qt and the C library find it.
os.environ["LC_ALL"] = "C.UTF-8"
os.environ["LANG"] = "C.UTF-8"
os.environ.pop("LC_MESSAGES", None)
os.environ["LANGUAGE"] = "en"

# The GUI tests' fixtures (main windows, settings, patched dialogs), for every test module.
pytest_plugins = ["tests.support.gui"]


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    data = tmp_path_factory.mktemp("gutskin-data")
    monkeypatch.setenv("GUTSKIN_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    return data


@pytest.fixture(autouse=True)
def _english():
    """English messages and formats for each test, and again after it: a test that
    switches language (the pseudo-language tests) leaves none behind."""
    from planner import i18n

    i18n.set_language("en")
    qt_locale = None
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QLocale

        qt_locale = QLocale()  # the default, as QLocale.setDefault last left it
    yield
    i18n.set_language("en")
    if qt_locale is not None:
        QLocale.setDefault(qt_locale)


@pytest.fixture(scope="session", autouse=True)
def _release_clipboard_at_exit():
    # Foods left on the clipboard by a test would crash Qt's own shutdown at exit.
    yield
    if "PySide6.QtGui" in sys.modules:
        from ui.app import release_clipboard

        release_clipboard()


@pytest.fixture(scope="session")
def catalog():
    """The full shipped catalog (curated + SR28), loaded once."""
    from planner.core.foods import Catalog

    return Catalog.load()


@pytest.fixture
def tiny_catalog():
    """A hand-made catalog whose numbers the tests can work out by hand."""
    from tests.support.tinydata import tiny_catalog

    return tiny_catalog()


@pytest.fixture
def tmp_plan_path(tmp_path: Path) -> Path:
    return tmp_path / "week.gutplan"
