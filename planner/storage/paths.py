"""Where the app keeps the user's data. GUTSKIN_DATA_DIR overrides it (tests use this)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "GutSkinPlanner"


def data_dir() -> Path:
    override = os.environ.get("GUTSKIN_DATA_DIR")
    if override:
        return Path(override)
    return user_data_path(APP_NAME, appauthor=False)


def user_foods_path() -> Path:
    return data_dir() / "my-foods.json"
