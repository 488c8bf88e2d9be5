"""Shared fixtures. Qt runs offscreen unless a test asks for a real display, and no test
touches the user's real data folder or settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The GUI tests' fixtures (main windows, settings, patched dialogs), for every test module.
pytest_plugins = ["tests.support.gui"]


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    data = tmp_path_factory.mktemp("gutskin-data")
    monkeypatch.setenv("GUTSKIN_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    return data


@pytest.fixture(scope="session", autouse=True)
def _release_clipboard_at_exit():
    # Foods left on the clipboard by a test would crash Qt's own shutdown at exit.
    yield
    import sys

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
