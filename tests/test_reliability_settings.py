"""The settings file: written atomically, and a damaged one gives the defaults."""

from __future__ import annotations

import pytest

from planner.scoring.model import Preferences
from ui.settings import AUTOSAVE_DEFAULT_S, Settings


def test_settings_are_saved_atomically(tmp_path):
    path = tmp_path / "settings.ini"
    settings = Settings(path)
    assert settings._qs.isAtomicSyncRequired()
    settings.set_preferences(Preferences(fiber_target_g=25))
    assert settings.sync() == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.ini"]
    assert Settings(path).fiber_target == 25


def test_settings_that_cannot_be_saved_say_so_and_change_nothing(tmp_path):
    path = tmp_path / "settings.ini"
    path.mkdir()  # a folder where the file should be
    settings = Settings(path)
    settings.autosave_seconds = 30
    message = settings.sync()
    assert message.startswith("The settings could not be saved to ") and "settings.ini" in message
    assert path.is_dir() and list(path.iterdir()) == []


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xff\xfe garbage \x00" * 100,
        b"[files]\nrecent=" + b"[" * 50_000 + b"\n",
        b'[files]\nrecent="[1, 2, {\\"a\\": null}]"\nautosave_seconds=NaN\n'
        b"last_folder=@Invalid()\n",
        b"[scoring]\nfiber_target_g=1e999\nacne_prone=maybe\navoid_tags=@Variant(\\0\\0)\n",
        b"[window]\ngeometry=@ByteArray(\\x1\\x2)\nstate=not bytes\n",
        "[files]\nlast_folder=\u202e/evil\n".encode(),
    ],
    ids=["empty", "binary", "deep-json", "wrong-types", "odd-values", "bad-geometry", "rtl"],
)
def test_a_damaged_settings_file_gives_the_defaults(tmp_path, content):
    path = tmp_path / "settings.ini"
    path.write_bytes(content)
    settings = Settings(path)
    assert settings.recent_files == [] or all(p.name for p in settings.recent_files)
    assert settings.fiber_target is None
    assert settings.autosave_seconds == AUTOSAVE_DEFAULT_S
    assert isinstance(settings.acne_prone, bool)
    assert settings.avoid_tags <= frozenset({"dairy", "gluten", "fish", "soy", "nuts",
                                             "alcohol", "animal"})  # fmt: skip
    settings.preferences()
    _ = settings.geometry, settings.window_state, settings.last_folder, settings.first_run


@pytest.mark.parametrize("value", ["", "abc", "0", "-5", "1e9", "nan", "inf"])
def test_an_autosave_interval_out_of_range_is_the_default(tmp_path, value):
    settings = Settings(tmp_path / "s.ini")
    settings._qs.setValue("files/autosave_seconds", value)
    assert settings.autosave_seconds == AUTOSAVE_DEFAULT_S
    settings.autosave_seconds = 5
    assert settings.autosave_seconds == 5
